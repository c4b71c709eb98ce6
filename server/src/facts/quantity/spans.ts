// Lookups in lists sorted by start offset, by binary search: a 1 MB draft of one line holds tens of
// thousands of figures, words and mentions, and each figure looks only at its own neighbourhood.

import type { Span } from '../../dutch/tokens';

/** Index of the first item whose start is at or after `offset`. */
export function firstAtOrAfter(sorted: readonly Span[], offset: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid].start < offset) lo = mid + 1; else hi = mid; }
  return lo;
}

/** The items of a start-sorted list that lie within `span`. */
export function within<T extends Span>(sorted: readonly T[], span: Span): T[] {
  const out: T[] = [];
  for (let k = firstAtOrAfter(sorted, span.start); k < sorted.length && sorted[k].start < span.end; k++) if (sorted[k].end <= span.end) out.push(sorted[k]);
  return out;
}

/** The span of a sorted, non-overlapping list that contains `offset`, else the last one before it. */
export function spanContaining<T extends Span>(sorted: readonly T[], offset: number): T {
  let lo = 0, hi = sorted.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (sorted[mid].start <= offset) lo = mid; else hi = mid - 1; }
  return sorted[lo];
}

let foldedOf: { text: string; folded: string } | null = null;

/**
 * The text lower-cased and without diacritics, with the same length and offsets as the text (what
 * `fold` does to a word, done once per text): rules slice it instead of folding a window per figure.
 */
export function foldedText(text: string): string {
  if (foldedOf && foldedOf.text === text) return foldedOf.folded;
  let out = '';
  let plain = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    out += text.slice(plain, i).toLowerCase();
    const base = text[i].normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    out += base.length === 1 ? base : text[i].toLowerCase().length === 1 ? text[i].toLowerCase() : text[i];
    plain = i + 1;
  }
  out += text.slice(plain).toLowerCase();
  if (out.length !== text.length) out = text.toLowerCase().length === text.length ? text.toLowerCase() : text;
  foldedOf = { text, folded: out };
  return out;
}
