// Figures in Dutch news text: a number with its qualifier ("ruim", "zo'n"), unit ("vierkante
// kilometer", "procent", "miljoen euro") or counted noun ("Oekraïense krijgsgevangenen"), as an
// interval the wording commits to. Dates, years, clock times, ordinals, phone numbers, ids and
// version numbers are not figures. The rules are documented in docs/figures.md.
//
// Linear time: one tokenisation pass, bounded look-behind and look-ahead per number.

import type { Figure, Dimension, TimeExpression } from './types';
import { tokenize, type Token } from './tokens';
import { parseDutchNumber, parseDigits, isNumberWord, mayStartNumberWord, asciiLower } from './numbers';
import { UNIT_WORDS, CURRENCY_PREFIX, POND_MONEY, POND_WEIGHT, type UnitDef } from './units';
import { lemmatizeNoun } from './lemma';
import { extractTimeExpressions, MONTHS } from './time';

/** How a qualifier bounds the interval. */
export type QualifierKind =
  | 'approx'        // zo'n, ongeveer, circa: value ± slack
  | 'approxAbove'   // ruim, dik: (value, value + slack]
  | 'approxBelow'   // bijna, nog geen, krap, een kleine: [value - slack, value)
  | 'above'         // meer dan, boven de: (value, unbounded)
  | 'atLeast'       // zeker, minstens, ten minste: [value, unbounded)
  | 'below'         // minder dan, onder de: (unbounded, value)
  | 'atMost'        // hooguit, maximaal, tot wel: (unbounded, value]
  | 'exact';        // precies, maar liefst

export interface FigureOptions {
  /** Qualifier phrases (lower case, as written before the number) and their kind. */
  qualifiers: Record<string, QualifierKind>;
  /** Qualifiers written after the number ("200 of meer"). */
  postQualifiers: Record<string, QualifierKind>;
  /** Slack of bounded qualifiers: max(roundingFraction × rounding step, relative[kind] × |value|). */
  roundingFraction: number;
  relative: Record<'approx' | 'approxAbove' | 'approxBelow', number>;
  /** Slack used by plausibleInterval() on the open side of unbounded qualifiers:
   *  max(openRounding × rounding step, openRelative × |value|). */
  openRounding: number;
  openRelative: number;
  /** Vague quantities: word (lower case) → [low, high]. The figure's value is `low`. */
  vague: Record<string, [number, number]>;
  /** A bare number after "waaronder"/"waarvan"/"daarvan" inherits the counted noun of the figure it partitions. */
  inheritCounted: boolean;
  /** Reference date for time expressions (only used to recognise them; dates are never figures). */
  referenceDate: string | null;
  /** The time expressions of this same text, when the caller has them already
   *  (`extractTimeExpressions(text, anyDate)`; only their spans are used, which do not depend on the
   *  date). Saves finding them a second time. */
  timeExpressions?: readonly TimeExpression[];
}

export const DEFAULT_FIGURE_OPTIONS: FigureOptions = {
  qualifiers: {
    "zo'n": 'approx', 'zo’n': 'approx', 'zon': 'approx', 'ongeveer': 'approx', 'circa': 'approx', 'ca.': 'approx', 'ca': 'approx',
    'rond': 'approx', 'rond de': 'approx', 'rondom': 'approx', 'omstreeks': 'approx', 'zowat': 'approx', 'ruwweg': 'approx',
    'pakweg': 'approx', 'grofweg': 'approx', 'naar schatting': 'approx', 'bij benadering': 'approx', 'om en nabij': 'approx',
    'om en nabij de': 'approx', 'plusminus': 'approx', '±': 'approx', '~': 'approx', 'een slordige': 'approx', 'ongeveer de': 'approx',
    'ruim': 'approxAbove', 'dik': 'approxAbove', 'een dikke': 'approxAbove', 'een goede': 'approxAbove', 'ruimschoots': 'approxAbove',
    'bijna': 'approxBelow', 'nog geen': 'approxBelow', 'krap': 'approxBelow', 'een kleine': 'approxBelow', 'vrijwel': 'approxBelow',
    'nagenoeg': 'approxBelow', 'bijkans': 'approxBelow', 'haast': 'approxBelow', 'amper': 'approxBelow', 'nauwelijks': 'approxBelow',
    'ruim onder de': 'approxBelow', 'net geen': 'approxBelow', 'net onder de': 'approxBelow', 'net boven de': 'approxAbove',
    'meer dan': 'above', 'méér dan': 'above', 'ruim meer dan': 'above', 'hoger dan': 'above', 'groter dan': 'above',
    'groter is dan': 'above', 'groter als': 'above', 'hoger als': 'above', 'meer als': 'above', 'boven de': 'above', 'boven': 'above',
    'over de': 'above', '>': 'above',
    'zeker': 'atLeast', 'minstens': 'atLeast', 'ten minste': 'atLeast', 'tenminste': 'atLeast', 'op zijn minst': 'atLeast',
    "op z'n minst": 'atLeast', 'minimaal': 'atLeast', 'minimum': 'atLeast', 'niet minder dan': 'atLeast', 'niet minder als': 'atLeast',
    'groter of gelijk aan': 'atLeast', 'hoger of gelijk aan': 'atLeast', 'meer of gelijk aan': 'atLeast', 'gelijk of meer dan': 'atLeast',
    'minstens of gelijk aan': 'atLeast', 'niet kleiner als': 'atLeast', 'niet kleiner dan': 'atLeast', '>=': 'atLeast', '> =': 'atLeast', '≥': 'atLeast',
    'minder dan': 'below', 'lager dan': 'below', 'kleiner dan': 'below', 'kleiner als': 'below', 'lager als': 'below', 'minder als': 'below',
    'onder de': 'below', 'onder': 'below', 'beneden de': 'below', '<': 'below',
    'hooguit': 'atMost', 'maximaal': 'atMost', 'maximum': 'atMost', 'ten hoogste': 'atMost', 'hoogstens': 'atMost',
    'op zijn hoogst': 'atMost', "op z'n hoogst": 'atMost', 'niet meer dan': 'atMost', 'niet meer als': 'atMost', 'tot wel': 'atMost', 'tot': 'atMost',
    'tot maximaal': 'atMost', 'kleiner of gelijk aan': 'atMost', 'lager of gelijk aan': 'atMost', 'minder dan of gelijk aan': 'atMost',
    'gelijk aan of minder dan': 'atMost', 'kleiner of gelijk dan': 'atMost', 'lager of gelijk dan': 'atMost',
    'groter of gelijk dan': 'atLeast', 'hoger of gelijk dan': 'atLeast', '<=': 'atMost', '< =': 'atMost', '≤': 'atMost',
    'precies': 'exact', 'exact': 'exact', 'maar liefst': 'exact', 'liefst': 'exact', 'gelijk aan': 'exact', 'slechts': 'exact',
    'tussen': 'exact', 'tussen de': 'exact', 'van': 'exact', 'vanaf': 'atLeast', 'percentage van': 'exact',
  },
  postQualifiers: {
    'of meer': 'atLeast', 'of méér': 'atLeast', 'en meer': 'atLeast', 'of hoger': 'atLeast', 'of langer': 'atLeast', 'of ouder': 'atLeast',
    'of minder': 'atMost', 'of lager': 'atMost', 'of korter': 'atMost', 'of jonger': 'atMost',
    'of gelijk aan': 'exact', 'of evenveel': 'exact', 'of meer dan dat': 'atLeast',
  },
  roundingFraction: 0.5,
  relative: { approx: 0.1, approxAbove: 0.1, approxBelow: 0.1 },
  openRounding: 1,
  openRelative: 0.5,
  vague: {
    tientallen: [20, 99], honderden: [200, 999], duizenden: [2000, 9999], tienduizenden: [20000, 99999],
    honderdduizenden: [200000, 999999], miljoenen: [2e6, 999e6], miljarden: [2e9, 999e9],
    enkele: [2, 9], 'een paar': [2, 9], verschillende: [2, 9], meerdere: [2, 9], diverse: [2, 9], 'een handvol': [2, 9],
  },
  inheritCounted: true,
  referenceDate: null,
};

