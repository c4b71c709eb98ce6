// The V8 tuning of the processes that index: parallel scavenging off only while worker jobs run,
// across overlapping passes, and only in a process whose entry point asked for it.

import assert from 'node:assert/strict';
import { tuneV8, workersBusy } from '../../server/src/core/runtime';

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
