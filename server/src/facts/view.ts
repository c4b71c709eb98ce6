// What checking a draft asks of an archive: one interface, two engines. The in-memory FactIndex
// answers it from the archive it indexed; a stored index (store/) answers it from PostgreSQL,
// loading only the claims a draft's quantities need. Draft analysis, the conflict check and the
// diagnostics depend on this interface, never on an engine.

import { recognizePlaces, type PlaceEntry, type PlaceLexicon } from '../dutch/places';
import type { PlaceMention } from '../dutch/types';
import type { Claim, PlaceRecord, PlaceRow } from './index';
import { loadGazetteerData } from '../dutch/gazetteer';
import type { Quantity } from './quantity/model';

export interface ArchiveView {
  /** The archive's place names (gazetteer, learned names, house spellings). */
  readonly lexicon: PlaceLexicon;
  /** The claims that can be about the same quantity as `q` (same dimension and predicate), in archive order. */
  candidates(q: Quantity): readonly Claim[];
  /** The date of the newest article written at or before `day` (YYYY-MM-DD), or null. */
  newestDate(day: string): string | null;
  /** The lexicon's entry for a place id; `name` (any spelling of it) finds places not seen yet. */
  entry(id: string, name?: string): PlaceEntry | undefined;
  /** A name as written (any spelling) to a place id. */
  resolve(name: string): string | null;
  /** The places a draft names, recognised with the archive's knowledge. */
  placesIn(text: string): PlaceMention[];
  /** How the archive displays a place it names (house style or majority spelling), or null. */
  placeName(id: string): string | null;
}

/** What the editor's features ask besides: place records (dossiers, navigation, completion). */
export interface PlaceView extends ArchiveView {
  /** The archive's record of a place, or undefined when it never names it. */
  place(id: string): PlaceRecord | undefined;
  /** The same without its lists (names, kinds, counts: cheap on every engine). */
  placeRow(id: string): PlaceRow | undefined;
  /** For each place of `ids`, in how many articles it is named together with any place of `with_`. */
  sharedArticles(ids: string[], with_: string[]): Map<string, number>;
  /** Every claim with the predicate `role`, of any dimension (figure completion). */
  withRole(role: string): readonly Claim[];
  /** The places the archive names most, most first (ties in index order). */
  topPlaces(limit: number): PlaceRow[];
  /** A country's display name from its ISO code ("UA" → "Oekraïne"), or the code. */
  countryName(code: string): string;
}

/** The key under which claims that can be about the same quantity are kept: dimension and
 *  predicate. Null for a quantity that is never checked (skipped, or no predicate). */
export function claimKey(q: Quantity): string | null {
  return q.skip || !q.measure.role ? null : `${q.dimension}\u0001${q.measure.role}`;
}

/** Whether a claim key (see claimKey) is of the predicate `role`, of any dimension. */
export function keyHasRole(key: string, role: string): boolean {
  return key.endsWith(`\u0001${role}`);
}

/** The newest of sorted ISO dates at or before `day`, or null. */
export function newestAtOrBefore(sorted: readonly string[], day: string): string | null {
  let lo = 0, hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] <= day) lo = mid + 1; else hi = mid; }
  return lo > 0 ? sorted[lo - 1] : null;
}

/** A lexicon as both engines ask it: entries by id (remembered once found), names to ids, draft recognition. */
export class PlaceNames {
  /** Lexicon entries by place id, for every place the archive or a draft named. */
  private entries = new Map<string, PlaceEntry>();

  constructor(readonly lexicon: PlaceLexicon) {}

  entry(id: string, name?: string): PlaceEntry | undefined {
    let e = this.entries.get(id);
    if (!e) {
      // By id first: a mention's text need not lead back to its place ("(Geo)" is Georgia in a
      // sports result), and then the display name must still come from the entry.
      e = this.lexicon.entryById(id);
      if (!e && name) { e = this.lexicon.lookup(name); if (e && e.id !== id) e = undefined; }
      if (e) this.entries.set(id, e);
    }
    return e;
  }

  resolve(name: string): string | null {
    const e = this.lexicon.lookup(name);
    if (!e) return null;
    if (!this.entries.has(e.id)) this.entries.set(e.id, e);
    return e.id;
  }

  placesIn(text: string): PlaceMention[] { return recognizePlaces(text, this.lexicon); }

  private countries: Map<string, string> | null = null;

  /** A country's display name from its ISO code ("UA" → "Oekraïne"), or the input when unknown. */
  countryName(code: string): string {
    if (!this.countries) {
      // From the gazetteer's country rows, looked up in the lexicon (for house spellings):
      // lexicon.entries() would first create a record for every one of ~130,000 weak names (seconds).
      this.countries = new Map();
      for (const [name, kind, country] of loadGazetteerData().places) {
        if (kind !== 'land' || !country) continue;
        const e = this.lexicon.lookup(name);
        if (e && e.kind === 'land' && e.country) this.countries.set(e.country, e.name);
      }
    }
    return this.countries.get(code) ?? code;
  }
}
