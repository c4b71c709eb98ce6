// Watching the corpus for changes, for LSP clients that do not send
// workspace/didChangeWatchedFiles. Folders are watched with fs.watch({ recursive: true }) (macOS,
// Windows, and Linux since Node 20); single files and paths that do not exist (yet) are polled
// with fs.watchFile. Events are debounced (200 ms, at most 1 s delay under a steady stream) and
// coalesced: every flush re-checks the touched paths against what is known (mtime, size, inode), so
// the callback gets each file once per batch as created, changed or deleted. A removed folder is
// reported as deleted files and then polled until it comes back; no error event goes unhandled.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverFiles, SUPPORTED_EXTENSIONS } from './read';

import type { CorpusChange, CorpusChangeType } from './types';
export type { CorpusChange, CorpusChangeType };

export interface WatchOptions {
  /** Quiet time before a batch is delivered. Default 200 ms. */
  debounceMs?: number;
  /** Longest delay of a batch while events keep coming. Default 1000 ms. */
  maxDelayMs?: number;
  /** Poll interval for single files and missing paths. Default 1000 ms. */
  pollIntervalMs?: number;
  /** Absolute folders to ignore (the cache folder). */
  excludeDirs?: string[];
  /** Problems worth a log line (a watcher failed and polling took over). Never thrown. */
  onError?: (message: string) => void;
}

export interface CorpusWatcher {
  close(): void;
  /** Resolves once the initial scan is done (changes before it are not reported). */
  ready: Promise<void>;
}

interface Known { mtimeMs: number; size: number; ino: number }

const SUPPORTED = new Set<string>(SUPPORTED_EXTENSIONS);