// Extra fields this module sets (additive to the shared Figure type).
export interface FigureExtra {
  /** True when `counted` was inherited from a figure this one partitions ("waaronder 75"). */
  countedInherited?: boolean;
  /** The qualifier kind, when there is a qualifier. */
  qualifierKind?: QualifierKind;
}

const MAGNITUDE_WORDS = new Set(['honderd', 'duizend', 'miljoen', 'miljard', 'biljoen', 'mln', 'mld', 'mrd', 'dozijn']);
const DENOM_WORDS = new Set(['derde', 'kwart', 'vierde', 'vijfde', 'zesde', 'zevende', 'achtste', 'negende', 'tiende', 'honderdste', 'derden', 'vijfden', 'achtsten']);
const ID_PREFIX = new Set(['artikel', 'art', 'nummer', 'nr', 'no', 'pagina', 'blz', 'p', 'hoofdstuk', 'paragraaf', 'lijn', 'bus', 'tram',
  'route', 'resolutie', 'editie', 'versie', 'groep', 'kamer', 'perron', 'spoor', 'gate', 'code', 'postcode', 'huisnummer', 'vlucht',
  'week', 'dag', 'stap', 'fase', 'niveau', 'level', 'categorie', 'klasse', 'ronde', 'etappe', 'speeldag', 'seizoen', 'aflevering', 'deel']);
const STOP = new Set(`de het een van in op aan bij met voor door naar uit over onder tegen tussen na om tot en of maar dat die dit deze
 er zijn is was waren werd werden wordt worden heeft hebben had hadden zal zullen zou zouden kan kunnen kon konden moet moeten mag mogen
 wil willen gaat gaan ging gingen komt komen kwam kwamen staat staan stond stonden ligt liggen lag lagen zegt zeggen zei meer minder dan als ook
 nog al wel niet geen zo te per keer daarvan waarvan ervan hiervan daaronder waaronder ze zij hij we wij jullie u ik hen hun haar zich hem
 jaar jaren procent weer dus toen nu hier daar waar wie wat welke elk elke ieder iedere alle allemaal beide andere ander anderen zelf
 zelfs slechts maar sinds vanaf tijdens volgens ondanks zonder binnen buiten achter langs rond via plus min dood omgekomen gewond
 gedood vermist gevangen verder later eerder ongeveer bijna ruim circa zeker minstens the of and to van's`.split(/\s+/).filter(Boolean));
const PARTITIVE = /\b(?:waaronder|waarvan|daarvan|daaronder|onder wie|van wie|onder hen|van hen|van hen zijn|onder andere|onder meer)\b/i;

/** Verbs after which "tot" gives the level reached, not an upper bound. */
const REACHED_BEFORE = /(?:opgelopen|oplopen|loopt\s+op|liep\s+op|gestegen|stijgt|steeg|stegen|gedaald|daalt|daalde|gegroeid|groeit|groeide|toegenomen|afgenomen|verhoogd|verlaagd|teruggebracht|uitgebreid|oplopend|van\s+[\d.,]+)\s+$/i;

const WEEKDAY = new Set(['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag']);

// Regex of unit words after a number, longest first, anchored.
const UNIT_KEYS = Object.keys(UNIT_WORDS).concat(['pond']).sort((a, b) => b.length - a.length);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const UNIT_RE = new RegExp(`^[ \\u00a0\\u2009\\u202f-]?(${UNIT_KEYS.map((k) => esc(k).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
const PREFIX_KEYS = Object.keys(CURRENCY_PREFIX).sort((a, b) => b.length - a.length);
const PREFIX_RE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${PREFIX_KEYS.map(esc).join('|')})[ \\u00a0]?$`, 'iu');
function qualifierRe(keys: string[], anchorEnd: boolean): RegExp {
  const sorted = keys.sort((a, b) => b.length - a.length);
  const alt = (ks: string[]) => ks.map((k) => esc(k).replace(/ /g, '\\s+')).join('|') || '(?!)';
  const words = sorted.filter((k) => /^[\p{L}]/u.test(k)), symbols = sorted.filter((k) => !/^[\p{L}]/u.test(k));
  return anchorEnd
    ? new RegExp(`(?:(?:^|[^\\p{L}\\p{N}'’])(${alt(words)})|(${alt(symbols)}))\\s*$`, 'iu')
    : new RegExp(`^\\s*(${alt(sorted)})(?![\\p{L}\\p{N}])(?!\\s+(?:dan|als)\\b(?!\\s+dat\\b))`, 'iu');
}

