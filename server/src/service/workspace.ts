// A journalist's workspace, as the language server and the command line both see it: its folders
// and settings, the archive and its index, the drafts' analyses, the figures marked as checked
// (the one place that writes a file: .bronvast/checked.json), and the queue of index runs. The
// server adapts it to LSP (server.ts); the CLI runs the same methods (cli.ts), so house spellings,
// checked marks and limits behave the same in both by construction.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Archive, type BuildReport, type Progress } from '../archive';
import { formatDate, kindLabel, t, type Locale } from '../core/l10n';
import { compactAfterIndexing } from '../core/runtime';
import { cacheDir } from '../corpus/cache';
import { describeSkipped } from '../corpus/skips';
import type { CorpusChange } from '../corpus/types';
import { buildDossier } from '../facts/dossier';
import { DraftAnalyzer, type DraftAnalysis } from '../facts/draft';
import type { FactIndex } from '../facts/index';
import type { PlaceView } from '../facts/view';
import { describeStore, PgStore } from '../store/pg';
import { StoredView } from '../store/view';
import { checkedKey, CHECKED_FILE } from '../features/checked';
import { addChecked, readChecked } from './checked';
import { computeDiagnostics, type DiagnosticOptions } from '../features/diagnostics';
import { dossierMarkdown } from '../features/render';
import { DEFAULT_SETTINGS, severityOf, type Settings } from './settings';

export interface WorkspaceOptions {
  /** Workspace folders (absolute paths); none means the current folder. */
  folders: string[];
  locale: Locale;
  /** The cache folder: a path, null for none, undefined for the default (BRONVAST_CACHE_DIR or the OS's). */
  cacheDir?: string | null;
  /** Archive paths that replace the `corpus.paths` setting (the command line's --corpus). */
  corpus?: string[];
  /** The drafts' present (YYYY-MM-DD); null: from the draft, else today. */
  date?: string | null;
  /** A shared index (a PostgreSQL connection string) to read instead of indexing the archive's
   *  files; null for none; undefined: the `store` setting. */
  store?: string | null;
  /** The archive is kept and updated while the process runs (the language server, `index --watch`):
   *  what updates need is then held compactly (see ArchiveOptions.packHeld). */
  keepsArchive?: boolean;
  log?: (msg: string) => void;
}

/** What an index run reports to whoever shows it (the server's status bar, the CLI's progress line). */
export interface IndexHooks {
  /** A full build begins (not an incremental update); awaited. */
  started?(): Promise<void> | void;
  progress?: Progress;
  finished?(report: BuildReport, incremental: boolean): void;
  /** A full build stopped early because a newer one was asked for (it follows at once). */
  cancelled?(): void;
  failed?(error: unknown): void;
}

export interface PlaceSummary { id: string; name: string; kind: string; region: string | null; mentions: number; articles: number }

/** How long after a lost store connection it is opened again. */
const STORE_RETRY_MS = 5000;
/** How often a store's generation is polled: besides notifications, and where there are none (a replica). */
const STORE_POLL_MS = 60_000;
const STORE_POLL_REPLICA_MS = 5000;
/** How long no feature must have run before the heap is compacted after an index run. */
const QUIET_MS = 2000;

export class Workspace {
  settings: Settings = DEFAULT_SETTINGS;
  /** The archive being served: indexed here (`archive`) or read from a shared store (`stored`). */
  private current: { archive: Archive | null; stored: StoredView | null; analyzer: DraftAnalyzer; report: BuildReport } | null = null;
  private readonly analyses = new Map<string, { version: number; analysis: DraftAnalysis }>();
  /** Checked marks by the checked file they were read from, and each draft folder's checked file
   *  (looked up once, not at every keystroke; both forgotten when a checked file changes). */
  private readonly checkedFiles = new Map<string, Set<string>>();
  private readonly checkedFileOfDir = new Map<string, string>();
  // The queue of index runs: corpus changes waiting for the next one; null after a settings or
  // folder change, which needs a full build of a new archive. The current archive keeps serving
  // until its successor (or its updated index) is complete, then is swapped whole.
  private pending: CorpusChange[] | null = [];
  private building: Promise<void> | null = null;
  private queued = false;

