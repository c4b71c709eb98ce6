// The persisted analysis cache: one snapshot file per namespace in the cache folder, of byte
// values the caller encoded (see archive/manifest.ts for what is kept under which key). Bronvast
// writes only here and in .bronvast/checked.json, never in the corpus.
//
// Format 2 (see docs/formats.md, "Cache"):
//   "BRONVAST-CACHE\n" | u32 LE header length | header JSON {format, namespace, version, codec, count, index}
//   then per entry: u16 LE key length | key (UTF-8) | u32 LE value length | value (the bytes the
//   archive's worker threads encoded, see corpus/worker.ts; codec "raw" in the header)
//   then the index, at byte `index`: per entry u16 LE key length | key | f64 LE value position |
//   u32 LE value length. The count and the index position are written last, into space padded
//   for them.
// Opening reads the header and the index only, and keeps the file open: a value is read from
// disk when it is asked for (through a 1 MB window, so reading in file order is one read per
// megabyte). An update that needs a handful of entries no longer reads both snapshots whole
// (418 MB at 60× dpgmedia2019). Values set since opening are held in memory until saved.
// Saving streams the entries to a temporary file in chunks (yielding between them; with
// streamWrites() new entries go to disk as they are set) and renames it over the snapshot, so a
// reader never sees a half-written file and two processes saving at once leave one complete
// snapshot. A cache that was opened holds its snapshot open (the old file, after a save renamed
// a new one over it) until close().

import * as fs from 'node:fs';
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

const MAGIC = Buffer.from('BRONVAST-CACHE\n', 'latin1');
const FORMAT = 2;
/** Width reserved in the header for the entry count and for the index position, written when known. */
const COUNT_WIDTH = 12;
const INDEX_WIDTH = 16;
/** Bytes read at once when a value is read from the snapshot. */
const WINDOW_BYTES = 1 << 20;
/** Bytes per write while saving, and the longest stretch of encoding before yielding. */
const CHUNK_BYTES = 1 << 20;
const SLICE_MS = 8;

/**
 * The folder for Bronvast's own files: BRONVAST_CACHE_DIR when set, else `explicit` (the
 * extension's global storage, passed by the client), else the OS cache folder.
 */
export function cacheDir(explicit?: string): string {
  const env = process.env.BRONVAST_CACHE_DIR;
  if (env && env.trim() !== '') return path.resolve(env);
  if (explicit && explicit.trim() !== '') return path.resolve(explicit);
  const home = os.homedir();
  if (process.platform === 'win32') {
    const local = process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local');
    return path.join(local, 'bronvast', 'Cache');
  }
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'bronvast');
  const xdg = process.env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache'), 'bronvast');
}

/** The values are byte buffers the caller encoded itself, stored as they are (the header says so). */
const CODEC = 'raw';

interface Writer {
  tmp: string;
  handle: FileHandle | null;
  /** Next write position, entries written or queued, and where the count and index position go in the header. */
  pos: number;
  count: number;
  countAt: number;
  indexAt: number;
  /** The index as it is written: per entry key length, key, value position, value length. */
  index: Buffer[];
  /** Writes in order; the first opens the file and writes the entries held when streaming began. */
  queue: Promise<void>;
  pending: Frame[];
  pendingBytes: number;
  error?: Error;
}

/** One entry to write: its key in UTF-8 and its value. */
interface Frame { key: Buffer; raw: Buffer }

/** The open snapshot: its file, and where each value not yet read lies in it. */
interface Snapshot {
  size: number;
  pos: number[];
  len: number[];
  /** The last bytes read, from file position `start`. */
  window: Buffer;
  start: number;
  end: number;
}

/** Closes a snapshot left open by a cache that was dropped without close(). */
const leftOpen = new FinalizationRegistry<{ fd: number }>((h) => { if (h.fd >= 0) try { fs.closeSync(h.fd); } catch { /* closed */ } });

export class AnalysisCache {
  /** A value held in memory, or the slot of one still in the snapshot. */
  private readonly entries = new Map<string, Buffer | number>();
  private snapshot: Snapshot | null = null;
  private readonly handle = { fd: -1 };
  private readonly touched = new Set<string>();
  private dirty = false;
  /** Set while the snapshot is being written (see streamWrites()). */
  private writer: Writer | null = null;
  /** Why the cache started empty although a snapshot existed (corrupt, other version), for the log. */
  notice: string | undefined;

