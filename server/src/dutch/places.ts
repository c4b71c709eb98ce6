// Place names: the lexicon (gazetteer + archive-learned names), context patterns that teach
// place facts ("het stadje Soedzja", "Marinovka in de provincie Wolgograd"), and recognition
// of place mentions in text. See docs/places.md for the decision rules.

import type { PlaceFact, PlaceKind, PlaceMention } from './types';
import { fold, nameWords, sentences, tokenize, wordOf, type Token, type Span } from './tokens';
import { placeKey, placeKeyPrefix, nameFold, nameFoldOnce, prefixDistance, titleFold } from './translit';
import { loadGazetteerData } from './gazetteer';
import { AGENT_VERBS, isOrganisationName, looksLikeDemonym, MEMBER_NOUNS, ORG_WORDS, PERSON_TITLES } from './names';
import { runSteps, type Steps } from '../core/steps';
import { BoundedMemo } from '../core/memo';

export interface PlaceEntry {
  id: string;
  name: string;
  kind: PlaceKind;
  country: string | null;
  parent: string | null;
  variants: string[];
  source: 'gazetteer' | 'archive';
}

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

const isCap = (w: string) => {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^[\p{Lu}]/u.test(w);
};
const isAllCaps = (w: string) => w.length >= 2 && /^[\p{Lu}.]+[\p{Ll}]?$/u.test(w) && !/\p{Ll}.*\p{Ll}/u.test(w);

interface IndexItem { key: string; fold: string; id: string }

/** What recognition needs of a token's text (see PlaceLexicon.tokenFold). */
interface TokenInfo {
  f: string;
  lexWords: number;
  sp: number;
  wordQuery: number;
  /** placeKey of the text, made when first needed (null until then). */
  key: string | null;
  /** What the lexicon answered for the fold `f` (PlaceLexicon.matchFoldOf; null until asked). */
  foldAnswer: Answer | null;
  /** The same for the key (PlaceLexicon.matchKeyInfo). */
  keyAnswer: Answer | null;
}

/** A lookup's answer kept for replay: the record found (or null) and the query hashes it logs. */
interface Answer { rec: Rec | null; query: number; recQuery: number }

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

// Query-log tags (see PlaceLexicon.startQueryLog).
const Q_FOLD = 1, Q_KEY = 2, Q_ABBREV = 3, Q_WORD = 4, Q_ID = 5;

/** 16-bit hash of a tagged lookup (FNV-1a, folded): collisions only make an update re-recognise more. */
export function queryHash(tag: number, s: string): number {
  let h = (0x811c9dc5 ^ tag) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return (h ^ (h >>> 16)) & 0xffff;
}

export class PlaceLexicon {
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

  // ---- What one article asked the lexicon (see startQueryLog) ----
  /** The distinct hashes logged, in order of first query, and a bit per hash for those in the list. */
  private queryLog: number[] | null = null;
  private queryBits = new Uint32Array(0x10000 >>> 5);
  private logHash(h: number): void {
    const bit = 1 << (h & 31);
    if (this.queryLog && (this.queryBits[h >>> 5] & bit) === 0) { this.queryBits[h >>> 5] |= bit; this.queryLog.push(h); }
  }
  private logQuery(tag: number, s: string): void {
    if (this.queryLog) this.logHash(queryHash(tag, s));
  }
  private logRec(rec: Rec | undefined): Rec | undefined {
    if (rec && this.queryLog) this.logHash(queryHash(Q_ID, rec.entry.id));
    return rec;
  }
  /** End a log: clear its bits; returns its hashes. */
  private endLog(): number[] {
    const log = this.queryLog ?? [];
    for (const h of log) this.queryBits[h >>> 5] = 0;
    this.queryLog = null;
    return log;
  }
  /**
   * Start recording, as 16-bit hashes, every name, key and first word looked up and every entry
   * found, until takeQueryLog(). An article whose log shares no hash with what a change of the
   * learned names touches (see touchedQueries) is recognised the same under the new lexicon.
   */
  startQueryLog(): void { this.endLog(); this.queryLog = []; }
  stopQueryLog(): void { this.endLog(); }

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
        if (resolve) { const r = this.recByFoldQuiet(f); if (r) recs.add(r); }
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
  /**
   * The distinct hashes recorded since startQueryLog(), sorted, one per UTF-16 code unit of a
   * string (the most compact way to keep ~77 of them for each of tens of thousands of articles,
   * and the cheapest for the garbage collector); stops recording.
   */
  takeQueryLog(): string {
    const sorted = Uint16Array.from(this.endLog()).sort();
    let out = '';
    for (let i = 0; i < sorted.length; i += 4096) out += String.fromCharCode(...sorted.subarray(i, Math.min(sorted.length, i + 4096)));
    return out;
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
   * matchFold(ti.f), the answer kept in `ti` (with the query hashes it logs). The answer for a fold
   * does not change while no names are added: a bare weak name's record, made on first use, is
   * kept under its fold (weakRec).
   */
  matchFoldOf(ti: TokenInfo): Rec | undefined {
    return this.replay(ti.foldAnswer ??= this.answer(Q_FOLD, ti.f, this.recByFoldQuiet(ti.f)));
  }

  /** matchKey of the token (its key ti.key must be made), the answer kept in `ti` likewise. */
  matchKeyInfo(ti: TokenInfo & { key: string }): Rec | undefined {
    return this.replay(ti.keyAnswer ??= this.answer(Q_KEY, ti.key, this.recByKeyQuiet(ti.key)));
  }

  private answer(tag: number, asked: string, rec: Rec | undefined): Answer {
    return { rec: rec ?? null, query: queryHash(tag, asked), recQuery: rec ? queryHash(Q_ID, rec.entry.id) : 0 };
  }

  /** Log a kept answer as the lookup would have (what was asked, and the entry found), and return its record. */
  private replay(a: Answer): Rec | undefined {
    if (this.queryLog) { this.logHash(a.query); if (a.rec) this.logHash(a.recQuery); }
    return a.rec ?? undefined;
  }
  tokenFold(text: string): TokenInfo {
    let info = this.tokenInfo.get(text);
    if (!info) {
      const f = nameFold(text);
      const sp = f.indexOf(' ');
      const fw = sp < 0 ? f : f.slice(0, sp);
      info = this.tokenInfo.set(text, { f, sp, lexWords: Math.max(this.firstWord.get(fw) ?? 0, this.weakBare.maxWordsFrom(fw)), wordQuery: queryHash(Q_WORD, fw), key: null,
        foldAnswer: null, keyAnswer: null });
    }
    if (this.queryLog) this.logHash(info.wordQuery);
    return info;
  }

  private addName(name: string, id: string, folded?: string): void {
    this.namesChanged();
    if (name.length <= 5 && (/^[\p{Lu}.]{2,5}$/u.test(name) || name === 'VSt')) { this.abbrev.set(name.replace(/\./g, ''), id); return; }
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
      const sameClass = WATER_KINDS.has(rec.entry.kind) === WATER_KINDS.has(kind);
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
    if (this.queryLog) { this.logQuery(Q_FOLD, f); return this.logRec(this.recByFoldQuiet(f)); }
    return this.recByFoldQuiet(f);
  }
  private recByFoldQuiet(f: string): Rec | undefined {
    const id = this.exact.get(f);
    if (id) return this.byId.get(id);
    const ws = this.weakSpelling.get(f);
    if (ws) return ws;
    return this.weakRec(f);
  }

  /** Internal: exact match on an already folded name. */
  matchFold(f: string): Rec | undefined {
    return this.recByFold(f);
  }
  /** Internal: exact (folded) match, with weakness. */
  matchExact(name: string): { rec: Rec } | undefined {
    const r = this.recByFold(nameFold(name));
    return r ? { rec: r } : undefined;
  }
  matchAbbrev(token: string): Rec | undefined {
    const a = token.replace(/\./g, '');
    this.logQuery(Q_ABBREV, a);
    const id = this.abbrev.get(a);
    return this.logRec(id ? this.byId.get(id) : undefined);
  }
  /** Whether a place has a curated house spelling (NOS: Koersk, Charkiv, Loehansk …). */
  hasHouseSpelling(id: string): boolean { return this.house.has(id); }
  matchKey(name: string): Rec | undefined {
    const k = placeKey(name);
    this.logQuery(Q_KEY, k);
    return this.logRec(this.recByKeyQuiet(k));
  }
  private recByKeyQuiet(k: string): Rec | undefined {
    const id = this.strongKey.get(k);
    return id ? this.byId.get(id) : undefined;
  }
  matchCountryAbbrev3(token: string): Rec | undefined {
    const id = this.countryAbbrev3.get(fold(token));
    return this.logRec(id ? this.byId.get(id) : undefined);
  }
  /**
   * A sports-results country abbreviation: the first three letters of a country ("Fra", "Dui"), initials of a
   * two-part name ("ZAf", "WRu", "W-Rus", "Z-A" for Zuid-Afrika, Wit-Rusland), or three letters that spell
   * out, in order, exactly one country's name ("Svk", "Slk": Slowakije). Only used inside brackets.
   */
  matchCountryAbbrev(token: string): Rec | undefined {
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
      } else if (parts.length === 1 && letters.length === 3 && !f.includes('-') && name[0] === letters[0]) {
        let q = 1;
        for (let k = 1; k < name.length && q < 3; k++) if (name[k] === letters[q]) q++;
        ok = q === 3;
      }
      if (ok) { if (hit && hit !== id) return undefined; hit = id; }
    }
    return this.logRec(hit ? this.byId.get(hit) : undefined);
  }
  private countryNames: Array<[string, string]> | null = null;

  /** The entry with this id (gazetteer, learned or a weak name already met), if any. */
  entryById(id: string): PlaceEntry | undefined { return this.byId.get(id)?.entry; }

  /** Exact name (any spelling, any case) or, failing that, the same transliteration key. */
  lookup(name: string): PlaceEntry | undefined {
    const ab = /^[\p{Lu}.]{2,5}$/u.test(name) ? this.matchAbbrev(name) : undefined;
    if (ab) return ab.entry;
    const r = this.recByFold(nameFold(name)) ?? this.matchKey(name);
    return r?.entry;
  }

  /** Whether a name is known as a place that counts without context (strong or archive-confirmed). */
  isConfirmed(name: string): boolean {
    const r = this.recByFold(nameFold(name)) ?? this.matchKey(name);
    return !!r && (!r.weak || r.learned);
  }

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

