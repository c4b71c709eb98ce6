// requiredPlace (quantity/same.ts) lets a stored index fetch only the claims of one place for a
// figure whose quantity names a specific place. It must never leave out a claim that sameQuantity
// would accept: checked over every pair of claims with the same key in real archives.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Archive } from '../../../server/src/archive';
import { claimKey } from '../../../server/src/facts/view';
import { requiredPlace, sameQuantity } from '../../../server/src/facts/quantity/same';
import type { Claim } from '../../../server/src/facts/index';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const UKRAINE = path.resolve(ROOT, '..', 'shared', 'eval', 'archive-ukraine');

async function claimsOf(dir: string): Promise<Claim[]> {
  const archive = new Archive({ paths: [dir], baseDir: ROOT, cacheDir: null });
  await archive.build();
  return archive.index.claims;
}

function check(claims: Claim[]): { pairs: number; placed: number } {
  const byKey = new Map<string, Claim[]>();
  for (const c of claims) {
    const k = claimKey(c.ctx.quantity);
    if (k) (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(c);
  }
  let pairs = 0, placed = 0;
  for (const list of byKey.values()) {
    for (const a of list) {
      const place = requiredPlace(a.ctx.quantity);
      if (place) placed++;
      for (const b of list) {
        if (!sameQuantity(a.ctx.quantity, b.ctx.quantity).same) continue;
        pairs++;
        if (place) assert.equal(b.ctx.quantity.where.place, place, `${a.sentence}\n  meets\n${b.sentence}`);
      }
    }
  }
  return { pairs, placed };
}

describe('requiredPlace never hides a claim of the same quantity', function () {
  this.timeout(120000);

  it('on the sample corpus', async () => {
    const r = check(await claimsOf(path.join(ROOT, 'samples', 'corpus')));
    assert.ok(r.pairs > 0 && r.placed > 0, JSON.stringify(r));
  });

  it('on the multi-source archive-ukraine', async function () {
    if (!fs.existsSync(UKRAINE)) this.skip();
    const r = check(await claimsOf(UKRAINE));
    assert.ok(r.pairs > 50 && r.placed > 20, JSON.stringify(r));
  });
});
