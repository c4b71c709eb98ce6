// The archive: finds and reads the corpus, analyses its articles (cached by content hash, in
// worker threads when there are many), learns its place names and builds the fact index.
// Shared by the language server and the command line; knows nothing of LSP.
//
// Two passes (see docs/performance.md):
//  1. analysis per article (figures, time expressions, place facts): a pure function of the text,
//     cached by content hash ("analysis" cache);
//  2. place recognition + claims with the lexicon learned from the whole archive: cached by
//     content hash + a fingerprint of the learned lexicon ("facts" cache).
// Both run in worker threads when there are many articles, else on the calling thread in slices
// that yield to the event loop, so a language server keeps answering. The index being built is
// a new object; `index` is swapped only when it is complete, so readers never see a half index.
//
// update() re-reads only the changed files. When the learned lexicon is unchanged (the usual
// case: a new article rarely changes what the archive knows about a name), only those files'
// articles go through pass 2; when it changed, every article does (with the old index serving).

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { createHash } from 'node:crypto';
import { runSliced } from '../core/steps';
import type { Article, CorpusChange, Skipped } from '../corpus/types';
import { discoverFiles, readArticles } from '../corpus/read';
import { AnalysisCache } from '../corpus/cache';
import { ANALYSIS_VERSION, type ArticleAnalysis } from '../facts/analyze';
import { FactIndex, shareString, type ArticleFacts } from '../facts/index';
import type { LearnedPlan, PlaceLexicon } from '../dutch/places';
import { buildLexicon, buildLexiconSteps, type LexiconSpec } from '../corpus/worker';
import { Jobs, SLICE_MS, yieldNow, type Pool } from './jobs';
import { fingerprintOf, learn, learnCached, meets, sameSignature, touchedBy } from './learning';
import { Feed } from './feed';
import { packHeld, type HeldFacts } from './held';
import { TextSpool } from '../facts/texts';
import { Passes } from './passes';
import { CACHE_KEYS, MANIFEST_KEY, statOf, type FileRecord, type Manifest } from './manifest';

export interface ArchiveOptions {
  /** Corpus folders or files, relative to baseDir or absolute. */
  paths: string[];
  baseDir: string;
  /** Cache folder; null disables the persisted cache. */
  cacheDir: string | null;
  maxFileBytes?: number;
  /** Worker threads for analysis and recognition; 0 works on the calling thread. Default: the cores available. */
  workers?: number;
  /** The worker thread script (default: worker.js next to this bundle); tests pass corpus/worker.ts. */
  workerScript?: string;
  /** House spellings: variant → preferred ("Kiev" → "Kyiv"). */
  houseSpellings?: Record<string, string>;
  /** Display names: the house style ('nos', default) or the archive's majority spelling. */
  houseStyle?: 'nos' | 'archive-majority';
  log?: (message: string) => void;
  /**
   * Pack the place facts held for updates after every run (archive/held.ts): for a process that
   * keeps the archive and updates it (the language server, `index --watch`). A run that ends when
   * its command does (check, explain) would only wait for the packing before it exits.
   */
  packHeld?: boolean;
  /**
   * Write the sentences the index cites to a spool file of the process instead of holding them
   * (facts/texts.ts): for a process that keeps the archive, as packHeld.
   */
  spoolSentences?: boolean;
  /**
   * Keep every figure's claim, also those no feature can reach (see ArticleFacts.claims): for
   * tools that list every figure read (`eval --quantities`).
   */
  allClaims?: boolean;
  /**
   * The per-article analyser of pass 1 (default: analyzeText). Injectable so that tests can make one
   * article's analysis fail and check that only that article is skipped. When set, every pass runs
   * on the calling thread (worker threads use the built-in analyser); use it with cacheDir null.
   */
  analyze?: (text: string, date: string | null) => ArticleAnalysis;
}

