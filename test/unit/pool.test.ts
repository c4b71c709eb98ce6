import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkerPool } from '../../server/src/corpus/pool';

// A tiny worker speaking the pool protocol: counts words of a Dutch sentence, and can be told to
// throw, crash the whole worker, or answer slowly.
const WORKER_JS = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', async ({ id, input }) => {
  if (input.mode === 'crash') { setImmediate(() => { throw new Error('boem'); }); return; }
  if (input.mode === 'exit') process.exit(3);
  if (input.mode === 'throw') { parentPort.postMessage({ id, ok: false, error: { message: 'fout in artikel' } }); return; }
  if (input.mode === 'slow') await new Promise((r) => setTimeout(r, 50));
  const words = input.text.split(/\\s+/).filter(Boolean);
  parentPort.postMessage({ id, ok: true, output: { words: words.length, thread: threadId, map: new Map([['eerste', words[0]]]) } });
});
`;

interface In { text: string; mode?: 'crash' | 'exit' | 'throw' | 'slow' }
interface Out { words: number; thread: number; map: Map<string, string> }

describe('corpus/pool', () => {
  let dir: string;
  let script: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-pool-'));
    script = path.join(dir, 'worker.js');
    fs.writeFileSync(script, WORKER_JS);
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('runs jobs in parallel workers and returns structured clones', async () => {
    const pool = new WorkerPool<In, Out>(script, 2);
    try {
      const texts = Array.from({ length: 12 }, (_, i) => `In Charkiv vielen ${i} doden en ruim ${i * 10} gewonden`);
      const outs = await Promise.all(texts.map((text) => pool.run({ text, mode: 'slow' })));
      assert.deepEqual(outs.map((o) => o.words), texts.map((t) => t.split(' ').length));
      assert.equal(outs[0].map.get('eerste'), 'In');
      assert.equal(new Set(outs.map((o) => o.thread)).size, 2, 'both workers used');
    } finally {
      await pool.close();
    }
  });

  it('a crashing worker rejects only its own job and is replaced', async () => {
    const pool = new WorkerPool<In, Out>(script, 2);
    try {
      const jobs = [
        pool.run({ text: 'een twee drie', mode: 'slow' }),
        pool.run({ text: 'x', mode: 'crash' }),
        pool.run({ text: 'vier vijf', mode: 'slow' }),
        pool.run({ text: 'x', mode: 'exit' }),
        pool.run({ text: 'zes' }),
        pool.run({ text: 'x', mode: 'throw' }),
        pool.run({ text: 'zeven acht negen tien' }),
      ];
      const settled = await Promise.allSettled(jobs);
      const summary = settled.map((s) => (s.status === 'fulfilled' ? s.value.words : 'rejected'));
      assert.deepEqual(summary, [3, 'rejected', 2, 'rejected', 1, 'rejected', 4]);
      assert.match((settled[1] as PromiseRejectedResult).reason.message, /worker crashed: boem/);
      assert.match((settled[3] as PromiseRejectedResult).reason.message, /exit code 3/);
      assert.match((settled[5] as PromiseRejectedResult).reason.message, /fout in artikel/);
      assert.equal(pool.crashes, 2);
      assert.equal((await pool.run({ text: 'het werkt nog' })).words, 3);
    } finally {
      await pool.close();
    }
  });

  it('an input that cannot be cloned rejects that job only', async () => {
    const pool = new WorkerPool<unknown, Out>(script, 1);
    try {
      await assert.rejects(pool.run({ text: 'a', f: () => 1 }));
      assert.equal((await pool.run({ text: 'nog een zin' })).words, 3);
    } finally {
      await pool.close();
    }
  });

  it('close() rejects waiting jobs and later runs', async () => {
    const pool = new WorkerPool<In, Out>(script, 1);
    const a = pool.run({ text: 'a b', mode: 'slow' });
    const b = pool.run({ text: 'c' });
    const ra = assert.rejects(a, /closed/);
    const rb = assert.rejects(b, /closed/);
    await pool.close();
    await ra;
    await rb;
    await assert.rejects(pool.run({ text: 'd' }), /closed/);
  });

  it('runs a TypeScript worker that uses serveWorker (through tsx)', async function () {
    this.timeout(20000);
    const poolModule = path.resolve(__dirname, '../../server/src/corpus/pool.ts');
    const ts = path.join(dir, 'worker.ts');
    fs.writeFileSync(ts, `import { serveWorker } from ${JSON.stringify(poolModule)};\n` +
      `serveWorker((input: { text: string }) => { if (input.text === '') throw new Error('lege tekst'); return input.text.toUpperCase(); });\n`);
    const pool = new WorkerPool<{ text: string }, string>(ts, 1);
    try {
      assert.equal(await pool.run({ text: 'loehansk' }), 'LOEHANSK');
      await assert.rejects(pool.run({ text: '' }), /lege tekst/);
      assert.equal(await pool.run({ text: 'kyiv' }), 'KYIV');
    } finally {
      await pool.close();
    }
  });

  it('sends a shared context to each worker once, and again to a replacement or for a new key', async function () {
    this.timeout(20000);
    const poolModule = path.resolve(__dirname, '../../server/src/corpus/pool.ts');
    const ts = path.join(dir, 'shared-worker.ts');
    // The worker counts how often a context object arrived (a resent one is a new object).
    fs.writeFileSync(ts, `import { threadId } from 'node:worker_threads';\nimport { serveWorker } from ${JSON.stringify(poolModule)};\n` +
      `let last: unknown; let receipts = 0;\n` +
      `serveWorker((input: { text: string }, shared) => { if (input.text === 'stop') process.exit(1); if (shared && shared !== last) { receipts++; last = shared; }\n` +
      `  return { value: shared?.value ?? null, receipts, thread: threadId }; });\n`);
    type R = { value: unknown; receipts: number; thread: number };
    const pool = new WorkerPool<{ text: string }, R>(ts, 2);
    const lex1 = { key: 'lexicon-1', value: { learned: ['Soedzja', 'Koersk'] } };
    try {
      const outs = await Promise.all(Array.from({ length: 8 }, (_, i) => pool.run({ text: `artikel ${i}` }, undefined, lex1)));
      for (const o of outs) assert.deepEqual(o.value, lex1.value);
      assert.equal(Math.max(...outs.map((o) => o.receipts)), 1, 'each worker received the context once');
      assert.equal((await pool.run({ text: 'zonder context' })).value, null);
      // A new key is sent again.
      const lex2 = { key: 'lexicon-2', value: { learned: ['Pokrovsk'] } };
      const o2 = await pool.run({ text: 'nieuw' }, undefined, lex2);
      assert.deepEqual(o2.value, lex2.value);
      assert.equal(o2.receipts, 2);
      // A worker that died is replaced; the replacement gets the context with its first job.
      await assert.rejects(pool.run({ text: 'stop' }, undefined, lex2), /exit code 1/);
      const o3 = await Promise.all([pool.run({ text: 'a' }, undefined, lex2), pool.run({ text: 'b' }, undefined, lex2)]);
      for (const o of o3) assert.deepEqual(o.value, lex2.value);
    } finally {
      await pool.close();
    }
  });

  it('with a pipeline, sends the next job before the first is answered; a crash rejects the jobs the worker held', async () => {
    const pool = new WorkerPool<In, Out>(script, 1, { pipeline: 2 });
    try {
      // One worker, jobs of 50 ms each: with two in flight the queue never waits for this thread.
      const texts = ['In Koersk', 'bij Soedzja zijn', 'de regio Loehansk werd gisteren', 'Charkiv'];
      const outs = await Promise.all(texts.map((text) => pool.run({ text, mode: 'slow' })));
      assert.deepEqual(outs.map((o) => o.words), [2, 3, 5, 1]);
      assert.equal(pool.pending, 0);
      // A crash takes the jobs sent to that worker (at most two); later ones run on its replacement.
      const jobs = [pool.run({ text: 'x', mode: 'crash' }), pool.run({ text: 'een twee', mode: 'slow' }), pool.run({ text: 'drie vier vijf' })];
      const settled = await Promise.allSettled(jobs);
      assert.equal(settled[0].status, 'rejected');
      assert.equal(settled[1].status, 'rejected', 'the job already sent to the crashed worker');
      assert.deepEqual(settled[2].status === 'fulfilled' && settled[2].value.words, 3);
      assert.equal(pool.crashes, 1);
    } finally {
      await pool.close();
    }
  });
});
