// Reading the quantity of every figure of a text: the rules of measure.ts, where.ts, when.ts and
// skip.ts applied in order, with what a figure takes from the figure it belongs to ("…, van wie
// 33 in Kyiv", "45 drones: dertien op oudejaarsavond en 32 na middernacht").

import type { Figure, PlaceMention, TimeExpression } from '../../dutch/types';
import { sentences, paragraphs, spanAt, fold, type Span } from '../../dutch/tokens';
import type { Quantity, Measure, SkipReason } from './model';
import { clausesOf, clauseAt, wordsIn, type Clause, type Word } from './clauses';
import { findRole, headOf, isChange, PEOPLE, sideInClause, sideOfCountry, sideOfPhrase, type Head } from './measure';
import { whereOf, DATELINE, type PlaceScene } from './where';
import { whenOf, kindOf, eventNounOf } from './when';
import { skipOf } from './skip';

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
}

/** The place of a dateline in the text's first paragraphs ("KYIV (ANP/RTR) - …"). */
export function datelineOf(text: string, mentions: readonly PlaceMention[], resolve: ReadInput['resolvePlace']): PlaceMention | null {
  const paras = paragraphs(text);
  for (const p of paras.slice(0, 4)) {
    const m = DATELINE.exec(text.slice(p.start, Math.min(p.end, p.start + 60)));
    if (!m) continue;
    const name = m[1].trim();
    if (name.length < 3 || !/\p{Lu}{3}/u.test(name)) continue;
    const at = mentions.find((x) => x.start === p.start);
    if (at) return at;
    const titled = name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
    const r = resolve?.(titled) ?? null;
    if (r) return { text: name, start: p.start, end: p.start + name.length, id: r.id, name: r.name, kind: r.kind, evidence: 'gazetteer' };
  }
  return null;
}

const PARTITIVE_AFTER = /^\s+(?:van\s+hen|daarvan|ervan)\b/i;

/** What a bare or partitive figure takes from the figure it belongs to. */
interface Parent { q: Quantity; head: Head }

