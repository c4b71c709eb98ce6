// What a figure is about, read alike for archive claims and draft figures (quantity/read.ts), and
// the article's topic places it falls back on.

import type { PlaceMention } from '../dutch/types';

export { readQuantities, articleContext, type FigureContext, type ReadInput, type ArticleContext } from './quantity/read';

const BROAD_KINDS = new Set(['land', 'werelddeel']);

/** The article's topic places: non-country places mentioned at least twice, most frequent first. */
export function topicPlaces(mentions: readonly PlaceMention[]): string[] {
  const counts = new Map<string, number>();
  for (const m of mentions) if (!BROAD_KINDS.has(m.kind)) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]).slice(0, 2).map(([id]) => id);
}