  /** When a feature last ran (see settle), and the compaction waiting for a quiet moment. */
  private lastUsed = 0;
  private compaction: NodeJS.Timeout | null = null;

  constructor(private readonly options: WorkspaceOptions, private readonly hooks: IndexHooks = {}) {}

  set cacheDir(dir: string | null) { this.options.cacheDir = dir; }
  get locale(): Locale { return this.options.locale; }
  set locale(l: Locale) { this.options.locale = l; this.analyses.clear(); }
  get folders(): string[] { return this.options.folders.length ? this.options.folders : [process.cwd()]; }
  set folders(f: string[]) { this.options.folders = f; this.reloadChecked(); }
  get archive(): Archive | null { return this.current?.archive ?? null; }
  /** The in-memory index (null on a shared store: see `view`). */
  get index(): FactIndex | null { return this.current?.archive?.index ?? null; }
  /** What draft checking and the editor's features ask, from either engine. */
  get view(): PlaceView | null { return this.current?.stored ?? this.current?.archive?.index ?? null; }
  get stored(): StoredView | null { return this.current?.stored ?? null; }
  get report(): BuildReport | null { return this.current?.report ?? null; }

  private log(msg: string): void { this.options.log?.(msg); }

  /** The archive's folders and files, absolute. */
  corpusPaths(): string[] {
    if (this.options.corpus) return [...new Set(this.options.corpus.map((p) => path.resolve(p)))];
    const out: string[] = [];
    for (const b of this.folders) for (const p of this.settings.corpus.paths) out.push(path.resolve(b, p));
    return [...new Set(out)];
  }

  /** A file of the archive (checking an archive article against itself would only repeat it). */
  isArchiveFile(file: string): boolean {
    return this.corpusPaths().some((r) => file === r || file.startsWith(r + path.sep));
  }

  /** New settings: whether the archive must be built again, or only the drafts analysed again. */
  setSettings(next: Settings): 'rebuild' | 'reanalyse' {
    const before = this.settings;
    this.settings = next;
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    if (next.store !== before.store || !same(next.corpus, before.corpus) || !same(next.houseSpellings, before.houseSpellings) || next.houseStyle !== before.houseStyle) return 'rebuild';
    this.analyses.clear();
    return 'reanalyse';
  }

  // -------------------------------------------------------------------------------------------
  // Indexing

  /** Queue an index run: `changes` updates the current archive, none builds a new one. */
  rebuild(changes?: CorpusChange[]): Promise<void> {
    if (changes && this.current) this.pending?.push(...changes);
    else this.pending = null;
    if (this.building) { this.queued = true; return this.building; }
    this.building = (async () => {
      do {
        this.queued = false;
        const batch = this.pending;
        this.pending = [];
        await this.build(batch);
      } while (this.queued);
    })().finally(() => { this.building = null; });
    return this.building;
  }

