// Clauses and a figure's own stretch of its clause. Dutch puts a clause's participle or particle
// after its object ("kwamen zeker twaalf mensen om en raakten 43 mensen gewond"), so the words
// that define a figure are found after it first, up to the next figure, then before it.

import type { Span } from '../../dutch/tokens';
import { fold } from '../../dutch/tokens';
import { foldedText } from './spans';

/** Words that start a new statement inside a sentence. */
const BREAK_WORDS = new Set(['maar', 'terwijl', 'waarvan', 'waaronder', 'waarbij', 'nadat', 'omdat', 'hoewel', 'zodat', 'waarna', 'dat']);
/** Partitive openings: the figure after them is part of the figure before ("van wie 33 in Kyiv"). */
const PARTITIVE_OPENING = /^(?:van wie|onder wie|waarvan|waaronder|van hen|onder hen|daarvan|daaronder|onder andere|onder meer|onder)\b/;
/** Finite verbs that, after "en"/"of", start a coordinated clause ("… om en raakten 43 mensen gewond"). */
const FINITE = /^(?:is|was|zijn|waren|werd|werden|wordt|worden|heeft|hebben|had|hadden|raakte|raakten|raakt|kwam|kwamen|komt|komen|vielen|viel|vuurde|vuurden|zette|zetten|zei|zeiden|zegt|stuurde|stuurden|haalde|haalden|hield|hielden|verloor|verloren|telde|telt|woonden|wonen|woont|liep|liepen|staat|stond|stonden|kreeg|kregen|keerden|keerde|droegen|droeg|ruilden|claimt|claimde|meldt|meldde|bleef|bleven|moesten|moest|vluchtten|vluchtte|sneuvelden|stierven|stierf|overleden|overleed)$/;

export interface Clause extends Span {
  /** True when the clause opens with a partitive ("van wie …", "waaronder …"). */
  partitive: boolean;
}

/** The clauses of one sentence, in order; together they cover it. */
export function clausesOf(text: string, sentence: Span): Clause[] {
  const cuts: number[] = [];
  const s = text.slice(sentence.start, sentence.end);
  // (Only the words that can break a clause are matched: most of a sentence is skipped by the regex.)
  const re = /[,;:()–—]|\s(maar|terwijl|waarvan|waaronder|waarbij|nadat|omdat|hoewel|zodat|waarna|dat|en|of|Maar|Terwijl|Dat|En|Of)(?=\s)/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const at = sentence.start + m.index;
    if (m[1] === undefined) {
      // A thousands or decimal separator is not a break; nor is a dash inside a word.
      if (m[0] === ',' && /\d/.test(text[at - 1] ?? '') && /\d/.test(text[at + 1] ?? '')) continue;
      cuts.push(at, at + 1);
      continue;
    }
    const w = fold(m[1]);
    const wordAt = at + 1;
    if (BREAK_WORDS.has(w)) { cuts.push(wordAt, wordAt); continue; }
    if (w === 'en' || w === 'of') {
      // "… om en raakten 43 mensen gewond": a finite verb; "in Donetsk 43 en in Luhansk 7": a phrase with its own place.
      const next = /^\s+(\p{L}+)/u.exec(text.slice(wordAt + w.length, sentence.end));
      if (next && (FINITE.test(fold(next[1])) || /^(?:in|bij|op|rond|rondom|nabij|naar)$/.test(fold(next[1])))) cuts.push(wordAt, wordAt);
    }
  }
  const out: Clause[] = [];
  let start = sentence.start;
  for (let i = 0; i < cuts.length; i += 2) {
    if (cuts[i] > start) out.push(mk(text, start, cuts[i]));
    start = Math.max(start, cuts[i + 1]);
  }
  if (sentence.end > start) out.push(mk(text, start, sentence.end));
  return out.length ? out : [mk(text, sentence.start, sentence.end)];
}

function mk(text: string, start: number, end: number): Clause {
  while (start < end && /\s/.test(text[start])) start++;
  return { start, end, partitive: PARTITIVE_OPENING.test(fold(text.slice(start, Math.min(end, start + 20)))) };
}

export function clauseAt(clauses: readonly Clause[], offset: number): Clause {
  for (const c of clauses) if (offset >= c.start && offset < c.end) return c;
  return clauses[clauses.length - 1];
}

/** The lower-case words of a span, with their offsets. */
export interface Word { w: string; start: number; end: number; raw: string }

export function wordsIn(text: string, span: Span): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;
  const s = text.slice(span.start, span.end);
  // (The folded text has the text's offsets: a word's fold is a slice of it.)
  const folded = foldedText(text);
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = span.start + m.index, end = start + m[0].length;
    let w = folded.slice(start, end);
    if (w.includes('’')) w = w.replace(/’/g, "'");
    else if (/\p{M}/u.test(w)) w = fold(m[0]);
    out.push({ w, start, end, raw: m[0] });
  }
  return out;
}
