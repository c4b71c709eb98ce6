// Long computations written once, as generators that yield at safe points: run to the end at once
// (runSteps: worker threads, tests, the command line) or in time slices (runSliced: the language
// server's main thread, which must keep answering hovers while it re-indexes).

export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs `steps`, giving the event loop a turn whenever `sliceMs` have passed. */
export async function runSliced<T>(steps: Steps<T>, sliceMs: number): Promise<T> {
  let t = Date.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (Date.now() - t >= sliceMs) {
      await new Promise<void>((res) => setImmediate(res));
      t = Date.now();
    }
  }
}
