// Process-wide V8 settings for the processes that index an archive: the language server, the
// command line and the benchmark. Never called in the extension host, which other extensions share.

import * as v8 from 'node:v8';

/**
 * No parallel scavenging (V8's young-generation collection with helper threads). A build keeps every
 * core busy with its worker threads and the main thread; the helpers then only compete with them for
 * the same cores and add their own overhead. Large corpus (29,165 articles), 2 cores, alternating
 * cold builds: ~1.6 CPU-s less per build (per thread, GC time including the helpers': main 2.85 →
 * 2.10 s, each worker ~1.6 → 1.2 s), wall time 3-7 % less. V8 reads the flag at every collection, so
 * it applies to the worker threads started afterwards too. BRONVAST_PARALLEL_SCAVENGE=1 keeps
 * V8's default (to measure the difference).
 */
export function tuneV8(): void {
  if (process.env.BRONVAST_PARALLEL_SCAVENGE === '1') return;
  v8.setFlagsFromString('--no-parallel-scavenge');
}
