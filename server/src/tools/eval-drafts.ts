// Measures the conflict check on draft texts with judged figures (shared/eval/drafts-dev.json,
// shared/eval/drafts-ukraine-dev.json, or any file of the same shape): precision and recall of
// warnings, whether each warning's message cites the archive's figure, and whether its code is
// right (figure-conflict against figure-outdated).
//
// A figure judged 'conflict' or 'outdated' is found when a figure diagnostic of either code covers
// it ('outdated' ones are Information by default, so every severity counts there). A figure judged
// 'consistent' or 'unknown' is a false positive when a Warning or Error covers it.

import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Archive } from '../archive';
import { DraftAnalyzer } from '../facts/draft';
import { computeDiagnostics, CODES, DEFAULT_DIAGNOSTIC_OPTIONS } from '../features/diagnostics';
import { parseDutchNumber } from '../dutch/numbers';
import type { Quantity } from '../facts/quantity/model';
import { sameQuantity } from '../facts/quantity/same';

/** A quantity in one line, for reading evaluation errors. */
export function describeQuantity(q: Quantity): string {
  const m = q.measure, w = q.where, t = q.when;
  return [q.skip ? `skip:${q.skip}` : null, `${m.head ?? '?'}/${m.role ?? '?'}${m.side ? '/' + m.side : ''}${m.of ? ' of ' + m.of : ''}${m.per ? ' per ' + m.per : ''}`,
    `@${w.place ?? '?'}${w.level ? '(' + w.level + ')' : ''}[${w.scope}]${w.from ? ' from ' + w.from : ''}`, q.kind, t.basis !== 'none' ? `${t.basis}:${t.from ?? ''}..${t.to ?? ''}` : 'no-time', q.source ? `src:${q.source}` : null].filter(Boolean).join(' ');
}

export type JudgedVerdict = 'conflict' | 'outdated' | 'consistent' | 'unknown';

export interface DraftCase {
  id: string;
  text: string;
  expect: { figure: string; verdict: JudgedVerdict; corpus?: string[]; source?: string; why?: string }[];
}

export interface DraftError { id: string; figure: string; expected: string; got: string; message?: string; why?: string }

export interface DraftEval {
  precision: number; recall: number; f1: number;
  tp: number; fp: number; fn: number; tn: number;
  cited: number; citedOf: number;
  /** Found figures whose diagnostic has the judged code (conflict vs outdated). */
  codeRight: number;
  /** Judged figures covered by a figure-unconfirmed note. */
  unconfirmed: number;
  errors: DraftError[];
}

/** Whether the message cites one of the archive values (any notation: numbers are compared, not strings). */
function citeOk(message: string, corpus: string[]): boolean {
  if (!corpus.length) return true;
  const want = corpus.map((c) => parseDutchNumber(c));
  const nums = (message.match(/\d[\d.,]*\d|\d|\p{L}+/gu) ?? []).map((w) => parseDutchNumber(w)).filter((n): n is number => n !== null);
  return want.some((w) => w !== null && nums.includes(w));
}

const text = (m: string | { value: string }): string => (typeof m === 'string' ? m : m.value);

/** Where a judged figure is in its text: the first occurrence of its words. */
function spanOf(c: DraftCase, figure: string): [number, number] {
  const start = c.text.indexOf(figure);
  return start < 0 ? [-1, -1] : [start, start + figure.length];
}

export interface EvalOptions {
  /** The draft's present (YYYY-MM-DD): what "vorig jaar" and "dinsdag" resolve against. */
  today: string;
}

