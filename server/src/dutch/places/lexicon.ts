// The place lexicon: the gazetteer and the names the archive teaches, looked up by fold,
// transliteration key, abbreviation and prefix (completion), with the query log an update needs.

import type { PlaceFact, PlaceKind } from '../types';
import { fold } from '../tokens';
import { placeKey, placeKeyPrefix, nameFold, nameFoldOnce, prefixDistance, titleFold } from '../translit';
import { loadGazetteerData } from '../gazetteer';
import { runSteps, type Steps } from '../../core/steps';
import { BoundedMemo } from '../../core/memo';
import { CYRILLIC_COUNTRIES, MULTIGRAPH_START } from './context';
import { type LearnedPlan, WATER_KINDS, planLearned } from './learning';

export interface PlaceEntry {
  id: string;
  name: string;
  kind: PlaceKind;
  country: string | null;
  parent: string | null;
  variants: string[];
  source: 'gazetteer' | 'archive';
}

/** First-level regions (a US state, a province): their own name is not a country's foreign variant. */
const REGION_KINDS = new Set<string>(['regio', 'provincie', 'deelstaat', 'oblast']);

interface Rec {
  entry: PlaceEntry;
  /** Needs context in the text to count as a place (Alpino-only names, common words). */
  weak: boolean;
  /** Confirmed by the archive (learned facts). */
  learned: boolean;
  /** Confirmed by the archive with only weak facts ("in X" twice): not enough at the start of a sentence. */
  learnedWeakOnly: boolean;
  /** The archive uses this gazetteer name mostly for a person or an organisation ("van May", "May zei"): it needs a
   *  clear locative preposition ("in/uit/naar/te X") in the sentence to count as a place. */
  contested: boolean;
  /** A gazetteer place that is also a common word ("Namen"): strong inside a sentence, weak at its start. */
  initialWeak: boolean;
  prio: number;
}

/** A record with every field set, in one order: records of one shape keep the recogniser's property reads monomorphic. */
function newRec(entry: PlaceEntry, weak: boolean, learned: boolean, prio: number, learnedWeakOnly = false): Rec {
  return { entry, weak, learned, learnedWeakOnly, contested: false, initialWeak: false, prio };
}

const KIND_PRIO: Record<string, number> = {
  werelddeel: 9, land: 8, zee: 7, gebied: 6, schiereiland: 6, eiland: 6, rivier: 6, oblast: 5, provincie: 5, regio: 5,
  hoofdstad: 4, stad: 3, gemeente: 3, stadje: 2, dorp: 2, plaats: 1, 'plaats-onbekend': 0,
};

export const isCap = (w: string) => {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^[\p{Lu}]/u.test(w);
};
export const isAllCaps = (w: string) => w.length >= 2 && /^[\p{Lu}.]+[\p{Ll}]?$/u.test(w) && !/\p{Ll}.*\p{Ll}/u.test(w);

interface IndexItem { key: string; fold: string; id: string }

/** What recognition needs of a token's text (see PlaceLexicon.tokenFold). */
/** What the lexicon knows about a token's text (memoised per text: see PlaceLexicon.tokenFold). */
export interface TokenInfo {
  /** The folded text (nameFold). */
  fold: string;
  /** The most words a lexicon name starting with this token's first folded word has (0: none). */
  lexWords: number;
  /** The query hash of that first word (see recording.ts). */
  wordQuery: number;
  /** placeKey of the text, made when first needed (null until then). */
  key: string | null;
  /** What the lexicon answered for the fold `f` (PlaceLexicon.matchFoldOf; null until asked). */
  foldAnswer: Answer | null;
  /** The same for the key (PlaceLexicon.matchKeyInfo). */
  keyAnswer: Answer | null;
}

/** A lookup's answer kept per token: the record found (or null) and the query hashes a recording
 *  lookup logs for it (see recording.ts). */
export interface Answer { rec: Rec | null; query: number; recQuery: number }

/**
 * The ~123k bare weak gazetteer names, shipped pre-folded and sorted by fold as two "|"-joined strings.
 * Loading only records where each entry starts; lookups and prefix ranges are binary searches on the
 * joined fold string, and a name's display form is sliced out when a record is made.
 */
class SortedNames {
  private fo: Int32Array; // start offsets in folds (+ one past the end)
  private no: Int32Array | null; // start offsets in names (null until first needed)
  readonly size: number;

  private constructor(private folds: string, private names: string, private titled = false) {
    this.fo = SortedNames.offsets(folds);
    this.size = this.fo.length - 1;
    // Name offsets are found when a first display name is needed (not at load).
    this.no = null;
  }

