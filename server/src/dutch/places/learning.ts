// Learning from the archive: all place facts reduced, once, to the learned names and the
// contested ones (a plan every lexicon applies alike).

import type { PlaceFact, PlaceKind } from '../types';
import { placeKey, nameFold } from '../translit';
import { isOrganisationName } from '../names';
import { runSteps, type Steps } from '../../core/steps';
import { plausibleName } from './context';

// ---------------------------------------------------------------------------------------------
// Learning from the archive

/** The evidence the archive gives about one name (all spellings of one key), and the verdict. */
export interface LearnDecision {
  key: string;
  /** The spellings, most frequent first. */
  names: string[];
  /** Place nouns, directions, "in het Duitse X", "X in de provincie Y". */
  strong: number;
  /** "in/uit/te/vanuit/nabij/rondom X" (and weak facts without a cue). */
  clear: number;
  /** "naar/bij/rond X": also said of people and organisations ("kijk naar Trump", "werkt bij Shell"). */
  loose: number;
  /** Uses that are not a place (PlaceFact.otherUses + partUses): "Trump zei", "Donald Trump", "Shell's", "de topman van Shell". */
  other: number;
  learned: boolean;
  /** The place facts about the name (not the otherUses records). */
  facts: PlaceFact[];
}

/** Water: never one place with a settlement or region of the same key. */
export const WATER_KINDS = new Set<PlaceKind>(['rivier', 'zee']);

const CLEAR_CUES = new Set(['in', 'uit', 'te', 'vanuit', 'nabij', 'rondom']);

/**
 * Weighs, per name key, the archive's place uses against its other uses. A name is learned when it has
 * one strong fact or two clear ones ("in X") and its place uses (strong + clear + half the loose "naar/bij X")
 * are at least twice its other uses. A pure function of the facts, so the outcome can be compared between
 * updates (see docs/places.md).
 */
export function decideLearned(facts: PlaceFact[]): LearnDecision[] {
  return runSteps(decideLearnedSteps(facts));
}

/** decideLearned in steps (see core/steps.ts): an archive has hundreds of thousands of facts. */
export function* decideLearnedSteps(facts: PlaceFact[]): Steps<LearnDecision[]> {
  let n = 0;
  const groups = new Map<string, PlaceFact[]>();
  const keyOfFold = new Map<string, string>();
  const records: Array<Record<string, number>> = [];
  for (const f of facts) {
    if ((++n & 1023) === 0) yield;
    if (f.otherUses || f.partUses) { if (f.otherUses) records.push(f.otherUses); if (f.partUses) records.push(f.partUses); continue; }
    if (!f.name || isOrganisationName(f.name) || !plausibleName(f.name)) continue;
    const k = placeKey(f.name);
    if (!k) continue;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(f);
    keyOfFold.set(nameFold(f.name), k);
  }
  const other = new Map<string, number>();
  for (const r of records) {
    if ((++n & 255) === 0) yield;
    for (const name in r) {
      const k = keyOfFold.get(nameFold(name));
      if (k) other.set(k, (other.get(k) ?? 0) + r[name]);
    }
  }
  const out: LearnDecision[] = [];
  for (const [key, g] of groups) {
    if ((++n & 1023) === 0) yield;
    let strong = 0, clear = 0, loose = 0;
    const counts = new Map<string, number>();
    for (const f of g) {
      counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
      if (f.strength !== 'weak') strong++;
      else if (!f.cue || CLEAR_CUES.has(f.cue.toLowerCase())) clear++;
      else loose++;
    }
    const o = other.get(key) ?? 0;
    const placeUses = strong + clear + loose / 2;
    const learned = (strong >= 1 || clear >= 2) && placeUses >= 2 * o;
    const names = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map((e) => e[0]);
    out.push({ key, names, strong, clear, loose, other: o, learned, facts: g });
  }
  return out;
}

/** One name the archive teaches: what PlaceLexicon.applyLearned needs of its facts. */
export interface LearnedName {
  key: string;
  /** Its spellings, in the order the archive first uses them. */
  names: string[];
  /** The kind most strong facts give (first such kind on a tie), if any. */
  kind: PlaceKind | null;
  /** The parent region the first strong fact with one names. */
  parent: string | null;
  /** Learned from weak facts ("in X") only. */
  weakOnly: boolean;
  /** The spelling used most (first on a tie): the name of a place the gazetteer does not know. */
  majority: string;
}

/**
 * What the archive teaches a lexicon, reduced from all its place facts: the learned names and the
 * (folded) names whose non-place uses outweigh their place uses ("van May", "May zei"), in the
 * order PlaceLexicon.addLearned met them. Small (a few thousand names), so it is what the worker
 * threads receive instead of the facts; a pure function of the facts.
 */
export interface LearnedPlan { learned: LearnedName[]; contested: string[] }

export function planLearned(facts: PlaceFact[], decisions?: LearnDecision[]): LearnedPlan {
  return runSteps(planLearnedSteps(facts, decisions));
}

/** planLearned in steps (see core/steps.ts). */
export function* planLearnedSteps(facts: PlaceFact[], given?: LearnDecision[]): Steps<LearnedPlan> {
  const decisions = given ?? (yield* decideLearnedSteps(facts));
  let n = 0;
  // Contested: names used at least three times in a way that is not a place and at least twice as
  // often as in a place context (the lexicon then keeps only gazetteer names below countries).
  const other = new Map<string, number>();
  for (const f of facts) {
    if ((++n & 1023) === 0) yield;
    if (f.otherUses) for (const name in f.otherUses) { const k = nameFold(name); if (k) other.set(k, (other.get(k) ?? 0) + f.otherUses[name]); }
  }
  const placeUses = new Map<string, number>();
  for (const d of decisions) for (const name of d.names) placeUses.set(nameFold(name), d.strong + d.clear + d.loose / 2);
  yield;
  const contested: string[] = [];
  for (const [f, o] of other) if (!(o < 3 || o < 2 * (placeUses.get(f) ?? 0))) contested.push(f);
  const learned: LearnedName[] = [];
  for (const d of decisions) {
    if (!d.learned) continue;
    if ((++n & 255) === 0) yield;
    const g = d.facts;
    const strong = g.filter((f) => f.strength !== 'weak');
    const kinds = new Map<PlaceKind, number>();
    for (const f of strong) if (f.kind) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
    const kind = [...kinds.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    const parent = strong.find((f) => f.parent)?.parent ?? null;
    const counts = new Map<string, number>();
    for (const f of g) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
    const majority = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    learned.push({ key: d.key, names: [...new Set(g.map((f) => f.name))], kind, parent, weakOnly: strong.length === 0, majority });
  }
  return { learned, contested };
}
