// Whether a candidate the lexicon found is a place mention here: an ordered list of named rules
// (Harper-style), each one question about the words around the candidate, with its examples in
// test/unit/places-rules.test.ts. The first rule with an opinion decides; a candidate no rule
// decides is a place when strong, and waits for the text's other mentions when weak (see
// recognizePlaces: a weak name the text places in a clear context elsewhere is a place after all).

import type { Token } from '../tokens';
import { nameFold } from '../translit';
import { isOrganisationName, looksLikeDemonym, PERSON_TITLES } from '../names';
import { CLUB_KINDS, FUNCTION_INITIAL, KIN_WORDS, LOC_PREPS, LOOSE_PREPS, NAME_PARTICLES, NOUN_KIND, inBrackets } from './context';
import { isAllCaps, isCap, isConfirmedIn, matchExactIn, type PlaceEntry } from './lexicon';
import type { PlaceMention } from '../types';
import type { PlaceScan } from './recognition';

/** A candidate mention: where, as written, the entry it names, and how sure the lexicon is. */
export interface Cand { start: number; end: number; text: string; rec: PlaceEntry; weak: boolean; contested: boolean; evidence: PlaceMention['evidence']; ti: number; tj: number }

/** What every rule reads about a candidate's surroundings (computed once per candidate). */
export interface Around {
  prev: Token | undefined;
  next: Token | undefined;
  /** The previous token in lower case when it is a word, else ''. */
  p: string;
  isInitial: boolean;
}

/** reject: not a place here; accept: a place; pending: a place only if the text places it elsewhere. */
export type Verdict = 'reject' | 'accept' | 'pending';

export interface AcceptRule {
  name: string;
  /** Only for weak candidates (a bare gazetteer name, a contested one, a name only "in X" taught). */
  weakOnly: boolean;
  decide(s: PlaceScan, c: Cand, a: Around): Verdict | null;
}