// Regexes and lookup maps compiled from the option tables, once per table object (the tables are
// treated as immutable): building the qualifier regexes per call cost a tenth of the time, and
// lookups of arbitrary words in a plain object are slow in V8 (megamorphic keyed loads).
const qualReCache = new WeakMap<object, RegExp>();
const postReCache = new WeakMap<object, RegExp>();
const vagueCache = new WeakMap<object, VagueTable>();
/** The vague-quantity words, and the first two letters (lower-case ASCII) a word needs to be one
 *  (or to be "een", which starts "een paar", "een dertigtal"). `mayStart[a << 7 | b]`: a word
 *  starting with lower-case ASCII a, b can start a figure: a number word, "helft", or a vague word. */
interface VagueTable { words: Map<string, [number, number]>; firstTwo: Set<number>; mayStart: Uint8Array }
function vagueTable(vague: Record<string, [number, number]>): VagueTable {
  const words = new Map(Object.entries(vague));
  const firstTwo = new Set<number>();
  for (const k of [...words.keys(), 'een']) if (k.length >= 2) firstTwo.add((k.charCodeAt(0) << 8) | k.charCodeAt(1));
  const mayStart = new Uint8Array(128 * 128);
  for (let a = 0; a < 128; a++) {
    for (let b = 0; b < 128; b++) {
      const pair = String.fromCharCode(a, b);
      if (firstTwo.has((a << 8) | b) || mayStartNumberWord(a, b) || 'helft'.startsWith(pair) || 'anderhalve'.startsWith(pair) || 'een'.startsWith(pair)) mayStart[(a << 7) | b] = 1;
    }
  }
  return { words, firstTwo, mayStart };
}

/** A word that can start no figure, judged by its first two characters when they are plain ASCII
 *  letters (readNumber and readVague would both say no). */
function cannotStartFigure(word: string, vague: VagueTable): boolean {
  if (word.length < 2) return false; // (no read past the end: V8 deoptimises the caller on it)
  const a = word.charCodeAt(0), b = word.charCodeAt(1);
  if (!(a < 0x80 && b < 0x80) || a === 0x2d || b === 0x2d) return false;
  return vague.mayStart[(asciiLower(a) << 7) | asciiLower(b)] === 0;
}
function cached<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) cache.set(key, v = make());
  return v;
}

/** The rounding step of a number as written: 10^k of its least significant non-zero digit. */
export function roundingStep(v: number): number {
  const a = Math.abs(v);
  if (!Number.isFinite(a) || a === 0) return 1;
  if (Number.isInteger(a)) {
    let g = 1;
    while (g * 10 <= a && (a / (g * 10)) % 1 === 0 && g < 1e15) g *= 10;
    return g;
  }
  for (let d = 1; d <= 6; d++) {
    const s = Math.pow(10, -d);
    if (Math.abs(Math.round(a / s) * s - a) < s * 1e-6) return s;
  }
  return 1e-6;
}

function slack(v: number, kind: 'approx' | 'approxAbove' | 'approxBelow', o: FigureOptions): number {
  return Math.max(roundingStep(v) * o.roundingFraction, Math.abs(v) * o.relative[kind]);
}

/** Interval [low, high] of a qualified value (null = unbounded). */
export function intervalFor(v: number, kind: QualifierKind | null, o: FigureOptions = DEFAULT_FIGURE_OPTIONS): [number | null, number | null] {
  switch (kind) {
    case 'approx': { const s = slack(v, 'approx', o); return [v - s, v + s]; }
    case 'approxAbove': return [v, v + slack(v, 'approxAbove', o)];
    case 'approxBelow': return [v - slack(v, 'approxBelow', o), v];
    case 'above': case 'atLeast': return [v, null];
    case 'below': case 'atMost': return [null, v];
    default: return [v, v];
  }
}

/** The bounded interval a reader would accept for a figure (in its written unit): unbounded sides
 *  are closed with max(openRounding × step, openRelative × |value|); "ruim 1.000" → [1000, 1500]. */
export function plausibleInterval(f: Figure, options: Partial<FigureOptions> = {}): [number, number] {
  const o: FigureOptions = Object.assign({}, DEFAULT_FIGURE_OPTIONS, options);
  const base = Math.abs(f.value) || Math.abs(f.low ?? 0) || Math.abs(f.high ?? 0);
  const open = Math.max(roundingStep(base) * o.openRounding, base * o.openRelative);
  let lo = f.low, hi = f.high;
  if (lo === null && hi === null) { lo = f.value - open; hi = f.value + open; }
  if (lo === null) lo = (hi as number) - open;
  if (hi === null) hi = lo + open;
  if (f.dimension !== 'temperature' && f.value >= 0 && lo < 0) lo = 0;
  return [lo, hi];
}

interface Num { value: number; start: number; end: number; endTok: number; words: boolean; digits: string | null; frac: boolean }

/** s.toLowerCase() === lower, for a lower-case ASCII `lower`, without building the lower-case string
 *  (no other character lower-cases to an ASCII letter but the Kelvin sign, to "k"). */
function lowerIs(s: string, lower: string): boolean {
  if (s.length !== lower.length) return false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k), l = lower.charCodeAt(k);
    if (c !== l && !(c >= 0x41 && c <= 0x5a && (c | 0x20) === l) && !(c === 0x212a && l === 0x6b)) return false;
  }
  return true;
}

function isLetter(c: string | undefined): boolean { return !!c && /[\p{L}\p{M}_]/u.test(c); }
function isDigit(c: string | undefined): boolean { return !!c && c >= '0' && c <= '9'; }

