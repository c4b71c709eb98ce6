// A small pool of worker threads for analysing articles in parallel. Inputs and outputs cross by
// structured clone. Each worker holds one job at a time (or `pipeline` jobs: the next is already
// in its queue when it finishes one, instead of waiting for this thread to receive the result and
// send another), so a worker that crashes (an uncaught exception, out of memory, process.exit)
// rejects only the jobs it held; the worker is replaced and the queue goes on. A job whose handler
// throws is rejected and the worker stays.
//
// Worker protocol (use serveWorker() in the worker script):
//   parent → worker  { id, input, shared?: { key, value } | sharedKey?: key }
//   worker → parent  { id, ok: true, output } | { id, ok: false, error: { message, stack } }
//
// Shared context: jobs may name a context that many of them need (a lexicon's spec, ~80 kB on a
// large archive). Each worker is sent its value once, with its first job that names the key, and
// keeps it; later jobs carry only the key. (Sent with every job it cost a copy and a decode per
// job, and garbage in the worker.)

import * as os from 'node:os';
import { Worker, parentPort, type ResourceLimits } from 'node:worker_threads';

export interface PoolOptions {
  /** Node flags for the workers. For a .ts script, ['--require', 'tsx/cjs'] is added when not given. */
  execArgv?: string[];
  resourceLimits?: ResourceLimits;
  /** Jobs sent to a worker before it answers the first (default 1). A crash rejects all of them. */
  pipeline?: number;
}

/** A context many jobs share, sent to each worker once (see the protocol above). */
export interface Shared { key: string; value: unknown }

interface Job<In, Out> {
  input: In;
  shared?: Shared;
  /** ArrayBuffers moved to the worker instead of copied (they are unusable here afterwards). */
  transfer?: ArrayBuffer[];
  resolve: (out: Out) => void;
  reject: (err: Error) => void;
}

interface Slot<In, Out> {
  worker: Worker;
  /** The jobs sent to this worker and not yet answered, in the order sent (it answers in that order). */
  jobs: (Job<In, Out> & { id: number })[];
  dead: boolean;
  /** The key of the shared context this worker holds. */
  sharedKey?: string;
}

type Reply<Out> = { id: number; ok: true; output: Out } | { id: number; ok: false; error: { message: string; stack?: string } };

export function defaultPoolSize(): number {
  const n = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, n - 1);
}

