// Reading the quantity of every figure of a text: the rules of measure.ts, where.ts, when.ts and
// skip.ts applied in order, with what a figure takes from the figure it belongs to ("…, van wie
// 33 in Kyiv", "45 drones: dertien op oudejaarsavond en 32 na middernacht").

import type { Figure, PlaceMention, TimeExpression } from '../../dutch/types';
import { sentences, paragraphs, spanAt, fold, type Span } from '../../dutch/tokens';
import type { Quantity, Measure, SkipReason } from './model';
import { clausesOf, wordsIn, type Clause, type Word } from './clauses';
import { within, spanContaining, firstAtOrAfter, foldedText } from './spans';
import { findRole, headOf, isChange, PEOPLE, PRESENCE_CUE, sideInClause, sideOfCountry, sideOfPhrase, type Head } from './measure';
import { whereOf, levelOf, DATELINE, type PlaceScene, type WhereFound } from './where';
import { whenOf, kindOf, eventNounOf, eventNounIn } from './when';
import { skipOf } from './skip';
import { sourceOf } from './source';

export interface FigureContext {
  quantity: Quantity;
  sentence: Span;
  clause: Span;
}

export interface ReadInput {
  text: string;
  /** Sorted by start. */
  figures: readonly Figure[];
  mentions: readonly PlaceMention[];
  times: readonly TimeExpression[];
  /** The article's topic places (most frequent first), for figures whose paragraph names none. */
  topic: readonly string[];
  /** Resolves a name as written to a place (for datelines in capitals). */
  resolvePlace?: (name: string) => { id: string; name: string; kind: PlaceMention['kind'] } | null;
  /** A place's kind and country by id (for the region of a country's territory an article is about). */
  placeInfo?: (id: string) => { id: string; kind: PlaceMention['kind']; country: string | null } | null;
  /** When `text` is one paragraph of a longer text (a draft is read paragraph by paragraph): the
   *  whole text's dateline place and the event of its title or lead. */
  article?: ArticleContext;
}

export interface ArticleContext { dateline: PlaceMention | null; leadEvent: string | null }

/** The dateline place and lead event of a whole text, for reading its paragraphs one by one. */
export function articleContext(text: string, mentions: readonly PlaceMention[], resolve: ReadInput['resolvePlace']): ArticleContext {
  return { dateline: datelineOf(text, mentions, resolve), leadEvent: leadEvent(text, paragraphs(text)) };
}

/** A mention that opens a line as its dateline. */
function isDateline(text: string, m: PlaceMention): boolean {
  if (m.start > 0 && text[m.start - 1] !== '\n') return false;
  const d = DATELINE.exec(text.slice(m.start, m.start + 60));
  return !!d && d[1].trim().length === m.end - m.start;
}

/** The place of a dateline in the text's first paragraphs ("KYIV (ANP/RTR) - …"). */
export function datelineOf(text: string, mentions: readonly PlaceMention[], resolve: ReadInput['resolvePlace']): PlaceMention | null {
  const paras = paragraphs(text);
  for (const p of paras.slice(0, 4)) {
    const m = DATELINE.exec(text.slice(p.start, Math.min(p.end, p.start + 60)));
    if (!m) continue;
    const name = m[1].trim();
    if (name.length < 3 || !/\p{Lu}{3}/u.test(name)) continue;
    const at = within(mentions, { start: p.start, end: p.start + 60 }).find((x) => x.start === p.start);
    if (at) return at;
    const titled = name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
    const r = resolve?.(titled) ?? null;
    if (r) return { text: name, start: p.start, end: p.start + name.length, id: r.id, name: r.name, kind: r.kind, evidence: 'gazetteer' };
  }
  return null;
}

const PARTITIVE_AFTER = /^\s+(?:van\s+hen|daarvan|ervan)\b/i;
/** The subject of a distance that is the front line: "de Russen staan op 10 km van …". */
const FRONT = /\b(?:russen|russische\s+(?:troepen|eenheden|soldaten|militairen)|troepen|eenheden|het\s+front|de\s+frontlinie|frontlinie)\b/;

