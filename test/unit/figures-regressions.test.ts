// Figures that were once missed in real-looking sentences.

import assert from 'node:assert/strict';
import { extractFigures } from '../../server/src/dutch/figures';

describe('extractFigures: regressions', () => {
  it('a year-like number before a unit is a quantity, not a year', () => {
    const f = extractFigures('Oekraïne veroverde in de zomer 2000 vierkante kilometer Russisch grondgebied.');
    assert.equal(f.length, 1);
    assert.equal(f[0].value, 2000);
    assert.equal(f[0].unit, 'km2');
    // A year stays a year.
    assert.equal(extractFigures('In de zomer 2000 werd het akkoord getekend.').length, 0);
  });

  it('a number after "week" with a counted noun is a figure, not a week number', () => {
    const f = extractFigures('In Kramatorsk vielen vorige week 12 doden.');
    assert.equal(f.length, 1);
    assert.equal(f[0].value, 12);
    assert.equal(f[0].counted, 'dode');
    assert.equal(extractFigures('Het akkoord komt in week 12 op tafel.').length, 0);
  });
});
