// When, and what kind: the time a figure refers to and whether it counts an event, a state or a
// constant. Rules, with examples in test/unit/quantity/when.test.ts:
//  - time: a time expression of the figure's clause, else of its sentence; "toen" takes the time of
//    the sentence before; the war's periods ("voor de oorlog", "sinds het begin van de invasie");
//  - present: "nog", "inmiddels", "nu" say that a state holds now;
//  - kind: a toll, the drones of a night or an exchange is an event (an attack, a strike, an
//    exchange in the sentence, or a role that only events have); area held, inhabitants, troops
//    and running totals are states; the length of a thing is a constant.

import type { TimeExpression } from '../../dutch/types';
import { fold, type Span } from '../../dutch/tokens';
import type { QuantityKind, Role, When } from './model';
import type { Word } from './clauses';

/** The day the full-scale invasion began: "voor de oorlog" ends, "sinds het begin van de oorlog" starts. */
export const WAR_START = '2022-02-24';

const WAR = '(?:de\\s+)?(?:grote\\s+|grootschalige\\s+|volledige\\s+)?(?:russische\\s+)?(?:oorlog|invasie|inval|aanval)';
const PERIODS: { re: RegExp; from: string | null; to: string | null; present: boolean }[] = [
  { re: new RegExp(`\\bvoor\\s+${WAR}\\b`, 'u'), from: '2021-02-24', to: WAR_START, present: false },
  { re: new RegExp(`\\bbij\\s+(?:het\\s+)?begin\\s+van\\s+${WAR}\\b`, 'u'), from: '2021-02-24', to: WAR_START, present: false },
  { re: new RegExp(`\\b(?:sinds|vanaf)\\s+(?:het\\s+)?begin\\s+van\\s+${WAR}\\b|\\bsinds\\s+${WAR}\\b`, 'u'), from: WAR_START, to: null, present: true },
];

/** Words that say a state holds at the time of writing. */
const PRESENT = /^(?:nog|inmiddels|nu|momenteel|thans|tegenwoordig|intussen)$/;
/** Words of an event that a toll or a count belongs to. */
const EVENT_NOUN = /^(?:(?:\p{L}+-)?aanval(?:len)?|raketaanval(?:len)?|luchtaanval(?:len)?|droneaanval(?:len)?|drone-aanval(?:len)?|inslag|raketinslag|explosie|explosies|beschieting(?:en)?|bombardement(?:en)?|aanslag|ruil|gevangenenruil|uitwisseling|ongeluk|brand|crash|botsing|schietpartij|steekpartij|overstroming|aardbeving|nacht|vannacht|ramp|gevecht|gevechten|inval|offensief|tegenoffensief)$/u;
/** Roles only an event has. */
const EVENT_ROLES = new Set<Role>(['launched', 'downed', 'exchanged', 'hospitalised', 'invaded', 'taken-prisoner']);
/** Roles of a toll: an event when the sentence names one, else a running total (a state). */
const TOLL_ROLES = new Set<Role>(['killed', 'wounded', 'casualty', 'missing', 'destroyed']);
/** Words that make a toll a running total. */
const TOTAL = /^(?:sinds|totaal|totale|opgeteld|cumulatief|sindsdien)$/;

export interface WhenInput {
  text: string;
  times: readonly TimeExpression[];
  figure: Span;
  clause: Span;
  sentence: Span;
  paragraph: Span | null;
  /** The clauses of the sentence that hold a figure of their own. */
  otherClauses: readonly Span[];
  words: readonly Word[];
}

function explicit(t: TimeExpression): When {
  return { from: t.from, to: t.to, text: t.text, basis: 'explicit' };
}

const NONE: When = { from: null, to: null, text: null, basis: 'none' };

/** The time a figure refers to. */
export function whenOf(input: WhenInput): When {
  const { text, times, clause, sentence, figure } = input;
  const usable = (t: TimeExpression) => t.kind !== 'clock' && (t.from || t.to);
  const inClause = times.filter((t) => usable(t) && t.start >= clause.start && t.end <= clause.end);
  if (inClause.length) {
    // The nearest one to the figure.
    inClause.sort((a, b) => dist(a, figure) - dist(b, figure));
    return explicit(inClause[0]);
  }
  const clauseText = fold(text.slice(clause.start, clause.end));
  for (const p of PERIODS) if (p.re.test(clauseText)) return { from: p.from, to: p.to, text: p.re.exec(clauseText)![0], basis: p.present ? 'present' : 'explicit' };
  const inSentence = times.filter((t) => usable(t) && t.start >= sentence.start && t.end <= sentence.end
    && !input.otherClauses.some((c) => t.start >= c.start && t.end <= c.end));
  if (inSentence.length) { inSentence.sort((a, b) => dist(a, figure) - dist(b, figure)); return explicit(inSentence[0]); }
  const sentenceText = fold(text.slice(sentence.start, sentence.end));
  for (const p of PERIODS) if (p.re.test(sentenceText)) return { from: p.from, to: p.to, text: p.re.exec(sentenceText)![0], basis: p.present ? 'present' : 'explicit' };
  // "toen": the time of the sentence before (in the paragraph).
  if (/\btoen\b/.test(sentenceText) && input.paragraph) {
    const before = times.filter((t) => usable(t) && t.end <= sentence.start && t.start >= input.paragraph!.start);
    if (before.length) return explicit(before[before.length - 1]);
  }
  if (input.words.some((w) => w.start >= clause.start && w.end <= clause.end && PRESENT.test(w.w))) return { ...NONE, basis: 'present' };
  return NONE;
}

function dist(t: Span, f: Span): number {
  return t.end <= f.start ? f.start - t.end : t.start >= f.end ? t.start - f.end : 0;
}

/** An event noun of the sentence ("aanval", "ruil"), or null. */
export function eventNounOf(words: readonly Word[], sentence: Span): string | null {
  for (const w of words) if (w.start >= sentence.start && w.end <= sentence.end && EVENT_NOUN.test(w.w)) return w.w;
  return null;
}

/** The kind of a quantity from its role, the sentence's event noun and its time. */
export function kindOf(role: Role | null, event: string | null, when: When, words: readonly Word[], clause: Span, dimension: string, army = false): QuantityKind {
  if (dimension === 'length' || dimension === 'duration') return 'constant';
  if (role && EVENT_ROLES.has(role)) return 'event';
  if (role && TOLL_ROLES.has(role)) {
    const total = words.some((w) => w.start >= clause.start && w.end <= clause.end && TOTAL.test(w.w)) || when.basis === 'present';
    if (total) return 'state';
    // An army's losses are a running total unless the sentence names the event (the caller passes only that one).
    if (event || (!army && when.basis === 'explicit' && when.from && when.to && when.from === when.to)) return 'event';
    return 'state';
  }
  return 'state';
}
