// The hand-written tokenizer (tokenize on a whole text) against the regular expression it
// implements (tokenizeByRegex): the same tokens on real Dutch news, on the edge cases of the
// pattern (apostrophe words, joined words, number separators, surrogate pairs, Unicode spaces)
// and on arbitrary strings over an alphabet made of those cases (fixed seed).

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { tokenize, tokenizeByRegex, sentences, paragraphs } from '../../server/src/dutch/tokens';
import { benchmarkTexts, sampleTexts } from './news-texts';

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 200);

const same = (text: string) => assert.deepEqual([...tokenize(text)], tokenizeByRegex(text), JSON.stringify(text.slice(0, 200)));

describe('tokenizer', () => {
  it('finds the same tokens as its regular expression in the sample corpus', () => {
    for (const t of sampleTexts()) same(t);
  });

  it('finds the same tokens as its regular expression in 1,438 real news articles (when ../shared is there)', function () {
    const texts = benchmarkTexts();
    if (!texts) this.skip();
    for (const t of texts) same(t);
    assert.ok(texts.length > 1000);
  });

  it('reads apostrophe words, joined words and Dutch numbers as single tokens', () => {
    const toks = tokenize("In 's-Gravenhage zo'n 1.234,5 km² en 't Donbas-regio's; 'n ’s avonds 'sx 'Sabc 'na 2,5 mln.");
    assert.deepEqual(toks.map((t) => `${t.kind[0]}:${t.text}`), [
      'w:In', "w:'s-Gravenhage", "w:zo'n", 'n:1.234,5', 'w:km', 'p:²', 'w:en', "w:'t", "w:Donbas-regio's", 'p:;', "w:'n", 'w:’s', 'w:avonds',
      "p:'", 'w:sx', "p:'", 'w:Sabc', "p:'", 'w:na', 'n:2,5', 'w:mln', 'p:.',
    ]);
    for (const text of ['a\u00a0b\u2009c\u202fd\u3000e\ufeff', '😀Kyiv👍🏽-', '\ud800x\udc00', "'s", "'", '-a', 'a-', "a''b", '1.', '1..2', '1,2.3,4', 'e\u0301le\u0301ve', '𝐀𝐁c'])
      same(text);
  });

  it('finds the same tokens as its regular expression on arbitrary strings', () => {
    const pieces = ["'", '’', 's', 'S', 't', 'n', 'x', '-', '.', ',', '1', '9', ' ', '\u00a0', '\n', 'é', '\u0301', '😀', '\ud800', '\udc00', '_', 'Kyiv', 'zo', '²', '—'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => { same(parts.join('')); }), { numRuns: RUNS * 10, seed: 20261122 });
  });

  it('shares one list per text for tokens, sentences and paragraphs', () => {
    const text = 'Koersk ligt in Rusland. Het stadje Soedzja ook.\nTweede alinea.';
    assert.equal(tokenize(text), tokenize(text));
    assert.equal(sentences(text), sentences(text));
    assert.equal(paragraphs(text), paragraphs(text));
    assert.equal(sentences(text).length, 3);
  });
});
