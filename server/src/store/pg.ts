// The shared index on PostgreSQL: opening (and migrating) a store, writing an index into it in
// one transaction, and the queries a reader needs. node-postgres (pure JavaScript) is loaded only
// when a store is used; it follows libpq's conventions (PGHOST, PGUSER, PGPASSWORD…, ~/.pgpass),
// so no password need ever be written into a settings file.

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { fillTemplate, type Locale } from '../core/l10n';
import type { LexiconSpec } from '../corpus/worker';
import type { Skipped } from '../corpus/types';
import { claimPlaces, type ArticleRecord, type Claim, type FactIndex } from '../facts/index';
import { claimKey } from '../facts/view';
import { ARTICLE_COLUMNS, articleFrom, articleValues, claimData, claimFrom, copyLine, digestOf, fromJson, PLACE_COLUMNS, placeValues, toJson } from './rows';
import { CHANNEL, MIGRATIONS, SCHEMA_VERSION, WRITE_LOCK } from './schema';

/** Why a store cannot be used as it is, and what to do, in Dutch and English. */
const STORE_MESSAGES = {
  connect: {
    en: 'cannot connect to the store {store}: {why}',
    nl: 'kan geen verbinding maken met de opslag {store}: {why}',
  },
  newer: {
    en: 'the store {store} has schema {found}, newer than this Bronvast knows ({known}): update Bronvast',
    nl: 'de opslag {store} heeft schema {found}, nieuwer dan deze Bronvast kent ({known}): werk Bronvast bij',
  },
  write: {
    en: 'could not write the index into the store {store} (nothing was changed): {why}',
    nl: 'kon de index niet in de opslag {store} schrijven (er is niets veranderd): {why}',
  },
  read: {
    en: 'could not read the store {store}: {why}',
    nl: 'kon de opslag {store} niet lezen: {why}',
  },
  empty: {
    en: 'the store {store} holds no index yet: run `bronvast index <archive> --store …` first',
    nl: 'de opslag {store} bevat nog geen index: draai eerst `bronvast index <archief> --store …`',
  },
} as const;

/** A store that cannot be used as it is: the message says what to do. */
export class StoreError extends Error {
  constructor(readonly key: keyof typeof STORE_MESSAGES, readonly params: Record<string, string | number>) {
    super(fillTemplate(STORE_MESSAGES[key].en, params));
  }
  text(locale: Locale): string { return fillTemplate(STORE_MESSAGES[this.key][locale], this.params); }
}

/** What one index run changed in the store. */
export interface WriteReport {
  generation: number;
  articles: number;
  /** Articles written (new or changed), removed, and left as they were. */
  written: number;
  removed: number;
  unchanged: number;
  claims: number;
  places: number;
  ms: number;
}

/** What a reader learns when it opens a store. */
export interface StoreMeta {
  schema: number;
  generation: number;
  updatedAt: string | null;
  spec: LexiconSpec;
  articles: number;
  places: number;
  figures: number;
}

export interface StoredPlace { id: string; name: string; variants: [string, number][] }

/** A connection string made safe to show: the password left out. */
export function describeStore(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/password=[^\s&]*/gi, 'password=***');
  }
}

export class PgStore {
  private constructor(private readonly client: Client, readonly url: string) {}

