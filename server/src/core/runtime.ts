// Process-wide V8 settings for the processes that index an archive: the language server, the
// command line and the benchmark. Never used in the extension host, which other extensions share.

import * as v8 from 'node:v8';

let tuned = false;
let busy = 0;

/**
 * Let this process tune V8 while worker threads run (see workersBusy). Called by the entry points
 * (server, command line, benchmark); a library user (the tests) keeps V8's defaults.
 * BRONVAST_PARALLEL_SCAVENGE=1 keeps them too (to measure the difference).
 */
export function tuneV8(on = true): void {
  tuned = on && process.env.BRONVAST_PARALLEL_SCAVENGE !== '1';
}

/**
 * Worker threads are about to keep every core busy: until the returned function is called, V8
 * scavenges (collects the young generation) without helper threads, which would only compete with
 * the workers for the same cores. Large corpus (29,165 articles), 2 cores, alternating cold builds:
 * ~1.6 CPU-s less per build (GC time including the helpers': main thread 2.85 → 2.10 s, each
 * worker ~1.6 → 1.2 s), wall time 3-7 % less. Outside the workers' passes (learning, a warm start,
 * answering requests) the cores are free and the helpers shorten the main thread's pauses: a warm
 * start of the large corpus took ~3.0 s with them against ~3.4 s without. V8 reads the flag at
 * every collection, in every thread.
 */
export function workersBusy(): () => void {
  if (!tuned) return () => undefined;
  if (busy++ === 0) v8.setFlagsFromString('--no-parallel-scavenge');
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--busy === 0) v8.setFlagsFromString('--parallel-scavenge');
  };
}
