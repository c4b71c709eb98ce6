// Worker thread entry: analyses batches of articles (a pure function of text and date).

import { isMainThread } from 'node:worker_threads';
import { serveWorker } from './pool';
import { analyzeText, type ArticleAnalysis } from '../facts/analyze';

export interface WorkerJob { items: { text: string; date: string | null }[] }
export interface WorkerResult { analyses: (ArticleAnalysis | { error: string })[] }

export function runJob(job: WorkerJob): WorkerResult {
  return {
    analyses: job.items.map((it) => {
      try {
        return analyzeText(it.text, it.date);
      } catch (e) {
        return { error: (e as Error)?.message ?? String(e) };
      }
    }),
  };
}

if (!isMainThread) serveWorker(runJob);
