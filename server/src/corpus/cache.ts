// The persisted analysis cache: one snapshot file per namespace in the cache folder, of byte
// values the caller encoded (see archive/manifest.ts for what is kept under which key). Bronvast
// writes only here and in .bronvast/checked.json, never in the corpus.
//
// Format (measured for 30,000 entries of ~2.7 KB: see docs/formats.md, "Cache"):
//   "BRONVAST-CACHE\n" | u32 LE header length | header JSON {format, namespace, version, codec, count}
//   then per entry: u16 LE key length | key (UTF-8) | u32 LE value length | value (the bytes the
//   archive's worker threads encoded, see corpus/worker.ts; codec "raw" in the header). The count
//   is written last, into space padded for it.
// Loading only indexes the entries (slices of one buffer, ~0.15 s for 75 MB); the caller decodes a
// value when it needs it. Whole-file v8.serialize took ~1.7 s to load and JSON ~1.1 s.
// Saving streams the entries to a temporary file in chunks (yielding between them; with
// streamWrites() new entries go to disk as they are set) and renames it over the snapshot, so a
// reader never sees a half-written file and two processes saving at once leave one complete snapshot.

import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

const MAGIC = Buffer.from('BRONVAST-CACHE\n', 'latin1');
const FORMAT = 1;
/** Width reserved in the header for the entry count, written when the count is known. */
const COUNT_WIDTH = 12;
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
  /** Next write position, entries written or queued, and where the count goes in the header. */
  pos: number;
  count: number;
  countAt: number;
  /** Writes in order; the first opens the file and writes the entries held when streaming began. */
  queue: Promise<void>;
  pending: Buffer[];
  pendingBytes: number;
  error?: Error;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Buffer>();
  private readonly touched = new Set<string>();
  private dirty = false;
  /** Set while the snapshot is being written (see streamWrites()). */
  private writer: Writer | null = null;
  /** Why the cache started empty although a snapshot existed (corrupt, other version), for the log. */
  notice: string | undefined;

  private constructor(readonly file: string, readonly namespace: string, readonly version: string) {}

  /** Open (load) the snapshot of `namespace`; never throws: a bad snapshot gives an empty cache and a notice. */
  static async open(dir: string, namespace: string, version: string): Promise<AnalysisCache> {
    const safe = namespace.replace(/[^A-Za-z0-9._-]/g, '_') || 'default';
    const cache = new AnalysisCache(path.join(dir, `${safe}.cache`), namespace, version);
    let buf: Buffer;
    try {
      buf = await fsp.readFile(cache.file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') cache.notice = `cache ${cache.file} could not be read (${code ?? String(e)}); starting empty`;
      return cache;
    }
    try {
      cache.load(buf);
    } catch (e) {
      cache.entries.clear();
      cache.notice = `cache ${cache.file} is damaged (${(e as Error).message}); starting empty`;
      cache.dirty = true;
    }
    return cache;
  }

  private load(buf: Buffer): void {
    if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a Bronvast cache file');
    let p = MAGIC.length;
    const headerLen = buf.readUInt32LE(p); p += 4;
    if (p + headerLen > buf.length) throw new Error('truncated header');
    const header = JSON.parse(buf.toString('utf8', p, p + headerLen)) as { format: number; namespace: string; version: string; count: number; codec?: string };
    p += headerLen;
    if (header.format !== FORMAT) {
      this.notice = `cache format ${header.format} is not ${FORMAT}; starting empty`;
      this.dirty = true;
      return;
    }
    if (header.version !== this.version || header.codec !== CODEC) {
      this.notice = `analyzer version changed (${header.version} → ${this.version}); cache ${this.namespace} starts empty`;
      this.dirty = true;
      return;
    }
    let n = 0;
    while (p < buf.length) {
      if (p + 2 > buf.length) throw new Error('truncated entry');
      const kl = buf.readUInt16LE(p); p += 2;
      if (p + kl + 4 > buf.length) throw new Error('truncated entry');
      const key = buf.toString('utf8', p, p + kl); p += kl;
      const vl = buf.readUInt32LE(p); p += 4;
      if (p + vl > buf.length) throw new Error('truncated entry');
      this.entries.set(key, buf.subarray(p, p + vl));
      p += vl;
      n++;
    }
    if (n !== header.count) throw new Error(`expected ${header.count} entries, found ${n}`);
  }

  get size(): number { return this.entries.size; }

  has(hash: string): boolean { return this.entries.has(hash); }

  /**
   * The stored bytes (e.g. to hand them to a worker thread, which decodes them itself), or
   * undefined. Counts as a read for prune().
   */
  get(hash: string): Buffer | undefined {
    const e = this.entries.get(hash);
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

  /** Forget every entry held in memory (to free it once saved); the snapshot on disk stays, and save() writes nothing. */
  close(): void {
    this.entries.clear();
    this.touched.clear();
    if (!this.writer) this.dirty = false;
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
      const c = Buffer.from(String(w.count).padEnd(COUNT_WIDTH, ' '), 'utf8');
      await w.handle!.write(c, 0, c.length, w.countAt);
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
    const w: Writer = { tmp, handle: null, pos: 0, count: 0, countAt: MAGIC.length + 4 + Buffer.byteLength(prefix, 'utf8'), queue: Promise.resolve(), pending: [], pendingBytes: 0 };
    this.writer = w;
    const header = Buffer.from(prefix + ' '.repeat(COUNT_WIDTH) + '}', 'utf8');
    const hl = Buffer.allocUnsafe(4);
    hl.writeUInt32LE(header.length, 0);
    // The file is opened and the held entries written in the queue; entries set meanwhile queue up behind.
    const held = [...this.entries];
    w.queue = (async () => {
      try {
        await fsp.mkdir(path.dirname(this.file), { recursive: true });
        w.handle = await fsp.open(tmp, 'wx');
        await this.writeChunk(w, [MAGIC, hl, header]);
        let chunk: Buffer[] = [];
        let bytes = 0;
        let t = Date.now();
        for (const [key, raw] of held) {
          if (!this.frame(w, chunk, key, raw)) continue;
          bytes += raw.length;
          if (bytes >= CHUNK_BYTES || Date.now() - t > SLICE_MS) {
            await this.writeChunk(w, chunk);
            chunk = [];
            bytes = 0;
            await new Promise<void>((r) => setImmediate(r));
            t = Date.now();
          }
        }
        if (chunk.length) await this.writeChunk(w, chunk);
      } catch (e) {
        w.error = e as Error;
      }
    })();
  }

  /** Append one entry's frame (key length, key, value length) and value to `out`; false when the key is too long. */
  private frame(w: Writer, out: Buffer[], key: string, raw: Buffer): boolean {
    const k = Buffer.from(key, 'utf8');
    if (k.length > 0xffff) return false;
    const head = Buffer.allocUnsafe(2 + k.length + 4);
    head.writeUInt16LE(k.length, 0);
    k.copy(head, 2);
    head.writeUInt32LE(raw.length, 2 + k.length);
    out.push(head, raw);
    w.count++;
    return true;
  }

  private async writeChunk(w: Writer, bufs: Buffer[]): Promise<void> {
    if (w.error || !w.handle) return;
    let n = 0;
    for (const b of bufs) n += b.length;
    await w.handle.writev(bufs, w.pos);
    w.pos += n;
  }

  /** An entry set while streaming: queued for writing, written in chunks of about a megabyte. */
  private writeThrough(w: Writer, key: string, raw: Buffer): void {
    const before = w.pending.length;
    if (!this.frame(w, w.pending, key, raw)) return;
    for (let i = before; i < w.pending.length; i++) w.pendingBytes += w.pending[i].length;
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