  private constructor(readonly file: string, readonly namespace: string, readonly version: string) {}

  /**
   * Open the snapshot of `namespace`; never throws: a bad snapshot gives an empty cache and a
   * notice. `whole`: read the file at once (a build reads every value,
   * in file order; one read and no copies); `index`: read the index only, and each value when it
   * is asked for (an update needs a few).
   */
  static async open(dir: string, namespace: string, version: string, read: 'whole' | 'index' = 'whole'): Promise<AnalysisCache> {
    const safe = namespace.replace(/[^A-Za-z0-9._-]/g, '_') || 'default';
    const cache = new AnalysisCache(path.join(dir, `${safe}.cache`), namespace, version);
    let fd: number;
    try {
      fd = fs.openSync(cache.file, 'r');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') cache.notice = `cache ${cache.file} could not be read (${code ?? String(e)}); starting empty`;
      return cache;
    }
    try {
      if (!(await cache.load(fd, read === 'whole'))) fs.closeSync(fd);
    } catch (e) {
      cache.entries.clear();
      cache.snapshot = null;
      fs.closeSync(fd);
      cache.notice = `cache ${cache.file} is damaged (${(e as Error).message}); starting empty`;
      cache.dirty = true;
    }
    return cache;
  }

  /** Read the header and the index of the snapshot open as `fd`; false when it is of another format or version. */
  private async load(fd: number, whole: boolean): Promise<boolean> {
    const size = fs.fstatSync(fd).size;
    const readAt = (pos: number, n: number): Buffer => readFully(fd, Buffer.allocUnsafe(n), n, pos);
    if (size < MAGIC.length + 4 || !readAt(0, MAGIC.length).equals(MAGIC)) throw new Error('not a Bronvast cache file');
    const headerLen = readAt(MAGIC.length, 4).readUInt32LE(0);
    const headerStart = MAGIC.length + 4;
    if (headerStart + headerLen > size) throw new Error('truncated header');
    const header = JSON.parse(readAt(headerStart, headerLen).toString('utf8')) as { format: number; namespace: string; version: string; count: number; codec?: string; index?: number };
    if (header.format !== FORMAT) {
      this.notice = `cache format ${header.format} is not ${FORMAT}; starting empty`;
      this.dirty = true;
      return false;
    }
    if (header.version !== this.version || header.codec !== CODEC) {
      this.notice = `analyzer version changed (${header.version} → ${this.version}); cache ${this.namespace} starts empty`;
      this.dirty = true;
      return false;
    }
    const at = header.index;
    const dataStart = headerStart + headerLen;
    if (typeof at !== 'number' || at < dataStart || at > size) throw new Error('no index');
    const buf = await readAtAsync(fd, at, size - at);
    const snap: Snapshot = { size, pos: [], len: [], window: Buffer.alloc(0), start: 0, end: 0 };
    let p = 0;
    let n = 0;
    while (p < buf.length) {
      if (p + 2 > buf.length) throw new Error('truncated index');
      const kl = buf.readUInt16LE(p); p += 2;
      if (p + kl + 12 > buf.length) throw new Error('truncated index');
      const key = buf.toString('utf8', p, p + kl); p += kl;
      const vp = buf.readDoubleLE(p); p += 8;
      const vl = buf.readUInt32LE(p); p += 4;
      if (!(vp >= dataStart && vp + vl <= at)) throw new Error('index points outside the entries');
      // (A key written twice, e.g. two articles of the same text: the later entry counts.)
      this.entries.set(key, snap.pos.length);
      snap.pos.push(vp);
      snap.len.push(vl);
      n++;
    }
    if (n !== header.count) throw new Error(`expected ${header.count} entries, found ${n}`);
    // (Read on the thread pool: a language server answers requests meanwhile.)
    if (whole) { snap.window = await readAtAsync(fd, 0, size); snap.end = size; }
    this.snapshot = snap;
    this.handle.fd = fd;
    leftOpen.register(this, this.handle, this.handle);
    return true;
  }

