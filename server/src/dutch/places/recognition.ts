// Recognition: the place mentions of a text, with the lexicon and the text's own facts.

import { DATELINE_TAIL } from '../dateline';
import type { PlaceFact, PlaceKind, PlaceMention } from '../types';
import { sentences, tokenize, type Token, type Span } from '../tokens';
import { placeKey, nameFold } from '../translit';
import { looksLikeDemonym, PERSON_TITLES } from '../names';
import { CLUB_ROLE, CLUB_VERB, CYRILLIC_COUNTRIES, FUNCTION_INITIAL, LEADING_SYMBOLS, LOC_PREPS, NOUN_KIND, OPENERS, RESULT_BEFORE, SCORE_RE, SPORT_CUE, STRUCTURE_LAST, STRUCTURE_RE, STRUCTURE_TAILS, inBrackets, learnFacts, onlySpaces } from './context';
import { judgeCandidate, type Cand, type Verdict } from './accept';
import { type PlaceEntry, type PlaceLookup, type TokenInfo, isAllCaps, isCap, lookupIn, matchExactIn } from './lexicon';

// ---------------------------------------------------------------------------------------------
// Recognition

/**
 * The state of one recognizePlaces() call and the questions it asks about tokens. (A class rather
 * than closures made on each call: its methods are the same functions for every article, so V8's
 * optimised recogniser does not deoptimise on meeting a new closure.)
 */
export class PlaceScan {
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