// ---------------------------------------------------------------------------------------------
// Learning from the archive

/** The evidence the archive gives about one name (all spellings of one key), and the verdict. */
export interface LearnDecision {
  key: string;
  /** The spellings, most frequent first. */
  names: string[];
  /** Place nouns, directions, "in het Duitse X", "X in de provincie Y". */
  strong: number;
  /** "in/uit/te/vanuit/nabij/rondom X" (and weak facts without a cue). */
  clear: number;
  /** "naar/bij/rond X": also said of people and organisations ("kijk naar Trump", "werkt bij Shell"). */
  loose: number;
  /** Uses that are not a place (PlaceFact.otherUses + partUses): "Trump zei", "Donald Trump", "Shell's", "de topman van Shell". */
  other: number;
  learned: boolean;
  /** The place facts about the name (not the otherUses records). */
  facts: PlaceFact[];
}

/** Water: never one place with a settlement or region of the same key. */
const WATER_KINDS = new Set<PlaceKind>(['rivier', 'zee']);

const CLEAR_CUES = new Set(['in', 'uit', 'te', 'vanuit', 'nabij', 'rondom']);

/**
 * Weighs, per name key, the archive's place uses against its other uses. A name is learned when it has
 * one strong fact or two clear ones ("in X") and its place uses (strong + clear + half the loose "naar/bij X")
 * are at least twice its other uses. A pure function of the facts, so the outcome can be compared between
 * updates (see docs/places.md).
 */
export function decideLearned(facts: PlaceFact[]): LearnDecision[] {
  return runSteps(decideLearnedSteps(facts));
}

/** decideLearned in steps (see core/steps.ts): an archive has hundreds of thousands of facts. */
export function* decideLearnedSteps(facts: PlaceFact[]): Steps<LearnDecision[]> {
  let n = 0;
  const groups = new Map<string, PlaceFact[]>();
  const keyOfFold = new Map<string, string>();
  const records: Array<Record<string, number>> = [];
  for (const f of facts) {
    if ((++n & 1023) === 0) yield;
    if (f.otherUses || f.partUses) { if (f.otherUses) records.push(f.otherUses); if (f.partUses) records.push(f.partUses); continue; }
    if (!f.name || isOrganisationName(f.name) || !plausibleName(f.name)) continue;
    const k = placeKey(f.name);
    if (!k) continue;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(f);
    keyOfFold.set(nameFold(f.name), k);
  }
  const other = new Map<string, number>();
  for (const r of records) {
    if ((++n & 255) === 0) yield;
    for (const name in r) {
      const k = keyOfFold.get(nameFold(name));
      if (k) other.set(k, (other.get(k) ?? 0) + r[name]);
    }
  }
  const out: LearnDecision[] = [];
  for (const [key, g] of groups) {
    if ((++n & 1023) === 0) yield;
    let strong = 0, clear = 0, loose = 0;
    const counts = new Map<string, number>();
    for (const f of g) {
      counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
      if (f.strength !== 'weak') strong++;
      else if (!f.cue || CLEAR_CUES.has(f.cue.toLowerCase())) clear++;
      else loose++;
    }
    const o = other.get(key) ?? 0;
    const placeUses = strong + clear + loose / 2;
    const learned = (strong >= 1 || clear >= 2) && placeUses >= 2 * o;
    const names = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map((e) => e[0]);
    out.push({ key, names, strong, clear, loose, other: o, learned, facts: g });
  }
  return out;
}

/** One name the archive teaches: what PlaceLexicon.applyLearned needs of its facts. */
export interface LearnedName {
  key: string;
  /** Its spellings, in the order the archive first uses them. */
  names: string[];
  /** The kind most strong facts give (first such kind on a tie), if any. */
  kind: PlaceKind | null;
  /** The parent region the first strong fact with one names. */
  parent: string | null;
  /** Learned from weak facts ("in X") only. */
  weakOnly: boolean;
  /** The spelling used most (first on a tie): the name of a place the gazetteer does not know. */
  majority: string;
}

/**
 * What the archive teaches a lexicon, reduced from all its place facts: the learned names and the
 * (folded) names whose non-place uses outweigh their place uses ("van May", "May zei"), in the
 * order PlaceLexicon.addLearned met them. Small (a few thousand names), so it is what the worker
 * threads receive instead of the facts; a pure function of the facts.
 */
export interface LearnedPlan { learned: LearnedName[]; contested: string[] }

export function planLearned(facts: PlaceFact[], decisions?: LearnDecision[]): LearnedPlan {
  return runSteps(planLearnedSteps(facts, decisions));
}

