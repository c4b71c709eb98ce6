// Worker thread entry. Two kinds of job:
//  - analyse: the per-article analysis (a pure function of text and date; pass 1);
//  - facts: place recognition and claims with the archive's lexicon (pass 2). The lexicon comes as
//    the pool's shared context (see pool.ts): its key and the small spec it is built from, sent to
//    each worker once; a worker builds the lexicon on the first job that needs it and keeps it for
//    the next. So one pool serves both passes of a build: the workers that analysed go on
//    recognising with the code V8 has already optimised for them.
//
// Results leave the worker already encoded (v8.serialize), packed into one buffer per job that is
// moved, not copied, to the main thread: the main thread stores the bytes in the cache as they are
// (no second encoding when the cache is saved) and decodes only what it needs. Pass 2 receives
// pass 1's encoded analyses the same way.

import * as v8 from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import { serveWorker, withTransfer, type Shared } from './pool';
import { analyzeText, type ArticleAnalysis } from '../facts/analyze';
import { computeFacts, type FactsData } from '../facts/index';
import { PlaceLexicon, planLearned, type LearnedPlan } from '../dutch/places';
import type { PlaceFact } from '../dutch/types';
import { runSteps, type Steps } from '../core/steps';
import { codec, type Shape } from './records';

/** What a lexicon is built from: the gazetteer, the house spellings and what the archive teaches (small: sent to the workers as is). */
export interface LexiconSpec { plan: LearnedPlan; houseSpellings: Record<string, string> }

/** Byte buffers packed end to end: `ends[i]` is where item i ends (it starts where i-1 ended). */
export interface Packed { bytes: Uint8Array; ends: number[] }

export type WorkerJob =
  | { kind: 'analyse'; texts: string[]; dates: (string | null)[] }
  | { kind: 'facts'; texts: string[]; exact: boolean[]; analyses: Packed }
  /** What all the archive's place facts (each article's encoded bytes, in learning order) teach: one part, the plan (v8). */
  | { kind: 'learn'; placeFacts: Packed };

/** Per item: its encoded result in `packed` (empty when it failed) and the error, if any. */
export interface WorkerResult { packed: Packed; errors: (string | null)[] }

/** Pack buffers into one fresh (transferable) buffer. */
export function pack(items: readonly Uint8Array[]): Packed {
  let n = 0;
  for (const b of items) n += b.byteLength;
  const bytes = new Uint8Array(new ArrayBuffer(n));
  const ends: number[] = [];
  let p = 0;
  for (const b of items) { bytes.set(b, p); p += b.byteLength; ends.push(p); }
  return { bytes, ends };
}

/** The items of a packed buffer, as Buffers sharing its memory. */
export function unpack(p: Packed): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (const end of p.ends) { out.push(Buffer.from(p.bytes.buffer, p.bytes.byteOffset + start, end - start)); start = end; }
  return out;
}

// Place facts may carry records keyed by names found in the text (PlaceFact.otherUses: "Trump": 2,
// "Shell": 1, …). Decoded as ordinary objects, every such key becomes a hidden-class transition from
// the root object shape; thousands of them overflow V8's transition table, and from then on every
// object decoded or built from `{}` in that thread gets a hidden class of its own: the 155,000
// claims of a 30,000-article index took ~110 MB more and property access went megamorphic. So such
// records travel as [key, value] lists and are rebuilt as prototype-less (dictionary) objects,
// which make no transitions. Any plain-object field of a place fact is treated this way.
const ENTRIES = '\u0000entries';

function packFacts(facts: readonly PlaceFact[]): unknown[] {
  return facts.map((f) => {
    let out: Record<string, unknown> | null = null;
    for (const k in f) {
      const v = (f as unknown as Record<string, unknown>)[k];
      if (v === null || typeof v !== 'object' || Array.isArray(v)) continue;
      out ??= { ...(f as unknown as Record<string, unknown>) };
      out[k] = { [ENTRIES]: Object.entries(v as object) };
    }
    return out ?? f;
  });
}

function unpackFacts(facts: unknown[]): PlaceFact[] {
  for (const f of facts as Record<string, unknown>[]) {
    for (const k in f) {
      const v = f[k] as Record<string, unknown> | null;
      if (v === null || typeof v !== 'object' || !(ENTRIES in v)) continue;
      const dict = Object.create(null) as Record<string, unknown>;
      for (const [key, value] of v[ENTRIES] as [string, unknown][]) dict[key] = value;
      f[k] = dict;
    }
  }
  return facts as PlaceFact[];
}