export interface BuildReport {
  articles: number;
  places: number;
  figures: number;
  skipped: Skipped[];
  /** Articles analysed (pass 1) in this run; the rest came from the cache. */
  analysed: number;
  fromCache: number;
  /** Articles whose places were recognised (pass 2) in this run; the rest came from the cache or the index. */
  recognised: number;
  ms: number;
  /** How an update was applied: only the changed files ('incremental'), those and the articles that use a name whose learned meaning changed ('relearned'), or every article ('full'). */
  mode?: 'full' | 'incremental' | 'relearned';
  /** A full build: when each phase ended, in ms from the start (reading, pass 1, learning, pass 2, the index). */
  phases?: { read: number; pass1: number; learn: number; pass2: number; index: number };
}

/**
 * Indexing progress: articles done of those found so far, in pass 1 (`analyse`) or pass 2
 * (`recognise`), and the characters of text analysed so far in that pass (for a rate).
 */
export type Progress = (done: number, total: number, info: { phase: 'analyse' | 'recognise'; chars: number }) => void;

/** How much of a build is done, 0–1: the two passes take about as long, so each is half. */
export function buildShare(done: number, total: number, phase: 'analyse' | 'recognise'): number {
  const part = total ? Math.min(1, done / total) : 0;
  return phase === 'analyse' ? part / 2 : 0.5 + part / 2;
}
export type { CorpusChange } from '../corpus/types';

/**
 * What the archive keeps per article between updates: its file (to read it again when a change of
 * the learned names touches it), its content hash (the caches' key) and its place facts encoded
 * (v8), decoded when the names are learned again. Nothing else: the index holds its record.
 */
interface Entry { file: string; hash: string; placeFacts: HeldFacts }

/** Bump when pass 2 (computeFacts) changes in a way that the code hash would not show. */
const FACTS_VERSION = '3';
/** Bump when the encoding of cached analyses or facts (corpus/worker.ts, FactsData) changes. */
const BLOB_FORMAT = 'b6';

let codeHashMemo: string | null = null;
/** The last lexicon built, by fingerprint (shared by successive archives in one process). */
let lexiconMemo: { fingerprint: string; lexicon: PlaceLexicon } | null = null;
/**
 * A hash of the bundled analysis code (dist/worker.js holds every extractor), so that caches
 * written by another build are not trusted. 'src' when running from source (tests, tsx).
 */
function codeHash(): string {
  if (codeHashMemo !== null) return codeHashMemo;
  try {
    codeHashMemo = createHash('sha1').update(fs.readFileSync(path.join(__dirname, 'worker.js'))).digest('hex').slice(0, 12);
  } catch {
    codeHashMemo = 'src';
  }
  return codeHashMemo;
}

/** Close a run's caches (each holds its snapshot file open while it is used). */
function closeCaches(caches: { analysis: AnalysisCache; facts: AnalysisCache } | null): void {
  caches?.analysis.close();
  caches?.facts.close();
}

/** Add the articles pass 1 analysed (those with place facts) to `entries`; returns them. */
function addEntries(entries: Map<string, Entry>, articles: Article[], placeFactsRaw: Map<string, Entry['placeFacts']>): Article[] {
  const kept: Article[] = [];
  for (const a of articles) {
    const pf = placeFactsRaw.get(a.id);
    if (!pf) continue;
    entries.set(a.id, { file: shareString(a.file), hash: a.hash, placeFacts: pf });
    kept.push(a);
  }
  return kept;
}

/** What reading a corpus file gave: its articles' ids, in order, and what it reported. */
interface FileEntry { ids: string[]; skipped: Skipped[] }

/**
 * Everything an index run produces. A build or an update computes a new one (`Run`, below) and
 * the archive swaps it in whole at the end; until then, and if the run fails, the previous state
 * serves unchanged. Nothing in a state that was swapped in is changed afterwards.
 */
