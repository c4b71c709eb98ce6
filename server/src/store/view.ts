// A stored index as draft checking and the editor's features ask it (facts/view.ts): the lexicon
// rebuilt from what the index was built with, every place's row (names, kinds, counts: small), and
// on demand, in bounded caches, the claims of the quantities a draft names and the mentions, facts
// and claims of the places it names — the archive's text and the rest stay in the database.
//
// The features are synchronous, the database is not. A feature runs once; what it asked for and
// was not held is noted (`incomplete`), loaded (`load`), and the feature runs again
// (Workspace.settle). So nothing needs to know in advance what a feature will ask.
//
// A place named in very many articles holds its first PLACE_LIMIT mentions and claims (counts
// stay exact): references stop at 2,000 anyway, and dossiers rank a place's claims by kind and date.

import { BoundedMemo } from '../core/memo';
import { buildLexicon } from '../corpus/worker';
import type { ArticleRecord, Claim, PlaceRecord } from '../facts/index';
import type { Quantity } from '../facts/quantity/model';
import { claimKey, keyHasRole, newestAtOrBefore, PlaceNames, type PlaceView } from '../facts/view';
import { requiredPlace } from '../facts/quantity/same';
import type { PlaceRow } from '../facts/index';
import type { PgStore, StoreMeta } from './pg';

/** Claims kept for quantity keys at most (whole keys are dropped, least recently used first). */
const MAX_KEY_CLAIMS = 50_000;
/** Places kept with their mentions, facts and claims at most (least recently used dropped first). */
const MAX_PLACES = 2_000;
/** A place's mentions and claims loaded at most. */
export const PLACE_LIMIT = 2_000;

/** A place's row as a record whose lists are not loaded (counts stay exact). */
const bare = (row: PlaceRow): PlaceRecord => ({ ...row, mentions: [], articles: new Set(), facts: [], claims: [] });

export class StoredView extends PlaceNames implements PlaceView {
  private readonly claims = new Map<string, Claim[]>();
  private held = 0;
  /** Claim keys asked for and not held: whole keys, or a key and the place its figures require. */
  private readonly missingKeys = new Map<string, { key: string; place: string | null }>();
  private readonly full = new Map<string, PlaceRecord>();
  private readonly missingPlaces = new Set<string>();
  private readonly articles = new BoundedMemo<string, ArticleRecord>(50_000);
  private readonly claimObjects = new BoundedMemo<string, Claim>(100_000);
  private readonly byMentions: PlaceRow[];
  private readonly shared = new BoundedMemo<string, Map<string, number>>(500);
  private readonly missingShared = new Map<string, [string[], string[]]>();

  private constructor(
    private readonly store: PgStore,
    readonly meta: StoreMeta,
    private readonly dates: string[],
    private readonly rows: Map<string, PlaceRow>,
  ) {
    super(buildLexicon(meta.spec));
    this.byMentions = [...rows.values()].sort((a, b) => b.mentionCount - a.mentionCount);
  }

  static async open(store: PgStore): Promise<StoredView> {
    let meta: StoreMeta, dates: string[], places: PlaceRow[];
    try {
      meta = await store.meta();
      [dates, places] = await Promise.all([store.dates(), store.places()]);
    } catch (e) {
      throw store.failure('read', e);
    }
    const view = new StoredView(store, meta, dates, new Map(places.map((p) => [p.id, p])));
    // The display names the archive's spellings chose (as FactIndex.rebuild does, in the same order).
    for (const p of places) view.lexicon.preferName(p.id, p.variants);
    // (The completion index is built on first use, ~80 ms: here, not at the journalist's first keystroke.)
    view.lexicon.complete('A', 1);
    return view;
  }

  get generation(): number { return this.meta.generation; }

  async close(): Promise<void> { await this.store.close(); }

  /** Whether a feature asked for something not loaded yet (its answer is then incomplete). */
  get incomplete(): boolean { return this.missingKeys.size > 0 || this.missingPlaces.size > 0 || this.missingShared.size > 0; }

  /** Whether the next load() brings claims that draft analyses use (they must then be made again). */
  get claimsMissing(): boolean { return this.missingKeys.size > 0; }

