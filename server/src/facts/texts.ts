// The sentences an index cites as evidence (a claim's sentence, a place fact's sentence), one list
// per article. A process that keeps the archive (the language server, `index --watch`) writes
// them to a spool file of its own instead of holding them: at 204 MB of archive they are ~66 MB
// of the heap, and a request reads only the few it shows (a diagnostic's evidence, a hover's key
// sentences, twenty completion items). A run-once command keeps them in memory.
//
// The spool is append-only and private to the process: it is unlinked as soon as it is open (on
// Windows, where that can fail, when it is closed, or by the next spool made in that folder once its
// process has ended), so nothing is left behind, even after a crash.
// Each index build starts a new one; the old file goes when the last claim citing it is collected.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { BoundedMemo } from '../core/memo';

/** An article's cited sentences, by their index in FactsData.sentences. */
export interface Sentences {
  at(i: number): string;
}

/** Sentences held in memory. */
export class HeldSentences implements Sentences {
  constructor(private readonly list: readonly string[]) {}
  at(i: number): string { return this.list[i] ?? ''; }
}

/** Sentences in a spool file: where the article's block lies. */
class SpooledSentences implements Sentences {
  constructor(private readonly spool: TextSpool, readonly pos: number, readonly len: number) {}
  at(i: number): string { return this.spool.read(this)[i] ?? ''; }
}

/** Between an article's sentences in the spool. */
const SEP = '\u0000';
/** Bytes gathered before they are written. */
const CHUNK_BYTES = 1 << 20;
/** Articles whose sentences are kept decoded (a hover reads a handful of articles, a dossier a few more). */
const MEMO_ARTICLES = 256;

/** Closes (and where needed removes) the file of a spool no claim refers to any more. */
const dropped = new FinalizationRegistry<{ fd: number; file: string | null }>((h) => closeFile(h));

function closeFile(h: { fd: number; file: string | null }): void {
  if (h.fd >= 0) { try { fs.closeSync(h.fd); } catch { /* closed */ } h.fd = -1; }
  if (h.file) { try { fs.unlinkSync(h.file); } catch { /* gone */ } h.file = null; }
}

const SPOOL_NAME = /^sentences-(\d+)-[0-9a-f]{8}\.spool$/;

/** Spools of processes that ended without removing theirs (where a file in use cannot be unlinked: Windows). */
function removeStale(dir: string): void {
  let names: string[];
  try { names = fs.readdirSync(dir); } catch { return; }
  for (const name of names) {
    const m = SPOOL_NAME.exec(name);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    try { fs.unlinkSync(path.join(dir, name)); } catch { /* in use, or gone */ }
  }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

export class TextSpool {
  private readonly handle: { fd: number; file: string | null };
  /** Bytes on disk, and the chunk being gathered after them (one buffer, reused: a build spools
   *  hundreds of MB, and a new buffer per article or per chunk set off full collections of a large heap). */
  private written = 0;
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private readonly memo = new BoundedMemo<number, readonly string[]>(MEMO_ARTICLES);
  /** Set when a write or read failed: later articles keep their sentences in memory (and the chunk what it gathered). */
  private failed: Error | null = null;

  private constructor(fd: number, file: string | null, private readonly log?: (message: string) => void) {
    this.handle = { fd, file };
    dropped.register(this, this.handle, this);
  }

  /**
   * A new spool in `dir` (created when missing); null, with the reason logged, when no file can be
   * made there: the sentences then stay in memory.
   */
  static create(dir: string, log?: (message: string) => void): TextSpool | null {
    const file = path.join(dir, `sentences-${process.pid}-${randomBytes(4).toString('hex')}.spool`);
    let fd: number;
    try {
      fs.mkdirSync(dir, { recursive: true });
      removeStale(dir);
      fd = fs.openSync(file, 'wx+', 0o600);
    } catch (e) {
      log?.(`Bronvast: sentences kept in memory, no spool file in ${dir} (${(e as Error).message})`);
      return null;
    }
    let kept: string | null = null;
    try { fs.unlinkSync(file); } catch { kept = file; }
    return new TextSpool(fd, kept, log);
  }

  /** The folder for spools: the cache folder, else the system's temporary folder. */
  static folder(cacheDir: string | null): string {
    return cacheDir ?? os.tmpdir();
  }

  /** Keep an article's sentences: in the spool, or in memory when the spool has failed. */
  put(list: readonly string[]): Sentences {
    // (Sentences are kept NUL-separated; an article whose text has a NUL keeps its own in memory.)
    if (this.failed || list.length === 0 || list.some((x) => x.includes(SEP))) return new HeldSentences(list);
    const text = list.join(SEP);
    // (UTF-8 takes at most 3 bytes per UTF-16 unit: written into the chunk when that much is free.)
    const most = text.length * 3;
    if (most > CHUNK_BYTES - this.used) this.flush();
    if (this.failed) return new HeldSentences(list);
    if (most > CHUNK_BYTES) {
      const bytes = Buffer.from(text, 'utf8');
      const at = new SpooledSentences(this, this.written, bytes.length);
      return this.writeOut(bytes, bytes.length) ? at : new HeldSentences(list);
    }
    const n = this.chunk.write(text, this.used, 'utf8');
    const at = new SpooledSentences(this, this.written + this.used, n);
    this.used += n;
    return at;
  }

  /** Write what was gathered. */
  flush(): void {
    if (!this.used || this.failed) return;
    if (this.writeOut(this.chunk, this.used)) this.used = 0;
  }

  /** Write `n` bytes of `data` at the end of the file; false (the spool failed) when that fails. */
  private writeOut(data: Buffer, n: number): boolean {
    try {
      let off = 0;
      while (off < n) off += fs.writeSync(this.handle.fd, data, off, n - off, this.written + off);
      this.written += n;
      return true;
    } catch (e) {
      this.fail(e as Error);
      return false;
    }
  }

  /** An article's sentences (decoded once, then from the memo while it holds them). */
  read(s: SpooledSentences): readonly string[] {
    const hit = this.memo.get(s.pos);
    if (hit) return hit;
    let text: string;
    try {
      if (s.pos >= this.written) {
        // Still in the chunk (or, after a failed write, kept there).
        const from = s.pos - this.written;
        text = this.chunk.toString('utf8', from, from + s.len);
      } else {
        const buf = Buffer.allocUnsafe(s.len);
        let off = 0;
        while (off < s.len) {
          const n = fs.readSync(this.handle.fd, buf, off, s.len - off, s.pos + off);
          if (n === 0) throw new Error('spool file shorter than written');
          off += n;
        }
        text = buf.toString('utf8');
      }
    } catch (e) {
      this.fail(e as Error);
      return [];
    }
    return this.memo.set(s.pos, text.split(SEP));
  }

  /** Bytes written to the spool, and gathered. */
  get size(): number { return this.written + this.used; }

  private fail(e: Error): void {
    if (this.failed) return;
    this.failed = e;
    this.log?.(`Bronvast: the sentence spool failed (${e.message}); new sentences are kept in memory`);
  }

  /** Close the file now (tests; a process that ends closes it anyway). Sentences read later are empty. */
  close(): void {
    dropped.unregister(this);
    this.failed ??= new Error('closed');
    closeFile(this.handle);
  }
}
