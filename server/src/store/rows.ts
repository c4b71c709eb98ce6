// How the index's objects become the store's rows and back: article records and claims as
// columns and JSON text (exact: a claim read back equals the claim written, numbers included),
// and PostgreSQL's COPY text format for bulk loading.

import { createHash } from 'node:crypto';
import type { ArticleRecord, Claim, PlaceFactRef, PlaceRecord } from '../facts/index';

/** JSON that keeps non-finite numbers (JSON has none): they travel as tagged strings. */
const NON_FINITE = '\u0000n:';
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? NON_FINITE + String(v) : v));
}

/** toJson for an object whose numbers are all in `flat` (its own fields): plain JSON.stringify
 *  unless one of them is not finite (a replacer per key costs more than the rest of a write). */
function toJsonFlat(value: unknown, flat: object): string {
  for (const v of Object.values(flat)) if (typeof v === 'number' && !Number.isFinite(v)) return toJson(value);
  return JSON.stringify(value);
}
/** The JSON of toJson: a reviver only when a tagged number is in the text (JSON writes the tag's NUL as \u0000). */
export function fromJson<T>(text: string): T {
  if (!text.includes('\\u0000n:')) return JSON.parse(text) as T;
  return JSON.parse(text, (_k, v) => (typeof v === 'string' && v.startsWith(NON_FINITE) ? Number(v.slice(NON_FINITE.length)) : v)) as T;
}

/** A claim without its article (the row's article_id says which). */
interface ClaimData { f: Claim['figure']; c: Claim['ctx']; s: string; l: number; ch: number }

export function claimData(c: Claim): string {
  // (A claim's numbers are its figure's and its position: the quantity is all strings.)
  return toJsonFlat({ f: c.figure, c: c.ctx, s: c.sentence, l: c.source.line, ch: c.source.character } satisfies ClaimData, c.figure);
}

export function claimFrom(data: string, article: ArticleRecord): Claim {
  const d = fromJson<ClaimData>(data);
  return { figure: d.f, ctx: d.c, sentence: d.s, source: { article, line: d.l, character: d.ch } };
}

/** A place fact without its article. */
interface FactData { k: PlaceFactRef['kind']; p: string | null; n: string | null; d: number | null; s: string; l: number; ch: number }

export function factData(f: PlaceFactRef): string {
  const d = { k: f.kind, p: f.parent, n: f.near, d: f.distanceKm, s: f.sentence, l: f.source.line, ch: f.source.character } satisfies FactData;
  return toJsonFlat(d, d);
}

export function factFrom(data: string, article: ArticleRecord): PlaceFactRef {
  const d = fromJson<FactData>(data);
  return { kind: d.k, parent: d.p, near: d.n, distanceKm: d.d, sentence: d.s, source: { article, line: d.l, character: d.ch } };
}

export const MENTION_COLUMNS = ['article_id', 'i', 'place_id', 'start_at', 'end_at', 'text', 'line_no', 'char_no'] as const;
export const FACT_COLUMNS = ['article_id', 'i', 'place_id', 'data'] as const;
export const CLAIM_COLUMNS = ['article_id', 'idx', 'key', 'where_place', 'places', 'data'] as const;

export const ARTICLE_COLUMNS = ['id', 'ord', 'file', 'uri', 'title', 'date', 'source', 'url', 'label', 'hash', 'digest'] as const;

export function articleValues(a: ArticleRecord, ord: number): (string | number | null)[] {
  return [a.id, ord, a.file, a.uri, a.title, a.date, a.source, a.url, a.label, a.hash];
}

export function articleFrom(row: Record<string, string | null>): ArticleRecord {
  return { id: row.id!, uri: row.uri!, file: row.file!, title: row.title, date: row.date, source: row.source, url: row.url, label: row.label!, hash: row.hash! };
}

export const PLACE_COLUMNS = ['id', 'ord', 'name', 'kind', 'parent', 'parent_inferred', 'country', 'first_date', 'last_date', 'mentions', 'articles', 'variants', 'digest'] as const;

export function placeValues(p: PlaceRecord, ord: number): (string | number | boolean | null)[] {
  return [p.id, ord, p.name, p.kind, p.parent, p.parentInferred, p.country, p.firstDate, p.lastDate, p.mentions.length, p.articles.size, toJson([...p.variants])];
}

/** One value in COPY's text format: \N for null, backslash escapes for the separators. */
function copyValue(v: string | number | boolean | null | string[]): string {
  if (v === null) return '\\N';
  if (Array.isArray(v)) return copyValue('{' + v.map((x) => '"' + x.replace(/["\\]/g, (c) => '\\' + c) + '"').join(',') + '}');
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** One row in COPY's text format. */
export function copyLine(values: (string | number | boolean | null | string[])[]): string {
  return values.map(copyValue).join('\t') + '\n';
}

export function digestOf(parts: string[]): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(p);
  return h.digest('base64');
}
