// Measures the conflict check on real published copy, where almost every warning is false:
//  - dpgmedia2019 split against itself: a seeded half of the articles as the archive, 300 of the
//    other half as drafts (each written on its own publication day);
//  - a multi-source archive checked article by article against the rest (leave one out).
// Reports figure warnings per 1,000 words and lists each warning with the archive sentences it
// cites, for judging by reading both.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Archive } from '../archive';
import { DraftAnalyzer } from '../facts/draft';
import { computeDiagnostics, CODES, DEFAULT_DIAGNOSTIC_OPTIONS, type DiagnosticData } from '../features/diagnostics';
import type { FigureVerdict } from '../facts/check';
import { sameQuantity, agree } from '../facts/quantity/same';
import { describeQuantity } from './eval-drafts';

export interface RealWarning {
  draft: string;
  figure: string;
  code: string;
  message: string;
  sentence: string;
  /** The draft figure's quantity in one line (describeQuantity), and each cited claim's. */
  quantity: string;
  cites: { sentence: string; source: string; date: string | null; quantity: string }[];
}

/** `warnings`: conflicts and outdated figures (the rate); `notes`: figures the archive cannot confirm
 *  (shown too, as information), listed apart so that the rate stays comparable with earlier runs. */
export interface RealCopyEval { drafts: number; words: number; figures: number; warnings: RealWarning[]; notes: RealWarning[]; perThousand: number;
  /** Variant-spelling hints, as "written → house spelling" (the product's options: the archive's spelling counts). */
  hints: string[] }

/** A small seeded PRNG (mulberry32): the same split on every machine. */
function rng(seed: number): () => number {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], seed: number): T[] {
  const r = rng(seed), out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [out[i], out[j]] = [out[j], out[i]]; }
  return out;
}