  private async build(changes: CorpusChange[] | null): Promise<void> {
    const store = this.storeUrl();
    if (store) {
      try {
        return await this.openStore(store);
      } catch (e) {
        if (!this.hooks.failed) throw e;
        this.hooks.failed(e);
        return;
      }
    }
    const paths = this.corpusPaths();
    const existing = paths.filter((p) => fs.existsSync(p));
    const incremental = !!(changes && this.current?.archive);
    const next = incremental ? this.current!.archive! : new Archive({
      paths: existing, baseDir: this.folders[0], cacheDir: this.options.cacheDir === undefined ? cacheDir() : this.options.cacheDir,
      maxFileBytes: this.settings.limits.maxFileSizeMB * 1024 * 1024, houseSpellings: this.settings.houseSpellings, houseStyle: this.settings.houseStyle,
      packHeld: this.options.keepsArchive === true, spoolSentences: this.options.keepsArchive === true, log: (m) => this.log(m),
    });
    if (!existing.length) this.log(t(this.locale, 'statusNoCorpus', { paths: paths.join(', ') }));
    if (!incremental) await this.hooks.started?.();
    // A full build gives way to a newer one asked for meanwhile (settings or folders changed): its
    // archive would be out of date when done. (An update in the queue does not cancel it.)
    const superseded = () => !incremental && this.pending === null;
    try {
      const report = incremental ? await next.update(changes!) : await next.build(this.hooks.progress, superseded);
      if (superseded()) { this.hooks.cancelled?.(); return; }
      this.current = { archive: next, stored: null, analyzer: new DraftAnalyzer(next.index, this.options.date ?? null), report };
      this.analyses.clear();
      this.hooks.finished?.(report, incremental);
      if (this.options.keepsArchive) this.compactWhenQuiet();
    } catch (e) {
      if (!this.hooks.failed) throw e;
      this.hooks.failed(e);
    }
  }

  /**
   * After an index run of a kept archive: compact the heap (core/runtime.ts) once no feature has run
   * for QUIET_MS and no index run is under way. Its pause (~2 s at 200 MB of archive) then falls
   * neither in a warm start nor, as a rule, between a keystroke and its diagnostics.
   */
  private compactWhenQuiet(): void {
    if (this.compaction) return;
    const wait = (ms: number) => { this.compaction = setTimeout(attempt, ms); this.compaction.unref(); };
    const attempt = () => {
      const quiet = Date.now() - this.lastUsed;
      if (quiet < QUIET_MS || this.building) { wait(Math.max(QUIET_MS - quiet, 250)); return; }
      this.compaction = null;
      const c = compactAfterIndexing();
      if (c) this.log(t(this.locale, 'heapCompacted', { ...c }));
    };
    wait(QUIET_MS);
  }

  /** The shared index served, if any: --store, else the `store` setting. */
  storeUrl(): string | null {
    return this.options.store === undefined ? this.settings.store || null : this.options.store;
  }

  /** Which shared index is served and how current it is (null: the archive's files). */
  storeStatus(): { store: string; generation: number; updatedAt: string | null } | null {
    const s = this.current?.stored;
    return s ? { store: describeStore(this.storeUrl() ?? ''), generation: s.generation, updatedAt: s.meta.updatedAt } : null;
  }

  /**
   * Serve a shared index: what it was built with, its names and dates; claims and places as
   * drafts need them. A new generation written by an index run (NOTIFY) is opened and swapped in
   * whole; a lost connection is reported and opened again a few seconds later.
   */
  private async openStore(url: string): Promise<void> {
    const t0 = Date.now();
    const store = await PgStore.open(url, 'read');
    try {
      const stored = await StoredView.open(store);
      const isCurrent = () => this.current?.stored === stored;
      const newer = (generation: number) => { if (isCurrent() && generation > stored.generation) void this.rebuild(); };
      // Notified at once where the server can (LISTEN); polled as well, more often where it
      // cannot (a read replica): a generation is never missed for long.
      const notified = await store.listen(newer);
      const poll = setInterval(() => {
        if (!isCurrent()) { clearInterval(poll); return; }
        store.generation().then(newer, () => undefined);
      }, notified ? STORE_POLL_MS : STORE_POLL_REPLICA_MS);
      poll.unref();
      store.onLost((e) => {
        clearInterval(poll);
        if (!isCurrent()) return;
        this.hooks.failed?.(e);
        setTimeout(() => { if (isCurrent()) void this.rebuild(); }, STORE_RETRY_MS).unref();
      });
      const m = stored.meta;
      const report: BuildReport = {
        articles: m.articles, places: m.places, figures: m.figures, skipped: await store.skipped(),
        analysed: 0, fromCache: 0, recognised: 0, ms: Date.now() - t0, mode: 'full',
      };
      const previous = this.current?.stored;
      this.current = { archive: null, stored, analyzer: new DraftAnalyzer(stored, this.options.date ?? null), report };
      this.analyses.clear();
      await previous?.close();
      this.hooks.finished?.(report, false);
    } catch (e) {
      await store.close().catch(() => undefined);
      throw e;
    }
  }

