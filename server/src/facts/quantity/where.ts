// Whose and where: the place a quantity is about, at the right level, and the country that acts.
// Rules, each with examples in test/unit/quantity/where.test.ts:
//  - government: "Kyiv meldt", "volgens Moskou", "Kyiv zei toen" name a government, not a place;
//  - actor: "Rusland vuurde …", "Noord-Korea stuurde …", "door Rusland bezette" name who acts;
//  - level: "de stad Cherson" is not "de regio Cherson";
//  - anaphor: "de hoofdstad", "de stad" stand for the capital or the city named before;
//  - distance: "op 30 kilometer van Pokrovsk" is measured from Pokrovsk;
//  - scope: the clause, then the sentence (without other figures' clauses), an earlier sentence of the
//    paragraph, the dateline ("KYIV (ANP) -"), the article's topic.

import type { PlaceMention } from '../../dutch/types';
import { fold, type Span } from '../../dutch/tokens';
import type { Where } from './model';
import { within as withinSorted, firstAtOrAfter, foldedText } from './spans';

const BROAD = new Set(['land', 'werelddeel']);
/** How far from a figure, in characters, its sentence is looked at. */
const REACH = 1500;
const REGION_KINDS = new Set(['regio', 'provincie', 'oblast', 'gebied']);
const CITY_KINDS = new Set(['stad', 'stadje', 'dorp', 'hoofdstad', 'gemeente', 'plaats']);

/** Verbs of saying: a capital or country as their subject is its government. */
const SAYING = /^(?:gaf|geeft|zegt|zei|zeiden|zeggen|meldt|meldde|melden|meldden|beweert|beweerde|claimt|claimde|spreekt|sprak|zwijgt|zweeg|ontkent|ontkende|bevestigt|bevestigde|houdt|hield|gaat|ging|schat|schatte|verwacht|verwachtte|noemt|noemde|erkent|erkende|stelt|stelde|beschuldigt|waarschuwt|waarschuwde|dreigt|eist|eiste|wil|kondigde|kondigt|reageerde|reageert|laat|liet)$/;
const SOURCE_BEFORE = /(?:volgens|aldus|meldt|meldde|zegt|zei|stelt|claimt|beweert|van|uit)\s+(?:de\s+|het\s+)?$/i;
/** A verb of saying earlier in the clause, then its subject: the mention belongs to the attribution. */
const ATTRIBUTION = /(?:^|\s)(?:zegt|zei|zeggen|zeiden|meldt|meldde|melden|meldden|aldus|schrijft|schreef|verklaarde|verklaart)\s+(?!dat\s|het\s|er\s)(?:\p{L}+\s+){0,8}$/u;
/** Prepositions before a country that make it a place rather than the actor. */
const PLACE_PREP = /(?:^|\s)(?:in|naar|uit|tegen|van|met|op|bij|aan|over|voor|richting|sinds|binnen|boven|rond|rondom|nabij|vanuit|heel|gehele|hele)\s+(?:de\s+|het\s+)?$/i;

export interface PlaceScene {
  text: string;
  /** Every place mention of the text (or paragraph), sorted by start. */
  mentions: readonly PlaceMention[];
  /** The place of the text's dateline ("KYIV (ANP) -"), when it has one. */
  dateline: PlaceMention | null;
  /** The article's topic places, most frequent first. */
  topic: readonly string[];
  /** Resolves a name to a place (for "Oekraïens grondgebied"), when the caller can. */
  resolve?: (name: string) => PlaceMention | null;
  /** A place's kind and country by id, when the caller can. */
  info?: (id: string) => { id: string; kind: PlaceMention['kind']; country: string | null } | null;
}

export interface WhereFound extends Where {
  /** The country that acts in the figure's clause ("Rusland vuurde …"), as a mention. */
  actor: PlaceMention | null;
  /** Whether the place is a town or village (not a region or country). */
  local?: boolean;
}

/** What a mention stands for in its sentence: a place, the actor, or not the figure's place at all
 *  ('government': a government speaking, where a speaker sits, a river named after a town). */
