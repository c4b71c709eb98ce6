// The shared index on PostgreSQL: opening (and migrating) a store, writing an index into it in
// one transaction, and the queries a reader needs. node-postgres (pure JavaScript) is loaded only
// when a store is used; it follows libpq's conventions (PGHOST, PGUSER, PGPASSWORD…, ~/.pgpass),
// so no password need ever be written into a settings file.

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import type { Archive } from '../archive';
import { t, type Locale, type MessageKey } from '../core/l10n';
import type { LexiconSpec } from '../corpus/worker';
import type { Skipped } from '../corpus/types';
import { claimPlaces, type ArticleFacts, type ArticleRecord, type Claim, type FactIndex, type MentionRef, type PlaceFactRef, type PlaceRow } from '../facts/index';
import { claimKey } from '../facts/view';
import { ARTICLE_COLUMNS, articleFrom, articleValues, CLAIM_COLUMNS, claimData, claimFrom, copyLine, digestOf, FACT_COLUMNS, factData, factFrom, fromJson, MENTION_COLUMNS, PLACE_COLUMNS, placeValues, toJson } from './rows';
import { CHANNEL, LOAD_CONSTRAINTS, LOOKUP_INDEXES, MIGRATIONS, SCHEMA_VERSION, WRITE_LOCK } from './schema';

/** A store that cannot be used as it is: the message says what to do. */
export class StoreError extends Error {
  constructor(readonly key: StoreProblem, readonly params: Record<string, string | number>) {
    super(t('en', STORE_KEYS[key], params));
  }
  text(locale: Locale): string { return t(locale, STORE_KEYS[this.key], this.params); }
}

type StoreProblem = 'connect' | 'newer' | 'older' | 'empty' | 'write' | 'read';
const STORE_KEYS = {
  connect: 'storeConnect', newer: 'storeNewer', older: 'storeOlder', empty: 'storeEmpty', write: 'storeWrite', read: 'storeRead',
} as const satisfies Record<StoreProblem, MessageKey>;

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
  /** The claim keys in the in-memory index's order (see ClaimIndex.keys). */
  keys: string[];
}

/** Loads article records once each (claims, mentions and facts of one article share it). */
export type ArticleCache = { get(id: string): ArticleRecord | undefined; set(id: string, a: ArticleRecord): ArticleRecord };
/** Makes a claim once for each (article, index): the same claim reached two ways is one object. */
export type ClaimMaker = (articleId: string, idx: number, make: () => Claim) => Claim;

