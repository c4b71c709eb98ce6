// The shared index's tables, as numbered migrations. A store records the version it has reached;
// opening it applies the missing steps in one transaction (under an advisory lock, so two indexing
// jobs never migrate at once). A store newer than this code is refused, never rewritten.
//
//   bronvast_meta  one row per key: what the index was built with (the lexicon spec), its
//                  generation (raised by every write; readers poll it or LISTEN for it) and time
//   articles       one row per archive article: its record, its place in archive order, a digest
//                  of everything stored about it (an unchanged article is not written again)
//   claims         every figure claim, keyed by what the same quantity shares (see facts/view.ts
//                  claimKey) and by the places it is about (dossiers)
//   places         the per-place aggregates: display name, kind, parent, dates, counts, spellings
//   skipped        what indexing skipped, per file, for the summary
//   mentions       (2) every place mention: the place, where in which article, as written
//   place_facts    (2) what an article states about a place (kind, region, distance), cited

export const MIGRATIONS: readonly string[] = [
  // 1
  `CREATE TABLE bronvast_meta (key text PRIMARY KEY, value text NOT NULL);
   CREATE TABLE articles (
     id text PRIMARY KEY, ord integer NOT NULL, file text NOT NULL, uri text NOT NULL,
     title text, date text, source text, url text, label text NOT NULL, hash text NOT NULL, digest text NOT NULL);
   CREATE INDEX articles_date ON articles (date);
   CREATE TABLE claims (
     article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE, idx integer NOT NULL,
     key text, places text[] NOT NULL, data text NOT NULL, PRIMARY KEY (article_id, idx));
   CREATE INDEX claims_key ON claims (key) WHERE key IS NOT NULL;
   CREATE INDEX claims_places ON claims USING gin (places);
   CREATE TABLE places (
     id text PRIMARY KEY, ord integer NOT NULL, name text NOT NULL, kind text NOT NULL, parent text,
     parent_inferred boolean NOT NULL, country text, first_date text, last_date text,
     mentions integer NOT NULL, articles integer NOT NULL, variants text NOT NULL, digest text NOT NULL);
   CREATE TABLE skipped (file text NOT NULL, data text NOT NULL);`,
  // 2: the mentions and facts behind dossiers, navigation and completion; every article is
  // written again by the next index run (its digest now covers them).
  `CREATE TABLE mentions (
     article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE, i integer NOT NULL,
     place_id text NOT NULL, start_at integer NOT NULL, end_at integer NOT NULL, text text NOT NULL,
     line_no integer NOT NULL, char_no integer NOT NULL, PRIMARY KEY (article_id, i));
   CREATE INDEX mentions_place ON mentions (place_id);
   CREATE TABLE place_facts (
     article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE, i integer NOT NULL,
     place_id text NOT NULL, data text NOT NULL, PRIMARY KEY (article_id, i));
   CREATE INDEX place_facts_place ON place_facts (place_id);
   UPDATE articles SET digest = '';`,
  // 3: a claim's place as its quantity names it: a figure whose quantity names a specific place
  // can only be the same as claims of that place (quantity/same.ts requiredPlace), so a reader
  // fetches those, not every claim of the predicate.
  `ALTER TABLE claims ADD COLUMN where_place text;
   CREATE INDEX claims_key_place ON claims (key, where_place) WHERE key IS NOT NULL;
   UPDATE articles SET digest = '';`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The lookup indexes (not the keys): a first load into an empty store drops them and builds them
 *  after the COPY, which is several times faster than keeping them up to date row by row. */
export const LOOKUP_INDEXES: readonly { name: string; create: string }[] = [
  { name: 'articles_date', create: 'CREATE INDEX articles_date ON articles (date)' },
  { name: 'claims_key', create: 'CREATE INDEX claims_key ON claims (key) WHERE key IS NOT NULL' },
  { name: 'claims_key_place', create: 'CREATE INDEX claims_key_place ON claims (key, where_place) WHERE key IS NOT NULL' },
  { name: 'claims_places', create: 'CREATE INDEX claims_places ON claims USING gin (places)' },
  { name: 'mentions_place', create: 'CREATE INDEX mentions_place ON mentions (place_id)' },
  { name: 'place_facts_place', create: 'CREATE INDEX place_facts_place ON place_facts (place_id)' },
];

/** The keys of the per-article tables: a first load adds them after the COPY as well (one bulk
 *  index build and one validating join instead of a check per row). */
export const LOAD_CONSTRAINTS: readonly { table: string; name: string; add: string }[] = [
  { table: 'claims', name: 'claims_article_id_fkey', add: 'FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE' },
  { table: 'mentions', name: 'mentions_article_id_fkey', add: 'FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE' },
  { table: 'place_facts', name: 'place_facts_article_id_fkey', add: 'FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE' },
  { table: 'claims', name: 'claims_pkey', add: 'PRIMARY KEY (article_id, idx)' },
  { table: 'mentions', name: 'mentions_pkey', add: 'PRIMARY KEY (article_id, i)' },
  { table: 'place_facts', name: 'place_facts_pkey', add: 'PRIMARY KEY (article_id, i)' },
];

/** The advisory lock every writer (migration, index run) holds for its transaction. */
export const WRITE_LOCK = 0x62726f6e; // "bron"

/** The channel a write notifies, with the new generation as payload. */
export const CHANNEL = 'bronvast_index';
