// Learning from the archive's place facts gives the same plan on this thread and in a worker of
// its own (archive/learning.ts learn, archive/jobs.ts learnInWorker), on real Dutch articles.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../server/src/facts/analyze';
import { encodeAnalysis, placeFactBytes } from '../../server/src/corpus/worker';
import { learn } from '../../server/src/archive/learning';
import { Jobs } from '../../server/src/archive/jobs';
import { ROOT } from '../../server/src/tools/lsp-client';

describe('archive/learning: the plan, here or in a worker', function () {
  this.timeout(60000);
  // The sample corpus and the articles of the unit tests' news texts: what the archive teaches.
  const corpus = path.join(ROOT, 'samples', 'corpus');
  const texts = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(corpus, f), 'utf8'));
  const entries = new Map(texts.map((t, i) => [`art-${String(i).padStart(3, '0')}`, { hash: `h${i}`, placeFacts: placeFactBytes(encodeAnalysis(analyzeText(t, null))) }]));
  const log = (m: string) => { throw new Error(`unexpected log: ${m}`); };

  it('a worker of its own learns exactly what this thread learns', async () => {
    const here = await learn(entries, log);
    assert.ok(here.plan.learned.length >= 5, `the samples teach names (${here.plan.learned.length})`);
    const jobs = new Jobs({ workers: 1, workerScript: path.join(ROOT, 'server', 'src', 'corpus', 'worker.ts') });
    let used = 0;
    const there = await learn(entries, log, { minForWorker: 0, inWorker: async (b) => { used++; return jobs.learnInWorker(b); } });
    assert.equal(used, 1);
    assert.deepEqual(there.plan, here.plan);
    assert.deepEqual([...there.signature], [...here.signature]);
  });

  it('learns on this thread when the worker cannot (no worker script), and below the threshold', async () => {
    const here = await learn(entries, log);
    const none = new Jobs({ workers: 1, workerScript: path.join(ROOT, 'no-such-worker.js') });
    assert.deepEqual((await learn(entries, log, { minForWorker: 0, inWorker: (b) => none.learnInWorker(b) })).plan, here.plan);
    let used = 0;
    await learn(entries, log, { inWorker: async () => { used++; return null; } });
    assert.equal(used, 0, `${entries.size} articles are below the threshold`);
  });
});
