// Small, explicit lexicons of Dutch news semantics used to decide whether two figures are about
// the same quantity: which counted nouns are interchangeable, which verbs name the same event,
// and which nationality words qualify a counted noun. Every rule here is explainable in a message.

import { fold } from '../dutch/tokens';
import { BoundedMemo } from '../core/memo';

/** Groups of counted-noun lemmas that news uses interchangeably for one quantity. */
const COUNTED_GROUPS: string[][] = [
  ['militair', 'soldaat', 'troep', 'strijder', 'manschap', 'militairen', 'troepen', 'vechter', 'strijdkracht'],
  ['inwoner', 'mens', 'bewoner', 'burger', 'persoon', 'ingezetene', 'burgers'],
  ['gebied', 'terrein', 'grondgebied', 'territorium', 'land'],
  ['nederzetting', 'plaats', 'plaatsje', 'dorp', 'dorpje', 'woonkern', 'kern', 'gemeente'],
  ['krijgsgevangene', 'krijgsgevangen', 'gevangene', 'krijgsgevangenen'],
  ['drone', 'onbemand vliegtuig'],
  ['dode', 'doden', 'slachtoffer', 'omgekomene', 'gedode'],
  ['gewonde', 'gewonden'],
  ['vluchteling', 'ontheemde', 'evacué'],
  ['schuilkelder', 'schuilplaats', 'bunker'],
];

const groupOf = new Map<string, number>();
COUNTED_GROUPS.forEach((g, i) => g.forEach((w) => groupOf.set(stem(w), i)));

/** A crude stem for comparing counted lemmas: folded, lower-case, without a final -e/-en/-s,
 *  so "krijgsgevangen" (a common typo) and "krijgsgevangene" compare equal. */
