// Worker thread entry. Two kinds of job:
//  - analyse: the per-article analysis (a pure function of text and date; pass 1);
//  - facts: place recognition and claims with the archive's lexicon (pass 2). The lexicon is built
//    once per worker from workerData (the learned place facts and house spellings), so a pool is
//    made per lexicon.

import { isMainThread, workerData } from 'node:worker_threads';
import { serveWorker } from './pool';
import { analyzeText, type ArticleAnalysis } from '../facts/analyze';
import { computeFacts, type FactsData } from '../facts/index';
import { PlaceLexicon } from '../dutch/places';
import type { PlaceFact } from '../dutch/types';

export interface LexiconSpec { learned: PlaceFact[]; houseSpellings: Record<string, string> }

export type WorkerJob =
  | { kind?: 'analyse'; items: { text: string; date: string | null }[] }
  | { kind: 'facts'; items: { text: string; exact: boolean; analysis: ArticleAnalysis }[] };

export interface WorkerResult { analyses?: (ArticleAnalysis | { error: string })[]; facts?: (FactsData | { error: string })[] }

/** The archive's lexicon: the gazetteer, house spellings, then the learned names. Main thread and workers build it alike. */
export function buildLexicon(spec: LexiconSpec): PlaceLexicon {
  const lex = PlaceLexicon.load();
  for (const [variant, preferred] of Object.entries(spec.houseSpellings)) {
    const e = lex.lookup(preferred) ?? lex.lookup(variant);
    if (e) lex.setPreferredSpelling(e.id, preferred);
  }
  lex.addLearned(spec.learned);
  return lex;
}

let lexicon: PlaceLexicon | null = null;

function attempt<T>(f: () => T): T | { error: string } {
  try { return f(); } catch (e) { return { error: (e as Error)?.message ?? String(e) }; }
}

export function runJob(job: WorkerJob): WorkerResult {
  if (job.kind === 'facts') {
    if (!lexicon) {
      const spec = workerData as LexiconSpec | undefined;
      if (!spec || !Array.isArray(spec.learned)) throw new Error('facts job without a lexicon in workerData');
      lexicon = buildLexicon(spec);
    }
    const lex = lexicon;
    return { facts: job.items.map((it) => attempt(() => computeFacts(it.text, it.exact, it.analysis, lex))) };
  }
  return { analyses: job.items.map((it) => attempt(() => analyzeText(it.text, it.date))) };
}

if (!isMainThread) serveWorker(runJob);
