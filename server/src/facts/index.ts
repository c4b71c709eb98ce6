// The fact index: every article's place mentions and figure claims, and per-place aggregates
// (the dossier's raw material). Built from per-article results so that one changed article
// updates the index without re-analysing the others.

import * as path from 'node:path';
import type { Article } from '../corpus/types';
import type { Figure, PlaceKind } from '../dutch/types';
import { lookupIn, recognizePlaces, RecordingLookup, type PlaceLexicon } from '../dutch/places';
import { LineIndex } from '../core/text';
import { paragraphs } from '../dutch/tokens';
import type { ArticleAnalysis } from './analyze';
import { readQuantities, topicPlaces, type FigureContext } from './context';
import type { Quantity } from './quantity/model';
import { BoundedMemo } from '../core/memo';
import { HeldSentences, type Sentences, type TextSpool } from './texts';
import { claimKey, keyHasRole, newestAtOrBefore, PlaceNames, type PlaceView } from './view';

export interface ArticleRecord {
  id: string;
  uri: string;
  file: string;
  title: string | null;
  date: string | null;
  source: string | null;
  url: string | null;
  /** Short label for messages: title, else file name (plus record id for JSONL). */
  label: string;
  hash: string;
}

export interface SourceLocation { article: ArticleRecord; line: number; character: number }

export interface Claim {
  figure: Figure;
  ctx: Omit<FigureContext, 'sentence' | 'clause'>;
  /** The sentence that reports the figure (the evidence). */
  readonly sentence: string;
  source: SourceLocation;
}

export interface MentionRef { article: ArticleRecord; start: number; end: number; text: string; line: number; character: number }

export interface PlaceFactRef {
  kind: PlaceKind | null;
  parent: string | null;
  near: string | null;
  distanceKm: number | null;
  readonly sentence: string;
  source: SourceLocation;
}

/** A claim of an indexed article: its sentence is read from the article's sentences when asked for (see texts.ts). */
class ArticleClaim implements Claim {
  constructor(public figure: Figure, public ctx: Claim['ctx'], public source: SourceLocation, private readonly texts: Sentences, private readonly at: number) {}
  get sentence(): string { return this.texts.at(this.at); }
  /** As JSON, a claim is its four fields (the sentence read), never where the sentence is kept. */
  toJSON(): Claim { return { figure: this.figure, ctx: this.ctx, sentence: this.sentence, source: this.source }; }
}

/** The same for a place fact. */
class ArticleFact implements PlaceFactRef {
  constructor(public kind: PlaceKind | null, public parent: string | null, public near: string | null, public distanceKm: number | null,
    public source: SourceLocation, private readonly texts: Sentences, private readonly at: number) {}
  get sentence(): string { return this.texts.at(this.at); }
  toJSON(): PlaceFactRef {
    return { kind: this.kind, parent: this.parent, near: this.near, distanceKm: this.distanceKm, sentence: this.sentence, source: this.source };
  }
}

/** Everything the index keeps of one article. */
export interface ArticleFacts {
  article: ArticleRecord;
  mentions: MentionRef[];
  placeIds: string[];
  /** The claims a feature can reach: those the conflict check compares (a claim key) or a place's
   *  dossier shows (see claimPlaces). Figures of neither kind — an age, a date, a vague number, with
   *  no place — are counted in `figures` and not kept (70 % of dpgmedia2019's). */
  claims: Claim[];
  /** How many figures the article has, kept or not. */
  figures: number;
  facts: { placeId: string; fact: PlaceFactRef }[];
  /** Small places and the regions named in the same paragraph: evidence of where a place lies
   *  when no sentence says so outright. Flat pairs: place id, region id, place id, region id, … */
  coRegions: string[];
  /** Hashes of what place recognition looked up in the lexicon (see dutch/places/recording.ts),
   *  one per UTF-16 code unit;
   *  null when unknown (the article is then recognised again on any change of the learned names). */
  queries: string | null;
}