  private static offsets(s: string): Int32Array {
    if (!s) return new Int32Array([0]);
    // One pass into a generous buffer (names are at least two letters: at most len/3 + 1 entries).
    let o = new Int32Array(Math.floor(s.length / 3) + 3);
    let k = 1;
    for (let i = s.indexOf('|'); i >= 0; i = s.indexOf('|', i + 1)) {
      if (k >= o.length - 1) { const b = new Int32Array(o.length * 2); b.set(o); o = b; }
      o[k++] = i + 1;
    }
    o[k] = s.length + 1;
    return o.subarray(0, k + 1);
  }

  static from(names: string, folds: string | null, titled = false): SortedNames {
    // (scripts/build-gazetteer.mjs writes the folds, sorted; a data file without them is not ours.)
    if (folds === null) throw new Error('gazetteer: weakFolds missing; rebuild server/data/gazetteer.json with scripts/build-gazetteer.mjs');
    return new SortedNames(folds, names, titled);
  }

  fold(i: number): string { return this.folds.slice(this.fo[i], this.fo[i + 1] - 1); }
  private name(i: number): string {
    if (!this.no) {
      this.no = SortedNames.offsets(this.names);
      if (this.no.length !== this.fo.length) throw new Error('gazetteer: weakNames and weakFolds differ in length');
    }
    const n = this.names.slice(this.no[i], this.no[i + 1] - 1);
    return n || !this.titled ? n : titleFold(this.fold(i));
  }

  /** Compares entry i with p (negative: entry sorts before p). */
  private cmp(i: number, p: string): number {
    const s = this.fo[i], len = this.fo[i + 1] - 1 - s;
    const n = Math.min(len, p.length);
    for (let k = 0; k < n; k++) {
      const d = this.folds.charCodeAt(s + k) - p.charCodeAt(k);
      if (d !== 0) return d;
    }
    return len - p.length;
  }
  private startsWith(i: number, p: string): boolean {
    const s = this.fo[i];
    if (this.fo[i + 1] - 1 - s < p.length) return false;
    return this.folds.startsWith(p, s);
  }
  private lowerBound(p: string): number {
    let lo = 0, hi = this.size;
    while (lo < hi) { const m = (lo + hi) >> 1; if (this.cmp(m, p) < 0) lo = m + 1; else hi = m; }
    return lo;
  }
  get(f: string): string | undefined {
    const i = this.lowerBound(f);
    return i < this.size && this.cmp(i, f) === 0 ? this.name(i) : undefined;
  }
  *allFolds(): Iterable<string> { for (let i = 0; i < this.size; i++) yield this.fold(i); }
  /** Up to `max` folds starting with `p`. */
  withPrefix(p: string, max: number): string[] {
    const out: string[] = [];
    for (let i = this.lowerBound(p); i < this.size && out.length < max && this.startsWith(i, p); i++) out.push(this.fold(i));
    return out;
  }
  /** The longest name (in words) whose first folded word is `fw` (0 if none). */
  maxWordsFrom(fw: string): number {
    let i = this.lowerBound(fw);
    let best = i < this.size && this.cmp(i, fw) === 0 ? 1 : 0;
    const p = fw + ' ';
    for (i = this.lowerBound(p); i < this.size && this.startsWith(i, p); i++) {
      let n = 1;
      const s = this.fo[i], e = this.fo[i + 1] - 1;
      for (let q = this.folds.indexOf(' ', s); q >= 0 && q < e; q = this.folds.indexOf(' ', q + 1)) n++;
      if (n > best) best = n;
    }
    return best;
  }
}

/** What was looked up, as a query hash tags it (see recording.ts). */
export const Q_FOLD = 1, Q_KEY = 2, Q_ABBREV = 3, Q_WORD = 4, Q_ID = 5;

/**
 * What recognition asks of the place names: every lookup it makes goes through this interface, so
 * that a recording lookup (recording.ts) can log each one — no lookup can go unlogged by
 * construction. PlaceLexicon answers it directly (drafts, the command line), without a log.
 */
export interface PlaceLookup {
  /** A token's fold, first-word statistics and kept answers (memoised per token text). */
  tokenFold(text: string): TokenInfo;
  /** matchFold(ti.fold), the answer kept in `ti`. */
  matchFoldOf(ti: TokenInfo): Rec | undefined;
  /** matchKey of the token (its key ti.key must be made), the answer kept in `ti`. */
  matchKeyInfo(ti: TokenInfo & { key: string }): Rec | undefined;
  /** Exact match on an already folded name. */
  matchFold(f: string): Rec | undefined;
  /** Abbreviations as written (VS, VK), dots ignored. */
  matchAbbrev(token: string): Rec | undefined;
  /** The same transliteration key (strong and learned entries only). */
  matchKey(name: string): Rec | undefined;
  /** A sports-results country abbreviation ("Fra", "ZAf"): see PlaceLexicon.matchCountryAbbrev. */
  matchCountryAbbrev(token: string, spelledOut?: boolean): Rec | undefined;
  /** Whether a place has a curated house spelling (a fixed table, not learned). */
  hasHouseSpelling(id: string): boolean;
  /** The entry with this id, if any. */
  entryById(id: string): PlaceEntry | undefined;
}

