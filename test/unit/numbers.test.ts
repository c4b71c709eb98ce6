import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseDutchNumber, parseDigits, isNumberWord } from '../../server/src/dutch/numbers';
import { numberToDutch } from './number-words';

describe('parseDutchNumber', () => {
  const cases: [string, number | null][] = [
    ['1300', 1300], ['11.000', 11000], ['2,5', 2.5], ['1.234,567', 1234.567], ['40 000', 40000], ['40\u202f000', 40000],
    ['1.000', 1000], ['1.5', 1.5], ['4,800', 4.8], ['1.2.3.4.5', null], ['192.168.1.2', null],
    ['negen', 9], ['elf', 11], ['zestig', 60], ['tweeëntwintig', 22], ['tweeentwintig', 22], ['dertienhonderd', 1300],
    ['honderddrieëndertigduizend', 133000], ['zeventien miljoen drieënvijftigduizend negenhonderdtachtig', 17053980],
    ['anderhalf', 1.5], ['tweeënhalf', 2.5], ['een half miljoen', 500000], ['1,2 miljard', 1.2e9], ['2 miljoen', 2e6],
    ['2,5 mln', 2.5e6], ['de helft', 0.5], ['een derde', 1 / 3], ['driekwart', 0.75], ['twee derde', 2 / 3],
    ['honderd tweeëntwintig', 122], ['vierduizend en twee', 4002], ['twee en een half', 2.5], ['3 miljoen en een half', 3.5e6],
    ['vijfentwintighonderdzevenenzeventig', 2577], ['één', 1], ['3/4', 0.75], ['2 1/4', 2.25],
    // not numbers
    ['honderdachtste', null], ['derde', null], ['achten', null], ['tien en vijftien', null], ['', null], ['hallo', null],
  ];
  for (const [s, v] of cases) {
    it(`${JSON.stringify(s)} → ${v}`, () => {
      const got = parseDutchNumber(s);
      if (v === null) assert.equal(got, null);
      else { assert.notEqual(got, null); assert.ok(Math.abs((got as number) - v) < 1e-9, `${got}`); }
    });
  }
  it('never mistakes the thousands dot for a decimal point', () => {
    for (const s of ['1.000', '12.000', '133.000', '1.000.000']) assert.equal(parseDigits(s), Number(s.replace(/\./g, '')));
  });
});

describe('numberToDutch round trip', () => {
  it('own generator: random integers up to 10^9 parse back (fixed seed)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), (n) => parseDutchNumber(numberToDutch(n)) === n), { seed: 42, numRuns: 2000 });
  });
  it('n2words nl-NL: random integers up to 10^9 parse back (fixed seed)', async () => {
    const mod: { toCardinal: (n: number) => string } = await import('n2words/nl-NL' as string);
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), (n) => parseDutchNumber(mod.toCardinal(n)) === n), { seed: 7, numRuns: 2000 });
  });
  it('writes Dutch spelling', () => {
    assert.equal(numberToDutch(22), 'tweeëntwintig');
    assert.equal(numberToDutch(133000), 'honderddrieëndertigduizend');
    assert.equal(numberToDutch(17053980), 'zeventien miljoen drieënvijftigduizend negenhonderdtachtig');
  });
});

describe('isNumberWord', () => {
  // isNumberWord rejects most words by their first and last two letters; it must never reject a
  // number word written in capitals, without diaeresis, with a hyphen or with accents.
  const variants = (w: string) => [w, w.toUpperCase(), w[0].toUpperCase() + w.slice(1), w.replace(/ë/g, 'e'), w.replace(/ë/g, '-e')];
  it('every word of a number written out is a number word, in any case (fixed seed)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e9 }), (n) => {
      for (const w of numberToDutch(n).split(' ')) for (const v of variants(w)) assert.ok(isNumberWord(v), `${v} (${n})`);
    }), { seed: 5, numRuns: 2000 });
    for (const w of ['één', 'ÉÉN', 'anderhalf', 'Anderhalve', 'driekwart', 'twee-en-twintig', 'dertienhonderd', 'MILJOEN']) assert.ok(isNumberWord(w), w);
  });
  it('ordinary words and fragments are not', () => {
    for (const w of ['de', 'en', 'half', 'tweede', 'achten', 'eenheid', 'Driebergen', 'honderdste', 'x', '', 'Eenmaal', 'zestal']) {
      assert.equal(isNumberWord(w), false, w);
    }
  });
});
