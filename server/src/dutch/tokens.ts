// Tokens, sentences and paragraphs of Dutch news text, with UTF-16 offsets.

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
}

export interface Span { start: number; end: number }

// A word: letters (with diacritics), joined by internal hyphens or apostrophes
// ("Noord-Koreanen", "Donbas-regio's", "zo'n", "z'n", "'s-Gravenhage").
const WORD = String.raw`(?:['’](?=[sStT]\b|n\b|s-))?[\p{L}\p{M}][\p{L}\p{M}]*(?:[-'’][\p{L}\p{M}]+)*`;
// A number: digits with Dutch grouping dots, decimal comma, or the reverse ("1.234,5", "2,5", "40.000").
const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
const TOKEN_RE = new RegExp(`(${NUMBER})|(${WORD})|([^\\s\\p{L}\\p{M}\\d])`, 'gu');

// Several analyses of one text (figures, places, claims) need its tokens, sentences and
// paragraphs. The last text's are kept (one entry: an article or a draft at a time), so each is
// computed once per text. The lists are shared between callers: readonly in the types, never
// changed.
let memoText: string | null = null;
let memoTokens: readonly Token[] | null = null;
let memoSentences: readonly Span[] | null = null;
let memoParagraphs: readonly Span[] | null = null;
function memoFor(text: string): void {
  if (memoText === text) return;
  memoText = text;
  memoTokens = memoSentences = memoParagraphs = null;
}

/** The tokens of `text`. The list is shared: do not change it. */
export function tokenize(text: string): readonly Token[] {
  memoFor(text);
  return (memoTokens ??= scanAll(text));
}

// Character classes for scanAll, per UTF-16 code unit (filled on first use): letter or mark,
// whitespace, ASCII digit, anything else.
const LETTER = 1, SPACE = 2, DIGIT = 3, OTHER = 4;
const CLASS = new Uint8Array(0x10000);
function classify(cp: number): number {
  if (cp >= 48 && cp <= 57) return DIGIT;
  const ch = String.fromCodePoint(cp);
  if (/[\p{L}\p{M}]/u.test(ch)) return LETTER;
  if (/\s/u.test(ch)) return SPACE;
  return OTHER;
}
function classOf(cp: number): number {
  if (cp > 0xffff) return classify(cp);
  let c = CLASS[cp];
  if (c === 0) CLASS[cp] = c = classify(cp);
  return c;
}
const isDigitAt = (text: string, i: number) => { const c = text.charCodeAt(i); return c >= 48 && c <= 57; };
/** \w of a regular expression without the i flag: ASCII letters, digits and _. */
const isRegexWordAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
};

/**
 * The whole text's tokens by hand: exactly what TOKEN_RE finds (checked against it in
 * test/unit/tokens.test.ts), a fifth faster (43 against 53 ms CPU for the 581,000 tokens of
 * dpgmedia2019), which counts on an archive of tens of thousands of articles. It reads code units,
 * and a code point only at a high surrogate (codeAt).
 */
function scanAll(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let p = 0;
  while (p < n) {
    const cp = codeAt(text, p);
    const c = classOf(cp);
    if (c === SPACE) { p += cp > 0xffff ? 2 : 1; continue; }
    let end: number;
    let kind: TokenKind;
    if (c === DIGIT) {
      // \d+(?:[.,]\d+)*
      end = p + 1;
      while (end < n && isDigitAt(text, end)) end++;
      while (end + 1 < n && (text.charCodeAt(end) === 46 || text.charCodeAt(end) === 44) && isDigitAt(text, end + 1)) {
        end += 2;
        while (end < n && isDigitAt(text, end)) end++;
      }
      kind = 'number';
    } else if (c === LETTER || ((cp === 39 || cp === 0x2019) && apostropheStart(text, p + 1))) {
      // (?:['’](?=[sStT]\b|n\b|s-))?[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*
      end = lettersFrom(text, c === LETTER ? p : p + 1);
      while (end + 1 < n) {
        const j = text.charCodeAt(end);
        if (j !== 45 && j !== 39 && j !== 0x2019) break;
        if (!letterAt(text, end + 1)) break;
        end = lettersFrom(text, end + 1);
      }
      kind = 'word';
    } else {
      end = p + (cp > 0xffff ? 2 : 1);
      kind = 'punct';
    }
    out.push({ text: text.slice(p, end), start: p, end, kind });
    p = end;
  }
  return out;
}

/** The code point at i (< text.length): the code unit itself except at a high surrogate (most text is BMP). */
function codeAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
}

/** Whether the code point at i (< text.length) is a letter or mark. */
function letterAt(text: string, i: number): boolean { return classOf(codeAt(text, i)) === LETTER; }

