// Where an indexing pass runs: batches of articles in a pool of worker threads, or on the calling
// thread in time slices that yield to the event loop (few articles, no worker script, or a test's
// own analysis function). One pool serves both passes of a build (see newPool).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { Article } from '../corpus/types';
import type { LearnedPlan } from '../dutch/places';
import { pack, unpack, type WorkerJob, type WorkerResult } from '../corpus/worker';
import { WorkerPool, type Shared } from '../corpus/pool';
import { workersBusy } from '../core/runtime';
import { Feed } from './feed';

export type Pool = WorkerPool<WorkerJob, WorkerResult>;

/** Below this many articles a pass runs on the calling thread (worker start-up would cost more). */
const WORKER_THRESHOLD = 64;
/**
 * Articles per worker job: large enough to amortise messaging and the main thread's per-job work,
 * small enough to balance the last jobs (once all articles are known, the rest is split evenly
 * over the workers, in jobs of at least MIN_BATCH). Large corpus, alternating runs — round 3:
 * 24 → 16.8/16.4 s, 64 → 15.7/15.7/15.5/15.3 s, 128 → 15.3/15.8 s, 256 → 15.3/15.6 s; round 5
 * (less work per job elsewhere): 64 → median 15.2 s of 6, 128 → 14.7 s of 6, 256 ≈ 128.
 */
const BATCH = 128;
const MIN_BATCH = 16;
/** Old-generation bound of a worker thread's heap (its live data is ~30-60 MB). */
const WORKER_OLD_SPACE_MB = Number(process.env.BRONVAST_WORKER_HEAP_MB) || 160;
/** The learning worker holds every place fact of the archive at once. */
const LEARN_OLD_SPACE_MB = 4096;
/** Longest stretch the calling thread works before yielding to the event loop. */
export const SLICE_MS = 8;

export const yieldNow = () => new Promise<void>((res) => setImmediate(res));

export class Jobs {
  /** `workers`: how many threads (0: this thread only; default: one per core). */
  constructor(private readonly opts: { workers?: number; workerScript?: string }) {}

  workerCount(): number {
    if (this.opts.workers !== undefined) return Math.max(0, Math.floor(this.opts.workers));
    return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
  }

  private workerScript(): string | null {
    const script = this.opts.workerScript ?? path.join(__dirname, 'worker.js');
    return fs.existsSync(script) ? script : null;
  }

  /**
   * Run `todo` in a worker pool (many articles) or on this thread in time slices that yield to the
   * event loop (few articles, or no worker script). Each article's result is its encoded bytes, or
   * an error. A failed worker job falls back to this thread.
   */
  async run(source: Article[] | Feed, job: (batch: Article[]) => { job: WorkerJob; transfer?: ArrayBuffer[]; shared?: Shared },
    local: (a: Article) => Buffer, onItem: (a: Article, r: Buffer | { error: string }) => void,
    onDone: (n: number) => void, isCancelled: () => boolean, given?: Pool | null): Promise<void> {
    const workers = this.workerCount();
    const script = this.workerScript();
    const runLocal = async (items: Article[]) => {
      let t = Date.now();
      for (const a of items) {
        if (isCancelled()) return;
        let r: Buffer | { error: string };
        try { r = local(a); } catch (e) { r = { error: (e as Error)?.message ?? String(e) }; }
        onItem(a, r);
        onDone(1);
        if (Date.now() - t > SLICE_MS) { await yieldNow(); t = Date.now(); }
      }
    };
    const todo = Array.isArray(source) ? Feed.of(source) : source;
    // Enough articles for workers? (While the corpus is still read, wait until that is known.)
    await todo.atLeast(WORKER_THRESHOLD);
    if (todo.items.length < WORKER_THRESHOLD || workers === 0 || !script) {
      for (let i = 0; ; ) {
        await todo.atLeast(i + 1);
        if (i >= todo.items.length || isCancelled()) return;
        const items = todo.items.slice(i);
        i += items.length;
        await runLocal(items);
      }
    }
    const pool = given ?? this.newPool(todo.done ? Math.min(workers, Math.ceil(todo.items.length / WORKER_THRESHOLD)) : workers)!;
    const release = workersBusy();
    try {
      // A few jobs per worker in flight, each made only when it is sent: inputs are not all
      // copied at once.
      let next = 0;
      const chain = async (): Promise<void> => {
        for (;;) {
          // Full batches while more articles may come.
          if (!todo.done && todo.items.length - next < BATCH) { await todo.atLeast(next + BATCH); continue; }
          if (next >= todo.items.length) return;
          // (The last articles split evenly, so that no worker is left with a long last job.)
          const rest = todo.items.length - next;
          const size = todo.done && rest < BATCH * pool.size ? Math.max(MIN_BATCH, Math.ceil(rest / pool.size)) : BATCH;
          const batch = todo.items.slice(next, next + size);
          next += batch.length;
          const j = job(batch);
          let res: WorkerResult;
          try { res = await pool.run(j.job, j.transfer, j.shared); } catch { await runLocal(batch); continue; }
          const parts = unpack(res.packed);
          batch.forEach((a, k) => onItem(a, res.errors[k] !== null ? { error: res.errors[k]! } : parts[k]));
          onDone(batch.length);
        }
      };
      await Promise.all(Array.from({ length: pool.size * 2 }, chain));
    } finally {
      release();
      if (pool !== given) await pool.close();
    }
  }

  /**
   * Learning from every article's place facts in a worker of its own (null when there is no worker
   * script, or the worker failed: the caller learns on this thread). The decoded facts of the whole
   * archive live only in that worker's heap, which goes when it ends: on this thread they were most
   * of an update's garbage (~420 MB at 86,000 articles), which V8 collected only after letting the
   * heap grow to twice the index.
   */
  async learnInWorker(placeFacts: readonly Uint8Array[]): Promise<LearnedPlan | null> {
    const script = this.workerScript();
    if (this.workerCount() === 0 || !script) return null;
    const pool = new WorkerPool<WorkerJob, WorkerResult>(script, 1, { resourceLimits: { maxOldGenerationSizeMb: LEARN_OLD_SPACE_MB } });
    try {
      const packed = pack(placeFacts);
      const res = await pool.run({ kind: 'learn', placeFacts: packed }, [packed.bytes.buffer as ArrayBuffer]);
      if (res.errors[0] !== null) return null;
      return v8.deserialize(unpack(res.packed)[0]) as LearnedPlan;
    } catch {
      return null;
    } finally {
      await pool.close();
    }
  }

  /**
   * A pool of worker threads (null when the work stays on this thread). A build passes one pool to
   * both passes: the workers that analysed go on recognising, with the code both passes share
   * (tokens, sentences) already optimised; new threads would load the bundle and optimise it again.
   */
  newPool(size = this.workerCount()): Pool | null {
    const script = this.workerScript();
    if (size === 0 || !script) return null;
    // A worker's live data is small (its lexicon, two batches), but V8 lets an unbounded heap grow to
    // hundreds of megabytes of garbage at this allocation rate; a bound makes it collect sooner.
    // Two jobs per worker: the next is waiting when it finishes one (this thread may be busy with
    // results for a few milliseconds; single jobs left each worker idle ~0.6 s per build).
    return new WorkerPool<WorkerJob, WorkerResult>(script, size, { resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB }, pipeline: 2 });
  }
}