/** planLearned in steps (see core/steps.ts). */
export function* planLearnedSteps(facts: PlaceFact[], given?: LearnDecision[]): Steps<LearnedPlan> {
  const decisions = given ?? (yield* decideLearnedSteps(facts));
  let n = 0;
  // Contested: names used at least three times in a way that is not a place and at least twice as
  // often as in a place context (the lexicon then keeps only gazetteer names below countries).
  const other = new Map<string, number>();
  for (const f of facts) {
    if ((++n & 1023) === 0) yield;
    if (f.otherUses) for (const name in f.otherUses) { const k = nameFold(name); if (k) other.set(k, (other.get(k) ?? 0) + f.otherUses[name]); }
  }
  const placeUses = new Map<string, number>();
  for (const d of decisions) for (const name of d.names) placeUses.set(nameFold(name), d.strong + d.clear + d.loose / 2);
  yield;
  const contested: string[] = [];
  for (const [f, o] of other) if (!(o < 3 || o < 2 * (placeUses.get(f) ?? 0))) contested.push(f);
  const learned: LearnedName[] = [];
  for (const d of decisions) {
    if (!d.learned) continue;
    if ((++n & 255) === 0) yield;
    const g = d.facts;
    const strong = g.filter((f) => f.strength !== 'weak');
    const kinds = new Map<PlaceKind, number>();
    for (const f of strong) if (f.kind) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
    const kind = [...kinds.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    const parent = strong.find((f) => f.parent)?.parent ?? null;
    const counts = new Map<string, number>();
    for (const f of g) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
    const majority = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    learned.push({ key: d.key, names: [...new Set(g.map((f) => f.name))], kind, parent, weakOnly: strong.length === 0, majority });
  }
  return { learned, contested };
}

// ---------------------------------------------------------------------------------------------
// Context patterns

const NOUN_KIND: Record<string, PlaceKind> = {
  regio: 'regio', grensregio: 'regio', streek: 'regio', gewest: 'regio', district: 'regio', deelstaat: 'regio', zone: 'gebied',
  provincie: 'provincie', oblast: 'oblast', stad: 'stad', grensstad: 'stad', havenstad: 'stad', frontstad: 'stad', hoofdstad: 'hoofdstad',
  industriestad: 'stad', mijnstad: 'stad', mijnwerkersstad: 'stad', kuststad: 'stad', provinciehoofdstad: 'stad', garnizoensstad: 'stad',
  grensstadje: 'stadje', mijnstadje: 'stadje', havenstadje: 'stadje', frontstadje: 'stadje', kuststadje: 'stadje', grensplaats: 'plaats', frontdorp: 'dorp',
  stadje: 'stadje', dorp: 'dorp', dorpje: 'dorp', grensdorp: 'dorp', plaats: 'plaats', plaatsje: 'plaats', kustplaats: 'plaats',
  badplaats: 'plaats', woonplaats: 'plaats', gemeente: 'gemeente', deelgemeente: 'gemeente', eiland: 'eiland', schiereiland: 'schiereiland',
  rivier: 'rivier', land: 'land', republiek: 'land', deelrepubliek: 'regio', kanton: 'regio', wijk: 'plaats', gebied: 'gebied',
};
const PLURAL_NOUN: Record<string, PlaceKind> = {
  "regio's": 'regio', provincies: 'provincie', oblasten: 'oblast', steden: 'stad', stadjes: 'stadje', dorpen: 'dorp',
  plaatsen: 'plaats', plaatsjes: 'plaats', gemeenten: 'gemeente', gemeentes: 'gemeente', eilanden: 'eiland', landen: 'land',
  industriesteden: 'stad', grenssteden: 'stad', frontsteden: 'stad', havensteden: 'stad', grensdorpen: 'dorp',
};
// Only the place nouns above, in lower case or capitalised (sentence start), before a capitalised name.
const NOUN_RE = new RegExp(`(${[...Object.keys(NOUN_KIND), ...Object.keys(PLURAL_NOUN)]
  .flatMap((w) => [w, w[0].toUpperCase() + w.slice(1)]).sort((a, b) => b.length - a.length).join('|')})[ \\u00a0]+(?:de[ \\u00a0]+)?(?=[\\p{Lu}])`, 'gu');
const CYRILLIC_COUNTRIES = new Set(['UA', 'RU', 'BY', 'KZ', 'KG', 'TJ', 'BG', 'RS', 'MK', 'ME', 'BA', 'MN']);
const KIN_WORDS = /^(vrouw|man|zoon|dochter|vader|moeder|broer|zus|kinderen|familie|vriend|vriendin|weduwe|advocaat|ploeg|team|club|film|boek|album|nummer|werk|muziek|roman|collectie|beleid|regering|partij|aanhangers|handen|hand|kant|rol|dood|moord|leven|opvolger|voorganger|rivaal|tegenstander)$/;
// Prepositions that also go with organisations and people ("bij Ferrari", "tussen Metro en …").
const LOOSE_PREPS = new Set(['bij', 'tussen', 'via', 'richting']);
const NAME_PARTICLES = new Set(['de', 'da', 'del', 'della', 'di', 'do', 'dos', 'das', 'von', 'du', 'le', 'la']);
/** Key classes a multigraph can map to, by its first letter (see translit.ts): z → Z (zh, zj), s → S/Q (sh, sj, shch), … */
const MULTIGRAPH_START: Record<string, string> = { z: 'Z', s: 'SQ', c: 'C', k: 'C', t: 'C', o: 'U', i: 'I', e: 'I', y: 'I', g: 'H', h: 'H', j: 'ZI' };
/** Words that make a sentence a sports sentence (team sports results, players, competition). */
const SPORT_CUE = /\b(?:ploeg(?:en)?|thuisploeg|club|clubs|elftal|trainer|coach|doelman|keeper|spits|aanvaller|middenvelder|verdediger|speler|spelers|wedstrijd(?:en)?|uitwedstrijd|thuiswedstrijd|match|competitie|klassement|speeldag|doelpunt(?:en)?|goal|goals|penalty|strafschop|scheidsrechter|gelijkspel|scoorde|scoren|bekerfinale|beker|kampioen(?:schap)?|degradatie|play-offs|eerste klasse|tweede klasse|derby|supporters|transfer|bezoekers|aftrap|rust|eindstand|ruststand|voetbal|basketbal|volleybal|handbal|hockey)\b|\b\d{1,2} ?- ?\d{1,2}\b/iu;
/** "2-1", "2 - 1", "3 – 0" (not a year range). */
const SCORE_RE = /^\D{0,20}?\b\d{1,2} ?[-–] ?\d{1,2}\b(?! ?[-–])/u;
/** Kinds of place whose name can stand for a sports club (towns; countries as national teams stay places). */
/** Heads of street, square and building names (CoNLL and the news treat these as locations). */
const STRUCTURE_RE = /(?:straat|straatje|laan|lei|plein|pleintje|park|paleis|kerk|kathedraal|basiliek|abdij|museum|theater|schouwburg|ziekenhuis|stadion|gracht|brug|poort|kaai|dreef|steenweg|markt|zaal|kapel|begijnhof|kazerne|gevangenis|luchthaven)$/u;
/** The last three letters of every STRUCTURE_RE head: a cheap test before the regex. */
const STRUCTURE_TAILS = new Set(STRUCTURE_RE.source.replace(/^\(\?:|\)\$$/g, '').split('|').map((w) => w.slice(-3)));
/** The last letters of STRUCTURE_TAILS, per code unit (1: some tail ends with it): most words are out before slicing. */
const STRUCTURE_LAST = new Uint8Array(0x10000);
for (const t of STRUCTURE_TAILS) STRUCTURE_LAST[t.charCodeAt(t.length - 1)] = 1;
const CLUB_KINDS = new Set<PlaceKind>(['stad', 'stadje', 'dorp', 'plaats', 'gemeente', 'hoofdstad', 'plaats-onbekend']);
const RESULT_BEFORE = /\b(?:won|wint|winnen|gewonnen|verloor|verliest|verloren|verliezen|klopte|verslagen|ging onderuit|thuis|verloren)\b[^.;:!?]*\bvan\s*$/iu;
const CLUB_ROLE = /^(?:trainer|coach|doelman|keeper|spits|aanvaller|middenvelder|verdediger|speler|spelers|kapitein|voorzitter|supporters|fans|aanhang|bestuur|manager|elftal|kern|selectie|verdediging|aanval|ploeg|thuisploeg|doelpunt|doelpunten|goal|nederlaag|zege|overwinning|winst|doelpuntenmaker|middenveld|jeugd|scouts|scouting)$/;
const CLUB_VERB = /^(?:won|wint|winnen|verloor|verliest|verloren|speelde|speelt|spelen|scoorde|scoort|leidde|leidt|pakte|pakt|klopte|klopt|versloeg|verslaat|wipte|ontving|ontvangt|kwam|komt|stond|staat|hield|houdt|domineerde|trapte|opende|maakte|miste|degradeert|degradeerde|promoveert|promoveerde|kreeg|incasseerde|boog|trok)$/;
const OPENERS = '"“‘\'(–—-';
/** Symbols, format characters and decorative punctuation that can stand before the first word of a sentence
 * ("😀 In Koersk …", U+202E, "★", "…", "*"): skipped when deciding whether a word starts its sentence. */
const LEADING_SYMBOLS = /^[\p{S}\p{Cf}\p{Co}\p{Cn}\p{Pi}\p{Ps}\p{Pd}\p{Zs}\u2026*#•·\u200b-\u200f\u2060-\u2064\ufe0f]+$/u;
const LOC_PREPS = new Set(['in', 'bij', 'naar', 'rondom', 'nabij', 'uit', 'vanuit', 'rond', 'te', 'richting', 'via', 'tussen']);
const NAME_STOP = new Set(['de', 'het', 'een', 'deze', 'die', 'dat', 'dit', 'zijn', 'haar', 'hun', 'ons', 'onze', 'mijn', 'uw', 'wat', 'wie', 'welke',
  'ik', 'je', 'jij', 'u', 'hij', 'zij', 'ze', 'we', 'wij', 'jullie', 'men', 'er', 'daar', 'hier', 'alle', 'elk', 'elke', 'ieder', 'iedere', 'geen']);
const FUNCTION_INITIAL = new Set(['de', 'het', 'een', 'deze', 'die', 'dit', 'dat', 'in', 'volgens', 'ook', 'naar', 'uit', 'bij', 'van', 'voor', 'met', 'op', 'over', 'na', 'sinds', 'tijdens', 'door',
  'vanuit', 'rond', 'rondom', 'nabij', 'zowel', 'zelfs', 'alleen', 'maar', 'en', 'of', 'want', 'dus', 'toch', 'nu', 'toen', 'als', 'terwijl',
  'ook', 'daarna', 'tegen', 'tussen', 'onder', 'boven', 'richting', 'via', 'te', 'om', 'aan', 'dan', 'wel', 'niet', 'nog', 'al', 'vooral']);

/** Whether text[start, end) stands alone in brackets, possibly among "/"-separated items: "(Fra)", "( Ita )", "(Rus/W-Rus)", "(Fra/6)". */
function inBrackets(text: string, start: number, end: number): boolean {
  let p = start - 1;
  while (p >= 0 && text.charCodeAt(p) === 32) p--;
  // (Read inside the text only: an index past either end makes V8 deoptimise the recogniser.)
  const before = p >= 0 ? text[p] : '';
  let q = end;
  while (q < text.length && text.charCodeAt(q) === 32) q++;
  const after = q < text.length ? text[q] : '';
  if (before === '(') return after === ')' || after === '/';
  if (before === '/') {
    // "(Rus / W-Rus)": an item after "/" inside brackets opened on this line, not far back.
    const open = text.lastIndexOf('(', p), close = text.lastIndexOf(')', p), nl = text.lastIndexOf('\n', p);
    return open > close && open > nl && p - open < 16 && (after === ')' || after === '/');
  }
  return false;
}

interface NameSpan { name: string; start: number; end: number }

/** A capitalised name starting at `at` (1–4 capitalised words joined by single spaces, or by "van"/"de" inside). */
function nameAt(text: string, at: number, limit: number): NameSpan | null {
  const re = /[\p{Lu}][\p{L}\p{M}'’]*(?:-[\p{L}\p{M}'’]+)*/uy;
  re.lastIndex = at;
  let m = re.exec(text);
  if (!m || m.index + m[0].length > limit) return null;
  // A capitalised function word after a preposition starts a title ("in Door de pijngrens"), not a place.
  if (NAME_STOP.has(m[0].toLowerCase()) || FUNCTION_INITIAL.has(m[0].toLowerCase())) return null;
  let end = m.index + m[0].length;
  // "D66", "50Plus": a word glued to digits is not a place name.
  if (end < text.length && /[\p{N}]/u.test(text[end])) return null;
  let words = 1;
  while (words < 4) {
    const sp = /[ \u00a0]+/y; sp.lastIndex = end;
    const s = sp.exec(text);
    if (!s) break;
    const next = /[\p{Lu}][\p{L}\p{M}'’]*(?:-[\p{L}\p{M}'’]+)*/uy; next.lastIndex = s.index + s[0].length;
    const n = next.exec(text);
    // (A capitalised function word after a name starts the next sentence of a headline: "de regio Idlib Ook als …".)
    if (!n || n.index + n[0].length > limit || ORG_WORDS.has(fold(n[0])) || FUNCTION_INITIAL.has(n[0].toLowerCase()) || NAME_STOP.has(n[0].toLowerCase())) break;
    end = n.index + n[0].length;
    words++;
  }
  const name = text.slice(at, end);
  if (looksLikeDemonym(name) || ORG_WORDS.has(fold(name)) || isAllCaps(name.split(/\s/)[0])) return null;
  if (!plausibleName(name) || isOrganisationName(name) || (words > 1 && isOrganisationName(m[0]))) return null;
  const after = text.slice(end, end + 40);
  // "The New York Times", "Shell Nederland Raffinaderij": a name cut before an organisation word is a fragment.
  { const ow = /^[ \u00a0]+([\p{Lu}][\p{L}]*)/u.exec(after); if (ow && ORG_WORDS.has(fold(ow[1]))) return null; }
  // "Amsterdamse coffeeshops", "Haagse politiek": an adjective of place before a noun.
  if (words === 1 && /[^aeiouy]s(?:e|che)$/u.test(name) && /^[ \u00a0]+\p{Ll}/u.test(after) && !/^[ \u00a0]+(?:en|of)\b/u.test(after)) return null;
  // "Forum voor Democratie", "Michael P.", "Rutte II": the start of a longer name, an initial, an age in brackets.
  if (FRAGMENT_AFTER.test(after) || /^\.?[ \u00a0]*\(\d{1,3}\)/u.test(after)) return null;
  return { name, start: at, end };
}