const ABBREV_RE = /^[\p{Lu}.]{2,5}$/u;

/** A name's record by its fold (any spelling, any case), else by its transliteration key. */
function byFoldOrKey(l: PlaceLookup, name: string): Rec | undefined {
  return l.matchFold(nameFold(name)) ?? l.matchKey(name);
}

/** Exact name (any spelling, any case) or, failing that, the same transliteration key. */
export function lookupIn(l: PlaceLookup, name: string): PlaceEntry | undefined {
  const ab = ABBREV_RE.test(name) ? l.matchAbbrev(name) : undefined;
  return (ab ?? byFoldOrKey(l, name))?.entry;
}

/** Whether a name is known as a place that counts without context (strong or archive-confirmed). */
export function isConfirmedIn(l: PlaceLookup, name: string): boolean {
  const r = byFoldOrKey(l, name);
  return !!r && (!r.weak || r.learned);
}

/** Exact (folded) match, with weakness. */
export function matchExactIn(l: PlaceLookup, name: string): { rec: Rec } | undefined {
  const r = l.matchFold(nameFold(name));
  return r ? { rec: r } : undefined;
}

/** 16-bit hash of a tagged lookup (FNV-1a, folded): collisions only make an update re-recognise more. */
export function queryHash(tag: number, s: string): number {
  let h = (0x811c9dc5 ^ tag) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return (h ^ (h >>> 16)) & 0xffff;
}

export class PlaceLexicon implements PlaceLookup {
  private byId = new Map<string, Rec>();
  /** Folded name (any spelling) → id. */
  private exact = new Map<string, string>();
  /** Abbreviations as written (VS, VK) → id: matched case-sensitively. */
  private abbrev = new Map<string, string>();
  /** placeKey → id, for strong and learned entries only (recognition tolerates spelling, not noise). */
  private strongKey = new Map<string, string>();
  /** Folded first word → longest name length in words. */
  private firstWord = new Map<string, number>();
  /** Bare weak names (Alpino), sorted by fold; records are created on demand. */
  private weakBare: SortedNames = SortedNames.from('', '');
  /** Weak spellings linked by key to another entry: fold → record (weak, with that entry). */
  private weakSpelling = new Map<string, Rec>();
  /** 3-letter sports abbreviations of countries ("(Fra)", "(Ita)") → id. */
  private countryAbbrev3 = new Map<string, string>();
  private strongIndex: IndexItem[] | null = null;
  private weakIndex: IndexItem[] | null = null;
  private house = new Map<string, string>();

  /**
   * Add to `out` the query hashes an article's log would hold if its recognition could depend on
   * `names` (spellings) or `keys` in this lexicon: their folds, first words, keys and abbreviations,
   * and the entries they resolve to, with all those entries' spellings. False when an entry is a
   * country or continent (sports abbreviations and country lists then change too: recognise all).
   */
  touchedQueries(names: readonly string[], keys: readonly string[], out: Set<number>): boolean {
    const recs = new Set<Rec>();
    const spelling = (n: string, resolve: boolean) => {
      const f = nameFold(n);
      if (f) {
        out.add(queryHash(Q_FOLD, f));
        const sp = f.indexOf(' ');
        out.add(queryHash(Q_WORD, sp < 0 ? f : f.slice(0, sp)));
        if (resolve) { const r = this.recByFold(f); if (r) recs.add(r); }
      }
      out.add(queryHash(Q_KEY, placeKey(n)));
      out.add(queryHash(Q_ABBREV, n.replace(/\./g, '')));
    };
    for (const n of names) spelling(n, true);
    for (const k of keys) {
      out.add(queryHash(Q_KEY, k));
      const id = this.strongKey.get(k);
      const r = id ? this.byId.get(id) : undefined;
      if (r) recs.add(r);
    }
    for (const r of recs) {
      if (r.entry.kind === 'land' || r.entry.kind === 'werelddeel') return false;
      out.add(queryHash(Q_ID, r.entry.id));
      spelling(r.entry.name, false);
      for (const v of r.entry.variants) spelling(v, false);
    }
    return true;
  }
  static load(): PlaceLexicon {
    return runSteps(PlaceLexicon.loadSteps());
  }

