import { strict as assert } from 'node:assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { extractTimeExpressions, timeScanMatches, timeScanPatterns } from '../../server/src/dutch/time';

const first = (s: string, ref: string | null) => {
  const t = extractTimeExpressions(s, ref);
  assert.ok(t.length >= 1, `no time expression in ${s}`);
  return t[0];
};

describe('extractTimeExpressions', () => {
  const ref = '2025-01-12'; // a Sunday
  const cases: [string, string | null, string | null, string][] = [
    ['Het gebeurde op 15 oktober 2024.', '2024-10-15', '2024-10-15', 'date'],
    ['Het gebeurde op 15 oktober.', '2024-10-15', '2024-10-15', 'date'],
    ['Sinds begin augustus is het onrustig.', '2024-08-01', '2025-01-12', 'period'],
    ['Dat was eind vorige maand.', '2024-12-21', '2024-12-31', 'relative'],
    ['In oktober viel de stad.', '2024-10-01', '2024-10-31', 'period'],
    ['Deze maand is het koud.', '2025-01-01', '2025-01-31', 'relative'],
    ['Vorige week was er een aanval.', '2024-12-30', '2025-01-05', 'relative'],
    ['Vandaag is het rustig.', '2025-01-12', '2025-01-12', 'relative'],
    ['Gisteren werd er gevochten.', '2025-01-11', '2025-01-11', 'relative'],
    ['Op vrijdag begon het.', '2025-01-10', '2025-01-10', 'relative'],
    ['Rusland annexeerde in 2014 de Krim.', '2014-01-01', '2014-12-31', 'year'],
    ['De afgelopen twee jaar was het raak.', '2023-01-12', '2025-01-12', 'period'],
  ];
  for (const [s, from, to, kind] of cases) {
    it(s, () => { const t = first(s, ref); assert.deepEqual([t.from, t.to, t.kind], [from, to, kind]); });
  }
  it('a month without year is the most recent one not after a month reference', () => {
    const t = first('In december kwamen de Noord-Koreanen.', '2025-01');
    assert.deepEqual([t.from, t.to], ['2024-12-01', '2024-12-31']);
    const v = first('Vandaag', '2025-01');
    assert.deepEqual([v.from, v.to], ['2025-01-01', '2025-01-31']);
  });
  it('clock times', () => {
    for (const s of ['Om 9 uur begon het.', 'NOS Nieuws • vandaag, 16:55', 'Rond 9 uur was het stil.']) {
      assert.ok(extractTimeExpressions(s, ref).some((t) => t.kind === 'clock'), s);
    }
  });
  it('no reference: unresolved but found', () => {
    const t = first('In november werd gevochten.', null);
    assert.deepEqual([t.from, t.to], [null, null]);
  });
  it('offsets match the text', () => {
    const s = 'Eind vorige maand, op 3 januari en om 16:55 uur, in 2014.';
    for (const t of extractTimeExpressions(s, ref)) assert.equal(s.slice(t.start, t.end), t.text);
  });
});

describe('time scans: candidate starts instead of a look-behind', () => {
  // The scans run each pattern only at the starts of letter/digit runs whose first letters can
  // begin it. Reference: the same pattern as a global regex with the (?<![\p{L}\p{N}]) guard.
  const reference = (text: string) => {
    const out: { pattern: number; start: number; end: number }[] = [];
    timeScanPatterns().forEach(({ source, flags }, pattern) => {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})`, `${flags}g`);
      for (const m of text.matchAll(re)) out.push({ pattern, start: m.index, end: m.index + m[0].length });
    });
    return out;
  };
  const same = (text: string) => assert.deepEqual(timeScanMatches(text), reference(text), JSON.stringify(text));
  it('finds what the look-behind patterns find in real text', () => {
    const dir = path.join(__dirname, '..', '..', 'samples', 'corpus');
    for (const f of fs.readdirSync(dir)) same(fs.readFileSync(path.join(dir, f), 'utf8'));
    same('Sinds begin augustus, VANAF 2014, t/m 2016, Tot en met 1999, halverwege2015, eind-oktober, om kwart over 9 uur, '
      + 'vandaag, Vorige Week, de laatste 3 dagen, (2014), 1998-2000, 15-10-2024, 2024-10-15, 16:55, 9.30 uur, 10 uur \'s avonds. '
      + 'Xin 2014, van2014, vandaag2, dec. 2019, Dec 2019, a15 mei, ſinds 2014, in 2014 (ſ folds to s), 2014van, 3e 2019.');
    // every word a pattern can start with, in front of what may follow it
    const starters = ['in', 'sinds', 'vanaf', 'tot', 'uit', 'van', 'na', 'voor', 'begin', 'eind', 'medio', 'halverwege', 'rond', 'omstreeks',
      'jaar', 'zomer', 'winter', 'voorjaar', 'najaar', 'herfst', 'lente', 'en', 't/m', 'tot en met', 'om', 'tegen', 'even na', 'kort na',
      'kort voor', 'rond de klok van', 'de', 'afgelopen', 'laatste', 'voorbije', 'komende', 'volgende', 'vorige', 'deze', 'dit', 'vorig',
      'volgend', 'komend', 'aanstaande', 'einde', 'half', 'midden', 'een', 'twee', 'zes', 'elf', 'twaalf', 'maandag', 'zondag'];
    const tails = ['2014', '9 uur', '9.30 uur', 'week', 'jaar', 'maand', 'twee weken', 'maanden', 'oktober', 'jan', 'mei 2019', 'uur \'s avonds',
      'zondag', 'zondagavond', '15 oktober', 'vrijdag 3 mei'];
    same(starters.flatMap((w) => tails.flatMap((t) => [`${w} ${t}`, `${w[0].toUpperCase()}${w.slice(1)} ${t}`, `x${w} ${t}`])).join('. '));
  });
  it('random Dutch time-ish text (fixed seed): the same matches', () => {
    const piece = fc.constantFrom('in', 'In', 'IN', 'van', 'Van', 'vandaag', 'vanaf', 'sinds', 'Sinds', 'ſinds', 'K', 'komende', 'KOMENDE',
      'de', 'De', 'afgelopen', 'twee', 'een', 'Een', 'drie', 'dagen', 'weken', 'maand', 'jaar', 'week', 'begin', 'eind', 'eind-', 'half',
      'halverwege', 'mei', 'Mei', 'dec', 'dec.', 'december', 'okt', 'oktober', 'maandag', 'zondagavond', 'om', 'rond', 'kwart over', 'uur',
      "'s avonds", 'vanavond', 't/m', 'tot', 'en', 'met', 'na', '(', ')', '-', '/', ':', '.', ',', ' ', ' ', '  ', '\n', '2014', '1998',
      '20', '15', '9', '16', '55', '05', '3e', 'x', 'é', 'ë', 'ü', '\u0301', '😀', '𝐀', '١', '²', 'ß', 'İ', 'ǅ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (ps) => same(ps.join(''))), { seed: 11, numRuns: 3000 });
    fc.assert(fc.property(fc.string({ maxLength: 80, unit: 'grapheme' }), same), { seed: 12, numRuns: 1000 });
  });
});