/** A place's record without its lists: what every place shows in a list or a summary. */
export type PlaceRow = Omit<PlaceRecord, 'mentions' | 'articles' | 'facts' | 'claims'>;

export interface PlaceRecord {
  id: string;
  name: string;
  kind: PlaceKind;
  parent: string | null;
  /** True when the parent is inferred from the regions named alongside the place, not stated. */
  parentInferred: boolean;
  country: string | null;
  variants: Map<string, number>;
  /** Its mentions in archive order (a stored index holds at most the first few thousand: see store/view.ts). */
  mentions: MentionRef[];
  /** The articles of those mentions. */
  articles: Set<ArticleRecord>;
  /** How often the archive names it, and in how many articles (all of them, however many `mentions` holds). */
  mentionCount: number;
  articleCount: number;
  firstDate: string | null;
  lastDate: string | null;
  facts: PlaceFactRef[];
  claims: Claim[];
}

function label(a: Article): string {
  if (a.title) return a.title;
  const base = path.basename(a.file);
  const hash = a.id.indexOf('#');
  return hash >= 0 ? `${base}${a.id.slice(hash)}` : base;
}

export function articleRecord(a: Article): ArticleRecord {
  // (The file, its URI, the date and the outlet are each one string for all the articles that
  // share them: read from a file or a cache's manifest, every article has its own copy.)
  return {
    id: a.id, uri: shareString(a.uri), file: shareString(a.file), title: a.title, date: shareString(a.date),
    source: shareString(a.source), url: a.url, label: label(a), hash: a.hash,
  };
}

/** Copy a slice so it does not keep the whole article text alive. */
function own(s: string): string {
  return s.length > 0 ? (' ' + s).slice(1) : s;
}

/** A position inside an article's text (line, character), or null when offsets do not map (JSONL). */
export type RelPos = [line: number, character: number] | null;

/**
 * The facts of one article without its record: plain, structured-clone-safe data, so it can be
 * computed in a worker thread and cached (keyed by article hash + lexicon fingerprint).
 * Positions are relative to the article text; bindFacts() makes them file positions. Sentences
 * are stored once per article (`sentences`) and cited by index.
 */
export interface FactsData {
  sentences: string[];
  mentions: { start: number; end: number; text: string; at: RelPos }[];
  placeIds: string[];
  claims: { figure: Figure; ctx: Omit<FigureContext, 'sentence' | 'clause'>; sentence: number; at: RelPos }[];
  facts: { placeId: string; kind: PlaceKind | null; parent: string | null; near: string | null; distanceKm: number | null; sentence: number; at: RelPos }[];
  /** Flat pairs, as ArticleFacts.coRegions. */
  coRegions: string[];
  /** What recognition asked the lexicon, as ArticleFacts.queries. */
  queries: string;
}

/** Place recognition with the archive's lexicon, then claims: the expensive half of articleFacts. */
export function computeFacts(text: string, exact: boolean, analysis: ArticleAnalysis, lexicon: PlaceLexicon): FactsData {
  const lines = exact ? new LineIndex(text) : null;
  const at = (offset: number): RelPos => {
    if (!lines) return null;
    const p = lines.positionAt(offset);
    return [p.line, p.character];
  };
  const sentences: string[] = [];
  const sentenceAt = new Map<string, number>();
  const sentence = (start: number, end: number): number => {
    const k = `${start}:${end}`;
    let i = sentenceAt.get(k);
    if (i === undefined) { i = sentences.length; sentences.push(own(text.slice(start, end))); sentenceAt.set(k, i); }
    return i;
  };
  // (The article's own place facts come from pass 1: not learned from the text a second time.)
  // Every lookup goes through a recording lookup, so that a change of the learned names finds the
  // articles it concerns (dutch/places/recording.ts).
  const recording = new RecordingLookup(lexicon);
  try {
    return factsRecorded(text, analysis, recording, at, sentences, sentence);
  } finally {
    recording.close();
  }
}