  /**
   * Run a feature to a complete answer. In memory it runs once. On a shared store, what it asked
   * for and was not loaded (claims of a quantity, a place's mentions) is loaded and it runs again,
   * with the drafts analysed again when new claims came (their verdicts rest on them).
   */
  async settle<T>(feature: () => T): Promise<T> {
    this.lastUsed = Date.now();
    let out = feature();
    for (let round = 0; round < 4; round++) {
      const cur = this.current;
      if (!cur?.stored?.incomplete) return out;
      const reanalyse = cur.stored.claimsMissing;
      await cur.stored.load();
      if (reanalyse && this.current === cur) {
        cur.analyzer = new DraftAnalyzer(cur.stored, this.options.date ?? null);
        this.analyses.clear();
      }
      out = feature();
    }
    return out;
  }

  /** Let go of a shared store's connection (the command line, when done). */
  async close(): Promise<void> {
    if (this.compaction) { clearTimeout(this.compaction); this.compaction = null; }
    await this.current?.stored?.close();
  }

  // -------------------------------------------------------------------------------------------
  // Drafts

  /** A draft over `limits.maxDraftSizeKB` is not analysed. */
  tooLarge(text: string): boolean {
    return text.length > this.settings.limits.maxDraftSizeKB * 1024;
  }

  /** The analysis of a draft at a version (kept until the next version). Null: too large, or no index. */
  analysis(uri: string, version: number, text: string, isCancelled?: () => boolean): DraftAnalysis | null {
    if (!this.current || this.tooLarge(text)) return null;
    const cached = this.analyses.get(uri);
    if (cached && cached.version === version) return cached.analysis;
    const a = this.current.analyzer.analyze(text, isCancelled);
    if (a) this.analyses.set(uri, { version, analysis: a });
    return a;
  }

  forget(uri: string): void { this.analyses.delete(uri); }

