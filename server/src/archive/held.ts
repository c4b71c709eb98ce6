// Every article's encoded place facts, held between updates for learning (archive/learning.ts):
// the only per-article bytes the embedded engine keeps in memory besides the index. Plain, they
// were 66 MB for 86,000 articles (60x dpgmedia2019); deflated in groups of consecutive articles of
// one file they are a quarter of that. A build hands its entries the plain bytes (learning reads
// them at once); afterwards packHeld() deflates them in zlib's thread pool, off the main thread, so
// that a warm start is not slower. Only an update reads them again, through a HeldReader.
//
// Packing changes an entry in place: the same bytes, held another way. Entries are shared between
// an archive's successive states (archive/index.ts), and that sharing stays correct because what
// an entry holds never changes, only how.

import * as zlib from 'node:zlib';
import { promisify } from 'node:util';

const deflateRaw = promisify(zlib.deflateRaw);

/** A group's plain size at most: big enough for deflate to find the repeats between articles. */
const GROUP_BYTES = 64 * 1024;
/** Groups kept inflated by a reader (learning reads one file's articles, by id, close together). */
const READER_GROUPS = 16;

interface Group { readonly z: Buffer }

/** A slice of a deflated group. */
export interface PackedFacts { readonly group: Group; readonly start: number; readonly end: number }

/** Encoded place facts as an entry holds them: the bytes, or where they are in a deflated group. */
export type HeldFacts = Buffer | PackedFacts;

/** What packing can change: an entry's file (groups never span two) and what it holds. */
export interface Holder { readonly file: string; placeFacts: HeldFacts }

/** Reads held place facts, inflating each group once while it is among the last few read. */
export class HeldReader {
  private readonly groups = new Map<Group, Buffer>();

  read(h: HeldFacts): Buffer {
    if (Buffer.isBuffer(h)) return h;
    let plain = this.groups.get(h.group);
    if (plain) {
      this.groups.delete(h.group); // (most recently used last)
    } else {
      plain = zlib.inflateRawSync(h.group.z);
      if (this.groups.size >= READER_GROUPS) this.groups.delete(this.groups.keys().next().value as Group);
    }
    this.groups.set(h.group, plain);
    return plain.subarray(h.start, h.end);
  }
}

/** The bytes held plain and packed (what the tests check packing by). */
export function heldBytes(holders: Iterable<Holder>): { plain: number; packed: number } {
  let plain = 0, packed = 0;
  const groups = new Set<Group>();
  for (const h of holders) {
    if (Buffer.isBuffer(h.placeFacts)) plain += h.placeFacts.length;
    else groups.add(h.placeFacts.group);
  }
  for (const g of groups) packed += g.z.length;
  return { plain, packed };
}

/**
 * Deflate what `holders` hold plain, in groups of consecutive holders of one file (up to
 * GROUP_BYTES), each group in zlib's thread pool. A holder whose bytes changed meanwhile (an
 * update replaced it) keeps what it has. Resolves with the number of holders packed.
 */
export async function packHeld(holders: Iterable<Holder>): Promise<number> {
  const batches: Holder[][] = [];
  let batch: Holder[] = [], size = 0;
  for (const h of holders) {
    if (!Buffer.isBuffer(h.placeFacts)) continue;
    if (batch.length && (batch[0].file !== h.file || size + h.placeFacts.length > GROUP_BYTES)) { batches.push(batch); batch = []; size = 0; }
    batch.push(h);
    size += h.placeFacts.length;
  }
  if (batch.length) batches.push(batch);
  let packed = 0;
  // One buffer to gather each group's bytes in (a group is deflated before the next is gathered):
  // a new one per group was 66 MB of short-lived buffers at 60x, which made V8 run full collections
  // of the whole index (pauses of 0.2-0.5 s) while the server answered.
  let scratch: Buffer | null = null;
  for (const b of batches) {
    const parts = b.map((h) => h.placeFacts as Buffer);
    const n = parts.reduce((k, p) => k + p.length, 0);
    if (!scratch || scratch.length < n) scratch = Buffer.allocUnsafe(Math.max(n, GROUP_BYTES));
    let w = 0;
    for (const p of parts) { p.copy(scratch, w); w += p.length; }
    const group: Group = { z: await deflateRaw(scratch.subarray(0, n)) };
    let at = 0;
    b.forEach((h, i) => {
      const start = at;
      at += parts[i].length;
      if (h.placeFacts !== parts[i]) return;
      h.placeFacts = { group, start, end: at };
      packed++;
    });
  }
  return packed;
}