/** What a bare or partitive figure takes from the figure it belongs to. */
interface Parent { q: Quantity; head: Head }

const NO_HEAD_READ = headOf(null);
/** Roles of a side's people: its losses and its troops. */
const SIDED_ROLES = new Set<string>(['casualty', 'killed', 'wounded', 'sent', 'deployed', 'taken-prisoner']);
/** Roles whose kind depends on the event of the paragraph or lead. */
const EVENTFUL = new Set<string>(['killed', 'wounded', 'casualty', 'missing', 'destroyed', 'hospitalised']);
const NOWHERE = Object.freeze({ place: null, level: null, scope: 'none', from: null, territory: null }) as Quantity['where'];
const NOWHEN = Object.freeze({ from: null, to: null, text: null, basis: 'none' }) as Quantity['when'];

/** The places a figure's clause, else its sentence, names outright (no rules: for a figure that is compared with nothing). */
function namedWhere(mentions: readonly PlaceMention[], clause: Span, sentence: Span, f: Figure): WhereFound {
  const near = { start: Math.max(sentence.start, f.start - 600), end: Math.min(sentence.end, f.end + 600) };
  let ms = within(mentions, clause);
  let scope: Quantity['where']['scope'] = 'clause';
  if (!ms.length) { ms = within(mentions, near); scope = 'sentence'; }
  const specific = ms.filter((m) => m.kind !== 'land' && m.kind !== 'werelddeel');
  const ids = [...new Set((specific.length ? specific : ms).map((m) => m.id))].sort();
  return { place: ids.join('+') || null, level: null, scope: ids.length ? scope : 'none', from: null, actor: null, territory: null };
}

/** The quantity of a figure that is never compared (an age, a vague quantity, a number in a name). */
function skipped(f: Figure, skip: SkipReason): Quantity {
  return {
    skip, dimension: f.dimension, unit: f.dimension === 'money' ? f.unit : null,
    measure: { head: null, role: null, side: null, of: null, per: null, headText: f.countedText, roleText: null },
    where: NOWHERE, kind: 'state', when: NOWHEN, event: null, source: null,
  };
}

/** How many figures before and after one are looked at as its neighbours. */
const NEIGHBOURS = 40;

