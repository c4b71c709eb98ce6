// Finding and reading archive files: .txt, .md/.markdown (YAML front matter) and .jsonl.
// The corpus is read-only: files are only ever opened with flag 'r'; nothing is written, renamed
// or touched. Every problem is reported once as a Skipped with a reason code; nothing throws for
// an expected problem (missing file, no permission, binary data, bad JSON, ...).
//
// Offsets: `Article.text` is the decoded file text without a byte-order mark, so an offset in it
// is a UTF-16 index into what an editor shows for the file (VS Code strips the BOM too). For .txt
// and .md the text is a verbatim slice of that (a .txt date marker is blanked with spaces of the
// same length, never cut), so offsets map to exact file positions via lineBase/charBase.

import { createHash } from 'node:crypto';
import { promises as fsp, Stats } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isUtf8 } from 'node:buffer';
import { parseDocument } from 'yaml';
import { relativeId, skip, type Detail } from './skips';
import type { Article, Skipped } from './types';
import { LineIndex, DATE_MARKER as TXT_DATE_MARKER } from '../core/text';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.jsonl', '.xml', '.html', '.htm'] as const;
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_RECORD_BYTES = 10 * 1024 * 1024;
/** The setting a journalist changes when a file is too large (named in the message). */
export const MAX_FILE_SETTING = 'bronvast.limits.maxFileSizeMB';

// ---------------------------------------------------------------------------------------------
// Discovery

export interface DiscoverOptions {
  /** Absolute folders never to enter (the cache folder). */
  excludeDirs?: string[];
  /** Folder names never to enter, in addition to hidden folders. Default ['node_modules']. */
  excludeNames?: string[];
}

/** Deterministic, locale-independent string order (UTF-16 code units). */
function byCodeUnit(a: string, b: string): number { return a < b ? -1 : a > b ? 1 : 0; }