interface ArchiveState {
  index: FactIndex | null;
  /** Per corpus file, in discovery order. */
  files: Map<string, FileEntry>;
  /** What discovery skipped (unsupported files, symlink loops …). */
  discoverySkipped: Skipped[];
  /** Per article id. */
  entries: Map<string, Entry>;
  lexicon: PlaceLexicon | null;
  signature: Map<string, string>;
  fingerprint: string;
  /** What the lexicon was taught (to tell what a change of it touches). */
  plan: LearnedPlan | null;
  /** Everything skipped: discovery's, then each file's. */
  skipped: Skipped[];
  /** Where the index's cited sentences are written (one per build; updates append), or null: held in memory. */
  spool: TextSpool | null;
}

/** A state being computed by one run (a draft of the next ArchiveState; never the current one). */
type Run = ArchiveState;

const EMPTY_STATE: Readonly<ArchiveState> = Object.freeze({
  index: null, files: new Map(), discoverySkipped: [], entries: new Map(), lexicon: null,
  signature: new Map(), fingerprint: '', plan: null, skipped: [], spool: null,
});

/** A file entry with one more skip report (a new entry: the one in a swapped-in state stays as it was). */
function withSkip(files: Map<string, FileEntry>, s: Skipped): void {
  const e = files.get(s.file);
  if (e) files.set(s.file, { ids: e.ids, skipped: [...e.skipped, s] });
}

/** Everything skipped: discovery's, then each file's. */
function collectSkipped(run: Run): void {
  run.skipped = [...run.discoverySkipped];
  for (const f of run.files.values()) run.skipped.push(...f.skipped);
}

export class Archive {
  private state: Readonly<ArchiveState> = EMPTY_STATE;
  /** The index before the first build (the gazetteer alone). */
  private emptyIndex: FactIndex | null = null;

  /** Where the passes run: worker threads or this thread (jobs.ts). */
  private readonly jobs: Jobs;
  /** The two passes (passes.ts). */
  private readonly passes: Passes;

  constructor(readonly options: ArchiveOptions) {
    this.jobs = new Jobs({ workers: options.analyze ? 0 : options.workers, workerScript: options.workerScript });
    this.passes = new Passes(this.jobs, (file) => this.readFile(file), options.analyze);
  }

  /** The current index: complete at all times (empty before the first build), replaced atomically. */
  get index(): FactIndex {
    if (this.state.index) return this.state.index;
    if (!this.emptyIndex) this.emptyIndex = new FactIndex(buildLexicon(this.lexiconSpec({ learned: [], contested: [] })));
    return this.emptyIndex;
  }

  /** Every file or line the current index skipped, with its reason. */
  get skipped(): Skipped[] { return this.state.skipped; }

  private log(msg: string): void { this.options.log?.(msg); }

  /** Packing of the current entries' place facts (held.ts), one after the other. */
  private packing: Promise<void> = Promise.resolve();

  /** Pack the place facts of the state just installed, in the background. */
  private packEntries(): void {
    if (!this.options.packHeld) return;
    const entries = this.state.entries;
    this.packing = this.packing
      .then(() => packHeld(entries.values()))
      .then(() => undefined, (e) => this.log(`Bronvast: place facts not packed (${(e as Error)?.message ?? e}); they stay as they are`));
  }

  /** Resolves when the place facts of the last build or update are packed (for measurements and tests). */
  whenPacked(): Promise<void> { return this.packing; }

  /** What the current index's lexicon was built with (a stored index rebuilds it from this). */
  get spec(): LexiconSpec { return this.lexiconSpec(this.state.plan ?? { learned: [], contested: [] }); }

  private lexiconSpec(plan: LearnedPlan): LexiconSpec {
    return { plan, houseSpellings: this.options.houseSpellings ?? {} };
  }

