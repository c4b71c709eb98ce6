import { strict as assert } from 'node:assert';
import * as fs from 'fs';
import * as path from 'path';
import { extractFigures, plausibleInterval, DEFAULT_FIGURE_OPTIONS } from '../../server/src/dutch/figures';
import { extractTimeExpressions } from '../../server/src/dutch/time';

const one = (s: string) => {
  const fs_ = extractFigures(s);
  assert.equal(fs_.length, 1, `expected one figure in ${JSON.stringify(s)}, got ${JSON.stringify(fs_.map((f) => f.text))}`);
  return fs_[0];
};
const within = (v: number, [lo, hi]: [number, number]) => v >= lo && v <= hi;

describe('extractFigures: qualifiers as intervals', () => {
  it('ruim 1.000 is consistent with 1300, ruim 30.000 not with 133.000', () => {
    const f = one('Oekraïne veroverde ruim 1.000 vierkante kilometer.');
    assert.equal(f.value, 1000); assert.equal(f.qualifier, 'ruim'); assert.equal(f.unit, 'km2');
    assert.ok(within(1300, plausibleInterval(f)));
    assert.ok(!within(133000, plausibleInterval(one('Er wonen ruim 30.000 mensen.'))));
  });
  it('zo\'n 11.000 excludes 15.000; zo\'n 1500 excludes 1300; ongeveer 1300 includes 1300', () => {
    assert.ok(!within(15000, plausibleInterval(one("Er vechten zo'n 11.000 Noord-Koreanen mee."))));
    assert.ok(!within(1300, plausibleInterval(one("Het gaat om zo'n 1500 vierkante kilometer."))));
    assert.ok(within(1300, plausibleInterval(one('Het gaat om ongeveer 1300 vierkante kilometer.'))));
    assert.ok(within(40, plausibleInterval(one("Rusland heroverde zo'n 40 procent van het gebied."))));
  });
  it('meer dan 133.000 commits to (133000, unbounded)', () => {
    const f = one('De stad telde meer dan 133.000 inwoners.');
    assert.equal(f.low, 133000); assert.equal(f.high, null); assert.equal(f.counted, 'inwoner');
  });
  it('zeker 28 is at least 28; bijna 800 is below 800', () => {
    const z = one('Daarbij kwamen zeker 28 burgers om.');
    assert.equal(z.low, 28); assert.equal(z.high, null);
    const b = one('Het leger verloor bijna 800 vierkante kilometer.');
    assert.equal(b.high, 800); assert.ok((b.low as number) < 800 && (b.low as number) > 600);
  });
  it('ranges', () => {
    for (const [s, lo, hi] of [['tussen de 20 en 30 doden', 20, 30], ['30 tot 40 kilometer', 30, 40], ['20 à 30 dorpen', 20, 30], ['20-30 procent', 20, 30]] as const) {
      const f = one(`Er waren ${s} gemeld.`);
      assert.deepEqual([f.low, f.high], [lo, hi], s);
    }
  });
  it('vague quantities: value is the low end, qualifier is the word', () => {
    const f = one('De Russen bezetten tientallen dorpen.');
    assert.deepEqual([f.value, f.low, f.high, f.qualifier, f.counted], [20, 20, 99, 'tientallen', 'dorp']);
    const e = one('Er vielen enkele doden.');
    assert.deepEqual([e.low, e.high], [2, 9]);
    assert.equal(extractFigures('De verschillende partijen en geen enkele reden.').length, 0);
  });
  it('options are configurable', () => {
    const f = extractFigures("zo'n 1000 soldaten", { relative: { ...DEFAULT_FIGURE_OPTIONS.relative, approx: 0.3 } })[0];
    assert.equal(f.high, 1500);
  });
});

describe('extractFigures: units and counted nouns', () => {
  it('money with magnitude', () => {
    const f = one('Het kabinet trekt 2,5 miljoen euro uit.');
    assert.deepEqual([f.value, f.unit, f.dimension], [2500000, 'EUR', 'money']);
    assert.equal(text(f), '2,5 miljoen');
    const g = one('Het project kost € 1,2 miljard.');
    assert.deepEqual([g.value, g.unit], [1.2e9, 'EUR']);
  });
  it('area, length, duration with toBase', () => {
    const h = one('Het terrein is 250 hectare groot.');
    assert.deepEqual([h.unit, h.toBase], ['ha', 0.01]);
    const m = one('De file was 800 meter lang.');
    assert.equal(m.value * m.toBase, 0.8);
    const d = one('Het gevecht duurde drie uur lang.');
    assert.deepEqual([d.value, d.unit, d.dimension], [3, 'uur', 'duration']);
  });
  it('counted nouns with adjectives in between', () => {
    const f = one('Er zijn 93 Oekraïense krijgsgevangenen vrijgelaten.');
    assert.deepEqual([f.counted, f.countedText], ['krijgsgevangene', 'Oekraïense krijgsgevangenen']);
    assert.equal(one('Er stonden twaalf gepantserde voertuigen klaar.').counted, 'voertuig');
    assert.equal(one("Er zijn zo'n 50.000 Russische militairen gelegerd.").counted, 'militair');
  });
  it('a bare number after waaronder inherits the counted noun', () => {
    const fs_ = extractFigures('Het leger veroverde 120 dorpen, waaronder 15 in de provincie.');
    assert.equal(fs_.length, 2); assert.equal(fs_[1].counted, 'dorp'); assert.equal(fs_[1].countedInherited, true);
  });
  it('procentpunt is not percent', () => {
    const f = one('De partij verloor 3 procentpunt.');
    assert.notEqual(f.dimension, 'percent');
  });
});

