// Which claims an index keeps (facts/index.ts, ArticleFacts.claims): those the conflict check can
// compare and those a place's dossier shows. An index that keeps every claim answers every
// question the same: the same candidates for every key, the same claims for every place, the same
// figure count; what it keeps besides are figures no feature reaches (an age, a date, a vague
// number, with no place).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Archive } from '../../server/src/archive';
import { claimPlaces, type Claim, type FactIndex } from '../../server/src/facts/index';
import { claimKey } from '../../server/src/facts/view';
import { ROOT } from '../../server/src/tools/lsp-client';

const CORPORA = [path.join(ROOT, 'samples', 'corpus'), path.join(ROOT, '..', 'shared', 'eval', 'archive-ukraine')];

const id = (c: Claim) => `${c.source.article.id}:${c.source.line}:${c.source.character}:${c.figure.start}:${c.figure.text}`;

function byKey(index: FactIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of index.claims) { const k = claimKey(c.ctx.quantity); if (k !== null) out.set(k, [...(out.get(k) ?? []), id(c)]); }
  return out;
}

describe('facts/index: the claims an index keeps', function () {
  this.timeout(120000);
  for (const corpus of CORPORA) {
    it(`keeps what the check and the dossiers reach, and answers as an index of every claim: ${path.basename(corpus)}`, async function () {
      if (!fs.existsSync(corpus)) this.skip();
      const all = new Archive({ paths: [corpus], baseDir: ROOT, cacheDir: null, workers: 0, allClaims: true });
      const kept = new Archive({ paths: [corpus], baseDir: ROOT, cacheDir: null, workers: 0 });
      await all.build();
      await kept.build();
      const a = all.index, k = kept.index;
      // Fewer claims kept, every figure counted.
      assert.ok(k.claims.length < a.claims.length, `${k.claims.length} of ${a.claims.length}`);
      assert.equal(k.stats().figures, a.claims.length);
      assert.deepEqual(k.stats(), a.stats());
      // What is left out has no key and no place.
      const keptIds = new Set(k.claims.map(id));
      for (const c of a.claims) if (!keptIds.has(id(c))) assert.ok(claimKey(c.ctx.quantity) === null && claimPlaces(c).length === 0, `${c.figure.text} left out`);
      // The same candidates for every key, and every place's claims and quantities.
      assert.deepEqual(byKey(k), byKey(a));
      for (const [pid, p] of a.places) assert.deepEqual(k.place(pid)!.claims.map(id), p.claims.map(id), pid);
    });
  }
});
