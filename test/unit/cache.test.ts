import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { AnalysisCache, cacheDir } from '../../server/src/corpus/cache';

interface Analysis { places: { id: string; name: string; start: number }[]; figures: { text: string; value: number; qualifier: string | null }[]; extra?: Map<string, number> }

/** The cache stores bytes; these tests store values through v8, as the archive's workers encode them. */
type Typed<T> = Omit<AnalysisCache, 'get' | 'set'> & { get(k: string): T | undefined; set(k: string, v: T): void; bytes: AnalysisCache };
async function openTyped<T>(dir: string, namespace: string, version: string, read: 'whole' | 'index' = 'whole'): Promise<Typed<T>> {
  const c = await AnalysisCache.open(dir, namespace, version, read);
  return new Proxy(c, {
    get(target, prop) {
      // (A value that does not decode is a miss and is dropped, as the archive does with its entries.)
      if (prop === 'get') return (k: string) => { const b = target.get(k); if (!b) return undefined; try { return v8.deserialize(b) as T; } catch { target.delete(k); return undefined; } };
      if (prop === 'set') return (k: string, v: T) => target.set(k, v8.serialize(v));
      if (prop === 'bytes') return target;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  }) as unknown as Typed<T>;
}

function sample(i: number): Analysis {
  return {
    places: [{ id: 'ua-kharkiv', name: i % 2 ? 'Charkiv' : 'Kharkiv', start: i }],
    figures: [{ text: '2,5 miljoen', value: 2_500_000 + i, qualifier: i % 3 ? 'ruim' : null }],
    extra: new Map([['Koersk', i]]),
  };
}

describe('corpus/cache', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-cache-')); });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('round-trips values (v8 structured clone, Maps included) through save and open', async () => {
    const c = await openTyped<Analysis>(dir, 'analysis', '1');
    assert.equal(c.size, 0);
    assert.equal(c.notice, undefined, 'no snapshot yet is not worth a notice');
    for (let i = 0; i < 100; i++) c.set(`h${i}`, sample(i));
    assert.deepEqual(await c.save(), { ok: true });
    const d = await openTyped<Analysis>(dir, 'analysis', '1');
    assert.equal(d.size, 100);
    assert.deepEqual(d.get('h7'), sample(7));
    assert.equal(d.get('h7')!.extra!.get('Koersk'), 7);
    assert.equal(d.get('nope'), undefined);
    assert.deepEqual(fs.readdirSync(dir), ['analysis.cache'], 'no temporary files left behind');
  });

  it('namespaces are separate files; odd namespace characters are made safe', async () => {
    const a = await openTyped<number>(dir, 'places/v2', '1');
    a.set('x', 1);
    await a.save();
    const b = await openTyped<number>(dir, 'figures', '1');
    assert.equal(b.get('x'), undefined);
    assert.equal((await openTyped<number>(dir, 'places/v2', '1')).get('x'), 1);
    assert.ok(fs.readdirSync(dir).every((n) => !n.includes('/')));
  });

  it('a version mismatch invalidates the snapshot, with a notice', async () => {
    const a = await openTyped<Analysis>(dir, 'analysis', 'analyzer-1');
    a.set('h', sample(1));
    await a.save();
    const b = await openTyped<Analysis>(dir, 'analysis', 'analyzer-2');
    assert.equal(b.size, 0);
    assert.match(b.notice ?? '', /version/);
    assert.equal(b.get('h'), undefined);
  });

  it('a corrupt or truncated snapshot starts empty with a notice and never throws', async () => {
    const a = await openTyped<Analysis>(dir, 'analysis', '1');
    for (let i = 0; i < 20; i++) a.set(`h${i}`, sample(i));
    await a.save();
    const file = path.join(dir, 'analysis.cache');
    const good = fs.readFileSync(file);
    const variants: Buffer[] = [
      good.subarray(0, good.length - 7),           // truncated
      Buffer.from('dit is geen cachebestand'),      // garbage
      Buffer.alloc(0),                              // empty
      Buffer.concat([good.subarray(0, 15), Buffer.from([0xff, 0xff, 0xff, 0x7f])]), // absurd header length
    ];
    for (const v of variants) {
      fs.writeFileSync(file, v);
      const c = await openTyped<Analysis>(dir, 'analysis', '1');
      assert.equal(c.size, 0);
      assert.match(c.notice ?? '', /damaged|starting empty/);
    }
    // A damaged value inside a well-formed file is a miss, not an exception.
    const bad = Buffer.from(good);
    const k = bad.indexOf(Buffer.from('h3'));
    bad.fill(0xff, k + 2 + 4, k + 2 + 4 + 8);
    fs.writeFileSync(file, bad);
    const c = await openTyped<Analysis>(dir, 'analysis', '1');
    assert.equal(c.size, 20);
    assert.equal(c.get('h3'), undefined);
    assert.deepEqual(c.get('h4'), sample(4));
  });

  it('prune() drops entries not touched since open', async () => {
    const a = await openTyped<number>(dir, 'n', '1');
    for (let i = 0; i < 10; i++) a.set(`h${i}`, i);
    await a.save();
    const b = await openTyped<number>(dir, 'n', '1');
    b.get('h1');
    b.get('h2');
    b.set('new', 42);
    assert.equal(b.prune(), 8);
    await b.save();
    const c = await openTyped<number>(dir, 'n', '1');
    assert.deepEqual([...['h1', 'h2', 'new', 'h3']].map((k) => c.get(k)), [1, 2, 42, undefined]);
  });

  it('concurrent saves from several writers leave one complete snapshot', async () => {
    const writers = await Promise.all([1, 2, 3, 4].map(async (w) => {
      const c = await openTyped<Analysis>(dir, 'analysis', '1');
      for (let i = 0; i < 300; i++) c.set(`h${i}`, { ...sample(i), places: [{ id: `w${w}`, name: 'Loehansk', start: i }] });
      return c;
    }));
    const results = await Promise.all(writers.map((c) => c.save()));
    assert.ok(results.every((r) => r.ok));
    const c = await openTyped<Analysis>(dir, 'analysis', '1');
    assert.equal(c.notice, undefined);
    assert.equal(c.size, 300);
    const writer = c.get('h0')!.places[0].id;
    for (let i = 0; i < 300; i++) assert.equal(c.get(`h${i}`)!.places[0].id, writer, 'entries all from one writer');
    assert.deepEqual(fs.readdirSync(dir), ['analysis.cache']);
  });

  it('a save that cannot write reports failure instead of throwing', async () => {
    const blocker = path.join(dir, 'file-not-folder');
    fs.writeFileSync(blocker, 'x');
    const c = await openTyped<number>(path.join(blocker, 'sub'), 'n', '1');
    c.set('a', 1);
    const r = await c.save();
    assert.equal(r.ok, false);
    assert.match(r.message ?? '', /could not be saved/);
  });

  it('loads 30,000 entries quickly (index only; values decoded on demand)', async function () {
    this.timeout(60000);
    const big = await openTyped<Analysis>(dir, 'big', '1');
    const value = (i: number): Analysis => ({
      places: Array.from({ length: 4 }, (_, k) => ({ id: `p${k}`, name: 'Charkiv', start: i + k })),
      figures: Array.from({ length: 12 }, (_, k) => ({ text: `${k}.000`, value: k * 1000 + i, qualifier: 'ruim' })),
    });
    for (let i = 0; i < 30000; i++) big.set(i.toString(16).padStart(40, '0'), value(i));
    assert.ok((await big.save()).ok);
    const bytes = fs.statSync(path.join(dir, 'big.cache')).size;
    const t0 = process.hrtime.bigint();
    const again = await openTyped<Analysis>(dir, 'big', '1');
    const openMs = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.equal(again.size, 30000);
    assert.deepEqual(again.get((12345).toString(16).padStart(40, '0')), value(12345));
    console.log(`      (30,000 entries, ${(bytes / 1e6).toFixed(1)} MB: open in ${openMs.toFixed(0)} ms)`);
    assert.ok(openMs < 3000, `open took ${openMs} ms`);
  });

  it('reads values from its own snapshot on demand, whatever another process saves meanwhile, and closes it', async function () {
    const a = await openTyped<Analysis>(dir, 'analysis', '1');
    for (let i = 0; i < 3000; i++) a.set(`h${i}`, sample(i));
    assert.ok((await a.save()).ok);
    const fds = () => (fs.existsSync('/proc/self/fd') ? fs.readdirSync('/proc/self/fd').length : NaN);
    const before = fds();
    const reader = await openTyped<Analysis>(dir, 'analysis', '1', 'index');
    assert.equal(reader.size, 3000);
    // Another writer replaces the snapshot (as a second Bronvast process would).
    const other = await openTyped<Analysis>(dir, 'analysis', '1');
    other.close();
    const writer = await openTyped<Analysis>(dir, 'analysis', '1');
    for (let i = 0; i < 3000; i++) writer.set(`h${i}`, sample(i + 5000));
    assert.ok((await writer.save()).ok);
    writer.close();
    // In file order and out of it (across read windows): the values of the snapshot it opened.
    for (const i of [0, 1, 2999, 1500, 7, 2998]) assert.deepEqual(reader.get(`h${i}`), sample(i));
    if (!Number.isNaN(before)) assert.equal(fds(), before + 1, 'one open file while in use');
    reader.close();
    if (!Number.isNaN(before)) assert.equal(fds(), before, 'closed by close()');
    assert.equal(reader.get('h1'), undefined);
    assert.deepEqual((await openTyped<Analysis>(dir, 'analysis', '1')).get('h1'), sample(5001));
  });

  it('an update opened on the index alone saves every entry it did not read, and the new ones', async () => {
    const a = await openTyped<Analysis>(dir, 'analysis', '1');
    for (let i = 0; i < 2000; i++) a.set(`h${i}`, sample(i));
    assert.ok((await a.save()).ok);
    for (const read of ['index', 'whole'] as const) {
      const u = await openTyped<Analysis>(dir, 'analysis', '1', read);
      assert.deepEqual(u.get('h10'), sample(10));
      u.set(`nieuw-${read}`, sample(-1));
      u.delete('h11');
      assert.ok((await u.save()).ok);
      u.close();
    }
    const c = await openTyped<Analysis>(dir, 'analysis', '1', 'index');
    assert.equal(c.notice, undefined);
    assert.equal(c.size, 2000 - 1 + 2);
    for (const i of [0, 10, 12, 999, 1999]) assert.deepEqual(c.get(`h${i}`), sample(i));
    assert.equal(c.get('h11'), undefined);
    assert.deepEqual(c.get('nieuw-index'), sample(-1));
    assert.deepEqual(c.get('nieuw-whole'), sample(-1));
    c.close();
  });

  it('a key set twice while streaming (two articles of the same text) is read back once, the later value', async () => {
    const a = await openTyped<number>(dir, 'facts', '1');
    await a.streamWrites();
    a.set('zelfde', 1);
    a.set('ander', 3);
    a.set('zelfde', 2);
    assert.ok((await a.save()).ok);
    const b = await openTyped<number>(dir, 'facts', '1');
    assert.equal(b.notice, undefined);
    assert.equal(b.size, 2);
    assert.equal(b.get('zelfde'), 2);
    assert.equal(b.get('ander'), 3);
  });

  it('a snapshot of the previous format starts empty with a notice', async () => {
    const file = path.join(dir, 'analysis.cache');
    const header = Buffer.from(JSON.stringify({ format: 1, namespace: 'analysis', version: '1', codec: 'raw', count: 0 }));
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.length, 0);
    fs.writeFileSync(file, Buffer.concat([Buffer.from('BRONVAST-CACHE\n', 'latin1'), len, header]));
    const c = await openTyped<Analysis>(dir, 'analysis', '1');
    assert.equal(c.size, 0);
    assert.match(c.notice ?? '', /cache format 1 is not 2; starting empty/);
  });

  it('stores bytes as they are', async () => {
    const raw = await AnalysisCache.open(dir, 'blobs', '1');
    const bytes = Buffer.from('Loehansk, Charkiv en Kyiv: ruim 1.000 meldingen', 'utf8');
    raw.set('h1', bytes);
    raw.set('h2', new Uint8Array([0, 1, 2, 255]));
    assert.ok((await raw.save()).ok);
    const back = await AnalysisCache.open(dir, 'blobs', '1');
    assert.equal(back.get('h1')!.toString('utf8'), bytes.toString('utf8'));
    assert.deepEqual([...back.get('h2')!], [0, 1, 2, 255]);
    // A snapshot of another version is a version change, not garbage.
    const other = await AnalysisCache.open(dir, 'blobs', '2');
    assert.equal(other.size, 0);
    assert.match(other.notice ?? '', /starts empty/);
  });

  it('saves in chunks without blocking the event loop, and the count in the header is right', async function () {
    this.timeout(60000);
    const c = await openTyped<Analysis>(dir, 'big', '1');
    for (let i = 0; i < 20000; i++) c.set(`k${i}`, { ...sample(i), figures: Array.from({ length: 10 }, (_, k) => ({ text: `${k},5 miljoen`, value: k * 2.5e6 + i, qualifier: 'bijna' })) });
    let worst = 0;
    let last = Date.now();
    let running = true;
    const tick = () => { const now = Date.now(); worst = Math.max(worst, now - last); last = now; if (running) setImmediate(tick); };
    setImmediate(tick);
    const r = await c.save();
    running = false;
    assert.ok(r.ok);
    assert.ok(worst < 250, `event loop blocked for ${worst} ms while saving`);
    const again = await openTyped<Analysis>(dir, 'big', '1');
    assert.equal(again.notice, undefined);
    assert.equal(again.size, 20000);
    assert.equal(again.get('k19999')!.figures[9].value, 9 * 2.5e6 + 19999);
  });

  it('streams a snapshot: the entries read so far first, then each new entry as it is set, not held in memory', async () => {
    const a = await openTyped<Analysis>(dir, 'analysis', '1');
    for (let i = 0; i < 50; i++) a.set(`old${i}`, sample(i));
    assert.ok((await a.save()).ok);
    const b = await openTyped<Analysis>(dir, 'analysis', '1');
    for (let i = 0; i < 10; i++) assert.ok(b.bytes.get(`old${i}`));       // still in the corpus
    await b.streamWrites(true);                                          // the other 40 are pruned
    for (let i = 0; i < 30; i++) b.bytes.set(`new${i}`, v8.serialize(sample(100 + i)));
    b.set('neu', sample(999));
    assert.equal(b.get('new3'), undefined, 'written through, not held');
    assert.ok((await b.save()).ok);
    const c = await openTyped<Analysis>(dir, 'analysis', '1');
    assert.equal(c.notice, undefined);
    assert.equal(c.size, 41);
    assert.deepEqual(c.get('old9'), sample(9));
    assert.equal(c.get('old10'), undefined);
    assert.deepEqual(c.get('new29'), sample(129));
    assert.deepEqual(c.get('neu'), sample(999));
    assert.deepEqual(fs.readdirSync(dir), ['analysis.cache'], 'no temporary files left behind');
    // Streaming into a folder that cannot exist reports failure at save() and leaves nothing behind.
    const blocker = path.join(dir, 'file-not-folder');
    fs.writeFileSync(blocker, 'x');
    const d = await openTyped<number>(path.join(blocker, 'sub'), 'n', '1');
    await d.streamWrites();
    d.set('a', 1);
    const r = await d.save();
    assert.equal(r.ok, false);
    assert.match(r.message ?? '', /could not be saved/);
  });

  describe('cacheDir', () => {
    const saved = { ...process.env };
    afterEach(() => {
      for (const k of ['BRONVAST_CACHE_DIR', 'XDG_CACHE_HOME']) {
        if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
      }
    });

    it('prefers BRONVAST_CACHE_DIR, then the explicit folder, then the OS cache folder', () => {
      process.env.BRONVAST_CACHE_DIR = path.join(dir, 'env');
      assert.equal(cacheDir('/opslag/extensie'), path.join(dir, 'env'));
      delete process.env.BRONVAST_CACHE_DIR;
      assert.equal(cacheDir(path.join(dir, 'ext')), path.join(dir, 'ext'));
      if (process.platform === 'linux') {
        process.env.XDG_CACHE_HOME = path.join(dir, 'xdg');
        assert.equal(cacheDir(), path.join(dir, 'xdg', 'bronvast'));
        delete process.env.XDG_CACHE_HOME;
        assert.equal(cacheDir(), path.join(os.homedir(), '.cache', 'bronvast'));
      }
    });
  });
});
