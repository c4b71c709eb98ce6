// What a figure is about: the places, events, time and counted thing of its clause, sentence,
// paragraph or article. Used alike for archive claims and draft figures, so that both sides of
// a comparison are read by the same rules.

import type { Figure, PlaceMention, TimeExpression } from '../dutch/types';
import { sentences, paragraphs, tokenize, spanAt, fold, type Span, type Token } from '../dutch/tokens';
import { countedConcept, eventsOfWord, type CountedConcept } from './semantics';

export type PlaceScope = 'clause' | 'sentence' | 'paragraph' | 'article' | 'none';

export interface FigureContext {
  /** Place ids the figure is about, most likely first. */
  places: string[];
  /** How far we had to look to find them. */
  placeScope: PlaceScope;
  /** True when the places found are countries or continents only. */
  broadOnly: boolean;
  /** Every place named in the figure's sentence (for distances between places). */
  sentencePlaces: string[];
  /** Event groups in the figure's clause (or sentence). */
  events: string[];
  /** Time the figure refers to, when the sentence says. */
  time: { from: string | null; to: string | null; text: string } | null;
  /** The counted concept, inherited from a neighbouring figure for bare numbers ("waarvan 502"). */
  concept: CountedConcept;
  /** The counted lemma used (own or inherited) and whether it was inherited. */
  counted: string | null;
  countedInherited: boolean;
  sentence: Span;
  clause: Span;
}

const BROAD_KINDS = new Set(['land', 'werelddeel']);
// Clause boundaries inside a sentence: punctuation and coordinating words that start a new statement.
// "in Donetsk 43 en in Luhansk 7": a coordinated phrase with its own place is its own clause.
const CLAUSE_BREAK = /[,;:()–—]|\s(?:maar|terwijl|waarvan|waaronder|waarbij|nadat|omdat|hoewel)\s|\s(?:en|of)\s(?=(?:in|bij|op|rond|rondom|nabij|naar)\s)/gu;

function clauseOf(text: string, sentence: Span, offset: number): Span {
  let start = sentence.start, end = sentence.end;
  const s = text.slice(sentence.start, sentence.end);
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(s)) !== null) {
    const at = sentence.start + m.index;
    // A thousands/decimal separator inside a number is not a break.
    if (m[0] === ',' && /\d/.test(text[at - 1] ?? '') && /\d/.test(text[at + 1] ?? '')) continue;
    if (at < offset) start = at + 1;
    else if (at >= offset) { end = at; break; }
  }
  return { start, end };
}

/** The places of `mentions`, ordered by specificity (towns and regions before countries), then by
 *  distance to the figure. */
function placesNear(mentions: PlaceMention[], fig: Span): string[] {
  const ordered = mentions.slice();
  const dist = (m: PlaceMention) => (m.end <= fig.start ? fig.start - m.end : m.start >= fig.end ? m.start - fig.end : 0);
  ordered.sort((a, b) => {
    const ba = BROAD_KINDS.has(a.kind) ? 1 : 0, bb = BROAD_KINDS.has(b.kind) ? 1 : 0;
    return ba - bb || dist(a) - dist(b);
  });
  return [...new Set(ordered.map((m) => m.id))];
}

/** The article's topic places: non-country places mentioned at least twice, most frequent first. */
export function topicPlaces(mentions: PlaceMention[]): string[] {
  const counts = new Map<string, number>();
  for (const m of mentions) if (!BROAD_KINDS.has(m.kind)) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]).slice(0, 2).map(([id]) => id);
}

const SOURCE_CUE = /\b(?:volgens|aldus|meldt|meldde|zegt|zei|stelt|claimt|beweert)\s+(?:de\s+|het\s+)?$/i;

const PERCENT_OF = /^\s+van\s+(?:het|de|hun|zijn|haar|alle)\s+((?:[\p{L}-]+\s+){0,5}?)([\p{L}-]+)/u;