  constructor(readonly text: string, readonly toks: readonly Token[], readonly sents: readonly Span[], readonly lexicon: PlaceLookup,
    readonly trace?: RuleTrace) {
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

  foldAt(k: number): string { return this.tf[k] ?? (this.tf[k] = this.lexicon.tokenFold(this.toks[k].text).fold); }

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

  /** Whether a candidate is a place mention here (accept.ts); a weak one may wait in `pending`. */
  accept(c: Cand): boolean {
    const v = judgeCandidate(this, c, this.trace);
    if (v === 'pending') this.pending.push(c);
    return v === 'accept';
  }
}


/** Called with the rule that decided each candidate (tests: which rule fires on which words). */
export type RuleTrace = (rule: string, verdict: Verdict, c: Cand) => void;

/** What recognition reads of a place fact of the text itself. */
interface LocalFact { name: string; kind: PlaceKind | null; parent: string | null; strength: PlaceFact['strength'] }

/** What laterSteps returns when a step pushed its own candidate (the caller goes on to the next token). */
const HANDLED = Symbol('handled');

/**
 * Steps 2-5 of recognizePlaces for the capitalised token i, after step 1 (the exact name) found
 * `best` (or null): the candidate that then stands, or HANDLED when a step pushed its own. Each
 * step a function of its own: their rarely taken branches (sports results, compounds, street
 * names, multi-word transliterations) then deoptimise only that function, not the recogniser's
 * loop (each deoptimisation there made V8 compile all of recognizePlaces again: docs/performance.md).
 */
function laterSteps(s: PlaceScan, local: Map<string, LocalFact>, i: number, ti: TokenInfo, best: Cand | null): Cand | null | typeof HANDLED {
  best = byTransliteration(s, i, ti, best);
  if (sportsResultCountry(s, i, best)) return HANDLED;
  if (compoundHead(s, local, i, best)) return HANDLED;
  if (streetOrBuilding(s, i, best)) return HANDLED;
  return best;
}

/** 2. The same transliteration key (Kharkiv, Zaporizhzhia, Luhansk), one to three words. */
function byTransliteration(s: PlaceScan, i: number, ti: TokenInfo, best: Cand | null): Cand | null {
  const { text, toks, lexicon } = s;
  const t = toks[i];
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
  return best;
}

/** 3. Sports results: a country abbreviation alone in brackets; pushes it. */
function sportsResultCountry(s: PlaceScan, i: number, best: Cand | null): boolean {
  const { text, toks, lexicon, out } = s;
  const t = toks[i];
  // 3. Sports results: "(Fra)", "( Ita )", "(Rus/W-Rus)", "(ZAf)": a country abbreviation alone in brackets.
  if ((!best || (best.weak && best.tj === i)) && t.text.length <= 6 && inBrackets(text, t.start, t.end) && /^[\p{Lu}][\p{L}-]{1,5}$/u.test(t.text) && /\p{Ll}/u.test(t.text)) {
    // After a slash the second slot is often the team ("De Gendt (Bel/Lot)": Lotto): there only a
    // country's first letters or initials count, not three letters found in order in its name
    // ("Lot" in Lesotho).
    const second = /\/\s*$/.test(text.slice(Math.max(0, t.start - 3), t.start));
    const r = t.text === 'VSt' ? lexicon.matchAbbrev('VSt') : lexicon.matchCountryAbbrev(t.text, !second);
    if (r) { out.push({ start: t.start, end: t.end, text: t.text, rec: r.entry, weak: false, contested: false, evidence: 'gazetteer', ti: i, tj: i }); return true; }
  }
  return false;
}

/** 4. A place inside a hyphenated compound ("Koersk-regio"); pushes it when accepted. */
function compoundHead(s: PlaceScan, local: Map<string, LocalFact>, i: number, best: Cand | null): boolean {
  const { toks, lexicon, out } = s;
  const t = toks[i];
  // 4. A place inside a hyphenated compound: "Koersk-regio", "Donbas-regio's".
  if (!best && t.text.includes('-')) {
    const parts = t.text.split('-');
    const head = parts[0];
    if (parts.slice(1).every((p) => /^\p{Ll}/u.test(p))) {
      const m = matchExactIn(lexicon, head);
      const lf = local.get(nameFold(head));
      const ok = m && (!m.rec.weak || m.rec.learned);
      if (ok) best = { start: t.start, end: t.start + head.length, text: head, rec: m!.rec.entry, weak: false, contested: false, evidence: 'gazetteer', ti: i, tj: i };
      else if (lf && lf.strength !== 'weak') best = { start: t.start, end: t.start + head.length, text: head, rec: lookupIn(lexicon, head) ?? { id: placeKey(head), name: lf.name, kind: lf.kind ?? 'plaats-onbekend', country: null, parent: null, variants: [], source: 'archive' }, weak: false, contested: false, evidence: 'context', ti: i, tj: i };
      if (best) { if (s.accept(best)) out.push(best); return true; }
    }
  }
  return false;
}

/** 5. Streets, squares and buildings by their head ("Wetstraat", "Koning Boudewijnstadion"); pushes it. */
function streetOrBuilding(s: PlaceScan, i: number, best: Cand | null): boolean {
  const { text, toks, lexicon, out } = s;
  const t = toks[i];
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
      const c: Cand = { start: toks[a].start, end: t.end, text: str, rec: lookupIn(lexicon, str) ?? { id: placeKey(str), name: str, kind: 'plaats', country: null, parent: null, variants: [], source: 'archive' }, weak: false, contested: false, evidence: 'context', ti: a, tj: i };
      // (Also at the start of a sentence, "Kloosterstraat 12 …"; an adverb such as "Stilaan" is the price.)
      if (!(s.next0(i) && isCap(s.next0(i)!.text) && s.adjacent(t, s.next0(i)!)) && !(a > 0 && PERSON_TITLES.has(toks[a - 1].text.toLowerCase()))) {
        if (best && best.start >= c.start) best = null;
        if (!best) { if (a < i && out.length && out[out.length - 1].end > c.start) out.pop(); out.push(c); return true; }
      }
    }
  }
  return false;
}

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
    const mr = j === i ? lexicon.matchFoldOf(ti) : lexicon.matchFold(lexicon.tokenFold(t.text).fold + ' ' + s.foldAt(j));
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

/**
 * All place mentions in `text`, sorted and non-overlapping. Exact names and transliteration keys
 * only (no fuzzy matching: "Koerkamp" is not "Koersk"); weak gazetteer names need context.
 */
export function recognizePlaces(text: string, lexicon: PlaceLookup, opts?: { facts?: readonly PlaceFact[]; trace?: RuleTrace }): PlaceMention[] {
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
  const s = new PlaceScan(text, toks, sents, lexicon, opts?.trace);
  const { out, pending, seeds, tf } = s;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (t.kind !== 'word' || !isCap(t.text)) { i++; continue; }
    let best: Cand | null = null;
    const ti = lexicon.tokenFold(t.text);
    const f0 = ti.fold;
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
