// Dutch numbers: digits in Dutch notation and number words, whole, compounded and fractional.
// Pure functions; no knowledge of figures, units or context (see figures.ts for that).
//
// Digit notation (decisions, see docs/figures.md):
//  - "." followed by groups of exactly three digits is a thousands separator: "1.000" = 1000,
//    "11.000" = 11000, "1.234.567" = 1234567.
//  - "," is the decimal separator: "2,5" = 2.5, "4,800" = 4.8, "1.234,567" = 1234.567.
//  - A single "." followed by other than three digits ("1.5", "46.8") is read as an English-style
//    decimal point (1.5): Dutch never groups by fewer than three, so this is the only sensible reading.
//  - Several "." groups that are not all three digits ("1.2.3.4.5", "192.168.1.2") are not a number.
//  - A space, no-break space, thin space or narrow no-break space groups thousands ("40 000") when
//    every group after the first has exactly three digits.

const WORD_UNITS: Record<string, number> = {
  nul: 0, een: 1, 'één': 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9,
  tien: 10, elf: 11, twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17,
  achttien: 18, negentien: 19,
};
const WORD_TENS: Record<string, number> = {
  twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90,
};
const MAGNITUDES: Record<string, number> = {
  honderd: 100, duizend: 1000, miljoen: 1e6, miljoenen: 1e6, miljard: 1e9, biljoen: 1e12, biljard: 1e15,
};
// Fraction denominators (ordinal forms). "derde" etc. are fractions only after a numerator.
const DENOMINATORS: Record<string, number> = {
  half: 2, halve: 2, derde: 3, kwart: 4, vierde: 4, vijfde: 5, zesde: 6, zevende: 7, achtste: 8, negende: 9,
  tiende: 10, twaalfde: 12, twintigste: 20, honderdste: 100, duizendste: 1000,
  derden: 3, vierden: 4, vijfden: 5, zesden: 6, zevenden: 7, achtsten: 8, negenden: 9, tienden: 10,
  honderdsten: 100,
};

type Tok =
  | { t: 'num'; v: number; small: boolean }   // a value below 100 (words) or a digit number
  | { t: 'mag'; v: number }                    // honderd, duizend, miljoen, ...
  | { t: 'en' }
  | { t: 'half' }                              // half, halve (after "en" or "een")
  | { t: 'anderhalf' }
  | { t: 'den'; v: number }                    // a fraction denominator
  | { t: 'sep' }                               // a space between written words
  | { t: 'dozijn'; v: number };

// Lexicon for greedy longest-match lexing of a compound number word (folded: no diacritics).
const LEXICON: [string, Tok][] = [];
for (const [w, v] of Object.entries(WORD_UNITS)) if (w !== 'één') LEXICON.push([w, { t: 'num', v, small: true }]);
for (const [w, v] of Object.entries(WORD_TENS)) LEXICON.push([w, { t: 'num', v, small: true }]);
for (const [w, v] of Object.entries(MAGNITUDES)) LEXICON.push([w, { t: 'mag', v }]);
for (const [w, v] of Object.entries(DENOMINATORS)) {
  if (w === 'half' || w === 'halve') continue;
  LEXICON.push([w, { t: 'den', v }]);
}
LEXICON.push(['half', { t: 'half' }], ['halve', { t: 'half' }], ['anderhalf', { t: 'anderhalf' }],
  ['anderhalve', { t: 'anderhalf' }], ['en', { t: 'en' }], ['dozijn', { t: 'dozijn', v: 12 }],
  ['dozijnen', { t: 'dozijn', v: 12 }], ['gros', { t: 'dozijn', v: 144 }]);