const words = (s: string) => (s.match(/\p{L}[\p{L}\p{N}'’-]*|\p{N}+/gu) ?? []).length;

interface Draft { id: string; text: string; date: string | null }

type Found = { warnings: RealWarning[]; notes: RealWarning[]; hints: string[]; figures: number };

function warningsOf(draft: Draft, analyzer: DraftAnalyzer, archive: Archive): Found {
  const doc = TextDocument.create(`file:///draft-${draft.id}.kopij`, 'kopij', 1, draft.text);
  const a = analyzer.analyze(draft.text)!;
  const all = computeDiagnostics(doc, a, archive.index, { ...DEFAULT_DIAGNOSTIC_OPTIONS, spellings: (id) => archive.index.placeRow(id) });
  const hints = all.filter((d) => d.code === CODES.variant).map((d) => `${doc.getText(d.range)} → ${(d.data as DiagnosticData | undefined)?.replacements?.[0]?.text ?? '?'}`);
  const diags = all.filter((d) => d.code === CODES.conflict || d.code === CODES.outdated || d.code === CODES.unconfirmed);
  const out: RealWarning[] = [];
  for (const d of diags) {
    const s = doc.offsetAt(d.range.start);
    const v: FigureVerdict | undefined = a.verdicts.find((x) => x.figure.start === s);
    const cite = v ? (v.verdict === 'outdated' ? v.newer : v.matches) : [];
    out.push({
      draft: draft.id, figure: doc.getText(d.range), code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value,
      sentence: v ? draft.text.slice(v.ctx.sentence.start, v.ctx.sentence.end) : '',
      quantity: v ? describeQuantity(v.ctx.quantity) : '',
      cites: cite.slice(0, 3).map((m) => ({ sentence: m.claim.sentence, source: m.claim.source.article.label, date: m.claim.source.article.date, quantity: describeQuantity(m.claim.ctx.quantity) })),
    });
  }
  return { warnings: out.filter((w) => w.code !== CODES.unconfirmed), notes: out.filter((w) => w.code === CODES.unconfirmed), hints, figures: a.figures.length };
}

function tally(res: RealCopyEval, text: string, w: Found): void {
  res.drafts++;
  res.words += words(text);
  res.figures += w.figures;
  res.warnings.push(...w.warnings);
  res.notes.push(...w.notes);
  res.hints.push(...w.hints);
}

function done(res: RealCopyEval): RealCopyEval {
  res.perThousand = res.words ? (res.warnings.length * 1000) / res.words : 0;
  return res;
}

/** dpgmedia2019 split in two by a seeded shuffle: half the archive, `n` of the other half drafts,
 *  each written on its publication day, or all on `today` when given. */
export async function evalDpgSplit(jsonl: string, n = 300, seed = 2019, today: string | null = null): Promise<RealCopyEval> {
  const rows = fs.readFileSync(jsonl, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { id: number | string; title?: string; text: string; published_at?: string });
  const mixed = shuffle(rows, seed);
  const half = Math.floor(mixed.length / 2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-split-'));
  try {
    fs.writeFileSync(path.join(dir, 'archive.jsonl'), mixed.slice(0, half).map((r) => JSON.stringify(r)).join('\n') + '\n');
    const archive = new Archive({ paths: [dir], baseDir: dir, cacheDir: null, workers: 0 });
    await archive.build();
    const drafts = mixed.slice(half, half + n).filter((r) => typeof r.text === 'string' && r.text.trim());
    const res: RealCopyEval = { drafts: 0, words: 0, figures: 0, warnings: [], notes: [], perThousand: 0, hints: [] };
    const analyzers = new Map<string, DraftAnalyzer>();
    for (const r of drafts) {
      const date = today ?? ((r.published_at ?? '').slice(0, 10) || null);
      const day = date ?? new Date().toISOString().slice(0, 10);
      let analyzer = analyzers.get(day);
      if (!analyzer) analyzers.set(day, (analyzer = new DraftAnalyzer(archive.index, day)));
      const text = (r.title ? r.title + '\n\n' : '') + r.text;
      tally(res, text, warningsOf({ id: String(r.id), text, date }, analyzer, archive));
    }
    return done(res);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The documents of a CoNLL-2002 file (one token per line, "-DOCSTART-" between documents), as text. */
function conllDocs(file: string): string[] {
  const out: string[] = [];
  let sents: string[] = [], toks: string[] = [];
  const endSentence = () => { if (toks.length) sents.push(toks.join(' ').replace(/ ([,.:;!?)])/g, '$1').replace(/\( /g, '(')); toks = []; };
  const endDoc = () => { endSentence(); if (sents.length) out.push(sents.join(' ')); sents = []; };
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) endDoc();
    else if (!line.trim()) endSentence();
    else toks.push(line.split(' ')[0]);
  }
  endDoc();
  return out;
}

/**
 * Another newspaper, another year: CoNLL-2002's De Morgen (2000) documents, those of `archiveFile`
 * as the archive and those of `draftFile` as drafts (undated: read on the archive's last day).
 */
export async function evalConllCopy(archiveFile: string, draftFile: string): Promise<RealCopyEval> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-conll-'));
  try {
    fs.writeFileSync(path.join(dir, 'archive.jsonl'), conllDocs(archiveFile).map((text, i) => JSON.stringify({ id: i, text })).join('\n') + '\n');
    const archive = new Archive({ paths: [dir], baseDir: dir, cacheDir: null, workers: 0 });
    await archive.build();
    const analyzer = new DraftAnalyzer(archive.index, '2000-12-31');
    const res: RealCopyEval = { drafts: 0, words: 0, figures: 0, warnings: [], notes: [], perThousand: 0, hints: [] };
    conllDocs(draftFile).forEach((text, i) => tally(res, text, warningsOf({ id: String(i), text, date: null }, analyzer, archive)));
    return done(res);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Each article of a folder of `.txt` articles checked against all the others. */
export async function evalLeaveOneOut(folder: string): Promise<RealCopyEval> {
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.txt')).sort();
  const res: RealCopyEval = { drafts: 0, words: 0, figures: 0, warnings: [], notes: [], perThousand: 0, hints: [] };
  for (const f of files) {
    const raw = fs.readFileSync(path.join(folder, f), 'utf8');
    const m = /^\s*date\s+(\d{4}-\d\d(?:-\d\d)?)/.exec(raw);
    const date = m ? (m[1].length === 7 ? m[1] + '-15' : m[1]) : null;
    const archive = new Archive({ paths: files.filter((g) => g !== f).map((g) => path.join(folder, g)), baseDir: folder, cacheDir: null, workers: 0 });
    await archive.build();
    const analyzer = new DraftAnalyzer(archive.index, date ?? new Date().toISOString().slice(0, 10));
    // The draft as an editor sees it: the marker line blanked, as the archive reads it.
    const text = m ? raw.replace(/^[^\n]*/, (l) => ' '.repeat(l.length)) : raw;
    tally(res, text, warningsOf({ id: f, text, date }, analyzer, archive));
  }
  return done(res);
}

const NUMBER_WORDS: Record<number, string> = { 9: 'negen', 12: 'twaalf', 14: 'veertien', 17: 'zeventien', 19: 'negentien', 22: 'tweeëntwintig', 27: 'zevenentwintig', 32: 'tweeëndertig', 37: 'zevenendertig', 42: 'tweeënveertig' };

export interface MutationEval { sentences: number; found: number; foundAt: { own: number; later: number }; quietOriginal: number; examples: string[] }

/**
 * Sentences of the archive whose figure another article of it supports (a claim of the same quantity
 * in another file agrees with it), changed to a wrong value and checked against the whole archive
 * as a draft: on the article's own day, and on `laterDay` (a background piece written later). The
 * unchanged sentence must stay quiet.
 */
export async function evalMutations(folder: string, laterDay: string): Promise<MutationEval> {
  const archive = new Archive({ paths: [folder], baseDir: folder, cacheDir: null, workers: 0 });
  await archive.build();
  const res: MutationEval = { sentences: 0, found: 0, foundAt: { own: 0, later: 0 }, quietOriginal: 0, examples: [] };
  const claims = archive.index.claims.filter((c) => !c.ctx.quantity.skip && c.ctx.quantity.measure.role);
  const seen = new Set<string>();
  for (const c of claims) {
    const supported = claims.some((o) => o !== c && o.source.article.id !== c.source.article.id && sameQuantity(c.ctx.quantity, o.ctx.quantity).same
      && agree([o.figure.low ?? 0, o.figure.high ?? Infinity], [c.figure.low ?? 0, c.figure.high ?? Infinity]));
    if (!supported || seen.has(c.sentence)) continue;
    seen.add(c.sentence);
    const f = c.figure;
    const at = c.sentence.indexOf(f.text);
    if (at < 0) continue;
    const num = f.text.slice(f.numberStart - f.start, f.numberEnd - f.start);
    // A clearly wrong value: two and a half times the figure, as digits (number words stay number words).
    const wrong = Math.round(f.value * 2.5 + 7);
    const written = /^\d/.test(num) ? String(wrong).replace(/\B(?=(\d{3})+(?!\d))/g, wrong >= 10000 ? '.' : '') : NUMBER_WORDS[wrong] ?? String(wrong);
    const mutated = c.sentence.slice(0, at) + f.text.replace(num, written) + c.sentence.slice(at + f.text.length);
    const day = c.source.article.date ?? laterDay;
    const figureAt = at;
    const hits = (text: string, today: string) => {
      const a = new DraftAnalyzer(archive.index, today).analyze(text)!;
      const v = a.verdicts.find((x) => x.figure.start <= figureAt && x.figure.end > figureAt);
      return v ? v.verdict : 'none';
    };
    res.sentences++;
    const own = hits(mutated, day), later = hits(mutated, laterDay);
    if (own === 'conflict' || own === 'outdated') res.foundAt.own++;
    if (later === 'conflict' || later === 'outdated') res.foundAt.later++;
    if (own === 'conflict' || own === 'outdated' || later === 'conflict' || later === 'outdated') res.found++;
    else if (res.examples.length < 12) res.examples.push(`${own}/${later}: ${mutated}`);
    const orig = hits(c.sentence, day);
    if (orig !== 'conflict') res.quietOriginal++;
  }
  return res;
}