  /** load in steps (see core/steps.ts). */
  static *loadSteps(): Steps<PlaceLexicon> {
    const lex = new PlaceLexicon();
    const g = loadGazetteerData();
    let row = 0;
    for (const [name, kind, country, parent, variants, flags, keys, folds] of g.places) {
      if ((++row & 1023) === 0) yield;
      // Rows without variants (most) carry a single key and fold: no split.
      const n = variants.length + 1;
      const k = keys === undefined ? undefined : variants.length === 0 ? [keys] : keys.split('|');
      const f = folds === undefined ? undefined : variants.length === 0 ? [folds] : folds.split('|');
      const fl = flags.length === 0 ? '' : flags;
      lex.addRow(name, kind, country, parent, variants, fl.includes('w'), fl.includes('h'), k && k.length === n ? k : undefined, f && f.length === n ? f : undefined);
      if (fl.includes('i')) { const rec = lex.recByFold(f ? f[0] : nameFoldOnce(name)); if (rec && !rec.weak) rec.initialWeak = true; }
    }
    yield;
    lex.weakBare = SortedNames.from(g.weakNames, g.weakFolds, g.weakNamesTitled);
    lex.namesChanged();
    yield;
    // Sports-results abbreviations: first three letters of a Dutch country name, shortest name wins.
    const best = new Map<string, string>();
    for (const rec of lex.byId.values()) {
      if (rec.entry.kind !== 'land' || rec.weak) continue;
      for (const n of [rec.entry.name]) {
        const p = fold(n).slice(0, 3);
        if (p.length < 3 || !/^[a-z]{3}$/.test(p)) continue;
        const cur = best.get(p);
        if (!cur || n.length < cur.length || (n.length === cur.length && n < cur)) { best.set(p, n); lex.countryAbbrev3.set(p, rec.entry.id); }
      }
    }
    return lex;
  }

  private noteFirstWord(f: string): void {
    const sp = f.indexOf(' ');
    const first = sp < 0 ? f : f.slice(0, sp);
    let n = 1;
    for (let q = sp; q >= 0; q = f.indexOf(' ', q + 1)) n++;
    const cur = this.firstWord.get(first) ?? 0;
    if (n > cur) this.firstWord.set(first, n);
  }

  /** Per token text: its fold, the longest name (in words) starting with its first folded word, and
   *  its transliteration key (TokenInfo.key, filled in by recognizePlaces when first needed), and
   *  what the lexicon answered for the fold and the key. Emptied whenever names are added (see
   *  namesChanged): an answer stays true only while the lexicon does not change. */
  private tokenInfo = new BoundedMemo<string, TokenInfo>(200_000);
  private namesChanged(): void { if (this.tokenInfo.size) this.tokenInfo.clear(); }

  /**
   * The answer for a token's fold, kept in `ti` with the query hashes a recording lookup logs for
   * it. It does not change while no names are added: a bare weak name's record, made on first use,
   * is kept under its fold (weakRec).
   */
  foldAnswerOf(ti: TokenInfo): Answer {
    return ti.foldAnswer ??= this.answer(Q_FOLD, ti.fold, this.recByFold(ti.fold));
  }

  /** The answer for a token's key (ti.key must be made), kept in `ti` likewise. */
  keyAnswerOf(ti: TokenInfo & { key: string }): Answer {
    return ti.keyAnswer ??= this.answer(Q_KEY, ti.key, this.recByKey(ti.key));
  }

  matchFoldOf(ti: TokenInfo): Rec | undefined { return this.foldAnswerOf(ti).rec ?? undefined; }

  matchKeyInfo(ti: TokenInfo & { key: string }): Rec | undefined { return this.keyAnswerOf(ti).rec ?? undefined; }

  private answer(tag: number, asked: string, rec: Rec | undefined): Answer {
    return { rec: rec ?? null, query: queryHash(tag, asked), recQuery: rec ? queryHash(Q_ID, rec.entry.id) : 0 };
  }
  tokenFold(text: string): TokenInfo {
    let info = this.tokenInfo.get(text);
    if (!info) {
      const f = nameFold(text);
      const sp = f.indexOf(' ');
      const fw = sp < 0 ? f : f.slice(0, sp);
      info = this.tokenInfo.set(text, { fold: f, lexWords: Math.max(this.firstWord.get(fw) ?? 0, this.weakBare.maxWordsFrom(fw)), wordQuery: queryHash(Q_WORD, fw), key: null,
        foldAnswer: null, keyAnswer: null });
    }
    return info;
  }