  /** `read`: 'whole' for a build (it reads every entry), 'index' for an update (it reads a few). */
  private async openCaches(read: 'whole' | 'index' = 'whole'): Promise<{ analysis: AnalysisCache; facts: AnalysisCache } | null> {
    const dir = this.options.cacheDir;
    if (!dir) return null;
    // Both hold bytes encoded in the workers (see corpus/worker.ts), stored as they are.
    const analysis = await AnalysisCache.open(dir, 'analysis', `${ANALYSIS_VERSION}.${BLOB_FORMAT}+${codeHash()}`, read);
    if (analysis.notice) this.log(analysis.notice);
    const facts = await AnalysisCache.open(dir, 'facts', `${FACTS_VERSION}.${BLOB_FORMAT}+${codeHash()}`, read);
    if (facts.notice) this.log(facts.notice);
    return { analysis, facts };
  }

  private async saveCaches(caches: { analysis?: AnalysisCache; facts?: AnalysisCache } | null, prune: boolean): Promise<void> {
    if (!caches) return;
    for (const c of [caches.analysis, caches.facts]) {
      if (!c) continue;
      if (prune) c.prune();
      const r = await c.save();
      if (!r.ok && r.message) this.log(r.message);
    }
  }

  /** The corpus root a file belongs to (for stable relative ids). */
  private rootOf(file: string): string {
    for (const p of this.options.paths) {
      const abs = path.resolve(this.options.baseDir, p);
      if (file === abs || file.startsWith(abs + path.sep)) {
        try { return fs.statSync(abs).isDirectory() ? abs : path.dirname(abs); } catch { return path.dirname(abs); }
      }
    }
    return path.dirname(file);
  }

  private async discover(): Promise<{ files: string[]; skipped: Skipped[] }> {
    const dir = this.options.cacheDir;
    return discoverFiles(this.options.paths, this.options.baseDir, { excludeDirs: dir ? [dir] : [] });
  }

  /** The files the last build recorded (see FileRecord), or null (none, unreadable, or read with another size limit). */
  private loadManifest(cache: AnalysisCache): Map<string, FileRecord> | null {
    const raw = cache.get(MANIFEST_KEY);
    if (!raw) return null;
    try {
      const m = v8.deserialize(raw) as Manifest;
      if (!Array.isArray(m?.files) || m.maxFileBytes !== (this.options.maxFileBytes ?? null)) return null;
      return new Map(m.files);
    } catch {
      return null;
    }
  }

  /**
   * A file's articles as the manifest recorded them, without reading the file: only when its stat
   * and corpus root are unchanged and every article's analysis is in the cache (a warm start needs
   * no text then). Their texts are empty and they are marked unread (see withTexts).
   */
  private recall(file: string, root: string, stat: string, manifest: Map<string, FileRecord>, cache: AnalysisCache): { articles: Article[]; skipped: Skipped[] } | null {
    const rec = manifest.get(file);
    if (!rec || rec.stat !== stat || rec.root !== root || !rec.articles.every((a) => cache.has(CACHE_KEYS.analysis(a.hash)))) return null;
    const articles = rec.articles.map((meta) => ({ ...meta, text: '' }));
    this.passes.markUnread(articles);
    return { articles, skipped: rec.skipped.map((x) => ({ ...x })) };
  }

  /** How pass 2's facts are kept: where the cited sentences go, and whether every claim is. */
  private keep(run: Run): { spool: TextSpool | null; allClaims?: boolean } {
    return { spool: run.spool, allClaims: this.options.allClaims };
  }

  /** A new spool for a build's sentences, when this process keeps them on disk (see ArchiveOptions.spoolSentences). */
  private newSpool(): TextSpool | null {
    return this.options.spoolSentences ? TextSpool.create(TextSpool.folder(this.options.cacheDir), (m) => this.log(m)) : null;
  }

  private readFile(file: string, root = this.rootOf(file)): Promise<{ articles: Article[]; skipped: Skipped[] }> {
    return readArticles(file, root, { maxFileBytes: this.options.maxFileBytes });
  }

