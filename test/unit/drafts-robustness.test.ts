// Hostile drafts through the pure functions (DraftAnalyzer, extractFigures, recognizePlaces):
// huge lines, invisible and right-to-left characters, emoji, absurd numbers, odd line endings.
// The same inputs go through the language server in test/lsp/robustness.test.ts.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Archive } from '../../server/src/archive';
import { LineIndex } from '../../server/src/core/text';
import { extractFigures } from '../../server/src/dutch/figures';
import { recognizePlaces } from '../../server/src/dutch/places';
import { DraftAnalyzer, type DraftAnalysis } from '../../server/src/facts/draft';

const ROOT = path.resolve(__dirname, '..', '..');

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** True when a span boundary at `i` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/** Every span of an analysis is inside the text, has its text, never splits a pair, and spans are sorted. */
export function assertSpans(text: string, spans: { start: number; end: number; text?: string }[], what: string): void {
  let last = 0;
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets`);
    assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end, `${what}: [${s.start}, ${s.end}) within 0..${text.length}`);
    assert.ok(s.start >= last, `${what}: sorted, non-overlapping at ${s.start}`);
    assert.ok(!splitsPair(text, s.start) && !splitsPair(text, s.end), `${what}: [${s.start}, ${s.end}) splits a surrogate pair`);
    if (s.text !== undefined) assert.equal(text.slice(s.start, s.end), s.text, `${what}: text matches the span`);
    last = s.end;
  }
}

function assertAnalysis(text: string, a: DraftAnalysis | null): DraftAnalysis {
  assert.ok(a, 'an analysis');
  assert.equal(a.text, text);
  assertSpans(text, a.mentions, 'place mentions');
  assertSpans(text, a.figures, 'figures');
  assert.equal(a.verdicts.length, a.figures.length);
  for (const f of a.figures) {
    assert.ok(Number.isFinite(f.value), `finite value for ${f.text}`);
    assert.ok(f.numberStart >= f.start && f.numberEnd <= f.end && f.numberStart < f.numberEnd, `number span inside ${f.text}`);
  }
  return a;
}

describe('drafts: hostile input through the pure functions', function () {
  this.timeout(60000);
  let archive: Archive;
  let analyzer: DraftAnalyzer;

  before(async () => {
    archive = new Archive({ paths: [path.join(ROOT, 'samples', 'corpus')], baseDir: ROOT, cacheDir: null, workers: 0 });
    await archive.build();
    assert.ok(archive.index.stats().articles >= 5);
  });
  beforeEach(() => { analyzer = new DraftAnalyzer(archive.index); });

  const all = (text: string) => {
    assertSpans(text, extractFigures(text), 'extractFigures');
    assertSpans(text, recognizePlaces(text, archive.index.lexicon), 'recognizePlaces');
    return assertAnalysis(text, analyzer.analyze(text));
  };

  it('an empty draft and a draft of only whitespace give empty analyses', () => {
    for (const text of ['', ' ', '\n\n\n', '\r\n\r\n', '\r\r', ' \t \u00a0\n\t  \r\n']) {
      const a = all(text);
      assert.deepEqual([a.mentions.length, a.figures.length, a.verdicts.length], [0, 0, 0], JSON.stringify(text));
    }
  });

  it('a 1 MB line is analysed in seconds, every figure and place found', () => {
    const sentence = 'In de stad Koersk zijn bij zestig busstations schuilkelders geplaatst, zo meldt de gouverneur. ';
    const n = Math.ceil(1_000_000 / sentence.length);
    const text = sentence.repeat(n).trimEnd();
    assert.ok(text.length >= 1_000_000 && !/\n/.test(text));
    const t0 = Date.now();
    const a = all(text);
    const ms = Date.now() - t0;
    // Quadratic context lookup made this take ~40 s; linear work is well under 15 s even on a busy machine.
    assert.ok(ms < 15000, `took ${ms} ms`);
    assert.equal(a.figures.filter((f) => f.value === 60).length, n);
    assert.equal(a.mentions.filter((m) => m.text === 'Koersk').length, n);
    // The last figure points at the last sentence.
    const last = a.figures[a.figures.length - 1];
    assert.equal(text.slice(last.start, last.end), last.text);
    assert.ok(last.start > text.length - sentence.length);
  });

  it('zero-width characters (U+200B, U+FEFF) neither hide a figure nor shift its offsets', () => {
    const text = '\uFEFFIn het stadje Soedzja\u200b zijn volgens de gouverneur \u200b1.500 inwoners geëvacueerd.\u200b';
    const a = all(text);
    const fig = a.figures.find((f) => f.value === 1500);
    assert.ok(fig, 'the figure 1.500');
    assert.equal(text.slice(fig.numberStart, fig.numberEnd), '1.500');
    const place = a.mentions.find((m) => m.text === 'Soedzja');
    assert.ok(place, 'Soedzja recognised');
    assert.equal(text.indexOf('Soedzja'), place.start);
  });

  it('right-to-left text (U+202E, Arabic, Hebrew) around Dutch text keeps every span right', () => {
    const text = [
      'مرحبا بالعالم. In de regio Koersk zijn 40 dorpen ontruimd.',
      'שלום עולם 35 — het leger rukte 12 kilometer op bij Soedzja.',
      '\u202eIn de stad Koersk zijn bij zestig busstations schuilkelders geplaatst.\u202c',
    ].join('\n');
    const a = all(text);
    for (const [needle, value] of [['40 dorpen', 40], ['12 kilometer', 12], ['zestig busstations', 60]] as const) {
      const f = a.figures.find((x) => x.value === value);
      assert.ok(f, `figure ${needle}`);
      assert.equal(f.start, text.indexOf(needle), `offset of ${needle}`);
    }
    assert.ok(a.mentions.some((m) => m.text === 'Soedzja' && m.start === text.indexOf('Soedzja')));
    assert.ok(a.mentions.some((m) => m.text === 'Koersk' && m.start === text.indexOf('Koersk')));
  });

  it('emoji (surrogate pairs) keep offsets in UTF-16 units and no span splits a pair', () => {
    const text = '🇺🇦 Het leger 😀 veroverde bij Soedzja 🔥 ruim 1.000 vierkante kilometer 💥💥 in de regio Koersk.\n😀😀😀 Er vielen 😀 93 doden.';
    const a = all(text);
    const area = a.figures.find((f) => f.value === 1000);
    assert.ok(area, 'ruim 1.000 vierkante kilometer');
    assert.equal(area.start, text.indexOf('ruim 1.000'));
    assert.equal(area.unit, 'km2');
    const dead = a.figures.find((f) => f.value === 93);
    assert.ok(dead);
    assert.equal(dead.start, text.indexOf('93'));
    // Positions count UTF-16 units: '😀😀😀 Er vielen 😀 ' is 3*2 + 12 + 2 + 1 units.
    const li = new LineIndex(text);
    assert.deepEqual(li.positionAt(dead.start), { line: 1, character: text.split('\n')[1].indexOf('93') });
    assert.ok(a.mentions.some((m) => m.text === 'Soedzja' && m.start === text.indexOf('Soedzja')));
  });

  it('lone surrogates and unpaired marks do not break anything', () => {
    const text = 'In Koersk \ud83d zijn \ude00 30 doden\ud800. ̈Soedzja ́ 5 dorpen\udfff';
    all(text);
  });

  it('absurd numbers stay finite; "1.2.3.4.5" is not the number 12345', () => {
    const a = all('Volgens de krant steeg de prijs met 99999999999999999999999 procent.');
    const f = a.figures.find((x) => x.unit === '%');
    assert.ok(f, 'the percentage is read');
    assert.ok(Number.isFinite(f.value) && f.value > 1e22);
    for (const text of ['Versie 1.2.3.4.5 is uit.', '1.2.3.4.5', '10.0.0.1 en 192.168.1.1', '9'.repeat(400) + ' doden', '1' + '.000'.repeat(120) + ' miljard euro']) {
      const b = all(text);
      for (const x of b.figures) {
        assert.ok(Number.isFinite(x.value), `${text.slice(0, 30)}: finite`);
        assert.notEqual(x.value, 12345, 'dots of a version number are not thousands separators');
      }
    }
  });

  it('figures never overlap: a unit taken by one figure is not the currency prefix of the next (found by fuzzing)', () => {
    for (const text of ['Het kost 1.000 euro dertienhonderd keer meer.', 'Ze betaalden 5 euro honderd keer.', 'Ruim 20 procent ruim 30 doden.']) {
      const figs = extractFigures(text);
      assertSpans(text, figs, text);
      assert.ok(figs.length >= 2, `two figures in ${text}`);
    }
    const figs = extractFigures('Ze betaalden 5 euro honderd keer.');
    const text = 'Ze betaalden 5 euro honderd keer.';
    assert.deepEqual(figs.map((f) => [f.start, f.unit]), [[text.indexOf('5 euro'), 'EUR'], [text.indexOf('honderd'), null]]);
  });

  it('CRLF and lone CR line endings: same figures and places as with LF, positions on the right line', () => {
    const lines = [
      'Oekraïne in het nauw',
      "Het Oekraïense leger veroverde zo'n 1500 vierkante kilometer. Rond het stadje Soedzja wordt gevochten.",
      '',
      'In de stad Koersk zijn bij zestig busstations schuilkelders geplaatst.',
    ];
    const lf = lines.join('\n');
    const ref = all(lf);
    assert.ok(ref.figures.length >= 2 && ref.mentions.length >= 2);
    for (const eol of ['\r\n', '\r']) {
      const text = lines.join(eol);
      const a = all(text);
      assert.deepEqual(a.figures.map((f) => f.text), ref.figures.map((f) => f.text), `figures with ${JSON.stringify(eol)}`);
      assert.deepEqual(a.mentions.map((m) => m.text), ref.mentions.map((m) => m.text), `places with ${JSON.stringify(eol)}`);
      const li = new LineIndex(text);
      const refLi = new LineIndex(lf);
      for (const [x, y] of a.figures.map((f, i) => [f, ref.figures[i]] as const)) {
        assert.deepEqual(li.rangeOf(x.start, x.end), refLi.rangeOf(y.start, y.end), `range of ${x.text} with ${JSON.stringify(eol)}`);
      }
      for (const [x, y] of a.mentions.map((m, i) => [m, ref.mentions[i]] as const)) {
        assert.deepEqual(li.rangeOf(x.start, x.end), refLi.rangeOf(y.start, y.end), `range of ${x.text} with ${JSON.stringify(eol)}`);
      }
    }
  });

  it('an analyzer survives a stream of hostile drafts and still analyses a normal one correctly', () => {
    const hostile = ['', '\u200b'.repeat(10000), '😀'.repeat(50000), '\r'.repeat(10000), '1.'.repeat(20000), 'Koersk '.repeat(20000), '\ud83d'.repeat(1000)];
    for (const h of hostile) all(h);
    const a = all('In de stad Koersk zijn bij zestig busstations schuilkelders geplaatst.');
    assert.equal(a.figures.length, 1);
    assert.equal(a.figures[0].value, 60);
    assert.ok(a.mentions.some((m) => m.text === 'Koersk'));
  });
});