/** Extract the figures of `text`, sorted by start, non-overlapping. */
export function extractFigures(text: string, options?: Partial<FigureOptions>): (Figure & FigureExtra)[] {
  if (typeof text !== 'string' || !text) return [];
  // (Object.assign, not spread: V8 spreads an options object with other keys ~10× slower)
  const o: FigureOptions = options ? Object.assign({}, DEFAULT_FIGURE_OPTIONS, options) : DEFAULT_FIGURE_OPTIONS;
  const qualRe = cached(qualReCache, o.qualifiers, () => qualifierRe(Object.keys(o.qualifiers), true));
  const postRe = cached(postReCache, o.postQualifiers, () => qualifierRe(Object.keys(o.postQualifiers), false));
  const vague = cached(vagueCache, o.vague, () => vagueTable(o.vague));
  const toks = tokenize(text);
  // Spans that are never figures: time expressions, URLs, e-mail addresses.
  const blocked: { start: number; end: number }[] = [];
  for (const t of o.timeExpressions ?? extractTimeExpressions(text, o.referenceDate)) blocked.push({ start: t.start, end: t.end });
  for (const m of text.matchAll(/(?:https?:\/\/|www\.)[^\s]+/g)) blocked.push({ start: m.index!, end: m.index! + m[0].length });
  // e-mail addresses: expand around each "@" (bounded, so a long run of word characters stays linear)
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let a = at, b = at + 1;
    while (a > 0 && at - a < 64 && /[\w.+-]/.test(text[a - 1])) a--;
    while (b < text.length && b - at < 255 && /[\w.-]/.test(text[b])) b++;
    if (a < at && b > at + 1) blocked.push({ start: a, end: b });
  }
  blocked.sort((a, b) => a.start - b.start);
  let bi = 0;
  const isBlocked = (s: number, e: number): boolean => {
    while (bi < blocked.length && blocked[bi].end <= s) bi++;
    for (let k = bi; k < blocked.length && blocked[k].start < e; k++) if (blocked[k].end > s) return true;
    return false;
  };

  const out: (Figure & FigureExtra)[] = [];
  let i = 0;
  let lastEnd = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (t.start < lastEnd || (t.kind !== 'number' && t.kind !== 'word')) { i++; continue; }
    if (t.kind === 'word' && cannotStartFigure(t.text, vague)) { i++; continue; }
    const n = readNumber(text, toks, i);
    if (!n) {
      // vague quantities
      const vg = readVague(text, toks, i, o, vague);
      if (vg) { const f = finish(text, toks, vg, o, qualRe, postRe, out); if (f) { out.push(f); lastEnd = f.end; i = vg.endTok; continue; } }
      i++; continue;
    }
    if (isBlocked(n.start, n.end)) { i = n.endTok; continue; }
    // (built field by field: the same object shape as readVague's, so finish stays monomorphic)
    const f = finish(text, toks, { value: n.value, start: n.start, end: n.end, endTok: n.endTok, words: n.words, digits: n.digits, frac: n.frac, vague: null, vlow: undefined, vhigh: undefined }, o, qualRe, postRe, out);
    if (f) { out.push(f); lastEnd = f.end; while (i < toks.length && toks[i].start < f.end) i++; }
    else i = n.endTok;
  }
  mergeComparatives(text, out);
  if (o.inheritCounted) inheritCounted(text, out);
  return out;
}

interface Cand extends Num { vague: string | null; vlow?: number; vhigh?: number }

function readVague(text: string, toks: readonly Token[], i: number, o: FigureOptions, vague: VagueTable): Cand | null {
  const t = toks[i];
  if (t.kind !== 'word') return null;
  // cheap rejection of most words: the first two letters (when plain ASCII) must begin a vague word
  // (A one-letter word is not rejected here; 0x80 instead of reading past its end, which deoptimises.)
  const a = t.text.charCodeAt(0), b = t.text.length > 1 ? t.text.charCodeAt(1) : 0x80;
  if (a < 0x80 && b < 0x80 && !vague.firstTwo.has((asciiLower(a) << 8) | asciiLower(b))) return null;
  const w = t.text.toLowerCase();
  let key = w, endTok = i + 1;
  if (w === 'een' && i + 1 < toks.length && toks[i + 1].kind === 'word') {
    const nextLower = toks[i + 1].text.toLowerCase();
    const two = `een ${nextLower}`;
    if (vague.words.get(two)) { key = two; endTok = i + 2; }
    else {
      // "een dertigtal": about thirty
      const tal = /^(\p{L}+)tal$/u.exec(nextLower);
      if (tal && isNumberWord(tal[1])) {
        const v = parseDutchNumber(tal[1]);
        if (v !== null && v >= 10) {
          return { value: v, start: t.start, end: toks[i + 1].end, endTok: i + 2, words: true, digits: null, frac: false, vague: `een ${tal[1]}tal`, vlow: v - slack(v, 'approx', o), vhigh: v + slack(v, 'approx', o) };
        }
      }
      return null;
    }
  }
  const r = vague.words.get(key);
  if (!r) return null;
  // Determiners ("enkele", "verschillende") are vague counts only before a noun and not after an
  // article ("de verschillende partijen", "geen enkele").
  const numeric = /(?:tallen|den|nen|oenen|arden)$/.test(key);
  if (!numeric) {
    const prev = i > 0 ? toks[i - 1].text.toLowerCase() : '';
    if (['de', 'het', 'die', 'deze', 'dit', 'geen', 'een', 'elke', 'zijn', 'haar', 'hun', 'onze', 'mijn', 'jullie', 'alle', 'twee', 'zo'].includes(prev)) return null;
    const nx = toks[endTok];
    if (!nx || nx.kind !== 'word' || STOP.has(nx.text.toLowerCase())) return null;
  }
  return { value: r[0], start: t.start, end: toks[endTok - 1].end, endTok, words: true, digits: null, frac: false, vague: key, vlow: r[0], vhigh: r[1] };
}