  /** Read every corpus file from scratch and (re)build the index. */
  async build(onProgress?: Progress, isCancelled: () => boolean = () => false): Promise<BuildReport> {
    const t0 = Date.now();
    const caches = await this.openCaches();
    const found = await this.discover();
    const run: Run = { ...EMPTY_STATE, files: new Map(), entries: new Map(), discoverySkipped: found.skipped, signature: new Map(), spool: this.newSpool() };
    // One pool of workers for both passes (see newPool).
    const pool = this.jobs.newPool();
    try {
      const report = await this.buildWith(run, pool, t0, caches, found.files, onProgress, isCancelled);
      this.state = run;
      this.packEntries();
      return report;
    } finally {
      await pool?.close();
      closeCaches(caches);
    }
  }

  private async buildWith(run: Run, pool: Pool | null, t0: number, caches: Awaited<ReturnType<Archive['openCaches']>>, files: string[],
    onProgress: Progress | undefined, isCancelled: () => boolean): Promise<BuildReport> {
    // Pass 1, on each file's articles as soon as the file is read.
    const feed = new Feed();
    const fileMap = new Map<string, { ids: string[]; skipped: Skipped[] }>();
    const articles: Article[] = [];
    const pass1 = this.passes.analyse(feed, caches?.analysis ?? null, onProgress, isCancelled, pool);
    pass1.catch(() => undefined); // (awaited below; this only keeps a read error from leaving it unhandled)
    const manifest = caches ? this.loadManifest(caches.analysis) : null;
    const recorded: [string, FileRecord][] = [];
    let readAny = false;
    try {
      for (const file of files) {
        if (isCancelled()) break;
        // (The stat before reading: a change while it is read shows at the next build.)
        const st = caches ? await statOf(file) : null;
        const root = this.rootOf(file);
        let r = st && manifest && this.recall(file, root, st.key, manifest, caches!.analysis);
        if (!r) { r = await this.readFile(file, root); readAny = true; }
        if (st && !st.racy) recorded.push([file, { stat: st.key, root, articles: r.articles.map(({ text: _text, ...meta }) => meta), skipped: r.skipped }]);
        fileMap.set(file, { ids: r.articles.map((a) => a.id), skipped: r.skipped });
        for (const a of r.articles) articles.push(a);
        feed.push(r.articles);
      }
    } finally {
      feed.end();
    }
    // (Written when it changed: a warm start that recalled every file leaves the cache file as it is.)
    if (caches && !isCancelled()) {
      if (readAny || !manifest || manifest.size !== recorded.length) caches.analysis.set(MANIFEST_KEY, v8.serialize({ maxFileBytes: this.options.maxFileBytes ?? null, files: recorded } satisfies Manifest));
    }
    const phases = { read: Date.now() - t0, pass1: 0, learn: 0, pass2: 0, index: 0 };
    const { analyses, placeFacts, placeFactsRaw, analysed, fromCache, failed } = await pass1;
    const kept = addEntries(run.entries, articles, placeFactsRaw);
    run.files = fileMap;
    for (const s of failed) withSkip(run.files, s);
    // Pass 1's cache is complete: written to disk while pass 2 runs, then no longer held.
    const analysisSaved = caches ? this.saveCaches({ analysis: caches.analysis }, !isCancelled()).then(() => caches.analysis.close()) : null;
    phases.pass1 = Date.now() - t0;
    // The learned lexicon: from the cache when the same articles taught it before (a warm start).
    const learned = await learnCached(run.entries, placeFacts, caches?.facts ?? null, (m) => this.log(m));
    placeFacts.clear();
    run.signature = learned.signature;
    run.fingerprint = fingerprintOf(run.signature, this.options.houseSpellings);
    run.plan = learned.plan;
    const spec = this.lexiconSpec(learned.plan);
    run.lexicon = null;
    phases.learn = Date.now() - t0;
    await yieldNow();
    // Pass 2, in the workers; this thread meanwhile builds its own lexicon (for the index).
    const pass2 = this.passes.recognise(this.lexiconOf(run, spec), kept, analyses, caches?.facts ?? null, this.keep(run), isCancelled, true, pool, onProgress);
    await yieldNow();
    await this.prepareLexicon(run, spec);
    const facts = await pass2;
    phases.pass2 = Date.now() - t0;
    // The texts and analyses are no longer needed (the index keeps only sentences): free them before aggregating.
    analyses.clear();
    kept.length = 0;
    articles.length = 0;
    for (const s of facts.failed) withSkip(run.files, s);
    collectSkipped(run);
    await this.install(run, facts.byId);
    phases.index = Date.now() - t0;
    await analysisSaved;
    await this.saveCaches(caches && { facts: caches.facts }, !isCancelled());
    const s = run.index!.stats();
    return { ...s, skipped: run.skipped, analysed, fromCache, recognised: facts.computed, ms: Date.now() - t0, mode: 'full', phases };
  }