  private addName(name: string, id: string, folded?: string): void {
    this.namesChanged();
    if (name.length <= 5 && (ABBREV_RE.test(name) || name === 'VSt')) { this.abbrev.set(name.replace(/\./g, ''), id); return; }
    const f = folded ?? nameFoldOnce(name);
    if (!f) return;
    if (!this.exact.has(f)) this.exact.set(f, id);
    this.noteFirstWord(f);
  }

  private addRow(name: string, kind: PlaceKind, country: string | null, parent: string | null, variants: string[], weak: boolean, house: boolean, keys?: string[], folds?: string[]): void {
    this.namesChanged();
    const key = keys ? keys[0] : placeKey(name);
    if (!key) return;
    // Merge with an existing strong entry of the same key when the countries agree (or one is unknown):
    // "Charkov" (ISO oblast) and "Charkiv" (house spelling) are one place.
    let id: string | undefined;
    const nf = folds ? folds[0] : nameFoldOnce(name);
    const existing = this.exact.get(nf) ?? (weak ? undefined : this.strongKey.get(key));
    if (existing) {
      const rec = this.byId.get(existing)!;
      // (A river and the town named after it share a key, not a place: Dnjepr and Dnipro.)
      // (Nor do a country and a town: Portugal and Poortugaal, a village by Rotterdam.)
      const sameClass = WATER_KINDS.has(rec.entry.kind) === WATER_KINDS.has(kind) && (rec.entry.kind === 'land') === (kind === 'land');
      if ((!rec.entry.country || !country || rec.entry.country === country) && (sameClass || this.exact.get(nf) === existing)) id = existing;
    }
    if (id) {
      const rec = this.byId.get(id)!;
      const e = rec.entry;
      if (house && !this.house.has(id)) { if (!e.variants.includes(e.name)) e.variants.push(e.name); e.name = name; this.house.set(id, name); }
      else if (!e.variants.includes(name) && e.name !== name) e.variants.push(name);
      for (const v of variants) if (!e.variants.includes(v) && v !== e.name) e.variants.push(v);
      const p = KIND_PRIO[kind] ?? 0;
      if (p > rec.prio && !house) { /* keep the first (house/curated) kind unless stronger */ e.kind = kind; rec.prio = p; }
      if (house) { e.kind = kind; rec.prio = p; }
      e.country ??= country;
      e.parent ??= parent;
      if (!weak) rec.weak = false;
    } else {
      id = this.byId.has(key) ? `${key}~${(country ?? 'x').toLowerCase()}` : key;
      if (this.byId.has(id)) return;
      const entry: PlaceEntry = { id, name, kind, country, parent, variants: variants.length ? variants.filter((v) => v !== name) : [], source: 'gazetteer' };
      this.byId.set(id, newRec(entry, weak, false, KIND_PRIO[kind] ?? 0));
      if (house) this.house.set(id, name);
    }
    if (!weak && !this.strongKey.has(key)) this.strongKey.set(key, id);
    // A region's own name beats a country's variant of that spelling: "Georgia" is the US state
    // (the country is Georgië, which lists the English "Georgia" among its names).
    const taken = this.exact.get(nf);
    if (taken && taken !== id && !weak && REGION_KINDS.has(kind)) {
      const other = this.byId.get(taken)?.entry;
      if (other && other.kind === 'land' && nameFoldOnce(other.name) !== nf) this.exact.set(nf, id);
    }
    this.addName(name, id, nf);
    for (let vi = 0; vi < variants.length; vi++) {
      const v = variants[vi];
      this.addName(v, id, folds?.[vi + 1]);
      if (!weak && !/^[\p{Lu}.]{2,5}$/u.test(v)) { const vk = keys ? keys[vi + 1] : placeKey(v); if (vk && !this.strongKey.has(vk)) this.strongKey.set(vk, id); }
    }
    this.strongIndex = null;
  }

  /** weakBare.get, remembered: each lookup is a binary search of the 123,000 weak names (0.25-0.3 µs
   *  warm, more when the list is out of cache), and most capitalised words recognition asks about are
   *  in no list. (weakBare is set once, when the lexicon is loaded.) */
  private weakBareMemo = new BoundedMemo<string, string | null>(100_000);
  private weakBareName(f: string): string | undefined {
    let n = this.weakBareMemo.get(f);
    if (n === undefined) n = this.weakBareMemo.set(f, this.weakBare.get(f) ?? null);
    return n ?? undefined;
  }