/** Read a number (digits or words, with a magnitude word) starting at token i. */
function readNumber(text: string, toks: readonly Token[], i: number, inRange = false): Num | null {
  const t = toks[i];
  if (t.kind === 'number') {
    const before = text[t.start - 1];
    // attached to letters or other symbols: ids, hashes, codes (A2, F-16, MH17, Covid-19, 3a)
    if (isLetter(before) || before === '/' || before === '#' || before === '@' || before === '_') return null;
    if ((before === '-' || before === '.') && isLetter(text[t.start - 2])) return null;
    if (before === '.' || before === ',' && isDigit(text[t.start - 2])) return null;
    if (/\+\d[\d \-]*$/.test(text.slice(Math.max(0, t.start - 24), t.start))) return null; // +31 6 12 34 56 78
    if (before === '+' ) return null; // phone numbers, +31
    // the tail of "06-12345678", a score "2-1" or a range not read as one: not a figure on its own
    if (!inRange && (before === '-' || before === '–') && isDigit(text[t.start - 2])) return null;
    let raw = t.text;
    let end = t.end;
    let endTok = i + 1;
    // trailing dot of a sentence ("192.") is punctuation
    if (/[.,]$/.test(raw)) { raw = raw.slice(0, -1); end--; }
    const after = end < text.length ? text[end] : '';
    // ordinals 3e, 3de, 21ste; attached letters other than unit symbols (ids, hashes)
    if (isLetter(after)) {
      const m = /^(\p{L}+)/u.exec(text.slice(end, end + 12));
      const suf = m ? m[1].toLowerCase() : '';
      if (/^(e|de|ste|ste|en)$/.test(suf)) return null;
      if (!(UNIT_RE.test(text.slice(end, end + 20)) || suf === 'k' || suf === 'mln' || suf === 'mld' || suf === 'pond')) return null;
    }
    // ordinal with a trailing dot and lower-case continuation in lists is rare; phone-like and ids:
    const digitsOnly = raw.replace(/\D/g, '');
    if (/^0\d{2,}$/.test(raw) && digitsOnly.length >= 3) return null;   // 0612345678, 020
    if (digitsOnly.length >= 9 && /^\d+$/.test(raw) && /\d[ -]\d/.test(text.slice(end, end + 3))) return null;
    if (/^\d+-\d/.test(text.slice(t.start, t.start + 30)) && /^\d{2,4}-\d{6,}/.test(text.slice(t.start, t.start + 30))) return null;
    if (/\d[-/]\d+[-/]\d/.test(text.slice(t.start, Math.min(text.length, t.start + 30)).replace(/^(\d+[-/]\d+[-/]\d+).*/, '$1'))) return null; // 1-2-3 codes, dates handled elsewhere
    if (/^\d+\.\d+\.\d+/.test(text.slice(t.start, t.start + 40)) && parseDigits(raw) === null) return null;   // 1.2.3.4, versions
    let v = parseDigits(raw);
    if (v === null) return null;
    let lead = 0;
    if (before === ',' && !isDigit(text[t.start - 2]) && /^\d+$/.test(raw)) { v = parseDigits(',' + raw); lead = 1; } // ",08"
    if (v === null) return null;
    // space-grouped thousands: "40 000", "1 234 567"
    let j = i + 1;
    let grouped = raw;
    while (j < toks.length && toks[j].kind === 'number' && /^\d{3}(?:,\d+)?$/.test(toks[j].text) && /^[ \u00a0\u2009\u202f]$/.test(text.slice(end, toks[j].start)) && /^\d{1,3}$/.test(raw)) {
      const sep = text.slice(end, toks[j].start);
      const cand = grouped + sep + toks[j].text;
      // a plain space groups only when the first group has 2–3 digits or more groups follow
      if (sep === ' ' && raw.length === 1 && grouped === raw && !(j + 1 < toks.length && toks[j + 1].kind === 'number' && /^\d{3}/.test(toks[j + 1].text) && text.slice(toks[j].end, toks[j + 1].start) === ' ')) break;
      const pv = parseDigits(cand);
      if (pv === null) break;
      grouped = cand; v = pv; end = toks[j].end; endTok = j + 1; j++;
    }
    let frac = false;
    // fractions "3/4", "2 1/4"
    if (text[end] === '/' && isDigit(text[end + 1])) {
      const m = /^\/(\d{1,3})(?![\d/.])/.exec(text.slice(end, end + 6));
      if (!m || Number(m[1]) === 0) return null;
      v = v / Number(m[1]);
      end += m[0].length; frac = true;
      while (endTok < toks.length && toks[endTok].start < end) endTok++;
    } else if (endTok < toks.length && toks[endTok].kind === 'number' && /^ {1,2}$/.test(text.slice(end, toks[endTok].start)) && toks[endTok].end < text.length && text[toks[endTok].end] === '/' && Number.isInteger(v)) {
      const m = /^(\d{1,2})\/(\d{1,2})(?![\d/])/.exec(text.slice(toks[endTok].start, toks[endTok].start + 8));
      if (m && Number(m[2]) > Number(m[1]) && Number(m[2]) > 0) {
        v = v + Number(m[1]) / Number(m[2]);
        end = toks[endTok].start + m[0].length; frac = true;
        while (endTok < toks.length && toks[endTok].start < end) endTok++;
      }
    }
    // negative: "-1", "min 5", "€ -12"
    let start = t.start - lead;
    if ((before === '-' || before === '−') && !isDigit(text[t.start - 2]) && !isLetter(text[t.start - 2]) && text[t.start - 2] !== '-' ) { v = -v; start--; }
    else if (i > 0 && /^(?:min|minus)$/i.test(toks[i - 1].text) && text.slice(toks[i - 1].end, t.start) === ' ') { v = -v; start = toks[i - 1].start; }
    // magnitude word: "2,5 miljoen", "1,2 miljard", "5 duizend", "10k"
    const mag = /^[ \u00a0]?(miljoen|miljard|biljoen|duizend|honderd|dozijnen|dozijn|gros|mln\.?|mld\.?|mrd\.?|k)(?![\p{L}\p{N}])/iu.exec(text.slice(end, end + 12));
    if (mag) {
      const w = mag[1].toLowerCase().replace('.', '');
      const mult = w.startsWith('dozijn') ? 12 : w === 'gros' ? 144 : w === 'miljoen' || w === 'mln' ? 1e6 : w === 'miljard' || w === 'mld' || w === 'mrd' ? 1e9 : w === 'biljoen' ? 1e12 : w === 'duizend' || w === 'k' ? 1e3 : 100;
      if (!(w === 'k' && /\s/.test(mag[0]))) {
        v = v * mult; end += mag[0].length;
        while (endTok < toks.length && toks[endTok].start < end) endTok++;
      }
    }
    if (!Number.isFinite(v)) return null;
    return { value: v, start, end, endTok, words: false, digits: raw, frac };
  }
  // number words
  if (t.kind !== 'word') return null;
  // most words are not numbers: decide that before lower-casing it or looking at the next word
  const w0 = t.text;
  if (!(lowerIs(w0, 'een') || lowerIs(w0, 'helft') || lowerIs(w0, 'anderhalf') || lowerIs(w0, 'anderhalve') || isNumberWord(w0))) return null;
  const lw = w0.toLowerCase();
  const next = toks[i + 1];
  const nextW = next && next.kind === 'word' ? next.text.toLowerCase() : '';
  // "de helft"
  if (lw === 'helft' && i > 0 && toks[i - 1].text.toLowerCase() === 'de') {
    return { value: 0.5, start: toks[i - 1].start, end: t.end, endTok: i + 1, words: true, digits: null, frac: true };
  }
  if (lw === 'anderhalf' || lw === 'anderhalve') {
    // fall through to the generic reader
  } else if (lw === 'een' && t.text !== 'één' && t.text !== 'ÉÉN' && t.text !== 'Één') {
    // the article: only a number before a magnitude, "half", or a fraction "een derde van"
    if (!next || next.kind !== 'word') return null;
    if (!(MAGNITUDE_WORDS.has(nextW) && nextW !== 'honderd' && nextW !== 'duizend') && !(nextW === 'half' || nextW === 'halve') && nextW !== 'gros') {
      if (DENOM_WORDS.has(nextW)) {
        const after = toks[i + 2];
        if (!(after === undefined || after.kind === 'punct' || /^(van|deel|procent|ervan|daarvan)$/i.test(after.text))) return null;
      } else return null;
    }
    if (nextW === 'half' || nextW === 'halve') {
      const after = toks[i + 2];
      if (!after || after.kind !== 'word' || !/^(miljoen|miljard|biljoen|dozijn|dozijnen)$/i.test(after.text)) {
        // "een half jaar", "een halve kilometer": half a unit
        if (!after || after.kind !== 'word' || !UNIT_RE.test(text.slice(next.end, next.end + 25))) return null;
      }
    }
  } else if (!isNumberWord(t.text)) return null;
  if (/^[A-Z]/.test(t.text) && /^(Elf|Acht|Negen|Zes|Vier|Tien)$/.test(t.text) === false && false) return null;
  // extend over following number words, "en", magnitudes, "half", denominators
  let j = i + 1;
  let lastGood = i + 1;
  let value = parseDutchNumber(t.text === 'één' ? 'een' : t.text);
  if (lw === 'een') value = null;
  while (j < toks.length && j - i < 12) {
    const tk = toks[j];
    if (tk.kind !== 'word' || !/^[ \u00a0]$/.test(text.slice(toks[j - 1].end, tk.start))) break;
    const w = tk.text.toLowerCase();
    if (!(isNumberWord(w) || w === 'en' || w === 'half' || w === 'halve' || DENOM_WORDS.has(w) || w === 'een' || w === 'één' || w === 'dozijn' || w === 'dozijnen' || w === 'gros' || w === 'komma')) break;
    j++;
    const cand = parseDutchNumber(text.slice(t.start, tk.end));
    if (cand !== null && w !== 'en' && w !== 'komma' && !(w === 'een')) {
      if (DENOM_WORDS.has(w)) {
        // a fraction only before "van", punctuation or the end ("twee derde van de"), not an ordinal
        const after = toks[j];
        if (!(after === undefined || after.kind === 'punct' || /^(van|deel|ervan|daarvan|procent)$/i.test(after.text))) break;
      }
      value = cand; lastGood = j;
    }
  }
  if (value === null || !Number.isFinite(value)) return null;
  const endTok = lastGood;
  const frac = DENOM_WORDS.has(toks[endTok - 1].text.toLowerCase()) || /(?:kwart|derde)$/i.test(toks[endTok - 1].text);
  let wStart = t.start;
  if (i > 0 && /^(?:min|minus)$/i.test(toks[i - 1].text) && text.slice(toks[i - 1].end, t.start) === ' ') { value = -value; wStart = toks[i - 1].start; }
  return { value, start: wStart, end: toks[endTok - 1].end, endTok, words: true, digits: null, frac };
}