export function readQuantities(input: ReadInput): FigureContext[] {
  const { text, figures, times } = input;
  const mentions = input.mentions.slice().sort((a, b) => a.start - b.start);
  const sents = sentences(text);
  const paras = paragraphs(text);
  const scene: PlaceScene = { text, mentions, dateline: datelineOf(text, mentions, input.resolvePlace), topic: input.topic };
  const out: FigureContext[] = [];
  const clauseCache = new Map<Span, Clause[]>();
  const wordCache = new Map<Span, Word[]>();
  const heads: Head[] = [];
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    const sentence = spanAt(sents, f.start) ?? { start: f.start, end: f.end };
    const paragraph = spanAt(paras, f.start) ?? null;
    let clauses = clauseCache.get(sentence);
    if (!clauses) clauseCache.set(sentence, (clauses = clausesOf(text, sentence)));
    let words = wordCache.get(sentence);
    if (!words) wordCache.set(sentence, (words = wordsIn(text, sentence)));
    const clause = clauseAt(clauses, f.start);
    const same = figures.filter((g, j) => j !== i && g.start >= sentence.start && g.end <= sentence.end);
    const otherClauses = clauses.filter((c) => c !== clause && same.some((g) => g.start >= c.start && g.end <= c.end));
    // The figure's own stretch of its clause: up to its neighbours in the clause.
    const prevInClause = same.filter((g) => g.end <= f.start && g.start >= clause.start).pop();
    const nextInClause = same.find((g) => g.start >= f.end && g.end <= clause.end);
    const beforeStart = prevInClause ? prevInClause.end : clause.start;
    const afterEnd = nextInClause ? nextInClause.start : clause.end;

    // The figure it belongs to: a partitive ("van wie 33 in Kyiv") or a bare number after a counted one.
    let parent: Parent | null = null;
    const partitive = clause.partitive || PARTITIVE_AFTER.test(text.slice(f.end, f.end + 12));
    for (let j = i - 1; j >= 0 && figures[j].start >= sentence.start; j--) {
      if (!f.counted || partitive) {
        if (out[j] && out[j].quantity.dimension === f.dimension && (heads[j].concept || out[j].quantity.measure.role)) { parent = { q: out[j].quantity, head: heads[j] }; break; }
      }
    }
    // "143 van de 193 lidstaten": the part takes the noun of the whole.
    let head = headOf(f.counted);
    if (!f.counted && f.dimension === 'count') {
      const next = figures[i + 1];
      if (next && next.counted && next.start <= sentence.end && /^\s+van\s+(de|het)\s+$/.test(text.slice(f.end, next.start))) head = headOf(next.counted);
      else if (parent) head = parent.head;
    }

    let skip: SkipReason | null = skipOf(text, f, sentence.start);
    const measure: Measure = { head: head.concept, role: null, side: null, of: null, per: null, headText: f.countedText, roleText: null };
    // The predicate.
    const ownRole = head.strongRole ? null : findRole(words, f.start, f.end, beforeStart, afterEnd, head.concept);
    if (head.strongRole) { measure.role = head.role; measure.roleText = f.countedText; }
    else if (ownRole) { measure.role = ownRole.role; measure.roleText = ownRole.text; }
    else if (head.role) { measure.role = head.role; measure.roleText = f.countedText; }
    else if (parent && parent.q.measure.role && (!f.counted || partitive)) { measure.role = parent.q.measure.role; measure.roleText = parent.q.measure.roleText; }
    if (!measure.head && measure.role && ['killed', 'wounded', 'casualty'].includes(measure.role)) measure.head = 'human';
    if (!measure.head && measure.role === 'resident') measure.head = 'human';
    // Drones and missiles in an attack are launched unless something else is said.
    if (!measure.role && (measure.head === 'drone' || measure.head === 'missile' || measure.head === 'cruise-missile')) { measure.role = 'launched'; measure.roleText = null; }
    // A percentage: of what.
    if (f.dimension === 'percent') {
      const of = percentOf(text, f, mentions);
      measure.of = of;
      if (of && !measure.role) measure.role = 'share';
    }
    // A rate: "per dag".
    const per = /^\s*(?:per|elke|iedere|a)\s+(dag|week|maand|jaar|uur|nacht)\b/i.exec(text.slice(f.end, f.end + 20));
    if (per) measure.per = fold(per[1]);
    // The side.
    measure.side = sideOfPhrase(f.countedText) ?? (head.demonym ? sideOfPhrase(f.counted) : null) ?? sideInClause(words.filter((w) => w.start >= clause.start && w.end <= clause.end))
      ?? (parent && (!f.counted || partitive) ? parent.q.measure.side : null);

    const where = whereOf({ scene, figure: f, clause, sentence, paragraph, otherClauses, distance: f.dimension === 'length' });
    if (!measure.side && where.actor) measure.side = sideOfCountry(where.actor.name) ?? sideOfCountry(where.actor.text);
    const partOf = parent && (!f.counted || partitive) ? parent.q : null;
    if (partOf && where.scope !== 'clause') {
      // A part is where its whole is, unless its own clause says otherwise.
      where.place = partOf.where.place; where.level = partOf.where.level; where.scope = partOf.where.scope;
    }
    let when = whenOf({ text, times, figure: f, clause, sentence, paragraph, otherClauses, words });
    if (partOf && when.basis === 'none') when = partOf.when;
    const event = eventNounOf(words, sentence) ?? partOf?.event ?? null;
    let kind = kindOf(measure.role, event, when, words, clause, f.dimension);
    if (partOf && partOf.kind === 'event') kind = 'event';

    if (!skip && isChange(words, f.start)) skip = 'change';
    if (!skip && f.dimension === 'length' && !(where.from && where.place)) skip = 'length';
    if (!skip && !measure.role) skip = measure.head && PEOPLE.has(measure.head) ? 'generic' : 'undefined';
    if (!skip && f.dimension === 'count' && !measure.head) skip = 'undefined';

    heads.push(head);
    out.push({
      quantity: {
        skip, dimension: f.dimension, unit: f.dimension === 'money' ? f.unit : null,
        measure, where: { place: where.place, level: where.level, scope: where.scope, from: where.from, sentencePlaces: where.sentencePlaces },
        kind, when, event,
      },
      sentence, clause,
    });
  }
  return out;
}

const PERCENT_OF = /^\s+(?:van\s+)(?:het|de|hun|zijn|haar|alle|al\s+het|heel)?\s*((?:[\p{L}-]+\s+){0,5}?)([\p{L}-]+)/u;

/** For a percentage, what it is a part of: a concept ("gebied" → area) or, for a place ("86 procent van Koersk"), its area. */
function percentOf(text: string, f: Figure, mentions: readonly PlaceMention[]): string | null {
  const m = PERCENT_OF.exec(text.slice(f.end, f.end + 90));
  if (!m) return null;
  const first = f.end + m[0].length - (m[1] + m[2]).length;
  if (mentions.some((x) => x.start === first)) return 'area';
  const words = (m[1] + m[2]).trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const w = fold(words[i]);
    if (w === 'door') { i++; continue; }
    if (/(e|en)$/.test(w) && i < words.length - 1) continue;
    return headOf(w).concept;
  }
  return null;
}