export function mentionRole(text: string, m: PlaceMention, clause: Span): 'place' | 'actor' | 'government' {
  const before = text.slice(Math.max(clause.start, m.start - 30), m.start);
  // "…, zegt een woordvoerder van Buitenlandse Zaken in Moskou": where the speaker is, not the figure.
  if (ATTRIBUTION.test(foldedText(text).slice(Math.max(clause.start, m.start - 120), m.start))) return 'government';
  const after = /^\s+(\p{L}+)/u.exec(text.slice(m.end, Math.min(text.length, m.end + 30)));
  const nextWord = after ? fold(after[1]) : '';
  const capitalOrCountry = m.kind === 'hoofdstad' || BROAD.has(m.kind);
  // "600 nederzettingen heroverd op Rusland": the side that lost them, not where they are.
  if (/(?:heroverd|veroverd|teruggewonnen|ingenomen|gewonnen|afgepakt|terugveroverd)\s+op\s+$/i.test(before)) return 'government';
  // "de Dnjepr", "over de Dnepr": a town's name after an article is a river (or a region), not the town.
  if (CITY_KINDS.has(m.kind) && /(?:^|\s)(?:de|rivier|rivier de)\s+$/i.test(before) && !/(?:regio|provincie|oblast|stad|hoofdstad)\s+(?:de\s+)?$/i.test(before)) return 'government';
  if (capitalOrCountry && SOURCE_BEFORE.test(before) && /(?:volgens|aldus|meldt|meldde|zegt|zei|stelt|claimt|beweert)\s+(?:de\s+|het\s+)?$/i.test(before)) return 'government';
  if (capitalOrCountry && SAYING.test(nextWord) && !PLACE_PREP.test(before)) return 'government';
  if (BROAD.has(m.kind)) {
    if (/(?:^|\s)door\s+$/i.test(before)) return 'actor';
    // A country is a place after a preposition ("in Oekraïne", "van Oekraïne"); without one it is
    // who acts ("Rusland vuurde …", "vuurde Rusland 309 drones af", "Oekraïne controleert …").
    if (!PLACE_PREP.test(before) && !/^(?:en|of)$/.test(nextWord)) return 'actor';
  }
  return 'place';
}

/** The level a text states for a mention: "de regio Koersk" region, "de stad Koersk" city. */
export function levelOf(text: string, m: PlaceMention): Where['level'] {
  const before = foldedText(text).slice(Math.max(0, m.start - 30), m.start);
  if (/(?:regio|oblast|provincie|grensregio|gebied|district|deelstaat|republiek)\s+$/.test(before)) return 'region';
  if (/(?:stad|hoofdstad|stadje|dorp|dorpje|havenstad|mijnstad|industriestad|frontstad|grensstad|gemeente|plaats|regionale hoofdstad)\s+$/.test(before)) return 'city';
  if (BROAD.has(m.kind)) return 'country';
  return null;
}

/** The level a place's kind implies when the text does not say. */
function kindLevel(m: PlaceMention): Where['level'] {
  if (BROAD.has(m.kind)) return 'country';
  if (REGION_KINDS.has(m.kind)) return null; // oblast and city often share a name: the text must say
  if (CITY_KINDS.has(m.kind)) return null;
  return null;
}

/** "de hoofdstad", "de stad", "het stadje" without a name: the capital or city named before, or the dateline. */
function anaphorIn(scene: PlaceScene, span: Span): PlaceMention | null {
  if (!foldedText(scene.text).slice(span.start, span.end).includes('stad')) return null;
  const s = scene.text.slice(span.start, span.end);
  // (No i flag: with it, \p{Lu} would match every letter.)
  const re = /\b(?:[Dd]e|[Hh]et|[Dd]ie|[Dd]eze)\s+(hoofdstad|stad|stadje)\b(?!\s+\p{Lu})/gu;
  const m = re.exec(s);
  if (!m) return null;
  const at = span.start + m.index;
  const wantCapital = fold(m[1]) === 'hoofdstad';
  let best: PlaceMention | null = null;
  // "de hoofdstad" of an article filed in a capital is that capital ("KYIV (ANP) - … in de hoofdstad").
  if (wantCapital && scene.dateline && scene.dateline.kind === 'hoofdstad') best = scene.dateline;
  // The nearest one before (looking back at most 50 mentions).
  for (let k = firstAtOrAfter(scene.mentions, at) - 1; k >= 0 && !best; k--) {
    const x = scene.mentions[k];
    if (wantCapital ? x.kind === 'hoofdstad' : CITY_KINDS.has(x.kind) || x.kind === 'hoofdstad') best = x;
    if (k < firstAtOrAfter(scene.mentions, at) - 50) break;
  }
  if (!best && scene.dateline && (!wantCapital || scene.dateline.kind === 'hoofdstad')) best = scene.dateline;
  if (!best) return null;
  return { ...best, start: at, end: at + m[0].length, text: m[0] };
}

