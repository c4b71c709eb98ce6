// Measures place recognition: the sample corpus against shared/eval/seeds-places.json, and
// CoNLL-2002 Dutch LOC entities (lexicon learns from the raw text of ned.train).
// Run alone: npx tsx server/src/tools/eval-places.ts [sharedDir] [corpusDir]

import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PlaceLexicon, learnPlaceFacts, recognizePlaces } from '../dutch/places';
import type { PlaceFact } from '../dutch/types';

export interface PlaceScore {
  precision: number; recall: number; f1: number; tp: number; fp: number; fn: number;
  /** Gold places whose spellings got more than one id, and ids shared by different gold places. */
  idErrors: string[];
  falsePositives: string[];
  falseNegatives: string[];
  articles: number;
  ms: number;
}

function score(tp: number, fp: number, fn: number) {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Strip the export's leading " date 2025-01" marker? No: offsets in the gold are into the file text as is. */
export function evalSeedsPlaces(sharedDir: string, corpusDir: string): PlaceScore {
  const t0 = Date.now();
  const gold = JSON.parse(readFileSync(join(sharedDir, 'eval', 'seeds-places.json'), 'utf8')).mentions as Array<{
    file: string; start: number; end: number; text: string; place: string | null; optional?: boolean; ignore?: boolean }>;
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
  const texts = new Map(files.map((f) => [f, readFileSync(join(corpusDir, f), 'utf8')]));
  const lex = PlaceLexicon.load();
  const facts: PlaceFact[] = [];
  for (const t of texts.values()) facts.push(...learnPlaceFacts(t));
  lex.addLearned(facts);
  let tp = 0, fp = 0, fn = 0;
  const fps: string[] = [], fns: string[] = [];
  const idsByPlace = new Map<string, Set<string>>();
  const placesById = new Map<string, Set<string>>();
  for (const [f, text] of texts) {
    const g = gold.filter((m) => m.file === f);
    const pred = recognizePlaces(text, lex);
    const byStart = new Map(g.map((m) => [`${m.start}:${m.end}`, m]));
    const matched = new Set<string>();
    for (const p of pred) {
      const m = byStart.get(`${p.start}:${p.end}`);
      if (m && m.ignore) continue;
      if (m) {
        tp++; matched.add(`${p.start}:${p.end}`);
        if (m.place) {
          let s = idsByPlace.get(m.place); if (!s) idsByPlace.set(m.place, (s = new Set())); s.add(p.id);
          let q = placesById.get(p.id); if (!q) placesById.set(p.id, (q = new Set())); q.add(m.place);
        }
      } else {
        // Ignored gold spans overlapping the prediction do not count.
        if (g.some((x) => x.ignore && x.start < p.end && p.start < x.end)) continue;
        fp++; fps.push(`${f.slice(0, 3)}@${p.start} ${p.text} (${p.id})`);
      }
    }
    for (const m of g) {
      if (m.ignore || m.optional || matched.has(`${m.start}:${m.end}`)) continue;
      fn++; fns.push(`${f.slice(0, 3)}@${m.start} ${m.text}`);
    }
  }
  const idErrors: string[] = [];
  for (const [place, ids] of idsByPlace) if (ids.size > 1) idErrors.push(`${place}: ${[...ids].join(', ')}`);
  for (const [id, places] of placesById) if (places.size > 1) idErrors.push(`${id}: ${[...places].join(', ')}`);
  // An id error makes the affected mentions wrong: count each as one false positive.
  return { ...score(tp, fp + idErrors.length, fn), tp, fp: fp + idErrors.length, fn, idErrors, falsePositives: fps, falseNegatives: fns, articles: texts.size, ms: Date.now() - t0 };
}

interface ConllDoc { text: string; locs: Array<{ start: number; end: number; text: string }> }

/** CoNLL-2002 file → documents: tokens joined by spaces, one sentence per line; LOC spans as offsets. */
export function readConll(path: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let text = '';
  let locs: ConllDoc['locs'] = [];
  let lineHasTok = false;
  let open: { start: number; end: number } | null = null;
  const close = () => { if (open) { locs.push({ ...open, text: text.slice(open.start, open.end) }); open = null; } };
  const flushDoc = () => { close(); if (text.trim()) docs.push({ text, locs }); text = ''; locs = []; lineHasTok = false; };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (!line.trim()) { close(); if (lineHasTok) { text += '\n'; lineHasTok = false; } continue; }
    const tok = parts[0];
    const tag = parts[parts.length - 1];
    if (tok === '-DOCSTART-') { flushDoc(); continue; }
    if (lineHasTok) text += ' ';
    const start = text.length;
    text += tok;
    lineHasTok = true;
    if (tag === 'B-LOC' || (tag === 'I-LOC' && !open)) { close(); open = { start, end: text.length }; }
    else if (tag === 'I-LOC' && open) open.end = text.length;
    else close();
  }
  flushDoc();
  return docs;
}

