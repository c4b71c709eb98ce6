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
import { PlaceLexicon, type LearnedPlan } from '../dutch/places';
import type { Figure, PlaceFact } from '../dutch/types';
import { runSteps, type Steps } from '../core/steps';

/** What a lexicon is built from: the gazetteer, the house spellings and what the archive teaches (small: sent to the workers as is). */
export interface LexiconSpec { plan: LearnedPlan; houseSpellings: Record<string, string> }

/** Byte buffers packed end to end: `ends[i]` is where item i ends (it starts where i-1 ended). */
export interface Packed { bytes: Uint8Array; ends: number[] }

export type WorkerJob =
  | { kind: 'analyse'; texts: string[]; dates: (string | null)[] }
  | { kind: 'facts'; texts: string[]; exact: boolean[]; analyses: Packed };

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

// Claims with their figure as a tuple. A large archive's facts hold ~155,000 claims; as keyed
// objects v8.serialize writes every key of every figure, and decoding them (on the main thread, for
// every article of a cold build and a warm start) was mostly reading those keys back. A claim whose
// figure has exactly the fields below, in this order, travels with its figure as one array; any other
// claim travels as it is, so a field added to Figure is never lost, only slower until it is listed
// here. Its quantity travels as a tuple too when it has the fields listed below.
type Claims = FactsData['claims'];
const FIGURE_FIELDS = ['text', 'start', 'end', 'numberStart', 'numberEnd', 'value', 'low', 'high', 'qualifier', 'unit', 'dimension', 'toBase', 'counted', 'countedText'];
/** Figure fields that are present only sometimes, in this order after the others. */
const FIGURE_OPTIONAL = ['qualifierKind', 'countedInherited'];
const CLAIM_FIELDS = ['figure', 'ctx', 'sentence', 'at'];
// A quantity's fields, by part, in the order readQuantities makes them (a quantity of another shape travels as it is).
const QUANTITY_FIELDS = ['skip', 'dimension', 'unit', 'measure', 'where', 'kind', 'when', 'event', 'source'];
const MEASURE_FIELDS = ['head', 'role', 'side', 'of', 'per', 'headText', 'roleText'];
const WHERE_FIELDS = ['place', 'level', 'scope', 'from', 'territory'];
const WHEN_FIELDS = ['from', 'to', 'text', 'basis'];

type Q = Claims[number]['ctx']['quantity'];
function quantityFits(q: Q): boolean {
  return hasFields(q, QUANTITY_FIELDS) && hasFields(q.measure, MEASURE_FIELDS) && hasFields(q.where, WHERE_FIELDS) && hasFields(q.when, WHEN_FIELDS);
}
function encodeQuantity(q: Q): unknown {
  if (!quantityFits(q)) return q;
  const m = q.measure, w = q.where, t = q.when;
  return [q.skip, q.dimension, q.unit, m.head, m.role, m.side, m.of, m.per, m.headText, m.roleText,
    w.place, w.level, w.scope, w.from, w.territory, q.kind, t.from, t.to, t.text, t.basis, q.event, q.source];
}
function decodeQuantity(a: unknown): Q {
  if (!Array.isArray(a)) return a as Q;
  return {
    skip: a[0], dimension: a[1], unit: a[2],
    measure: { head: a[3], role: a[4], side: a[5], of: a[6], per: a[7], headText: a[8], roleText: a[9] },
    where: { place: a[10], level: a[11], scope: a[12], from: a[13], territory: a[14] },
    kind: a[15], when: { from: a[16], to: a[17], text: a[18], basis: a[19] }, event: a[20], source: a[21],
  };
}
/** Marks an optional field that is absent (a field can be present with the value undefined). */
const ABSENT = '\u0000absent';

/** Whether `o`'s own keys are `fields` (then any of `optional`, in order, each at most once). */
function hasFields(o: object, fields: readonly string[], optional: readonly string[] = []): boolean {
  let i = 0, j = 0;
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) return false;
    if (i < fields.length) { if (k !== fields[i++]) return false; continue; }
    while (j < optional.length && optional[j] !== k) j++;
    if (j === optional.length) return false;
    j++;
  }
  return i === fields.length;
}

function encodeClaim(c: Claims[number]): unknown {
  if (!hasFields(c, CLAIM_FIELDS) || !hasFields(c.figure, FIGURE_FIELDS, FIGURE_OPTIONAL) || !hasFields(c.ctx, ['quantity'])) return c;
  const f = c.figure;
  const fo = f as Figure & { qualifierKind?: unknown; countedInherited?: unknown };
  return [f.text, f.start, f.end, f.numberStart, f.numberEnd, f.value, f.low, f.high, f.qualifier, f.unit, f.dimension, f.toBase, f.counted, f.countedText,
    'qualifierKind' in fo ? fo.qualifierKind : ABSENT, 'countedInherited' in fo ? fo.countedInherited : ABSENT,
    encodeQuantity(c.ctx.quantity), c.sentence, c.at];
}

function decodeClaim(a: unknown): Claims[number] {
  if (!Array.isArray(a)) return a as Claims[number];
  const figure = { text: a[0], start: a[1], end: a[2], numberStart: a[3], numberEnd: a[4], value: a[5], low: a[6], high: a[7], qualifier: a[8], unit: a[9], dimension: a[10], toBase: a[11], counted: a[12], countedText: a[13] } as Figure & Record<string, unknown>;
  if (a[14] !== ABSENT) figure.qualifierKind = a[14];
  if (a[15] !== ABSENT) figure.countedInherited = a[15];
  return { figure, ctx: { quantity: decodeQuantity(a[16]) }, sentence: a[17], at: a[18] };
}

export function encodeFacts(f: FactsData): Buffer { return v8.serialize({ ...f, claims: f.claims.map(encodeClaim) }); }
export function decodeFacts(b: Uint8Array): FactsData {
  const f = v8.deserialize(b) as FactsData;
  const claims = f.claims as unknown[];
  for (let i = 0; i < claims.length; i++) claims[i] = decodeClaim(claims[i]);
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
