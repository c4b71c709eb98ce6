import assert from 'node:assert/strict';
import { BoundedMemo } from '../../server/src/core/memo';
import { placeKey, nameFold } from '../../server/src/dutch/translit';

describe('bounded memo', () => {
  it('answers what was set, never holds more than its bound, and empties when full', () => {
    const m = new BoundedMemo<string, number>(3);
    assert.equal(m.set('a', 1), 1);
    m.set('b', 2); m.set('c', 3);
    assert.equal(m.get('a'), 1);
    assert.equal(m.size, 3);
    m.set('d', 4);
    assert.equal(m.size, 1);
    assert.equal(m.get('a'), undefined);
    assert.equal(m.get('d'), 4);
  });

  it('memoised keys and folds answer the same before and after their memo has been emptied', () => {
    const names = ['Koersk', 'Kursk', 'Charkiv', 'Kharkiv', 'Zaporizja', 'Zaporizhzhia', 'Loehansk', 'Luhansk'];
    const first = names.map((n) => [placeKey(n), nameFold(n)]);
    // Fill the memos past their bound with other names.
    for (let i = 0; i < 210_000; i++) placeKey(`Plaats${i}`);
    assert.deepEqual(names.map((n) => [placeKey(n), nameFold(n)]), first);
    assert.equal(placeKey('Koersk'), placeKey('Kursk'));
  });
});
