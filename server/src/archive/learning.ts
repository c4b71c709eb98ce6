// Learning from the archive, as the archive runs it: all articles' place facts reduced to the plan
// every lexicon applies (dutch/places/learning.ts), cached by the articles it came from; the
// plan's signature and fingerprint (what a change of it is, the key of the facts cache); and what
// a change of the plan touches, as query hashes (see dutch/places/recording.ts).

import { createHash } from 'node:crypto';
import * as v8 from 'node:v8';
import { runSliced } from '../core/steps';
import type { AnalysisCache } from '../corpus/cache';
import { decodePlaceFactBytes } from '../corpus/worker';
import { planLearnedSteps, type LearnedPlan, type PlaceLexicon } from '../dutch/places';
import type { PlaceFact } from '../dutch/types';
import { SLICE_MS, yieldNow } from './jobs';
import { HeldReader, type HeldFacts } from './held';
import { CACHE_KEYS } from './manifest';

/** The articles' entries learning reads: content hash and encoded place facts (plain or packed), by article id. */
type Entries = ReadonlyMap<string, { hash: string; placeFacts: HeldFacts }>;
type Log = (msg: string) => void;
export interface Learned { signature: Map<string, string>; plan: LearnedPlan }

/** The articles in the order learning reads them: by id, so that it does not depend on update order. */
function learningOrder(entries: Entries): string[] { return [...entries.keys()].sort(); }

/**
 * learn(), or its plan from the facts cache: it depends only on the articles (ids, content) in
 * the order learning reads them, so a key over those finds it again (the cache's own version
 * covers the code). A warm start then decodes no place facts at all.
 */
export async function learnCached(entries: Entries, decoded: Map<string, PlaceFact[]>, cache: AnalysisCache | null, log: Log): Promise<Learned> {
  const ids = learningOrder(entries);
  if (!cache) return learn(entries, log, { decoded, ids });
  const h = createHash('sha1');
  for (const id of ids) h.update(id).update('\0').update(entries.get(id)!.hash).update('\n');
  const key = CACHE_KEYS.learned(h.digest('hex'));
  const raw = cache.get(key);
  if (raw) {
    try {
      const plan = v8.deserialize(raw) as LearnedPlan;
      if (Array.isArray(plan?.learned) && Array.isArray(plan?.contested)) return { signature: signatureOf(plan), plan };
    } catch { /* fall through: learn again */ }
    cache.delete(key);
  }
  const learned = await learn(entries, log, { decoded, ids });
  cache.set(key, v8.serialize(learned.plan));
  return learned;
}

/** From how many articles learning goes to a worker: below it, starting one costs more than it saves. */
export const LEARN_IN_WORKER = 5000;

/** What all the archive's place facts teach: the plan the lexicons apply, and its signature. */
export interface LearnOptions {
  /** Facts already decoded, by article id (the rest are decoded from the entries' bytes). */
  decoded?: Map<string, PlaceFact[]>;
  /** The articles in learning order (default: every entry, by id). */
  ids?: string[];
  /** Learn in a worker of its own (see Jobs.learnInWorker); null from it: learn here. */
  inWorker?: (placeFacts: Buffer[]) => Promise<LearnedPlan | null>;
  /** From how many articles the worker is used (default LEARN_IN_WORKER). */
  minForWorker?: number;
}

export async function learn(entries: Entries, log: Log, opts: LearnOptions = {}): Promise<Learned> {
  const { decoded, ids = learningOrder(entries), inWorker, minForWorker = LEARN_IN_WORKER } = opts;
  // A large archive learns in a worker of its own; the same pure function of the same bytes.
  if (inWorker && ids.length >= minForWorker) {
    const reader = new HeldReader();
    const plan = await inWorker(ids.map((id) => reader.read(entries.get(id)!.placeFacts)));
    if (plan) return { signature: signatureOf(plan), plan };
  }
  // (In time slices: the server keeps answering while it learns from hundreds of thousands of facts.)
  const learned = await learnedFacts(entries, ids, log, decoded);
  const plan = await runSliced(planLearnedSteps(learned), SLICE_MS);
  return { signature: signatureOf(plan), plan };
}

