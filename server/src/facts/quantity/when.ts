// When, and what kind: the time a figure refers to and whether it counts an event, a state or a
// constant. Rules, with examples in test/unit/quantity/when.test.ts:
//  - time: a time expression of the figure's clause, else of its sentence; "toen" takes the time of
//    the sentence before; the war's periods ("voor de oorlog", "sinds het begin van de invasie");
//  - present: "nog", "inmiddels", "nu" say that a state holds now; "nog" before what is left of a
//    stock ("er wonen nog 11.000 mensen") says it is what remains (it only shrinks);
//  - kind: a toll, the drones of a night or an exchange is an event (an attack, a strike, an
//    exchange in the sentence, or a role that only events have); area held, inhabitants, troops
//    and running totals are states; the length of a thing is a constant.

import type { TimeExpression } from '../../dutch/types';
import type { Span } from '../../dutch/tokens';
import type { QuantityKind, Role, When } from './model';
import type { Word } from './clauses';
import { within, foldedText } from './spans';

/** The day the full-scale invasion began: "voor de oorlog" ends, "sinds het begin van de oorlog" starts. */
export const WAR_START = '2022-02-24';

// "de oorlog", "de invasie", "de grote (Russische) aanval": not "de inval" of one offensive (Koersk, August 2024).
const WAR = '(?:de\\s+)?(?:(?:oorlog|invasie|russische\\s+invasie)|(?:grote|grootschalige|volledige)\\s+(?:russische\\s+)?(?:oorlog|invasie|inval|aanval))';
const PERIODS: { re: RegExp; from: string | null; to: string | null; present: boolean }[] = [
  { re: new RegExp(`\\bvoor\\s+${WAR}\\b`, 'u'), from: '2021-02-24', to: WAR_START, present: false },
  { re: new RegExp(`\\bbij\\s+(?:het\\s+)?begin\\s+van\\s+${WAR}\\b`, 'u'), from: '2021-02-24', to: WAR_START, present: false },
  { re: new RegExp(`\\b(?:sinds|vanaf)\\s+(?:het\\s+)?begin\\s+van\\s+${WAR}\\b|\\bsinds\\s+${WAR}\\b`, 'u'), from: WAR_START, to: null, present: true },
];

