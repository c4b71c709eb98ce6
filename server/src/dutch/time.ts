// Dutch time expressions: dates, periods, relative days, years and clock times, resolved against a
// reference date (the article's date). Dates are ISO strings (YYYY-MM-DD); intervals are inclusive.
// Pure functions, linear in the text length (regexes without nested quantifiers).

import { UNIT_WORDS } from './units';
import type { TimeExpression } from './types';

export const MONTHS: Record<string, number> = {
  januari: 1, februari: 2, maart: 3, april: 4, mei: 5, juni: 6, juli: 7, augustus: 8, september: 9,
  oktober: 10, november: 11, december: 12,
  jan: 1, feb: 2, mrt: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, dec: 12,
};
const WEEKDAYS: Record<string, number> = { maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6, zondag: 0 };
const SMALL: Record<string, number> = { een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12, anderhalf: 1.5, anderhalve: 1.5 };

const MONTH_RE = '(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\\.?';
const WEEKDAY_RE = '(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)';
const PART_RE = '(?:begin|eind|einde|half|medio|midden|halverwege|eind-|begin-|half-|medio-)';
const DAYPART = "(?:ochtend|morgen|middag|avond|nacht)";

interface Ref { from: Date; to: Date } // the reference interval (a day, or a month for "YYYY-MM")

