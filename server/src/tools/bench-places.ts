// Place recognition speed: lexicon load, learning facts, recognizePlaces MB/s, completion latency.
// Run: npx tsx server/src/tools/bench-places.ts [jsonl]   (default: the DPG Media 2019 benchmark corpus)

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PlaceLexicon, learnPlaceFacts, recognizePlaces } from '../dutch/places';

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const file = resolve(process.argv[2] ?? join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'dpgmedia2019', 'dpgMedia2019-articles-byarticle-all.jsonl'));
const texts = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l).text ?? '') as string);
const mb = texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1e6;

let t0 = process.hrtime.bigint();
const lc0 = process.cpuUsage();
const lex = PlaceLexicon.load();
const loadMs = ms(t0);
const loadCpu = process.cpuUsage(lc0);
t0 = process.hrtime.bigint();
const facts = texts.flatMap((t) => learnPlaceFacts(t));
lex.addLearned(facts);
const learnMs = ms(t0);
const runs: number[] = [];
const cpuRuns: number[] = [];
let mentions = 0;
const nRuns = Number(process.env.RUNS ?? 5);
for (let r = 0; r < nRuns; r++) {
  t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  mentions = 0;
  for (const t of texts) mentions += recognizePlaces(t, lex).length;
  runs.push(ms(t0));
  const c = process.cpuUsage(c0);
  cpuRuns.push((c.user + c.system) / 1000);
}
runs.sort((a, b) => a - b);
cpuRuns.sort((a, b) => a - b);
const med = runs[runs.length >> 1];
t0 = process.hrtime.bigint();
lex.complete('K', 10);
const firstComplete = ms(t0);
const prefixes = ['Koers', 'Kursk', 'Soe', 'Soedz', 'Kharkiv', 'Char', 'Zaporizh', 'Amst', 'Brus', 'Antw', 'Loeh', 'Luh', 'Kyi', 'Odes', 'Ei'];
const cs: number[] = [];
for (let r = 0; r < 20; r++) for (const p of prefixes) { t0 = process.hrtime.bigint(); lex.complete(p, 10); cs.push(ms(t0)); }
cs.sort((a, b) => a - b);
console.log(`corpus       ${texts.length} articles, ${mb.toFixed(2)} MB`);
console.log(`load         ${loadMs.toFixed(0)} ms wall, ${((loadCpu.user + loadCpu.system) / 1000).toFixed(0)} ms CPU (PlaceLexicon.load, first call: includes evaluating the bundled gazetteer)`);
console.log(`learn        ${learnMs.toFixed(0)} ms (learnPlaceFacts over the corpus + addLearned)`);
console.log(`recognize    median ${med.toFixed(0)} ms → ${(mb / (med / 1000)).toFixed(2)} MB/s wall (best ${(mb / (runs[0] / 1000)).toFixed(2)}); CPU time ${(mb / (cpuRuns[cpuRuns.length >> 1] / 1000)).toFixed(2)} MB/s; ${mentions} mentions`);
console.log(`complete     first ${firstComplete.toFixed(0)} ms (builds index), then median ${cs[cs.length >> 1].toFixed(3)} ms, p95 ${cs[Math.floor(cs.length * 0.95)].toFixed(3)} ms`);
