// Property tests of the draft-facing analysis on arbitrary input: extractFigures and recognizePlaces
// on any string (unicode, mixed Dutch words, place names and numbers) never throw and return sorted,
// non-overlapping spans within bounds that never split a surrogate pair; DraftAnalyzer on random
// edits of a real sample paragraph never throws, and its paragraph cache gives the same answer as
// a fresh analysis of the final text.
//
// Fixed seeds. Runs: FUZZ_RUNS (default 200, as in `npm test`; `npm run fuzz` runs many more).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { Archive } from '../../server/src/archive';
import { extractFigures } from '../../server/src/dutch/figures';
import { PlaceLexicon, learnPlaceFacts, recognizePlaces } from '../../server/src/dutch/places';
import { DraftAnalyzer } from '../../server/src/facts/draft';

export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 200);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED) || 20250112;

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = path.join(ROOT, 'samples', 'corpus');

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const splitsPair = (text: string, i: number) => i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));

function checkSpans(text: string, spans: { start: number; end: number; text: string }[], what: string): void {
  let last = 0;
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end,
      `${what}: [${s.start}, ${s.end}) out of bounds 0..${text.length}`);
    assert.ok(s.start >= last, `${what}: not sorted or overlapping at ${s.start}`);
    assert.equal(text.slice(s.start, s.end), s.text, `${what}: span text`);
    assert.ok(!splitsPair(text, s.start) && !splitsPair(text, s.end), `${what}: [${s.start}, ${s.end}) splits a surrogate pair`);
    last = s.end;
  }
}

/** Pieces of Dutch news copy: words, place names in several spellings, numbers, qualifiers, units, noise. */
const PIECES = [
  'In', 'in', 'de', 'het', 'stad', 'stadje', 'regio', 'provincie', 'bij', 'rond', 'van', 'naar', 'ten noorden van', 'op zo\'n',
  'Koersk', 'Kursk', 'Soedzja', 'Sudzha', 'Kyiv', 'Kiev', 'Charkiv', 'Kharkiv', 'Loehansk', 'Luhansk', 'Oekraïne', 'Rusland',
  'Pokrovsk', 'Den Haag', "'s-Hertogenbosch", 'Noord-Korea', 'Zwarte Zee', 'Marinovka',
  'ruim', 'bijna', "zo'n", 'circa', 'meer dan', 'tussen', 'en', 'tot', 'ongeveer', 'minstens',
  '1.000', '1500', '2,5', 'miljoen', 'miljard', 'dertienhonderd', 'zestig', 'drieëntwintig', 'half', '99999999999999999999999',
  '1.2.3.4.5', '0,0', '-3', '+31', '12:30', '2024', '14 augustus',
  'procent', '%', 'euro', '€', 'vierkante kilometer', 'km²', 'kilometer', 'doden', 'inwoners', 'krijgsgevangenen', 'dorpen',
  '.', ',', ';', ':', '(', ')', '"', '“', '”', "'", '–', '-', '/', '?', '!',
  ' ', ' ', ' ', '\n', '\r\n', '\r', '\t', '\u00a0',
  '\u200b', '\ufeff', '\u202e', '\u202c', '😀', '🇺🇦', '👩‍👩‍👧', 'مرحبا', 'שלום', '٣٥', '\ud83d', '\ude00', 'é', 'ë', 'e\u0301',
];

/** Strings of Dutch-looking pieces, mostly space-separated, plus some arbitrary unicode. */
export const dutchish = fc.array(fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
), { maxLength: 60 }).chain((parts) => fc.array(fc.constantFrom(' ', ' ', ' ', '', '\n'), { minLength: parts.length, maxLength: parts.length })
  .map((seps) => parts.map((p, i) => p + seps[i]).join('')));

/** Any string: arbitrary code points and code units, lone surrogates included. */
export const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ maxLength: 200 }),
);

/** A lexicon that knows the sample archive's names, as the server's would. */
function sampleLexicon(): PlaceLexicon {
  const lex = PlaceLexicon.load();
  for (const f of fs.readdirSync(CORPUS)) lex.addLearned(learnPlaceFacts(fs.readFileSync(path.join(CORPUS, f), 'utf8')));
  return lex;
}