  /**
   * A value still in the snapshot: a slice of the window it was read with (a fresh 1 MB buffer
   * per window, so reading in file order is one read per megabyte and no copy). A slice keeps its
   * window alive: a caller that keeps a value beyond the run copies it (as placeFactBytes does).
   */
  private read(slot: number): Buffer {
    const s = this.snapshot!;
    const pos = s.pos[slot], len = s.len[slot];
    if (pos < s.start || pos + len > s.end) {
      const n = Math.min(Math.max(len, WINDOW_BYTES), s.size - pos);
      s.window = readFully(this.handle.fd, Buffer.allocUnsafeSlow(n), n, pos);
      s.start = pos;
      s.end = pos + n;
    }
    return s.window.subarray(pos - s.start, pos - s.start + len);
  }

  /** The value under `key`, from memory or the snapshot; undefined when the snapshot cannot be read. */
  private value(key: string): Buffer | undefined {
    const e = this.entries.get(key);
    if (e === undefined || typeof e !== 'number') return e;
    try {
      return this.read(e);
    } catch {
      return undefined;
    }
  }

  get size(): number { return this.entries.size; }

  has(hash: string): boolean { return this.entries.has(hash); }

  /**
   * The stored bytes (e.g. to hand them to a worker thread, which decodes them itself), or
   * undefined. Counts as a read for prune().
   */
  get(hash: string): Buffer | undefined {
    const e = this.value(hash);
    if (!e) return undefined;
    this.touched.add(hash);
    return e;
  }

  /** Store encoded bytes (while streaming, they are written at once and not kept). */
  set(hash: string, raw: Uint8Array): void {
    const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    if (this.writer) { this.entries.delete(hash); this.dirty = true; this.writeThrough(this.writer, hash, bytes); return; }
    this.entries.set(hash, bytes);
    this.touched.add(hash);
    this.dirty = true;
  }

  delete(hash: string): boolean {
    this.touched.delete(hash);
    const had = this.entries.delete(hash);
    if (had) this.dirty = true;
    return had;
  }

  /** Forget every entry held in memory (to free it once saved) and close the snapshot; the file on disk stays, and save() writes nothing. */
  close(): void {
    this.entries.clear();
    this.touched.clear();
    if (!this.writer) this.dirty = false;
    this.closeSnapshot();
  }

  private closeSnapshot(): void {
    if (!this.snapshot) return;
    leftOpen.unregister(this.handle);
    try { fs.closeSync(this.handle.fd); } catch { /* closed */ }
    this.snapshot = null;
    this.handle.fd = -1;
  }

  /** Drop the entries neither read nor written since open (articles no longer in the corpus). Returns how many. */
  prune(): number {
    let n = 0;
    for (const key of [...this.entries.keys()]) {
      if (!this.touched.has(key)) { this.entries.delete(key); n++; }
    }
    if (n > 0) this.dirty = true;
    return n;
  }

