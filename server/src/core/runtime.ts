// Process-wide V8 settings for the processes that index an archive: the language server, the
// command line and the benchmark. Never used in the extension host, which other extensions share.

import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let tuned = false;
let busy = 0;
/** The heap V8 had committed right after the last compaction (bytes), or null before the first. */
let compactedAt: number | null = null;

/**
 * Let this process tune V8 while worker threads run (see workersBusy). Called by the entry points
 * (server, command line, benchmark); a library user (the tests) keeps V8's defaults.
 * BRONVAST_PARALLEL_SCAVENGE=1 keeps them too, for measuring: scavenging as V8 does it and no
 * compaction after index runs (compactAfterIndexing). Each call starts the compaction policy afresh.
 */
export function tuneV8(on = true): void {
  tuned = on && process.env.BRONVAST_PARALLEL_SCAVENGE !== '1';
  compactedAt = null;
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

/** What one compaction did: its pause, and the heap V8 kept before and after (MB). */
export interface Compaction { ms: number; beforeMB: number; afterMB: number }

/** An index run compacts again when the heap has grown this much since the last compaction. */
const REGROWTH = 1.5;

let gcFunction: (() => void) | null | undefined;

/** A full collection on demand (V8's `gc`), without starting the process with --expose-gc. */
function fullGc(): (() => void) | null {
  if (gcFunction === undefined) {
    gcFunction = null;
    const own = (globalThis as { gc?: () => void }).gc;
    if (typeof own === 'function') gcFunction = own;
    else {
      try {
        v8.setFlagsFromString('--expose-gc');
        gcFunction = vm.runInNewContext('gc') as () => void;
      } catch { /* not available: no compaction */ } finally {
        v8.setFlagsFromString('--no-expose-gc');
      }
    }
  }
  return gcFunction;
}

/**
 * After an index run in a process that keeps the archive (the language server, `index --watch`):
 * move the index's objects together, so that V8 can give back the pages the run's garbage left
 * half empty. An index is built among a great deal of short-lived garbage, and V8's ordinary full
 * collections compact only the emptiest pages: measured after a cold index of 86,280 articles
 * (200 MB), 1,050 MB of old space committed for 362 MB of live objects, and after a re-index and
 * an update more still. One compacting collection, at a quiet moment: server RSS 1,236-1,318 ->
 * 734-884 MB with the index, 1,726-1,776 -> 667-765 MB after a re-index and an update (68.5 MB of
 * archive: 590-643 -> 382-439 MB; docs/performance.md). Its cost is one pause, ~0.5 s at 66 MB and ~2 s at 200 MB of archive (it moves every
 * live object), so it runs only when the heap has grown by half since the last one, and the
 * caller picks a quiet moment (Workspace.compactWhenQuiet). Only where tuneV8 was called (entry
 * points); null when it did not run.
 */
export function compactAfterIndexing(): Compaction | null {
  if (!tuned) return null;
  const before = v8.getHeapStatistics().total_heap_size;
  if (compactedAt !== null && before < compactedAt * REGROWTH) return null;
  const gc = fullGc();
  if (!gc) return null;
  const t0 = performance.now();
  v8.setFlagsFromString('--compact-on-every-full-gc');
  try { gc(); } finally { v8.setFlagsFromString('--no-compact-on-every-full-gc'); }
  const after = v8.getHeapStatistics().total_heap_size;
  compactedAt = after;
  return { ms: Math.round(performance.now() - t0), beforeMB: Math.round(before / 1048576), afterMB: Math.round(after / 1048576) };
}