/**
 * Place facts as bytes: u32 LE length of the first part | v8(the facts without records) |
 * v8([index, fact][] of the facts with records, see packFacts). Pass 2 reads only the first part:
 * the records (uses of names as non-places) matter for learning, not for recognising one article.
 */
export function encodePlaceFacts(facts: readonly PlaceFact[]): Buffer {
  const core: PlaceFact[] = [];
  const records: [number, unknown][] = [];
  const packed = packFacts(facts);
  packed.forEach((f, i) => { if (f !== facts[i]) records.push([i, f]); else core.push(facts[i]); });
  return joinParts(v8.serialize(core), v8.serialize(records));
}

/** Two encoded parts as one buffer: u32 LE length of the first | first | second. */
function joinParts(a: Uint8Array, b: Uint8Array): Buffer {
  const out = Buffer.allocUnsafeSlow(4 + a.length + b.length);
  out.writeUInt32LE(a.length, 0);
  out.set(a, 4);
  out.set(b, 4 + a.length);
  return out;
}

/** The two parts of joinParts() bytes (views, not copies); `what` names the bytes in the error when they are cut short. */
function splitParts(b: Uint8Array, what: string): [Buffer, Buffer] {
  const buf = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const n = buf.readUInt32LE(0);
  if (4 + n > buf.length) throw new Error(`truncated ${what}`);
  return [buf.subarray(4, 4 + n), buf.subarray(4 + n)];
}

/** Place facts from encodePlaceFacts() bytes, all of them in their order. */
export function decodePlaceFactBytes(b: Uint8Array): PlaceFact[] {
  const [a, r] = splitParts(b, 'place facts');
  const core = v8.deserialize(a) as PlaceFact[];
  const records = v8.deserialize(r) as [number, unknown][];
  if (!records.length) return core;
  const out: PlaceFact[] = new Array(core.length + records.length);
  const rec = unpackFacts(records.map((x) => x[1]));
  records.forEach(([i], k) => { out[i] = rec[k]; });
  let c = 0;
  for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = core[c++];
  return out;
}

/** Only the facts without records (what pass 2 needs). */
function decodeCoreFacts(b: Uint8Array): PlaceFact[] { return v8.deserialize(splitParts(b, 'place facts')[0]) as PlaceFact[]; }

/**
 * An article analysis as bytes: u32 LE length of the place facts | encodePlaceFacts() | v8({figures, times}).
 * The main thread needs only the place facts (to learn names); the rest goes to pass 2 undecoded.
 */
export function encodeAnalysis(a: ArticleAnalysis): Buffer {
  return joinParts(encodePlaceFacts(a.placeFacts), v8.serialize({ figures: a.figures, times: a.times }));
}

/** All the place facts of an encoded analysis (for learning). */
export function decodePlaceFacts(b: Uint8Array): PlaceFact[] {
  return decodePlaceFactBytes(splitParts(b, 'analysis')[0]);
}

/** A copy of the encoded place facts of an analysis (small; does not keep the analysis bytes alive). */
export function placeFactBytes(b: Uint8Array): Buffer {
  return Buffer.from(splitParts(b, 'analysis')[0]);
}

/**
 * The analysis as pass 2 needs it: figures, time expressions and the place facts without the
 * records of other uses (those only inform learning; computeFacts skips facts without a name).
 */
export function decodeAnalysis(b: Uint8Array): ArticleAnalysis {
  const [pf, rest] = splitParts(b, 'analysis');
  const placeFacts = decodeCoreFacts(pf);
  const { figures, times } = v8.deserialize(rest) as Pick<ArticleAnalysis, 'figures' | 'times'>;
  return { figures, times, placeFacts };
}

