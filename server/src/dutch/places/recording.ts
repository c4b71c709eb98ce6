// A place lookup that records what it was asked. Recognition asks the lexicon only through
// PlaceLookup; computeFacts (facts/index.ts) hands it this wrapper, so every lookup of an article's
// recognition is logged by construction: a 16-bit hash of what was asked (a fold, a key, an
// abbreviation, a first word) and of the entry found. An update that changes the learned names
// re-recognises only the articles whose log meets what the change touches
// (PlaceLexicon.touchedQueries, Archive.relearn); measured: 4.4 s instead of 12.2 s for a full
// pass 2 on 68.9 MB (docs/performance.md), so it stays.

import { placeKey } from '../translit';
import type { PlaceEntry } from './lexicon';
import { queryHash, Q_ABBREV, Q_FOLD, Q_ID, Q_KEY, type Answer, type PlaceLexicon, type PlaceLookup, type TokenInfo } from './lexicon';

type Rec = NonNullable<ReturnType<PlaceLookup['matchFold']>>;

/** One bit per possible hash, shared by the recordings of a thread (one at a time; see close()). */
const BITS = new Uint32Array(0x10000 >>> 5);

export class RecordingLookup implements PlaceLookup {
  /** The distinct hashes, in order of first query. */
  private readonly log: number[] = [];
  private open = true;

  constructor(private readonly lexicon: PlaceLexicon) {}

  private note(h: number): void {
    const bit = 1 << (h & 31);
    if ((BITS[h >>> 5] & bit) === 0) { BITS[h >>> 5] |= bit; this.log.push(h); }
  }

  private asked(tag: number, s: string, rec: Rec | undefined): Rec | undefined {
    this.note(queryHash(tag, s));
    if (rec) this.note(queryHash(Q_ID, rec.entry.id));
    return rec;
  }

  private kept(a: Answer): Rec | undefined {
    this.note(a.query);
    if (a.rec) this.note(a.recQuery);
    return a.rec ?? undefined;
  }

  tokenFold(text: string): TokenInfo {
    const info = this.lexicon.tokenFold(text);
    this.note(info.wordQuery);
    return info;
  }

  matchFoldOf(ti: TokenInfo): Rec | undefined { return this.kept(this.lexicon.foldAnswerOf(ti)); }

  matchKeyInfo(ti: TokenInfo & { key: string }): Rec | undefined { return this.kept(this.lexicon.keyAnswerOf(ti)); }

  matchFold(f: string): Rec | undefined { return this.asked(Q_FOLD, f, this.lexicon.matchFold(f)); }

  matchAbbrev(token: string): Rec | undefined { return this.asked(Q_ABBREV, token.replace(/\./g, ''), this.lexicon.matchAbbrev(token)); }

  matchKey(name: string): Rec | undefined {
    const k = placeKey(name);
    return this.asked(Q_KEY, k, this.lexicon.recByKey(k));
  }

  matchCountryAbbrev(token: string, spelledOut?: boolean): Rec | undefined {
    const r = this.lexicon.matchCountryAbbrev(token, spelledOut);
    if (r) this.note(queryHash(Q_ID, r.entry.id));
    return r;
  }

  hasHouseSpelling(id: string): boolean { return this.lexicon.hasHouseSpelling(id); }

  entryById(id: string): PlaceEntry | undefined { return this.lexicon.entryById(id); }

  /**
   * The distinct hashes recorded, sorted, one per UTF-16 code unit of a string (the most compact
   * way to keep ~77 of them for each of tens of thousands of articles, and the cheapest for the
   * garbage collector); ends the recording.
   */
  take(): string {
    const sorted = Uint16Array.from(this.log).sort();
    this.close();
    let out = '';
    for (let i = 0; i < sorted.length; i += 4096) out += String.fromCharCode(...sorted.subarray(i, Math.min(sorted.length, i + 4096)));
    return out;
  }

  /** End the recording (also when recognition failed): its bits are cleared for the next one. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    for (const h of this.log) BITS[h >>> 5] = 0;
  }
}