function factsRecorded(text: string, analysis: ArticleAnalysis, lexicon: RecordingLookup, at: (offset: number) => RelPos,
  sentences: string[], sentence: (start: number, end: number) => number): FactsData {
  const mentions = recognizePlaces(text, lexicon, { facts: analysis.placeFacts });
  const contexts = readQuantities({
    text, figures: analysis.figures, mentions, times: analysis.times, topic: topicPlaces(mentions),
    resolvePlace: (name) => { const e = lookupIn(lexicon, name); return e ? { id: e.id, name: e.name, kind: e.kind } : null; },
    placeInfo: (id) => { const e = lexicon.entryById(id); return e ? { id, kind: e.kind, country: e.country ?? null } : null; },
  });
  const facts: FactsData['facts'] = [];
  for (const f of analysis.placeFacts) {
    const entry = lookupIn(lexicon, f.name);
    if (!entry) continue;
    const parent = f.parent ? lookupIn(lexicon, f.parent)?.id ?? null : null;
    const near = f.near ? lookupIn(lexicon, f.near)?.id ?? null : null;
    facts.push({ placeId: entry.id, kind: f.kind, parent, near, distanceKm: f.distanceKm, sentence: sentence(f.sentenceStart, f.sentenceEnd), at: at(f.start) });
  }
  const queries = lexicon.take();
  // Regions named with a local place: in the same paragraph (strong evidence, counted thrice)
  // or elsewhere in the same article (counted once).
  const coRegions: string[] = [];
  const articleRegions = new Set(mentions.filter((m) => REGION_KINDS.has(m.kind)).map((m) => m.id));
  const locals = new Set(mentions.filter((m) => LOCAL_KINDS.has(m.kind)).map((m) => m.id));
  for (const id of locals) for (const r of articleRegions) if (r !== id) coRegions.push(id, r);
  for (const para of paragraphs(text)) {
    const inPara = mentions.filter((m) => m.start >= para.start && m.end <= para.end);
    const regions = new Set(inPara.filter((m) => REGION_KINDS.has(m.kind)).map((m) => m.id));
    const localIds = new Set(inPara.filter((m) => LOCAL_KINDS.has(m.kind)).map((m) => m.id));
    for (const id of localIds) for (const r of regions) if (r !== id) coRegions.push(id, r, id, r);
  }
  return {
    sentences,
    mentions: mentions.map((m) => ({ start: m.start, end: m.end, text: own(m.text), at: at(m.start) })),
    placeIds: mentions.map((m) => m.id),
    claims: analysis.figures.map((figure, i) => {
      const { sentence: span, clause: _clause, ...ctx } = contexts[i];
      return { figure: { ...figure, text: own(figure.text) }, ctx, sentence: sentence(span.start, span.end), at: at(figure.start) };
    }),
    facts,
    coRegions,
    queries,
  };
}

// Interning: the index holds ~155,000 claims and ~450,000 mentions for a 30,000-article archive,
// decoded from the cache or a worker's bytes, where every place id, unit, event and spelling is
// its own string copy and every list its own array. Equal values are shared instead (frozen, so
// that a shared list or object cannot be changed through one claim). The pools are process-wide
// and reset when they grow past a bound (they then only share less).
const POOL_LIMIT = 400_000;
const stringPool = new BoundedMemo<string, string>(POOL_LIMIT);
const objectPool = new BoundedMemo<string, object>(POOL_LIMIT);

/** One copy of a string many articles share (a file, its URI, a date, an outlet), however long. */
export function shareString<S extends string | null>(s: S): S {
  if (s === null) return s;
  return (stringPool.get(s as string) ?? stringPool.set(s as string, s as string)) as S;
}

/** The same for the short values of claims and mentions (ids, units, spellings); a longer one is rarely repeated. */
function str<S extends string | null>(s: S): S {
  return s === null || s.length > 64 ? s : shareString(s);
}

function shared<T extends object>(key: string, make: () => T): T {
  return (objectPool.get(key) ?? objectPool.set(key, Object.freeze(make()))) as T;
}