describe('figures and places on arbitrary strings (fuzz)', function () {
  this.timeout(600000);
  let lexicon: PlaceLexicon;
  before(() => { lexicon = sampleLexicon(); });

  it('extractFigures never throws; sorted, in-bounds spans with finite values that split no surrogate pair', () => {
    const prop = (s: string) => {
      const figs = extractFigures(s);
      checkSpans(s, figs, 'figures');
      for (const f of figs) {
        assert.ok(Number.isFinite(f.value), `finite value of ${f.text}`);
        assert.ok(f.numberStart >= f.start && f.numberEnd <= f.end && f.numberStart < f.numberEnd, `number span of ${f.text}`);
        assert.ok(f.low === null || f.high === null || f.low <= f.high, `interval of ${f.text}`);
      }
    };
    fc.assert(fc.property(dutchish, prop), { seed: FUZZ_SEED, numRuns: FUZZ_RUNS });
    fc.assert(fc.property(anyString, prop), { seed: FUZZ_SEED + 1, numRuns: FUZZ_RUNS });
  });

  it('recognizePlaces never throws; sorted, non-overlapping, in-bounds mentions that split no surrogate pair', () => {
    const prop = (s: string) => {
      const ms = recognizePlaces(s, lexicon);
      checkSpans(s, ms, 'places');
      for (const m of ms) assert.ok(typeof m.id === 'string' && m.id.length > 0 && typeof m.name === 'string', `id and name for ${m.text}`);
    };
    fc.assert(fc.property(dutchish, prop), { seed: FUZZ_SEED + 2, numRuns: FUZZ_RUNS });
    fc.assert(fc.property(anyString, prop), { seed: FUZZ_SEED + 3, numRuns: FUZZ_RUNS });
  });
});

describe('DraftAnalyzer on random edits of a real sample paragraph (fuzz)', function () {
  this.timeout(600000);
  let archive: Archive;
  let paragraph: string;
  before(async () => {
    archive = new Archive({ paths: [CORPUS], baseDir: ROOT, cacheDir: null, workers: 0 });
    await archive.build();
    // A real paragraph of the sample archive with figures and places in it.
    const texts = fs.readdirSync(CORPUS).sort().map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'));
    const paras = texts.flatMap((t) => t.split(/\r?\n/)).filter((p) => /\d/.test(p) && p.length > 200 && p.length < 1200);
    assert.ok(paras.length > 0, 'a sample paragraph');
    paragraph = paras[0];
  });

  // An edit: replace [at, at + del) by an insertion, as typing, pasting or deleting does.
  const edit = fc.record({
    at: fc.nat(), del: fc.nat({ max: 40 }),
    insert: fc.oneof(fc.constantFrom(...PIECES), dutchish, fc.string({ unit: 'binary', maxLength: 10 }), fc.constant('')),
  });

  it('never throws, every span in bounds, and the paragraph cache gives what a fresh analysis gives', () => {
    const runs = Math.max(1, Math.ceil(FUZZ_RUNS / 4));
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
      const reused = new DraftAnalyzer(archive.index, '2025-01-12');
      let text = paragraph + '\n\n' + paragraph;
      reused.analyze(text);
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.del));
        const a = reused.analyze(text);
        assert.ok(a);
        checkSpans(text, a.figures, 'draft figures');
        checkSpans(text, a.mentions, 'draft places');
        assert.equal(a.verdicts.length, a.figures.length);
      }
      const fresh = new DraftAnalyzer(archive.index, '2025-01-12').analyze(text)!;
      const got = reused.analyze(text)!;
      const key = (x: typeof got) => JSON.stringify({ f: x.figures.map((f) => [f.start, f.end, f.value]), m: x.mentions.map((m) => [m.start, m.end, m.id]), v: x.verdicts.map((v) => v.verdict) });
      assert.equal(key(got), key(fresh), 'incremental analysis equals a fresh one');
    }), { seed: FUZZ_SEED + 4, numRuns: runs });
  });
});