  /** Apply the house-style options to an index's display names. */
  private styleNames(index: FactIndex): void {
    index.nameStyle = this.options.houseStyle === 'archive-majority' ? 'archive-majority' : 'house';
    for (const name of Object.values(this.options.houseSpellings ?? {})) {
      const id = index.resolve(name);
      if (id) index.fixedNames.add(id);
    }
  }

  /** Assemble a new index from per-article facts in corpus order, aggregate, then swap it in. */
  private async install(run: Run, byId: Map<string, ArticleFacts>): Promise<void> {
    const index = new FactIndex(run.lexicon!);
    this.styleNames(index);
    for (const f of run.files.values()) for (const id of f.ids) { const af = byId.get(id); if (af) index.set(af); }
    await yieldNow();
    await index.rebuildAsync(SLICE_MS);
    run.index = index;
  }

  /** What pass 2 recognises with: the run's fingerprint and its lexicon (built on first use). */
  private lexiconOf(run: Run, spec: LexiconSpec): { fingerprint: string; spec: LexiconSpec; lexicon: () => PlaceLexicon } {
    return { fingerprint: run.fingerprint, spec, lexicon: () => this.ensureLexicon(run, spec) };
  }

  /** The lexicon for `spec` built in time slices on this thread (see ensureLexicon). */
  private async prepareLexicon(run: Run, spec: LexiconSpec): Promise<PlaceLexicon> {
    if (run.lexicon) return run.lexicon;
    if (lexiconMemo?.fingerprint === run.fingerprint) return this.ensureLexicon(run, spec);
    const fingerprint = run.fingerprint;
    const lexicon = await runSliced(buildLexiconSteps(spec), SLICE_MS);
    if (!run.lexicon && run.fingerprint === fingerprint) {
      run.lexicon = lexicon;
      lexiconMemo = { fingerprint, lexicon };
    }
    return this.ensureLexicon(run, spec);
  }

  /** The lexicon learned from the current entries, built on first use (see build()). */
  private ensureLexicon(run: Run, spec: LexiconSpec): PlaceLexicon {
    if (run.lexicon) return run.lexicon;
    // Loading the gazetteer takes about a second on this thread; a lexicon learned from the same
    // signature (a re-index, a settings change that kept the names) is reused.
    if (lexiconMemo?.fingerprint === run.fingerprint) run.lexicon = lexiconMemo.lexicon;
    else {
      run.lexicon = buildLexicon(spec);
      lexiconMemo = { fingerprint: run.fingerprint, lexicon: run.lexicon };
    }
    return run.lexicon;
  }