/** A claim's context with shared strings, lists and sub-objects; equal contexts are one object
 *  (a 20x archive's 154,000 claims have ~9,000 distinct quantities). */
function compactContext(ctx: FactsData['claims'][number]['ctx']): Claim['ctx'] {
  const q = ctx.quantity;
  const m = q.measure, w = q.where, t = q.when;
  const mk = `m\u0001${m.head}\u0001${m.role}\u0001${m.side}\u0001${m.of}\u0001${m.per}\u0001${m.headText}\u0001${m.roleText}`;
  const wk = `w\u0001${w.place}\u0001${w.level}\u0001${w.scope}\u0001${w.from}\u0001${w.territory}`;
  const tk = `t\u0001${t.from}\u0001${t.to}\u0001${t.text}\u0001${t.basis}`;
  const key = `c\u0001${q.skip}\u0001${q.dimension}\u0001${q.unit}\u0001${q.kind}\u0001${q.event}\u0001${q.source}\u0001${q.each ? 1 : 0}\u0002${mk}\u0002${wk}\u0002${tk}`;
  return shared(key, () => {
    const quantity: Quantity = Object.freeze({
      skip: str(q.skip), dimension: str(q.dimension), unit: str(q.unit),
      measure: shared(mk, () => ({
        head: str(m.head), role: str(m.role), side: str(m.side), of: str(m.of), per: str(m.per), headText: str(m.headText), roleText: str(m.roleText),
      })),
      where: shared(wk, () => ({
        place: str(w.place), level: str(w.level), scope: str(w.scope), from: str(w.from), territory: str(w.territory),
      })),
      kind: str(q.kind),
      when: shared(tk, () => ({ from: str(t.from), to: str(t.to), text: str(t.text), basis: str(t.basis) })),
      event: str(q.event),
      source: str(q.source),
      ...(q.each ? { each: true } : {}),
    });
    return { quantity };
  });
}

function compactFigure(f: Figure): Figure {
  f.text = str(f.text);
  f.qualifier = str(f.qualifier);
  f.unit = str(f.unit);
  f.dimension = str(f.dimension);
  f.counted = str(f.counted);
  f.countedText = str(f.countedText);
  return f;
}

/** Attach an article's record and file positions to its facts (cheap; no text needed). Its cited
 *  sentences go to `spool` when given (a process that keeps the archive), else stay in memory. */
export function bindFacts(rec: ArticleRecord, pos: { lineBase: number; charBase: number }, data: FactsData,
  opts: { spool?: TextSpool | null; allClaims?: boolean } = {}): ArticleFacts {
  const spool = opts.spool;
  // (Where offsets do not map to the file, a JSONL record, every claim and fact of the article is at
  // the record's line: one location object for all of them.)
  let whole: SourceLocation | null = null;
  const loc = (p: RelPos): SourceLocation => p
    ? { article: rec, line: pos.lineBase + p[0], character: p[0] === 0 ? pos.charBase + p[1] : p[1] }
    : (whole ??= Object.freeze({ article: rec, line: pos.lineBase, character: 0 }));
  const kept = opts.allClaims ? data.claims : data.claims.filter((c) => reachable(c.ctx.quantity));
  // Only the sentences kept claims and facts cite, renumbered in the order they are cited.
  const cited: string[] = [];
  const renumbered = new Map<number, number>();
  const cite = (i: number): number => {
    let j = renumbered.get(i);
    if (j === undefined) { j = cited.length; cited.push(data.sentences[i] ?? ''); renumbered.set(i, j); }
    return j;
  };
  const claimAt = kept.map((c) => cite(c.sentence));
  const factAt = data.facts.map((f) => cite(f.sentence));
  const sentences = spool ? spool.put(cited) : new HeldSentences(cited);
  return {
    article: rec,
    mentions: data.mentions.map((m) => {
      const l = loc(m.at);
      return { article: rec, start: m.start, end: m.end, text: str(m.text), line: l.line, character: l.character };
    }),
    placeIds: data.placeIds.map(str),
    claims: kept.map((c, i) => new ArticleClaim(compactFigure(c.figure), compactContext(c.ctx), loc(c.at), sentences, claimAt[i])),
    figures: data.claims.length,
    facts: data.facts.map((f, i) => ({
      placeId: str(f.placeId),
      fact: new ArticleFact(str(f.kind), str(f.parent), str(f.near), f.distanceKm, loc(f.at), sentences, factAt[i]),
    })),
    coRegions: data.coRegions.map(str),
    queries: typeof data.queries === 'string' ? data.queries : null,
  };
}