function unitAt(text: string, pos: number, value: number, magWritten: boolean): { def: UnitDef; end: number } | null {
  const s = text.slice(pos, pos + 40);
  const m = UNIT_RE.exec(s);
  if (!m) return null;
  // single-letter symbols must be attached or followed by punctuation/space and not start a word
  const key = m[1].toLowerCase().replace(/\s+/g, ' ');
  let def = UNIT_WORDS[key];
  if (key === 'pond') {
    const rest = text.slice(pos + m[0].length, pos + m[0].length + 12).toLowerCase();
    def = magWritten || Math.abs(value) >= 1000 || /^\s*sterling/.test(rest) ? POND_MONEY : POND_WEIGHT;
  }
  if (!def) return null;
  // "m", "t", "g", "l": only as a symbol (attached, or followed by punctuation / end / space)
  return { def, end: pos + m[0].length };
}

function finish(text: string, toks: readonly Token[], n: Cand, o: FigureOptions, qualRe: RegExp, postRe: RegExp, prev: Figure[]): (Figure & FigureExtra) | null {
  let start = n.start;
  let end = n.end;
  let endTok = n.endTok;
  let value = n.value;
  let unit: UnitDef | null = null;
  // currency before the number
  // Nothing before the number that the previous figure already took ("5 euro honderd": the "euro"
  // is 5's unit, not a currency prefix of honderd): figures never overlap.
  const prevEnd = prev.length ? prev[prev.length - 1].end : 0;
  const lookBehind = text.slice(Math.max(0, prevEnd, n.start - 12), n.start);
  const pm = PREFIX_RE.exec(lookBehind);
  if (pm) {
    unit = CURRENCY_PREFIX[pm[1].toLowerCase()];
    start = n.start - (lookBehind.length - lookBehind.lastIndexOf(pm[1]));
  }
  const magWritten = /(miljoen|miljard|mln|mld|mrd|duizend)/i.test(text.slice(n.start, n.end));
  // unit after the number
  let low: number | null = null, high: number | null = null;
  let qualifier: string | null = null;
  let kind: QualifierKind | null = null;
  // range: "20 tot 30", "20-30", "20 à 30", "tussen de 20 en 30"
  let qm = qualRe.exec(text.slice(Math.max(0, prevEnd, start - 40), start));
  let qStart = start;
  if (qm) {
    const qtext = qm[1] ?? qm[2];
    qualifier = qtext.toLowerCase().replace(/\s+/g, ' ');
    kind = o.qualifiers[qualifier] ?? o.qualifiers[qualifier.replace('’', "'")] ?? null;
    qStart = start - (qm[0].length - qm[0].indexOf(qtext));
    // "is opgelopen tot 43", "gestegen tot 5 procent": the level reached, not an upper bound ("tot 250.000 doden").
    if (qualifier === 'tot' && REACHED_BEFORE.test(text.slice(Math.max(0, qStart - 30), qStart))) kind = null;
    if (kind === null) qualifier = null;
  }
  let u1 = unitAt(text, end, value, magWritten);
  let afterFirst = u1 ? u1.end : end;
  let rangeHigh: number | null = null;
  const conn = /^\s*(?:(tot en met|t\/m|tot|à|a|en|-|–|—|~)\s*)(?=[\d\p{L}€$£])/iu.exec(text.slice(afterFirst, afterFirst + 14));
  if (conn && !n.vague) {
    const cw = conn[1].toLowerCase();
    const okConn = cw === 'en' ? (qualifier === 'tussen' || qualifier === 'tussen de') : cw === 'a' ? !n.words : true;
    const cpos = afterFirst + conn[0].length;
    let k = endTok;
    while (k < toks.length && toks[k].start < cpos) k++;
    if (okConn && k < toks.length && toks[k].start === cpos || (okConn && k < toks.length && /^[€$£]\s?$/.test(text.slice(cpos, toks[k].start)))) {
      const n2 = readNumber(text, toks, k, true);
      if (n2 && ((cw === '-' || cw === '–') ? text.slice(afterFirst, cpos).trim() === cw && /\d$/.test(text.slice(n.start, end)) === !n2.words : true)) {
        let v1 = value, v2 = n2.value;
        if ((cw === '-' || cw === '–') && v2 < 0) v2 = -v2;
        const mag2 = /(miljoen|miljard|mln|mld|duizend)\s*$/i.exec(text.slice(n2.start, n2.end));
        if (mag2 && v1 < v2 / 1000 && !magWritten) v1 = v1 * (mag2[1].toLowerCase().startsWith('miljoen') || mag2[1].toLowerCase() === 'mln' ? 1e6 : mag2[1].toLowerCase() === 'duizend' ? 1e3 : 1e9);
        if (v2 > v1 && !isBlockedYearPair(v1, v2, n, n2)) {
          value = v1; rangeHigh = v2;
          end = n2.end; endTok = n2.endTok;
          if (!qualifier || o.qualifiers[qualifier] === 'exact' || qualifier === 'van' || qualifier === 'vanaf') { qualifier = qualifier ?? (cw === '-' || cw === '–' ? '-' : cw); }
          const u2 = unitAt(text, end, v2, magWritten || !!mag2);
          if (u2) { u1 = u2; afterFirst = u2.end; } else if (u1) { afterFirst = end; }
          else afterFirst = end;
          if (u2) afterFirst = u2.end;
        }
      }
    }
  }
  if (rangeHigh === null) afterFirst = u1 ? u1.end : end;
  // "van"/"tussen" only qualify a range ("van 20 tot 30"); otherwise they are prepositions
  if (rangeHigh === null && qualifier !== null && /^(?:van|tussen|tussen de)$/.test(qualifier)) { qualifier = null; kind = null; qm = null; }
  if (!u1 && qualifier === 'percentage van') unit = UNIT_WORDS['procent'];
  if (u1 && !unit) unit = u1.def;
  else if (u1 && unit && u1.def.dimension === 'money') unit = u1.def;
  if (u1) { end = u1.end; }
  // "5 euro 50", "3 euro en 50 cent"
  if (unit && unit.dimension === 'money' && unit.unit !== 'cent' && Number.isInteger(value)) {
    const c = /^\s*(?:en\s+)?(\d{1,2}|\p{L}+)(\s*(?:cent|c)\b)?/iu.exec(text.slice(end, end + 24));
    if (c) {
      const cv = /^\d/.test(c[1]) ? Number(c[1]) : isNumberWord(c[1]) ? parseDutchNumber(c[1]) : null;
      if (cv !== null && cv > 0 && cv < 100 && Number.isInteger(cv) && (c[2] || !/^\s*\p{L}/u.test(text.slice(end + c[0].length, end + c[0].length + 3)))) {
        value = value + cv / 100; end += c[0].length;
      }
    }
  }
  if (u1 === null && unit && unit.dimension === 'money') {
    // "€ 2,5 miljoen" (magnitude read already); "€ 24,-"
    const dash = /^,-/.exec(text.slice(end, end + 2));
    if (dash) end += 2;
  }
  // vague quantity words: the interval is the word's range
  if (n.vague) {
    qualifier = n.vague; kind = null;
    low = n.vlow ?? value; high = n.vhigh ?? value;
    if (unit === null && /^(miljoenen|miljarden)$/.test(n.vague)) {
      const u = unitAt(text, end, 1e6, true);
      if (u) { unit = u.def; end = u.end; }
    }
  }
  // post qualifiers: "200 of meer"
  const pq = postRe.exec(text.slice(end, end + 24));
  if (pq) {
    const pk = o.postQualifiers[pq[1].toLowerCase().replace(/\s+/g, ' ')];
    // "meer dan 5000 of gelijk aan": inclusive, keeps the direction of the qualifier before the number
    if (pk === 'exact' && kind) { kind = kind === 'above' ? 'atLeast' : kind === 'below' ? 'atMost' : kind; end += pq[0].length; }
    else if (pk) { kind = pk; qualifier = pq[1].toLowerCase().replace(/\s+/g, ' '); end += pq[0].length; }
  }
  if (!n.vague) {
    if (rangeHigh !== null) { low = value; high = rangeHigh; }
    else [low, high] = intervalFor(value, kind, o);
  }
  // fractions: unit "fraction" (to percent)
  let dimension: Dimension = unit ? unit.dimension : 'count';
  let unitSym: string | null = unit ? unit.unit : null;
  let toBase = unit ? unit.toBase : 1;
  const isFraction = n.frac && !unit && (n.words || Math.abs(value) < 1);
  if (isFraction) { dimension = 'percent'; unitSym = 'fraction'; toBase = 100; }
  // counted noun
  let counted: string | null = null, countedText: string | null = null;
  if (!unit && !isFraction) {
    let k = n.endTok;
    while (k < toks.length && toks[k].start < end) k++;
    const c = countedNoun(text, toks, k, Math.abs(value) === 1 && !n.vague);
    if (c) { counted = c.lemma; countedText = c.text; end = c.end; }
  }
  // not a figure: a bare year, an id after "artikel", a bare small number in a title-like position
  const numText = text.slice(n.start, n.end);
  if (!unit && !counted && !qualifier && /^\d{4}$/.test(numText) && value >= 1900 && value <= 2100) return null;
  if (!unit && !counted && /^\d{4}$/.test(numText) && value >= 1900 && value <= 2100 && kind === 'approx') return null;
  if (n.digits !== null) {
    const pw = /([\p{L}.]+)\s*$/u.exec(text.slice(Math.max(0, n.start - 14), n.start));
    if (pw && ID_PREFIX.has(pw[1].toLowerCase().replace(/\.$/, '')) && !qualifier && !counted && !unit) return null;
  }
  if (!Number.isFinite(value) || (low !== null && !Number.isFinite(low)) || (high !== null && !Number.isFinite(high))) return null;
  if (dimension === 'count' && low !== null && value >= 0 && low < 0) low = 0;
  start = Math.min(start, qualifier && qm && !pq ? qStart : start, qm ? qStart : start);
  if (!qm) start = Math.min(start, n.start);
  void prev;
  return {
    text: text.slice(start, end), start, end, numberStart: n.start, numberEnd: n.end,
    value, low, high, qualifier, unit: unitSym, dimension, toBase, counted, countedText,
    ...(kind ? { qualifierKind: kind } : {}),
  };
}