/** For a percentage, what it is a percentage of ("40 procent van het veroverde terrein" → terrein). */
function percentOf(text: string, fig: Figure): string | null {
  const m = PERCENT_OF.exec(text.slice(fig.end, fig.end + 80));
  if (!m) return null;
  const words = (m[1] + m[2]).trim().split(/\s+/);
  // The noun is the first word that is not an adjective/participle-looking word or "door X".
  for (let i = 0; i < words.length; i++) {
    const w = fold(words[i]);
    if (w === 'door') { i++; continue; }
    if (/(e|en)$/.test(w) && i < words.length - 1) continue;
    return words[i];
  }
  return null;
}

export interface ContextInput {
  text: string;
  figures: Figure[];
  mentions: PlaceMention[];
  times: TimeExpression[];
  /** Places to fall back on when the figure's paragraph names none (the article's topic). */
  fallbackPlaces: string[];
}

/** The scopes a figure's place is looked for in, narrowest first. */
const SCOPES = ['clause', 'sentence', 'paragraph'] as const;

/** The mentions of a start-sorted list that lie within [span.start, span.end] (binary search). */
function within(list: PlaceMention[], span: Span): PlaceMention[] {
  let lo = 0, hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid].start < span.start) lo = mid + 1; else hi = mid; }
  const res: PlaceMention[] = [];
  for (let k = lo; k < list.length && list[k].start < span.end; k++) if (list[k].end <= span.end) res.push(list[k]);
  return res;
}

/**
 * Event words per sentence of one text (each sentence's words looked up once, from the text's
 * tokens; no token crosses a clause or sentence boundary). (A class, not closures made per call:
 * see PlaceScan in dutch/places.ts.)
 */
class SentenceEvents {
  /** Per sentence: [token start, token end, event groups] of its event words. */
  private readonly bySentence = new Map<Span, Array<[number, number, readonly string[]]>>();
  constructor(private readonly text: string, private readonly toks: readonly Token[]) {}

  private words(sentence: Span): Array<[number, number, readonly string[]]> {
    let list = this.bySentence.get(sentence);
    if (list) return list;
    const { text, toks } = this;
    list = [];
    let lo = 0, hi = toks.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (toks[mid].start < sentence.start) lo = mid + 1; else hi = mid; }
    for (let k = lo; k < toks.length && toks[k].start < sentence.end; k++) {
      const t = toks[k];
      if (t.kind !== 'word') continue;
      const ev = eventsOfWord(t.end > sentence.end ? text.slice(t.start, sentence.end) : t.text);
      if (ev.length) list.push([t.start, t.end, ev]);
    }
    this.bySentence.set(sentence, list);
    return list;
  }

  /** The event groups of the words in `span` (within `sentence`), in order of first mention. */
  within(sentence: Span, span: Span): string[] {
    const out = new Set<string>();
    for (const [start, end, ev] of this.words(sentence)) {
      if (start < span.start || start >= span.end) continue;
      for (const id of end > span.end ? eventsOfWord(this.text.slice(start, span.end)) : ev) out.add(id);
    }
    return [...out];
  }
}