  /**
   * The diagnostics of a draft: none for an archive article, one Information for a draft over the
   * size limit; null when there is no index yet or the analysis was cancelled.
   */
  diagnostics(doc: TextDocument, isCancelled?: () => boolean): Diagnostic[] | null {
    const file = fileOf(doc.uri);
    if (file && this.isArchiveFile(file)) return [];
    if (this.tooLarge(doc.getText())) {
      return [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'bronvast',
        code: 'draft-too-large', message: t(this.locale, 'draftTooLarge', { kb: this.settings.limits.maxDraftSizeKB }),
      }];
    }
    const a = this.analysis(doc.uri, doc.version, doc.getText(), isCancelled);
    if (!a || !this.current) return null;
    return computeDiagnostics(doc, a, this.view!, this.diagnosticOptions(file));
  }

  /** How diagnostics are made for the draft `file`: severities, checked marks, house spellings. */
  diagnosticOptions(file: string | null): DiagnosticOptions {
    const d = this.settings.diagnostics;
    const spellings = this.settings.houseSpellings;
    return {
      locale: this.locale,
      severity: {
        conflict: severityOf(d.conflictSeverity),
        outdated: severityOf(d.outdatedSeverity),
        unconfirmed: severityOf(d.unconfirmedSeverity),
        variant: severityOf(d.variantSpellingSeverity),
      },
      checked: file ? this.checkedKeys(file) : new Set(),
      houseSpelling: (_id, written) => spellings[written] ?? null,
      spellings: (id) => this.view?.placeRow(id),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Checked marks: .bronvast/checked.json, the nearest one at or above the draft, else in its
  // workspace folder (where a new mark is written).

  private folderOf(file: string): string {
    return this.folders.find((f) => file === f || file.startsWith(f + path.sep)) ?? this.folders[0];
  }

  /** The checked file that holds (or will hold) the marks of the draft `file`. */
  checkedFileFor(file: string): string {
    const start = path.dirname(file);
    const known = this.checkedFileOfDir.get(start);
    if (known) return known;
    const folder = this.folderOf(file);
    let found = path.join(folder, CHECKED_FILE);
    for (let dir = start; ; dir = path.dirname(dir)) {
      const f = path.join(dir, CHECKED_FILE);
      if (fs.existsSync(f)) { found = f; break; }
      if (dir === folder || path.dirname(dir) === dir) break;
    }
    this.checkedFileOfDir.set(start, found);
    return found;
  }

  checkedKeys(file: string): Set<string> {
    const f = this.checkedFileFor(file);
    let keys = this.checkedFiles.get(f);
    if (!keys) { keys = new Set(readChecked(f).map((e) => e.key)); this.checkedFiles.set(f, keys); }
    return keys;
  }

  /** A checked file changed on disk (or may have): read the marks again when next needed. */
  reloadChecked(): void { this.checkedFiles.clear(); this.checkedFileOfDir.clear(); }

  /** Mark a figure of a draft as checked; returns the checked file, relative to its folder. */
  markChecked(uri: string, figure: string, sentence: string): string {
    const file = fileOf(uri) ?? path.join(this.folders[0], 'untitled');
    const target = this.checkedFileFor(file);
    addChecked(target, { key: checkedKey(figure, sentence), figure, sentence, document: uri, checkedAt: new Date().toISOString() });
    this.reloadChecked();
    this.analyses.delete(uri);
    return path.relative(this.folderOf(file), target);
  }

  // -------------------------------------------------------------------------------------------
  // The archive as a whole

  places(): PlaceSummary[] {
    const index = this.view;
    if (!index) return [];
    return index.topPlaces(Infinity).map((p) => ({ id: p.id, name: p.name, kind: kindLabel(p.kind, this.locale), region: p.parent ? index.placeName(p.parent) : null, mentions: p.mentionCount, articles: p.articleCount }));
  }

  /** A place's dossier as Markdown, by id or any spelling; null when the archive does not know it. */
  dossierMarkdown(idOrName: string, opts = { maxClaims: 30, maxSentences: 15 }): string | null {
    const index = this.view;
    if (!index) return null;
    const id = index.placeName(idOrName) ? idOrName : index.resolve(idOrName);
    const d = id ? buildDossier(index, id, undefined, { sentences: opts.maxSentences }) : null;
    return d ? dossierMarkdown(d, this.locale, opts) : null;
  }

  /** The archive summary: what is indexed, the places most in the news, every skipped file. */
  summaryMarkdown(headline: string): string {
    const locale = this.locale;
    const lines = [`# ${t(locale, 'summaryTitle')}`, '', headline, ''];
    lines.push(`**${t(locale, 'corpusPaths')}:** ${this.corpusPaths().map((p) => '`' + p + '`').join(', ')}`, '');
    const view = this.view;
    if (view) {
      const top = view.topPlaces(15);
      if (top.length) {
        lines.push(`## ${t(locale, 'topPlaces')}`, '');
        for (const p of top) lines.push(`- **${p.name}** (${kindLabel(p.kind, locale)}) — ${p.mentionCount}×, ${formatDate(p.firstDate, locale)} – ${formatDate(p.lastDate, locale)}`);
        lines.push('');
      }
      const skipped = this.report?.skipped ?? [];
      if (skipped.length) {
        lines.push(`## ${t(locale, 'skippedHeader')} (${skipped.length})`, '');
        for (const s of skipped.slice(0, 200)) lines.push(`- ${describeSkipped(s, locale, this.folders[0])}`);
      }
    }
    return lines.join('\n');
  }
}

/** The file of a file:// URI, or null (an untitled document). */
export function fileOf(uri: string): string | null {
  try { return fileURLToPath(uri); } catch { return null; }
}