export function readQuantities(input: ReadInput): FigureContext[] {
  const { text, figures, times } = input;
  if (!figures.length) return [];
  // A dateline ("KYIV (ANP) -") is where the story was filed, not a place of its first sentence:
  // it is read as the dateline (the scene's last resort), not as a mention in the sentence.
  const mentions = input.mentions.filter((m) => !isDateline(text, m)).sort((a, b) => a.start - b.start);
  const sents = sentences(text);
  const paras = paragraphs(text);
  const resolve = (name: string): PlaceMention | null => {
    const r = input.resolvePlace?.(name);
    return r ? { text: name, start: 0, end: 0, id: r.id, name: r.name, kind: r.kind, evidence: 'gazetteer' } : null;
  };
  const scene: PlaceScene = { text, mentions, dateline: input.article ? input.article.dateline : datelineOf(text, mentions, input.resolvePlace), topic: input.topic, resolve, info: input.placeInfo };
  const out: FigureContext[] = [];
  const clauseCache = new Map<Span, Clause[]>();
  const wordCache = new Map<Span, Word[]>();
  const heads: Head[] = [];
  // Ages and numbers in names are not figures of their own: their clauses are no other figure's.
  const early = figures.map((f) => {
    const sentence = spanAt(sents, f.start);
    return skipOf(text, f, sentence ? sentence.start : f.start);
  });
  // (The lead's event is read only when a figure asks: most figures' sentences or paragraphs name their own.)
  let leadRead = false, leadValue: string | null = null;
  const lead = () => {
    if (!leadRead) { leadRead = true; leadValue = input.article ? input.article.leadEvent : leadEvent(text, paras); }
    return leadValue;
  };
  const sentenceEvent = new Map<Span, string | null>();
  // A sentence's source is read once (within REACH of its first figure: a hostile sentence is long).
  const sentenceSource = new Map<Span, string | null>();
  const sourceFor = (sentence: Span, f: Figure): string | null => {
    let src = sentenceSource.get(sentence);
    if (src === undefined) sentenceSource.set(sentence, (src = sourceOf(text, sentence, f, nextSentenceOf(sents, sentence))));
    return src;
  };
  const paragraphEvent = new Map<Span, string | null>();
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    const sentence = spanAt(sents, f.start) ?? { start: f.start, end: f.end };
    const paragraph = spanAt(paras, f.start) ?? null;
    if (early[i] === 'age' || early[i] === 'name' || early[i] === 'vague') {
      // Never compared nor listed: nothing more to read.
      heads.push(NO_HEAD_READ);
      out.push({ quantity: skipped(f, early[i]!), sentence, clause: sentence });
      continue;
    }
    let clauses = clauseCache.get(sentence);
    if (!clauses) clauseCache.set(sentence, (clauses = clausesOf(text, sentence)));
    let words = wordCache.get(sentence);
    if (!words) wordCache.set(sentence, (words = wordsIn(text, sentence)));
    const clause = spanContaining(clauses, f.start);
    // The other figures of its sentence (at most NEIGHBOURS on each side: a sentence of a hostile
    // draft can hold thousands).
    const same: Figure[] = [];
    for (let j = Math.max(0, i - NEIGHBOURS); j < figures.length && j <= i + NEIGHBOURS; j++) {
      const g = figures[j];
      if (j !== i && early[j] !== 'age' && early[j] !== 'name' && g.start >= sentence.start && g.end <= sentence.end) same.push(g);
    }
    const otherClauses = [...new Set(same.map((g) => spanContaining(clauses, g.start)))].filter((c) => c !== clause);
    // The figure's own stretch of its clause: up to its neighbours in the clause.
    const prevInClause = same.filter((g) => g.end <= f.start && g.start >= clause.start).pop();
    const nextInClause = same.find((g) => g.start >= f.end && g.end <= clause.end);
    const beforeStart = prevInClause ? prevInClause.end : clause.start;
    const afterEnd = nextInClause ? nextInClause.start : clause.end;

    // The figure it belongs to: a partitive ("van wie 33 in Kyiv") or a bare number after a counted one.
    let parent: Parent | null = null;
    const partitive = clause.partitive || PARTITIVE_AFTER.test(text.slice(f.end, f.end + 12));
    // A noun the figure reader gave it from the figure before ("502 nederzettingen …, in Donetsk 43") counts as none.
    const bare = !f.counted || (f as Figure & { countedInherited?: boolean }).countedInherited === true;
    for (let j = i - 1; j >= 0 && j >= i - NEIGHBOURS && figures[j].start >= sentence.start; j--) {
      if (bare || partitive) {
        if (early[j] === 'age' || early[j] === 'name') continue;
        if (out[j] && out[j].quantity.dimension === f.dimension && (heads[j].concept || out[j].quantity.measure.role)) { parent = { q: out[j].quantity, head: heads[j] }; break; }
      }
    }
    // "143 van de 193 lidstaten": the part takes the noun of the whole; "102 van de 127 raketten
    // neergeschoten": the predicate is the part's, and the whole is what there was (the missiles fired).
    let head = headOf(f.counted);
    const prevFig = i > 0 ? figures[i - 1] : null;
    const isWhole = !!prevFig && prevFig.start >= sentence.start && /^\s+van\s+(?:de|het)\s+$/.test(text.slice(prevFig.end, f.start));
    let wholeOf: Figure | null = null;
    if (bare && f.dimension === 'count') {
      const next = figures[i + 1];
      if (next && next.counted && next.start <= sentence.end && /^\s+van\s+(de|het)\s+$/.test(text.slice(f.end, next.start))) { head = headOf(next.counted); wholeOf = next; }
      else if (parent) head = parent.head;
    }

    let skip: SkipReason | null = early[i];
    if (f.dimension === 'area' && (!head.concept || head.concept === 'area' || head.concept === f.counted)) head = { ...head, concept: 'area' };
    const measure: Measure = { head: head.concept, role: null, side: null, of: null, per: null, headText: f.countedText, roleText: null };
    // A percentage: of what ("40 procent van het veroverde gebied"); its predicate is looked for outside that phrase.
    const ofPhrase = f.dimension === 'percent' ? percentOf(text, f, mentions, clause) : null;
    const territory = f.dimension === 'area' || (ofPhrase?.concept === 'area');
    // The predicate.
    // (Coordinated objects share what follows the last one: "800 vierkante kilometer en tientallen dorpen in handen".)
    const ownRole = head.strongRole || isWhole ? null
      : findRole(words, f.start, f.end, beforeStart, afterEnd, head.concept, ofPhrase, territory, f.numberEnd)
        ?? (nextInClause && /^\s*(?:\p{L}+\s+){0,3}?(?:en|of)\s/u.test(text.slice(f.end, nextInClause.start)) ? findRole(words, nextInClause.end, nextInClause.end, nextInClause.end, clause.end, head.concept, null, territory) : null);
    if (head.strongRole) {
      measure.role = head.role; measure.roleText = f.countedText;
      // "1500 doden en gewonden": killed and wounded together.
      if (head.role === 'killed' && /^\s*(?:en|of)\s+(?:\p{L}+\s+)?gewond/iu.test(text.slice(f.end, f.end + 30))) measure.role = 'casualty';
    }
    else if (ownRole) { measure.role = ownRole.role; measure.roleText = ownRole.text; }
    else if (head.role) { measure.role = head.role; measure.roleText = f.countedText; }
    else if (parent && parent.q.measure.role && (bare || partitive)) { measure.role = parent.q.measure.role; measure.roleText = parent.q.measure.roleText; }
    // (Not after "telt er": "Amsterdam telt er meer dan 35.000" counts what was named before, scooters.)
    if (f.dimension === 'count' && !measure.head && measure.role && ['killed', 'wounded', 'casualty', 'resident'].includes(measure.role)
      && !(measure.role === 'resident' && PARTITIVE_ER.test(text.slice(Math.max(clause.start, f.start - 40), f.start)))) measure.head = 'human';
    // "Inmiddels zou dat nog ongeveer 800 vierkante kilometer zijn": "dat" stands for the quantity just named.
    if (!measure.role && bare) {
      const prev = anaphoricParent(text, f, clause, figures, out, i, sents);
      if (prev) { measure.head = prev.measure.head; measure.role = prev.measure.role; measure.roleText = prev.measure.roleText; measure.side = prev.measure.side; measure.of = prev.measure.of; }
    }
    // "Zo'n tien Nederlandse vrouwen bevinden zich in kampen in Noord-Syrië": people who are
    // somewhere are deployed there only when they are soldiers or a nation's people ("Noord-Koreanen").
    if (measure.role === 'deployed' && measure.head !== 'soldier' && !head.demonym && measure.roleText && PRESENCE_CUE.test(fold(measure.roleText))) { measure.role = null; measure.roleText = null; }
    // "Er zijn 15.000 Noord-Koreaanse militairen in de regio Koersk": soldiers who are somewhere are
    // deployed there; a nation's people only where the clause names the place ("in 2017 waren er zo'n
    // 94.000 Nederlanders bij schuldhulpverlening bekend" is no deployment).
    if (!measure.role && (measure.head === 'soldier' || (head.demonym && within(mentions, clause).length > 0)) && /(?:^|\s)(?:er\s+(?:zijn|waren|bevinden|bevonden|zitten|zaten|staan|stonden)|(?:zijn|waren|bevinden|bevonden|zitten|zaten)\s+er)(?:\s|$)/.test(foldedText(text).slice(Math.max(clause.start, f.start - 200), Math.min(clause.end, f.end + 200)))) { measure.role = 'deployed'; measure.roleText = null; }
    // The whole of "102 van de 127 raketten": drones and missiles that were fired; any other whole has no predicate of its own.
    if (isWhole) { measure.role = null; measure.roleText = null; }
    // Drones and missiles in an attack are launched unless something else is said.
    if (!measure.role && (measure.head === 'drone' || measure.head === 'missile' || measure.head === 'cruise-missile')) { measure.role = 'launched'; measure.roleText = null; }
    // A percentage: of what.
    if (ofPhrase) {
      measure.of = ofPhrase.concept;
      if (!measure.role) measure.role = 'share';
    }
    // A rate: "per dag".
    const per = /^\s*(?:[\p{L}-]+\s+){0,3}?(?:per|elke|iedere|a)\s+(dag|week|maand|jaar|uur|nacht)\b/iu.exec(text.slice(f.end, f.end + 40));
    if (per) measure.per = fold(per[1]);
    // The side.
    measure.side = sideOfPhrase(f.counted ? text.slice(f.numberEnd, f.end) : null) ?? (wholeOf ? sideOfPhrase(text.slice(wholeOf.numberEnd, wholeOf.end)) : null) ?? (head.demonym ? sideOfPhrase(f.counted) : null) ?? sideInClause(within(words, clause), f.start)
      ?? (parent && (bare || partitive) ? parent.q.measure.side : null);
    // People counted in a paragraph that just counted one side's ("Noord-Korea stuurde 14.000 militairen
    // … De inlichtingendienst houdt het op 4700 slachtoffers") are that side's, unless they say otherwise.
    if (!measure.side && measure.head && PEOPLE.has(measure.head) && measure.role && SIDED_ROLES.has(measure.role) && paragraph) {
      for (let j = i - 1; j >= 0 && j >= i - NEIGHBOURS && figures[j].start >= paragraph.start; j--) {
        const pq = out[j].quantity;
        if (pq.measure.side && pq.measure.head && PEOPLE.has(pq.measure.head)) { measure.side = pq.measure.side; break; }
      }
    }

    // A figure without a predicate is compared with nothing (unless it is a distance): only the
    // places its clause or sentence names are kept (for the dossier), and its time and kind are not read.
    const needed = !!measure.role || f.dimension === 'length';
    const where = needed ? whereOf({ scene, figure: f, clause, sentence, paragraph, otherClauses, distance: f.dimension === 'length', sentences: sents })
      : namedWhere(mentions, clause, sentence, f);
    if (!measure.side && where.actor) measure.side = sideOfCountry(where.actor.name) ?? sideOfCountry(where.actor.text);
    if (f.dimension === 'area' && where.scope !== 'clause' && where.scope !== 'sentence') {
      // "… beslaat 112.000 vierkante kilometer, bijna een vijfde van Oekraïne": the whole the area is part of.
      for (const g of same) {
        if (g.dimension !== 'percent') continue;
        const of = percentOf(text, g, mentions, spanContaining(clauses, g.start));
        if (of?.place) { where.place = of.place; where.level = of.level ?? null; where.scope = 'sentence'; break; }
      }
    }
    const partOf = parent && (bare || partitive) ? parent.q : null;
    if (partOf && where.scope !== 'clause') {
      // A part is where its whole is, unless its own clause says otherwise.
      where.place = partOf.where.place; where.level = partOf.where.level; where.scope = partOf.where.scope;
    }
    let when: Quantity['when'] = NOWHEN;
    let event: string | null = null;
    let kind: Quantity['kind'] = f.dimension === 'length' || f.dimension === 'duration' ? 'constant' : 'state';
    if (needed) {
      when = whenOf({ text, times, figure: f, clause, sentence, paragraph, otherClauses, words });
      if (partOf && when.basis === 'none') when = partOf.when;
      let inSentence = sentenceEvent.get(sentence);
      if (inSentence === undefined) sentenceEvent.set(sentence, (inSentence = eventNounOf(words, sentence)));
      const para = paragraph ?? sentence;
      const inParagraph = () => {
        let e = paragraphEvent.get(para);
        if (e === undefined) paragraphEvent.set(para, (e = eventNounIn(text, para)));
        return e;
      };
      // (The paragraph's and the lead's event matter only for a toll or an event's count.)
      event = inSentence ?? partOf?.event ?? (measure.role && EVENTFUL.has(measure.role) ? inParagraph() ?? lead() : null);
      // Losses of an army are a running total unless the sentence names the event.
      // (Not the dead of one town or village: "Bij Zeleny Sjljach zijn twaalf krijgsgevangenen geëxecuteerd".)
      const army = (measure.head === 'soldier' || (!!measure.side && (head.demonym || measure.head === 'human'))) && !((where.scope === 'clause' || where.scope === 'sentence') && where.local);
      kind = kindOf(measure.role, army ? inSentence : event, when, words, clause, f.dimension, army);
      if (partOf && partOf.kind === 'event') kind = 'event';
      // An army's running total is the whole war's unless its own sentence places it.
      if (kind === 'total' && measure.side && where.scope !== 'clause' && where.scope !== 'sentence') { where.place = null; where.level = null; where.scope = 'none'; }
    }
    if (!skip && isChange(words, f.start)) skip = 'change';
    if (!skip && (VOTES.test(measure.of ?? '') || VOTES.test(measure.head ?? '') || VOTES.test(f.counted ?? ''))) skip = 'party';
    if (!skip && measure.role === 'killed' && CAUSE.test(foldedText(text).slice(clause.start, clause.end))) skip = 'cause';
    if (!skip && PLAN.test(foldedText(text).slice(Math.max(clause.start, f.start - 120), f.start))) skip = 'plan';
    if (f.dimension === 'length') {
      // A length is a quantity only as the distance between two named things ("Mezhove ligt op 30 km
      // van Pokrovsk"), or of the front from a place ("de Russen staan op 10 km van Pokrovsk"): that one moves.
      const front = FRONT.test(foldedText(text).slice(Math.max(sentence.start, f.start - 200), f.start));
      if (where.from && front && (!where.place || where.scope !== 'clause')) {
        measure.role = 'distance'; measure.head = 'front'; where.place = where.from; where.level = null; where.scope = 'clause'; kind = 'state';
      } else if (where.from && where.place) { measure.role = 'distance'; measure.head = measure.head ?? 'distance'; }
      else if (!skip) skip = 'length';
    }
    if (!skip && !measure.role) skip = measure.head && PEOPLE.has(measure.head) ? 'generic' : 'undefined';
    if (!skip && f.dimension === 'count' && !measure.head) skip = 'undefined';

    heads.push(head);
    out.push({
      quantity: {
        skip, dimension: f.dimension, unit: f.dimension === 'money' ? f.unit : null,
        measure, where: { place: where.place, level: where.level, scope: where.scope, from: where.from, territory: where.territory },
        kind, when, event, source: needed ? sourceFor(sentence, f) : null,
        ...(needed && !measure.side && /(?:^|\s)(?:elk|elke|ieder|iedere)\s+$/.test(foldedText(text).slice(Math.max(clause.start, f.numberStart - 12), f.numberStart)) ? { each: true } : {}),
      },
      sentence, clause,
    });
  }
  return out;
}