function isSupported(file: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

function errCode(e: unknown): string { return (e as NodeJS.ErrnoException)?.code ?? 'EUNKNOWN'; }

/**
 * Find the corpus files under `paths` (folders or files, relative to baseDir or absolute).
 * Folders are walked recursively: hidden entries (name starting with '.'), node_modules and the
 * excluded folders are skipped silently; symbolic links are followed, a link back to a folder on
 * the current path is reported once as `symlink-loop`, and a file reachable twice is listed once.
 * Files of other types are reported as `unsupported-type`, one line per folder with a count
 * (a file named explicitly gets a line of its own). The result is sorted by path.
 */
export async function discoverFiles(paths: string[], baseDir: string, options: DiscoverOptions = {}):
Promise<{ files: string[]; skipped: Skipped[] }> {
  const skipped: Skipped[] = [];
  const files: string[] = [];
  const seenReal = new Set<string>();        // real paths of files already listed
  const visitedDirs = new Set<string>();     // real paths of folders already walked
  const excludeNames = new Set(options.excludeNames ?? ['node_modules']);
  const excludeReal = new Set<string>();
  for (const d of options.excludeDirs ?? []) {
    const abs = path.resolve(baseDir, d);
    excludeReal.add(abs);
    try { excludeReal.add(await fsp.realpath(abs)); } catch { /* does not exist yet */ }
  }

  const addFile = async (file: string, real?: string) => {
    const r = real ?? await fsp.realpath(file).catch(() => file);
    if (seenReal.has(r)) return;
    seenReal.add(r);
    files.push(file);
  };

  const walk = async (dir: string, realDir: string, ancestors: Set<string>) => {
    if (visitedDirs.has(realDir) || excludeReal.has(realDir)) return;
    visitedDirs.add(realDir);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch (e) {
      skipped.push(fsError(dir, e));
      return;
    }
    entries.sort((a, b) => byCodeUnit(a.name, b.name));
    const unsupported: string[] = [];
    const here = new Set(ancestors).add(realDir);
    for (const ent of entries) {
      if (ent.name.startsWith('.')) continue;
      const full = path.join(dir, ent.name);
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      let real: string | undefined;
      if (ent.isSymbolicLink()) {
        try {
          const st = await fsp.stat(full);
          real = await fsp.realpath(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (e) {
          const code = errCode(e);
          if (code === 'ELOOP') {
            skipped.push(skip(full, 'symlink-loop', 'symlinkSelf'));
          } else if (code === 'ENOENT') {
            skipped.push(skip(full, 'not-found', 'brokenLink'));
          } else {
            skipped.push(fsError(full, e));
          }
          continue;
        }
      }
      if (isDir) {
        if (excludeNames.has(ent.name)) continue;
        const r = real ?? path.join(realDir, ent.name);
        if (here.has(r)) {
          skipped.push(skip(full, 'symlink-loop', 'symlinkBack', { target: r }));
          continue;
        }
        await walk(full, r, here);
      } else if (isFile) {
        if (isSupported(ent.name)) await addFile(full, real ?? path.join(realDir, ent.name));
        else unsupported.push(ent.name);
      }
      // sockets, fifos, devices: not files, ignored silently
    }
    if (unsupported.length > 0) {
      const exts = new Map<string, number>();
      for (const n of unsupported) {
        const x = path.extname(n).toLowerCase() || '(none)';
        exts.set(x, (exts.get(x) ?? 0) + 1);
      }
      const kinds = [...exts].map(([x, n]) => `${x} ×${n}`).join(', ');
      const examples = unsupported.slice(0, 3).join(', ') + (unsupported.length > 3 ? ', …' : '');
      skipped.push(skip(dir, 'unsupported-type', 'unsupportedFiles',
        { count: unsupported.length, kinds, examples, supported: SUPPORTED_EXTENSIONS.join(', ') }, { count: unsupported.length }));
    }
  };

  const uniquePaths = [...new Set(paths.map((p) => path.resolve(baseDir, p)))];
  for (const abs of uniquePaths) {
    let st: Stats;
    try {
      st = await fsp.stat(abs);
    } catch (e) {
      if (errCode(e) === 'ELOOP') skipped.push(skip(abs, 'symlink-loop', 'symlinkSelf'));
      else skipped.push(fsError(abs, e));
      continue;
    }
    if (st.isDirectory()) {
      const real = await fsp.realpath(abs).catch(() => abs);
      await walk(abs, real, new Set());
    } else if (st.isFile()) {
      if (isSupported(abs)) await addFile(abs);
      else skipped.push(skip(abs, 'unsupported-type', 'unsupportedType', { ext: path.extname(abs) || '(none)', supported: SUPPORTED_EXTENSIONS.join(', ') }));
    } else {
      skipped.push(skip(abs, 'unsupported-type', 'notRegular'));
    }
  }
  files.sort(byCodeUnit);
  return { files, skipped };
}

function fsError(file: string, e: unknown): Skipped {
  const code = errCode(e);
  if (code === 'ENOENT' || code === 'ENOTDIR') return skip(file, 'not-found', 'notFound');
  if (code === 'EACCES' || code === 'EPERM') return skip(file, 'unreadable', 'noPermission');
  if (code === 'ELOOP') return skip(file, 'symlink-loop', 'symlinkDeep');
  return skip(file, 'unreadable', 'unreadable', { code: String(code) });
}

// ---------------------------------------------------------------------------------------------
// Decoding

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Set when the bytes were not valid in the detected encoding and were repaired. */
  repaired?: Detail;
}

/**
 * Decode a file's bytes to text, or explain why they are not text.
 * - A UTF-8 BOM is stripped; UTF-16 LE/BE with a BOM are decoded (BOM stripped).
 * - UTF-16 without a BOM is recognised by its pattern of zero bytes.
 * - NUL bytes or many control characters otherwise mean binary data.
 * - Invalid UTF-8: when the file contains no valid multi-byte UTF-8 sequence at all, it is read as
 *   Windows-1252 (the usual legacy encoding of Dutch text: "é" as one byte); otherwise the bad
 *   sequences become U+FFFD. Either way the text is kept and a warning is reported.
 */
export function decodeBytes(buf: Buffer): Decoded | { binary: Detail } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return decodeUtf8(buf.subarray(3));
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le', ...utf16Repair(buf.length - 2) };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be', ...utf16Repair(buf.length - 2) };
  }
  const bomless = sniffUtf16(buf);
  if (bomless) return { text: new TextDecoder(bomless).decode(buf), encoding: bomless, ...utf16Repair(buf.length) };
  if (buf.indexOf(0) !== -1) return { binary: { key: 'nulBytes', params: {} } };
  // Control characters other than tab, LF, VT, FF, CR, ESC-free text: sample the start.
  const n = Math.min(buf.length, 64 * 1024);
  let ctl = 0;
  for (let i = 0; i < n; i++) {
    const c = buf[i];
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13) || c === 0x7f) ctl++;
  }
  if (n > 0 && ctl / n > 0.05) return { binary: { key: 'controlChars', params: { percent: Math.round((100 * ctl) / n) } } };
  return decodeUtf8(buf);
}

