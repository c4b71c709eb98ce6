// Why a file or line of the archive was skipped (or read with a warning): the reasons and one
// catalog of details in English and Dutch with parameters, and how a skip reads for a journalist. A skip report carries the detail's key and parameters, so
// the Dutch never depends on the wording of the English; `detail` is the English text, for logs
// and the JSON output.

import * as path from 'node:path';
import { fillTemplate, t } from '../core/l10n';
import type { Skipped } from './types';

type Params = Record<string, string | number>;

/** Each detail: English and Dutch, with {parameters}. Dutch null: the reason alone says it. */
export const DETAILS = {
  symlinkSelf: { en: 'symbolic link refers to itself (loop)', nl: 'niet gevolgd' },
  symlinkBack: { en: 'symbolic link leads back to {target}; not followed', nl: 'niet gevolgd' },
  symlinkDeep: { en: 'too many levels of symbolic links', nl: 'te veel snelkoppelingen achter elkaar' },
  brokenLink: { en: 'broken symbolic link: the target does not exist', nl: 'snelkoppeling wijst naar een bestand dat niet bestaat' },
  unsupportedFiles: {
    en: '{count} file(s) of an unsupported type ({kinds}): {examples}; supported are {supported}',
    nl: '{count} bestand(en) van een type dat niet gelezen wordt ({kinds})',
  },
  unsupportedType: { en: "unsupported file type '{ext}'; supported are {supported}", nl: "bestandstype '{ext}' wordt niet gelezen; gelezen worden {supported}" },
  unsupportedTypeShort: { en: "unsupported file type '{ext}'", nl: "bestandstype '{ext}'" },
  notRegular: { en: 'not a regular file or folder', nl: 'geen gewoon bestand of gewone map' },
  notRegularFile: { en: 'not a regular file', nl: 'geen gewoon bestand' },
  notFound: { en: 'file or folder does not exist', nl: null },
  noPermission: { en: 'no permission to read', nl: null },
  unreadable: { en: 'cannot be read ({code})', nl: 'fout {code}' },
  tooLarge: { en: '{size}, larger than the limit of {limit} (setting {setting})', nl: '{sizeNl}, groter dan de grens van {limitNl} (instelling {setting})' },
  recordTooLarge: { en: 'record larger than the limit of {limit}', nl: 'artikel groter dan de grens van {limitNl}' },
  emptyFile: { en: 'the file is empty', nl: null },
  noText: { en: 'the file contains no text', nl: null },
  noBody: { en: 'the article has no body text', nl: null },
  noItemBody: { en: 'the item has no body text', nl: 'het bericht heeft geen tekst' },
  noPageText: { en: 'no article text found in the page', nl: 'geen artikeltekst gevonden op de pagina' },
  noRecords: { en: 'the file contains no records', nl: null },
  nulBytes: { en: 'not text (contains NUL bytes)', nl: 'bevat NUL-bytes' },
  controlChars: { en: 'not text ({percent}% control characters)', nl: '{percent}% stuurtekens' },
  windows1252: { en: 'not valid UTF-8; read as Windows-1252 (Latin-1)', nl: 'geen geldige UTF-8; gelezen als Windows-1252 (Latin-1)' },
  badUtf8: { en: 'not valid UTF-8: {count} invalid byte sequence(s) replaced by �', nl: 'geen geldige UTF-8: {count} ongeldige tekens vervangen door �' },
  badUtf8Lines: {
    en: '{count} line(s) not valid UTF-8 (lines {lines}); invalid bytes replaced by �',
    nl: '{count} regel(s) geen geldige UTF-8 (regels {lines}); ongeldige tekens vervangen door �',
  },
  oddUtf16: { en: 'odd number of bytes for UTF-16; last byte dropped', nl: 'oneven aantal bytes voor UTF-16; laatste byte weggelaten' },
  frontMatterOpen: {
    en: "front matter starts with '---' but is never closed; the whole file is read as the body",
    nl: "kopgegevens beginnen met '---' maar worden niet afgesloten; het hele bestand is als tekst gelezen",
  },
  frontMatterYaml: {
    en: 'front matter is not valid YAML ({error}); the body is read without it',
    nl: 'kopgegevens zijn geen geldige YAML; de tekst is zonder kopgegevens gelezen',
  },
  frontMatterShape: {
    en: 'front matter is not a list of "key: value" fields; the body is read without it',
    nl: 'kopgegevens zijn geen geldige YAML; de tekst is zonder kopgegevens gelezen',
  },
  badDate: { en: "date '{date}' not understood; the date is left unknown", nl: "datum '{date}' niet begrepen; datum onbekend" },
  badJson: { en: 'not valid JSON ({error})', nl: null },
  notObject: { en: 'a record must be a JSON object, not {what}', nl: 'een artikelregel moet een JSON-object zijn' },
  notString: { en: "field '{field}' is not a string", nl: "veld '{field}' is geen tekst" },
  missingText: { en: "missing field 'text'", nl: "veld 'text' ontbreekt" },
  emptyText: { en: "field 'text' is empty", nl: "veld 'text' is leeg" },
  noTextField: {
    en: "no record has a field 'text' ({count} record(s)); not an article archive",
    nl: "geen enkel record heeft een veld 'text' ({count} records); geen artikelarchief",
  },
  duplicateId: {
    en: "duplicate id '{id}' (first on line {first}); read as '{as}'",
    nl: "id '{id}' komt dubbel voor (eerst op regel {first}); gelezen als '{as}'",
  },
  // (The XML parser's own words: technical, and they say where.)
  badXml: { en: '{error}', nl: '{error}' },
  notAFeed: { en: 'root element <{root}>', nl: 'hoofdelement <{root}>' },
  changedWhileIndexed: {
    en: '{id}: the file changed while it was indexed; it is read again at the next change or re-index',
    nl: '{id}: het bestand veranderde tijdens het indexeren; het wordt opnieuw gelezen bij de volgende wijziging of herindexering',
  },
  analysisFailed: { en: '{id}: {error}', nl: '{id}: {error}' },
} as const satisfies Record<string, { en: string; nl: string | null }>;