/** Words before "in/naar/bij" that make the phrase not a location ("belang in X", "onderzoek naar X"). */
const NON_LOCATIVE_BEFORE = new Set(['belang', 'belangen', 'aandeel', 'aandelen', 'aandelenbelang', 'investering', 'investeringen', 'investeren', 'investeert',
  'investeerde', 'geïnvesteerd', 'interesse', 'vertrouwen', 'geloof', 'gelooft', 'geloven', 'zetel', 'zetels', 'meerderheid', 'rol', 'onderzoek', 'onderzoeken',
  'kijk', 'kijken', 'keek', 'keken', 'luister', 'luisteren', 'luisterde', 'zoektocht', 'vraag', 'verwijst', 'verwees', 'verwijzing', 'overstappen',
  'overstapten', 'overstapt', 'lonkt', 'lonken', 'wijst', 'wees', 'wezen', 'gericht', 'richten', 'grijpen', 'greep', 'verlangen', 'interview', 'column',
  'artikel', 'publicatie', 'verscheen', 'stemmen', 'stemde', 'stemt', 'stemden']);
/** Words before "bij" that make it an employer or a party ("werkt bij Shell", "lid bij GroenLinks"). */
const NON_LOCATIVE_BIJ = new Set(['werk', 'werkt', 'werken', 'werkte', 'werkten', 'werkzaam', 'baan', 'functie', 'lid', 'leden', 'actief', 'betrokken',
  'tekende', 'tekent', 'speelt', 'speelde', 'solliciteerde', 'vertrok', 'ontslagen', 'aangenomen', 'stage', 'klant', 'klanten', 'verzekerd']);

