// What the benchmark's parts share: statistics, the large corpora, the draft and the latency
// measurement of a language server at the client, and a process's memory.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LspClient } from './lsp-client';
import { ROOT } from './lsp-client';

export const SHARED = process.env.BRONVAST_SHARED ?? path.resolve(ROOT, '..', 'shared');
export const DPG = path.join(SHARED, 'data', 'dpgmedia2019', 'dpgMedia2019-articles-byarticle-all.jsonl');

export function stats(xs: number[]) {
  const s = xs.slice().sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return { median: q(0.5), p99: q(0.99), min: s[0], max: s[s.length - 1], n: s.length };
}
export const fmt = (x: number, d = 1) => x.toFixed(d);

export function sizeOf(p: string): number {
  const st = fs.statSync(p);
  if (st.isFile()) return st.size;
  return fs.readdirSync(p).reduce((n, f) => n + sizeOf(path.join(p, f)), 0);
}

/**
 * ~30,000 articles: the benchmark corpus repeated with new ids, in files of 1,000 records (as an
 * archive export would be split). Each copy's title gets its copy number, so every article has its
 * own content hash: no cache or de-duplication can profit from the repetition.
 */
/**
 * ~30,000 articles in files of 1,000 JSONL records. Distinct (the default): each article is
 * sentences of dpgmedia2019 drawn at random (as many as a random source article has), so no two
 * articles share a text and no cache or memo can profit from repetition. Repeated (--repeated):
 * the benchmark corpus copied with new ids and titles, as earlier rounds measured.
 */
export function makeBigCorpus(target: number, distinct: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-big-'));
  const lines = fs.readFileSync(DPG, 'utf8').split('\n').filter((l) => l.trim());
  const records = lines.map((l) => JSON.parse(l) as { id: unknown; title?: string; text?: string; published_at?: string });
  const withText = records.filter((r) => typeof r.text === 'string' && r.text.trim());
  const sentencesOf = (t: string) => t.split(/(?<=[.!?])\s+(?=[A-Z"“‘(0-9])/u).filter((x) => x.trim());
  const perArticle = withText.map((r) => sentencesOf(r.text!).length);
  const pool = withText.flatMap((r) => sentencesOf(r.text!));
  // A small seeded generator (mulberry32): the same corpus on every run.
  let seed = 2019;
  const random = () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  let chunk: string[] = [];
  let file = 0;
  const flush = () => { fs.writeFileSync(path.join(dir, `big-${String(file++).padStart(3, '0')}.jsonl`), chunk.join('\n') + '\n'); chunk = []; };
  for (let i = 0; i < target; i++) {
    if (distinct) {
      const n = Math.max(1, pick(perArticle));
      const body: string[] = [];
      for (let k = 0; k < n; k++) body.push(pick(pool));
      // Paragraphs of three sentences, as news is written.
      const paras: string[] = [];
      for (let k = 0; k < body.length; k += 3) paras.push(body.slice(k, k + 3).join(' '));
      const src = pick(withText);
      chunk.push(JSON.stringify({ id: `d${i}`, title: body[0].split(/\s+/).slice(0, 8).join(' '), published_at: src.published_at, text: paras.join('\n\n') }));
    } else {
      const rec = JSON.parse(lines[i % lines.length]);
      const copy = Math.floor(i / lines.length);
      rec.id = `${rec.id}-r${copy}`;
      if (copy > 0) rec.title = `${rec.title ?? ''} (${copy})`;
      chunk.push(JSON.stringify(rec));
    }
    if (chunk.length === 1000) flush();
  }
  if (chunk.length) flush();
  return dir;
}

export /** RSS and peak RSS (VmHWM) of a process in MB, from /proc (Linux); NaN elsewhere. */
function serverMemory(pid: number | undefined): { rss: number; hwm: number } {
  try {
    const st = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(st)?.[1] ?? NaN) / 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch { return { rss: NaN, hwm: NaN }; }
}

/** A ~1,000-word draft built from the sample corpus's kind of sentences. */
export function benchDraft(): string {
  const para = "Het Oekraïense leger veroverde in augustus zo'n 1300 vierkante kilometer in de regio Koersk, rond het stadje Soedzja. Volgens de VS vechten er zo'n 11.000 Noord-Koreanen aan Russische zijde. In Pokrovsk woonden voor de oorlog 60.000 mensen.";
  const words = para.split(/\s+/).length;
  return Array.from({ length: Math.ceil(1000 / words) }, () => para).join('\n\n');
}

/** Hover, completion and diagnostics latency at the client, over `n` requests on the bench draft. */
export async function measureLatency(client: LspClient, uri: string, text: string, n: number, pauseMs = 0) {
  const pause = () => (pauseMs ? new Promise((r) => setTimeout(r, pauseMs)) : Promise.resolve());
  const lines = text.split('\n');
  const hoverPos = { line: 0, character: lines[0].indexOf('Soedzja') + 2 };
  const hov: number[] = [], comp: number[] = [], diag: number[] = [];
  for (let i = 0; i < n; i++) {
    let t = process.hrtime.bigint();
    await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: (i % 5) * 2, character: hoverPos.character } });
    hov.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: (i % 5) * 2, character: lines[0].indexOf('Koersk') + 3 } });
    comp.push(Number(process.hrtime.bigint() - t) / 1e6);
    await pause();
  }
  // Diagnostics after an edit: time from the edit to publishDiagnostics, minus the debounce.
  const debounce = 300;
  for (let i = 0; i < Math.min(20, n); i++) {
    const edited = text.replace('zo\'n 1300', `zo'n ${1300 + i + 1}`);
    client.diagnostics.delete(uri);
    const t = process.hrtime.bigint();
    client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 100 + i }, contentChanges: [{ text: edited }] });
    await client.waitForDiagnostics(uri, () => true, 60000);
    diag.push(Number(process.hrtime.bigint() - t) / 1e6 - debounce);
    await pause();
  }
  return { h: stats(hov), c: stats(comp), d: stats(diag), debounce, hov, comp, diag };
}
