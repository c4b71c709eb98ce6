// The two passes over articles (see index.ts): pass 1, each article's analysis (figures, time
// expressions, place facts), and pass 2, place recognition and claims with the learned lexicon —
// each from its cache when the article's content (and, for pass 2, the lexicon) was seen before,
// else in the workers or in time slices on this thread (jobs.ts). Articles a warm start recalled
// without reading their file get their texts here, when a pass needs them after all.

import type { Article, Skipped } from '../corpus/types';
import type { AnalysisCache } from '../corpus/cache';
import { skip } from '../corpus/skips';
import { decodeAnalysis, decodeFacts, decodePlaceFacts, encodeAnalysis, encodeFacts, lexiconContext, pack, placeFactBytes, type LexiconSpec } from '../corpus/worker';
import { analyzeText, type ArticleAnalysis } from '../facts/analyze';
import type { TextSpool } from '../facts/texts';
import { articleRecord, bindFacts, computeFacts, type ArticleFacts, type FactsData } from '../facts/index';
import type { PlaceLexicon } from '../dutch/places';
import type { PlaceFact } from '../dutch/types';
import { Feed } from './feed';
import { SLICE_MS, yieldNow, type Jobs, type Pool } from './jobs';
import { CACHE_KEYS } from './manifest';
import type { Progress } from './index';

/** The skip report of an unread article (see Archive.recall) whose file no longer holds it unchanged when its text is needed. */
function changedWhileIndexed(a: Article): Skipped {
  return skip(a.file, 'analysis-failed', 'changedWhileIndexed', { id: a.id });
}

/** The skip report of an article whose analysis or recognition failed. */
function analysisFailed(a: Article, e: unknown): Skipped {
  return skip(a.file, 'analysis-failed', 'analysisFailed', { id: a.id, error: (e as Error)?.message ?? String(e) });
}

export class Passes {
  /** Articles a build recalled from the manifest without reading their file (text ''): see withTexts. */
  private readonly unread = new WeakSet<Article>();

  constructor(
    private readonly jobs: Jobs,
    private readonly readFile: (file: string) => Promise<{ articles: Article[]; skipped: Skipped[] }>,
    private readonly analyze?: (text: string, date: string | null) => ArticleAnalysis,
  ) {}

  /** Articles recalled without their texts (''): a pass that needs one reads its file again. */
  markUnread(articles: Article[]): void { for (const a of articles) this.unread.add(a); }

  /**
   * `articles` with their texts: the unread ones (see recall) get them now that a pass needs them
   * after all (an analysis or facts cache entry missing or unreadable, a changed lexicon), their
   * files read again. One whose file no longer holds it unchanged (changed during the build) is
   * reported in `failed` and left out.
   */
  async withTexts(articles: Article[], failed: Skipped[]): Promise<Article[]> {
    const byFile = new Map<string, Article[]>();
    for (const a of articles) {
      if (!this.unread.has(a)) continue;
      const list = byFile.get(a.file);
      if (list) list.push(a); else byFile.set(a.file, [a]);
    }
    if (byFile.size === 0) return articles;
    const lost = new Set<Article>();
    for (const [file, list] of byFile) {
      const fresh = new Map((await this.readFile(file)).articles.map((a) => [a.id, a]));
      for (const a of list) {
        const f = fresh.get(a.id);
        if (f && f.hash === a.hash) { a.text = f.text; this.unread.delete(a); } else { lost.add(a); failed.push(changedWhileIndexed(a)); }
      }
    }
    return lost.size ? articles.filter((a) => !lost.has(a)) : articles;
  }

  /**
   * Pass 1 for `articles`: each one's analysis as bytes (see encodeAnalysis: from the cache, or
   * computed in the workers, which encode it), and its place facts, decoded for learning. The
   * figures and time expressions stay encoded: they go to pass 2 as they are.
   */
  async analyse(source: Article[] | Feed, cache: AnalysisCache | null, onProgress?: Progress, isCancelled: () => boolean = () => false, pool?: Pool | null) {
    const articles = Array.isArray(source) ? Feed.of(source) : source;
    const analyses = new Map<string, Buffer>();
    const placeFacts = new Map<string, PlaceFact[]>();
    const placeFactsRaw = new Map<string, Buffer>();
    const failed: Skipped[] = [];
    // The articles not in the cache, as they are found.
    const todo = new Feed();
    let fromCache = 0;
    let done = 0;
    let chars = 0;
    const progress = () => onProgress?.(done, articles.items.length, { phase: 'analyse', chars });
    const lookups = this.cacheLookups(articles, todo, failed, (a) => {
      const raw = cache?.get(CACHE_KEYS.analysis(a.hash));
      if (raw) {
        try {
          // (Decoded only if learning is needed: a warm start usually finds the learned plan cached.)
          placeFactsRaw.set(a.id, placeFactBytes(raw));
          analyses.set(a.id, raw);
          fromCache++;
          done++;
          return true;
        } catch { cache!.delete(CACHE_KEYS.analysis(a.hash)); }
      }
      return false;
    });
    const analyze = this.analyze ?? analyzeText;
    await this.jobs.run(todo,
      (batch) => ({ job: { kind: 'analyse', texts: batch.map((a) => a.text), dates: batch.map((a) => a.date) } }),
      (a) => encodeAnalysis(analyze(a.text, a.date)),
      (a, r) => {
        let pf: PlaceFact[], pfRaw: Buffer;
        try {
          if (!Buffer.isBuffer(r)) throw new Error(r.error);
          pf = decodePlaceFacts(r);
          pfRaw = placeFactBytes(r);
        } catch (e) {
          failed.push(analysisFailed(a, e));
          return;
        }
        cache?.set(CACHE_KEYS.analysis(a.hash), r as Buffer);
        chars += a.text.length;
        analyses.set(a.id, r as Buffer);
        placeFacts.set(a.id, pf);
        placeFactsRaw.set(a.id, pfRaw);
      },
      (n) => { done += n; progress(); }, isCancelled, pool);
    await lookups;
    progress();
    return { analyses, placeFacts, placeFactsRaw, analysed: todo.items.length, fromCache, failed };
  }