/** The end of the run of letters and marks from `i`. */
function lettersFrom(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const cp = codeAt(text, i);
    if (classOf(cp) !== LETTER) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** After an apostrophe at i-1: (?=[sStT]\b|n\b|s-). */
function apostropheStart(text: string, i: number): boolean {
  if (i >= text.length) return false; // (not charCodeAt past the end: it deoptimises the scanner)
  const c = text.charCodeAt(i);
  if (c === 115 && i + 1 < text.length && text.charCodeAt(i + 1) === 45) return true;
  if (c !== 115 && c !== 83 && c !== 116 && c !== 84 && c !== 110) return false;
  return i + 1 >= text.length || !isRegexWordAt(text, i + 1);
}

/** The tokens as the regular expression the scanner implements finds them (for the tests). */
export function tokenizeByRegex(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const kind: TokenKind = m[1] !== undefined ? 'number' : m[2] !== undefined ? 'word' : 'punct';
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, kind });
  }
  return out;
}

/** A word of nameWords: its offsets, whether it starts with a capital (\p{Lu}), and its text: made
 *  for capitalised words, null for the others until wordOf() makes it (most are never asked for). */
export interface NameWord { w: string | null; s: number; e: number; cap: boolean }

/** The text of a word of nameWords (made and kept on first use). */
export function wordOf(text: string, x: NameWord): string { return x.w ??= text.slice(x.s, x.e); }

// Whether a code unit is an uppercase letter (\p{Lu}): 0 not known yet, 1 yes, 2 no.
const UPPER = new Uint8Array(0x10000);
/** Whether the code point at i is an uppercase letter, as /^\p{Lu}/u on text.slice(i). */
function upperAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i)!;
  if (cp < 128) return cp >= 65 && cp <= 90;
  if (cp > 0xffff) return /\p{Lu}/u.test(String.fromCodePoint(cp));
  let k = UPPER[cp];
  if (k === 0) UPPER[cp] = k = /\p{Lu}/u.test(String.fromCharCode(cp)) ? 1 : 2;
  return k === 1;
}

/** The pattern nameWords implements: letters, marks, digits and apostrophes, & and + in the first part, hyphen-joined parts. */
export const NAME_WORD_RE = /[\p{L}\p{M}\p{N}'’&+]+(?:-[\p{L}\p{M}\p{N}'’]+)*/gu;

// Per UTF-16 code unit (filled on first use): 1 = none of the pattern's characters, 2 = a letter,
// mark, digit or apostrophe (any part of a word), 3 = & or + (a word's first part only).
const NW_NONE = 1, NW_PART = 2, NW_FIRST = 3;
const NW_CLASS = new Uint8Array(0x10000);
function nameWordClassify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (/[\p{L}\p{M}\p{N}'’]/u.test(ch)) return NW_PART;
  return cp === 38 || cp === 43 ? NW_FIRST : NW_NONE;
}
function nameWordClass(cp: number): number {
  if (cp > 0xffff) return nameWordClassify(cp);
  let c = NW_CLASS[cp];
  if (c === 0) NW_CLASS[cp] = c = nameWordClassify(cp);
  return c;
}
/** The end of the run of word characters from i (& and + too when `first`). */
function nameWordRun(text: string, i: number, first: boolean): number {
  const n = text.length;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const c = nameWordClass(cp);
    if (c === NW_NONE || (c === NW_FIRST && !first)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/**
 * The words of a text as NAME_WORD_RE finds them, with whether each is capitalised, by hand: the
 * same words (checked against the pattern in test/unit/tokens.test.ts) without a match object per
 * word, which made this pattern a tenth of the learning heuristics' time. Only the capitalised
 * words' texts are made (see NameWord).
 */
export function nameWords(text: string): NameWord[] {
  const out: NameWord[] = [];
  const n = text.length;
  let p = 0;
  while (p < n) {
    const cp = text.codePointAt(p)!;
    if (nameWordClass(cp) === NW_NONE) { p += cp > 0xffff ? 2 : 1; continue; }
    const s = p;
    p = nameWordRun(text, p, true);
    while (p + 1 < n && text.charCodeAt(p) === 45 && nameWordClass(text.codePointAt(p + 1)!) === NW_PART) p = nameWordRun(text, p + 1, false);
    const cap = upperAt(text, s);
    out.push({ w: cap ? text.slice(s, p) : null, s, e: p, cap });
  }
  return out;
}

/** The words as NAME_WORD_RE finds them, each with its text (for the tests). */
export function nameWordsByRegex(text: string): NameWord[] {
  const out: NameWord[] = [];
  const re = new RegExp(NAME_WORD_RE.source, NAME_WORD_RE.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ w: m[0], s: m.index, e: m.index + m[0].length, cap: /^\p{Lu}/u.test(m[0]) });
  return out;
}

/** Paragraphs: runs of text separated by line breaks (news exports put one paragraph per line). Shared: do not change. */
export function paragraphs(text: string): readonly Span[] {
  memoFor(text);
  return (memoParagraphs ??= scanParagraphs(text));
}

function scanParagraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\r\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const s = m.index + (m[0].length - m[0].trimStart().length);
    const e = m.index + m[0].trimEnd().length;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'bijv', 'bv', 'o.a', 'oa', 'ca', 'mr', 'dr', 'drs', 'ir', 'ing', 'prof', 'st', 'blz', 'nr', 'vs', 'jl', 'jr', 'sr',
  'mln', 'mld', 'mrd', 'min', 'max', 'enz', 'etc', 'incl', 'excl', 'm.a.w', 'd.w.z', 'i.p.v', 'z.g', 'zgn', 'resp',
  'feb', 'jan', 'aug', 'sept', 'sep', 'okt', 'nov', 'dec', 'apr', 'mrt', 'gen', 'kol', 'lt', 'sgt', 'ds', 'mevr', 'dhr',
]);

