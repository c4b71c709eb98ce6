// Watching the corpus for changes, for LSP clients that do not send
// workspace/didChangeWatchedFiles and for `bronvast index --watch`. chokidar does the watching
// (folders, single files, paths that do not exist yet, folders removed and made again); this
// module is the batching adapter on top: events are debounced (200 ms, at most 1 s delay under a
// steady stream) and coalesced, and every flush re-checks the touched paths against what is known
// (mtime, size, inode), so the callback gets each file once per batch as created, changed or
// deleted, and only files the archive reads (discoverFiles' rules: supported types, no hidden
// folders, no node_modules, no excluded folder). No error event goes unhandled.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { watch as chokidarWatch } from 'chokidar';
import { discoverFiles, SUPPORTED_EXTENSIONS } from './read';
import { t, type Locale } from '../core/l10n';

import type { CorpusChange, CorpusChangeType } from './types';
export type { CorpusChange, CorpusChangeType };

export interface WatchOptions {
  /** Quiet time before a batch is delivered. Default 200 ms. */
  debounceMs?: number;
  /** Longest delay of a batch while events keep coming. Default 1000 ms. */
  maxDelayMs?: number;
  /** Absolute folders to ignore (the cache folder). */
  excludeDirs?: string[];
  /** Poll every second instead of waiting for the system's events (also the fallback when the
   *  system allows no more watches). */
  polling?: boolean;
  /** Problems worth a log line (a watcher failed), in `locale` (default Dutch). Never thrown. */
  onError?: (message: string) => void;
  locale?: Locale;
}

export interface CorpusWatcher {
  close(): void;
  /** Resolves once changes are seen: the initial scan is done (changes before it are not reported). */
  ready: Promise<void>;
}

interface Known { mtimeMs: number; size: number; ino: number }

const SUPPORTED = new Set<string>(SUPPORTED_EXTENSIONS);
/** How often a polled archive is looked through. */
const POLL_MS = 1000;

export function watchCorpus(paths: string[], baseDir: string, onChange: (changes: CorpusChange[]) => void,
  options: WatchOptions = {}): CorpusWatcher {
  const debounceMs = options.debounceMs ?? 200;
  const maxDelayMs = options.maxDelayMs ?? 1000;
  const excludeDirs = (options.excludeDirs ?? []).map((d) => path.resolve(baseDir, d));
  const log = (m: string) => { try { options.onError?.(m); } catch { /* ignore */ } };
  const locale = options.locale ?? 'nl';
  const roots = [...new Set(paths.map((p) => path.resolve(baseDir, p)))];

  const known = new Map<string, Known>();
  const pending = new Set<string>();
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let firstPendingAt = 0;
  let flushing: Promise<void> | undefined;
  let again = false;

  const rootOf = (p: string) => roots.find((r) => p === r || p.startsWith(r + path.sep));

  /** Hidden folders/files, node_modules and excluded folders are not part of the corpus. */
  const ignored = (p: string): boolean => {
    const root = rootOf(p);
    if (!root) return !roots.some((r) => r.startsWith(p + path.sep)); // (a parent chokidar watches for a missing root)
    if (excludeDirs.some((d) => p === d || p.startsWith(d + path.sep))) return true;
    const rel = path.relative(root, p);
    if (rel === '') return false;
    return rel.split(path.sep).some((seg) => seg.startsWith('.') || seg === 'node_modules');
  };

  const schedule = () => {
    if (closed) return;
    const now = Date.now();
    if (firstPendingAt === 0) firstPendingAt = now;
    if (timer) clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstPendingAt + maxDelayMs - now));
    timer = setTimeout(() => { timer = undefined; void runFlush(); }, wait);
    timer.unref?.();
  };

  const queue = (p: string) => {
    if (closed || !rootOf(p) || ignored(p)) return;
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
          try { onChange(changes); } catch (e) { log(t(locale, 'watchCallbackFailed', { why: (e as Error).message })); }
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
      } else if (st.isDirectory()) {
        // A link to a folder is the archive's only as a root (discoverFiles does not follow links back).
        if (!roots.includes(p) && (await fs.promises.lstat(p).catch(() => st!)).isSymbolicLink()) continue;
        const { files } = await discoverFiles([p], p, { excludeDirs });
        const now = new Set(files);
        for (const f of [...known.keys()]) {
          if ((f === p || f.startsWith(p + path.sep)) && !now.has(f)) { known.delete(f); out.set(f, 'deleted'); }
        }
        for (const f of files) note(out, f, await statOf(f));
      } else if (st.isFile() && SUPPORTED.has(path.extname(p).toLowerCase())) {
        note(out, p, { mtimeMs: st.mtimeMs, size: st.size, ino: st.ino });
      }
    }
    return [...out].map(([file, type]) => ({ file, type })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  };

  const note = (out: Map<string, CorpusChangeType>, f: string, s: Known | undefined) => {
    if (!s) return;
    const k = known.get(f);
    if (!k) out.set(f, 'created');
    else if (differs(k, s)) out.set(f, 'changed');
    known.set(f, s);
  };

  // Symbolic links are not followed: a link back into the corpus would be watched without end
  // (discoverFiles skips it), and a link's target outside the corpus is not the archive's to watch.
  // When the system allows no more watches (inotify's limit on Linux), the archive is polled.
  let markWatching: () => void = () => undefined;
  const watching = new Promise<void>((resolve) => { markWatching = resolve; });
  const start = (polling: boolean) => {
    const w = chokidarWatch(roots, {
      ignoreInitial: true,
      persistent: false,
      followSymlinks: false,
      ignored: (p: string) => ignored(path.resolve(p)),
      ...(polling ? { usePolling: true, interval: POLL_MS, binaryInterval: POLL_MS } : {}),
    });
    w.on('all', (event, p) => {
      const abs = path.resolve(p);
      queue(abs);
      // A root folder removed: chokidar drops it; watch its path again, as a path that does not exist yet.
      if (event === 'unlinkDir' && roots.includes(abs) && !closed) { w.unwatch(abs); w.add(abs); }
    });
    // (Polling compares each look with the one before: a change is seen once the first look is taken.)
    w.once('ready', () => { if (polling) setTimeout(markWatching, POLL_MS + 200).unref?.(); else markWatching(); });
    w.on('error', (e) => {
      const code = (e as NodeJS.ErrnoException).code;
      if (!polling && !closed && (code === 'ENOSPC' || code === 'EMFILE')) {
        log(t(locale, 'watchPolling', { code: code! }));
        void w.close().catch(() => { /* closing */ });
        watcher = start(true);
        return;
      }
      log(t(locale, 'watchFailed', { why: code ?? (e as Error).message }));
    });
    return w;
  };
  let watcher = start(options.polling ?? false);

  // What is known is what the archive reads (discoverFiles), scanned while chokidar sets up.
  const scan = (async () => {
    const { files } = await discoverFiles(roots.filter((r) => fs.existsSync(r)), baseDir, { excludeDirs });
    for (const f of files) {
      const s = await statOf(f);
      if (s) known.set(f, s);
    }
  })().catch((e) => log(t(locale, 'watchFailed', { why: (e as Error).message })));
  const ready = Promise.all([watching, scan]).then(() => undefined);

  return {
    ready,
    close() {
      if (closed) return;
      closed = true;
      if (timer) clearTimeout(timer);
      pending.clear();
      void watcher.close().catch(() => { /* closing */ });
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