/** Facts of one article: place recognition with the archive's lexicon, then claims. */
export function articleFacts(a: Article, analysis: ArticleAnalysis, lexicon: PlaceLexicon): ArticleFacts {
  return bindFacts(articleRecord(a), a, computeFacts(a.text, a.exact, analysis, lexicon));
}

const REGION_KINDS = new Set<string>(['regio', 'provincie', 'oblast']);
const LOCAL_KINDS = new Set<string>(['stad', 'stadje', 'dorp', 'plaats', 'plaats-onbekend', 'gemeente']);

function mostCommon<T>(items: T[]): T | null {
  const counts = new Map<T, number>();
  let best: T | null = null, n = 0;
  for (const x of items) {
    const c = (counts.get(x) ?? 0) + 1;
    counts.set(x, c);
    if (c > n) { n = c; best = x; }
  }
  return best;
}

/** The spelling the archive uses most for a place (not an abbreviation such as "VS"), or null. */
function majoritySpelling(variants: ReadonlyMap<string, number>): string | null {
  let best: string | null = null, n = 0;
  for (const [v, c] of variants) if (c > n && !/^[\p{Lu}.]{2,5}$/u.test(v)) { best = v; n = c; }
  return best;
}

/** The places a claim is about, for their dossiers: where its sentence, clause or paragraph
 *  places it — and a country's territory an article about one of its regions places there
 *  ("Russisch grondgebied" in Koersk). */
export function claimPlaces(c: Claim): string[] {
  return placesOf(c.ctx.quantity.where);
}

function placesOf(w: Quantity['where']): string[] {
  if (!w.place) return [];
  return w.scope === 'clause' || w.scope === 'sentence' || w.scope === 'paragraph' || (w.scope === 'article' && w.territory) ? w.place.split('+') : [];
}

/** Whether a feature can reach a claim of this quantity: the check by its key, a dossier by its places. */
function reachable(q: Quantity): boolean {
  return claimKey(q) !== null || placesOf(q.where).length > 0;
}

export interface IndexStats { articles: number; places: number; figures: number }

/** Claims indexed for the conflict check by what every same quantity shares: dimension and
 *  predicate. Claims that are not checkable (an age, a vague number, no predicate) are left out. */
export class ClaimIndex {
  private byKey = new Map<string, Claim[]>();

  /** Build the index in steps (one per claim), for callers that yield to the event loop in between. */
  static *build(claims: Claim[]): Generator<void, ClaimIndex, void> {
    const index = new ClaimIndex();
    for (let i = 0; i < claims.length; i++) {
      index.add(claims[i]);
      if ((i & 255) === 255) yield;
    }
    return index;
  }

  private add(c: Claim): void {
    const k = claimKey(c.ctx.quantity);
    if (k === null) return;
    const list = this.byKey.get(k);
    if (list) list.push(c); else this.byKey.set(k, [c]);
  }

  /** The keys (see claimKey), in the order their first claim came. */
  keys(): string[] { return [...this.byKey.keys()]; }

  /** Every claim with the predicate `role`, of any dimension (figure completion). */
  withRole(role: string): Claim[] {
    const out: Claim[] = [];
    for (const [k, list] of this.byKey) if (keyHasRole(k, role)) out.push(...list);
    return out;
  }

  /** The claims that can be about the same quantity as `q` (same dimension and predicate). */
  candidates(q: Quantity): readonly Claim[] {
    const k = claimKey(q);
    return k === null ? [] : this.byKey.get(k) ?? [];
  }
}