/** Sentences within the text: split at paragraph breaks, at . ! ? followed by a space and a capital,
 *  a digit or an opening quote (not after common abbreviations or initials: "A. Jermak"), and after a
 *  run-in heading (RUN_IN). Shared: do not change. */
export function sentences(text: string): readonly Span[] {
  memoFor(text);
  return (memoSentences ??= scanSentences(text));
}

/**
 * A heading run into its paragraph without punctuation, as archives that flatten an article give it
 * ("Drie verdachten voor dood Nederlander In de Dominicaanse Republiek zijn …"): Dutch writes a
 * preposition, a pronoun or a conjunction with a capital only at the start of a sentence, so one
 * after a lower-case word starts a new one. (Not an article — "volgens De Telegraaf" names a paper —
 * and not after a capitalised word: "Jan Van Damme".)
 */
const RUN_IN = String.raw`[ \t]+(?=(?:In|Bij|Op|Volgens|Sinds|Tijdens|Na|Nadat|Zo['’]n|Er|Ook|Maar|Toen|Hij|Zij|Ze|We|Wij|Ik|Dat|Dit|Deze|Die|Daar|Hier|Nu|Inmiddels|Intussen)\s+\p{Ll})`;
const LOWER_OR_DIGIT = /[\p{Ll}\d]/u;
/** The end of a sentence: its punctuation (and a closing quote) before a capital or a digit; or a run-in heading's end. */
const SENTENCE_END = new RegExp(String.raw`[.!?]+["”’']?(?=\s+["“‘'(]?[\p{Lu}\d])|` + RUN_IN, 'gu');

function scanSentences(text: string): Span[] {
  const out: Span[] = [];
  for (const p of paragraphs(text)) {
    let s = p.start;
    const re = SENTENCE_END;
    re.lastIndex = p.start;
    const para = text.slice(0, p.end);
    let m: RegExpExecArray | null;
    while ((m = re.exec(para)) !== null) {
      const dot = m.index;
      if (m[0][0] === ' ' || m[0][0] === '\t') {
        // A run-in heading ends before the space, after a lower-case letter or a digit.
        if (dot <= s || !LOWER_OR_DIGIT.test(text[dot - 1])) continue;
        out.push({ start: s, end: dot });
        s = dot + m[0].length;
        continue;
      }
      // The word before the punctuation.
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(p.start, dot - 12), dot));
      const w = before ? before[1].toLowerCase() : '';
      if (m[0][0] === '.' && (ABBREVIATIONS.has(w) || /^\p{L}$/u.test(w))) continue;
      const e = dot + m[0].length;
      out.push({ start: s, end: e });
      s = e;
      while (s < p.end && /\s/.test(text[s])) s++;
    }
    if (s < p.end) out.push({ start: s, end: p.end });
  }
  return out;
}

/** The span from `spans` containing `offset`, or undefined. Spans must be sorted. */
export function spanAt(spans: readonly Span[], offset: number): Span | undefined {
  let lo = 0, hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const sp = spans[mid];
    if (offset < sp.start) hi = mid - 1;
    else if (offset > sp.end) lo = mid + 1;
    else return sp;
  }
  return undefined;
}

const ASCII = /^[\x00-\x7f]*$/;

/** Lower-case and strip diacritics: "Oekraïne" → "oekraine". */
export function fold(s: string): string {
  // ASCII has no diacritics: lower-casing is all (most words of Dutch news).
  if (ASCII.test(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}
