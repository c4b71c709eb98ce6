import { strict as assert } from 'node:assert';
import { extractTimeExpressions } from '../../server/src/dutch/time';

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