LEXICON.sort((a, b) => b[0].length - a[0].length);
// The lexicon entries by first letter (longest first within each), so lexing tries only the few
// entries that can match: every word of running text is lexed to see whether it is a number word.
const LEXICON_BY_FIRST = new Map<number, [string, Tok][]>();
for (const entry of LEXICON) {
  const c = entry[0].charCodeAt(0);
  let bucket = LEXICON_BY_FIRST.get(c);
  if (!bucket) LEXICON_BY_FIRST.set(c, bucket = []);
  bucket.push(entry);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Lower-case and strip diacritics (ë → e, é → e). */
function foldWord(s: string): string {
  if (isAscii(s)) return s.toLowerCase(); // nothing to decompose
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Lex one written word (no spaces) into number tokens; null if any part is not a number word. */
function lexWord(word: string): Tok[] | null {
  let w = foldWord(word);
  if (w.includes('-')) w = w.replace(/-/g, '');
  // cheap rejection: most words of running text do not start with a number-word letter
  if (!LEXICON_BY_FIRST.has(w.charCodeAt(0))) return null;
  const out: Tok[] = [];
  let i = 0;
  while (i < w.length) {
    let hit: [string, Tok] | undefined;
    const bucket = LEXICON_BY_FIRST.get(w.charCodeAt(i));
    if (bucket) {
      for (const entry of bucket) {
        if (w.startsWith(entry[0], i)) { hit = entry; break; }
      }
    }
    if (!hit) return null;
    out.push(hit[1]);
    i += hit[0].length;
  }
  if (!out.length || out[0].t === 'en' || out[out.length - 1].t === 'en') return null;
  return out;
}

/** True when the word (one written word, no spaces) is entirely made of number-word parts and
 *  contains at least one numeral (so "en", "half" alone are not). */
export function isNumberWord(word: string): boolean {
  if (cannotBeNumberWord(word)) return false;
  const toks = lexWord(word);
  if (!toks) return false;
  return toks.some((t) => t.t === 'num' || t.t === 'mag' || t.t === 'anderhalf');
}

// A number word starts and ends with a lexicon entry other than "en" (lexWord rejects a leading or
// trailing "en"), all at least three letters long, so its first three and last three letters are
// those of some entry. Asked for nearly every word of running text, this rejects most words (and
// every word shorter than three letters) without folding or lexing them.
const ENDS = LEXICON.filter(([w]) => w !== 'en').map(([w]) => w);
const FIRST_THREE = new Set<number>(ENDS.map((w) => code3(w, 0)));
const FIRST_TWO = new Set<number>(ENDS.map((w) => (w.charCodeAt(0) << 8) | w.charCodeAt(1)));
const LAST_THREE = new Set<number>(ENDS.map((w) => code3(w, w.length - 3)));
function code3(w: string, at: number): number {
  return (asciiLower(w.charCodeAt(at)) << 16) | (asciiLower(w.charCodeAt(at + 1)) << 8) | asciiLower(w.charCodeAt(at + 2));
}
/** Whether a number word can start with these two characters (lower-case ASCII char codes). */
export function mayStartNumberWord(a: number, b: number): boolean { return FIRST_TWO.has((a << 8) | b); }
/** A character code lower-cased when it is an ASCII capital. */
export function asciiLower(c: number): number { return c >= 0x41 && c <= 0x5a ? c | 0x20 : c; }
function cannotBeNumberWord(word: string): boolean {
  const n = word.length;
  if (n < 3) return true;   // folding never lengthens a word to three letters
  const a = word.charCodeAt(0), b = word.charCodeAt(1), c = word.charCodeAt(2);
  const x = word.charCodeAt(n - 3), y = word.charCodeAt(n - 2), z = word.charCodeAt(n - 1);
  // only plain ASCII ends can be judged without folding (diacritics, hyphens, combining marks)
  if ((a | b | c | x | y | z) >= 0x80 || a === 0x2d || b === 0x2d || c === 0x2d || x === 0x2d || y === 0x2d || z === 0x2d) return false;
  return !FIRST_THREE.has(code3(word, 0)) || !LAST_THREE.has(code3(word, n - 3));
}

/** Parse a digit string in Dutch notation; null if it is not a well-formed number. */
export function parseDigits(raw: string): number | null {
  let s = raw.trim();
  let sign = 1;
  if (/^[-−–]\s*/.test(s)) { sign = -1; s = s.replace(/^[-−–]\s*/, ''); }
  else if (s.startsWith('+')) s = s.slice(1);
  let v: number;
  if (/^\d+$/.test(s)) v = Number(s);
  else if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) v = Number(s.replace(/\./g, '').replace(',', '.'));
  else if (/^\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:,\d+)?$/.test(s)) v = Number(s.replace(/[ \u00a0\u2009\u202f]/g, '').replace(',', '.'));
  else if (/^\d*,\d+$/.test(s)) v = Number(s.replace(',', '.'));
  else if (/^\d+\.\d+$/.test(s)) v = Number(s); // "1.5": not three digits after the dot: decimal point
  else if (/^\d{1,3}(?:,\d{3})+\.\d+$/.test(s)) v = Number(s.replace(/,/g, '')); // "1,234.5" English
  else return null;
  if (!Number.isFinite(v)) return null;
  return sign * v;
}