  /** A record for a bare weak name, created on first use. */
  private weakRec(f: string): Rec | undefined {
    const n = this.weakBareName(f);
    if (n === undefined || this.exact.has(f) || this.weakSpelling.has(f)) return undefined;
    const key = placeKey(n);
    // A weak spelling that shares a key with a place from a Cyrillic-script country (or one the
    // archive taught) is a transliteration of it ("Kharkov"): it gets that place's id, but stays
    // weak. Elsewhere the same key is another name: "George" (a town in South Africa, and a first
    // name) is not Georgia, "War" is not the French department Var.
    const sk = this.strongKey.get(key) ?? (this.byId.has(key) ? key : undefined);
    const target = sk ? this.byId.get(sk)! : undefined;
    if (target && (target.entry.source === 'archive' || CYRILLIC_COUNTRIES.has(target.entry.country ?? ''))) {
      const rec = newRec(target.entry, true, false, 1);
      this.weakSpelling.set(f, rec);
      return rec;
    }
    // Its own id, from its own spelling: records are made on first use, in whatever order a thread
    // meets the names, so an id taken from a shared key would depend on that order.
    const id = `${key}~${f}`;
    if (this.byId.has(id)) return undefined;
    const entry: PlaceEntry = { id, name: n, kind: 'plaats', country: null, parent: null, variants: [], source: 'gazetteer' };
    const rec = newRec(entry, true, false, 1);
    this.byId.set(id, rec);
    this.exact.set(f, id);
    return rec;
  }

  private recByFold(f: string): Rec | undefined {
    const id = this.exact.get(f);
    if (id) return this.byId.get(id);
    const ws = this.weakSpelling.get(f);
    if (ws) return ws;
    return this.weakRec(f);
  }

  matchFold(f: string): Rec | undefined {
    return this.recByFold(f);
  }
  matchAbbrev(token: string): Rec | undefined {
    const id = this.abbrev.get(token.replace(/\./g, ''));
    return id ? this.byId.get(id) : undefined;
  }
  /** Whether a place has a curated house spelling (NOS: Koersk, Charkiv, Loehansk …). */
  hasHouseSpelling(id: string): boolean { return this.house.has(id); }
  matchKey(name: string): Rec | undefined {
    return this.recByKey(placeKey(name));
  }
  /** matchKey on a key already made. */
  recByKey(k: string): Rec | undefined {
    const id = this.strongKey.get(k);
    return id ? this.byId.get(id) : undefined;
  }
  matchCountryAbbrev3(token: string): Rec | undefined {
    const id = this.countryAbbrev3.get(fold(token));
    return id ? this.byId.get(id) : undefined;
  }
  /**
   * A sports-results country abbreviation: the first three letters of a country ("Fra", "Dui"), initials of a
   * two-part name ("ZAf", "WRu", "W-Rus", "Z-A" for Zuid-Afrika, Wit-Rusland), or three letters that spell
   * out, in order, exactly one country's name ("Svk", "Slk": Slowakije) — unless `spelledOut` is
   * false. Only used inside brackets.
   */
  matchCountryAbbrev(token: string, spelledOut = true): Rec | undefined {
    const f = fold(token);
    if (f.length === 3 && /^[a-z]{3}$/.test(f)) { const r = this.matchCountryAbbrev3(token); if (r) return r; }
    if (!this.countryNames) {
      this.countryNames = [];
      for (const rec of this.byId.values()) if (rec.entry.kind === 'land' && !rec.weak) this.countryNames.push([fold(rec.entry.name), rec.entry.id]);
    }
    const letters = f.replace(/-/g, '');
    if (!/^[a-z]{2,5}$/.test(letters)) return undefined;
    let hit: string | undefined;
    for (const [name, id] of this.countryNames) {
      const parts = name.split(/[- ]/).filter(Boolean);
      let ok = false;
      if (parts.length === 2 && (f.includes('-') || /^\p{Lu}\p{Ll}*\p{Lu}/u.test(token))) {
        // "W-Rus", "WRu", "Z-A", "ZAf": initial of the first part, start of the second.
        const [a, b] = f.includes('-') ? f.split('-') : [letters[0], letters.slice(1)];
        ok = a.length >= 1 && parts[0].startsWith(a) && b.length >= 1 && parts[1].startsWith(b);
      } else if (spelledOut && parts.length === 1 && letters.length === 3 && !f.includes('-') && name[0] === letters[0]) {
        let q = 1;
        for (let k = 1; k < name.length && q < 3; k++) if (name[k] === letters[q]) q++;
        ok = q === 3;
      }
      if (ok) { if (hit && hit !== id) return undefined; hit = id; }
    }
    return hit ? this.byId.get(hit) : undefined;
  }
  private countryNames: Array<[string, string]> | null = null;

  /** The entry with this id (gazetteer, learned or a weak name already met), if any. */
  entryById(id: string): PlaceEntry | undefined { return this.byId.get(id)?.entry; }

  /** Exact name (any spelling, any case) or, failing that, the same transliteration key. */
  lookup(name: string): PlaceEntry | undefined { return lookupIn(this, name); }