/**
 * For a percentage, what it is a part of — "van het door Oekraïne veroverde gebied" → area, "van
 * Koersk" → the place's area, "van alle gevechten" → gevechten — with the span of that phrase, so
 * that the words inside it ("veroverde") are not taken for the figure's own predicate.
 */
function percentOf(text: string, f: Figure, mentions: readonly PlaceMention[], clause: Span): { concept: string | null; start: number; end: number; place?: string; level?: Quantity['where']['level'] } | null {
  const words = wordsIn(text, { start: f.end, end: Math.min(clause.end, f.end + 120) });
  let i = 0;
  while (i < words.length && i < 2 && words[i].w !== 'van') i++;
  if (words[i]?.w !== 'van') return null;
  const start = words[i].start;
  i++;
  if (i < words.length && /^(?:het|de|hun|zijn|haar|alle|al|heel|dit|deze)$/.test(words[i].w)) i++;
  if (i < words.length && words[i].w === 'het') i++;
  for (let n = 0; i < words.length && n < 6; i++, n++) {
    const w = words[i];
    const place = within(mentions, w).find((x) => x.start === w.start);
    if (place) return { concept: 'area', start, end: place.end, place: place.id, level: levelOf(text, place) };
    if (w.w === 'door' || w.w === 'in' || w.w === 'op') { i++; continue; }  // "door Oekraïne veroverde", "in Koersk veroverde"
    if (/e$/.test(w.w) && i + 1 < words.length && !/^(?:en|of)$/.test(words[i + 1].w) && /^\p{Ll}/u.test(words[i + 1].raw)) continue; // an adjective or participle before the noun ("veroverde gebied")
    return { concept: headOf(w.w).concept, start, end: w.end };
  }
  return null;
}

