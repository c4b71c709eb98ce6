// The hand-written tokenizer (tokenize on a whole text) against the regular expression it
// implements (tokenizeByRegex): the same tokens on real Dutch news, on the edge cases of the
// pattern (apostrophe words, joined words, number separators, surrogate pairs, Unicode spaces)
// and on arbitrary strings over an alphabet made of those cases (fixed seed).

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { tokenize, tokenizeByRegex, sentences, paragraphs, nameWords, nameWordsByRegex, wordOf } from '../../server/src/dutch/tokens';
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

  it('ends a heading run into its paragraph, as flattened archives give it, but not at a name or a paper', () => {
    const split = (t: string) => sentences(t).map((s) => t.slice(s.start, s.end));
    // (dpgmedia2019: the heading's "dood" made three arrested suspects a death toll)
    assert.deepEqual(split('Drie verdachten voor dood Nederlander In de Dominicaanse Republiek zijn drie mensen aangehouden.'),
      ['Drie verdachten voor dood Nederlander', 'In de Dominicaanse Republiek zijn drie mensen aangehouden.']);
    assert.deepEqual(split('3 In de cel of in een kamp in Noord-Syrië Zo\'n tien Nederlandse vrouwen bevinden zich in kampen.'),
      ['3', 'In de cel of in een kamp in Noord-Syrië', 'Zo\'n tien Nederlandse vrouwen bevinden zich in kampen.']);
    for (const t of ['Dat meldt volgens De Telegraaf de politie.', 'Minister Jan Van Damme zei het.', 'Volgens Die Welt is het zo.', 'Hij zei dat het zo is.'])
      assert.equal(sentences(t).length, 1, t);
  });
  it('shares one list per text for tokens, sentences and paragraphs', () => {
    const text = 'Koersk ligt in Rusland. Het stadje Soedzja ook.\nTweede alinea.';
    assert.equal(tokenize(text), tokenize(text));
    assert.equal(sentences(text), sentences(text));
    assert.equal(paragraphs(text), paragraphs(text));
    assert.equal(sentences(text).length, 3);
  });
});

// The word scanner of the learning heuristics (nameWords) against its pattern (NAME_WORD_RE).
describe('name-word scanner', () => {
  // (Every word's text made, and only the capitalised ones' before it is asked for.)
  const words = (text: string) => nameWords(text).map((x) => {
    assert.equal(x.w !== null, x.cap);
    return { ...x, w: wordOf(text, x) };
  });
  const same = (text: string) => assert.deepEqual(words(text), nameWordsByRegex(text), JSON.stringify(text.slice(0, 200)));

  it('finds the same words as its pattern in the sample corpus and in 1,438 real news articles (when ../shared is there)', () => {
    let n = 0;
    for (const t of [...sampleTexts(), ...(benchmarkTexts() ?? [])]) { same(t); n++; }
    assert.ok(n >= 5);
  });

  it('reads joined names, apostrophes, & and + as its pattern does', () => {
    const text = "AT&T en C++ in Noord-Holland's havens; 's-Hertogenbosch, Saint-Étienne-du-Rouvray en x-&y a-+b -c d- 1.000-ste Kyiv😀-𝐀𝐁";
    assert.deepEqual(words(text).map((x) => x.w), [
      'AT&T', 'en', 'C++', 'in', "Noord-Holland's", 'havens', "'s-Hertogenbosch", 'Saint-Étienne-du-Rouvray', 'en', 'x', '&y', 'a', '+b', 'c', 'd', '1', '000-ste', 'Kyiv', '𝐀𝐁',
    ]);
    same(text);
    for (const t of ['\ud800x\udc00', '-', "'", '&-a', 'a-&', 'e\u0301-\u0301', '٣-٤', 'Ⅻ-x', '']) same(t);
  });

  it('finds the same words as its pattern on arbitrary strings', () => {
    const pieces = ["'", '’', '&', '+', '-', 'a', 'B', '1', '٣', ' ', '\u00a0', '.', 'é', '\u0301', '😀', '𝐀', '\ud800', '\udc00', '_', '—'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => { same(parts.join('')); }), { numRuns: RUNS * 10, seed: 20261122 });
  });
});