/** After a name: a connector and a capitalised word continue a longer name ("Forum voor Democratie", "Hof van Justitie"). */
const FRAGMENT_AFTER = /^[ \u00a0]+(?:voor|van|op|aan|am|an|upon|sur|der|den)(?:[ \u00a0]+(?:de|het|der|den|la|le))?[ \u00a0]+\p{Lu}/u;
/** Not a name a place could have: one letter ("D" of D66, "Michael P"), a roman numeral ("Rutte II"), a genitive "Trump's". */
function plausibleName(name: string): boolean {
  const words = name.split(/[ \u00a0]+/);
  const last = words[words.length - 1];
  if (last.length < 2 || /^[IVX]+$/.test(last) || /['’]s$/u.test(last)) return false;
  if (words[0].length < 2) return false;
  // "Beach Bum-stijl", "Al-ber-to": a compound with a lower-case part is a word, not a name.
  if (/-\p{Ll}/u.test(last) && !/^(?:al|el|as|ad|ar|an|at|az|ash|ul|ud)-/u.test(last.toLowerCase())) return false;
  return true;
}

function mkFact(n: NameSpan, sent: Span, kind: PlaceKind | null, strength: 'strong' | 'weak'): PlaceFact {
  return { name: n.name, start: n.start, end: n.end, kind, parent: null, parentKind: null, near: null, distanceKm: null,
    sentenceStart: sent.start, sentenceEnd: sent.end, strength };
}

/**
 * Place facts stated by the text itself: "de regio X", "het stadje X", "ten noordoosten van X",
 * "X … in de provincie Y" (parent), "X, op zo'n 30 kilometer van Y" (near), and the weaker "in/bij/naar X".
 */
export function learnPlaceFacts(text: string): PlaceFact[] {
  const sents = sentences(text);
  const facts = learnFacts(text, sents);
  const other = otherUses(text, sents);
  if (other) facts.push({ name: '', start: 0, end: 0, kind: null, parent: null, parentKind: null, near: null, distanceKm: null, sentenceStart: 0, sentenceEnd: 0, strength: 'weak', otherUses: other.uses, partUses: other.parts });
  return facts;
}

/** Verbs before a name that make it the one who speaks ("zegt Rutte", "aldus Trump"). */
const SAYING_BEFORE = new Set(['zegt', 'zei', 'zeggen', 'aldus', 'vindt', 'vond', 'denkt', 'dacht', 'schrijft', 'schreef', 'vertelt', 'vertelde',
  'verklaarde', 'verklaart', 'meldt', 'meldde', 'twitterde', 'twittert', 'stelt', 'stelde', 'benadrukt', 'benadrukte', 'waarschuwt', 'waarschuwde']);
const CONNECTORS = new Set(['voor', 'van', 'de', 'der', 'den', 'het', 'op', 'aan', 'am', 'upon']);

/**
 * How often each capitalised name is used in a way that is not a place (see PlaceFact.otherUses): a word of a
 * longer capitalised name ("Donald Trump", "Forum voor Democratie"), the subject of a verb of saying or acting
 * ("Shell maakt", "Rutte wil"), the one who speaks ("zegt Rutte"), a possessive ("Trump's", and "Baudets" when the
 * text also writes "Baudet"), after a title or a member noun ("premier Rutte", "de topman van Shell"), or with an
 * age in brackets ("Michael P. (34)"). Null when there is none.
 */
function otherUses(text: string, sents: readonly Span[]): { uses: Record<string, number>; parts: Record<string, number> } | null {
  const out: Record<string, number> = Object.create(null);
  const parts: Record<string, number> = Object.create(null);
  let any = false;
  const add = (n: string) => { out[n] = (out[n] ?? 0) + 1; any = true; };
  const addPart = (n: string) => { parts[n] = (parts[n] ?? 0) + 1; any = true; };
  const all = nameWords(text);
  const w = (k: number) => wordOf(text, all[k]);
  // The capitalised words, made when first asked (rarely: a capitalised word ending in -s).
  let capsWords: Set<string> | null = null;
  const capsHas = (x: string) => {
    if (!capsWords) { capsWords = new Set<string>(); for (const y of all) if (y.cap) capsWords.add(y.w!); }
    return capsWords.has(x);
  };
  let si = 0;
  const isInitial = new Uint8Array(all.length);
  for (let i = 0; i < all.length; i++) {
    while (si < sents.length && sents[si].end <= all[i].s) si++;
    if (i === 0 || (si < sents.length && all[i - 1].e <= sents[si].start)) isInitial[i] = 1;
  }
  const spaced = (a: number, b: number) => onlySpaces(text, all[a].e, all[b].s);
  for (let i = 0; i < all.length; i++) {
    if (!all[i].cap) continue;
    let a = i;
    // Skip a sentence-initial function word or title ("Volgens Trump", "Premier Rutte").
    const lw0 = w(a).toLowerCase();
    const titled0 = isInitial[a] && PERSON_TITLES.has(lw0);
    if (isInitial[a] && (FUNCTION_INITIAL.has(lw0) || NAME_STOP.has(lw0) || titled0)) {
      if (a + 1 < all.length && all[a + 1].cap && spaced(a, a + 1)) a++; else continue;
    }
    // The capitalised sequence a..b (connectors inside: "Forum voor Democratie", "Hof van Justitie").
    let b = a, capCount = 1;
    for (let j = a + 1; j < all.length && spaced(j - 1, j); j++) {
      if (all[j].cap) { b = j; capCount++; continue; }
      if (CONNECTORS.has(w(j)) && j + 1 < all.length && all[j + 1].cap && spaced(j, j + 1)) continue;
      break;
    }
    i = b;
    const first = w(a);
    // (An organisation named after a place, "FC Twente", "Universiteit Twente", "Lelystad Airport", says nothing against the place.)
    if (capCount > 1) {
      let org = false;
      for (let j = a; j <= b && !org; j++) if (all[j].cap && ORG_WORDS.has(fold(w(j)))) org = true;
      if (!org) for (let j = a; j <= b; j++) if (all[j].cap) addPart(w(j).replace(/['’]s$/u, ''));
    }
    const lastW = w(b);
    const whole = text.slice(all[a].s, all[b].e);
    let against = titled0;
    // Possessive: "Trump's", "Baudets" (when "Baudet" is written too).
    if (/['’]s$/u.test(lastW)) { add(whole.replace(/['’]s$/u, '')); continue; }
    if (capCount === 1 && /[^s]s$/.test(first) && capsHas(first.slice(0, -1))) against = true;
    const next = b + 1 < all.length ? all[b + 1] : undefined;
    const prev = a > 0 ? all[a - 1] : undefined;
    const nextAdj = next && onlySpaces(text, all[b].e, next.s);
    if (nextAdj && !next!.cap && AGENT_VERBS.has(w(b + 1)) && !(prev && LOC_PREPS.has(w(a - 1).toLowerCase()))) against = true;
    if (/^[ \u00a0]*\(\d{1,3}\)/.test(text.slice(all[b].e, all[b].e + 8))) against = true;
    if (prev && !prev.cap) {
      const pw = w(a - 1);
      if (PERSON_TITLES.has(pw) || SAYING_BEFORE.has(pw)) against = true;
      else if ((pw === 'van' || pw === 'bij') && a >= 2) {
        let k = a - 2;
        if (k >= 1 && /^(de|het)$/.test(w(k))) k--;
        if (MEMBER_NOUNS.has(w(a - 2)) || MEMBER_NOUNS.has(w(k))) against = true;
      }
    }
    if (against) add(whole);
  }
  return any ? { uses: out, parts } : null;
}

/** Whether text[from, to) is one or more spaces or no-break spaces (/^[ \u00a0]+$/ on the slice, without making it). */
function onlySpaces(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) { const c = text.charCodeAt(i); if (c !== 32 && c !== 160) return false; }
  return true;
}

/** Add a fact to a sentence's facts, or strengthen the one already there for the same name (which it returns). */
function pushFact(local: PlaceFact[], f: PlaceFact): PlaceFact {
  const dup = local.find((x) => x.start === f.start);
  if (dup) { if (f.strength === 'strong' && dup.strength === 'weak') Object.assign(dup, { kind: f.kind, strength: 'strong' }); return dup; }
  local.push(f);
  return f;
}

function learnFacts(text: string, sents: readonly Span[]): PlaceFact[] {
  const facts: PlaceFact[] = [];
  for (const sent of sents) {
    // Every pattern below needs a capitalised word after the first one: skip sentences without one.
    if (!/.[\p{Lu}]/su.test(text.slice(sent.start, sent.end))) continue;
    const s = text.slice(sent.start, sent.end);
    const local: PlaceFact[] = [];
    const base = sent.start; // (offsets in `s` + base = offsets in the text)
    // 1. Place nouns: "de regio Koersk", "het stadje Soedzja", "schiereiland de Krim", "de regio's Donetsk en Luhansk".
    const nounRe = NOUN_RE;
    nounRe.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = nounRe.exec(s)) !== null) {
      if (m.index > 0 && /[\p{L}-]/u.test(s[m.index - 1])) continue; // not the start of a word
      const noun = m[1].toLowerCase();
      const single = NOUN_KIND[noun];
      const plural = PLURAL_NOUN[noun];
      if (!single && !plural) continue;
      // A place noun that is itself part of a name ("Stad Antwerpen") is fine; "land" needs "het land X".
      if (noun === 'land' && !/het\s+$/.test(s.slice(0, m.index))) continue;
      const n = nameAt(text, base + m.index + m[0].length, sent.end);
      if (!n) continue;
      const f = pushFact(local, mkFact(n, sent, single ?? plural, 'strong'));
      // Parent: "X … in de regio Y" — the nearest earlier name in the sentence.
      const before = s.slice(0, m.index);
      if (/\bin\s+(?:de|het)\s+(?:[\p{L}-]+\s+)?$/u.test(before) && (single === 'regio' || single === 'provincie' || single === 'oblast' || single === 'gebied')) {
        const prev = local.filter((x) => x.end <= base + m!.index && x !== f).pop();
        const direct = /([\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*)?)\s+in\s+(?:de|het)\s+(?:[\p{L}-]+\s+)?$/u.exec(before);
        let child: PlaceFact | undefined = prev;
        if (direct) {
          const dn = nameAt(text, base + direct.index, base + direct.index + direct[1].length);
          // "Marinovka in de provincie Wolgograd": a name directly placed in a region is clear evidence.
          if (dn && !(direct.index === 0 && !LOC_PREPS.has(dn.name.toLowerCase()))) child = pushFact(local, mkFact(dn, sent, null, 'strong'));
        }
        if (child && child.name !== f.name) { child.parent = f.name; child.parentKind = f.kind; }
      }
      if (plural) {
        // "Donetsk en Luhansk", "Donetsk, Luhansk en Cherson"
        let end = n.end;
        for (;;) {
          const sep = /^(?:\s*,\s*|\s+en\s+)/.exec(text.slice(end, sent.end));
          if (!sep) break;
          const n2 = nameAt(text, end + sep[0].length, sent.end);
          if (!n2) break;
          pushFact(local, mkFact(n2, sent, plural, 'strong'));
          end = n2.end;
        }
      }
    }
    // 2. Direction: "ten noordoosten van (het stadje) X".
    const dirRe = /\bten\s+(?:noord|zuid|oost|west|noordoost|noordwest|zuidoost|zuidwest)en\s+van\s+(?:(?:de|het)\s+(?:[\p{Ll}]+\s+)?)?(?=[\p{Lu}])/gu;
    while ((m = dirRe.exec(s)) !== null) {
      const n = nameAt(text, base + m.index + m[0].length, sent.end);
      if (n) pushFact(local, mkFact(n, sent, null, 'strong'));
    }
    // 3. Distance: "op zo'n 30 kilometer van Pokrovsk" → near.
    const distRe = /\bop\s+(?:zo'n\s+|ongeveer\s+|circa\s+|ruim\s+|bijna\s+|nog\s+|slechts\s+|zowat\s+)?(\d+(?:[.,]\d+)?)\s+(kilometer|km|meter)\s+(?:ten\s+\p{L}+\s+)?(?:van|afstand\s+van)\s+(?=[\p{Lu}])/gu;
    while ((m = distRe.exec(s)) !== null) {
      const n = nameAt(text, base + m.index + m[0].length, sent.end);
      if (!n) continue;
      const nearFact = pushFact(local, mkFact(n, sent, null, 'weak'));
      const prev = local.filter((x) => x.end <= base + m!.index && x !== nearFact).pop();
      if (prev) {
        prev.near = n.name;
        const v = parseFloat(m[1].replace(',', '.'));
        prev.distanceKm = m[2] === 'meter' ? v / 1000 : v;
      }
    }
    // 4. Locative prepositions (weak): "in Koersk", "bij Marinovka", "naar Moskou".
    // (The word-start check is done by hand: a leading lookbehind makes the regex test every position.)
    const prepRe = /(in|bij|naar|rondom|nabij|uit|vanuit|rond|te)[ \u00a0]+(?=[\p{Lu}])/gu;
    while ((m = prepRe.exec(s)) !== null) {
      if (m.index > 0 && /[\p{L}-]/u.test(s[m.index - 1])) continue;
      const n = nameAt(text, base + m.index + m[0].length, sent.end);
      if (!n) continue;
      // "een belang in Air France-KLM", "onderzoek naar Trump", "kijk naar Rutte": not a place.
      const wb = /([\p{L}]+)[ \u00a0]*$/u.exec(s.slice(Math.max(0, m.index - 24), m.index));
      if (wb && (NON_LOCATIVE_BEFORE.has(wb[1].toLowerCase()) || (m[1] === 'bij' && NON_LOCATIVE_BIJ.has(wb[1].toLowerCase())))) continue;
      const f = pushFact(local, mkFact(n, sent, null, 'weak'));
      if (f.strength === 'weak') f.cue = m[1];
    }
    // 5. Apposition: "Koerachove, een industriestad …", "Soedzja, een stadje dat …".
    if (s.includes(', een ')) {
      const appRe = /([\p{Lu}][\p{L}'’-]+(?:[ \u00a0][\p{Lu}][\p{L}'’-]+)?),[ \u00a0]+een[ \u00a0]+(?:[\p{Ll}-]+[ \u00a0]+)?(stad|stadje|dorp|dorpje|grensdorp|industriestad|mijnstad|mijnwerkersstad|frontstad|havenstad|grensstad|kuststad|plaats|plaatsje)\b/gu;
      while ((m = appRe.exec(s)) !== null) {
        if (m.index > 0 && /[\p{L}-]/u.test(s[m.index - 1])) continue;
        const n = nameAt(text, base + m.index, base + m.index + m[1].length);
        if (n) pushFact(local, mkFact(n, sent, NOUN_KIND[m[2]] ?? null, 'strong'));
      }
    }
    // 6. "in het Canadese Gander", "in het Oost-Duitse Eisenach": the neuter article and an adjective of
    // place before a name is how Dutch introduces a town or region (strong).
    // Only after a locative preposition: "het Britse Thomson Directories" can be a company, "in het Duitse
    // Waldkirch" is a place.
    const adjRe = /(?:in|In|uit|Uit|naar|Naar|nabij|vanuit|Vanuit|rond|rondom|te)[ \u00a0]+het[ \u00a0]+([\p{Lu}][\p{L}-]*(?:se|sche))[ \u00a0]+(?=[\p{Lu}])/gu;
    while (s.includes('het ') && (m = adjRe.exec(s)) !== null) {
      if ((m.index > 0 && /[\p{L}-]/u.test(s[m.index - 1])) || !looksLikeDemonym(m[1])) continue;
      const n = nameAt(text, base + m.index + m[0].length, sent.end);
      if (n) pushFact(local, mkFact(n, sent, null, 'strong'));
    }
    // People named in the sentence ("president X", "X zei") are not places.
    for (const f of local) {
      const before = text.slice(Math.max(sent.start, f.start - 30), f.start).toLowerCase();
      const w = /([\p{L}-]+)\s+$/u.exec(before);
      if (w && PERSON_TITLES.has(w[1])) continue;
      facts.push(f);
    }
  }
  facts.sort((a, b) => a.start - b.start);
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Recognition

/**
 * The state of one recognizePlaces() call and the questions it asks about tokens. (A class rather
 * than closures made on each call: its methods are the same functions for every article, so V8's
 * optimised recogniser does not deoptimise on meeting a new closure.)
 */
class PlaceScan {
  /** Sentence-initial word tokens, decided on demand (only capitalised words and their neighbours are asked about): 1 = initial, 2 = not. */
  private readonly initialMemo: Uint8Array;
  /** Folded token texts, computed on demand (n-gram folds are token folds joined by spaces). */
  readonly tf: string[];
  private readonly sportMemo = new Map<number, boolean>();
  readonly out: Cand[] = [];
  /** Weak candidates without support in their sentence: places after all if the text places them elsewhere. */
  readonly pending: Cand[] = [];
  /** Names placed in a clear context in this text (strong, or weak right after "in/uit/naar/te …"). */
  readonly seeds = new Set<string>();

  constructor(readonly text: string, readonly toks: readonly Token[], readonly sents: readonly Span[], readonly lexicon: PlaceLexicon) {
    this.initialMemo = new Uint8Array(toks.length);
    this.tf = new Array(toks.length);
  }

  private hasNewline(from: number, to: number): boolean {
    const text = this.text;
    for (let p = from; p < to; p++) if (text.charCodeAt(p) === 10) return true;
    return false;
  }

  private isInitialAt(i: number): boolean {
    const { toks, sents } = this;
    if (toks[i].kind !== 'word') return false;
    // The sentence the token is in (or the next one): the first whose end lies after its start.
    const pos = toks[i].start;
    let lo = 0, hi = sents.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (sents[m].end <= pos) lo = m + 1; else hi = m; }
    const sentStart = lo < sents.length ? sents[lo].start : -1;
    // First word of a sentence, after opening quotes/dashes/brackets.
    let k = i - 1;
    let symbol = false;
    // (At most 8 tokens back: a run of 50,000 emoji must not make this quadratic.)
    while (k >= 0 && k >= i - 8 && toks[k].kind === 'punct' && toks[k].start >= sentStart && (OPENERS.includes(toks[k].text) || (LEADING_SYMBOLS.test(toks[k].text) && (symbol = true)))) k--;
    return k < 0 || toks[k].end <= sentStart || (toks[k].kind === 'punct' && ':;•|'.includes(toks[k].text)) || this.hasNewline(toks[k].end, toks[i].start)
      // "… rustig. 😀 Volgens …": the sentence splitter keeps a symbol-led sentence with the previous one.
      || (symbol && toks[k].kind === 'punct' && /^[.!?]+$/.test(toks[k].text));
  }

  /** Whether token k is the first word of a sentence. */
  initial(k: number): boolean {
    if (k < 0 || k >= this.toks.length) return false;
    let v = this.initialMemo[k];
    if (v === 0) this.initialMemo[k] = v = this.isInitialAt(k) ? 1 : 2;
    return v === 1;
  }

  foldAt(k: number): string { return this.tf[k] ?? (this.tf[k] = this.lexicon.tokenFold(this.toks[k].text).f); }

  /** b follows a after spaces only. */
  adjacent(a: Token, b: Token): boolean { return onlySpaces(this.text, a.end, b.start); }

  /** The token after k, if it is a word. */
  next0(k: number): Token | undefined { const n = this.toks[k + 1]; return n && n.kind === 'word' ? n : undefined; }

  /** Sports cue in the sentence around a mention (memoised per sentence). */
  sportSentence(pos: number): boolean {
    const { text, sents, sportMemo } = this;
    let lo = 0, hi = sents.length - 1, si = -1;
    while (lo <= hi) { const m = (lo + hi) >> 1; if (sents[m].end <= pos) lo = m + 1; else { si = m; hi = m - 1; } }
    if (si < 0) return false;
    let v = sportMemo.get(si);
    if (v === undefined) { v = SPORT_CUE.test(text.slice(sents[si].start, sents[si].end)); sportMemo.set(si, v); }
    return v;
  }
  /**
   * A town name used for its sports club ("tegen Westerlo", "Lokeren won", "de trainer van Anderlecht",
   * "Westerlo - Lokeren 2-1"): an organisation, not a place. Venues stay places ("in Lokeren").
   */
  isClubUse(c: Cand): boolean {
    const { text, toks } = this;
    const prev = c.ti > 0 ? toks[c.ti - 1] : undefined;
    const next = toks[c.tj + 1];
    const p = prev && prev.kind === 'word' ? prev.text.toLowerCase() : '';
    // A match pairing: "Westerlo - Lokeren", "Nederland--Italië" (a dash between two capitalised names, not a range of years).
    const dashBefore = prev && prev.kind === 'punct' && /^[-–—]{1,2}$/.test(prev.text) && c.ti >= 2 && toks[c.ti - 2].kind === 'word' && isCap(toks[c.ti - 2].text);
    const dashAfter = next && next.kind === 'punct' && /^[-–—]{1,2}$/.test(next.text) && toks[c.tj + 2]?.kind === 'word' && isCap(toks[c.tj + 2].text);
    const glued = /^[-–—]{2}/.test(text.slice(c.end, c.end + 2)) || /[-–—]{2}$/.test(text.slice(Math.max(0, c.start - 2), c.start));
    if ((dashBefore || dashAfter || glued) && (SCORE_RE.test(text.slice(c.end, Math.min(text.length, c.end + 40))) || this.sportSentence(c.start))) return true;
    const p2 = c.ti >= 2 && toks[c.ti - 2].kind === 'word' ? toks[c.ti - 2].text.toLowerCase() : '';
    if (p === 'bij' && /^(speelt|speelde|spelen|speelden|voetbalt|voetbalde|keept|keepte)$/.test(p2)) return true;
    // The cues below need a sports sentence (checked last: it is the expensive part).
    const cue =
      p === 'tegen' || p === 'versus' || p === 'vs'
      // "won zaterdag met 2-1 van Lokeren", "verloor van Anderlecht".
      || (p === 'van' && RESULT_BEFORE.test(text.slice(Math.max(0, c.start - 60), c.start)))
      // "de trainer van Westerlo", "de supporters van Anderlecht", "tekende bij Lokeren".
      || ((p === 'van' || p === 'bij' || p === 'voor') && CLUB_ROLE.test(p2))
      || (p === 'bij' && /^(tekende|tekent|traint|trainer|coach|kapitein)$/.test(p2))
      // "Westerlo won", "Lokeren verloor": the town as the subject of a sports verb.
      || (next !== undefined && next.kind === 'word' && CLUB_VERB.test(next.text.toLowerCase()) && !LOC_PREPS.has(p) && p !== 'te' && p !== 'op')
      // "Westerlo 2-1": a score right after the name.
      || (next !== undefined && next.kind === 'number' && SCORE_RE.test(text.slice(next.start, next.start + 12)));
    return cue && this.sportSentence(c.start);
  }

  accept(c: Cand): boolean {
    const { text, toks, lexicon, out, pending, seeds } = this;
    // Parties, clubs, media and institutions ("Ajax", "Trouw", "Provinciale Staten") are never places.
    if (isOrganisationName(c.text)) return false;
    const prev = c.ti > 0 ? toks[c.ti - 1] : undefined;
    const next = toks[c.tj + 1];
    const isInitial = this.initial(c.ti);
    // Part of a longer capitalised name (person, organisation, club): "Kamala Harris", "Club Brugge", "Washington Post".
    if (prev && prev.kind === 'word' && isCap(prev.text) && this.adjacent(prev, toks[c.ti]) && !/-$/.test(prev.text)) {
      const prevIsPlace = out.length > 0 && out[out.length - 1].tj === c.ti - 1;
      const pl = prev.text.toLowerCase();
      // "het Canadese Gander": an adjective of place before the name is not part of it.
      const prevFunction = (this.initial(c.ti - 1) && FUNCTION_INITIAL.has(pl)) || NOUN_KIND[pl] !== undefined
        || (c.ti >= 2 && /^[Hh]et$/.test(toks[c.ti - 2].text) && looksLikeDemonym(prev.text));
      if (!prevIsPlace && !prevFunction) return false;
    }
    if (next && next.kind === 'word' && isCap(next.text) && this.adjacent(toks[c.tj], next) && !isAllCaps(c.text)) {
      // "Koersk Getty …" cannot happen inside a sentence; a following capitalised word is part of the name.
      const nm = lexicon.matchExact(next.text);
      const nextIsPlace = nm && !nm.rec.weak;
      if (!nextIsPlace && !(next.start > 0 && this.initial(c.tj + 1))) return false;
    }
    if (prev && prev.kind === 'word' && PERSON_TITLES.has(prev.text.toLowerCase())) return false;
    if (CLUB_KINDS.has(c.rec.kind) && this.isClubUse(c)) return false;
    // "Marrero (Spa)", "Martinez ( Spa / 5 )": a name followed by a bracketed country abbreviation of another
    // country is an athlete ("Sevilla (Spa)", a stage town in its own country, stays a place).
    if (next && next.text === '(' && c.tj + 2 < toks.length && c.rec.kind !== 'land' && inBrackets(text, toks[c.tj + 2].start, toks[c.tj + 2].end)) {
      const cc = lexicon.matchCountryAbbrev(toks[c.tj + 2].text);
      if (cc && (!c.rec.country || cc.entry.country !== c.rec.country)) return false;
    }
    // "Roberto de Brasov", "Rafael de Utrera": a first name and a name particle make a person.
    if (prev && NAME_PARTICLES.has(prev.text) && c.ti >= 2) {
      const fn = toks[c.ti - 2];
      if (fn.kind === 'word' && isCap(fn.text) && this.adjacent(fn, prev) && !this.initial(c.ti - 2) && !lexicon.isConfirmed(fn.text)) return false;
    }
    // "Brussel 2000", "Parijs 2024": a place followed by a year names an event.
    if (next && next.kind === 'number' && /^(1[89]|20)\d\d$/.test(next.text) && this.adjacent(toks[c.tj], next)) return false;
    // "Universiteit van Gent", "Grote Prijs van de Verenigde Staten": a capitalised head + van (de) + place is a name.
    {
      let k = c.ti - 1;
      if (k >= 0 && /^(de|het|der|den)$/.test(toks[k].text)) k--;
      if (k >= 1 && /^(van|voor)$/.test(toks[k].text)) {
        const head = toks[k - 1];
        if (head.kind === 'word' && isCap(head.text) && !this.initial(k - 1) && !lexicon.isConfirmed(head.text)) return false;
      }
    }
    if (c.weak) {
      if (looksLikeDemonym(c.text)) return false;
      // A dateline: the name alone on its line ("Eisenach", "Zwalm").
      if (isInitial && (!next || /\n/.test(text.slice(toks[c.tj].end, next.start))) && !looksLikeDemonym(c.text)) {
        const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
        if (!/\S/.test(text.slice(lineStart, c.start))) return true;
      }
      if (isInitial) { pending.push(c); return false; }
      const p = prev && prev.kind === 'word' ? prev.text.toLowerCase() : '';
      if (c.contested) return LOC_PREPS.has(p) && !LOOSE_PREPS.has(p);
      if (LOC_PREPS.has(p)) { if (!LOOSE_PREPS.has(p)) seeds.add(nameFold(c.text)); return true; }
      // "de burgemeester van Eisenach", "de haven van Zeebrugge": a lower-case noun + van + the name.
      if (p === 'van' && c.ti >= 2 && toks[c.ti - 2].kind === 'word' && /^\p{Ll}{4,}$/u.test(toks[c.ti - 2].text) && !PERSON_TITLES.has(toks[c.ti - 2].text) && !KIN_WORDS.test(toks[c.ti - 2].text)) return true;
      // "het Canadese Gander", "in het Oost-Duitse Eisenach": a neuter article and an adjective of place.
      if (prev && looksLikeDemonym(prev.text) && c.ti >= 2 && /^(het|Het)$/.test(toks[c.ti - 2].text)) return true;
      // List continuation: "in Brussel, Gent en Westerlo".
      if ((p === 'en' || (prev && prev.text === ',')) && out.length > 0) {
        const last = out[out.length - 1];
        if (last.tj === c.ti - 2) return true;
      }
      pending.push(c);
      return false;
    }
    return true;
  }
}