const ARTICLE = 'a.id, a.file, a.uri, a.title, a.date, a.source, a.url, a.label, a.hash';

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

  /** Set by close(): the connection's end is then not a loss (see onLost). */
  private closing = false;

  /** The digest each article object had when this store object last wrote it (and it committed):
   *  an indexer that keeps its index between runs (--watch) digests only the articles it changed. */
  private readonly written = new WeakMap<ArticleFacts, string>();

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

  async close(): Promise<void> {
    this.closing = true;
    await this.client.end();
  }

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
    if (mode === 'read') throw version === 0 ? new StoreError('empty', { store: describeStore(this.url) }) : new StoreError('older', { store: describeStore(this.url), found: version, known: SCHEMA_VERSION });
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
   * Write an archive's index: articles and claims whose stored digest differs (new, changed, or
   * moved to another archive order only: then just their order), places likewise, the skip report
   * and what the lexicon was built with. One transaction: a reader sees the old index or the new one.
   */
  async write(archive: Pick<Archive, 'index' | 'spec' | 'skipped'>): Promise<WriteReport> {
    try {
      return await this.writeIndex(archive.index, archive.spec, archive.skipped);
    } catch (e) {
      throw this.failure('write', e);
    }
  }

  private async writeIndex(index: FactIndex, spec: LexiconSpec, skipped: Skipped[]): Promise<WriteReport> {
    const t0 = Date.now();
    let committed = () => {};
    const report = await this.transaction(async (c) => {
      const stored = new Map<string, string>();
      for (const r of (await c.query('SELECT id, digest FROM articles')).rows) stored.set(r.id, r.digest);
      // Which articles differ; the lines of those that do are kept for the COPY. An article
      // object written before by this store object is unchanged (a long-running indexer: --watch).
      const articles = [...index.byArticle.values()];
      const changed = new Map<string, { claims: string[]; mentions: string[]; facts: string[] }>();
      const digests = new Map<string, string>();
      const linesOf = (af: ArticleFacts) => {
        const lines = { claims: claimLines(af), mentions: mentionLines(af), facts: factLines(af) };
        return { lines, digest: digestOf([copyLine(articleValues(af.article, 0)), ...lines.claims, ...lines.mentions, ...lines.facts]) };
      };
      // A first load (no reader waits on an empty store): keys and lookup indexes are built after
      // the COPY, and the claims' lines are made while PostgreSQL takes them in.
      const firstLoad = stored.size === 0 && articles.length > 0;
      if (firstLoad) {
        await c.query(`SET LOCAL maintenance_work_mem = '256MB'`);
        for (const ix of LOOKUP_INDEXES) await c.query(`DROP INDEX IF EXISTS ${ix.name}`);
        for (const k of LOAD_CONSTRAINTS) await c.query(`ALTER TABLE ${k.table} DROP CONSTRAINT IF EXISTS ${k.name}`);
        await this.copy('claims', CLAIM_COLUMNS, (function* () {
          for (const af of articles) {
            const { lines, digest } = linesOf(af);
            digests.set(af.article.id, digest);
            changed.set(af.article.id, { ...lines, claims: [] });
            yield* lines.claims;
          }
        })());
      } else {
        for (const af of articles) {
          let d = this.written.get(af);
          if (d === undefined || stored.get(af.article.id) !== d) {
            const made = linesOf(af);
            d = made.digest;
            if (stored.get(af.article.id) !== d) changed.set(af.article.id, made.lines);
          }
          digests.set(af.article.id, d);
        }
      }
      const gone = [...stored.keys()].filter((id) => !digests.has(id) || changed.has(id));
      const removed = [...stored.keys()].filter((id) => !digests.has(id)).length;
      if (gone.length) await c.query('DELETE FROM articles WHERE id = ANY($1)', [gone]);
      const ords = new Map(articles.map((af, i) => [af.article.id, i]));
      await this.copy('articles', ARTICLE_COLUMNS, (function* () {
        for (const af of articles) if (changed.has(af.article.id)) yield copyLine([...articleValues(af.article, ords.get(af.article.id)!), digests.get(af.article.id)!]);
      })());
      const lines = [...changed.values()];
      if (!firstLoad) await this.copy('claims', CLAIM_COLUMNS, (function* () { for (const l of lines) yield* l.claims; })());
      await this.copy('mentions', MENTION_COLUMNS, (function* () { for (const l of lines) yield* l.mentions; })());
      await this.copy('place_facts', FACT_COLUMNS, (function* () { for (const l of lines) yield* l.facts; })());
      lines.length = 0;
      changed.forEach((v) => { v.claims = v.mentions = v.facts = []; });
      let claims = 0;
      for (const af of articles) claims += af.claims.length;
      if (firstLoad) {
        for (const k of [...LOAD_CONSTRAINTS].reverse()) await c.query(`ALTER TABLE ${k.table} ADD CONSTRAINT ${k.name} ${k.add}`);
        for (const ix of LOOKUP_INDEXES) await c.query(ix.create);
      }
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
        keys: toJson(index.claimIndex.keys()),
      };
      for (const [key, value] of Object.entries(meta)) {
        await c.query('INSERT INTO bronvast_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, value]);
      }
      await c.query(`SELECT pg_notify($1, $2)`, [CHANNEL, String(generation)]);
      // (Remembered only once committed: see `written`.)
      committed = () => { for (const af of articles) this.written.set(af, digests.get(af.article.id)!); };
      return {
        generation, articles: articles.length, written: changed.size, removed, unchanged: articles.length - changed.size,
        claims, places: stats.places, ms: Date.now() - t0,
      };
    });
    committed();
    return report;
  }

  // ---- Reading ----

  async meta(): Promise<StoreMeta> {
    const rows = (await this.client.query('SELECT key, value FROM bronvast_meta')).rows as { key: string; value: string }[];
    const m = new Map(rows.map((r) => [r.key, r.value]));
    if (!m.has('spec')) throw new StoreError('empty', { store: describeStore(this.url) });
    return {
      schema: Number(m.get('schema')), generation: Number(m.get('generation') ?? 0), updatedAt: m.get('updated_at') ?? null,
      spec: fromJson<LexiconSpec>(m.get('spec')!), articles: Number(m.get('articles') ?? 0), places: Number(m.get('places') ?? 0), figures: Number(m.get('figures') ?? 0),
      keys: fromJson<string[]>(m.get('keys') ?? '[]'),
    };
  }

  async generation(): Promise<number> {
    const r = await this.client.query(`SELECT value FROM bronvast_meta WHERE key = 'generation'`);
    return r.rows.length ? Number(r.rows[0].value) : 0;
  }

  /** The distinct article dates, sorted (all "the newest article at or before a day" needs). */
  async dates(): Promise<string[]> {
    const r = await this.client.query({ text: 'SELECT DISTINCT date FROM articles WHERE date IS NOT NULL', rowMode: 'array' });
    return (r.rows as [string][]).map((x) => x[0]).sort();
  }

  /** Every place's row, in the in-memory index's order. */
  async places(): Promise<PlaceRow[]> {
    const r = await this.client.query('SELECT * FROM places ORDER BY ord');
    return r.rows.map((p) => ({
      id: p.id, name: p.name, kind: p.kind, parent: p.parent, parentInferred: p.parent_inferred, country: p.country,
      firstDate: p.first_date, lastDate: p.last_date, mentionCount: p.mentions, articleCount: p.articles,
      variants: new Map(fromJson<[string, number][]>(p.variants)),
    }));
  }

  private article(row: Record<string, string | null>, articles: ArticleCache): ArticleRecord {
    return articles.get(row.id!) ?? articles.set(row.id!, articleFrom(row));
  }

  /** Places' mentions (the first `limit` of each), facts and claims (the first `limit`), in archive order: three queries for any number of places. */
  async placeDetails(ids: string[], limit: number, articles: ArticleCache, claim: ClaimMaker): Promise<Map<string, { mentions: MentionRef[]; facts: PlaceFactRef[]; claims: Claim[] }>> {
    const out = new Map(ids.map((id) => [id, { mentions: [] as MentionRef[], facts: [] as PlaceFactRef[], claims: [] as Claim[] }]));
    if (!ids.length) return out;
    const each = (inner: string) => `SELECT p.place_id, x.* FROM unnest($1::text[]) AS p (place_id) CROSS JOIN LATERAL (${inner}) x`;
    const m = await this.client.query(each(
      `SELECT m.start_at, m.end_at, m.text, m.line_no, m.char_no, ${ARTICLE} FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE m.place_id = p.place_id ORDER BY a.ord, m.i LIMIT $2`), [ids, limit]);
    const f = await this.client.query(each(
      `SELECT f.data, ${ARTICLE} FROM place_facts f JOIN articles a ON a.id = f.article_id WHERE f.place_id = p.place_id ORDER BY a.ord, f.i`), [ids]);
    const c = await this.client.query(each(
      `SELECT c.idx, c.data, ${ARTICLE} FROM claims c JOIN articles a ON a.id = c.article_id
        WHERE c.places @> ARRAY[p.place_id] ORDER BY a.ord, c.idx LIMIT $2`), [ids, limit]);
    for (const r of m.rows) out.get(r.place_id)!.mentions.push({ article: this.article(r, articles), start: r.start_at, end: r.end_at, text: r.text, line: r.line_no, character: r.char_no });
    for (const r of f.rows) out.get(r.place_id)!.facts.push(factFrom(r.data, this.article(r, articles)));
    for (const r of c.rows) out.get(r.place_id)!.claims.push(claim(r.id, r.idx, () => claimFrom(r.data, this.article(r, articles))));
    return out;
  }

  /** For each place of `ids`, the number of articles that name it and any place of `with_`. */
  async sharedArticles(ids: string[], with_: string[]): Promise<Map<string, number>> {
    const r = await this.client.query(
      `WITH d AS (SELECT DISTINCT article_id FROM mentions WHERE place_id = ANY($2))
       SELECT m.place_id, count(DISTINCT m.article_id)::int AS n FROM mentions m JOIN d ON d.article_id = m.article_id
        WHERE m.place_id = ANY($1) GROUP BY m.place_id`, [ids, with_]);
    return new Map(r.rows.map((x) => [x.place_id as string, x.n as number]));
  }

  async skipped(): Promise<Skipped[]> {
    return (await this.client.query('SELECT data FROM skipped')).rows.map((r) => fromJson<Skipped>(r.data));
  }

  /** The claims of each (key, place) pair, in archive order: one list per pair, in the pairs' order. */
  async claimsByKeyAndPlace(pairs: readonly (readonly [string, string])[], articles: ArticleCache, claim: ClaimMaker): Promise<Claim[][]> {
    const out = pairs.map(() => [] as Claim[]);
    if (!pairs.length) return out;
    const r = await this.client.query(
      `SELECT w.n, c.idx, c.data, ${ARTICLE} FROM claims c JOIN articles a ON a.id = c.article_id
        JOIN unnest($1::text[], $2::text[]) WITH ORDINALITY AS w (key, place, n) ON w.key = c.key AND w.place = c.where_place
        ORDER BY a.ord, c.idx`, [pairs.map((x) => x[0]), pairs.map((x) => x[1])]);
    for (const row of r.rows) out[Number(row.n) - 1].push(claim(row.id, row.idx, () => claimFrom(row.data, this.article(row, articles))));
    return out;
  }

  /** The claims under each key, in archive order. */
  async claimsByKeys(keys: string[], articles: ArticleCache, claim: ClaimMaker): Promise<Map<string, Claim[]>> {
    const out = new Map<string, Claim[]>(keys.map((k) => [k, []]));
    if (!keys.length) return out;
    const r = await this.client.query(
      `SELECT c.key, c.idx, c.data, ${ARTICLE} FROM claims c JOIN articles a ON a.id = c.article_id
        WHERE c.key = ANY($1) ORDER BY a.ord, c.idx`, [keys]);
    for (const row of r.rows) out.get(row.key)!.push(claim(row.id, row.idx, () => claimFrom(row.data, this.article(row, articles))));
    return out;
  }

  /** Call `onLost` once when the connection breaks (not when it is closed). */
  onLost(onLost: (e: Error) => void): void {
    let said = false;
    const lost = (e: Error) => { if (!this.closing && !said) { said = true; onLost(new StoreError('read', { store: describeStore(this.url), why: e.message })); } };
    this.client.on('error', lost);
    this.client.on('end', () => lost(new Error('connection closed')));
  }

  /**
   * Call `onChange` with the new generation whenever an index run commits. False where the server
   * cannot deliver notifications (a read replica in recovery): the caller then polls `generation()`.
   */
  async listen(onChange: (generation: number) => void): Promise<boolean> {
    this.client.on('notification', (n) => { if (n.channel === CHANNEL) onChange(Number(n.payload)); });
    try {
      await this.client.query(`LISTEN ${CHANNEL}`);
      return true;
    } catch {
      return false;
    }
  }
}

function claimLines(af: ArticleFacts): string[] {
  return af.claims.map((c, i) => copyLine([af.article.id, i, claimKey(c.ctx.quantity), c.ctx.quantity.where.place, claimPlaces(c), claimData(c)]));
}

function mentionLines(af: ArticleFacts): string[] {
  return af.mentions.map((m, i) => copyLine([af.article.id, i, af.placeIds[i], m.start, m.end, m.text, m.line, m.character]));
}

function factLines(af: ArticleFacts): string[] {
  return af.facts.map((f, i) => copyLine([af.article.id, i, f.placeId, factData(f.fact)]));
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
