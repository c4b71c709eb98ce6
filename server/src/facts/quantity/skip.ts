// Not figures to check: ages, vague quantities, numbers inside names, changes, and durations and
// lengths that are not distances between named things. Examples in test/unit/quantity/skip.test.ts.

import type { Figure } from '../../dutch/types';
import type { SkipReason } from './model';

const VAGUE = new Set(['tientallen', 'honderden', 'duizenden', 'tienduizenden', 'honderdduizenden', 'miljoenen', 'miljarden',
  'enkele', 'een paar', 'verschillende', 'meerdere', 'diverse', 'een handvol']);

/** A figure that starts with a vague word ("tientallen miljoenen", "honderden"). */
const VAGUE_START = /^(?:tientallen|honderden|duizenden|tienduizenden|honderdduizenden|miljoenen|miljarden|enkele|een paar|verschillende|meerdere|diverse|talloze|vele)\b/i;

/** Rule: an age ("12-jarig meisje", "63 jaar oud", "de oudste was 63 jaar", "jonger dan 25", "de ander is 26"). */
export function isAge(text: string, f: Figure, sentenceStart: number): boolean {
  const after = text.slice(f.numberEnd, f.numberEnd + 24).toLowerCase();
  if (/^\s*-?\s*jarig/.test(after) || /^-?jarige?\b/.test(text.slice(f.numberEnd, f.numberEnd + 10).toLowerCase())) return true;
  const before = text.slice(Math.max(sentenceStart, f.start - 40), f.start).toLowerCase();
  if (/(?:jonger|ouder)\s+(?:dan|als)\s+$/.test(before)) return true;
  if (f.unit === 'jaar' || /^\s*jaar\b/.test(after)) {
    if (/^\s*jaar\s+(?:oud|jong)\b/.test(text.slice(f.numberEnd, f.end + 10).toLowerCase()) || /^\s*(?:oud|jong)\b/.test(text.slice(f.end, f.end + 8).toLowerCase())) return true;
    if (/(?:oudste|jongste|leeftijd|is|was|werd|wordt|zijn|waren)\s+(?:van\s+)?(?:hen\s+|hun\s+)?(?:pas\s+|nog\s+|al\s+|ruim\s+|bijna\s+)?$/.test(before)) return true;
  }
  // "de dood van de Nederlander Roy van Tinteren (55)", "een vrouw (45) uit Gouda": a bare number in
  // brackets right after a word is the age of whom the word names.
  if (!f.unit && !f.counted && f.value >= 0 && f.value <= 120 && /\p{L}\s*\(\s*$/u.test(text.slice(Math.max(0, f.start - 40), f.start)) && /^\s*\)/.test(text.slice(f.end, f.end + 4))) return true;
  // "Een van hen is 20 jaar oud; de ander is 26": a bare number after "is/was" in a sentence that gives an age.
  if (!f.unit && !f.counted && /(?:is|was|werd)\s+$/.test(before)) {
    const sentence = text.slice(sentenceStart, f.start).toLowerCase();
    if (/\bjaar\s+(?:oud|jong)\b|-jarig|\bleeftijd\b/.test(sentence)) return true;
  }
  return false;
}

/** Rule: a number inside a name or code ("Ch-101", "F-16", "A4", "Boeing 737"). */
export function isInName(text: string, f: Figure): boolean {
  const before = text.slice(Math.max(0, f.numberStart - 6), f.numberStart);
  if (/\p{L}-$/u.test(before) || /\p{Lu}$/u.test(before)) return true;
  if (/^-\p{L}/u.test(text.slice(f.numberEnd, f.numberEnd + 3)) && !/^-jarig/i.test(text.slice(f.numberEnd, f.numberEnd + 8))) return true;
  return false;
}

/** The reason a figure is not checked, before its measure is read (or null). */
export function skipOf(text: string, f: Figure, sentenceStart: number): SkipReason | null {
  if (isAge(text, f, sentenceStart)) return 'age';
  if ((f.qualifier && VAGUE.has(f.qualifier)) || VAGUE_START.test(f.text)) return 'vague';
  if (isInName(text, f)) return 'name';
  if (f.dimension === 'duration') return 'duration';
  // "in één nacht", "drie keer": a time or a frequency, not a count of things.
  if (f.counted && /^(?:nacht|dag|week|maand|jaar|keer|maal|etmaal|uur|minuut|seconde)$/i.test(f.counted)) return 'duration';
  return null;
}
