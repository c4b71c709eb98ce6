// Event words: eventsOfWord answers most words by their first three letters alone (see
// EVENT_PREFIXES in facts/semantics.ts). Its answers must be those of the patterns themselves, on
// real Dutch news and on arbitrary words built from the patterns' own beginnings.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { eventPrefixFilter, eventsByPatterns, eventsOfWord } from '../../server/src/facts/semantics';
import { tokenize } from '../../server/src/dutch/tokens';
import { benchmarkTexts, sampleTexts } from './news-texts';

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 200);

function sameOnWords(text: string): number {
  let events = 0;
  for (const t of tokenize(text)) {
    if (t.kind !== 'word') continue;
    const want = eventsByPatterns(t.text);
    assert.deepEqual([...eventsOfWord(t.text)], [...want], t.text);
    if (want.length) events++;
  }
  return events;
}

describe('event words', () => {
  it('the first-letters shortcut is in use (every pattern alternative starts with three plain letters)', () => {
    assert.equal(eventPrefixFilter, true);
  });

  it('names the events of inflected, capitalised and accented verbs', () => {
    assert.deepEqual([...eventsOfWord('heroverden')], ['heroveren']);
    assert.deepEqual([...eventsOfWord('Heroverd')], ['heroveren']);
    assert.deepEqual([...eventsOfWord('geëvacueerd')], ['evacueren']);
    assert.deepEqual([...eventsOfWord('Omgekomen')], ['sneuvelen']);
    assert.deepEqual([...eventsOfWord('gedood')], ['executeren', 'sneuvelen']);
    assert.deepEqual([...eventsOfWord('huis')], []);
    assert.deepEqual([...eventsOfWord('me')], []);
  });

  it('answers as the patterns do for every word of the sample corpus', () => {
    let events = 0;
    for (const t of sampleTexts()) events += sameOnWords(t);
    assert.ok(events > 10, `only ${events} event words in the sample corpus`);
  });

  it('answers as the patterns do for every word of 1,438 real news articles (when ../shared is there)', function () {
    const texts = benchmarkTexts();
    if (!texts) this.skip();
    let events = 0;
    for (const t of texts) events += sameOnWords(t);
    assert.ok(events > 1000, `only ${events} event words`);
  });

  it('answers as the patterns do for arbitrary words near the event words (fixed seed)', () => {
    const pieces = ['her', 'Her', 'over', 'ver', 'Ver', 'ge', 'gë', 'ë', 'evacu', 'eerd', 'd', 'e', 'n', 'en', 'de', 'den', 'mee', 'Mee',
      'nam', 'dood', 'om', 'ge', 'komen', 'vlucht', 'bevrijd', 'ing', 'bezet', 'ting', 'ligt', 'lag', 'zet', 'x', 'A', 'É', '-', "'", 'ij'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }), (parts) => {
      const w = parts.join('');
      assert.deepEqual([...eventsOfWord(w)], [...eventsByPatterns(w)], w);
    }), { numRuns: RUNS * 10, seed: 20261122 });
  });
});