/** Evaluate a token sequence as an integer-ish number with magnitudes. Returns null if malformed. */
function evalTokens(toks: Tok[]): number | null {
  let total = 0;      // millions and above
  let th = 0;         // thousands
  let cur = 0;        // below a thousand (or a multiplier for honderd)
  let seen = false;
  let lastMag = 1;
  let afterEn = false;
  let hadArticleOne = false; // a leading "een" that is the article in "een half miljoen"
  let segBase = 0;            // value of `cur` at the last "en" (for "driehonderd en twee dozijn")
  let prevNum: number | null = null; // the number word before an "en"
  for (let i = 0; i < toks.length; i++) {
    const k = toks[i];
    if (k.t === 'sep') continue;
    if (k.t === 'en') { afterEn = true; segBase = cur; continue; }
    let article = false;
    switch (k.t) {
      case 'num':
        // "drie en dertig" / "honderd en zes": after "en" only unit+tens or after a magnitude
        if (afterEn && prevNum !== null && k.small && !(prevNum < 10 && k.v >= 20 && k.v % 10 === 0)) {
          let j = i + 1;
          while (j < toks.length && toks[j].t === 'sep') j++;
          if (!(k.v === 1 && j < toks.length && (toks[j].t === 'half' || toks[j].t === 'den'))) return null;
        }
        cur += k.v; seen = true;
        article = k.v === 1 && k.small && (cur === 1 || afterEn);
        break;
      case 'anderhalf': cur += 1.5; seen = true; break;
      case 'half': {
        if (hadArticleOne) cur -= 1;
        let j = i + 1;
        while (j < toks.length && toks[j].t === 'sep') j++;
        const nextIsMag = j < toks.length && toks[j].t === 'mag';
        if (!nextIsMag && cur === 0 && lastMag > 1) { total += 0.5 * lastMag; lastMag = 1; }
        else cur += 0.5;
        seen = true;
        break;
      }
      case 'dozijn': cur = cur > segBase ? segBase + (cur - segBase) * k.v : (cur || 1) * k.v; seen = true; break;
      case 'mag': {
        const m = k.v;
        if (m === 100) { cur = (cur || 1) * 100; }
        else if (m === 1000) { th += (cur || 1) * 1000; cur = 0; segBase = 0; }
        else { total += ((th + cur) || 1) * m; th = 0; cur = 0; segBase = 0; }
        lastMag = m; seen = true;
        break;
      }
      case 'den': return null; // handled by the caller
    }
    hadArticleOne = article;
    prevNum = k.t === 'num' ? k.v : null;
    afterEn = false;
  }
  void afterEn;
  if (!seen) return null;
  return total + th + cur;
}

/** Parse number words (possibly several written words: "zeventien miljoen drieënvijftigduizend",
 *  "twee en een half", "honderddrie en twee derde", "een half miljoen", "2 miljoen", "1,2 miljard"). */