export function figureContexts(input: ContextInput): FigureContext[] {
  const { text, figures, times } = input;
  // "volgens Kyiv", "meldt Moskou": a capital standing for its government is a source, not where
  // the figure is.
  const mentions = input.mentions.filter((m) => !SOURCE_CUE.test(text.slice(Math.max(0, m.start - 24), m.start)));
  const sents = sentences(text);
  const paras = paragraphs(text);
  const out: FigureContext[] = [];
  const kindOf = new Map(mentions.map((m) => [m.id, m.kind]));
  // Mentions by paragraph, so each figure looks only at its own paragraph's (linear, not quadratic,
  // on a long text with many figures: a 1 MB one-line draft).
  const byPara = new Map<Span, PlaceMention[]>();
  for (const m of mentions) {
    const p = spanAt(paras, m.start);
    if (!p) continue;
    const list = byPara.get(p);
    if (list) list.push(m); else byPara.set(p, [m]);
  }
  for (const list of byPara.values()) list.sort((a, b) => a.start - b.start);
  const events = new SentenceEvents(text, figures.length ? tokenize(text) : []);
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    const sentence = spanAt(sents, f.start) ?? { start: f.start, end: f.end };
    const clause = clauseOf(text, sentence, f.start);
    const figSpan = { start: f.start, end: f.end };

    // Look outward for the most specific place: clause, sentence (leaving out clauses that carry a
    // figure of their own: "600 …, waarvan 502 in Charkiv"), paragraph, article topic. Countries
    // found on the way are kept, after the specific place.
    // Figures are sorted by start: the sentence's other figures are i's neighbours.
    const sameSentence: Figure[] = [];
    for (let j = i - 1; j >= 0 && figures[j].end > sentence.start; j--) if (figures[j].start >= sentence.start && figures[j].end <= sentence.end) sameSentence.push(figures[j]);
    for (let j = i + 1; j < figures.length && figures[j].start < sentence.end; j++) if (figures[j].start >= sentence.start && figures[j].end <= sentence.end) sameSentence.push(figures[j]);
    // (A loop, not map + filter: those specialise on the array's element kind, and an empty
    // sameSentence, the common case, has another one than a full one.)
    const otherClauses: Span[] = [];
    for (const g of sameSentence) { const c = clauseOf(text, sentence, g.start); if (c.start !== clause.start) otherClauses.push(c); }
    const para = spanAt(paras, f.start);
    const local = para ? byPara.get(para) ?? [] : [];
    const inSentence = within(local, sentence);
    const found: string[] = [];
    let placeScope: PlaceScope = 'none';
    let specific = false;
    for (const scope of SCOPES) {
      // (Each computed only when the narrower ones name no specific place.)
      const ms = scope === 'clause' ? within(inSentence, clause)
        : scope === 'sentence' ? inSentence.filter((m) => !otherClauses.some((c) => m.start >= c.start && m.end <= c.end))
        : para ? local.filter((m) => m.start >= para.start && m.end <= para.end && (m.start < sentence.start || m.end > sentence.end)) : [];
      const ids = placesNear(ms, figSpan);
      if (!ids.length) continue;
      if (placeScope === 'none') placeScope = scope;
      for (const id of ids) if (!found.includes(id)) found.push(id);
      if (ms.some((m) => !BROAD_KINDS.has(m.kind))) { specific = true; placeScope = scope; break; }
    }
    if (!specific && input.fallbackPlaces.length) {
      for (const id of input.fallbackPlaces) if (!found.includes(id)) found.unshift(id);
      placeScope = 'article';
    }
    // Specific places first (placesNear sorted within a scope; across scopes the specific one leads).
    const places = found.slice().sort((a, b) => (BROAD_KINDS.has(kindOf.get(a) ?? '') ? 1 : 0) - (BROAD_KINDS.has(kindOf.get(b) ?? '') ? 1 : 0));
    const sentencePlaces = [...new Set(inSentence.map((m) => m.id))];

    let eventIds = events.within(sentence, clause);
    if (!eventIds.length) eventIds = events.within(sentence, sentence);

    const t = times.find((x) => x.start >= sentence.start && x.end <= sentence.end && x.kind !== 'clock');
    const time = t ? { from: t.from, to: t.to, text: t.text } : null;

    let counted = f.counted;
    let countedText = f.countedText;
    let inherited = false;
    if (f.dimension === 'percent' && !counted) {
      const of = percentOf(text, f);
      if (of) { counted = of; countedText = of; }
    }
    if (!counted && f.dimension === 'count') {
      // "143 van de 193 lidstaten": the part takes the noun of the whole.
      const next = figures[i + 1];
      if (next && next.counted && next.start <= sentence.end && /^\s+van\s+(de|het)\s+$/.test(text.slice(f.end, next.start))) {
        counted = next.counted; countedText = next.countedText; inherited = true;
      } else {
        // "600 nederzettingen …, waarvan 502 in Charkiv", "in Donetsk 43 en in Luhansk 7":
        // a bare number inherits the noun of the nearest earlier figure in its sentence.
        for (let j = i - 1; j >= 0 && figures[j].start >= sentence.start; j--) {
          const p = figures[j];
          if (p.dimension === 'count' && p.counted) { counted = p.counted; countedText = p.countedText; inherited = true; break; }
        }
      }
    }
    out.push({
      places, placeScope, broadOnly: !specific, sentencePlaces, events: eventIds, time,
      concept: countedConcept(counted, countedText),
      counted, countedInherited: inherited, sentence, clause,
    });
  }
  return out;
}