  /**
   * Pass each article of `from` that `cached` does not take to `todo`, as they arrive (in time
   * slices); an unread one (see recall) gets its text first, or goes to `failed` if its file changed.
   */
  private async cacheLookups(from: Feed, todo: Feed, failed: Skipped[], cached: (a: Article) => boolean): Promise<void> {
    const pass = async (misses: Article[]) => todo.push(await this.withTexts(misses, failed));
    try {
      let i = 0;
      let t = Date.now();
      for (;;) {
        await from.atLeast(i + 1);
        if (i >= from.items.length) break;
        const misses: Article[] = [];
        for (; i < from.items.length; i++) {
          const a = from.items[i];
          if (!cached(a)) misses.push(a);
          if (Date.now() - t > SLICE_MS) { await pass(misses.splice(0)); await yieldNow(); t = Date.now(); }
        }
        await pass(misses);
      }
    } finally {
      todo.end();
    }
  }

  /**
   * Pass 2 for `articles`: facts from the cache, else computed with the current lexicon (in the
   * workers, from pass 1's encoded analyses). Each article's text is released once its facts are in.
   */
  async recognise(by: { fingerprint: string; spec: LexiconSpec; lexicon: () => PlaceLexicon }, articles: Article[], analyses: Map<string, Buffer>,
    cache: AnalysisCache | null, keep: { spool: TextSpool | null; allClaims?: boolean }, isCancelled: () => boolean = () => false, stream = false, pool?: Pool | null, onProgress?: Progress) {
    const byId = new Map<string, ArticleFacts>();
    const failed: Skipped[] = [];
    let todo: Article[] = [];
    const key = (a: Article) => CACHE_KEYS.facts(a.hash, by.fingerprint);
    const bind = (a: Article, data: FactsData) => byId.set(a.id, bindFacts(articleRecord(a), a, data, keep));
    let t = Date.now();
    for (const a of articles) {
      const raw = cache?.get(key(a));
      let hit = false;
      if (raw) {
        try { bind(a, decodeFacts(raw)); hit = true; } catch { cache!.delete(key(a)); }
      }
      if (hit) { a.text = ''; analyses.delete(a.id); } else todo.push(a);
      if (Date.now() - t > SLICE_MS) { await yieldNow(); t = Date.now(); }
    }
    // Articles a warm start did not read (see recall) need their texts now.
    todo = await this.withTexts(todo, failed);
    // A full build: every cached entry still needed has been read, so the snapshot can be written
    // now, and the new entries as they come instead of being held to the end.
    if (stream && cache && todo.length > 0) await cache.streamWrites(!isCancelled());
    const shared = lexiconContext(by.fingerprint, by.spec);
    let done = articles.length - todo.length;
    let chars = 0;
    onProgress?.(done, articles.length, { phase: 'recognise', chars });
    await this.jobs.run(todo,
      (batch) => {
        const packed = pack(batch.map((a) => analyses.get(a.id)!));
        return { job: { kind: 'facts', texts: batch.map((a) => a.text), exact: batch.map((a) => a.exact), analyses: packed }, transfer: [packed.bytes.buffer as ArrayBuffer], shared };
      },
      (a) => encodeFacts(computeFacts(a.text, a.exact, decodeAnalysis(analyses.get(a.id)!), by.lexicon())),
      (a, r) => {
        try {
          if (!Buffer.isBuffer(r)) throw new Error(r.error);
          bind(a, decodeFacts(r));
        } catch (e) {
          failed.push(analysisFailed(a, e));
          return;
        }
        cache?.set(key(a), r as Buffer);
        chars += a.text.length;
        a.text = '';
        analyses.delete(a.id);
      },
      (n) => { done += n; onProgress?.(done, articles.length, { phase: 'recognise', chars }); }, isCancelled, pool);
    return { byId, computed: todo.length, failed };
  }
}