/** "telt er", "tellen er": the count of a thing named before. */
const PARTITIVE_ER = /\btel(?:t|de|den|len)\s+er\s+(?:\p{L}+\s+){0,3}$/u;
/** Votes and seats: a share or count of them is a party's, which is not read. */
const VOTES = /^(?:stemmen|stem|zetels?|kiezers?|voorkeurstemmen)$/;
/** A stated cause of death ("stierven … aan mazelen"), not a toll's wounds ("overleed aan zijn verwondingen"). */
const CAUSE = /\b(?:stierven|stierf|sterven|sterft|gestorven|overleden|overleed|overlijden|overlijdt)\s+(?:\S+\s+){0,4}?aan\s+(?!(?:hun|zijn|haar|de|het)\s+(?:\S+\s+)?(?:verwondingen|letsel|gevolgen|wonden))/u;

/** An intention or a target before the figure in its clause. */
const PLAN = /\b(?:wil|willen|wilde|wilden|van plan|plan om|plannen om|doel om|het doel is|doelstelling|streeft|streven|ambitie|ambieert)\b/;

/** The sentence after `sentence` in its paragraph, or null. */
function nextSentenceOf(sents: readonly Span[], sentence: Span): Span | null {
  const k = firstAtOrAfter(sents, sentence.end);
  const n = sents[k];
  return n && n.start - sentence.end <= 3 ? n : null;
}