/** Words that say a state holds at the time of writing. */
const PRESENT = /^(?:nog|inmiddels|nu|momenteel|thans|tegenwoordig|intussen)$/;
/** Words that place a figure in an undated past of its article ("op het hoogtepunt", "aanvankelijk"). */
const EARLIER = /\b(?:op het hoogtepunt|aanvankelijk|eerder|destijds|oorspronkelijk|in het begin|eerst)\b/;
/** Finite verbs in the simple past. */
const PAST = /^(?:werd|werden|was|waren|had|hadden|kwam|kwamen|viel|vielen|telde|telden|woonde|woonden|hield|hielden|stond|stonden|lag|lagen|ging|gingen|kreeg|kregen|zat|zaten|bleef|bleven|liep|liepen|vuurde|vuurden|raakte|raakten|stierf|stierven|sneuvelde|sneuvelden|vluchtte|vluchtten|verloor|veroverde|veroverden|heroverde|heroverden|controleerde|controleerden|bezette|bezetten|evacueerde|evacueerden|ruilden|ruilde|claimde|claimden|meldde|meldden|zei|zeiden|schatte|schatten|stuurde|stuurden|haalde|haalden|droegen|droeg|keerden|keerde|trok|trokken|nam|namen|verlieten|verliet|vertrokken|vertrok)$/;
/** The auxiliaries of the perfect, and participles (ge-… or a prefixed verb's). */
const AUXILIARY = /^(?:heeft|hebben|is|zijn)$/;
const PARTICIPLE = /^(?:ge\p{L}{3,}(?:d|t|en)|\p{L}*(?:heroverd|veroverd|bevrijd|ingenomen|teruggewonnen|terugveroverd|verloren|verlaten|onderschept|vernietigd|omgekomen|opgenomen|ontvlucht|vertrokken|uitgeschakeld|overgestoken))$/u;
/** Finite verbs in the present (a clause with one speaks of now). */
const PRESENT_FINITE = /^(?:is|zijn|wordt|worden|heeft|hebben|komt|komen|valt|vallen|telt|tellen|woont|wonen|houdt|houden|staat|staan|ligt|liggen|gaat|gaan|krijgt|krijgen|zit|zitten|blijft|blijven|controleert|bezet|meldt|zegt|schat|claimt|verblijven|verblijft|beslaat|beslaan|bedraagt|bedragen|omvat|omvatten)$/;
/** Words of an event that a toll or a count belongs to. */
const EVENT_NOUN = /^(?:(?:\p{L}+-)?aanval(?:len)?|raketaanval(?:len)?|luchtaanval(?:len)?|droneaanval(?:len)?|drone-aanval(?:len)?|inslag|raketinslag|explosie|explosies|beschieting(?:en)?|bombardement(?:en)?|aanslag|ruil|gevangenenruil|uitwisseling|ongeluk|brand|crash|botsing|schietpartij|steekpartij|overstroming|aardbeving|nacht|vannacht|ramp|gevecht|gevechten|inval|offensief|tegenoffensief)$/u;
/** The same words, found in a span of folded text in one scan. */
const EVENT_IN = new RegExp(`(?:^|[^\\p{L}-])((?:${EVENT_NOUN.source.slice(4, -2)}))(?![\\p{L}])`, 'u');
/** Letters every event word contains one of: a span without any is answered without the regex. */
const EVENT_PARTS = /aanval|inslag|explosie|beschieting|bombardement|aanslag|ruil|uitwisseling|ongeluk|brand|crash|botsing|partij|overstroming|aardbeving|nacht|ramp|gevecht|inval|offensief/;
/** Roles only an event has. */
const EVENT_ROLES = new Set<Role>(['launched', 'downed', 'exchanged', 'hospitalised', 'invaded', 'taken-prisoner']);
/** Roles of a toll: an event when the sentence names one, else a running total (a state). */
const TOLL_ROLES = new Set<Role>(['killed', 'wounded', 'casualty', 'missing', 'destroyed']);
/** Roles whose count only grows: people who fled or were evacuated, troops sent. */
const TOTAL_ROLES = new Set<Role>(['fled', 'sent']);
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
  const inClause = within(times, { start: Math.max(clause.start, figure.start - 600), end: Math.min(clause.end, figure.end + 600) }).filter(usable);
  if (inClause.length) {
    // The nearest one to the figure.
    inClause.sort((a, b) => dist(a, figure) - dist(b, figure));
    return explicit(inClause[0]);
  }
  const clauseText = foldedText(text).slice(Math.max(clause.start, figure.start - 300), Math.min(clause.end, figure.end + 300));
  for (const p of PERIODS) if (p.re.test(clauseText)) return { from: p.from, to: p.to, text: p.re.exec(clauseText)![0], basis: p.present ? 'present' : 'explicit' };
  const inSentence = within(times, { start: Math.max(sentence.start, figure.start - 1500), end: Math.min(sentence.end, figure.end + 1500) }).filter((t) => usable(t)
    && !input.otherClauses.some((c) => t.start >= c.start && t.end <= c.end));
  if (inSentence.length) { inSentence.sort((a, b) => dist(a, figure) - dist(b, figure)); return explicit(inSentence[0]); }
  const sentenceText = foldedText(text).slice(Math.max(sentence.start, figure.start - 600), Math.min(sentence.end, figure.end + 600));
  for (const p of PERIODS) if (p.re.test(sentenceText)) return { from: p.from, to: p.to, text: p.re.exec(sentenceText)![0], basis: p.present ? 'present' : 'explicit' };
  // "toen": the time of the sentence before (in the paragraph).
  if (/\btoen\b/.test(sentenceText) && input.paragraph) {
    const before = within(times, { start: input.paragraph.start, end: sentence.start }).filter(usable);
    if (before.length) return explicit(before[before.length - 1]);
  }
  if (EARLIER.test(clauseText)) return { ...NONE, basis: 'past' };
  const inOwnClause = within(input.words, { start: Math.max(clause.start, figure.start - 600), end: Math.min(clause.end, figure.end + 600) });
  const now = inOwnClause.findIndex((w) => PRESENT.test(w.w));
  if (now >= 0) return { ...NONE, basis: isRemaining(inOwnClause, figure) ? 'remaining' : 'present' };
  // A finite verb in the simple past, and none in the present: an undated past ("werden … bevrijd");
  // so is the perfect, news's tense for what happened ("zijn … heroverd", "heeft … veroverd").
  if (inOwnClause.some((w) => PAST.test(w.w)) && !inOwnClause.some((w) => PRESENT_FINITE.test(w.w))) return { ...NONE, basis: 'past' };
  if (inOwnClause.some((w) => AUXILIARY.test(w.w)) && inOwnClause.some((w) => PARTICIPLE.test(w.w))) return { ...NONE, basis: 'perfect' };
  return NONE;
}