describe('extractFigures: what is not a figure', () => {
  const none = ['In 2014 annexeerde Rusland de Krim.', 'Op 15 oktober 2024 was het zover.', 'Rond 9 uur begon de aanval.',
    'NOS Nieuws • vandaag, 16:55', 'Het is zijn derde maand aan het front.', 'Hij werd 3e in de race.', 'Er komt een nieuw offensief.',
    'Bel 06-12345678 of +31 6 12 34 56 78.', 'Het adres is 192.168.1.2 en versie 1.2.3.4.5.', 'Kijk op https://nos.nl/artikel/2550123',
    'De F-16 en de MH17 en Covid-19.', 'Zie artikel 5 van het verdrag.', 'Het is 2024-10 geworden.'];
  for (const s of none) it(JSON.stringify(s), () => assert.deepEqual(extractFigures(s).map((f) => f.text), []));
  it('"een half miljoen" and "één" are numbers', () => {
    assert.equal(one('Er vluchtten een half miljoen mensen.').value, 500000);
    assert.equal(one('Er is één soldaat gewond.').value, 1);
  });
});

describe('extractFigures with precomputed time expressions', () => {
  const texts = ['Op zondag 15 oktober 2024 sneuvelden ruim 1.000 soldaten, sinds 2014 zo\'n 11.000.',
    'Om 9 uur waren er 300 demonstranten; de afgelopen twee maanden kwamen er 20 tot 30 bij, in 2014 procent minder.',
    'Vorige week kostte het 2,5 miljoen euro (2019), tussen 1998-2000 ongeveer 40 000 inwoners.'];
  it('the same figures as when extractFigures finds the time expressions itself, whatever the reference date', () => {
    for (const s of texts) {
      for (const ref of ['2025-01-12', '2024-10', null]) {
        assert.deepEqual(extractFigures(s, { timeExpressions: extractTimeExpressions(s, ref) }), extractFigures(s), `${s} @ ${ref}`);
      }
    }
  });
  it('uses them: without any, a date\'s day and year read as numbers', () => {
    const s = 'Het begon op 15 oktober 2024 met 300 soldaten.';
    assert.deepEqual(extractFigures(s).map((f) => f.value), [300]);
    assert.deepEqual(extractFigures(s, { timeExpressions: [] }).map((f) => f.value), [15, 300]);
  });
});

describe('extractFigures: number and vague words in any case', () => {
  // Words are skipped early by their first two letters; capitals and accents must not hide figures.
  const cases: [string, number][] = [
    ['Tientallen mensen kwamen.', 20], ['TIENTALLEN MENSEN KWAMEN.', 20], ['Honderden soldaten sneuvelden.', 200],
    ['Enkele dagen later.', 2], ['Twee soldaten raakten gewond.', 2], ['TWEE soldaten raakten gewond.', 2],
    ['Anderhalf jaar lang.', 1.5], ['Één soldaat raakte gewond.', 1], ['ÉÉN soldaat raakte gewond.', 1],
    ['Drieëntwintig huizen brandden af.', 23], ['Dertienhonderd inwoners vluchtten.', 1300], ['Een paar huizen brandden af.', 2],
    ['De helft van de huizen.', 0.5], ['Een dertigtal huizen brandde af.', 30], ['Ruim Tweeduizend mensen.', 2000],
  ];
  for (const [s, v] of cases) it(s, () => assert.equal(one(s).value, v));
});

describe('extractFigures on the sample corpus', () => {
  const dir = path.resolve(__dirname, '../../samples/corpus');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.txt')) : [];
  it('finds the figures the articles state, with offsets that match the text', function () {
    if (!files.length) this.skip();
    const all = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    const found = all.flatMap((t) => extractFigures(t).map((f) => { assert.equal(t.slice(f.start, f.end), f.text); return f.text; }));
    for (const want of ['ruim 1.000 vierkante kilometer', '1300 vierkante kilometer', "zo'n 50.000 Russische militairen", 'bijna 800 vierkante kilometer',
      'tientallen dorpen', '93 Oekraïense krijgsgevangenen', 'meer dan 133.000 inwoners', 'zestig busstations', "zo'n negentig plaatsen",
      'elf neergehaalde drones', '600 nederzettingen', '40 procent']) assert.ok(found.includes(want), want);
    for (const f of found) assert.ok(!/^(?:2014|16:55|15 oktober)/.test(f), f);
  });
});

function text(f: { text: string; start: number; numberStart: number; numberEnd: number }): string {
  return f.text.slice(f.numberStart - f.start, f.numberEnd - f.start);
}