/** `train` is for error analysis only (the archive is then the same raw text it is measured on). */
export function evalConll(sharedDir: string, split: 'testa' | 'testb' | 'train'): PlaceScore {
  const t0 = Date.now();
  const dir = join(sharedDir, 'data', 'conll2002-nl');
  const train = readConll(join(dir, 'ned.train'));
  const test = readConll(join(dir, `ned.${split}`));
  const lex = PlaceLexicon.load();
  const facts: PlaceFact[] = [];
  for (const d of train) facts.push(...learnPlaceFacts(d.text)); // raw text only: no labels
  lex.addLearned(facts);
  let tp = 0, fp = 0, fn = 0;
  const fps: string[] = [], fns: string[] = [];
  for (const d of test) {
    const pred = recognizePlaces(d.text, lex);
    const gold = new Set(d.locs.map((l) => `${l.start}:${l.end}`));
    const hit = new Set<string>();
    for (const p of pred) {
      const k = `${p.start}:${p.end}`;
      if (gold.has(k)) { tp++; hit.add(k); } else { fp++; fps.push(`${p.text} [${ctx(d.text, p.start, p.end)}]`); }
    }
    for (const l of d.locs) if (!hit.has(`${l.start}:${l.end}`)) { fn++; fns.push(`${l.text} [${ctx(d.text, l.start, l.end)}]`); }
  }
  return { ...score(tp, fp, fn), tp, fp, fn, idErrors: [], falsePositives: fps, falseNegatives: fns, articles: test.length, ms: Date.now() - t0 };
}

function ctx(text: string, s: number, e: number): string {
  return (text.slice(Math.max(0, s - 30), s) + '[[' + text.slice(s, e) + ']]' + text.slice(e, e + 30)).replace(/\n/g, ' / ');
}

// Only when run as a script itself (not when bundled into dist/eval.js).
if (require.main === module && /eval-places\.[tj]s$/.test(process.argv[1] ?? "")) {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const shared = resolve(args[0] ?? join(__dirname, '..', '..', '..', '..', 'shared'));
  const corpus = resolve(args[1] ?? join(__dirname, '..', '..', '..', 'samples', 'corpus'));
  const verbose = process.argv.includes('-v') && !process.argv.includes('--testb'); // never print testb errors
  const LIMIT = Number(process.env.LIMIT ?? 80);
  const rows: Array<[string, PlaceScore]> = [['seeds-places', evalSeedsPlaces(shared, corpus)], ['conll2002 testa LOC', evalConll(shared, 'testa')]];
  if (process.argv.includes('--train')) rows.push(['conll2002 train LOC', evalConll(shared, 'train')]);
  if (process.argv.includes('--testb')) rows.push(['conll2002 testb LOC', evalConll(shared, 'testb')]);
  console.log('set                    P      R      F1     tp   fp   fn   ms');
  for (const [name, s] of rows) {
    console.log(`${name.padEnd(22)} ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${s.f1.toFixed(3)}  ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${s.ms}`);
    if (verbose) {
      if (s.idErrors.length) console.log('  id errors:', s.idErrors.join(' | '));
      console.log('  FP:', s.falsePositives.slice(0, LIMIT).join('\n      '));
      console.log('  FN:', s.falseNegatives.slice(0, LIMIT).join('\n      '));
    }
  }
}