export function stem(word: string): string {
  let w = fold(word).replace(/[’']/g, '');
  const last = w.split(/[\s-]/).pop() ?? w;
  // Compounds: the head of a Dutch compound is its last part; keep the whole for identity
  // but strip inflection endings.
  w = w.replace(/(en|es|s|e)$/, '');
  return w.length >= 3 ? w : fold(last);
}

/** Nationality/demonym words that, when they qualify a counted noun, make it a different population. */
const NATIONALITY = /^(noord-?kore|zuid-?kore|russ|oekra[iï]n|amerika|brit|frans|duits|nederland|belg|pool|pools|chin|iran|isra[eë]l|palestijn|syri|turk|wit-?russ|georgi|tsjetsj|europe|navo)/;

export function nationalityOf(words: string | null): string | null {
  if (!words) return null;
  for (const w of fold(words).split(/\s+/)) {
    const m = NATIONALITY.exec(w);
    if (m) return m[1].replace(/-/g, '').replace(/^(russ).*/, 'russ');
  }
  return null;
}

/** The head concept of a counted noun phrase for matching, plus nationality if any. */
export interface CountedConcept {
  /** Stem of the head noun, or null. */
  head: string | null;
  /** Group index of the head (synonyms), or -1. */
  group: number;
  /** Nationality qualifier ("russ", "noordkore"), or null. */
  nationality: string | null;
}

export function countedConcept(lemma: string | null, countedText: string | null): CountedConcept {
  const nat = nationalityOf(countedText) ?? nationalityOf(lemma);
  if (!lemma) return { head: null, group: -1, nationality: nat };
  const head = stem(lemma);
  let group = groupOf.get(head) ?? -1;
  // A demonym as the counted noun ("11.000 Noord-Koreanen") counts people, soldiers in war news:
  // it stands for its nationality and is compatible with the person/soldier groups.
  if (group < 0 && NATIONALITY.test(fold(lemma))) group = -2;
  return { head, group, nationality: nat };
}

/** Whether two counted concepts can be the same quantity, and why not if not. */
export function countedCompatible(a: CountedConcept, b: CountedConcept): { ok: boolean; why: string } {
  if (a.nationality && b.nationality && a.nationality !== b.nationality) {
    return { ok: false, why: 'nationality' };
  }
  if (!a.head || !b.head) {
    // One side counts nothing named: only compatible when the other is also bare.
    return a.head === b.head ? { ok: true, why: 'both-bare' } : { ok: false, why: 'bare-vs-noun' };
  }
  if (a.head === b.head) return { ok: true, why: 'same-noun' };
  if (a.group >= 0 && a.group === b.group) return { ok: true, why: 'synonym' };
  // Demonym vs people/soldiers: "Noord-Koreanen" vs "Noord-Koreaanse militairen".
  // In war news a nationality in the plural ("11.000 Noord-Koreanen") counts soldiers, not residents.
  const MILITARY = groupOf.get(stem('militair'));
  const isDemonymPair = (x: CountedConcept, y: CountedConcept) =>
    x.group === -2 && (y.group === MILITARY || y.group === -2) && (x.nationality === y.nationality || !y.nationality);
  if (isDemonymPair(a, b) || isDemonymPair(b, a)) return { ok: true, why: 'demonym' };
  return { ok: false, why: 'different-noun' };
}

/** Event verbs, grouped: a figure's event is the set of groups found in its clause. */
const EVENT_GROUPS: { id: string; nl: string; en: string; re: RegExp }[] = [
  { id: 'heroveren', nl: 'heroverd', en: 'recaptured', re: /^(heroverd?e?n?|herover[td]e?n?|terugverover\w*|teruggewonnen|terugwinn\w*|terugw[io]n\w*|herwonnen|herwinn\w*|bevrijd\w*|ontzet)$/ },
  { id: 'veroveren', nl: 'veroverd', en: 'captured', re: /^(verover\w*|ingenomen|inneemt|innemen|nam|namen|bezet\w*|ingelijfd|annexe\w*|geannexeerd)$/ },
  { id: 'bezitten', nl: 'in handen', en: 'held', re: /^(handen|controle|controleert|controleren|bezit|bezitten|houdt|houden)$/ },
  { id: 'evacueren', nl: 'geëvacueerd', en: 'evacuated', re: /^(geevacueerd|evacue\w*|verlaten|verlieten|verliet|gevlucht|vlucht\w*|ontvlucht\w*|ontheemd)$/ },
  { id: 'executeren', nl: 'geëxecuteerd', en: 'executed', re: /^(geexecuteerd|execute\w*|executie\w*|vermoord\w*|gedood|doodgeschoten)$/ },
  { id: 'sneuvelen', nl: 'omgekomen', en: 'killed', re: /^(gesneuveld|sneuvel\w*|omgekomen|kwamen|komen|dood|doden|gedood|omgebracht|slachtoffers?)$/ },
  { id: 'wonen', nl: 'wonen', en: 'live', re: /^(wonen|woonden|woont|woonde|bevolking|telt|telde)$/ },
  { id: 'vechten', nl: 'vechten', en: 'fight', re: /^(vechten|vocht|vochten|strijden|ingezet|inzetten|zette|zetten|meevechten|mee)$/ },
  { id: 'aanvallen', nl: 'aangevallen', en: 'attacked', re: /^(aangevallen|aanval\w*|aanvielen|beschoten|beschiet\w*|neergehaald|neerhalen|onderschept\w*|afgevuurd)$/ },
  { id: 'liggen', nl: 'ligt op', en: 'lies at', re: /^(ligt|lag|liggen|afstand|verderop)$/ },
  { id: 'plaatsen', nl: 'geplaatst', en: 'installed', re: /^(geplaatst|plaatste|plaatsten|installe\w*|geinstalleerd|gebouwd|bouwen)$/ },
];

/**
 * The three-letter beginnings an event word can have, derived from the groups' patterns (each
 * alternative of `^(…|…)$` starts with at least three plain letters: checked here), as a table
 * over a-z³. Most words of a sentence begin otherwise: they are answered without a lookup in the
 * memo below, which on an archive of tens of thousands of articles is large and slow to reach.
 * Null when some alternative does not start with three plain letters (then every word is looked up).
 */
const EVENT_PREFIXES: Uint8Array | null = (() => {
  const table = new Uint8Array(26 * 26 * 26);
  for (const g of EVENT_GROUPS) {
    const m = /^\^\((.*)\)\$$/.exec(g.re.source);
    if (!m || g.re.flags.replace(/[gy]/g, '') !== '') return null;
    for (const alt of m[1].split('|')) {
      // The leading plain letters; a letter followed by a quantifier is optional, so it does not count.
      let n = 0;
      while (n < alt.length && alt.charCodeAt(n) >= 97 && alt.charCodeAt(n) <= 122) n++;
      if (n < alt.length && '?*+{'.includes(alt[n])) n--;
      if (n < 3 || /[()|]/.test(alt)) return null;
      table[(alt.charCodeAt(0) - 97) * 676 + (alt.charCodeAt(1) - 97) * 26 + (alt.charCodeAt(2) - 97)] = 1;
    }
  }
  return table;
})();

/** Whether `w` may be an event word: false only when its first three letters (ASCII, so folding
 *  only lower-cases them) begin no event word, or it is shorter than any. */
function mayBeEventWord(w: string): boolean {
  if (!EVENT_PREFIXES) return true;
  let idx = 0;
  for (let i = 0; i < 3; i++) {
    if (i >= w.length) return false;
    let c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c < 97 || c > 122) return true;   // a diacritic, digit or sign: ask the patterns
    idx = idx * 26 + (c - 97);
  }
  return EVENT_PREFIXES[idx] === 1;
}

/** The event groups of one word (memoised: an archive has a few hundred thousand distinct words).
 *  A figure's events are those of the words of its clause, or else of its sentence (context.ts). */
const wordEvents = new BoundedMemo<string, readonly string[]>(200_000);
const NO_EVENTS: readonly string[] = Object.freeze([]);
export function eventsOfWord(w: string): readonly string[] {
  if (!mayBeEventWord(w)) return NO_EVENTS;
  return wordEvents.get(w) ?? wordEvents.set(w, eventsByPatterns(w));
}

/** The event groups of one word from the patterns alone (what eventsOfWord answers, without its shortcuts). */
export function eventsByPatterns(w: string): readonly string[] {
  const f = fold(w);
  let ids: string[] | null = null;
  for (const g of EVENT_GROUPS) if (g.re.test(f)) (ids ??= []).push(g.id);
  return ids ? Object.freeze(ids) : NO_EVENTS;
}

/** Whether eventsOfWord's first-letters shortcut is in use (for tests: the patterns allow it). */
export const eventPrefixFilter = EVENT_PREFIXES !== null;

export function eventLabel(id: string, locale: 'nl' | 'en'): string {
  const g = EVENT_GROUPS.find((e) => e.id === id);
  return g ? g[locale] : id;
}

/** Two event sets are compatible when either is empty or they share a group. */
export function eventsCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.includes(x));
}