  /** Load everything asked for and not held. */
  async load(): Promise<void> {
    const keys = [...this.missingKeys];
    const ids = [...this.missingPlaces];
    const shared = [...this.missingShared];
    this.missingKeys.clear();
    this.missingPlaces.clear();
    this.missingShared.clear();
    try {
      for (const [k, [of, with_]] of shared) {
        const counts = await this.store.sharedArticles(of, with_);
        // (The in-memory engine counts only places the archive names, 0 included.)
        for (const id of of) if (this.rows.has(id) && !counts.has(id)) counts.set(id, 0);
        this.shared.set(k, counts);
      }
      const whole = keys.filter(([, k]) => k.place === null).map(([, k]) => k.key);
      const placed = keys.filter(([, k]) => k.place !== null);
      if (whole.length) this.keep(await this.store.claimsByKeys(whole, this.articles, this.claimMaker));
      if (placed.length) {
        const lists = await this.store.claimsByKeyAndPlace(placed.map(([, k]) => [k.key, k.place!] as const), this.articles, this.claimMaker);
        this.keep(new Map(placed.map(([cacheKey], i) => [cacheKey, lists[i]])));
      }
      const wanted = ids.filter((id) => this.rows.has(id) && !this.full.has(id));
      for (const [id, d] of await this.store.placeDetails(wanted, PLACE_LIMIT, this.articles, this.claimMaker)) {
        if (this.full.size >= MAX_PLACES) this.full.delete(this.full.keys().next().value as string);
        this.full.set(id, { ...this.rows.get(id)!, mentions: d.mentions, articles: new Set(d.mentions.map((m) => m.article)), facts: d.facts, claims: d.claims });
      }
    } catch (e) {
      throw this.store.failure('read', e);
    }
  }

  private readonly claimMaker = (articleId: string, idx: number, make: () => Claim): Claim => {
    const k = `${articleId}\u0000${idx}`;
    return this.claimObjects.get(k) ?? this.claimObjects.set(k, make());
  };

  private keep(got: Map<string, Claim[]>): void {
    for (const [k, list] of got) { this.claims.set(k, list); this.held += list.length; }
    for (const [k, list] of this.claims) {
      if (this.held <= MAX_KEY_CLAIMS || got.has(k)) break;
      this.claims.delete(k);
      this.held -= list.length;
    }
  }

  candidates(q: Quantity): readonly Claim[] {
    const k = claimKey(q);
    if (k === null) return [];
    // A figure whose quantity names a specific place meets only claims of that place: those alone.
    return this.claimsOf(k, requiredPlace(q));
  }

  /** The claims of a key (of one place when `place` is given), or none yet and noted as missing. */
  private claimsOf(key: string, place: string | null = null): readonly Claim[] {
    const k = place === null ? key : `${key}\u0002${place}`;
    const list = this.claims.get(k);
    if (list) {
      this.claims.delete(k); // (most recently used last)
      this.claims.set(k, list);
      return list;
    }
    this.missingKeys.set(k, { key, place });
    return [];
  }

  withRole(role: string): readonly Claim[] {
    const out: Claim[] = [];
    for (const k of this.meta.keys) if (keyHasRole(k, role)) out.push(...this.claimsOf(k));
    return out;
  }

  place(id: string): PlaceRecord | undefined {
    const p = this.full.get(id);
    if (p) {
      this.full.delete(id); // (most recently used last)
      this.full.set(id, p);
      return p;
    }
    const row = this.rows.get(id);
    if (!row) return undefined;
    this.missingPlaces.add(id);
    return bare(row);
  }

  placeRow(id: string): PlaceRow | undefined { return this.rows.get(id); }

  sharedArticles(ids: string[], with_: string[]): Map<string, number> {
    const of = ids.filter((id) => this.rows.has(id));
    const others = with_.filter((id) => this.rows.has(id));
    if (!of.length || !others.length) return new Map();
    const k = `${of.join(',')}\u0000${[...others].sort().join(',')}`;
    const got = this.shared.get(k);
    if (got) return got;
    this.missingShared.set(k, [of, others]);
    return new Map();
  }

  topPlaces(limit: number): PlaceRow[] { return this.byMentions.slice(0, limit); }

  newestDate(day: string): string | null { return newestAtOrBefore(this.dates, day); }

  placeName(id: string): string | null { return this.rows.get(id)?.name ?? null; }
}
