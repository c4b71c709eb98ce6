// The V8 tuning of the processes that index: parallel scavenging off only while worker jobs run,
// across overlapping passes, and only in a process whose entry point asked for it.

import assert from 'node:assert/strict';
import * as vm from 'node:vm';
import * as v8 from 'node:v8';
import * as path from 'node:path';
import { compactAfterIndexing, tuneV8, workersBusy } from '../../server/src/core/runtime';
import { Workspace } from '../../server/src/service/workspace';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples', 'corpus');

describe('V8 tuning while workers run', () => {
  // (The module object itself, which core/runtime.ts calls through; the flags are only recorded.)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const v8 = require('node:v8') as { setFlagsFromString: (f: string) => void };
  const real = v8.setFlagsFromString;
  let calls: string[] = [];
  beforeEach(() => { calls = []; v8.setFlagsFromString = (f: string) => { calls.push(f); }; });
  afterEach(() => { v8.setFlagsFromString = real; tuneV8(false); delete process.env.BRONVAST_PARALLEL_SCAVENGE; });

  it('changes nothing in a process that did not ask (a library user, the tests)', () => {
    workersBusy()();
    assert.deepEqual(calls, []);
  });

  it('turns parallel scavenging off for overlapping passes once, and on again when the last one ends', () => {
    tuneV8();
    const a = workersBusy();
    const b = workersBusy();
    a();
    a(); // (released twice: no effect)
    assert.deepEqual(calls, ['--no-parallel-scavenge']);
    b();
    assert.deepEqual(calls, ['--no-parallel-scavenge', '--parallel-scavenge']);
  });

  it('keeps V8\'s default when BRONVAST_PARALLEL_SCAVENGE=1', () => {
    process.env.BRONVAST_PARALLEL_SCAVENGE = '1';
    tuneV8();
    workersBusy()();
    assert.deepEqual(calls, []);
  });
});

describe('compacting the heap after an index run', () => {
  afterEach(() => tuneV8(false));

  it('does nothing in a process that did not ask', () => {
    assert.equal(compactAfterIndexing(), null);
  });

  it('gives back the pages a run left half empty, which an ordinary full collection keeps', function () {
    this.timeout(60000);
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    v8.setFlagsFromString('--no-expose-gc');
    // An index kept among garbage: ~2 million small objects in the old generation, every second
    // one dropped (each page stays half full).
    let all: { i: number; j: number; k: number }[] | null = Array.from({ length: 2_000_000 }, (_, i) => ({ i, j: i + 1, k: i + 2 }));
    gc();
    const kept = all.filter((_, i) => i % 2 === 0);
    all = null;
    gc();
    const fragmented = v8.getHeapStatistics().total_heap_size;
    tuneV8();
    const c = compactAfterIndexing();
    assert.ok(c, 'compacted');
    const after = v8.getHeapStatistics().total_heap_size;
    assert.ok(fragmented - after > 20 * 1048576, `the heap shrank by ${((fragmented - after) / 1048576).toFixed(1)} MB`);
    assert.ok(c.afterMB < c.beforeMB);
    assert.equal(kept.length, 1_000_000);
    assert.equal(kept[999_999].i, 1_999_998);
    // Right after, the heap has not grown again: no second pause.
    assert.equal(compactAfterIndexing(), null);
  });
});

describe('a kept archive compacts the heap after an index run at a quiet moment', () => {
  afterEach(() => tuneV8(false));

  it('not while features run, and once they have stopped for two seconds', async function () {
    this.timeout(60000);
    tuneV8();
    const logs: string[] = [];
    const ws = new Workspace({ folders: [SAMPLES], corpus: [SAMPLES], locale: 'en', cacheDir: null, keepsArchive: true, log: (m) => logs.push(m) });
    await ws.rebuild();
    const compacted = () => logs.filter((l) => /^memory compacted after indexing: \d+ → \d+ MB in \d+ ms$/.test(l));
    // A journalist at work: a feature every 300 ms for 3 s.
    for (let i = 0; i < 10; i++) {
      assert.equal(await ws.settle(() => ws.view?.placeName(ws.view.resolve('Pokrovsk') ?? '')), 'Pokrovsk');
      await new Promise((r) => setTimeout(r, 300));
    }
    assert.deepEqual(compacted(), [], 'no compaction while features run');
    for (let t = 0; t < 50 && !compacted().length; t++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(compacted().length, 1, logs.join('\n'));
    await ws.close();
  });

  it('never in a process that runs once (the command line\'s check)', async function () {
    this.timeout(60000);
    tuneV8();
    const logs: string[] = [];
    const ws = new Workspace({ folders: [SAMPLES], corpus: [SAMPLES], locale: 'en', cacheDir: null, log: (m) => logs.push(m) });
    await ws.rebuild();
    await new Promise((r) => setTimeout(r, 2500));
    assert.ok(!logs.some((l) => /compacted/.test(l)), logs.join('\n'));
    await ws.close();
  });
});