/** The place facts of the articles `ids`, in that order. `decoded`: facts already decoded, by article id (the rest are decoded here). */
async function learnedFacts(entries: Entries, ids: string[], log: Log, decoded?: Map<string, PlaceFact[]>): Promise<PlaceFact[]> {
  const out: PlaceFact[] = [];
  const reader = new HeldReader();
  let t = Date.now();
  for (const id of ids) {
    let facts = decoded?.get(id);
    if (!facts) {
      try { facts = decodePlaceFactBytes(reader.read(entries.get(id)!.placeFacts)); } catch (e) {
        log(`Bronvast: place facts of ${id} unreadable (${(e as Error)?.message ?? e}); not used for learning`);
        facts = [];
      }
    }
    for (const f of facts) out.push(f);
    if (Date.now() - t > SLICE_MS) { await yieldNow(); t = Date.now(); }
  }
  return out;
}

/** The learned lexicon's identity: house spellings and the signature (keys of the facts cache). */
export function fingerprintOf(signature: Map<string, string>, houseSpellings: Record<string, string> | undefined): string {
  const h = createHash('sha1');
  h.update(JSON.stringify(houseSpellings ?? {}));
  for (const k of [...signature.keys()].sort()) h.update(k).update('\0').update(signature.get(k)!).update('\n');
  return h.digest('hex').slice(0, 16);
}

/**
 * What a lexicon is taught, per name key: the plan's entry for each learned name (spellings, kind,
 * parent, weak-only, majority spelling) and each contested name. The plan is all a lexicon learns
 * (applyLearned), so two fact lists with equal signatures teach the same lexicon, and an update
 * whose signature is unchanged keeps every other article's recognition.
 */
export function signatureOf(plan: LearnedPlan): Map<string, string> {
  const sig = new Map<string, string>();
  for (const l of plan.learned) sig.set(l.key, JSON.stringify(l));
  for (const f of plan.contested) sig.set(`\u0001contested\u0001${f}`, '');
  return sig;
}

export function sameSignature(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/**
 * The query hashes (see dutch/places/recording.ts) of everything a change from `plan0` to
 * `plan1` touches, looked up in both lexicons; null when it touches a country (recognise all).
 */
export function touchedBy(plan0: LearnedPlan, lex0: PlaceLexicon, plan1: LearnedPlan, lex1: PlaceLexicon): Set<number> | null {
  const out = new Set<number>();
  const byKey0 = new Map(plan0.learned.map((l) => [l.key, l]));
  const byKey1 = new Map(plan1.learned.map((l) => [l.key, l]));
  for (const k of new Set([...byKey0.keys(), ...byKey1.keys()])) {
    const a = byKey0.get(k), b = byKey1.get(k);
    if (a && b && JSON.stringify(a) === JSON.stringify(b)) continue;
    // (Not the parent: a learned name's parent is kept on its own entry; mentions of the parent
    // region are recognised as before.)
    const names = [...(a?.names ?? []), ...(b?.names ?? [])];
    for (const lex of [lex0, lex1]) if (!lex.touchedQueries(names, [k], out)) return null;
  }
  const c0 = new Set(plan0.contested), c1 = new Set(plan1.contested);
  for (const f of [...plan0.contested.filter((x) => !c1.has(x)), ...plan1.contested.filter((x) => !c0.has(x))]) {
    for (const lex of [lex0, lex1]) if (!lex.touchedQueries([f], [], out)) return null;
  }
  return out;
}

/** Whether an article's query log (one hash per code unit) holds one of `hashes`. */
export function meets(log: string, hashes: Set<number>): boolean {
  for (let i = 0; i < log.length; i++) if (hashes.has(log.charCodeAt(i))) return true;
  return false;
}