/** Words between "nog" and the figure that keep it what is left: "nog slechts 200". */
const ONLY = /^(?:slechts|amper|ternauwernood)$/;

/** "nog" right before the figure says it is what is left of a stock: "er wonen nog zo'n 11.000
 *  mensen", "heeft nog bijna 800 km² in handen" ("nog eens 200" is a figure of its own: "eens"
 *  stands between). */
function isRemaining(words: readonly Word[], figure: Span): boolean {
  const i = words.findIndex((w) => w.start >= figure.start);
  if (i < 0) return false;
  let k = i - 1;
  while (k >= 0 && ONLY.test(words[k].w)) k--;
  return k >= 0 && words[k].w === 'nog';
}

function dist(t: Span, f: Span): number {
  return t.end <= f.start ? f.start - t.end : t.start >= f.end ? t.start - f.end : 0;
}

/** The first event noun of a span, read from the folded text at once (a paragraph, a lead). */
export function eventNounIn(text: string, span: Span): string | null {
  const s = foldedText(text).slice(span.start, span.end);
  if (!EVENT_PARTS.test(s)) return null;
  const m = EVENT_IN.exec(s);
  return m ? m[1] : null;
}

/** An event noun of the sentence ("aanval", "ruil"), or null. */
export function eventNounOf(words: readonly Word[], sentence: Span): string | null {
  for (const w of within(words, sentence)) if (EVENT_NOUN.test(w.w)) return w.w;
  return null;
}

/** The kind of a quantity from its role, the sentence's event noun and its time. */
export function kindOf(role: Role | null, event: string | null, when: When, words: readonly Word[], clause: Span, dimension: string, army = false): QuantityKind {
  if (dimension === 'length' || dimension === 'duration') return 'constant';
  if (role === 'exchanged' && within(words, clause).some((w) => TOTAL.test(w.w))) return 'total';
  if (role && EVENT_ROLES.has(role)) return 'event';
  const inClause = within(words, clause);
  const totalCue = inClause.some((w) => TOTAL.test(w.w));
  if (role && TOTAL_ROLES.has(role)) return 'total';
  if (role && TOLL_ROLES.has(role)) {
    if (totalCue || when.basis === 'present' || when.basis === 'remaining') return 'total';
    // An army's losses are a running total unless the sentence names the event (the caller passes only that one).
    if (event || (!army && when.basis === 'explicit' && when.from && when.to && when.from === when.to)) return 'event';
    // An army's losses are a running total; a toll without an event or a total's words is a state.
    return army ? 'total' : 'state';
  }
  return 'state';
}
