// Context patterns: the place facts a text teaches ("het stadje Soedzja", "Marinovka in de
// provincie Wolgograd") and the word lists they share with recognition.

import type { PlaceFact, PlaceKind } from '../types';
import { fold, nameWords, sentences, wordOf, type Span } from '../tokens';
import { AGENT_VERBS, isOrganisationName, looksLikeDemonym, MEMBER_NOUNS, ORG_WORDS, PERSON_TITLES } from '../names';
import { isAllCaps } from './lexicon';

// ---------------------------------------------------------------------------------------------
// Context patterns

export const NOUN_KIND: Record<string, PlaceKind> = {
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
export const CYRILLIC_COUNTRIES = new Set(['UA', 'RU', 'BY', 'KZ', 'KG', 'TJ', 'BG', 'RS', 'MK', 'ME', 'BA', 'MN']);
export const KIN_WORDS = /^(vrouw|man|zoon|dochter|vader|moeder|broer|zus|kinderen|familie|vriend|vriendin|weduwe|advocaat|ploeg|team|club|film|boek|album|nummer|werk|muziek|roman|collectie|beleid|regering|partij|aanhangers|handen|hand|kant|rol|dood|moord|leven|opvolger|voorganger|rivaal|tegenstander)$/;
// Prepositions that also go with organisations and people ("bij Ferrari", "tussen Metro en …").
export const LOOSE_PREPS = new Set(['bij', 'tussen', 'via', 'richting']);
export const NAME_PARTICLES = new Set(['de', 'da', 'del', 'della', 'di', 'do', 'dos', 'das', 'von', 'du', 'le', 'la']);
/** Key classes a multigraph can map to, by its first letter (see translit.ts): z → Z (zh, zj), s → S/Q (sh, sj, shch), … */
export const MULTIGRAPH_START: Record<string, string> = { z: 'Z', s: 'SQ', c: 'C', k: 'C', t: 'C', o: 'U', i: 'I', e: 'I', y: 'I', g: 'H', h: 'H', j: 'ZI' };
/** Words that make a sentence a sports sentence (team sports results, players, competition). */
export const SPORT_CUE = /\b(?:ploeg(?:en)?|thuisploeg|club|clubs|elftal|trainer|coach|doelman|keeper|spits|aanvaller|middenvelder|verdediger|speler|spelers|wedstrijd(?:en)?|uitwedstrijd|thuiswedstrijd|match|competitie|klassement|speeldag|doelpunt(?:en)?|goal|goals|penalty|strafschop|scheidsrechter|gelijkspel|scoorde|scoren|bekerfinale|beker|kampioen(?:schap)?|degradatie|play-offs|eerste klasse|tweede klasse|derby|supporters|transfer|bezoekers|aftrap|rust|eindstand|ruststand|voetbal|basketbal|volleybal|handbal|hockey)\b|\b\d{1,2} ?- ?\d{1,2}\b/iu;
/** "2-1", "2 - 1", "3 – 0" (not a year range). */
export const SCORE_RE = /^\D{0,20}?\b\d{1,2} ?[-–] ?\d{1,2}\b(?! ?[-–])/u;
/** Kinds of place whose name can stand for a sports club (towns; countries as national teams stay places). */
/** Heads of street, square and building names (CoNLL and the news treat these as locations). */
export const STRUCTURE_RE = /(?:straat|straatje|laan|lei|plein|pleintje|park|paleis|kerk|kathedraal|basiliek|abdij|museum|theater|schouwburg|ziekenhuis|stadion|gracht|brug|poort|kaai|dreef|steenweg|markt|zaal|kapel|begijnhof|kazerne|gevangenis|luchthaven)$/u;
/** The last three letters of every STRUCTURE_RE head: a cheap test before the regex. */
export const STRUCTURE_TAILS = new Set(STRUCTURE_RE.source.replace(/^\(\?:|\)\$$/g, '').split('|').map((w) => w.slice(-3)));
/** The last letters of STRUCTURE_TAILS, per code unit (1: some tail ends with it): most words are out before slicing. */
export const STRUCTURE_LAST = new Uint8Array(0x10000);
for (const t of STRUCTURE_TAILS) STRUCTURE_LAST[t.charCodeAt(t.length - 1)] = 1;
export const CLUB_KINDS = new Set<PlaceKind>(['stad', 'stadje', 'dorp', 'plaats', 'gemeente', 'hoofdstad', 'plaats-onbekend']);
export const RESULT_BEFORE = /\b(?:won|wint|winnen|gewonnen|verloor|verliest|verloren|verliezen|klopte|verslagen|ging onderuit|thuis|verloren)\b[^.;:!?]*\bvan\s*$/iu;
export const CLUB_ROLE = /^(?:trainer|coach|doelman|keeper|spits|aanvaller|middenvelder|verdediger|speler|spelers|kapitein|voorzitter|supporters|fans|aanhang|bestuur|manager|elftal|kern|selectie|verdediging|aanval|ploeg|thuisploeg|doelpunt|doelpunten|goal|nederlaag|zege|overwinning|winst|doelpuntenmaker|middenveld|jeugd|scouts|scouting)$/;
export const CLUB_VERB = /^(?:won|wint|winnen|verloor|verliest|verloren|speelde|speelt|spelen|scoorde|scoort|leidde|leidt|pakte|pakt|klopte|klopt|versloeg|verslaat|wipte|ontving|ontvangt|kwam|komt|stond|staat|hield|houdt|domineerde|trapte|opende|maakte|miste|degradeert|degradeerde|promoveert|promoveerde|kreeg|incasseerde|boog|trok)$/;
export const OPENERS = '"“‘\'(–—-';
/** Symbols, format characters and decorative punctuation that can stand before the first word of a sentence
 * ("😀 In Koersk …", U+202E, "★", "…", "*"): skipped when deciding whether a word starts its sentence. */
export const LEADING_SYMBOLS = /^[\p{S}\p{Cf}\p{Co}\p{Cn}\p{Pi}\p{Ps}\p{Pd}\p{Zs}\u2026*#•·\u200b-\u200f\u2060-\u2064\ufe0f]+$/u;
export const LOC_PREPS = new Set(['in', 'bij', 'naar', 'rondom', 'nabij', 'uit', 'vanuit', 'rond', 'te', 'richting', 'via', 'tussen']);
const NAME_STOP = new Set(['de', 'het', 'een', 'deze', 'die', 'dat', 'dit', 'zijn', 'haar', 'hun', 'ons', 'onze', 'mijn', 'uw', 'wat', 'wie', 'welke',
  'ik', 'je', 'jij', 'u', 'hij', 'zij', 'ze', 'we', 'wij', 'jullie', 'men', 'er', 'daar', 'hier', 'alle', 'elk', 'elke', 'ieder', 'iedere', 'geen']);
export const FUNCTION_INITIAL = new Set(['de', 'het', 'een', 'deze', 'die', 'dit', 'dat', 'in', 'volgens', 'ook', 'naar', 'uit', 'bij', 'van', 'voor', 'met', 'op', 'over', 'na', 'sinds', 'tijdens', 'door',
  'vanuit', 'rond', 'rondom', 'nabij', 'zowel', 'zelfs', 'alleen', 'maar', 'en', 'of', 'want', 'dus', 'toch', 'nu', 'toen', 'als', 'terwijl',
  'ook', 'daarna', 'tegen', 'tussen', 'onder', 'boven', 'richting', 'via', 'te', 'om', 'aan', 'dan', 'wel', 'niet', 'nog', 'al', 'vooral']);

/** Whether text[start, end) stands alone in brackets, possibly among "/"-separated items: "(Fra)", "( Ita )", "(Rus/W-Rus)", "(Fra/6)". */
export function inBrackets(text: string, start: number, end: number): boolean {
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
export function plausibleName(name: string): boolean {
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
export function onlySpaces(text: string, from: number, to: number): boolean {
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

export function learnFacts(text: string, sents: readonly Span[]): PlaceFact[] {
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
