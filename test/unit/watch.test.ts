import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { watchCorpus, type CorpusChange, type WatchOptions } from '../../server/src/corpus/watch';

const TEXT = 'In Loehansk vielen zondag ruim 20 doden, meldt de gouverneur.\n';

/** Collects batches; `until` waits for a batch matching a predicate (or fails after a timeout). */
class Recorder {
  batches: CorpusChange[][] = [];
  private waiters: (() => void)[] = [];
  readonly on = (changes: CorpusChange[]) => {
    this.batches.push(changes);
    for (const w of this.waiters.splice(0)) w();
  };
  get all(): CorpusChange[] { return this.batches.flat(); }
  async until(pred: (all: CorpusChange[]) => boolean, ms = 5000): Promise<void> {
    const end = Date.now() + ms;
    while (!pred(this.all)) {
      const left = end - Date.now();
      if (left <= 0) throw new Error(`timed out; got ${JSON.stringify(this.batches)}`);
      await new Promise<void>((r) => { this.waiters.push(r); setTimeout(r, Math.min(left, 100)); });
    }
  }
  clear(): void { this.batches = []; }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const has = (file: string, type: CorpusChange['type']) => (all: CorpusChange[]) => all.some((c) => c.file === file && c.type === type);

/** Watch `paths` while `body` runs (after the initial scan), then close the watcher. */
async function watching(paths: string[], baseDir: string, options: WatchOptions, body: (rec: Recorder) => Promise<void>): Promise<void> {
  const rec = new Recorder();
  const w = watchCorpus(paths, baseDir, rec.on, options);
  try {
    await w.ready;
    await body(rec);
  } finally {
    w.close();
  }
}

describe('corpus/watch', function () {
  this.timeout(20000);
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-watch-')); });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('reports created, changed and deleted files in a folder tree, coalesced', async () => {
    const corpus = path.join(dir, 'archief');
    fs.mkdirSync(corpus);
    fs.writeFileSync(path.join(corpus, 'bestaand.txt'), TEXT);
    const rec = new Recorder();
    const w = watchCorpus(['archief'], dir, rec.on, { debounceMs: 100 });
    try {
      await w.ready;
      const a = path.join(corpus, 'nieuw artikel.txt');
      for (let i = 0; i < 5; i++) { fs.writeFileSync(a, TEXT.repeat(i + 1)); await sleep(5); }
      await rec.until(has(a, 'created'));
      await sleep(300);
      assert.deepEqual(rec.all.filter((c) => c.file === a), [{ file: a, type: 'created' }], 'rapid writes coalesce into one event');
      rec.clear();

      const old = path.join(corpus, 'bestaand.txt');
      fs.appendFileSync(old, 'Later meer.\n');
      await rec.until(has(old, 'changed'));
      rec.clear();

      const sub = path.join(corpus, 'sub', 'diep');
      fs.mkdirSync(sub, { recursive: true });
      const deep = path.join(sub, 'Zürich één.md');
      fs.writeFileSync(deep, '---\ntitle: Zürich\n---\n' + TEXT);
      await rec.until(has(deep, 'created'));
      rec.clear();

      fs.writeFileSync(path.join(corpus, 'foto.jpg'), 'x');
      fs.mkdirSync(path.join(corpus, '.git'));
      fs.writeFileSync(path.join(corpus, '.git', 'x.txt'), TEXT);
      fs.unlinkSync(a);
      await rec.until(has(a, 'deleted'));
      await sleep(300);
      assert.deepEqual(rec.all, [{ file: a, type: 'deleted' }], 'unsupported and hidden files are not reported');
      rec.clear();

      fs.rmSync(path.join(corpus, 'sub'), { recursive: true });
      await rec.until(has(deep, 'deleted'));
    } finally {
      w.close();
    }
  });

  it('tolerates the watched folder being removed and picks it up when it comes back', async () => {
    const corpus = path.join(dir, 'weg');
    fs.mkdirSync(corpus);
    const f = path.join(corpus, 'a.txt');
    fs.writeFileSync(f, TEXT);
    const rec = new Recorder();
    const errors: string[] = [];
    const w = watchCorpus([corpus], dir, rec.on, { debounceMs: 50, onError: (m) => errors.push(m) });
    try {
      await w.ready;
      await sleep(200); // Node's recursive watcher on Linux sets itself up asynchronously
      fs.rmSync(corpus, { recursive: true });
      await rec.until(has(f, 'deleted'));
      rec.clear();
      await sleep(200);
      fs.mkdirSync(corpus);
      fs.writeFileSync(f, TEXT);
      await rec.until(has(f, 'created'));
      assert.deepEqual(errors, []);
    } finally {
      w.close();
    }
  });

  it('watches a single file and a path that does not exist yet', async () => {
    const single = path.join(dir, 'archief.jsonl');
    fs.writeFileSync(single, '{"id":1,"text":"a"}\n');
    const later = path.join(dir, 'later.md');
    const rec = new Recorder();
    const w = watchCorpus([single, 'later.md'], dir, rec.on, { debounceMs: 50 });
    try {
      await w.ready;
      await sleep(150);
      fs.appendFileSync(single, '{"id":2,"text":"b"}\n');
      await rec.until(has(single, 'changed'));
      fs.writeFileSync(later, TEXT);
      await rec.until(has(later, 'created'));
      fs.unlinkSync(single);
      await rec.until(has(single, 'deleted'));
    } finally {
      w.close();
    }
  });

  it('does not follow a symbolic link back into the corpus, as the archive does not', async function () {
    const corpus = path.join(dir, 'archief');
    fs.mkdirSync(path.join(corpus, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(corpus, 'sub', 'a.txt'), TEXT);
    try { fs.symlinkSync(corpus, path.join(corpus, 'sub', 'terug'), 'dir'); } catch { this.skip(); }
    await watching([corpus], dir, { debounceMs: 50 }, async (rec) => {
      const b = path.join(corpus, 'sub', 'b.txt');
      fs.writeFileSync(b, TEXT);
      await rec.until(has(b, 'created'));
      await sleep(300);
      assert.deepEqual(rec.all, [{ file: b, type: 'created' }], 'reported once, not again under sub/terug/sub/…');
    });
  });

  it('polls when asked (an archive on a network share, or no watches left): the same changes', async () => {
    const corpus = path.join(dir, 'share');
    fs.mkdirSync(corpus);
    const f = path.join(corpus, 'a.txt');
    fs.writeFileSync(f, TEXT);
    await watching([corpus], dir, { debounceMs: 50, polling: true }, async (rec) => {
      fs.appendFileSync(f, 'Later meer.\n');
      await rec.until(has(f, 'changed'), 10000);
      const g = path.join(corpus, 'b.md');
      fs.writeFileSync(g, TEXT);
      await rec.until(has(g, 'created'), 10000);
      fs.unlinkSync(f);
      await rec.until(has(f, 'deleted'), 10000);
    });
  });

  it('close() stops reporting and leaves no handles', async () => {
    const rec = new Recorder();
    const w = watchCorpus([dir], dir, rec.on, { debounceMs: 50 });
    await w.ready;
    w.close();
    fs.writeFileSync(path.join(dir, 'na-sluiten.txt'), TEXT);
    await sleep(300);
    assert.deepEqual(rec.batches, []);
  });
});