  /**
   * An update that changed the learned names: recognise again only the new and changed articles and
   * those whose recognition asked the lexicon about a touched name (their files are read again for
   * the text; the analysis comes from the cache). Null when that is most of the archive, or a
   * country is touched: then a full build is the simpler way. Computes `run`; `prev` stays as it is.
   */
  private async relearn(prev: Readonly<ArchiveState>, run: Run, learned: { signature: Map<string, string>; plan: LearnedPlan }, u: {
    kept: Article[]; analyses: Map<string, Buffer>; removed: Set<string>;
    caches: { analysis: AnalysisCache; facts: AnalysisCache } | null; t0: number; analysed: number; fromCache: number;
  }): Promise<BuildReport | null> {
    const current = prev.index, lex0 = prev.lexicon, plan0 = prev.plan;
    if (!current || !lex0 || !plan0) return null;
    const spec = this.lexiconSpec(learned.plan);
    const lex1 = await runSliced(buildLexiconSteps(spec), SLICE_MS);
    const touched = touchedBy(plan0, lex0, learned.plan, lex1);
    if (!touched) return null;
    const changed = new Set(u.kept.map((a) => a.id));
    const affected = new Set<string>();
    for (const [id, af] of current.byArticle) {
      if (u.removed.has(id) || changed.has(id)) continue;
      if (af.queries === null || meets(af.queries, touched)) affected.add(id);
    }
    if (affected.size > current.byArticle.size / 2) return null;
    // The affected articles' texts, from their files (unchanged: their content hash must agree).
    const files = new Set<string>();
    for (const id of affected) files.add(run.entries.get(id)!.file);
    const again: Article[] = [];
    for (const f of files) {
      const r = await this.readFile(f);
      for (const a of r.articles) {
        if (!affected.has(a.id)) continue;
        if (a.hash !== run.entries.get(a.id)?.hash) return null; // changed behind our back
        again.push(a);
      }
    }
    if (again.length !== affected.size) return null;
    const p1 = await this.passes.analyse(again, u.caches?.analysis ?? null);
    if (p1.failed.length) return null;
    for (const [id, b] of p1.analyses) u.analyses.set(id, b);
    // The new lexicon, then recognition.
    run.signature = learned.signature;
    run.fingerprint = fingerprintOf(run.signature, this.options.houseSpellings);
    run.plan = learned.plan;
    run.lexicon = lex1;
    lexiconMemo = { fingerprint: run.fingerprint, lexicon: lex1 };
    const replaced = new Set([...u.removed, ...affected]);
    const r = await this.applyUpdate(prev, run, [...u.kept, ...again], u.analyses, spec, u.caches, replaced, prev.fingerprint);
    return { ...r, analysed: u.analysed + p1.analysed, fromCache: u.fromCache, ms: Date.now() - u.t0, mode: 'relearned' };
  }

  /**
   * The end of an update: recognise `articles`, keep every other article's facts from the previous
   * index except those in `replaced` (removed, or recognised again), install into `run`, save the
   * caches. `previousFingerprint`: the lexicon changed but the kept facts hold under the new one
   * too, so their cached facts are stored under the new fingerprint as well.
   */
  private async applyUpdate(prev: Readonly<ArchiveState>, run: Run, articles: Article[], analyses: Map<string, Buffer>, spec: LexiconSpec,
    caches: { analysis: AnalysisCache; facts: AnalysisCache } | null, replaced: Set<string>,
    previousFingerprint: string | null): Promise<Pick<BuildReport, 'articles' | 'places' | 'figures' | 'skipped' | 'recognised'>> {
    const current = prev.index!;
    const facts = await this.passes.recognise(this.lexiconOf(run, spec), articles, analyses, caches?.facts ?? null, this.keep(run));
    for (const s of facts.failed) withSkip(run.files, s);
    collectSkipped(run);
    const byId = new Map<string, ArticleFacts>();
    let t = Date.now();
    for (const [id, af] of current.byArticle) {
      if (replaced.has(id)) continue;
      byId.set(id, af);
      if (previousFingerprint !== null && caches) {
        const hash = run.entries.get(id)?.hash;
        const raw = hash ? caches.facts.get(CACHE_KEYS.facts(hash, previousFingerprint)) : undefined;
        if (raw) caches.facts.set(CACHE_KEYS.facts(hash!, run.fingerprint), raw);
      }
      if (Date.now() - t > SLICE_MS) { await yieldNow(); t = Date.now(); }
    }
    for (const [id, af] of facts.byId) byId.set(id, af);
    await this.install(run, byId);
    await this.saveCaches(caches, false);
    return { ...run.index!.stats(), skipped: run.skipped, recognised: facts.computed };
  }

