// The store's row codec (store/rows.ts): a claim read back equals the claim written, a number
// JSON has no word for (Infinity) included, and COPY's text format escapes what it must.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Archive } from '../../server/src/archive';
import { claimData, claimFrom, copyLine, fromJson, toJson } from '../../server/src/store/rows';

const ROOT = path.resolve(__dirname, '..', '..');

describe('store rows', () => {
  it('every claim of the sample corpus comes back equal from its row', async () => {
    const archive = new Archive({ paths: [path.join(ROOT, 'samples', 'corpus')], baseDir: ROOT, cacheDir: null });
    await archive.build();
    const claims = archive.index.claims;
    assert.ok(claims.length > 20);
    for (const c of claims) assert.deepEqual(claimFrom(claimData(c), c.source.article), JSON.parse(JSON.stringify(c)));
  });

  it('non-finite numbers survive; plain JSON is read without a reviver', () => {
    const v = { high: Infinity, low: -Infinity, n: NaN, s: 'gewoon', list: [1, 2.5] };
    assert.deepEqual(fromJson(toJson(v)), v);
    assert.deepEqual(fromJson('{"a":"\\u0000n:Infinity"}'), { a: Infinity });
    assert.deepEqual(fromJson('{"a":"n:Infinity"}'), { a: 'n:Infinity' });
  });

  it('COPY lines escape tabs, newlines and backslashes, and write null and arrays', () => {
    assert.equal(copyLine(['a\tb', 'c\nd', 'e\\f', null, ['x"y', 'z'], true, 3]), 'a\\tb\tc\\nd\te\\\\f\t\\N\t{"x\\\\"y","z"}\tt\t3\n');
  });
});