/** An event noun in the text's title or lead: what an article's tolls are about. */
function leadEvent(text: string, paras: readonly Span[]): string | null {
  for (const p of paras.slice(0, 2)) {
    const e = eventNounIn(text, p);
    if (e) return e;
  }
  return null;
}

/** "dat", "dat aantal", "die" as the subject for a quantity named just before: the last figure of
 *  the same dimension earlier in the sentence or in the sentence before. */
function anaphoricParent(text: string, f: Figure, clause: Span, figures: readonly Figure[], out: FigureContext[], i: number, sents: readonly Span[]): Quantity | null {
  const before = foldedText(text).slice(clause.start, f.start);
  if (!/(?:^|\s)(?:dat|die|dit|dat aantal|het aantal|dat getal)(?:\s|$)/.test(before) && !/^\s*(?:zijn|zou|was|is)\b/.test(foldedText(text).slice(f.end, f.end + 8))) return null;
  if (!/(?:^|\s)(?:dat|die|dit|aantal)(?:\s|$)/.test(before + ' ' + foldedText(text).slice(f.end, Math.min(clause.end, f.end + 30)))) return null;
  const sentence = spanAt(sents, f.start);
  const prevSentence = sentence ? spanAt(sents, sentence.start - 2) : undefined;
  for (let j = i - 1; j >= 0 && j >= i - NEIGHBOURS; j--) {
    const g = figures[j];
    if (prevSentence ? g.start < prevSentence.start : sentence && g.start < sentence.start) break;
    const q = out[j].quantity;
    if (q.dimension === f.dimension && q.measure.role && !q.skip) return q;
  }
  return null;
}