  /**
   * Re-read changed files and update the index; unchanged files are not read again. The new state
   * is computed beside the current one and swapped in at the end: a failure leaves the archive as
   * it was.
   */
  async update(changes: CorpusChange[]): Promise<BuildReport> {
    const t0 = Date.now();
    const prev = this.state;
    if (!prev.index || !prev.lexicon) return this.build();
    if (!changes.length) {
      const s = prev.index.stats();
      return { ...s, skipped: prev.skipped, analysed: 0, fromCache: 0, recognised: 0, ms: 0, mode: 'incremental' };
    }
    const found = await this.discover();
    const files = found.files;
    const present = new Set(files);
    // Files to (re)read: the changed ones that are still corpus files, and any the events missed.
    const reread = new Set<string>();
    for (const c of changes) if (present.has(path.resolve(c.file))) reread.add(path.resolve(c.file));
    for (const f of files) if (!prev.files.has(f)) reread.add(f);
    const gone = [...prev.files.keys()].filter((f) => !present.has(f));
    const caches = await this.openCaches('index');
    try {
      const fresh = new Map<string, FileEntry>();
      const articles: Article[] = [];
      for (const f of reread) {
        const r = await this.readFile(f);
        fresh.set(f, { ids: r.articles.map((a) => a.id), skipped: r.skipped });
        articles.push(...r.articles);
      }
      const { analyses, placeFacts, placeFactsRaw, analysed, fromCache, failed } = await this.passes.analyse(articles, caches?.analysis ?? null);
      // New entries: drop the old articles of re-read and deleted files, add the new ones.
      const removed = new Set<string>();
      for (const f of [...reread, ...gone]) for (const id of prev.files.get(f)?.ids ?? []) removed.add(id);
      const entries = new Map(prev.entries);
      for (const id of removed) entries.delete(id);
      const kept = addEntries(entries, articles, placeFactsRaw);
      for (const s of failed) withSkip(fresh, s);
      const fileMap = new Map<string, FileEntry>();
      for (const f of files) { const e = fresh.get(f) ?? prev.files.get(f); if (e) fileMap.set(f, e); }
      const run: Run = { ...prev, files: fileMap, entries, discoverySkipped: found.skipped, skipped: [] };
      const learned = await learn(run.entries, (m) => this.log(m), { decoded: placeFacts, inWorker: (bytes) => this.jobs.learnInWorker(bytes) });
      if (!sameSignature(learned.signature, prev.signature)) {
        // What the archive knows about some name changed: the changed files' articles and those whose
        // recognition looked up a name the change touches are recognised again.
        const partial = await this.relearn(prev, run, learned, { kept, analyses, removed, caches, t0, analysed, fromCache });
        if (partial) { this.state = run; this.packEntries(); return partial; }
        // Too much is touched (or a country): every article is recognised again (cached facts of an
        // earlier lexicon with the same fingerprint still count). The old index serves meanwhile.
        await this.saveCaches(caches, false);
        const r = await this.build();
        return { ...r, analysed: r.analysed + analysed, ms: Date.now() - t0, mode: 'full' };
      }
      const r = await this.applyUpdate(prev, run, kept, analyses, this.lexiconSpec(learned.plan), caches, removed, null);
      this.state = run;
      this.packEntries();
      return { ...r, analysed, fromCache, ms: Date.now() - t0, mode: 'incremental' };
    } finally {
      closeCaches(caches);
    }
  }
}