  /** Connect; a writer migrates the schema to this code's version, a reader requires it. */
  static async open(url: string, mode: 'read' | 'write'): Promise<PgStore> {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: url, application_name: mode === 'write' ? 'bronvast index' : 'bronvast' });
    try {
      await client.connect();
    } catch (e) {
      throw new StoreError('connect', { store: describeStore(url), why: (e as Error).message || String(e) });
    }
    client.on('error', () => { /* a dropped connection surfaces at the next query */ });
    const store = new PgStore(client, url);
    try {
      await store.prepare(mode);
    } catch (e) {
      await client.end().catch(() => undefined);
      throw store.failure(mode, e);
    }
    return store;
  }

  async close(): Promise<void> { await this.client.end(); }

  /** A database error as a StoreError that names the store and says nothing was changed. */
  failure(mode: 'read' | 'write', e: unknown): Error {
    if (e instanceof StoreError) return e;
    const why = (e as Error)?.message || String(e);
    return new StoreError(mode, { store: describeStore(this.url), why });
  }

  private async schemaVersion(): Promise<number> {
    const r = await this.client.query(`SELECT to_regclass('bronvast_meta') IS NOT NULL AS present`);
    if (!r.rows[0].present) return 0;
    const v = await this.client.query(`SELECT value FROM bronvast_meta WHERE key = 'schema'`);
    return v.rows.length ? Number(v.rows[0].value) : 0;
  }

  private async prepare(mode: 'read' | 'write'): Promise<void> {
    let version = await this.schemaVersion();
    if (version > SCHEMA_VERSION) throw new StoreError('newer', { store: describeStore(this.url), found: version, known: SCHEMA_VERSION });
    if (version === SCHEMA_VERSION) return;
    if (mode === 'read') throw new StoreError('empty', { store: describeStore(this.url) });
    await this.transaction(async (c) => {
      version = await this.schemaVersion(); // (again, under the lock: another job may have migrated)
      for (let v = version; v < SCHEMA_VERSION; v++) await c.query(MIGRATIONS[v]);
      await c.query(`INSERT INTO bronvast_meta (key, value) VALUES ('schema', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [String(SCHEMA_VERSION)]);
    });
  }

  /** Run `work` in one transaction holding the write lock: all of it is seen, or none. */
  private async transaction<T>(work: (c: Client) => Promise<T>): Promise<T> {
    const c = this.client;
    await c.query('BEGIN');
    try {
      await c.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const out = await work(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  private async copy(table: string, columns: readonly string[], lines: Iterable<string>): Promise<void> {
    const { from } = await import('pg-copy-streams');
    const sink = this.client.query(from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    await pipeline(Readable.from(batched(lines)), sink);
  }

  /**
   * Write an index: articles and claims whose stored digest differs (new, changed, or moved to
   * another archive order only: then just their order), places likewise, the skip report and
   * what the lexicon was built with. One transaction: a reader sees the old index or the new one.
   */
  async write(index: FactIndex, spec: LexiconSpec, skipped: Skipped[]): Promise<WriteReport> {
    try {
      return await this.writeIndex(index, spec, skipped);
    } catch (e) {
      throw this.failure('write', e);
    }
  }

  private async writeIndex(index: FactIndex, spec: LexiconSpec, skipped: Skipped[]): Promise<WriteReport> {
    const t0 = Date.now();
    return this.transaction(async (c) => {
      const stored = new Map<string, string>();
      for (const r of (await c.query('SELECT id, digest FROM articles')).rows) stored.set(r.id, r.digest);
      // Which articles differ (the lines are made again for the COPY: not all held at once).
      const articles = [...index.byArticle.values()];
      const changed = new Set<string>();
      const digests = new Map<string, string>();
      for (let i = 0; i < articles.length; i++) {
        const af = articles[i];
        const d = digestOf([copyLine(articleValues(af.article, 0)), ...claimLines(af.article.id, af.claims)]);
        digests.set(af.article.id, d);
        if (stored.get(af.article.id) !== d) changed.add(af.article.id);
      }
      const gone = [...stored.keys()].filter((id) => !digests.has(id) || changed.has(id));
      const removed = [...stored.keys()].filter((id) => !digests.has(id)).length;
      if (gone.length) await c.query('DELETE FROM articles WHERE id = ANY($1)', [gone]);
      const ords = new Map(articles.map((af, i) => [af.article.id, i]));
      await this.copy('articles', ARTICLE_COLUMNS, (function* () {
        for (const af of articles) if (changed.has(af.article.id)) yield copyLine([...articleValues(af.article, ords.get(af.article.id)!), digests.get(af.article.id)!]);
      })());
      let claims = 0;
      await this.copy('claims', ['article_id', 'idx', 'key', 'places', 'data'], (function* () {
        for (const af of articles) {
          claims += af.claims.length;
          if (changed.has(af.article.id)) yield* claimLines(af.article.id, af.claims);
        }
      })());
      // Unchanged articles keep their rows; their place in archive order may have moved.
      await c.query('CREATE TEMP TABLE new_ord (id text PRIMARY KEY, ord integer NOT NULL) ON COMMIT DROP');
      await this.copy('new_ord', ['id', 'ord'], (function* () { for (const [id, ord] of ords) if (!changed.has(id)) yield copyLine([id, ord]); })());
      await c.query('UPDATE articles a SET ord = n.ord FROM new_ord n WHERE a.id = n.id AND a.ord <> n.ord');
      // Places: the same by digest.
      const storedPlaces = new Map<string, string>();
      for (const r of (await c.query('SELECT id, digest FROM places')).rows) storedPlaces.set(r.id, r.digest);
      const placeRows: (string | number | boolean | null)[][] = [];
      let ord = 0;
      for (const p of index.places.values()) {
        const values = placeValues(p, ord++);
        const d = digestOf([copyLine(values)]);
        if (storedPlaces.get(p.id) !== d) placeRows.push([...values, d]);
        else storedPlaces.delete(p.id);
      }
      const placeGone = [...storedPlaces.keys()];
      if (placeGone.length) await c.query('DELETE FROM places WHERE id = ANY($1)', [placeGone]);
      await this.copy('places', PLACE_COLUMNS, placeRows.map(copyLine));
      await c.query('DELETE FROM skipped');
      await this.copy('skipped', ['file', 'data'], skipped.map((s) => copyLine([s.file, toJson(s)])));
      const gen = await c.query(`SELECT value FROM bronvast_meta WHERE key = 'generation'`);
      const generation = (gen.rows.length ? Number(gen.rows[0].value) : 0) + 1;
      const stats = index.stats();
      const meta: Record<string, string> = {
        generation: String(generation), updated_at: new Date().toISOString(), spec: toJson(spec),
        articles: String(stats.articles), places: String(stats.places), figures: String(stats.figures),
      };
      for (const [key, value] of Object.entries(meta)) {
        await c.query('INSERT INTO bronvast_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, value]);
      }
      await c.query(`SELECT pg_notify($1, $2)`, [CHANNEL, String(generation)]);
      return {
        generation, articles: articles.length, written: changed.size, removed, unchanged: articles.length - changed.size,
        claims, places: stats.places, ms: Date.now() - t0,
      };
    });
  }

  // ---- Reading ----

  async meta(): Promise<StoreMeta> {
    const rows = (await this.client.query('SELECT key, value FROM bronvast_meta')).rows as { key: string; value: string }[];
    const m = new Map(rows.map((r) => [r.key, r.value]));
    if (!m.has('spec')) throw new StoreError('empty', { store: describeStore(this.url) });
    return {
      schema: Number(m.get('schema')), generation: Number(m.get('generation') ?? 0), updatedAt: m.get('updated_at') ?? null,
      spec: fromJson<LexiconSpec>(m.get('spec')!), articles: Number(m.get('articles') ?? 0), places: Number(m.get('places') ?? 0), figures: Number(m.get('figures') ?? 0),
    };
  }

  async generation(): Promise<number> {
    const r = await this.client.query(`SELECT value FROM bronvast_meta WHERE key = 'generation'`);
    return r.rows.length ? Number(r.rows[0].value) : 0;
  }

  /** Every article date, sorted (a few bytes an article). */
  async dates(): Promise<string[]> {
    const r = await this.client.query({ text: 'SELECT date FROM articles WHERE date IS NOT NULL', rowMode: 'array' });
    return (r.rows as [string][]).map((x) => x[0]).sort();
  }

  /** The places in archive order: display names and the spellings the archive used. */
  async places(): Promise<StoredPlace[]> {
    const r = await this.client.query('SELECT id, name, variants FROM places ORDER BY ord');
    return r.rows.map((p) => ({ id: p.id, name: p.name, variants: fromJson<[string, number][]>(p.variants) }));
  }

  async skipped(): Promise<Skipped[]> {
    return (await this.client.query('SELECT data FROM skipped')).rows.map((r) => fromJson<Skipped>(r.data));
  }

  /** The claims under each key, in archive order; `articles` shares one record per article. */
  async claimsByKeys(keys: string[], articles: Map<string, ArticleRecord>): Promise<Map<string, Claim[]>> {
    const out = new Map<string, Claim[]>(keys.map((k) => [k, []]));
    if (!keys.length) return out;
    const r = await this.client.query(
      `SELECT c.key, c.data, a.id, a.file, a.uri, a.title, a.date, a.source, a.url, a.label, a.hash
         FROM claims c JOIN articles a ON a.id = c.article_id
        WHERE c.key = ANY($1) ORDER BY a.ord, c.idx`, [keys]);
    for (const row of r.rows) {
      let a = articles.get(row.id);
      if (!a) { a = articleFrom(row); articles.set(a.id, a); }
      out.get(row.key)!.push(claimFrom(row.data, a));
    }
    return out;
  }

  /** Call `onChange` with the new generation whenever an index run commits. */
  async listen(onChange: (generation: number) => void): Promise<void> {
    this.client.on('notification', (n) => { if (n.channel === CHANNEL) onChange(Number(n.payload)); });
    await this.client.query(`LISTEN ${CHANNEL}`);
  }
}

function claimLines(articleId: string, claims: Claim[]): string[] {
  return claims.map((c, i) => copyLine([articleId, i, claimKey(c.ctx.quantity), claimPlaces(c), claimData(c)]));
}

/** Lines joined into chunks of about 64 KB (one stream write each). */
function* batched(lines: Iterable<string>): Generator<string> {
  let buf = '';
  for (const l of lines) {
    buf += l;
    if (buf.length > 65536) { yield buf; buf = ''; }
  }
  if (buf) yield buf;
}
