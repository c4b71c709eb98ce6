// Records as tuples from one list of fields (corpus/records.ts): a record of the shape travels as
// an array and comes back equal, keys in order; any other record travels as it is.

import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import { codec, type Shape } from '../../server/src/corpus/records';

const INNER: Shape = { fields: ['x', 'y'] };
const OUTER: Shape = { fields: ['a', ['inner', INNER], 'b'], optional: ['c', 'd'] };
const outer = codec<unknown>(OUTER);
const toTuple = (o: unknown) => outer.encode(o);
const roundTrip = (o: unknown) => outer.decode(v8.deserialize(v8.serialize(outer.encode(o))));

describe('records as tuples', () => {
  it('a record of the shape travels as an array and comes back equal, with its keys in order', () => {
    const o = { a: 1, inner: { x: 'x', y: null }, b: [2, 3] };
    assert.deepEqual(toTuple(o), [1, ['x', null], [2, 3], '\u0000absent', '\u0000absent']);
    const back = roundTrip(o) as Record<string, unknown>;
    assert.deepEqual(back, o);
    assert.deepEqual(Object.keys(back), ['a', 'inner', 'b']);
  });
  it('optional fields: present (also as undefined) or absent, as they were', () => {
    const withD = { a: 1, inner: { x: 1, y: 2 }, b: 0, d: undefined };
    const back = roundTrip(withD) as Record<string, unknown>;
    assert.ok('d' in back && !('c' in back));
    assert.deepEqual(Object.keys(back), ['a', 'inner', 'b', 'd']);
  });
  it('a record of another shape travels as it is: a field added to a type is never lost', () => {
    for (const o of [{ a: 1, inner: { x: 1, y: 2 }, b: 0, extra: 'nieuw' }, { inner: { x: 1, y: 2 }, a: 1, b: 0 }, { a: 1, inner: { x: 1, y: 2, z: 3 }, b: 0 }, null, 'tekst']) {
      assert.deepEqual(roundTrip(o), o, JSON.stringify(o));
    }
    // The nested record alone falls back; the outer one still travels as a tuple.
    assert.deepEqual(toTuple({ a: 1, inner: { y: 2, x: 1 }, b: 0 }), [1, { y: 2, x: 1 }, 0, '\u0000absent', '\u0000absent']);
  });
  it('an inline record is flattened into its parent, which then needs it to fit', () => {
    const flat = codec<unknown>({ fields: ['a', ['inner', { inline: true, fields: ['x', 'y'], optional: ['z'] }], 'b'] });
    const o = { a: 1, inner: { x: 2, y: 3, z: 4 }, b: 5 };
    assert.deepEqual(flat.encode(o), [1, 2, 3, 4, 5]);
    assert.deepEqual(flat.decode(flat.encode(o)), o);
    const odd = { a: 1, inner: { y: 3, x: 2 }, b: 5 };
    assert.equal(flat.encode(odd), odd, 'the whole record travels as it is');
  });
});