interface Cand { start: number; end: number; text: string; rec: PlaceEntry; weak: boolean; contested: boolean; evidence: PlaceMention['evidence']; ti: number; tj: number }

/** What recognition reads of a place fact of the text itself. */
interface LocalFact { name: string; kind: PlaceKind | null; parent: string | null; strength: PlaceFact['strength'] }

/** What laterSteps returns when a step pushed its own candidate (the caller goes on to the next token). */
const HANDLED = Symbol('handled');

/**
 * Steps 2-5 of recognizePlaces for the capitalised token i, after step 1 found `best` (or null): the
 * candidate that then stands, or HANDLED when a step pushed its own. A function of its own, called
 * for every capitalised token, so that its rarely taken branches (sports results, compounds, street
 * names, multi-word transliterations) deoptimise only it: each deoptimisation inside the
 * recogniser's loop made V8 compile all of recognizePlaces again (docs/performance.md, round 7).
 */
function laterSteps(s: PlaceScan, local: Map<string, LocalFact>, i: number, ti: TokenInfo, best: Cand | null): Cand | null | typeof HANDLED {
  const { text, toks, lexicon, out } = s;
  const t = toks[i];
  // 2. Transliteration key (single or two words): Kharkiv, Zaporizhzhia, Luhansk.
  // Only mid-sentence, on names of five letters or more: short and sentence-initial words are too often
  // ordinary words whose skeleton happens to equal a place's ("Maar" ~ "Mar", "War" ~ "Var").
  // Multi-word names first ("Zeleny Shlyakh" for Zeleny Sjljach): two or three capitalised words
  // separated by single spaces, under the same conditions. A weak one-word candidate ("Zeleny", an
  // Alpino name) gives way to the longer name.
  if ((!best || (best.weak && best.tj === i)) && !isAllCaps(t.text) && !s.initial(i)) {
    let found = false;
    for (let n = 3; n >= 2 && !found; n--) {
      const last = toks[i + n - 1];
      if (!last) continue;
      let ok = true;
      for (let q = i; q < i + n && ok; q++) {
        const w = toks[q];
        ok = w.kind === 'word' && isCap(w.text) && (q === i || (w.start === toks[q - 1].end + 1 && text[toks[q - 1].end] === ' '));
      }
      if (!ok) continue;
      const str = text.slice(t.start, last.end);
      const r = lexicon.matchKey(str);
      if (r && r.entry.name.includes(' ') && r.entry.kind !== 'plaats-onbekend' && (r.entry.source === 'archive' || CYRILLIC_COUNTRIES.has(r.entry.country ?? '')))
      { best = { start: t.start, end: last.end, text: str, rec: r.entry, weak: false, contested: false, evidence: r.entry.source === 'archive' ? 'archive' : 'gazetteer', ti: i, tj: i + n - 1 }; found = true; }
    }
  }
  if (!best && !isAllCaps(t.text) && t.text.length >= 5 && (ti.key ??= placeKey(t.text)).length >= 4) {
    const r = lexicon.matchKeyInfo(ti as TokenInfo & { key: string });
    // Transliteration variance is a property of names from Cyrillic-script countries (and of names the
    // archive taught us); elsewhere a same-key word is a different word ("Ferrari" is not "Ferrara").
    // At the start of a sentence only names the archive placed in a strong context, or places with a
    // curated house spelling, count ("Sudzha werd beschoten", "Kursk ligt …"; not "Willen" ~ Wolynië).
    if (r && (r.entry.kind !== 'plaats' || (r.entry.source === 'archive' && !r.learnedWeakOnly)) && !looksLikeDemonym(t.text) && (r.entry.source === 'archive' || CYRILLIC_COUNTRIES.has(r.entry.country ?? ''))
      && (!s.initial(i) || (r.entry.source === 'archive' ? !r.learnedWeakOnly : lexicon.hasHouseSpelling(r.entry.id))))
      best = { start: t.start, end: t.end, text: t.text, rec: r.entry, weak: false, contested: false, evidence: r.entry.source === 'archive' ? 'archive' : 'gazetteer', ti: i, tj: i };
  }
  // 3. Sports results: "(Fra)", "( Ita )", "(Rus/W-Rus)", "(ZAf)": a country abbreviation alone in brackets.
  if ((!best || (best.weak && best.tj === i)) && t.text.length <= 6 && inBrackets(text, t.start, t.end) && /^[\p{Lu}][\p{L}-]{1,5}$/u.test(t.text) && /\p{Ll}/u.test(t.text)) {
    const r = t.text === 'VSt' ? lexicon.matchAbbrev('VSt') : lexicon.matchCountryAbbrev(t.text);
    if (r) { out.push({ start: t.start, end: t.end, text: t.text, rec: r.entry, weak: false, contested: false, evidence: 'gazetteer', ti: i, tj: i }); return HANDLED; }
  }
  // 4. A place inside a hyphenated compound: "Koersk-regio", "Donbas-regio's".
  if (!best && t.text.includes('-')) {
    const parts = t.text.split('-');
    const head = parts[0];
    if (parts.slice(1).every((p) => /^\p{Ll}/u.test(p))) {
      const m = lexicon.matchExact(head);
      const lf = local.get(nameFold(head));
      const ok = m && (!m.rec.weak || m.rec.learned);
      if (ok) best = { start: t.start, end: t.start + head.length, text: head, rec: m!.rec.entry, weak: false, contested: false, evidence: 'gazetteer', ti: i, tj: i };
      else if (lf && lf.strength !== 'weak') best = { start: t.start, end: t.start + head.length, text: head, rec: lexicon.lookup(head) ?? { id: placeKey(head), name: lf.name, kind: lf.kind ?? 'plaats-onbekend', country: null, parent: null, variants: [], source: 'archive' }, weak: false, contested: false, evidence: 'context', ti: i, tj: i };
      if (best) { if (s.accept(best)) out.push(best); return HANDLED; }
    }
  }
  // 5. Streets, squares and buildings by their head: "Wetstraat", "Van Kerckhovestraat", "Sint-Jansziekenhuis",
  // "Koning Boudewijnstadion", "Kaaitheater" (with the capitalised words right before it).
  if ((!best || best.weak) && t.text.length >= 6 && STRUCTURE_LAST[t.text.charCodeAt(t.text.length - 1)] === 1 && STRUCTURE_TAILS.has(t.text.slice(-3)) && !isAllCaps(t.text)) {
    const sm = STRUCTURE_RE.exec(t.text);
    if (sm && sm.index >= 3 && /\p{Ll}/u.test(t.text[sm.index - 1])) {
      let a = i;
      while (a > 0 && a > i - 3 && toks[a - 1].kind === 'word' && isCap(toks[a - 1].text) && s.adjacent(toks[a - 1], toks[a]) && !isAllCaps(toks[a - 1].text)
        && !(s.initial(a - 1) && FUNCTION_INITIAL.has(toks[a - 1].text.toLowerCase())) && !looksLikeDemonym(toks[a - 1].text)
        // "het Brusselse Jubelpark", "de Antwerpse Falconplein": an adjective of place after an article.
        && !(/(?:se|sche)$/u.test(toks[a - 1].text) && a >= 2 && /^(?:de|het|een|[Dd]e|[Hh]et)$/u.test(toks[a - 2].text)) && !(out.length && out[out.length - 1].tj === a - 1)) a--;
      const str = text.slice(toks[a].start, t.end);
      const c: Cand = { start: toks[a].start, end: t.end, text: str, rec: lexicon.lookup(str) ?? { id: placeKey(str), name: str, kind: 'plaats', country: null, parent: null, variants: [], source: 'archive' }, weak: false, contested: false, evidence: 'context', ti: a, tj: i };
      // (Also at the start of a sentence, "Kloosterstraat 12 …"; an adverb such as "Stilaan" is the price.)
      if (!(s.next0(i) && isCap(s.next0(i)!.text) && s.adjacent(t, s.next0(i)!)) && !(a > 0 && PERSON_TITLES.has(toks[a - 1].text.toLowerCase()))) {
        if (best && best.start >= c.start) best = null;
        if (!best) { if (a < i && out.length && out[out.length - 1].end > c.start) out.pop(); out.push(c); return HANDLED; }
      }
    }
  }
  return best;
}