function utc(y: number, m: number, d: number): Date { return new Date(Date.UTC(y, m - 1, d)); }
function iso(d: Date): string {
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + 1, day = d.getUTCDate();
  if (y < 1000 || y > 9999) return d.toISOString().slice(0, 10);
  return `${y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}
function lastDay(y: number, m: number): number { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }
function addDays(d: Date, n: number): Date { return new Date(d.getTime() + n * 86400000); }
function addMonths(d: Date, n: number): Date {
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + n;
  const ld = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), ld)));
}

export function parseReference(ref: string | null): Ref | null {
  if (!ref) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ref);
  if (m) { const d = utc(+m[1], +m[2], +m[3]); if (!isNaN(d.getTime())) return { from: d, to: d }; }
  m = /^(\d{4})-(\d{2})$/.exec(ref);
  if (m && +m[2] >= 1 && +m[2] <= 12) return { from: utc(+m[1], +m[2], 1), to: utc(+m[1], +m[2], lastDay(+m[1], +m[2])) };
  m = /^(\d{4})$/.exec(ref);
  if (m) return { from: utc(+m[1], 1, 1), to: utc(+m[1], 12, 31) };
  return null;
}

type Iv = { from: Date | null; to: Date | null };

function monthIv(y: number, m: number): Iv { return { from: utc(y, m, 1), to: utc(y, m, lastDay(y, m)) }; }

/** Narrow an interval to its beginning / middle / end part ("begin augustus" = 1–10 August). */
function part(iv: Iv, p: string | undefined, unit: 'month' | 'year' | 'week'): Iv {
  if (!p || !iv.from || !iv.to) return iv;
  const w = p.replace(/-$/, '');
  const f = iv.from, t = iv.to;
  if (unit === 'month') {
    const y = f.getUTCFullYear(), m = f.getUTCMonth() + 1;
    if (w === 'begin') return { from: f, to: utc(y, m, 10) };
    if (w === 'eind' || w === 'einde') return { from: utc(y, m, 21), to: t };
    return { from: utc(y, m, 11), to: utc(y, m, 20) };
  }
  if (unit === 'year') {
    const y = f.getUTCFullYear();
    if (w === 'begin') return { from: f, to: utc(y, 4, 30) };
    if (w === 'eind' || w === 'einde') return { from: utc(y, 9, 1), to: t };
    return { from: utc(y, 5, 1), to: utc(y, 8, 31) };
  }
  if (w === 'begin') return { from: f, to: addDays(f, 2) };
  if (w === 'eind' || w === 'einde') return { from: addDays(f, 4), to: t };
  return { from: addDays(f, 2), to: addDays(f, 4) };
}

/** Most recent month `m` not after the reference. */
function recentMonth(m: number, ref: Ref | null): Iv {
  if (!ref) return { from: null, to: null };
  const ry = ref.to.getUTCFullYear(), rm = ref.to.getUTCMonth() + 1;
  return monthIv(m <= rm ? ry : ry - 1, m);
}

function weekStart(d: Date): Date { const wd = (d.getUTCDay() + 6) % 7; return addDays(d, -wd); }

interface Raw { start: number; end: number; kind: TimeExpression['kind']; iv: Iv }

const E = '(?![\\p{L}\\p{N}])';    // word end
const WORD_CHAR = /[\p{L}\p{N}]/u;

// ---------------------------------------------------------------------------------------------
// Where the scans can start. Every scan pattern must start a word (no letter or digit before the
// match, what (?<![\p{L}\p{N}]) would say), so a match starts at the beginning of a run of letters
// and digits. One pass over the text lists these run starts; a run is a candidate for a pattern
// when it starts with a digit and the pattern can start with one, or when its first (up to three)
// letters begin one of the words the pattern can start with (case-insensitively). Runs with other
// than ASCII letters among their first three characters are candidates for every pattern (Unicode
// case folding: "ſ" matches "s"). Each pattern then runs sticky at its candidates only, which gives
// the same matches as a global scan with the look-behind, at a fraction of the cost: V8 evaluated the
// look-behind at every position of the text and could not skip ahead to a likely first character.

interface ScanPattern { re: RegExp; index: number }
const PATTERNS: ScanPattern[] = [];
let DIGIT_MASK = 0;
let ALL_MASK = 0;

// ASCII classes: 1 letter, 2 digit, 0 neither; letters a–z/A–Z indexed 0–25, other characters 27,
// 26 for "the run ended". A run's first three characters index PREFIX_MASK: the patterns it can start.
const ASCII_CLASS = new Uint8Array(128);
const LETTER_INDEX = new Uint8Array(128).fill(27);
for (let c = 0x30; c <= 0x39; c++) ASCII_CLASS[c] = 2;
for (let k = 0; k < 26; k++) {
  ASCII_CLASS[0x41 + k] = ASCII_CLASS[0x61 + k] = 1;
  LETTER_INDEX[0x41 + k] = LETTER_INDEX[0x61 + k] = k;
}
const END = 26;
// Indexed by the first three characters and whether the run is longer than three.
const PREFIX_MASK = new Int32Array(28 * 28 * 28 * 2);
const prefixIndex = (a: number, b: number, c: number, long: boolean) => ((a * 28 + b) * 28 + c) * 2 + (long ? 1 : 0);

/** A scan pattern (a regex source without the word-start guard) and the words it can start with.
 *  In the pattern, each first word must be followed by something other than a letter or digit
 *  (a space, "/", ".", the end) when it is three letters or shorter ("in", "van", "jan"): a run of
 *  letters must then be that word exactly, so "vandaag" is no candidate for "van 2014". */
function pattern(source: string, flags: string, firstWords: readonly string[], digit: boolean): ScanPattern {
  const index = PATTERNS.length;
  if (index >= 31) throw new Error('too many time scan patterns');
  const bit = 1 << index;
  for (const w of firstWords) {
    let letters = 0;   // length of the leading run of letters ("t/m": 1)
    while (letters < w.length && ASCII_CLASS[w.charCodeAt(letters)] === 1) letters++;
    const li = (k: number) => (k < letters ? LETTER_INDEX[w.charCodeAt(k)] : END);
    PREFIX_MASK[prefixIndex(li(0), li(1), li(2), letters > 3)] |= bit;
  }
  if (digit) DIGIT_MASK |= bit;
  ALL_MASK |= bit;
  const p = { re: new RegExp(source, flags.replace('g', '') + 'y'), index };
  PATTERNS.push(p);
  return p;
}

// Letter-or-digit lookup for BMP characters beyond ASCII: 0 unknown, 1 yes, 2 no.
const WORD_BMP = new Uint8Array(0x10000);

/** Width (1 or 2 code units) of the letter or digit at i, 0 if there is none. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ASCII_CLASS[c] !== 0 ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const l = text.charCodeAt(i + 1);
    if (l >= 0xdc00 && l <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let k = WORD_BMP[c];
  if (k === 0) WORD_BMP[c] = k = WORD_CHAR.test(text[i]) ? 1 : 2;
  return k === 1 ? 1 : 0;
}

/** Candidate start offsets per pattern (indexed like PATTERNS), ascending. */
function candidateStarts(text: string): number[][] {
  const out: number[][] = PATTERNS.map(() => []);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    let w: number;
    if (c0 < 0x80) {
      if (ASCII_CLASS[c0] === 0) { i++; continue; }
      w = 1;
    } else if ((w = wordCharAt(text, i)) === 0) { i++; continue; }
    const start = i;
    // consume the run, indexing its first three characters
    let len = 0, idx = 0, ascii = true;
    for (;;) {
      if (len < 3) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) ascii = false;
        else idx = idx * 28 + LETTER_INDEX[c];
        len++;
      }
      i += w;
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (ASCII_CLASS[c] === 0) break;
        w = 1;
      } else if ((w = wordCharAt(text, i)) === 0) break;
    }
    let mask: number;
    if (c0 >= 0x30 && c0 <= 0x39) mask = DIGIT_MASK;
    else if (!ascii) mask = ALL_MASK;
    else {
      const long = i - start > 3;
      for (; len < 3; len++) idx = idx * 28 + END;
      mask = PREFIX_MASK[idx * 2 + (long ? 1 : 0)];
    }
    for (let b = 0; mask !== 0; b++, mask >>>= 1) if (mask & 1) out[b].push(start);
  }
  return out;
}

/** Run a pattern at its candidate starts, left to right, continuing after each match (as a global scan would). */
function scanPattern(text: string, p: ScanPattern, starts: number[][], fn: (m: RegExpExecArray) => void): void {
  let next = 0;
  for (const at of starts[p.index]) {
    if (at < next) continue;
    p.re.lastIndex = at;
    const m = p.re.exec(text);
    if (m) { fn(m); next = at + Math.max(1, m[0].length); }
  }
}

/** For tests: the scan patterns (sources without the word-start guard) and what they match in
 *  `text`, found the way extractTimeExpressions finds them. */
export function timeScanPatterns(): { source: string; flags: string }[] {
  return PATTERNS.map((p) => ({ source: p.re.source, flags: p.re.flags.replace('y', '') }));
}
export function timeScanMatches(text: string): { pattern: number; start: number; end: number }[] {
  const starts = candidateStarts(text);
  const out: { pattern: number; start: number; end: number }[] = [];
  for (const p of PATTERNS) scanPattern(text, p, starts, (m) => out.push({ pattern: p.index, start: m.index, end: m.index + m[0].length }));
  return out;
}

const SINCE = '(?:(?<sinds>sinds|vanaf)\\s+)?';
const SINCE_WORDS = ['sinds', 'vanaf'];
const MONTH_WORDS = Object.keys(MONTHS);
const WEEKDAY_WORDS = Object.keys(WEEKDAYS);
const PART_WORDS = ['begin', 'eind', 'einde', 'half', 'medio', 'midden', 'halverwege'];
const SMALL_RE = '(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)';
const SMALL_WORDS = ['een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf'];
const alternatives = (words: readonly string[]) => words.join('|');

// The scan patterns, in the order they are applied (see extractTimeExpressions for what each finds).
const ISO_DATE = pattern(`(\\d{4})-(\\d{2})(?:-(\\d{2}))?${E}`, 'u', [], true);
const NUMERIC_DATE = pattern(`(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})${E}`, 'u', [], true);
const DAY_MONTH = pattern(`${SINCE}(?:${WEEKDAY_RE}\\s+)?(\\d{1,2})\\s+(${MONTH_RE})(?:\\s+(\\d{4}))?${E}`, 'iu',
  [...SINCE_WORDS, ...WEEKDAY_WORDS], true);
const MONTH = pattern(`${SINCE}(?:(${PART_RE})\\s*)?(${MONTH_RE})(?:\\s+(\\d{4}))?${E}`, 'iu',
  [...SINCE_WORDS, ...PART_WORDS, ...MONTH_WORDS], false);
const RELATIVE_UNIT_WORDS = ['vorige', 'afgelopen', 'deze', 'dit', 'vorig', 'volgende', 'volgend', 'komende', 'komend'];
const RELATIVE_UNIT = pattern(`${SINCE}(?:(${PART_RE})\\s*)?(${alternatives(RELATIVE_UNIT_WORDS)})\\s+(week|maand|jaar)${E}`, 'iu',
  [...SINCE_WORDS, ...PART_WORDS, ...RELATIVE_UNIT_WORDS], false);
const RELATIVE_DAY_WORDS = ['vandaag', 'gisteren', 'eergisteren', 'morgen', 'overmorgen', 'gisteravond', 'gistermiddag', 'gisterochtend',
  'gistermorgen', 'vanochtend', 'vanmorgen', 'vanmiddag', 'vanavond', 'vannacht', 'afgelopen nacht', 'morgenochtend', 'morgenavond'];
const RELATIVE_DAY = pattern(`(${alternatives(RELATIVE_DAY_WORDS)})${E}`, 'iu', RELATIVE_DAY_WORDS, false);
const WEEKDAY_WHICH = ['afgelopen', 'vorige', 'komende', 'volgende', 'aanstaande'];
const WEEKDAY = pattern(`(?:(${alternatives(WEEKDAY_WHICH)})\\s+)?(${WEEKDAY_RE})(${DAYPART})?${E}`, 'iu',
  [...WEEKDAY_WHICH, ...WEEKDAY_WORDS], false);
const YEAR_WORDS = ['in', 'sinds', 'vanaf', 'tot', 'uit', 'van', 'na', 'voor', 'begin', 'eind', 'medio', 'halverwege', 'rond', 'omstreeks',
  'jaar', 'zomer', 'winter', 'voorjaar', 'najaar', 'herfst', 'lente', 'en', 't/m', 'tot en met'];
const YEAR = pattern(`(${YEAR_WORDS.join('|').replace('t/m', 't\\/m')})\\s+(1[5-9]\\d\\d|20\\d\\d)${E}`, 'iu', YEAR_WORDS, false);
const YEAR_RANGE = pattern(`(1[5-9]\\d\\d|20\\d\\d)\\s*[-–/]\\s*(1[5-9]\\d\\d|20\\d\\d|\\d\\d)${E}`, 'u', [], true);
const LAST_UNITS_WHICH = ['afgelopen', 'laatste', 'voorbije', 'komende', 'volgende'];
const LAST_UNITS = pattern(`(?:de\\s+)?(${alternatives(LAST_UNITS_WHICH)})\\s+(?:(\\d{1,3}|${SMALL_RE.slice(3, -1)}|anderhalf|anderhalve)\\s+)?(dagen|dag|weken|week|maanden|maand|jaren|jaar|eeuwen|decennia|decennium)${E}`, 'iu',
  ['de', ...LAST_UNITS_WHICH], false);
const CLOCK_COLON = pattern(`([01]?\\d|2[0-3]):([0-5]\\d)(?:\\s*uur)?${E}`, 'u', [], true);
const CLOCK_DOT = pattern(`([01]?\\d|2[0-3])\\.([0-5]\\d)\\s*uur${E}`, 'u', [], true);
const CLOCK_AT_WORDS = ['om', 'rond', 'omstreeks', 'tegen', 'vanaf', 'tot', 'na', 'voor', 'sinds', 'even na', 'kort na', 'kort voor', 'rond de klok van'];
const CLOCK_AT = pattern(`(?:(?:${alternatives(CLOCK_AT_WORDS)})\\s+(?:ongeveer\\s+|circa\\s+|half\\s+|kwart over\\s+|kwart voor\\s+)?)(\\d{1,2}|${SMALL_RE.slice(3, -1)})(?:[.:]([0-5]\\d))?\\s+uur${E}`, 'iu',
  CLOCK_AT_WORDS, false);
const CLOCK_DAYPART = pattern(`(\\d{1,2}|${SMALL_RE.slice(3, -1)})\\s+uur\\s+(?:['’]s\\s+(?:ochtends|morgens|middags|avonds|nachts)|vanochtend|vanmorgen|vanmiddag|vanavond|vannacht|lokale tijd|Nederlandse tijd|plaatselijke tijd)`, 'iu',
  SMALL_WORDS, true);
const YEAR_IN_BRACKETS = /\((1[5-9]\d\d|20\d\d)\)/gu;   // anywhere: "(2014)"

/** Find time expressions in `text`, resolved against `referenceDate` ("YYYY-MM-DD", "YYYY-MM" or null). */
export function extractTimeExpressions(text: string, referenceDate: string | null): TimeExpression[] {
  if (typeof text !== 'string' || !text) return [];
  const ref = parseReference(referenceDate);
  const refDay: Date | null = ref && ref.from.getTime() === ref.to.getTime() ? ref.from : null;
  const raws: Raw[] = [];
  const add = (start: number, end: number, kind: TimeExpression['kind'], iv: Iv) => raws.push({ start, end, kind, iv });
  const starts = candidateStarts(text);
  const scan = (p: ScanPattern, fn: (m: RegExpExecArray) => void) => scanPattern(text, p, starts, fn);
  const since = (m: RegExpExecArray, iv: Iv): Iv => (m.groups?.sinds ? { from: iv.from, to: ref ? ref.to : null } : iv);

  // ISO dates and months: 2024-10-15, 2024-10
  scan(ISO_DATE, (m) => {
    const y = +m[1], mo = +m[2];
    if (mo < 1 || mo > 12) return;
    if (m[3]) {
      const d = +m[3];
      if (d < 1 || d > lastDay(y, mo)) return;
      add(m.index, m.index + m[0].length, 'date', { from: utc(y, mo, d), to: utc(y, mo, d) });
    } else add(m.index, m.index + m[0].length, 'period', monthIv(y, mo));
  });
  // 15-10-2024, 15/10/2024, 17/5/2018
  scan(NUMERIC_DATE, (m) => {
    const d = +m[1], mo = +m[3];
    let y = +m[4];
    if (m[4].length === 2) y += y < 50 ? 2000 : 1900;
    if (mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo)) return;
    add(m.index, m.index + m[0].length, 'date', { from: utc(y, mo, d), to: utc(y, mo, d) });
  });
  // (zondag) 15 oktober (2024)
  scan(DAY_MONTH, (m) => {
    const d = +m[2], mo = MONTHS[m[3].toLowerCase().replace('.', '')];
    if (!mo || d < 1 || d > 31) return;
    let iv: Iv;
    if (m[4]) { const y = +m[4]; if (d > lastDay(y, mo)) return; iv = { from: utc(y, mo, d), to: utc(y, mo, d) }; }
    else if (ref) {
      const ry = ref.to.getUTCFullYear();
      let y = ry;
      if (utc(ry, mo, Math.min(d, lastDay(ry, mo))).getTime() > ref.to.getTime()) y = ry - 1;
      iv = { from: utc(y, mo, Math.min(d, lastDay(y, mo))), to: utc(y, mo, Math.min(d, lastDay(y, mo))) };
    } else iv = { from: null, to: null };
    add(m.index, m.index + m[0].length, m.groups?.sinds ? 'period' : 'date', since(m, iv));
  });
  // (begin) oktober (2024); "in oktober"
  scan(MONTH, (m) => {
    const key = m[3].toLowerCase().replace('.', '');
    const mo = MONTHS[key];
    if (!mo) return;
    // Abbreviations and "mei" only count with a year, a part word or as a capitalised/clear month.
    if (key.length <= 4 && key !== 'juni' && key !== 'juli' && !m[4] && !m[2]) {
      const before = text.slice(Math.max(0, m.index - 6), m.index).toLowerCase();
      if (!/\b(in|eind|begin|sinds|vanaf|medio|half|tot)\s+$/.test(before)) return;
    }
    let iv: Iv = m[4] ? monthIv(+m[4], mo) : recentMonth(mo, ref);
    iv = part(iv, m[2]?.toLowerCase(), 'month');
    add(m.index, m.index + m[0].length, 'period', since(m, iv));
  });
  // vorige week, deze maand, eind vorige maand, vorig jaar, dit jaar, volgende week
  scan(RELATIVE_UNIT, (m) => {
    const p = m[2]?.toLowerCase(), which = m[3].toLowerCase(), unit = m[4].toLowerCase() as 'week' | 'maand' | 'jaar';
    if ((which === 'dit' || which === 'vorig' || which === 'volgend' || which === 'komend') !== (unit === 'jaar')) {
      if (!(unit === 'jaar' && (which === 'afgelopen' || which === 'komende'))) return;
    }
    const off = which.startsWith('vorig') || which === 'afgelopen' ? -1 : which.startsWith('volgend') || which.startsWith('komend') ? 1 : 0;
    let iv: Iv = { from: null, to: null };
    if (ref) {
      if (unit === 'jaar') { const y = ref.to.getUTCFullYear() + off; iv = { from: utc(y, 1, 1), to: utc(y, 12, 31) }; }
      else if (unit === 'maand') { const d = addMonths(utc(ref.to.getUTCFullYear(), ref.to.getUTCMonth() + 1, 1), off); iv = monthIv(d.getUTCFullYear(), d.getUTCMonth() + 1); }
      else if (refDay) { const ws = addDays(weekStart(refDay), 7 * off); iv = { from: ws, to: addDays(ws, 6) }; }
    }
    iv = part(iv, p, unit === 'jaar' ? 'year' : unit === 'maand' ? 'month' : 'week');
    add(m.index, m.index + m[0].length, 'relative', since(m, iv));
  });
  // vandaag, gisteren, ...
  scan(RELATIVE_DAY, (m) => {
    const w = m[1].toLowerCase();
    // "morgen" after "'s" is a day part ("'s morgens"), excluded by the word boundary; "morgen" as noun is rare.
    let off = 0;
    if (w.startsWith('eergisteren')) off = -2;
    else if (w.startsWith('gister')) off = -1;
    else if (w === 'overmorgen') off = 2;
    else if (w.startsWith('morgen')) off = 1;
    const d = refDay ? addDays(refDay, off) : null;
    add(m.index, m.index + m[0].length, 'relative', d ? { from: d, to: d } : ref && off === 0 ? { from: ref.from, to: ref.to } : { from: null, to: null });
  });
  // (afgelopen|vorige|komende) zondag(avond)
  scan(WEEKDAY, (m) => {
    const which = m[1]?.toLowerCase();
    const wd = WEEKDAYS[m[2].toLowerCase()];
    let iv: Iv = { from: null, to: null };
    if (refDay) {
      const cur = refDay.getUTCDay();
      let d: Date;
      if (which === 'komende' || which === 'volgende' || which === 'aanstaande') d = addDays(refDay, ((wd - cur + 7) % 7) || 7);
      else { d = addDays(refDay, -((cur - wd + 7) % 7)); if (which && d.getTime() === refDay.getTime()) d = addDays(d, -7); }
      iv = { from: d, to: d };
    }
    add(m.index, m.index + m[0].length, 'relative', iv);
  });
  // Years: "in 2014", "sinds 2014", "(2014)", "van 2014 tot 2016", "het jaar 2014"
  scan(YEAR, (m) => {
    const y = +m[2];
    const w = m[1].toLowerCase();
    // "in de zomer 2000 vierkante kilometer", "in 2014 procent": a number before a unit is a quantity.
    if (unitFollows(text, m.index + m[0].length)) return;
    const off = m[0].length - m[2].length;
    let iv: Iv = { from: utc(y, 1, 1), to: utc(y, 12, 31) };
    if (w === 'begin' || w === 'eind' || w === 'medio' || w === 'halverwege') {
      iv = part(iv, w === 'halverwege' ? 'half' : w, 'year');
      add(m.index, m.index + m[0].length, 'period', iv);
      return;
    }
    if (w === 'sinds' || w === 'vanaf') iv = { from: iv.from, to: ref ? ref.to : null };
    add(w === 'sinds' || w === 'vanaf' ? m.index : m.index + off, m.index + m[0].length, w === 'sinds' || w === 'vanaf' ? 'period' : 'year', iv);
  });
  YEAR_IN_BRACKETS.lastIndex = 0;
  for (const m of text.matchAll(YEAR_IN_BRACKETS)) {
    const y = +m[1];
    add(m.index + 1, m.index + 5, 'year', { from: utc(y, 1, 1), to: utc(y, 12, 31) });
  }
  scan(YEAR_RANGE, (m) => {
    const y1 = +m[1];
    let y2 = +m[2];
    if (m[2].length === 2) y2 = Math.floor(y1 / 100) * 100 + y2;
    if (y2 <= y1 || y2 - y1 > 100) return;
    add(m.index, m.index + m[0].length, 'period', { from: utc(y1, 1, 1), to: utc(y2, 12, 31) });
  });
  // de afgelopen (twee) maanden / de laatste weken / de voorbije jaren
  scan(LAST_UNITS, (m) => {
    const which = m[1].toLowerCase();
    const unit = m[3].toLowerCase();
    const plural = /(en|ia)$/.test(unit) || (unit === 'jaar' && !!m[2]);
    if (!m[2] && !plural) return; // "afgelopen week" is handled above
    const n = m[2] ? (SMALL[m[2].toLowerCase()] ?? +m[2]) : 3; // plural without a count: three units
    let iv: Iv = { from: null, to: null };
    if (ref) {
      const days = /^dag/.test(unit) ? n : /^week/.test(unit) ? 7 * n : /^maand/.test(unit) ? 30.44 * n : /^decenni/.test(unit) ? 3652.5 * n : /^eeuw/.test(unit) ? 36525 * n : 365.25 * n;
      if (which === 'komende' || which === 'volgende') iv = { from: ref.to, to: addDays(ref.to, Math.round(days)) };
      else iv = { from: addDays(ref.to, -Math.round(days)), to: ref.to };
    }
    add(m.index, m.index + m[0].length, 'period', iv);
  });
  // Clock times: 16:55, 9.30 uur, om 9 uur, rond 9 uur, 9 uur 's avonds
  scan(CLOCK_COLON, (m) => {
    add(m.index, m.index + m[0].length, 'clock', refDay ? { from: refDay, to: refDay } : { from: null, to: null });
  });
  scan(CLOCK_DOT, (m) => {
    add(m.index, m.index + m[0].length, 'clock', refDay ? { from: refDay, to: refDay } : { from: null, to: null });
  });
  scan(CLOCK_AT, (m) => {
    const h = SMALL[m[1].toLowerCase()] ?? +m[1];
    if (h > 24) return;
    add(m.index, m.index + m[0].length, 'clock', refDay ? { from: refDay, to: refDay } : { from: null, to: null });
  });
  scan(CLOCK_DAYPART, (m) => {
    const h = SMALL[m[1].toLowerCase()] ?? +m[1];
    if (h > 24) return;
    add(m.index, m.index + m[0].length, 'clock', refDay ? { from: refDay, to: refDay } : { from: null, to: null });
  });

  // Longest first; drop overlaps.
  raws.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const out: TimeExpression[] = [];
  let lastEnd = -1;
  for (const r of raws) {
    if (r.start < lastEnd) {
      // keep the longer of two overlapping expressions
      const prev = out[out.length - 1];
      if (prev && r.end - r.start > prev.end - prev.start && r.start >= prev.start) {
        out.pop();
      } else continue;
    }
    out.push({
      text: text.slice(r.start, r.end), start: r.start, end: r.end, kind: r.kind,
      from: r.iv.from ? iso(r.iv.from) : null, to: r.iv.to ? iso(r.iv.to) : null,
    });
    lastEnd = r.end;
  }
  return withYearWords(text, out);
}