export class WorkerPool<In, Out> {
  private readonly slots: Slot<In, Out>[] = [];
  private readonly queue: Job<In, Out>[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers that crashed and were replaced, for diagnostics. */
  crashes = 0;

  constructor(readonly scriptPath: string, readonly size = defaultPoolSize(), private readonly options: PoolOptions = {}) {
    if (!Number.isInteger(size) || size < 1) this.size = 1;
  }

  /**
   * Run one job on a free worker (queued when all are busy). `transfer`: ArrayBuffers of the input
   * to move rather than copy (a job that fails to post cannot be retried with them). `shared`: a
   * context the handler receives as its second argument, sent only to workers that do not hold it.
   */
  run(input: In, transfer?: ArrayBuffer[], shared?: Shared): Promise<Out> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, transfer, shared, resolve, reject });
      this.pump();
    });
  }

  /** Jobs waiting plus jobs running. */
  get pending(): number {
    let n = this.queue.length;
    for (const s of this.slots) n += s.jobs.length;
    return n;
  }

  /** Stop all workers; jobs still queued or running are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const err = new Error('worker pool is closed');
    for (const job of this.queue.splice(0)) job.reject(err);
    const slots = this.slots.splice(0);
    await Promise.all(slots.map(async (s) => {
      s.dead = true;
      for (const job of s.jobs.splice(0)) job.reject(err);
      await s.worker.terminate().catch(() => undefined);
    }));
  }

  private pump(): void {
    while (!this.closed && this.queue.length > 0) {
      // An idle worker first, then a new one, then one that can take another job in its queue.
      let slot = this.slots.find((s) => s.jobs.length === 0 && !s.dead);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) {
        const depth = Math.max(1, Math.floor(this.options.pipeline ?? 1));
        for (const s of this.slots) if (!s.dead && s.jobs.length < depth && (!slot || s.jobs.length < slot.jobs.length)) slot = s;
        if (!slot) return;
      }
      const job = this.queue.shift()!;
      const id = this.nextId++;
      const sent = { ...job, id };
      slot.jobs.push(sent);
      slot.worker.ref();
      try {
        const sh = job.shared;
        if (!sh) slot.worker.postMessage({ id, input: job.input }, job.transfer);
        else if (slot.sharedKey === sh.key) slot.worker.postMessage({ id, input: job.input, sharedKey: sh.key }, job.transfer);
        else {
          slot.sharedKey = undefined; // (until it is known to have arrived)
          slot.worker.postMessage({ id, input: job.input, shared: sh }, job.transfer);
          slot.sharedKey = sh.key;
        }
      } catch (e) {
        // The input cannot be cloned: reject this job only.
        slot.jobs.pop();
        if (slot.jobs.length === 0) slot.worker.unref();
        job.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
  }

  private spawn(): Slot<In, Out> {
    let execArgv = this.options.execArgv;
    if (!execArgv && /\.[cm]?ts$/.test(this.scriptPath)) execArgv = [...process.execArgv, '--require', 'tsx/cjs'];
    const worker = new Worker(this.scriptPath, {
      execArgv, resourceLimits: this.options.resourceLimits,
    });
    const slot: Slot<In, Out> = { worker, jobs: [], dead: false };
    worker.unref();
    worker.on('message', (msg: Reply<Out>) => {
      const k = msg ? slot.jobs.findIndex((j) => j.id === msg.id) : -1;
      if (k < 0) return;
      const job = slot.jobs.splice(k, 1)[0];
      if (!slot.dead && slot.jobs.length === 0) worker.unref();
      if (msg.ok) {
        job.resolve(msg.output);
      } else {
        const err = new Error(msg.error?.message ?? 'worker job failed');
        if (msg.error?.stack) err.stack = msg.error.stack;
        job.reject(err);
      }
      this.pump();
    });
    worker.on('messageerror', (e) => {
      // (Answers come in the order the jobs were sent: this one was the first's.)
      const job = slot.jobs.shift();
      if (job) job.reject(new Error(`worker result could not be received: ${e.message}`));
      this.pump();
    });
    worker.on('error', (e) => this.retire(slot, e));
    worker.on('exit', (code) => this.retire(slot, new Error(`worker stopped (exit code ${code})`)));
    this.slots.push(slot);
    return slot;
  }

  /** A worker died: reject the jobs it held, drop it, and let pump() start a replacement when needed. */
  private retire(slot: Slot<In, Out>, err: Error): void {
    if (slot.dead) return;
    slot.dead = true;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (this.closed) return;
    this.crashes++;
    for (const job of slot.jobs.splice(0)) job.reject(new Error(`worker crashed: ${err.message}`));
    slot.worker.terminate().catch(() => undefined);
    this.pump();
  }
}

const transfers = new WeakMap<object, ArrayBuffer[]>();

/**
 * Mark ArrayBuffers of a worker's output to be moved to the parent instead of copied (e.g. one
 * buffer of encoded results). Returns the output.
 */
export function withTransfer<T extends object>(output: T, list: ArrayBuffer[]): T {
  transfers.set(output, list);
  return output;
}

/**
 * Call in a worker script: answer each job with handler(input, shared), `shared` being the job's
 * shared context (see the protocol above) or undefined. A handler that throws or rejects fails
 * that job only. Outputs marked with withTransfer() move their buffers.
 */
export function serveWorker<In, Out>(handler: (input: In, shared?: Shared) => Out | Promise<Out>): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorker() must be called inside a worker thread');
  let held: Shared | undefined;
  port.on('message', async (msg: { id: number; input: In; shared?: Shared; sharedKey?: string }) => {
    try {
      if (msg.shared) held = msg.shared;
      else if (msg.sharedKey !== undefined && held?.key !== msg.sharedKey) throw new Error(`shared context ${msg.sharedKey} was not received`);
      const output = await handler(msg.input, msg.shared || msg.sharedKey !== undefined ? held : undefined);
      const transfer = output !== null && typeof output === 'object' ? transfers.get(output as object) : undefined;
      port.postMessage({ id: msg.id, ok: true, output }, transfer);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      port.postMessage({ id: msg.id, ok: false, error: { message: err.message, stack: err.stack } });
    }
  });
}