function parseWords(s: string): number | null {
  const parts = s.trim().split(/[\s\u00a0\u2009\u202f]+/).filter(Boolean);
  if (!parts.length) return null;
  // Segments: one per written word; "en" is also a separate word in "drie en dertig".
  const segs: Tok[][] = [];
  for (const p of parts) {
    const d = parseDigits(p);
    if (d !== null) { segs.push([{ t: 'num', v: d, small: false }]); continue; }
    const kp = /^(\d+(?:,\d+)?)([kK])$/.exec(p);
    if (kp) { segs.push([{ t: 'num', v: Number(kp[1].replace(',', '.')) * 1000, small: false }]); continue; }
    const f = foldWord(p);
    if (f === 'en') { segs.push([{ t: 'en' }]); continue; }
    if (f === 'mln' || f === 'mln.') { segs.push([{ t: 'mag', v: 1e6 }]); continue; }
    if (f === 'mld' || f === 'mrd' || f === 'mld.' || f === 'mrd.') { segs.push([{ t: 'mag', v: 1e9 }]); continue; }
    const toks = lexWord(p);
    if (!toks) return null;
    segs.push(toks);
  }
  // Fractions: a denominator at the end of the last segment.
  const last = segs[segs.length - 1];
  const den = last[last.length - 1];
  if (den.t === 'den') {
    let numer: number;
    let wholeSegs: Tok[][];
    if (last.length > 1) {
      // "driekwart", "tweederde": a single small numerator inside the same word
      // ("honderdachtste" is an ordinal, not 100/8)
      if (last.length !== 2 || last[0].t !== 'num' || last[0].v >= 20) return null;
      const n = evalTokens(last.slice(0, -1));
      if (n === null) return null;
      numer = n; wholeSegs = segs.slice(0, -1);
    } else if (segs.length >= 2) {
      const n = evalTokens(segs[segs.length - 2]);
      if (n === null) return null;
      numer = n; wholeSegs = segs.slice(0, -2);
    } else {
      return null; // a bare "derde" is an ordinal, not a fraction
    }
    // strip a trailing "en" between whole and fraction
    while (wholeSegs.length && wholeSegs[wholeSegs.length - 1].length === 1 && wholeSegs[wholeSegs.length - 1][0].t === 'en') wholeSegs = wholeSegs.slice(0, -1);
    if (!wholeSegs.length) return numer / den.v;
    const wholeToks = wholeSegs.flat();
    const whole = evalTokens(wholeToks);
    if (whole === null) return null;
    const lastTok = wholeToks[wholeToks.length - 1];
    // "zes miljoen en twee derde": the fraction is of the last magnitude
    if (lastTok.t === 'mag' && lastTok.v >= 1e6) return whole + (numer / den.v) * lastTok.v;
    return whole + numer / den.v;
  }
  const flat: Tok[] = [];
  segs.forEach((seg, i) => { if (i) flat.push({ t: 'sep' }); flat.push(...seg); });
  return evalTokens(flat);
}

/**
 * Parse a Dutch number written in digits or words. Returns null when `s` (trimmed) is not, as a
 * whole, a number. Accepts Dutch digit notation ("11.000", "2,5", "40 000"), number words
 * ("dertienhonderd", "tweeëntwintig", "anderhalf", "een half miljoen"), mixed forms ("2,5 miljoen",
 * "1,2 miljard"), fractions ("de helft", "een derde", "driekwart", "twee derde", "3/4", "2 1/4"),
 * a sign ("-1", "min vijf") and the nouns "dozijn" and "gros".
 */
export function parseDutchNumber(s: string): number | null {
  if (typeof s !== 'string') return null;
  let t = s.trim().replace(/\s+/g, ' ');
  if (!t || t.length > 300) return null;
  let sign = 1;
  const minus = /^(?:min|minus)\s+/i.exec(t);
  if (minus) { sign = -1; t = t.slice(minus[0].length); }
  const low = foldWord(t);
  const komma = /^(.+?)\s+komma\s+(.+)$/.exec(low);
  if (komma) {
    const a = parseDutchNumber(komma[1]);
    const ds = komma[2].split(/\s+/).map((d) => parseDutchNumber(d));
    if (a === null || ds.some((d) => d === null || d < 0 || !Number.isInteger(d))) return null;
    const v = Number(`${Math.abs(a)}.${ds.join('')}`);
    return sign * (a < 0 ? -v : v);
  }
  if (low === 'de helft' || low === 'helft') return sign * 0.5;
  if (low === 'geen' || low === 'niks' || low === 'niets') return 0;
  if (/^[-−–]?\s*\d/.test(t) || /^,\d/.test(t)) {
    const d = parseDigits(t);
    if (d !== null) return sign * d;
    // "2 1/4", "3/4", "-4/5"
    const fr = /^([-−–]\s*)?(?:(\d+)\s+)?(\d+)\s*\/\s*(\d+)$/.exec(t);
    if (fr) {
      const den = Number(fr[4]);
      if (den === 0) return null;
      const v = (fr[2] ? Number(fr[2]) : 0) + Number(fr[3]) / den;
      return (fr[1] ? -1 : 1) * sign * v;
    }
    const k = /^(\d+(?:,\d+)?)\s*[kK]$/.exec(t);
    if (k) return sign * Number(k[1].replace(',', '.')) * 1000;
  }
  const v = parseWords(t);
  if (v === null || !Number.isFinite(v)) return null;
  return sign * v;
}

// ---------------------------------------------------------------------------------------------