  /**
   * Write the snapshot atomically (temporary file + rename). Never throws; reports failure.
   * Entries are encoded and written one chunk at a time, yielding to the event loop between
   * chunks: the whole snapshot is never held in memory twice and the caller's thread is never
   * blocked for long. The entry count goes into the header last (it is padded for that).
   * After streamWrites(), this completes the snapshot that is being written.
   */
  async save(): Promise<{ ok: boolean; message?: string }> {
    if (!this.writer) {
      if (!this.dirty) return { ok: true };
      await this.streamWrites();
    }
    const w = this.writer!;
    this.writer = null;
    this.flushPending(w);
    try {
      await w.queue;
      if (w.error) throw w.error;
      const indexPos = w.pos;
      await this.writeBuffers(w, w.index);
      const c = Buffer.from(String(w.count).padEnd(COUNT_WIDTH, ' '), 'utf8');
      await w.handle!.write(c, 0, c.length, w.countAt);
      const ix = Buffer.from(String(indexPos).padEnd(INDEX_WIDTH, ' '), 'utf8');
      await w.handle!.write(ix, 0, ix.length, w.indexAt);
      await w.handle!.close();
      w.handle = null;
      await renameWithRetry(w.tmp, this.file);
      this.dirty = false;
      return { ok: true };
    } catch (e) {
      this.dirty = true;
      await w.handle?.close().catch(() => undefined);
      await fsp.unlink(w.tmp).catch(() => undefined);
      return { ok: false, message: `cache ${this.file} could not be saved (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
    }
  }

  /**
   * Start writing the snapshot now: the entries held so far (with `prune`, only those read or
   * written since open), then every entry set from now on is written as it comes and is not kept
   * in memory (get() will not find it). save() completes the snapshot. For a build that computes
   * many new entries: they are not all held until the end.
   */
  async streamWrites(prune = false): Promise<void> {
    if (this.writer) return;
    if (prune) this.prune();
    const tmp = `${this.file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    const prefix = JSON.stringify({ format: FORMAT, namespace: this.namespace, version: this.version, codec: CODEC }).slice(0, -1) + ',"count":';
    const middle = ',"index":';
    const countAt = MAGIC.length + 4 + Buffer.byteLength(prefix, 'utf8');
    const w: Writer = { tmp, handle: null, pos: 0, count: 0, countAt, indexAt: countAt + COUNT_WIDTH + middle.length, index: [], queue: Promise.resolve(), pending: [], pendingBytes: 0 };
    this.writer = w;
    const header = Buffer.from(prefix + ' '.repeat(COUNT_WIDTH) + middle + ' '.repeat(INDEX_WIDTH) + '}', 'utf8');
    const hl = Buffer.allocUnsafe(4);
    hl.writeUInt32LE(header.length, 0);
    // The file is opened and the held entries written in the queue; entries set meanwhile queue up behind.
    const held = [...this.entries.keys()];
    w.queue = (async () => {
      try {
        await fsp.mkdir(path.dirname(this.file), { recursive: true });
        w.handle = await fsp.open(tmp, 'wx');
        await this.writeBuffers(w, [MAGIC, hl, header]);
        let chunk: Frame[] = [];
        let bytes = 0;
        let t = Date.now();
        const pause = async () => { await new Promise<void>((r) => setImmediate(r)); t = Date.now(); };
        // Values held in memory first; then those still in the snapshot, copied as byte ranges
        // of whole frames (no value is decoded or copied on its own).
        const inSnapshot: { key: string; slot: number }[] = [];
        for (const key of held) {
          const e = this.entries.get(key);
          if (typeof e === 'number') { inSnapshot.push({ key, slot: e }); continue; }
          if (!e) continue;
          const f = frameOf(key, e);
          if (!f) continue;
          chunk.push(f);
          bytes += e.length;
          if (bytes >= CHUNK_BYTES || Date.now() - t > SLICE_MS) {
            await this.writeChunk(w, chunk);
            chunk = [];
            bytes = 0;
            await pause();
          }
        }
        if (chunk.length) await this.writeChunk(w, chunk);
        await this.copyFrames(w, inSnapshot, pause);
      } catch (e) {
        w.error = e as Error;
      }
    })();
  }

  /**
   * Copy entries of the open snapshot into the one being written: runs of adjacent frames as one
   * byte range (read into one reused block unless the whole file is held), noting each value's
   * new place in the index.
   */
  private async copyFrames(w: Writer, items: { key: string; slot: number }[], pause: () => Promise<void>): Promise<void> {
    const s = this.snapshot;
    if (!s || !items.length) return;
    let block = Buffer.alloc(0);
    let runStart = -1, runEnd = -1;
    let members: { key: Buffer; value: number; len: number }[] = [];
    const flush = async () => {
      if (runStart < 0 || w.error || !w.handle) return;
      const n = runEnd - runStart;
      let bytes: Buffer;
      if (runStart >= s.start && runEnd <= s.end) {
        bytes = s.window.subarray(runStart - s.start, runEnd - s.start);
      } else {
        if (block.length < n) block = Buffer.allocUnsafeSlow(Math.max(n, CHUNK_BYTES));
        bytes = readFully(this.handle.fd, block, n, runStart).subarray(0, n);
      }
      const base = w.pos - runStart;
      for (const m of members) {
        w.index.push(indexEntry(m.key, base + m.value, m.len));
        w.count++;
      }
      await this.writeBuffers(w, [bytes]);
      runStart = runEnd = -1;
      members = [];
      await pause();
    };
    for (const { key, slot } of items) {
      const k = Buffer.from(key, 'utf8');
      const value = s.pos[slot], len = s.len[slot];
      const start = value - frameHeadLength(k);
      if (runStart >= 0 && (start !== runEnd || runEnd - runStart >= CHUNK_BYTES)) await flush();
      if (runStart < 0) runStart = start;
      runEnd = value + len;
      members.push({ key: k, value, len });
    }
    await flush();
  }

  /** Write frames at the writer's position, and note each value's place in the index. */
  private async writeChunk(w: Writer, frames: Frame[]): Promise<void> {
    if (w.error || !w.handle) return;
    const bufs: Buffer[] = [];
    let at = w.pos;
    for (const { key, raw } of frames) {
      const head = Buffer.allocUnsafe(frameHeadLength(key));
      head.writeUInt16LE(key.length, 0);
      key.copy(head, 2);
      head.writeUInt32LE(raw.length, 2 + key.length);
      w.index.push(indexEntry(key, at + head.length, raw.length));
      bufs.push(head, raw);
      at += head.length + raw.length;
      w.count++;
    }
    await this.writeBuffers(w, bufs);
  }

  private async writeBuffers(w: Writer, bufs: Buffer[]): Promise<void> {
    if (w.error || !w.handle) return;
    // (writev takes at most IOV_MAX buffers at once on some systems.)
    for (let i = 0; i < bufs.length; i += 512) {
      const part = bufs.slice(i, i + 512);
      let n = 0;
      for (const b of part) n += b.length;
      await w.handle.writev(part, w.pos);
      w.pos += n;
    }
  }

  /** An entry set while streaming: queued for writing, written in chunks of about a megabyte. */
  private writeThrough(w: Writer, key: string, raw: Buffer): void {
    const f = frameOf(key, raw);
    if (!f) return;
    w.pending.push(f);
    w.pendingBytes += raw.length;
    if (w.pendingBytes >= CHUNK_BYTES) this.flushPending(w);
  }

  private flushPending(w: Writer): void {
    if (!w.pending.length) return;
    const bufs = w.pending;
    w.pending = [];
    w.pendingBytes = 0;
    w.queue = w.queue.then(() => this.writeChunk(w, bufs)).catch((e) => { w.error = e as Error; });
  }
}

/** An entry's frame before its value: u16 key length, the key, u32 value length. */
function frameHeadLength(key: Buffer): number { return 2 + key.length + 4; }

/** An entry of the index: u16 key length, the key, f64 value position, u32 value length. */
function indexEntry(key: Buffer, valueAt: number, length: number): Buffer {
  const ix = Buffer.allocUnsafe(2 + key.length + 12);
  ix.writeUInt16LE(key.length, 0);
  key.copy(ix, 2);
  ix.writeDoubleLE(valueAt, 2 + key.length);
  ix.writeUInt32LE(length, 2 + key.length + 8);
  return ix;
}

/** Fill the first `n` bytes of `into` from an open file at `pos` (a short file is an error); returns `into`. */
function readFully(fd: number, into: Buffer, n: number, pos: number): Buffer {
  let got = 0;
  while (got < n) {
    const r = fs.readSync(fd, into, got, n - got, pos + got);
    if (r === 0) throw new Error('truncated file');
    got += r;
  }
  return into;
}

/** `n` bytes of an open file from `pos`, read on the thread pool. */
async function readAtAsync(fd: number, pos: number, n: number): Promise<Buffer> {
  const b = Buffer.allocUnsafeSlow(n);
  let got = 0;
  while (got < n) {
    const r = await new Promise<number>((resolve, reject) => fs.read(fd, b, got, n - got, pos + got, (e, bytes) => (e ? reject(e) : resolve(bytes))));
    if (r === 0) throw new Error('truncated file');
    got += r;
  }
  return b;
}

/** An entry to write; null when its key is too long for the format. */
function frameOf(key: string, raw: Buffer): Frame | null {
  const k = Buffer.from(key, 'utf8');
  return k.length > 0xffff ? null : { key: k, raw };
}

/** rename(), retried briefly: on Windows a reader holding the target makes it fail with EPERM/EBUSY. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fsp.rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw e;
      await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
    }
  }
}