function within(ms: readonly PlaceMention[], span: Span): PlaceMention[] {
  return withinSorted(ms, span);
}

/** Sorted, distinct ids of the specific places among `ms`, or of the countries when there is none. */
function key(ms: PlaceMention[], text: string): { ids: string[]; specific: boolean } {
  let specific = ms.filter((m) => !BROAD.has(m.kind));
  // "bij Zeleny Sjljach in de regio Koersk": the village, not the region that holds it.
  const local = specific.filter((m) => !REGION_KINDS.has(m.kind) && levelOf(text, m) !== 'region');
  if (local.length && local.length < specific.length) specific = local;
  const use = specific.length ? specific : ms;
  return { ids: [...new Set(use.map((m) => m.id))].sort(), specific: specific.length > 0 };
}

export interface WhereInput {
  scene: PlaceScene;
  figure: Span;
  clause: Span;
  sentence: Span;
  paragraph: Span | null;
  /** Clauses of the same sentence that hold a figure of their own. */
  otherClauses: readonly Span[];
  /** A length: look for the place it is measured from. */
  distance: boolean;
  /** The text's sentences (for an earlier sentence of the paragraph). */
  sentences?: readonly Span[];
}

/** The place a figure is about. */
export function whereOf(input: WhereInput): WhereFound {
  const { scene, figure, clause, sentence, paragraph, otherClauses } = input;
  const text = scene.text;
  const roleOf = (m: PlaceMention, c: Span) => mentionRole(text, m, c);
  // (A sentence is looked at within REACH characters of the figure: a hostile draft's one line is one sentence.)
  const near = { start: Math.max(sentence.start, figure.start - REACH), end: Math.min(sentence.end, figure.end + REACH) };
  const inSentence = within(scene.mentions, near);
  let actor: PlaceMention | null = null;
  const usable = (ms: PlaceMention[], c: Span): PlaceMention[] => {
    const out: PlaceMention[] = [];
    for (const m of ms) {
      const r = roleOf(m, c);
      if (r === 'actor') { if (!actor && c === clause && m.start < figure.start) actor = m; continue; }
      if (r === 'government') continue;
      out.push(m);
    }
    return out;
  };
  let from: string | null = null;
  const nearClause = { start: Math.max(clause.start, near.start), end: Math.min(clause.end, near.end) };
  let inClause = usable(within(scene.mentions, nearClause), clause);
  // "Russisch grondgebied" in the figure's clause, or elsewhere in its sentence when the clause names no place.
  const territory = territoryIn(scene, nearClause) ?? (inClause.length ? null : territoryIn(scene, near));
  if (territory && !inClause.some((m) => !BROAD.has(m.kind))) {
    // "Russisch grondgebied" in an article about the region Koersk: the region of that country it is about.
    const country = scene.info?.(territory.id)?.country;
    const topic = country ? scene.topic.map((id) => scene.info?.(id)).find((e) => e && e.country === country && REGION_KINDS.has(e.kind)) : undefined;
    if (topic) return { place: topic.id, level: null, scope: 'article', from, actor, territory: territory.id };
    inClause.push(territory);
  }
  const ana = anaphorIn(scene, nearClause);
  // (A distance may be measured from "de stad" named in its own clause: "bestuur van Pokrovsk … op 10 km van de stad".)
  if (ana && (input.distance || !inClause.some((m) => m.id === ana.id))) inClause.push(ana);
  if (input.distance) {
    // "op zo'n 30 kilometer van Pokrovsk", "ten westen van Donetsk": the place after "van" is the origin.
    const after = inClause.filter((m) => m.start >= figure.end && /(?:van|vanaf|tot)\s+(?:de\s+|het\s+)?$/i.test(text.slice(Math.max(figure.end, m.start - 40), m.start)));
    if (after.length) { from = after[0].id; inClause = inClause.filter((m) => m !== after[0]); }
  }
  const done = (ms: PlaceMention[], scope: Where['scope']): WhereFound => {
    // A distance's place is never the place it is measured from.
    if (from) ms = ms.filter((m) => m.id !== from);
    const k = key(ms, text);
    const levels = new Set(ms.filter((m) => k.ids.includes(m.id)).map((m) => levelOf(text, m) ?? kindLevel(m)));
    const level = levels.size === 1 ? [...levels][0] : null;
    const terr = ms.find((m) => m.text !== m.name && TERRITORY.test(m.text));
    const local = ms.some((m) => k.ids.includes(m.id) && (CITY_KINDS.has(m.kind) || m.kind === 'plaats-onbekend') && levelOf(text, m) !== 'region');
    return { place: k.ids.join('+') || null, level, scope, from, actor, territory: terr ? terr.id : null, local };
  };
  if (inClause.length) return done(inClause, 'clause');
  const rest: PlaceMention[] = [];
  for (const m of usable(inSentence, sentence)) {
    if (m.start >= clause.start && m.end <= clause.end) continue;
    // A later clause with a figure of its own keeps its place ("600 …, waarvan 502 in Charkiv"); an
    // earlier one shares its place with a coordinated clause ("In Dnipro kwamen 11 mensen om en
    // raakten 60 mensen gewond"), unless it is a part of its own ("…, van wie 33 in Kyiv").
    if (otherClauses.some((c) => m.start >= c.start && m.end <= c.end && (c.start > clause.start || (c as { partitive?: boolean }).partitive))) continue;
    rest.push(m);
  }
  const sAna = anaphorIn(scene, near);
  if (sAna && !rest.some((m) => m.id === sAna.id)) rest.push(sAna);
  if (rest.length) return done(rest, 'sentence');
  if (paragraph && input.sentences) {
    // The nearest earlier sentence of the paragraph that names a place (or says "de stad"); of its
    // places the most local one ("Toretsk ligt in de provincie Donetsk. … woonden er …": Toretsk).
    // (At most five sentences back.)
    const earlier: Span[] = [];
    for (let k = firstAtOrAfter(input.sentences, sentence.start) - 1; k >= 0 && earlier.length < 5; k--) {
      const x = input.sentences[k];
      if (x.start < paragraph.start) break;
      if (x.end <= sentence.start) earlier.push(x);
    }
    for (const prev of earlier) {
      const own = usable(within(scene.mentions, prev), prev);
      const a = anaphorIn(scene, prev);
      if (a) own.unshift(a);
      if (!own.length) continue;
      const local = own.find((m) => !BROAD.has(m.kind) && levelOf(text, m) !== 'region' && !REGION_KINDS.has(m.kind)) ?? own.find((m) => !BROAD.has(m.kind)) ?? own[0];
      return done([local], 'paragraph');
    }
  }
  // What the article is about before where it was filed ("KYIV (ANP) - … in Koersk … in Koersk").
  if (scene.topic.length) return { place: scene.topic[0], level: null, scope: 'article', from, actor, territory: null };
  if (scene.dateline) return done([scene.dateline], 'dateline');
  return { place: null, level: null, scope: 'none', from, actor, territory: null };
}

