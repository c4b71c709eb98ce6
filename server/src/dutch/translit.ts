// Transliteration-aware place-name keys.
//
// Dutch news writes East-Slavic place names in Dutch transcription (Koersk, Charkiv, Zaporizja,
// Loehansk; older Russian-based forms Charkov, Loegansk, Kiev), English copy and agencies write
// them in English transliteration (Kursk, Kharkiv, Zaporizhzhia, Luhansk, Kyiv). `placeKey`
// reduces every spelling to a skeleton in which these systems coincide. It is a normalisation,
// not a list of pairs: the rules are about letters (see docs/places.md).
//
// The key is lossy by design (it merges ч/х, g/h and i/o/e); the lexicon always tries an exact
// name first and uses the key only as a fallback, so the loss costs nothing on names it knows.

import { BoundedMemo } from '../core/memo';

const SPECIAL: Record<string, string> = {
  'ž': 'zh', 'Ž': 'zh', 'š': 'sh', 'Š': 'sh', 'č': 'ch', 'Č': 'ch', 'ć': 'ch', 'ś': 's', 'ł': 'l', 'Ł': 'l',
  'ø': 'o', 'Ø': 'o', 'æ': 'ae', 'Æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'đ': 'd', 'ı': 'i', 'ÿ': 'ij',
};

// Classes used in the key (upper-case letters never occur in the folded input):
//   U = oe / u / ou (у)          I = i / y / e / o / ie / ij (Ukrainian i ~ Russian o/e)
//   A = a                         H = g / h (Ukrainian г = h, Russian г = g)
//   C = ch / kh / tsj / tch (х and ч)   S = sj / sh / sch-before-consonant? no: sj, sh (ш)
//   Z = zj / zh (ж)               Q = sjtsj / shch (щ)
const VOWEL_CLASS = /[AIU]/;

/** Lower-case, strip diacritics and soft/hard signs, keep letters and single spaces. */
function foldName(name: string): string {
  // Fast path: plain ASCII letters (most words in Dutch text) need only lower-casing.
  let plain = name.length > 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) { plain = false; break; }
  }
  if (plain) return name.toLowerCase();
  let s = '';
  for (const ch of name) s += SPECIAL[ch] ?? ch;
  s = s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  s = s.replace(/['’ʹʼ`ьъ]/g, '');
  s = s.replace(/[^a-z]+/g, ' ').trim();
  return s;
}

function keyWord(w: string, dropFinal: boolean): string {
  let s = w;
  // Multigraphs, longest first.
  s = s.replace(/shch|sjtsj|shtsh|sztsj/g, 'Q');
  s = s.replace(/tsj|tch|tsh|cz/g, 'C');
  s = s.replace(/kh|ch/g, 'C');
  s = s.replace(/sj|sh|sz/g, 'S');
  s = s.replace(/zj|zh/g, 'Z');
  s = s.replace(/ph/g, 'f').replace(/th/g, 't').replace(/ck/g, 'k').replace(/q/g, 'k').replace(/x/g, 'ks');
  s = s.replace(/c(?=[eiy])/g, 's').replace(/c/g, 'k');
  s = s.replace(/w/g, 'v');
  // Vowels: Dutch oe/ou and u are one sound class.
  s = s.replace(/oe|ou|u/g, 'U');
  // Dutch ij is a vowel; otherwise j is a glide (Dutch j = English y before a vowel).
  s = s.replace(/ij/g, 'I');
  // y before a vowel (English glide: Yalta, Shlyakh) → glide.
  s = s.replace(/y(?=[aeiouAIU])/g, 'j');
  // i between a consonant and a vowel is a glide in English transliteration (Sloviansk, -ia).
  s = s.replace(/([bdfghklmnprstvzCSZQ])i(?=[aeouAU])/g, '$1j');
  s = s.replace(/j/g, '');
  s = s.replace(/[ieoy]/g, 'I');
  s = s.replace(/a/g, 'A');
  s = s.replace(/[gh]/g, 'H');
  // Doubled letters (Odessa/Odesa, Donbass/Donbas, zhzh) and repeated vowel classes (Kyiv = k-I-I-v).
  s = s.replace(/(.)\1+/g, '$1');
  if (dropFinal) {
    // Endings vary with the source language (-a/-ia/-je/-y/-yi/-ij); keep at least two characters.
    let e = s.length;
    while (e > 2 && VOWEL_CLASS.test(s[e - 1])) e--;
    s = s.slice(0, e);
  }
  return s;
}

/**
 * Transliteration-aware key: Loehansk/Luhansk/Loegansk, Charkiv/Kharkiv/Charkov, Kyiv/Kiev,
 * Zaporizja/Zaporizhzhia/Zaporozje, Soemy/Sumy, Koersk/Kursk, Zelenyj/Zeleny, Sjljach/Shlyakh
 * all map to one key per name. Words are keyed separately and joined by a space.
 */
export function placeKey(name: string): string {
  const k = keyCache.get(name);
  if (k !== undefined) return k;
  const f = nameFold(name);
  return keyCache.set(name, f ? f.split(' ').map((w) => keyWord(w, true)).join(' ') : '');
}

// Memo caches: recognition folds and keys the same words over and over (bounded; cleared when full).
const CACHE_MAX = 200_000;
const foldCache = new BoundedMemo<string, string>(CACHE_MAX);
const keyCache = new BoundedMemo<string, string>(CACHE_MAX);

/** Key of a typed prefix: like placeKey, but the last word keeps its final vowels (it may go on). */
export function placeKeyPrefix(prefix: string): string {
  const f = foldName(prefix);
  if (!f) return '';
  const words = f.split(' ');
  return words.map((w, i) => keyWord(w, i < words.length - 1)).join(' ');
}

/** A fold with each word (and hyphen part) capitalised: the display form of most weak gazetteer names. */
export function titleFold(f: string): string {
  return f.replace(/(^|[ -])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

/** nameFold without the memo cache (bulk loading: each name is folded once). */
export function nameFoldOnce(name: string): string {
  return foldName(name);
}

/** Plain fold used for exact lookups: lower-case, no diacritics, apostrophes and hyphens kept as spaces. */
export function nameFold(name: string): string {
  return foldCache.get(name) ?? foldCache.set(name, foldName(name));
}

/**
 * The last row of the Levenshtein table of `a` against `b` (row[j]: distance between `a` and the
 * first j characters of `b`), or null as soon as a row's minimum exceeds `cap`.
 */
function lastRow(a: string, b: string, cap: number): number[] | null {
  const m = a.length, n = b.length;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return null;
    [prev, cur] = [cur, prev];
  }
  return prev;
}

/** Smallest edit distance between `p` and any prefix of `s` (for typo-tolerant completion). */
export function prefixDistance(p: string, s: string, cap: number): number {
  const row = lastRow(p, s, cap);
  return row ? Math.min(...row) : cap + 1;
}
