// The archive: finds and reads the corpus, analyses its articles (cached by content hash, in
// worker threads when there are many), learns its place names and builds the fact index.
// Shared by the language server and the command line; knows nothing of LSP.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Article, Skipped } from './corpus/types';
import { discoverFiles, readArticlesStream } from './corpus/read';
import { AnalysisCache } from './corpus/cache';
import { analyzeText, ANALYSIS_VERSION, type ArticleAnalysis } from './facts/analyze';
import { articleFacts, FactIndex } from './facts/index';
import { PlaceLexicon } from './dutch/places';
import type { WorkerJob, WorkerResult } from './corpus/worker';
import { WorkerPool } from './corpus/pool';

export interface ArchiveOptions {
  /** Corpus folders or files, relative to baseDir or absolute. */
  paths: string[];
  baseDir: string;
  /** Cache folder; null disables the persisted cache. */
  cacheDir: string | null;
  maxFileBytes?: number;
  /** Worker threads for analysis; 0 analyses on the calling thread. Default: cores - 1, at least 1. */
  workers?: number;
  /** House spellings: variant → preferred ("Kiev" → "Kyiv"). */
  houseSpellings?: Record<string, string>;
  log?: (message: string) => void;
}

export interface BuildReport {
  articles: number;
  places: number;
  figures: number;
  skipped: Skipped[];
  analysed: number;
  fromCache: number;
  ms: number;
}

export type Progress = (done: number, total: number) => void;

interface Entry { article: Article; analysis: ArticleAnalysis }

const WORKER_THRESHOLD = 64;
const BATCH = 16;

export class Archive {
  index: FactIndex;
  skipped: Skipped[] = [];
  /** Per article id: its article (text dropped after indexing) and cached analysis. */
  private entries = new Map<string, Entry>();
  private cache: AnalysisCache<ArticleAnalysis> | null = null;
  private learnedKey = '';

  constructor(readonly options: ArchiveOptions) {
    this.index = new FactIndex(this.newLexicon());
  }

  private newLexicon(): PlaceLexicon {
    const lex = PlaceLexicon.load();
    for (const [variant, preferred] of Object.entries(this.options.houseSpellings ?? {})) {
      const e = lex.lookup(preferred) ?? lex.lookup(variant);
      if (e) lex.setPreferredSpelling(e.id, preferred);
    }
    return lex;
  }

  private log(msg: string): void { this.options.log?.(msg); }

  private cacheFolder(): string | null {
    const dir = this.options.cacheDir;
    if (!dir) return null;
    // The cache never goes inside a corpus folder.
    return dir;
  }

  /** Read every corpus file from scratch and (re)build the index. */
  async build(onProgress?: Progress, isCancelled: () => boolean = () => false): Promise<BuildReport> {
    const t0 = Date.now();
    const dir = this.cacheFolder();
    if (dir && !this.cache) {
      this.cache = await AnalysisCache.open<ArticleAnalysis>(dir, 'analysis', ANALYSIS_VERSION);
      if (this.cache.notice) this.log(this.cache.notice);
    }
    const { files, skipped } = await discoverFiles(this.options.paths, this.options.baseDir, { excludeDirs: dir ? [dir] : [] });
    this.skipped = skipped.slice();
    const articles: Article[] = [];
    for (const file of files) {
      if (isCancelled()) break;
      for await (const item of readArticlesStream(file, this.rootOf(file), { maxFileBytes: this.options.maxFileBytes })) {
        if (item.kind === 'article') articles.push(item.article); else this.skipped.push(item.skipped);
      }
    }
    const counts = await this.analyse(articles, onProgress, isCancelled);
    this.entries.clear();
    for (const e of counts.entries) this.entries.set(e.article.id, e);
    this.reindex(articles);
    if (this.cache) {
      this.cache.prune();
      const r = await this.cache.save();
      if (!r.ok && r.message) this.log(r.message);
    }
    const s = this.index.stats();
    return { ...s, skipped: this.skipped, analysed: counts.analysed, fromCache: counts.fromCache, ms: Date.now() - t0 };
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

  private async analyse(articles: Article[], onProgress?: Progress, isCancelled: () => boolean = () => false) {
    const entries: Entry[] = [];
    const todo: Article[] = [];
    let fromCache = 0;
    for (const a of articles) {
      const hit = this.cache?.get(a.hash);
      if (hit) { entries.push({ article: a, analysis: hit }); fromCache++; } else todo.push(a);
    }
    const total = articles.length;
    let done = fromCache;
    onProgress?.(done, total);
    const record = (a: Article, r: ArticleAnalysis | { error: string }) => {
      if ('error' in r) {
        this.skipped.push({ file: a.file, reason: 'analysis-failed', detail: `${a.id}: ${r.error}` });
        return;
      }
      this.cache?.set(a.hash, r);
      entries.push({ article: a, analysis: r });
    };
    const workers = this.options.workers ?? Math.max(1, (require('node:os').availableParallelism?.() ?? 2) - 1);
    const script = path.join(__dirname, 'worker.js');
    if (todo.length >= WORKER_THRESHOLD && workers > 0 && fs.existsSync(script)) {
      const pool = new WorkerPool<WorkerJob, WorkerResult>(script, workers);
      try {
        const jobs: Promise<void>[] = [];
        for (let i = 0; i < todo.length; i += BATCH) {
          const batch = todo.slice(i, i + BATCH);
          jobs.push(pool.run({ items: batch.map((a) => ({ text: a.text, date: a.date })) }).then(
            (res) => { batch.forEach((a, j) => record(a, res.analyses[j])); },
            (err) => { batch.forEach((a) => record(a, { error: String(err?.message ?? err) })); },
          ).finally(() => { done += batch.length; onProgress?.(done, total); }));
        }
        await Promise.all(jobs);
      } finally {
        await pool.close();
      }
    } else {
      for (const a of todo) {
        if (isCancelled()) break;
        let r: ArticleAnalysis | { error: string };
        try { r = analyzeText(a.text, a.date); } catch (e) { r = { error: (e as Error)?.message ?? String(e) }; }
        record(a, r);
        done++;
        if (done % 50 === 0) { onProgress?.(done, total); await new Promise((res) => setImmediate(res)); }
      }
      onProgress?.(done, total);
    }
    return { entries, analysed: todo.length, fromCache };
  }

  /** Learn place names from all analyses, then recognise places and build claims for `articles`. */
  private reindex(articles: Article[]): void {
    const lexicon = this.newLexicon();
    const learned = [];
    for (const e of this.entries.values()) learned.push(...e.analysis.placeFacts);
    lexicon.addLearned(learned);
    this.learnedKey = learned.map((f) => f.name).sort().join('|');
    const index = new FactIndex(lexicon);
    for (const a of articles) {
      const e = this.entries.get(a.id);
      if (!e) continue;
      try {
        index.set(articleFacts(a, e.analysis, lexicon));
      } catch (err) {
        this.skipped.push({ file: a.file, reason: 'analysis-failed', detail: `${a.id}: ${(err as Error)?.message ?? err}` });
      }
    }
    index.rebuild();
    this.index = index;
  }

  /** Re-read changed files and update the index; unchanged articles come from the cache. */
  async update(changes: { file: string; type: 'created' | 'changed' | 'deleted' }[]): Promise<BuildReport> {
    // Place recognition depends on names learned from the whole archive, so a change is applied
    // by re-reading the corpus with the analysis cache: only changed articles are re-analysed.
    if (!changes.length) {
      const s = this.index.stats();
      return { ...s, skipped: this.skipped, analysed: 0, fromCache: 0, ms: 0 };
    }
    return this.build();
  }
}