  /** Whether a name is known as a place that counts without context (strong or archive-confirmed). */
  isConfirmed(name: string): boolean { return isConfirmedIn(this, name); }

  /**
   * Names the archive uses as places in a clear context become places everywhere. A name needs one
   * strong fact ("het stadje X", "X in de regio Y", "ten noorden van X") or two weak ones ("in X").
   */
  addLearned(facts: PlaceFact[]): void {
    this.applyLearned(planLearned(facts));
  }

  /** Apply what the archive teaches (see planLearned; worker threads get the plan, not the facts). */
  applyLearned(plan: LearnedPlan): void {
    runSteps(this.applyLearnedSteps(plan));
  }

  /** applyLearned in steps (see core/steps.ts). */
  *applyLearnedSteps(plan: LearnedPlan): Steps<void> {
    this.namesChanged();
    let n = 0;
    // Gazetteer names the archive mostly uses otherwise become contested (see planLearned).
    for (const f of plan.contested) {
      const rec = this.recByFold(f);
      if (!rec || rec.prio >= KIND_PRIO.land || rec.learned) continue;
      rec.contested = true;
    }
    yield;
    for (const l of plan.learned) {
      if ((++n & 127) === 0) yield;
      const key = l.key, kind = l.kind, names = l.names;
      const parent = l.parent ? (this.lookup(l.parent)?.name ?? l.parent) : null;
      let rec: Rec | undefined;
      for (const n of names) { rec = this.recByFold(nameFold(n)); if (rec) break; }
      rec ??= (() => { const id = this.strongKey.get(key); return id ? this.byId.get(id) : undefined; })();
      if (rec) {
        if (!rec.learned || rec.learnedWeakOnly) rec.learnedWeakOnly = l.weakOnly;
        rec.learned = true;
        for (const n of names) { const ws = this.weakSpelling.get(nameFold(n)); if (ws) { this.weakSpelling.delete(nameFold(n)); this.exact.set(nameFold(n), ws.entry.id); } }
        const main = this.byId.get(rec.entry.id);
        if (main && main !== rec) { main.learned = true; }
        const e = rec.entry;
        if (kind && (e.kind === 'plaats' || e.kind === 'plaats-onbekend')) { e.kind = kind; rec.prio = KIND_PRIO[kind] ?? 0; }
        e.parent ??= parent;
        for (const n of names) if (n !== e.name && !e.variants.includes(n)) { e.variants.push(n); this.addName(n, e.id); }
        if (!this.strongKey.has(key)) this.strongKey.set(key, e.id);
      } else {
        const name = l.majority;
        let id = key;
        if (this.byId.has(id)) id = `${key}~a`;
        const entry: PlaceEntry = { id, name, kind: kind ?? 'plaats-onbekend', country: null, parent, variants: names.filter((n) => n !== name), source: 'archive' };
        this.byId.set(id, newRec(entry, false, true, KIND_PRIO[entry.kind] ?? 0, l.weakOnly));
        for (const n of names) this.addName(n, id);
        this.strongKey.set(key, id);
      }
    }
    this.strongIndex = null;
    this.namesChanged();
  }

  /** House style: display this place under `name` (e.g. NOS: Kyiv, Charkiv, Loehansk). */
  setPreferredSpelling(id: string, name: string): void {
    this.namesChanged();
    const rec = this.byId.get(id);
    if (!rec) return;
    const e = rec.entry;
    if (e.name !== name) {
      if (!e.variants.includes(e.name)) e.variants.push(e.name);
      e.variants = e.variants.filter((v) => v !== name);
      e.name = name;
    }
    this.house.set(id, name);
    this.addName(name, id);
  }

  /** Archive majority: display the spelling the archive uses most, unless a house spelling is set. */
  preferName(id: string, counts: Map<string, number>): void {
    if (this.house.has(id)) return;
    const rec = this.byId.get(id);
    if (!rec) return;
    let best: string | null = null, bestN = 0;
    for (const [n, c] of counts) {
      if (c > bestN && this.lookup(n)?.id === id) { best = n; bestN = c; }
    }
    if (best && best !== rec.entry.name) {
      const e = rec.entry;
      if (!e.variants.includes(e.name)) e.variants.push(e.name);
      e.variants = e.variants.filter((v) => v !== best);
      e.name = best;
    }
  }

  *entries(): Iterable<PlaceEntry> {
    for (const f of this.weakBare.allFolds()) this.weakRec(f);
    for (const r of this.byId.values()) yield r.entry;
  }

