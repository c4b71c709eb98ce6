// Figure and time extraction speed on a news corpus: MB/s (wall and CPU time, median of RUNS runs).
// Build and run (tsx halves the speed, so bundle):
//   npx esbuild server/src/tools/bench-figures.ts --bundle --platform=node --outfile=/tmp/bench-figures.js && node /tmp/bench-figures.js [jsonl]
// Default corpus (run from the repo root): ../shared/data/dpgmedia2019, the DPG Media 2019 articles (field `text`, date from `published_at`).

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractFigures } from '../dutch/figures';
import { extractTimeExpressions } from '../dutch/time';

const file = resolve(process.argv[2] ?? join(process.cwd(), '..', 'shared', 'data', 'dpgmedia2019', 'dpgMedia2019-articles-byarticle-all.jsonl'));
const docs = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => {
  const d = JSON.parse(l);
  return { text: (d.text ?? '') as string, date: d.published_at ? String(d.published_at).slice(0, 10) : null };
});
const mb = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0) / 1e6;
const nRuns = Number(process.env.RUNS ?? 5);
const only = process.env.ONLY;

function measure(name: string, fn: () => number): void {
  if (only && only !== name) return;
  const wall: number[] = [], cpu: number[] = [];
  let n = 0;
  for (let r = 0; r < nRuns; r++) {
    const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
    n = fn();
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  wall.sort((a, b) => a - b); cpu.sort((a, b) => a - b);
  const w = wall[wall.length >> 1], c = cpu[cpu.length >> 1];
  console.log(`${name.padEnd(10)} median ${w.toFixed(0)} ms → ${(mb / (w / 1000)).toFixed(2)} MB/s wall (best ${(mb / (wall[0] / 1000)).toFixed(2)}); CPU ${c.toFixed(0)} ms → ${(mb / (c / 1000)).toFixed(2)} MB/s (best ${(mb / (cpu[0] / 1000)).toFixed(2)}); ${n} results`);
}

console.log(`corpus     ${docs.length} articles, ${mb.toFixed(2)} MB, ${nRuns} runs`);
measure('figures', () => { let n = 0; for (const d of docs) n += extractFigures(d.text, { referenceDate: d.date }).length; return n; });
measure('times', () => { let n = 0; for (const d of docs) n += extractTimeExpressions(d.text, d.date).length; return n; });
measure('analyze', () => {
  // what facts/analyze.ts does per article (without places): time expressions, then figures given them
  let n = 0;
  for (const d of docs) {
    const times = extractTimeExpressions(d.text, d.date);
    n += times.length + extractFigures(d.text, { referenceDate: d.date, timeExpressions: times }).length;
  }
  return n;
});