/** The whole archive's facts. Per-article results are kept; aggregates are rebuilt on change. */
export class FactIndex extends PlaceNames implements PlaceView {
  readonly byArticle = new Map<string, ArticleFacts>();
  places = new Map<string, PlaceRecord>();
  claims: Claim[] = [];
  /** Every figure of the archive's articles, kept as a claim or not (see ArticleFacts.claims). */
  figureCount = 0;
  /** Claims by dimension and place, and by dimension and event: candidate lookup for the check. */
  claimIndex = new ClaimIndex();

  /** How place names are displayed: the house style (default) or the archive's majority spelling. */
  nameStyle: 'house' | 'archive-majority' = 'house';
  /** Place ids whose spelling the journalist fixed (bronvast.houseSpellings): never re-spelled. */
  fixedNames = new Set<string>();

  constructor(lexicon: PlaceLexicon) { super(lexicon); }

  set(facts: ArticleFacts): void { this.byArticle.set(facts.article.id, facts); this.dates = null; }

  /** The archive's article dates, sorted (for "the newest article at or before a day"). */
  private dates: string[] | null = null;

  /** The date of the archive's newest article written at or before `day` (YYYY-MM-DD), or null. */
  newestDate(day: string): string | null {
    if (!this.dates) {
      const ds: string[] = [];
      for (const af of this.byArticle.values()) if (af.article.date) ds.push(af.article.date);
      this.dates = ds.sort();
    }
    return newestAtOrBefore(this.dates, day);
  }

  stats(): IndexStats {
    return { articles: this.byArticle.size, places: this.places.size, figures: this.figureCount };
  }

  /** Rebuild the aggregates from the per-article facts. */
  rebuild(): void {
    const steps = this.rebuildSteps();
    while (!steps.next().done) { /* run to completion */ }
  }

  /**
   * The same, yielding to the event loop every few milliseconds (30,000 articles take about a
   * second): a language server answers requests from the previous aggregates meanwhile, which are
   * replaced only at the end.
   */
  async rebuildAsync(sliceMs = 8): Promise<void> {
    const steps = this.rebuildSteps();
    let t = Date.now();
    while (!steps.next().done) {
      if (Date.now() - t > sliceMs) { await new Promise<void>((r) => setImmediate(r)); t = Date.now(); }
    }
  }

