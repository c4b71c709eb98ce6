import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { extractFigures } from '../../server/src/dutch/figures';
import { extractTimeExpressions } from '../../server/src/dutch/time';
import { parseDutchNumber } from '../../server/src/dutch/numbers';

const check = (s: string) => {
  const fs_ = extractFigures(s);
  let last = -1;
  for (const f of fs_) {
    assert.ok(f.start >= 0 && f.end <= s.length && f.start < f.end && f.start >= last, 'offsets');
    assert.ok(Number.isFinite(f.value), 'finite');
    assert.equal(s.slice(f.start, f.end), f.text);
    last = f.end;
  }
  for (const t of extractTimeExpressions(s, '2025-01-12')) assert.ok(t.start >= 0 && t.end <= s.length);
};

describe('figures fuzz', () => {
  it('random strings of Dutch-number-ish pieces never throw, offsets stay valid (fixed seed)', () => {
    const piece = fc.constantFrom('ruim', ' ', "zo'n", '1.000', '2,5', 'miljoen', 'euro', '€', 'procent', '%', '-', 'tot', 'tussen de', 'en',
      'inwoners', 'Oekraïense', 'een', 'half', 'tientallen', '\u200b', '\u202e', '😀', '16:55', 'om 9 uur', '.', ',', '\n', '99999999999999999999999',
      'km²', 'vierkante', 'kilometer', 'waaronder', '1.2.3.4', '+31', 'drieëntwintig', 'derde', '(', ')', 'a', 'Z');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (ps) => { check(ps.join('')); }), { seed: 1, numRuns: 3000 });
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => { check(s); parseDutchNumber(s); }), { seed: 2, numRuns: 3000 });
  });
  it('a 1 MB line is handled in linear-ish time', () => {
    const unit = "Oekraïne verloor ruim 1.000 vierkante kilometer en zo'n 50.000 Russische militairen, 2,5 miljoen euro. ";
    const s = unit.repeat(Math.ceil(1e6 / unit.length));
    const t0 = Date.now();
    const n = extractFigures(s).length;
    const ms = Date.now() - t0;
    assert.ok(n > 10000, `${n}`);
    assert.ok(ms < 20000, `${ms} ms`);
    const bad = '1'.repeat(100000) + ' procent ' + '9.'.repeat(50000) + '€'.repeat(10000) + 'een '.repeat(20000);
    const t1 = Date.now(); check(bad); assert.ok(Date.now() - t1 < 20000);
  });
});