export const ACCEPT_RULES: readonly AcceptRule[] = [
  {
    // "Ajax", "Trouw", "Provinciale Staten": parties, clubs, media and institutions.
    name: 'organisation', weakOnly: false,
    decide: (_s, c) => (isOrganisationName(c.text) ? 'reject' : null),
  },
  {
    // "Kamala Harris", "Club Brugge": part of a longer capitalised name — unless the word before is
    // itself a place, a function word at the start of a sentence, a place noun, or "het Canadese".
    name: 'longer-name-before', weakOnly: false,
    decide: (s, c, { prev }) => {
      const { toks, out } = s;
      if (!(prev && prev.kind === 'word' && isCap(prev.text) && s.adjacent(prev, toks[c.ti]) && !/-$/.test(prev.text))) return null;
      const prevIsPlace = out.length > 0 && out[out.length - 1].tj === c.ti - 1;
      const pl = prev.text.toLowerCase();
      const prevFunction = (s.initial(c.ti - 1) && FUNCTION_INITIAL.has(pl)) || NOUN_KIND[pl] !== undefined
        || (c.ti >= 2 && /^[Hh]et$/.test(toks[c.ti - 2].text) && looksLikeDemonym(prev.text));
      return !prevIsPlace && !prevFunction ? 'reject' : null;
    },
  },
  {
    // "Washington Post": a capitalised word after the name is part of it, unless it is a strong
    // place itself or opens the next sentence.
    name: 'longer-name-after', weakOnly: false,
    decide: (s, c, { next }) => {
      if (!(next && next.kind === 'word' && isCap(next.text) && s.adjacent(s.toks[c.tj], next) && !isAllCaps(c.text))) return null;
      const nm = matchExactIn(s.lexicon, next.text);
      const nextIsPlace = nm && !nm.rec.weak;
      return !nextIsPlace && !(next.start > 0 && s.initial(c.tj + 1)) ? 'reject' : null;
    },
  },
  {
    // "minister Brussel", "mevrouw Gent": a title makes a person.
    name: 'person-title', weakOnly: false,
    decide: (_s, _c, { prev }) => (prev && prev.kind === 'word' && PERSON_TITLES.has(prev.text.toLowerCase()) ? 'reject' : null),
  },
  {
    // "tegen Westerlo", "Lokeren won", "Westerlo - Lokeren 2-1": a town for its sports club.
    name: 'club', weakOnly: false,
    decide: (s, c) => (CLUB_KINDS.has(c.rec.kind) && s.isClubUse(c) ? 'reject' : null),
  },
  {
    // "Marrero (Spa)": a name with another country's abbreviation in brackets is an athlete
    // ("Sevilla (Spa)", a stage town in its own country, stays a place).
    name: 'athlete-country', weakOnly: false,
    decide: (s, c, { next }) => {
      const { text, toks } = s;
      if (!(next && next.text === '(' && c.tj + 2 < toks.length && c.rec.kind !== 'land' && inBrackets(text, toks[c.tj + 2].start, toks[c.tj + 2].end))) return null;
      const cc = s.lexicon.matchCountryAbbrev(toks[c.tj + 2].text);
      return cc && (!c.rec.country || cc.entry.country !== c.rec.country) ? 'reject' : null;
    },
  },
  {
    // "Roberto de Brasov": a first name and a name particle make a person.
    name: 'name-particle', weakOnly: false,
    decide: (s, c, { prev }) => {
      if (!(prev && NAME_PARTICLES.has(prev.text) && c.ti >= 2)) return null;
      const fn = s.toks[c.ti - 2];
      return fn.kind === 'word' && isCap(fn.text) && s.adjacent(fn, prev) && !s.initial(c.ti - 2) && !isConfirmedIn(s.lexicon, fn.text) ? 'reject' : null;
    },
  },
  {
    // "Brussel 2000", "Parijs 2024": a place and a year name an event.
    name: 'event-year', weakOnly: false,
    decide: (s, c, { next }) => (next && next.kind === 'number' && /^(1[89]|20)\d\d$/.test(next.text) && s.adjacent(s.toks[c.tj], next) ? 'reject' : null),
  },
  {
    // "Universiteit van Gent", "Grote Prijs van de Verenigde Staten": a capitalised head, van (de), the place.
    name: 'head-van', weakOnly: false,
    decide: (s, c) => {
      const toks = s.toks;
      let k = c.ti - 1;
      if (k >= 0 && /^(de|het|der|den)$/.test(toks[k].text)) k--;
      if (!(k >= 1 && /^(van|voor)$/.test(toks[k].text))) return null;
      const head = toks[k - 1];
      return head.kind === 'word' && isCap(head.text) && !s.initial(k - 1) && !isConfirmedIn(s.lexicon, head.text) ? 'reject' : null;
    },
  },
  {
    // "Fries", "Duitser": a demonym is not the place.
    name: 'weak-demonym', weakOnly: true,
    decide: (_s, c) => (looksLikeDemonym(c.text) ? 'reject' : null),
  },
  {
    // A dateline: the name alone on its line ("Eisenach", "Zwalm").
    name: 'weak-alone-on-line', weakOnly: true,
    decide: (s, c, { next, isInitial }) => {
      const text = s.text;
      if (!(isInitial && (!next || /\n/.test(text.slice(s.toks[c.tj].end, next.start))))) return null;
      const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
      return /\S/.test(text.slice(lineStart, c.start)) ? null : 'accept';
    },
  },
  {
    // "Eisenach ligt …" at the start of a sentence: only if the text places it elsewhere.
    name: 'weak-sentence-start', weakOnly: true,
    decide: (_s, _c, { isInitial }) => (isInitial ? 'pending' : null),
  },
  {
    // A name mostly used otherwise ("Charlotte zei …") counts only right after "in/uit/te …".
    name: 'weak-contested', weakOnly: true,
    decide: (_s, c, { p }) => (c.contested ? (LOC_PREPS.has(p) && !LOOSE_PREPS.has(p) ? 'accept' : 'reject') : null),
  },
  {
    // "in Westerlo", "uit Zwalm" (and the looser "naar/bij X", which do not make it a seed).
    name: 'weak-location-preposition', weakOnly: true,
    decide: (s, c, { p }) => {
      if (!LOC_PREPS.has(p)) return null;
      if (!LOOSE_PREPS.has(p)) s.seeds.add(nameFold(c.text));
      return 'accept';
    },
  },
  {
    // "de burgemeester van Eisenach", "de haven van Zeebrugge": a lower-case noun, van, the name.
    name: 'weak-noun-van', weakOnly: true,
    decide: (s, c, { p }) => {
      const toks = s.toks;
      return p === 'van' && c.ti >= 2 && toks[c.ti - 2].kind === 'word' && /^\p{Ll}{4,}$/u.test(toks[c.ti - 2].text) && !PERSON_TITLES.has(toks[c.ti - 2].text) && !KIN_WORDS.test(toks[c.ti - 2].text) ? 'accept' : null;
    },
  },
  {
    // "het Canadese Gander", "in het Oost-Duitse Eisenach": a neuter article and an adjective of place.
    name: 'weak-het-demonym', weakOnly: true,
    decide: (s, c, { prev }) => (prev && looksLikeDemonym(prev.text) && c.ti >= 2 && /^(het|Het)$/.test(s.toks[c.ti - 2].text) ? 'accept' : null),
  },
  {
    // A list's next item: "in Brussel, Gent en Westerlo".
    name: 'weak-list-continuation', weakOnly: true,
    decide: (s, c, { prev, p }) => {
      if (!((p === 'en' || (prev && prev.text === ',')) && s.out.length > 0)) return null;
      return s.out[s.out.length - 1].tj === c.ti - 2 ? 'accept' : null;
    },
  },
];

/** The verdict on a candidate: the first rule's with an opinion, else accept (strong) or pending (weak). */
export function judgeCandidate(s: PlaceScan, c: Cand, trace?: (rule: string, verdict: Verdict, c: Cand) => void): Verdict {
  const toks = s.toks;
  const prev = c.ti > 0 ? toks[c.ti - 1] : undefined;
  const around: Around = { prev, next: toks[c.tj + 1], p: prev && prev.kind === 'word' ? prev.text.toLowerCase() : '', isInitial: s.initial(c.ti) };
  for (const rule of ACCEPT_RULES) {
    if (rule.weakOnly && !c.weak) continue;
    const v = rule.decide(s, c, around);
    if (v !== null) { trace?.(rule.name, v, c); return v; }
  }
  const v: Verdict = c.weak ? 'pending' : 'accept';
  trace?.(c.weak ? 'weak-default' : 'strong-default', v, c);
  return v;
}
