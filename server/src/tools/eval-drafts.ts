// Measures the conflict check on draft sentences with known verdicts (shared/eval/drafts-dev.json
// or any file of the same shape): precision and recall of warnings, and whether each warning's
// message cites the archive's figure.

import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Archive } from '../archive';
import { DraftAnalyzer } from '../facts/draft';
import { computeDiagnostics, DEFAULT_DIAGNOSTIC_OPTIONS } from '../features/diagnostics';
import { parseDutchNumber } from '../dutch/numbers';

export interface DraftCase { id: string; text: string; expect: { figure: string; verdict: 'conflict' | 'consistent' | 'unknown'; corpus?: string[] }[] }

export interface DraftEval {
  precision: number; recall: number; f1: number;
  tp: number; fp: number; fn: number; tn: number;
  cited: number; citedOf: number;
  errors: { id: string; figure: string; expected: string; got: string; message?: string }[];
}

function citeOk(message: string, corpus: string[]): boolean {
  // The corpus figure may be cited in any notation: compare numbers, not strings.
  const want = corpus.map((c) => parseDutchNumber(c));
  const nums = (message.match(/\d[\d.,]*|\p{L}+/gu) ?? []).map((w) => parseDutchNumber(w)).filter((n): n is number => n !== null);
  return want.every((w) => w !== null && nums.includes(w));
}

const text = (m: string | { value: string }): string => (typeof m === 'string' ? m : m.value);

export async function evalDrafts(casesFile: string, corpusDir: string): Promise<DraftEval> {
  const cases: DraftCase[] = JSON.parse(fs.readFileSync(casesFile, 'utf8')).cases;
  const archive = new Archive({ paths: [corpusDir], baseDir: process.cwd(), cacheDir: null, workers: 0 });
  await archive.build();
  const analyzer = new DraftAnalyzer(archive.index, '2025-01-15');
  let tp = 0, fp = 0, fn = 0, tn = 0, cited = 0, citedOf = 0;
  const errors: DraftEval['errors'] = [];
  for (const c of cases) {
    const doc = TextDocument.create(`file:///draft-${c.id}.kopij`, 'kopij', 1, c.text);
    const a = analyzer.analyze(c.text)!;
    const diags = computeDiagnostics(doc, a, archive.index, DEFAULT_DIAGNOSTIC_OPTIONS).filter((d) => (d.severity ?? 1) <= 2);
    for (const e of c.expect) {
      const start = c.text.indexOf(e.figure);
      const end = start + e.figure.length;
      const hit = diags.find((d) => {
        const s = doc.offsetAt(d.range.start), en = doc.offsetAt(d.range.end);
        return s < end && en > start;
      });
      if (e.verdict === 'conflict') {
        if (hit) {
          tp++;
          citedOf++;
          if (citeOk(text(hit.message), e.corpus ?? [])) cited++;
          else errors.push({ id: c.id, figure: e.figure, expected: `cite ${e.corpus?.join('/')}`, got: 'other figure cited', message: text(hit.message) });
        } else {
          fn++;
          const v = a.verdicts.find((x) => x.figure.start < end && x.figure.end > start);
          errors.push({ id: c.id, figure: e.figure, expected: 'conflict', got: v ? `${v.verdict} (${v.matches.length} matches; places ${v.ctx.places.join(',')}; counted ${v.ctx.counted})` : 'no figure found' });
        }
      } else if (hit) {
        fp++;
        errors.push({ id: c.id, figure: e.figure, expected: e.verdict, got: 'warning', message: text(hit.message) });
      } else {
        tn++;
      }
    }
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, fp, fn, tn, cited, citedOf, errors };
}