/** Country adjectives before a word for territory: "Oekraïens grondgebied" is in Ukraine. */
const TERRITORY = /\b(oekra[iï]ens|russisch|wit-russisch|pools|moldavisch|georgisch)e?\s+(?:grondgebied|gebied|territorium|bodem)\b/iu;
const TERRITORY_COUNTRY: Record<string, string> = { oekraiens: 'Oekraïne', russisch: 'Rusland', 'wit-russisch': 'Belarus', pools: 'Polen', moldavisch: 'Moldavië', georgisch: 'Georgië' };

/** The country of "Oekraïens grondgebied" in a span, as a mention of the country named elsewhere in the text. */
function territoryIn(scene: PlaceScene, span: Span): PlaceMention | null {
  // (Most spans name no territory: a plain search on the folded text first.)
  const f = foldedText(scene.text).slice(span.start, span.end);
  if (!f.includes('gebied') && !f.includes('bodem') && !f.includes('territorium')) return null;
  const m = TERRITORY.exec(scene.text.slice(span.start, span.end));
  if (!m) return null;
  const country = TERRITORY_COUNTRY[fold(m[1])];
  const known = scene.resolve?.(country) ?? null;
  if (!known) return null;
  const at = span.start + m.index;
  return { ...known, text: m[0], start: at, end: at + m[0].length };
}

/** A dateline at the start of a paragraph: "KYIV (ANP/RTR) -", "POKROVSK -" (one pattern: dutch/dateline.ts). */
export { DATELINE } from '../../dutch/dateline';