export type DetailKey = keyof typeof DETAILS;
export interface Detail { key: DetailKey; params: Params }

/** A detail in a language; null when the Dutch reason says it all. */
export function detailText(d: Detail, locale: 'nl' | 'en'): string | null {
  const entry = DETAILS[d.key] as { en: string; nl: string | null } | undefined;
  if (!entry) return null;
  const t = entry[locale];
  return t === null ? null : fillTemplate(t, d.params);
}

/** A skip report (or, with `kept`, a warning about an article still read). */
export function skip(file: string, reason: Skipped['reason'], key: DetailKey, params: Params = {}, extra: { line?: number; kept?: boolean; count?: number } = {}): Skipped {
  const why: Detail = { key, params };
  // (Fields in the order the JSON output has always had them; `why` last.)
  const s = { file } as Skipped;
  if (extra.line !== undefined) s.line = extra.line;
  s.reason = reason;
  s.detail = detailText(why, 'en')!;
  if (extra.kept) s.kept = true;
  if (extra.count !== undefined) s.count = extra.count;
  s.why = why;
  return s;
}

const REASONS: Record<Skipped['reason'], { nl: string; en: string }> = {
  'unsupported-type': { nl: 'bestandstype wordt niet gelezen', en: 'file type is not read' },
  binary: { nl: 'geen tekst (binaire gegevens)', en: 'not text (binary data)' },
  'invalid-encoding': { nl: 'ongeldige tekencodering', en: 'invalid character encoding' },
  'too-large': { nl: 'te groot', en: 'too large' },
  empty: { nl: 'leeg', en: 'empty' },
  unreadable: { nl: 'niet leesbaar (geen toegang)', en: 'cannot be read (no access)' },
  'bad-json': { nl: 'regel is geen geldige JSON', en: 'line is not valid JSON' },
  'bad-record': { nl: 'artikelregel onvolledig of onjuist', en: 'article record incomplete or wrong' },
  'bad-front-matter': { nl: 'kopgegevens (front matter) onleesbaar', en: 'front matter cannot be read' },
  'bad-xml': { nl: 'geen geldige XML', en: 'not valid XML' },
  'not-a-feed': { nl: 'XML, maar geen persbureaubericht (NewsML-G2 of NITF)', en: 'XML, but no news-agency item (NewsML-G2 or NITF)' },
  'symlink-loop': { nl: 'snelkoppeling (symbolische link) vormt een lus', en: 'symbolic link forms a loop' },
  'not-found': { nl: 'bestaat niet', en: 'does not exist' },
  'analysis-failed': { nl: 'analyse mislukt', en: 'analysis failed' },
};

/** The reason's label in the journalist's language ("leeg", "regel is geen geldige JSON"). */
export function reasonLabel(reason: Skipped['reason'] | string, locale: 'nl' | 'en'): string {
  const r = REASONS[reason as Skipped['reason']];
  return r ? r[locale] : reason;
}

/**
 * One line for a journalist: "overgeslagen: map/bestand.bin — geen tekst (binaire gegevens)" or,
 * for a warning where the article was still read, "waarschuwing: artikel.md:3 — … (artikel wel gelezen)".
 */
export function describeSkipped(s: Skipped, locale: 'nl' | 'en', root?: string): string {
  const nl = locale === 'nl';
  const shown = root ? relativeId(s.file, root) : s.file;
  const where = s.line !== undefined ? `${shown}:${s.line}` : shown;
  const head = t(locale, s.kept ? 'skipWarning' : 'skipSkipped');
  const reason = REASONS[s.reason] ?? { nl: s.reason, en: s.reason };
  let detail: string;
  if (nl) {
    const d = s.why ? detailText(s.why as Detail, 'nl') : null;
    detail = d ? `${reason.nl}: ${d}` : reason.nl;
  } else {
    // The English detail is already written for people; avoid repeating the reason.
    if (s.reason === 'binary') detail = `not text (binary data: ${s.detail.replace(/^not text \((.*)\)$/, '$1')})`;
    else if (s.reason === 'bad-json') detail = `${reason.en} ${s.detail.replace(/^not valid JSON /, '')}`;
    else detail = `${reason.en}: ${s.detail}`;
  }
  const tail = s.kept ? ' ' + t(locale, 'skipKept') : '';
  return `${head}: ${where} — ${detail}${tail}`;
}

/** Article id prefix: the file's path relative to the corpus root, with forward slashes. */
export function relativeId(file: string, root: string): string {
  const rel = path.relative(root, file);
  return (rel === '' ? path.basename(file) : rel).split(path.sep).join('/');
}