/**
 * "augustus vorig jaar", "8 juli vorig jaar", "in september dit jaar": a day or month without a
 * year, followed by a relative year, is that day or month in that year (one expression).
 */
function withYearWords(text: string, list: TimeExpression[]): TimeExpression[] {
  for (let i = 0; i + 1 < list.length; i++) {
    const a = list[i], b = list[i + 1];
    if ((a.kind !== 'date' && a.kind !== 'period') || b.kind !== 'relative' || !a.from || !a.to || !b.from) continue;
    if (!/^\s*$/.test(text.slice(a.end, b.start)) || !/^(?:vorig|dit|volgend|afgelopen|komend)\s+jaar$/i.test(b.text)) continue;
    if (/\d{4}/.test(a.text) || /^sinds|^vanaf/i.test(a.text)) continue;
    const y = b.from.slice(0, 4);
    const inYear = (d: string) => {
      const md = d.slice(5);
      return md === '02-29' && !(+y % 4 === 0 && (+y % 100 !== 0 || +y % 400 === 0)) ? `${y}-02-28` : `${y}-${md}`;
    };
    // A range that crossed a year end keeps its length ("eind december" stays in one year).
    list.splice(i, 2, { ...a, text: text.slice(a.start, b.end), end: b.end, from: inYear(a.from), to: inYear(a.to) });
  }
  return list;
}

/** Whether a unit word ("vierkante kilometer", "procent", "km") follows an offset after a space. */
function unitFollows(text: string, at: number): boolean {
  const rest = /^\s+([\p{L}%²]+)(?:\s+([\p{L}²]+))?/u.exec(text.slice(at, at + 40));
  if (!rest) return false;
  const one = rest[1].toLowerCase();
  const two = rest[2] ? `${one} ${rest[2].toLowerCase()}` : '';
  return (two !== '' && two in UNIT_WORDS) || (one in UNIT_WORDS && one.length > 2);
}