export async function evalDrafts(casesFile: string, corpusDir: string, opts: EvalOptions = { today: '2025-01-15' }): Promise<DraftEval> {
  const cases: DraftCase[] = JSON.parse(fs.readFileSync(casesFile, 'utf8')).cases;
  const archive = new Archive({ paths: [corpusDir], baseDir: process.cwd(), cacheDir: null, workers: 0 });
  await archive.build();
  const analyzer = new DraftAnalyzer(archive.index, opts.today);
  let tp = 0, fp = 0, fn = 0, tn = 0, cited = 0, citedOf = 0, codeRight = 0, unconfirmed = 0;
  const errors: DraftError[] = [];
  for (const c of cases) {
    const doc = TextDocument.create(`file:///draft-${c.id}.kopij`, 'kopij', 1, c.text);
    const a = analyzer.analyze(c.text)!;
    const diags = computeDiagnostics(doc, a, archive.index, DEFAULT_DIAGNOSTIC_OPTIONS)
      .filter((d) => d.code === CODES.conflict || d.code === CODES.outdated || d.code === CODES.unconfirmed);
    for (const e of c.expect) {
      const [start, end] = spanOf(c, e.figure);
      const covering = diags.filter((d) => doc.offsetAt(d.range.start) < end && doc.offsetAt(d.range.end) > start);
      const warning = covering.find((d) => (d.severity ?? 1) <= 2);
      if (covering.some((d) => d.code === CODES.unconfirmed)) unconfirmed++;
      if (e.verdict === 'conflict' || e.verdict === 'outdated') {
        // A Warning or Error, or the figure-outdated note (Information by default); a note that the
        // archive's report is old (figure-unconfirmed) is not a finding.
        const hit = warning ?? covering.find((d) => d.code === CODES.outdated);
        if (hit) {
          tp++;
          citedOf++;
          const wantCode = e.verdict === 'conflict' ? CODES.conflict : CODES.outdated;
          if (hit.code === wantCode) codeRight++;
          else errors.push({ id: c.id, figure: e.figure, expected: `code ${wantCode}`, got: String(hit.code), message: text(hit.message), why: e.why });
          if (citeOk(text(hit.message), e.corpus ?? [])) cited++;
          else errors.push({ id: c.id, figure: e.figure, expected: `cite ${e.corpus?.join('/')}`, got: 'other figure cited', message: text(hit.message), why: e.why });
        } else {
          fn++;
          const v = a.verdicts.find((x) => x.figure.start < end && x.figure.end > start);
          if (v && process.env.BRONVAST_EVAL_WHY) {
            for (const cl of archive.index.claimIndex.candidates(v.ctx.quantity)) {
              console.log(`      ${c.id} ${e.figure} vs ${cl.figure.text} (${cl.source.article.label}): ${sameQuantity(v.ctx.quantity, cl.ctx.quantity).reasons.join(',')} — ${describeQuantity(cl.ctx.quantity)}`);
            }
          }
          errors.push({
            id: c.id, figure: e.figure, expected: e.verdict, why: e.why,
            got: v ? `${v.verdict} (${v.matches.length} matches; ${describeQuantity(v.ctx.quantity)})` : 'no figure found',
          });
        }
      } else if (warning && warning.code !== CODES.unconfirmed) {
        fp++;
        errors.push({ id: c.id, figure: e.figure, expected: e.verdict, got: String(warning.code), message: text(warning.message), why: e.why });
      } else {
        tn++;
      }
    }
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, fp, fn, tn, cited, citedOf, codeRight, unconfirmed, errors };
}

/** The day a judged file's drafts were written, from its `about` ("written late November 2025"),
 *  or a `today` field when the file has one. */
export function draftsDay(casesFile: string, fallback: string): string {
  const d = JSON.parse(fs.readFileSync(casesFile, 'utf8')) as { today?: string; about?: string };
  if (d.today && /^\d{4}-\d\d-\d\d$/.test(d.today)) return d.today;
  const m = /\b(early|mid|late)?\s*(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})/i.exec(d.about ?? '');
  if (!m) return fallback;
  const month = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].indexOf(m[2].toLowerCase()) + 1;
  const day = m[1]?.toLowerCase() === 'early' ? 5 : m[1]?.toLowerCase() === 'late' ? 25 : 15;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