// Claims travel as tuples (corpus/records.ts): one list of fields per record, the shapes below,
// in the order the readers make them (figures.ts, quantity/read.ts). A claim of another shape
// travels as it is.
type Claims = FactsData['claims'];
const MEASURE: Shape = { inline: true, fields: ['head', 'role', 'side', 'of', 'per', 'headText', 'roleText'] };
const WHERE: Shape = { inline: true, fields: ['place', 'level', 'scope', 'from', 'territory'] };
const WHEN: Shape = { inline: true, fields: ['from', 'to', 'text', 'basis'] };
const QUANTITY: Shape = { fields: ['skip', 'dimension', 'unit', ['measure', MEASURE], ['where', WHERE], 'kind', ['when', WHEN], 'event', 'source'] };
const FIGURE: Shape = {
  inline: true,
  fields: ['text', 'start', 'end', 'numberStart', 'numberEnd', 'value', 'low', 'high', 'qualifier', 'unit', 'dimension', 'toBase', 'counted', 'countedText'],
  optional: ['qualifierKind', 'countedInherited'],
};
// (The figure and the context are flattened into the claim's tuple; the quantity is a tuple of
// its own, flattened too, or travels as it is when it has another shape.)
export const CLAIM: Shape = { fields: [['figure', FIGURE], ['ctx', { inline: true, fields: [['quantity', QUANTITY]] }], 'sentence', 'at'] };
const claims = codec<Claims[number]>(CLAIM);

export function encodeFacts(f: FactsData): Buffer { return v8.serialize({ ...f, claims: f.claims.map(claims.encode) }); }
export function decodeFacts(b: Uint8Array): FactsData {
  const f = v8.deserialize(b) as FactsData;
  const list = f.claims as unknown[];
  for (let i = 0; i < list.length; i++) list[i] = claims.decode(list[i]);
  return f;
}

/** The archive's lexicon: the gazetteer, house spellings, then the learned names. Main thread and workers build it alike. */
export function buildLexicon(spec: LexiconSpec): PlaceLexicon {
  return runSteps(buildLexiconSteps(spec));
}

/** buildLexicon in steps (see core/steps.ts), for the server's main thread. */
export function* buildLexiconSteps(spec: LexiconSpec): Steps<PlaceLexicon> {
  const lex = yield* PlaceLexicon.loadSteps();
  yield;
  for (const [variant, preferred] of Object.entries(spec.houseSpellings)) {
    const e = lex.lookup(preferred) ?? lex.lookup(variant);
    if (e) lex.setPreferredSpelling(e.id, preferred);
  }
  yield* lex.applyLearnedSteps(spec.plan);
  return lex;
}

/** The lexicon of the last facts job, by its key. */
let lexicon: { key: string; lex: PlaceLexicon } | null = null;

const EMPTY = new Uint8Array(0);

function encodeEach(n: number, f: (i: number) => Uint8Array): WorkerResult {
  const parts: Uint8Array[] = [];
  const errors: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    try { parts.push(f(i)); errors.push(null); } catch (e) { parts.push(EMPTY); errors.push((e as Error)?.message ?? String(e)); }
  }
  const packed = pack(parts);
  return withTransfer({ packed, errors }, [packed.bytes.buffer as ArrayBuffer]);
}

/** A facts job's shared context: the lexicon's key and spec. */
export function lexiconContext(key: string, spec: LexiconSpec): Shared { return { key, value: spec }; }

export function runJob(job: WorkerJob, shared?: Shared): WorkerResult {
  if (job.kind === 'learn') {
    // (An article whose bytes do not decode teaches nothing, as on the main thread.)
    const facts: PlaceFact[] = [];
    for (const b of unpack(job.placeFacts)) {
      let fs: PlaceFact[] = [];
      try { fs = decodePlaceFactBytes(b); } catch { /* not used for learning */ }
      for (const f of fs) facts.push(f);
    }
    return encodeEach(1, () => v8.serialize(planLearned(facts)));
  }
  if (job.kind === 'facts') {
    const spec = shared?.value as LexiconSpec | undefined;
    if (!shared || !spec || !spec.plan || !Array.isArray(spec.plan.learned)) throw new Error('facts job without a lexicon');
    if (lexicon?.key !== shared.key) {
      lexicon = null; // (the old one can go while the new one is built)
      lexicon = { key: shared.key, lex: buildLexicon(spec) };
    }
    const lex = lexicon.lex;
    const analyses = unpack(job.analyses);
    return encodeEach(job.texts.length, (i) => encodeFacts(computeFacts(job.texts[i], job.exact[i], decodeAnalysis(analyses[i]), lex)));
  }
  return encodeEach(job.texts.length, (i) => encodeAnalysis(analyzeText(job.texts[i], job.dates[i])));
}

if (!isMainThread) serveWorker(runJob);
