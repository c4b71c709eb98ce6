// A stored index as draft checking asks it (facts/view.ts): the lexicon rebuilt from what the
// index was built with, the display names and dates (small), and the claims only for the
// quantities a draft names, loaded on demand and kept in a bounded cache — the archive's text and
// its other claims stay in the database.
//
// Checking is synchronous, the database is not: a draft is analysed once, the claim keys it asked
// for and did not have are loaded (`load`), and it is analysed again (see Workspace.prepare).

import { buildLexicon } from '../corpus/worker';
import type { ArticleRecord, Claim } from '../facts/index';
import { claimKey, newestAtOrBefore, PlaceNames, type ArchiveView } from '../facts/view';
import type { Quantity } from '../facts/quantity/model';
import { PgStore, type StoreMeta } from './pg';

/** Claims kept in memory at most (whole keys are dropped, least recently used first). */
const MAX_CLAIMS = 200_000;

export class StoredView extends PlaceNames implements ArchiveView {
  private readonly claims = new Map<string, Claim[]>();
  private held = 0;
  private readonly missing = new Set<string>();
  private readonly articles = new Map<string, ArticleRecord>();

  private constructor(
    private readonly store: PgStore,
    readonly meta: StoreMeta,
    private readonly dates: string[],
    private readonly names: Map<string, string>,
  ) {
    super(buildLexicon(meta.spec));
  }

  static async open(store: PgStore): Promise<StoredView> {
    let meta: StoreMeta, dates: string[], places: Awaited<ReturnType<PgStore['places']>>;
    try {
      meta = await store.meta();
      [dates, places] = await Promise.all([store.dates(), store.places()]);
    } catch (e) {
      throw store.failure('read', e);
    }
    const view = new StoredView(store, meta, dates, new Map(places.map((p) => [p.id, p.name])));
    // The display names the archive's spellings chose (as FactIndex.rebuild does, in the same order).
    for (const p of places) view.lexicon.preferName(p.id, new Map(p.variants));
    return view;
  }

  get generation(): number { return this.meta.generation; }

  async close(): Promise<void> { await this.store.close(); }

  candidates(q: Quantity): readonly Claim[] {
    const k = claimKey(q);
    if (k === null) return [];
    const list = this.claims.get(k);
    if (list) {
      this.claims.delete(k); // (most recently used last)
      this.claims.set(k, list);
      return list;
    }
    this.missing.add(k);
    return [];
  }

  /** Whether a check asked for claims not loaded yet (its verdicts are then incomplete). */
  get incomplete(): boolean { return this.missing.size > 0; }

  /** Load every claim key asked for and not held. */
  async load(): Promise<void> {
    const keys = [...this.missing];
    this.missing.clear();
    if (!keys.length) return;
    let got: Map<string, Claim[]>;
    try {
      got = await this.store.claimsByKeys(keys, this.articles);
    } catch (e) {
      throw this.store.failure('read', e);
    }
    for (const [k, list] of got) { this.claims.set(k, list); this.held += list.length; }
    for (const [k, list] of this.claims) {
      if (this.held <= MAX_CLAIMS || got.has(k)) break;
      this.claims.delete(k);
      this.held -= list.length;
    }
  }

  newestDate(day: string): string | null {
    return newestAtOrBefore(this.dates, day);
  }

  placeName(id: string): string | null { return this.names.get(id) ?? null; }
}