function utf16Repair(byteLength: number): { repaired?: Detail } {
  return byteLength % 2 === 1 ? { repaired: { key: 'oddUtf16', params: {} } } : {};
}

/** UTF-16 without BOM: in Latin text every other byte is zero. */
function sniffUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0, oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.6 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.6 && oddZero / pairs < 0.05) return 'utf-16be';
  return undefined;
}

function decodeUtf8(buf: Buffer): Decoded {
  if (isUtf8(buf)) return { text: buf.toString('utf8'), encoding: 'utf-8' };
  if (!hasValidMultibyteUtf8(buf)) {
    return { text: decodeWindows1252(buf), encoding: 'windows-1252', repaired: { key: 'windows1252', params: {} } };
  }
  const text = new TextDecoder('utf-8').decode(buf);
  let bad = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) bad++;
  return { text, encoding: 'utf-8', repaired: { key: 'badUtf8', params: { count: bad } } };
}

// Windows-1252 bytes 0x80–0x9F (Node's TextDecoder treats the label as ISO-8859-1 for these).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(buf: Buffer): string {
  const s = buf.toString('latin1');
  return s.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** Whether the buffer contains at least one well-formed multi-byte UTF-8 sequence. */
function hasValidMultibyteUtf8(buf: Buffer): boolean {
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (c < 0xc2 || c > 0xf4) continue;
    const len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    if (i + len > buf.length) continue;
    let ok = true;
    for (let k = 1; k < len; k++) if ((buf[i + k] & 0xc0) !== 0x80) { ok = false; break; }
    if (ok) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Metadata helpers

const MONTHS_OK = (y: number, m: number, d?: number) =>
  y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && (d === undefined || (d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()));

/**
 * Normalise a date to ISO "YYYY-MM-DD" (or "YYYY-MM", "YYYY" when that is all it says).
 * Accepts "2019-02-14", "2019-02-14 10:00:00", ISO timestamps ("2019-02-14T10:00:00Z",
 * "...+01:00": the calendar date as written, not shifted to UTC), "2019/02/14", "14-02-2019",
 * "14.02.2019", Date objects (YAML). Returns null for anything else.
 */
export function normaliseDate(v: unknown): string | null {
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  }
  if (typeof v !== 'string') return null;
  const s = v.trim();
  let m = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?(?:(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) {
    const y = +m[1], mo = +m[2], d = m[3] !== undefined ? +m[3] : undefined;
    if (!MONTHS_OK(y, mo, d)) return null;
    return `${m[1]}-${pad2(mo)}${d !== undefined ? '-' + pad2(d) : ''}`;
  }
  m = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) {
    const y = +m[3], mo = +m[2], d = +m[1];
    return MONTHS_OK(y, mo, d) ? `${m[3]}-${pad2(mo)}-${pad2(d)}` : null;
  }
  // NITF's compact form: "20240812T100000Z", "20240812".
  m = /^(\d{4})(\d{2})(\d{2})(?:T\d{4,6}(?:[.,]\d+)?(?:Z|[+-]\d{4})?)?$/.exec(s);
  if (m) return MONTHS_OK(+m[1], +m[2], +m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  if (/^\d{4}$/.test(s) && +s >= 1000) return s;
  return null;
}
function pad2(n: number): string { return n < 10 ? '0' + n : String(n); }

function str(v: unknown): string | null {
  if (typeof v === 'string') { const t = v.trim(); return t === '' ? null : t; }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

export function contentHash(meta: { title: string | null; date: string | null; source: string | null; url: string | null }, text: string): string {
  return createHash('sha1')
    .update(JSON.stringify([meta.title, meta.date, meta.source, meta.url]))
    .update('\0')
    .update(text)
    .digest('hex');
}


/** file: URL of a path (the last one remembered: a JSONL archive has thousands of articles). */
let lastUri: [string, string] | null = null;
function fileUri(file: string): string {
  if (lastUri?.[0] !== file) lastUri = [file, pathToFileURL(file).href];
  return lastUri[1];
}

/** Whether a string is empty or only whitespace (as `s.trim() === ''`, without copying a long text). */
const blank = (s: string) => !/\S/.test(s);

function makeArticle(file: string, id: string, meta: { title: string | null; date: string | null; source: string | null; url: string | null },
  text: string, lineBase: number, charBase: number, exact: boolean): Article {
  return {
    id, file, uri: fileUri(file),
    title: meta.title, date: meta.date, source: meta.source, url: meta.url,
    text, lineBase, charBase, exact, hash: contentHash(meta, text),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface ReadOptions {
  /** Files larger than this are skipped as `too-large` (not JSONL, which is streamed). Default 50 MB. */
  maxFileBytes?: number;
  /** JSONL records longer than this are skipped as `too-large`. Default 10 MB. */
  maxRecordBytes?: number;
}

export type ReadItem = { kind: 'article'; article: Article } | { kind: 'skipped'; skipped: Skipped };

function mb(n: number): string {
  const v = n / (1024 * 1024);
  return (v >= 10 ? Math.round(v) : Math.round(v * 10) / 10) + ' MB';
}

function tooLarge(file: string, size: number, limit: number, line?: number): Skipped {
  const nl = (x: string) => x.replace('.', ',');
  return line === undefined
    ? skip(file, 'too-large', 'tooLarge', { size: mb(size), limit: mb(limit), sizeNl: nl(mb(size)), limitNl: nl(mb(limit)), setting: MAX_FILE_SETTING })
    : skip(file, 'too-large', 'recordTooLarge', { limit: mb(limit), limitNl: nl(mb(limit)) }, { line });
}

/** Read all articles of one file. For big JSONL archives prefer readArticlesStream. */
export async function readArticles(file: string, root: string, options: ReadOptions = {}):
Promise<{ articles: Article[]; skipped: Skipped[] }> {
  const articles: Article[] = [];
  const skipped: Skipped[] = [];
  for await (const item of readArticlesStream(file, root, options)) {
    if (item.kind === 'article') articles.push(item.article); else skipped.push(item.skipped);
  }
  return { articles, skipped };
}

/**
 * Read the articles of one file as a stream of articles and skip reports. JSONL is read line by
 * line in chunks, so only one record is held at a time (plus whatever the caller keeps).
 */
export async function* readArticlesStream(file: string, root: string, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const abs = path.resolve(root, file);
  const ext = path.extname(abs).toLowerCase();
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    yield { kind: 'skipped', skipped: skip(abs, 'unsupported-type', 'unsupportedTypeShort', { ext: ext || '(none)' }) };
    return;
  }
  let st: Stats;
  try {
    st = await fsp.stat(abs);
  } catch (e) {
    yield { kind: 'skipped', skipped: fsError(abs, e) };
    return;
  }
  if (!st.isFile()) {
    yield { kind: 'skipped', skipped: skip(abs, 'unsupported-type', 'notRegularFile') };
    return;
  }
  if (st.size === 0) {
    yield { kind: 'skipped', skipped: skip(abs, 'empty', 'emptyFile') };
    return;
  }
  if (ext === '.jsonl') {
    yield* readJsonl(abs, root, st.size, options);
    return;
  }
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (st.size > limit) {
    yield { kind: 'skipped', skipped: tooLarge(abs, st.size, limit) };
    return;
  }
  let buf: Buffer;
  try {
    buf = await fsp.readFile(abs, { flag: 'r' });
  } catch (e) {
    yield { kind: 'skipped', skipped: fsError(abs, e) };
    return;
  }
  const dec = decodeBytes(buf);
  if ('binary' in dec) {
    yield { kind: 'skipped', skipped: skip(abs, 'binary', dec.binary.key, dec.binary.params) };
    return;
  }
  if (dec.repaired) yield { kind: 'skipped', skipped: skip(abs, 'invalid-encoding', dec.repaired.key, dec.repaired.params, { kept: true }) };
  const rel = relativeId(abs, root);
  if (ext === '.xml' || ext === '.html' || ext === '.htm') {
    yield* feedArticles(abs, rel, ext, dec.text);
    return;
  }
  const out = ext === '.txt' ? parseTxt(dec.text) : parseMarkdown(dec.text);
  if (out.warning) yield { kind: 'skipped', skipped: skip(abs, 'bad-front-matter', out.warning.key, out.warning.params, { line: out.warning.line, kept: true }) };
  if (blank(out.text)) {
    yield { kind: 'skipped', skipped: skip(abs, 'empty', ext === '.txt' ? 'noText' : 'noBody') };
    return;
  }
  yield { kind: 'article', article: makeArticle(abs, rel, out.meta, out.text, out.lineBase, out.charBase, true) };
}

/** The articles of a press-agency XML file (NewsML-G2, NITF) or a saved article page (see feeds.ts). */
function* feedArticles(abs: string, rel: string, ext: string, text: string): Generator<ReadItem> {
  const xml = ext === '.xml';
  // (Loaded on first use: the XML and HTML parsers cost every start-up ~60 ms otherwise.)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const feeds = require('./feeds') as typeof import('./feeds');
  const r = xml ? feeds.parseNewsXml(text) : feeds.parseHtmlArticle(text);
  if ('error' in r) {
    yield { kind: 'skipped', skipped: skip(abs, 'bad-xml', 'badXml', { error: r.error }, { line: r.line !== undefined ? r.line + 1 : undefined }) };
    return;
  }
  if ('notFeed' in r) {
    yield { kind: 'skipped', skipped: skip(abs, 'not-a-feed', 'notAFeed', { root: r.notFeed }) };
    return;
  }
  const ids = new Set<string>();
  for (let i = 0; i < r.items.length; i++) {
    const item = r.items[i];
    if (blank(item.text)) {
      yield { kind: 'skipped', skipped: skip(abs, 'empty', xml ? 'noItemBody' : 'noPageText', {}, { line: xml ? item.line + 1 : undefined }) };
      continue;
    }
    let date = item.date === null ? null : normaliseDate(item.date);
    if (item.date !== null && date === null) {
      yield { kind: 'skipped', skipped: skip(abs, 'bad-record', 'badDate', { date: item.date }, { line: xml ? item.line + 1 : undefined, kept: true }) };
      date = null;
    }
    // An XML item is "file#guid" (or "#item-N"), as a JSONL record is; a page is its file.
    let id = xml ? `${rel}#${item.id ?? `item-${i + 1}`}` : rel;
    for (let n = 2; ids.has(id); n++) id = `${rel}#${item.id ?? 'item'}~${n}`;
    ids.add(id);
    yield { kind: 'article', article: makeArticle(abs, id, { title: item.title, date, source: item.source, url: item.url }, item.text, item.line, 0, false) };
  }
}

interface Parsed {
  meta: { title: string | null; date: string | null; source: string | null; url: string | null };
  text: string;
  lineBase: number;
  charBase: number;
  warning?: { line?: number } & Detail;
}


/** A .txt file: the whole file is the text; a leading date marker sets the date and is blanked. */
export function parseTxt(text: string): Parsed {
  const meta = { title: null, date: null as string | null, source: null, url: null };
  const m = TXT_DATE_MARKER.exec(text);
  if (m) {
    const date = normaliseDate(m[1]);
    if (date) {
      meta.date = date;
      text = ' '.repeat(m[0].length) + text.slice(m[0].length);
    }
  }
  return { meta, text, lineBase: 0, charBase: 0 };
}

/**
 * A Markdown file: optional YAML front matter between '---' lines (closed by '---' or '...'),
 * then the body. Broken front matter: the article is kept with the body after the block and a
 * warning is reported. Without a front-matter title, the first '# Heading' is the title.
 */
export function parseMarkdown(text: string): Parsed {
  const meta = { title: null as string | null, date: null as string | null, source: null as string | null, url: null as string | null };
  let bodyStart = 0;
  let warning: Parsed['warning'];
  const open = /^---[ \t]*(\r\n|\n|\r)/.exec(text);
  if (open) {
    const close = /(?:^|\r\n|\n|\r)(---|\.\.\.)[ \t]*(\r\n|\n|\r|$)/g;
    close.lastIndex = open[0].length - open[1].length;
    const c = close.exec(text);
    if (!c) {
      warning = { line: 1, key: 'frontMatterOpen', params: {} };
    } else {
      const yamlText = text.slice(open[0].length, c.index);
      bodyStart = c.index + c[0].length;
      const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
      if (doc.errors.length > 0) {
        const err = doc.errors[0];
        // 1-based file line of the error: the opening '---' is line 1, the YAML starts on line 2.
        const at = Math.max(0, Math.min(err.pos?.[0] ?? 0, yamlText.length));
        const line = 2 + new LineIndex(yamlText).positionAt(at).line;
        warning = { line, key: 'frontMatterYaml', params: { error: err.message.split('\n')[0] } };
      } else {
        const data: unknown = doc.toJS();
        if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
          warning = { line: 2, key: 'frontMatterShape', params: {} };
        } else if (data) {
          const d = data as Record<string, unknown>;
          meta.title = str(d.title);
          meta.source = str(d.source) ?? str(d.publisher);
          meta.url = str(d.url) ?? str(d.link);
          const rawDate = d.date ?? d.published_at ?? d.published;
          if (rawDate !== undefined && rawDate !== null) {
            meta.date = normaliseDate(rawDate instanceof Date ? rawDate : String(rawDate));
            if (!meta.date) warning = { line: 2, key: 'badDate', params: { date: String(rawDate) } };
          }
        }
      }
    }
  }
  const body = text.slice(bodyStart);
  if (meta.title === null) {
    const h = /^[ \t]{0,3}#[ \t]+(.+?)[ \t#]*$/m.exec(body);
    if (h) meta.title = h[1].trim() || null;
  }
  const pos = new LineIndex(text).positionAt(bodyStart);
  return { meta, text: body, lineBase: pos.line, charBase: pos.character, warning };
}

// ---------------------------------------------------------------------------------------------
// JSONL

async function* readJsonl(abs: string, root: string, size: number, options: ReadOptions): AsyncGenerator<ReadItem> {
  const maxRecord = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const rel = relativeId(abs, root);
  const ids = new Map<string, number>();   // record id → 1-based line of its first use
  const badEncodingLines: number[] = [];
  let articles = 0;
  let problems = 0;
  let heldNoText: Skipped[] = [];

  let handle: import('node:fs/promises').FileHandle;
  try {
    handle = await fsp.open(abs, 'r');
  } catch (e) {
    yield { kind: 'skipped', skipped: fsError(abs, e) };
    return;
  }
  try {
    // UTF-16 JSONL (with a BOM) is rare: decode it whole, within the file limit.
    const head = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const h = head.subarray(0, bytesRead);
    const utf16 = (h[0] === 0xff && h[1] === 0xfe) || (h[0] === 0xfe && h[1] === 0xff) || sniffUtf16(h) !== undefined;
    if (!utf16 && h.indexOf(0) !== -1) {
      // Binary data with a .jsonl name: one report for the file, not one per "line".
      yield { kind: 'skipped', skipped: skip(abs, 'binary', 'nulBytes') };
      return;
    }
    let lines: AsyncIterable<{ line: number; bytes: Buffer | null; text?: string }>;
    if (utf16) {
      const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
      if (size > limit) { yield { kind: 'skipped', skipped: tooLarge(abs, size, limit) }; return; }
      const dec = decodeBytes(await handle.readFile());
      const text = 'text' in dec ? dec.text : '';
      lines = (async function* () {
        const parts = text.split(/\r?\n/);
        for (let i = 0; i < parts.length; i++) yield { line: i + 1, bytes: null, text: parts[i] };
      })();
    } else {
      lines = splitLines(handle, maxRecord);
    }
    for await (const rec of lines) {
      let lineText: string;
      if (rec.text !== undefined) {
        lineText = rec.text;
      } else if (rec.bytes === null) {
        problems++;
        yield { kind: 'skipped', skipped: tooLarge(abs, 0, maxRecord, rec.line) };
        continue;
      } else {
        let b = rec.bytes;
        if (rec.line === 1 && b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
        if (!isUtf8(b)) badEncodingLines.push(rec.line);
        lineText = b.toString('utf8');
      }
      if (lineText.endsWith('\r')) lineText = lineText.slice(0, -1);
      if (blank(lineText)) continue;
      let data: unknown;
      try {
        data = JSON.parse(lineText);
      } catch (e) {
        problems++;
        yield { kind: 'skipped', skipped: skip(abs, 'bad-json', 'badJson', { error: (e as Error).message }, { line: rec.line }) };
        continue;
      }
      const r = recordToArticle(data, abs, rel, rec.line, ids);
      if (r.noText && articles === 0) {
        // Until the first article, hold back "no text" reports: a JSONL file of which no record
        // has text is not an article archive, and gets one line instead of one per record.
        heldNoText.push(...r.skipped);
        continue;
      }
      if (r.article && articles === 0 && heldNoText.length > 0) {
        for (const s of heldNoText) { problems++; yield { kind: 'skipped', skipped: s }; }
        heldNoText = [];
      }
      for (const s of r.skipped) { if (!s.kept) problems++; yield { kind: 'skipped', skipped: s }; }
      if (r.article) { articles++; yield { kind: 'article', article: r.article }; }
    }
  } catch (e) {
    yield { kind: 'skipped', skipped: fsError(abs, e) };
  } finally {
    await handle.close().catch(() => undefined);
  }
  if (badEncodingLines.length > 0) {
    const shown = badEncodingLines.slice(0, 5).join(', ') + (badEncodingLines.length > 5 ? ', …' : '');
    yield { kind: 'skipped', skipped: skip(abs, 'invalid-encoding', 'badUtf8Lines', { count: badEncodingLines.length, lines: shown }, { line: badEncodingLines[0], kept: true }) };
  }
  if (heldNoText.length > 0) {
    problems++;
    yield { kind: 'skipped', skipped: skip(abs, 'bad-record', 'noTextField', { count: heldNoText.length }) };
  }
  if (articles === 0 && problems === 0) {
    yield { kind: 'skipped', skipped: skip(abs, 'empty', 'noRecords') };
  }
}

/**
 * Split a file into lines of bytes, 1 MB at a time; a line over `maxLine` bytes comes back as null.
 * A line's bytes are a view into the read buffer when the line lies within one chunk: valid only
 * until the next line is asked for (readJsonl decodes each line at once), so that a 70 MB archive
 * is not copied line by line.
 */
async function* splitLines(handle: import('node:fs/promises').FileHandle, maxLine: number):
AsyncGenerator<{ line: number; bytes: Buffer | null }> {
  const chunk = Buffer.alloc(1 << 20);
  let parts: Buffer[] = [];
  let partLen = 0;
  let overlong = false;
  let line = 1;
  let pos = 0;
  for (;;) {
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, pos);
    if (bytesRead === 0) break;
    pos += bytesRead;
    const data = chunk.subarray(0, bytesRead);
    let start = 0;
    for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
      const piece = data.subarray(start, nl);
      if (!overlong && partLen + piece.length <= maxLine) {
        yield { line, bytes: parts.length === 0 ? piece : Buffer.concat([...parts, piece]) };
      } else {
        yield { line, bytes: null };
      }
      parts = []; partLen = 0; overlong = false; line++;
      start = nl + 1;
    }
    if (start < data.length && !overlong) {
      const rest = data.subarray(start);
      if (partLen + rest.length > maxLine) { overlong = true; parts = []; partLen = 0; }
      else { parts.push(Buffer.from(rest)); partLen += rest.length; }
    }
  }
  if (overlong) yield { line, bytes: null };
  else if (partLen > 0) yield { line, bytes: Buffer.concat(parts) };
}

function recordToArticle(data: unknown, abs: string, rel: string, line: number, ids: Map<string, number>):
{ article?: Article; skipped: Skipped[]; noText?: boolean } {
  const skipped: Skipped[] = [];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { skipped: [skip(abs, 'bad-record', 'notObject', { what: Array.isArray(data) ? 'an array' : data === null ? 'null' : typeof data }, { line })] };
  }
  const d = data as Record<string, unknown>;
  const textField = ['text', 'body', 'content'].find((k) => d[k] !== undefined);
  const text = textField ? d[textField] : undefined;
  if (typeof text !== 'string') {
    return { noText: !textField, skipped: [textField ? skip(abs, 'bad-record', 'notString', { field: textField }, { line }) : skip(abs, 'bad-record', 'missingText', {}, { line })] };
  }
  if (blank(text)) return { skipped: [skip(abs, 'empty', 'emptyText', {}, { line })] };
  const rawDate = d.date ?? d.published_at ?? d.published ?? d.datePublished;
  let date: string | null = null;
  if (rawDate !== undefined && rawDate !== null && rawDate !== '') {
    date = normaliseDate(rawDate);
    if (!date) skipped.push(skip(abs, 'bad-record', 'badDate', { date: String(rawDate).slice(0, 40) }, { line, kept: true }));
  }
  const meta = { title: str(d.title) ?? str(d.headline), date, source: str(d.source) ?? str(d.publisher), url: str(d.url) ?? str(d.link) };
  const recordId = str(d.id);
  let key = recordId ?? `L${line}`;
  if (ids.has(key)) {
    let n = 2;
    while (ids.has(`${key}~${n}`)) n++;
    skipped.push(skip(abs, 'bad-record', 'duplicateId', { id: key, first: ids.get(key)!, as: `${key}~${n}` }, { line, kept: true }));
    key = `${key}~${n}`;
  }
  ids.set(key, line);
  return { article: makeArticle(abs, `${rel}#${key}`, meta, text, line - 1, 0, false), skipped };
}