function isBlockedYearPair(v1: number, v2: number, n1: Num, n2: Num): boolean {
  return !!n1.digits && !!n2.digits && /^\d{4}$/.test(n1.digits) && /^\d{2,4}$/.test(n2.digits) && v1 >= 1900 && v1 <= 2100;
}


const PARTICIPLE_EN = /^\p{L}*ge\p{L}{2,}en$/u;
const PARTICIPLE_DT = /^(?:\p{L}{0,8})ge\p{L}{2,}[dt]$/u;

function nounCandidate(w: string, singularOk: boolean): boolean {
  const lw = w.toLowerCase();
  if (lw.length < 2 || STOP.has(lw) || isNumberWord(lw) || MONTHS[lw] || WEEKDAY.has(lw)) return false;
  if (!/^[\p{L}][\p{L}\p{M}'’-]*$/u.test(w)) return false;
  if (/^\p{Lu}/u.test(w) && !singularOk && !/(?:en|s|'s|’s|ers|aren)$/.test(w)) return false; // a name, not a plural
  if (PARTICIPLE_DT.test(lw)) return false;
  if (/^(?:zijn|haar|hun|ons|onze|mijn|jouw|uw)$/.test(lw)) return false;
  if (/(?:lijk|ig|isch)$/.test(lw)) return false; // uninflected adjectives/adverbs
  return true;
}

/** The counted noun after the number: skip up to three attributive adjectives/participles. */
function countedNoun(text: string, toks: readonly Token[], k: number, singularOk: boolean): { lemma: string; text: string; end: number } | null {
  const words: Token[] = [];
  for (let j = k; j < toks.length && words.length < 4; j++) {
    const tk = toks[j];
    if (tk.kind !== 'word') break;
    const gap = text.slice(j === k ? tk.start : toks[j - 1].end, tk.start);
    if (!/^[ \u00a0]*$/.test(gap)) break;
    words.push(tk);
  }
  if (j0Gap(text, toks, k)) return null;
  let idx = 0;
  while (idx < words.length - 1) {
    const w = words[idx].text, lw = w.toLowerCase();
    const nx = words[idx + 1].text;
    if (STOP.has(lw)) break;
    const adjE = /e$/.test(lw) && !/(?:ee|ie)$/.test(lw) && lw.length > 3;
    const partEn = PARTICIPLE_EN.test(lw) && !/enen$/.test(lw) && /(?:en|s|'s|ers)$/.test(nx) && !PARTICIPLE_EN.test(nx.toLowerCase());
    const adjOther = /^(?:extra|nieuw|oud|groot|klein|ander|heel|half|totaal)$/.test(lw);
    if ((adjE || partEn || adjOther) && nounCandidate(nx, true) && !PARTICIPLE_DT.test(nx.toLowerCase())) { idx++; continue; }
    break;
  }
  const noun = words[idx];
  if (!noun || !nounCandidate(noun.text, singularOk || idx > 0)) return null;
  return { lemma: lemmatizeNoun(noun.text), text: text.slice(words[0].start, noun.end), end: noun.end };
}

function j0Gap(text: string, toks: readonly Token[], k: number): boolean {
  if (k >= toks.length || k === 0) return k >= toks.length;
  const gap = text.slice(toks[k - 1].end, toks[k].start);
  return !/^[ \u00a0]+$/.test(gap);
}

/** "hoger dan 20 en kleiner dan 35" → one interval. */
function mergeComparatives(text: string, out: (Figure & FigureExtra)[]): void {
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i], b = out[i + 1];
    const between = text.slice(a.end, b.start);
    if (!/^\s*,?\s*(?:en|maar|,)\s*$/i.test(between)) continue;
    const aLow = a.high === null && a.low !== null, bHigh = b.low === null && b.high !== null;
    const aHigh = a.low === null && a.high !== null, bLow = b.high === null && b.low !== null;
    if (!((aLow && bHigh) || (aHigh && bLow))) continue;
    if (a.unit !== b.unit) continue;
    const lo = aLow ? a.low : b.low, hi = aLow ? b.high : a.high;
    if (lo === null || hi === null || lo > hi) continue;
    out.splice(i, 2, { ...a, text: text.slice(a.start, b.end), end: b.end, low: lo, high: hi, qualifier: `${a.qualifier ?? ''} … ${b.qualifier ?? ''}`.trim(), counted: a.counted ?? b.counted, countedText: a.countedText ?? b.countedText });
  }
}

/** "600 nederzettingen, waaronder 75 in …": a bare number after a partitive word inherits the
 *  counted noun of the nearest preceding counted figure in the same sentence (or, for
 *  "28 daarvan", the previous sentence). */
function inheritCounted(text: string, out: (Figure & FigureExtra)[]): void {
  // "143 van de 193 lidstaten": the first number counts the same nouns
  for (let i = out.length - 2; i >= 0; i--) {
    const f = out[i], g = out[i + 1];
    if (!f.counted && !f.unit && f.dimension === 'count' && g.counted && /^\s*(?:van de|van alle|op de|uit de|van)\s*$/i.test(text.slice(f.end, g.start))) {
      f.counted = g.counted; f.countedText = null; f.countedInherited = true;
    }
  }
  for (let i = 1; i < out.length; i++) {
    const f = out[i];
    if (f.counted || f.unit || f.dimension !== 'count') continue;
    let src: Figure | undefined;
    for (let j = i - 1; j >= 0 && j >= i - 4; j--) if (out[j].counted && out[j].dimension === 'count') { src = out[j]; break; }
    if (!src) continue;
    const between = text.slice(src.end, f.start);
    if (between.length > 300) continue;
    const sentenceBreak = /[.!?]\s+\p{Lu}|\n/u.test(between);
    const after = text.slice(f.end, f.end + 20);
    const partitive = PARTITIVE.test(between) && !sentenceBreak;
    const backRef = /^\s*(?:daarvan|ervan|van hen|onder hen|van wie)\b/i.test(after) && between.length < 300;
    // enumeration: "..., in Donetsk 43 en in Luhansk 7"
    const enumeration = !sentenceBreak && /(?:^|[,;]|\ben)\s*(?:in|op|bij|uit|aan)\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?\s*$/u.test(text.slice(Math.max(src.end, f.start - 60), f.start));
    if (partitive || backRef || enumeration) {
      f.counted = src.counted; f.countedText = null; f.countedInherited = true;
    }
  }
}