/**
 * All place mentions in `text`, sorted and non-overlapping. Exact names and transliteration keys
 * only (no fuzzy matching: "Koerkamp" is not "Koersk"); weak gazetteer names need context.
 */
/** After a dateline's place: ", 3 maart", "(ANP)", then the dash that opens the story. */
const DATELINE_TAIL = /^(?:,[^\n()\-–—]{1,25})?[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?[-–—][ \t]/u;

/**
 * A dateline in capitals at the start of a line ("KYIV (ANP) -", "POKROVSK -", "KRYVYI RIH, 3 maart
 * (Reuters) —"): the place the story was filed from, a mention of it. One or two words.
 */
function datelineAt(s: PlaceScan, i: number, ti: TokenInfo): Cand | null {
  const { text, toks, lexicon } = s;
  const t = toks[i];
  for (let k = t.start - 1; k >= 0 && text[k] !== '\n'; k--) if (text[k] !== ' ' && text[k] !== '\t') return null;
  for (let j = Math.min(i + 1, toks.length - 1); j >= i; j--) {
    if (j > i && !(toks[j].kind === 'word' && isAllCaps(toks[j].text) && s.adjacent(toks[j - 1], toks[j]))) continue;
    if (!DATELINE_TAIL.test(text.slice(toks[j].end, toks[j].end + 60))) continue;
    const mr = j === i ? lexicon.matchFoldOf(ti) : lexicon.matchFold(lexicon.tokenFold(t.text).f + ' ' + s.foldAt(j));
    if (!mr) return null;
    return { start: t.start, end: toks[j].end, text: text.slice(t.start, toks[j].end), rec: mr.entry, weak: false, contested: false, evidence: 'gazetteer', ti: i, tj: j };
  }
  return null;
}

const CITY_KINDS = new Set<PlaceKind>(['stad', 'stadje', 'hoofdstad']);
const REGION_KINDS = new Set<PlaceKind>(['oblast', 'provincie', 'regio']);
const NOUN_BEFORE = /(\p{L}+)[ \u00a0]+$/u;

/**
 * What this mention is: the place's kind, unless the text says the other one of a city and its
 * region of the same name ("de stad Cherson", "de provincie Charkiv").
 */
function mentionKind(text: string, c: Cand): PlaceKind {
  const kind = c.rec.kind;
  if (!CITY_KINDS.has(kind) && !REGION_KINDS.has(kind)) return kind;
  const m = NOUN_BEFORE.exec(text.slice(Math.max(0, c.start - 30), c.start));
  const said = m ? NOUN_KIND[m[1].toLowerCase()] : undefined;
  if (!said) return kind;
  return (CITY_KINDS.has(kind) && REGION_KINDS.has(said)) || (REGION_KINDS.has(kind) && CITY_KINDS.has(said)) ? said : kind;
}

export function recognizePlaces(text: string, lexicon: PlaceLexicon, opts?: { facts?: readonly PlaceFact[] }): PlaceMention[] {
  const toks = tokenize(text);
  const sents = sentences(text);
  // Local context facts: names this text itself calls places (given when already learned from this
  // text: learnPlaceFacts(text), whose record of other uses has no name).
  const localFacts = opts?.facts ?? learnFacts(text, sents);
  // (Copied into records of one shape: the facts come decoded or freshly made, with or without a
  // cue, and each shape the recogniser meets for the first time would deoptimise it.)
  const local = new Map<string, LocalFact>();
  for (const f of localFacts) {
    if (!f.name) continue;
    const k = nameFold(f.name);
    const cur = local.get(k);
    if (!cur || (cur.strength === 'weak' && f.strength !== 'weak')) local.set(k, { name: f.name, kind: f.kind, parent: f.parent, strength: f.strength });
  }
  const s = new PlaceScan(text, toks, sents, lexicon);
  const { out, pending, seeds, tf } = s;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (t.kind !== 'word' || !isCap(t.text)) { i++; continue; }
    let best: Cand | null = null;
    const ti = lexicon.tokenFold(t.text);
    const f0 = ti.f;
    tf[i] = f0;
    const lexWords = ti.lexWords;
    const maxN = Math.max(lexWords, 1);
    // 1. Longest n-gram match on the exact (folded) name.
    if (!isAllCaps(t.text)) {
      // Adjacent word tokens after i (a name never spans punctuation other than hyphens inside a token).
      let reach = i;
      const maxReach = Math.min(maxN + 1, 6);
      while (reach + 1 < toks.length && reach - i + 1 < maxReach && toks[reach + 1].kind === 'word' && s.adjacent(toks[reach], toks[reach + 1])) reach++;
      for (let n = reach - i + 1; n >= 1 && !best; n--) {
        const j = i + n - 1;
        if (n > 1 && !isCap(toks[j].text)) continue; // a name ends on a capitalised word ("Zwarte Zee", "Nauw van Calais")
        let f = f0;
        for (let c = i + 1; c <= j; c++) f += ' ' + s.foldAt(c);
        const lf = local.size ? local.get(f) : undefined;
        let words = 1;
        if (lexWords > 0) for (let q = f.indexOf(' '); q >= 0; q = f.indexOf(' ', q + 1)) words++;
        const mr = lexWords > 0 && words <= lexWords ? (n === 1 ? lexicon.matchFoldOf(ti) : lexicon.matchFold(f)) : undefined;
        if (!mr && !lf) continue;
        const str = text.slice(t.start, toks[j].end);
        const m = mr ? { rec: mr } : undefined;
        if (m) {
          const learned = m.rec.learned;
          const weak = (m.rec.weak && !learned && !(lf && lf.strength !== 'weak')) || (m.rec.initialWeak && s.initial(i) && !learned && !(lf && lf.strength !== 'weak')) || (m.rec.learnedWeakOnly && s.initial(i) && m.rec.weak) || (m.rec.learnedWeakOnly && m.rec.entry.source === 'archive' && s.initial(i));
          const contested = m.rec.contested && !(lf && lf.strength !== 'weak');
          best = { start: t.start, end: toks[j].end, text: str, rec: m.rec.entry, weak: weak || contested, contested, evidence: m.rec.entry.source === 'archive' || (m.rec.weak && learned) ? 'archive' : lf && m.rec.weak ? 'context' : 'gazetteer', ti: i, tj: j };
        } else if (lf) {
          const viaKey = lexicon.matchKey(str);
          const entry: PlaceEntry = viaKey?.entry ?? { id: placeKey(str), name: lf.name, kind: lf.kind ?? 'plaats-onbekend', country: null, parent: lf.parent, variants: [], source: 'archive' };
          // A name this text only puts after a preposition ("bij Sabena") is not enough on its own.
          if (lf.strength !== 'weak' || viaKey) best = { start: t.start, end: toks[j].end, text: str, rec: entry, weak: false, contested: false, evidence: viaKey ? 'gazetteer' : 'context', ti: i, tj: j };
        }
      }
    } else {
      const ab = lexicon.matchAbbrev(t.text);
      if (ab) best = { start: t.start, end: t.end, text: t.text, rec: ab.entry, weak: false, contested: false, evidence: 'gazetteer', ti: i, tj: i };
      else best = datelineAt(s, i, ti);
    }
    const later = laterSteps(s, local, i, ti, best);
    if (later === HANDLED) { i++; continue; }
    best = later;
    if (best && s.accept(best)) { out.push(best); i = best.tj + 1; continue; }
    i++;
  }
  // Document-level consistency: a weak name this text uses as a place in a clear context ("in Westerlo")
  // is a place in its other mentions too ("Westerlo wil hem nochtans …").
  if (pending.length) {
    for (const c of out) if (!c.weak) seeds.add(nameFold(c.text));
    let added = false;
    for (const c of pending) {
      if (!seeds.has(nameFold(c.text)) || out.some((o) => o.start < c.end && c.start < o.end)) continue;
      out.push(c); added = true;
    }
    if (added) out.sort((a, b) => a.start - b.start);
  }
  return out.map((c) => ({ text: c.text, start: c.start, end: c.end, id: c.rec.id, name: c.rec.name, kind: mentionKind(text, c), evidence: c.evidence }));
}