  private *rebuildSteps(): Generator<void, void, void> {
    const places = new Map<string, PlaceRecord>();
    const claims: Claim[] = [];
    let figureCount = 0;
    const coRegions = new Map<string, string[]>();
    const get = (id: string, name?: string): PlaceRecord => {
      let p = places.get(id);
      if (!p) {
        // (An id is a transliteration key, which as a name can lead to another place: only its own entry counts.)
        let e = this.entry(id, name);
        if (!e) { const byName = this.lexicon.lookup(id); if (byName?.id === id) e = byName; }
        p = {
          id, name: e?.name ?? id, kind: e?.kind ?? 'plaats', parent: null, parentInferred: false, country: e?.country ?? null,
          variants: new Map(), mentions: [], articles: new Set(), mentionCount: 0, articleCount: 0, firstDate: null, lastDate: null, facts: [], claims: [],
        };
        if (e?.parent) p.parent = this.resolve(e.parent);
        places.set(id, p);
      }
      return p;
    };
    for (const af of this.byArticle.values()) {
      yield;
      af.mentions.forEach((m, i) => {
        const p = get(af.placeIds[i], m.text);
        p.mentions.push(m);
        p.variants.set(m.text, (p.variants.get(m.text) ?? 0) + 1);
        if (!p.articles.has(m.article)) {
          p.articles.add(m.article);
          const d = m.article.date;
          if (d) {
            if (!p.firstDate || d < p.firstDate) p.firstDate = d;
            if (!p.lastDate || d > p.lastDate) p.lastDate = d;
          }
        }
      });
      for (const { placeId, fact } of af.facts) get(placeId).facts.push(fact);
      for (let i = 0; i + 1 < af.coRegions.length; i += 2) {
        const placeId = af.coRegions[i], regionId = af.coRegions[i + 1];
        const list = coRegions.get(placeId);
        if (list) list.push(regionId); else coRegions.set(placeId, [regionId]);
      }
      figureCount += af.figures;
      for (const c of af.claims) {
        claims.push(c);
        for (const id of claimPlaces(c)) get(id).claims.push(c);
      }
    }
    for (const p of places.values()) {
      yield;
      p.mentionCount = p.mentions.length;
      p.articleCount = p.articles.size;
      // Kind and parent as the archive states them win over the gazetteer's generic ones when stated.
      const kinds = p.facts.map((f) => f.kind).filter((k): k is PlaceKind => !!k);
      const k = mostCommon(kinds);
      const entry = this.entry(p.id);
      if (k && (p.kind === 'plaats' || p.kind === 'plaats-onbekend' || !entry || entry.source === 'archive')) p.kind = k;
      const parent = mostCommon(p.facts.map((f) => f.parent).filter((x): x is string => !!x && x !== p.id));
      if (parent && !p.parent) p.parent = parent;
      if (!p.parent && LOCAL_KINDS.has(p.kind)) {
        // Where no sentence says where it lies: the region most often named with it (see
        // coRegions), when that is clearly more often than any other region.
        const regions = coRegions.get(p.id) ?? [];
        const best = mostCommon(regions);
        if (best) {
          const counts = new Map<string, number>();
          for (const r of regions) counts.set(r, (counts.get(r) ?? 0) + 1);
          const n = counts.get(best)!;
          let runnerUp = 0;
          for (const [r, c] of counts) if (r !== best && c > runnerUp) runnerUp = c;
          if (n >= 3 && n > runnerUp) { p.parent = best; p.parentInferred = true; }
        }
      }
      // The displayed name: the house style (NOS: Ukrainian places from Ukrainian), or with
      // `archive-majority` the spelling the archive uses most. An explicit house spelling wins.
      this.lexicon.preferName(p.id, p.variants);
      // A place the lexicon does not hold (a street recognised by its head, "aan de Langstraat 20")
      // has its spelling key for an id: it is displayed as the archive writes it.
      p.name = this.entry(p.id)?.name ?? majoritySpelling(p.variants) ?? p.name;
      if (this.nameStyle === 'archive-majority' && !this.fixedNames.has(p.id)) p.name = majoritySpelling(p.variants) ?? p.name;
    }
    const claimIndex = yield* ClaimIndex.build(claims);
    this.places = places;
    this.claims = claims;
    this.figureCount = figureCount;
    this.claimIndex = claimIndex;
  }

  candidates(q: Quantity): readonly Claim[] { return this.claimIndex.candidates(q); }

  withRole(role: string): readonly Claim[] { return this.claimIndex.withRole(role); }

  placeRow(id: string): PlaceRow | undefined { return this.places.get(id); }

  sharedArticles(ids: string[], with_: string[]): Map<string, number> {
    const out = new Map<string, number>();
    const articles = new Set<ArticleRecord>();
    for (const id of with_) for (const a of this.places.get(id)?.articles ?? []) articles.add(a);
    if (!articles.size) return out;
    for (const id of ids) {
      const p = this.places.get(id);
      if (!p) continue;
      let n = 0;
      for (const a of p.articles) if (articles.has(a)) n++;
      out.set(id, n);
    }
    return out;
  }

  topPlaces(limit: number): PlaceRow[] {
    return [...this.places.values()].sort((a, b) => b.mentionCount - a.mentionCount).slice(0, limit);
  }

  placeName(id: string): string | null { return this.placeRow(id)?.name ?? null; }

  /** The place a mention id refers to, or the lexicon's knowledge when the archive never names it. */
  place(id: string): PlaceRecord | undefined { return this.places.get(id); }


}