export function watchCorpus(paths: string[], baseDir: string, onChange: (changes: CorpusChange[]) => void,
  options: WatchOptions = {}): CorpusWatcher {
  const debounceMs = options.debounceMs ?? 200;
  const maxDelayMs = options.maxDelayMs ?? 1000;
  const pollMs = options.pollIntervalMs ?? 1000;
  const excludeDirs = (options.excludeDirs ?? []).map((d) => path.resolve(baseDir, d));
  const log = (m: string) => { try { options.onError?.(m); } catch { /* ignore */ } };
  const roots = [...new Set(paths.map((p) => path.resolve(baseDir, p)))];

  const known = new Map<string, Known>();
  const pending = new Set<string>();
  const watchers = new Map<string, fs.FSWatcher>();
  const polled = new Set<string>();
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let firstPendingAt = 0;
  let flushing: Promise<void> | undefined;
  let again = false;

  const rootOf = (p: string) => roots.find((r) => p === r || p.startsWith(r + path.sep));

  /** Hidden folders/files, node_modules and excluded folders are not part of the corpus. */
  const ignored = (p: string): boolean => {
    const root = rootOf(p);
    if (!root) return true;
    if (excludeDirs.some((d) => p === d || p.startsWith(d + path.sep))) return true;
    const rel = path.relative(root, p);
    if (rel === '') return false;
    return rel.split(path.sep).some((seg) => seg.startsWith('.') || seg === 'node_modules');
  };

  const schedule = () => {
    if (closed) return;
    const now = Date.now();
    if (pending.size === 1 || firstPendingAt === 0) firstPendingAt = now;
    if (timer) clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstPendingAt + maxDelayMs - now));
    timer = setTimeout(() => { timer = undefined; void runFlush(); }, wait);
    timer.unref?.();
  };

  const queue = (p: string) => {
    if (closed || ignored(p)) return;
    pending.add(p);
    schedule();
  };

  const runFlush = async () => {
    if (flushing) { again = true; return; }
    flushing = (async () => {
      do {
        again = false;
        const batch = [...pending].sort();
        pending.clear();
        firstPendingAt = 0;
        const changes = await check(batch);
        if (closed) return;
        if (changes.length > 0) {
          try { onChange(changes); } catch (e) { log(`watch callback failed: ${(e as Error).message}`); }
        }
      } while (again && pending.size > 0 && !closed);
    })();
    try { await flushing; } finally { flushing = undefined; }
    if (pending.size > 0 && !closed) schedule();
  };

  /** Compare the touched paths with what is known; update `known`. */
  const check = async (batch: string[]): Promise<CorpusChange[]> => {
    const out = new Map<string, CorpusChangeType>();
    // A path inside another pending folder is covered by that folder's scan.
    const tops = batch.filter((p) => !batch.some((q) => q !== p && p.startsWith(q + path.sep)));
    for (const p of tops) {
      let st: fs.Stats | undefined;
      try { st = await fs.promises.stat(p); } catch { st = undefined; }
      if (!st) {
        for (const f of [...known.keys()]) {
          if (f === p || f.startsWith(p + path.sep)) { known.delete(f); out.set(f, 'deleted'); }
        }
        if (roots.includes(p)) {
          // The folder itself is gone: its watcher is dead; poll until it comes back.
          const w = watchers.get(p);
          if (w) { try { w.close(); } catch { /* ignore */ } watchers.delete(p); }
          pollRoot(p);
        }
      } else if (st.isDirectory()) {
        if (roots.includes(p) && !watchers.has(p)) watchDir(p);
        const { files } = await discoverFiles([p], p, { excludeDirs });
        const now = new Set(files);
        for (const f of [...known.keys()]) {
          if ((f === p || f.startsWith(p + path.sep)) && !now.has(f)) { known.delete(f); out.set(f, 'deleted'); }
        }
        for (const f of files) {
          const s = await statOf(f);
          if (!s) continue;
          const k = known.get(f);
          if (!k) out.set(f, 'created');
          else if (differs(k, s)) out.set(f, 'changed');
          known.set(f, s);
        }
      } else if (st.isFile() && SUPPORTED.has(path.extname(p).toLowerCase())) {
        const s = { mtimeMs: st.mtimeMs, size: st.size, ino: st.ino };
        const k = known.get(p);
        if (!k) out.set(p, 'created');
        else if (differs(k, s)) out.set(p, 'changed');
        known.set(p, s);
      }
    }
    return [...out].map(([file, type]) => ({ file, type })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  };

  const watchDir = (dir: string) => {
    if (closed || watchers.has(dir)) return;
    unpoll(dir);
    let w: fs.FSWatcher;
    try {
      w = fs.watch(dir, { recursive: true, persistent: false }, (_event, filename) => {
        if (filename === null || filename === undefined || filename === '') queue(dir);
        else queue(path.join(dir, filename.toString()));
      });
    } catch (e) {
      log(`cannot watch ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); polling instead`);
      pollRoot(dir);
      return;
    }
    w.on('error', (e) => {
      // Typically the folder was removed. Close, re-check, and poll until it is back.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EPERM') log(`watching ${dir} failed (${code ?? e.message}); polling instead`);
      try { w.close(); } catch { /* ignore */ }
      watchers.delete(dir);
      queue(dir);
      pollRoot(dir);
    });
    watchers.set(dir, w);
  };

  /** Poll a root with fs.watchFile: single files, and folders that are missing or unwatchable. */
  const pollRoot = (p: string) => {
    if (closed || polled.has(p) || watchers.has(p)) return;
    polled.add(p);
    fs.watchFile(p, { interval: pollMs, persistent: false }, (cur, prev) => {
      if (cur.mtimeMs === prev.mtimeMs && cur.size === prev.size && cur.ino === prev.ino && cur.nlink === prev.nlink) return;
      if (cur.isDirectory()) watchDir(p);
      queue(p);
    });
  };

  const unpoll = (p: string) => {
    if (polled.delete(p)) fs.unwatchFile(p);
  };

  const ready = (async () => {
    for (const r of roots) {
      let st: fs.Stats | undefined;
      try { st = await fs.promises.stat(r); } catch { st = undefined; }
      if (closed) return;
      if (st?.isDirectory()) watchDir(r);
      else pollRoot(r);
    }
    const { files } = await discoverFiles(roots, baseDir, { excludeDirs });
    for (const f of files) {
      const s = await statOf(f);
      if (s) known.set(f, s);
    }
  })().catch((e) => log(`initial scan failed: ${(e as Error).message}`));

  return {
    ready,
    close() {
      if (closed) return;
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) { try { w.close(); } catch { /* ignore */ } }
      watchers.clear();
      for (const p of polled) fs.unwatchFile(p);
      polled.clear();
      pending.clear();
    },
  };
}

async function statOf(f: string): Promise<Known | undefined> {
  try {
    const s = await fs.promises.stat(f);
    return s.isFile() ? { mtimeMs: s.mtimeMs, size: s.size, ino: s.ino } : undefined;
  } catch {
    return undefined;
  }
}

function differs(a: Known, b: Known): boolean {
  return a.mtimeMs !== b.mtimeMs || a.size !== b.size || a.ino !== b.ino;
}
