// The analysis of one article: a pure function of its text and date, so it can be cached by the
// article's content hash and run in worker threads. Place recognition, which depends on what the
// whole archive knows, is done afterwards (see articleFacts in index.ts).

import type { Figure, PlaceFact, TimeExpression } from '../dutch/types';
import { extractFigures } from '../dutch/figures';
import { extractTimeExpressions } from '../dutch/time';
import { learnPlaceFacts } from '../dutch/places';

/** Bump when the analysis changes in a way that invalidates cached results. */
export const ANALYSIS_VERSION = '1';

export interface ArticleAnalysis {
  figures: Figure[];
  times: TimeExpression[];
  placeFacts: PlaceFact[];
}

export function analyzeText(text: string, date: string | null): ArticleAnalysis {
  const times = extractTimeExpressions(text, date);
  return {
    // the time expressions are not figures; found once, used by both
    figures: extractFigures(text, { timeExpressions: times }),
    times,
    placeFacts: learnPlaceFacts(text),
  };
}