  private buildIndexes(): void {
    // Confirmed names (a few thousand) are indexed by transliteration key; the ~130k weak gazetteer
    // names only by their folded spelling (keys for them would cost seconds at start-up).
    const strong: IndexItem[] = [];
    const weak: IndexItem[] = [];
    for (const [f, id] of this.exact) {
      const rec = this.byId.get(id)!;
      if (rec.weak && !rec.learned) weak.push({ key: f, fold: f, id });
      else strong.push({ key: placeKeyPrefix(f), fold: f, id });
    }
    for (const [f, rec] of this.weakSpelling) weak.push({ key: f, fold: f, id: rec.entry.id });
    for (const [a, id] of this.abbrev) strong.push({ key: placeKeyPrefix(a), fold: a.toLowerCase(), id });
    strong.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    weak.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.strongIndex = strong;
    this.weakIndex = weak;
  }

  /**
   * Prefix completion tolerant of transliteration ("Kursk" and "Koers" find Koersk) and of one typo
   * in the typed prefix. Confirmed places first (by kind: countries before regions before towns), then
   * other gazetteer names.
   */
  complete(prefix: string, limit: number): PlaceEntry[] {
    if (limit <= 0) return [];
    const pk = placeKeyPrefix(prefix);
    if (!pk) return [];
    if (!this.strongIndex || !this.weakIndex) this.buildIndexes();
    const out: PlaceEntry[] = [];
    const seen = new Set<string>();
    const take = (items: IndexItem[], rank: (it: IndexItem) => number, max: number) => {
      const cands: Array<[number, Rec]> = [];
      for (const it of items) {
        if (seen.has(it.id)) continue;
        const rec = this.byId.get(it.id)!;
        cands.push([rank(it) * 100 - rec.prio * 5 + Math.min(rec.entry.name.length, 40) / 10, rec]);
      }
      cands.sort((a, b) => a[0] - b[0]);
      for (const [, rec] of cands) {
        if (out.length >= max) break;
        if (seen.has(rec.entry.id)) continue;
        seen.add(rec.entry.id);
        out.push(rec.entry);
      }
    };
    const pf = nameFold(prefix);
    const range = (idx: IndexItem[], p: string): IndexItem[] => {
      let lo = 0, hi = idx.length;
      while (lo < hi) { const m = (lo + hi) >> 1; if (idx[m].key < p) lo = m + 1; else hi = m; }
      const res: IndexItem[] = [];
      for (let i = lo; i < idx.length && idx[i].key.startsWith(p); i++) res.push(idx[i]);
      return res;
    };
    // The last typed letter may begin a multigraph ("Soedz|ja", "Kh|arkiv"): search from the key of the
    // prefix without it, ranking names whose spelling or key continues the full prefix first.
    const pkShort = pf.length > 2 && /[sztckjoeighy]$/.test(pf) ? placeKeyPrefix(prefix.slice(0, -1)) : pk;
    const strong = range(this.strongIndex!, pkShort.length < pk.length ? pkShort : pk);
    // Keys that go on with a letter class the last typed letter can begin ("Sudz" → zh/zj = Z: Soedzja)
    // rank right after exact key continuations.
    const cont = pkShort.length < pk.length ? (MULTIGRAPH_START[pf[pf.length - 1]] ?? '') : '';
    const contRank = (key: string) => cont && key.length > pkShort.length && key.startsWith(pkShort) && cont.includes(key[pkShort.length]);
    take(strong, (it) => (it.fold.startsWith(pf) ? 0 : it.key.startsWith(pk) ? 1 : contRank(it.key) ? 1.1 : 1.5), limit);
    if (out.length < limit && pf) {
      const weak = range(this.weakIndex!, pf).slice(0, 400);
      // (A bare name whose record was made after the index was built is in `exact` but not in the index.)
      for (const f of this.weakBare.withPrefix(pf, 400)) if (!this.weakSpelling.has(f)) weak.push({ key: f, fold: f, id: this.exact.get(f) ?? '' });
      for (const it of weak) if (!it.id) it.id = this.weakRec(it.fold)?.entry.id ?? this.exact.get(it.fold) ?? '';
      take(weak.filter((it) => it.id && this.byId.has(it.id)), () => 3, limit);
    }
    if (out.length < limit && pk.length >= 3 && pf.length >= 4) {
      // One typo in the prefix: scan the confirmed names that share the first key character, ranked by
      // how close the spelling is.
      const fuzzy: IndexItem[] = [];
      for (const it of range(this.strongIndex!, pk[0])) {
        if (!it.key.startsWith(pk) && prefixDistance(pk, it.key, 1) <= 1) fuzzy.push(it);
      }
      take(fuzzy, (it) => 4 + prefixDistance(pf, it.fold, 3), limit);
    }
    return out;
  }
}
