// `npm run bench`: speed and memory, as medians over repeated runs (these machines are shared and
// noisy). Every indexing run is a fresh child process so that cold, warm and peak memory are real.
//
//   node dist/bench.js [--quick] [--runs N] [--big-articles N] [--repeated] [--one-file-mb N] [--skip-big] [--skip-one-file] [--skip-lsp] [--skip-frog] [--no-snapshot]
//   node dist/bench.js --lsp-only <corpus folder> [--quick]     (the LSP step alone)
//   node dist/bench.js --store-only [--scales 1,20,60] [--servers 20] [--quick]   (the shared index alone; also --skip-store)

import { spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Archive } from '../archive';
import { extractFigures } from '../dutch/figures';
import { learnPlaceFacts, planLearned, recognizePlaces } from '../dutch/places';
import { analyzeText } from '../facts/analyze';
import { computeFacts } from '../facts/index';
import { buildLexicon, decodeAnalysis, encodeAnalysis, encodeFacts } from '../corpus/worker';
import { ROOT, makeWorkspace, startClient, type LspClient } from './lsp-client';
import { tuneV8 } from '../core/runtime';
import { benchDraft, DPG, fmt, makeBigCorpus, measureLatency, serverMemory, SHARED, sizeOf, stats } from './bench-common';
import { childStoreIndex, storeBench } from './bench-store';


const argv = process.argv.slice(2);
const flag = (f: string) => argv.includes(f);
const opt = (f: string, d: number) => { const i = argv.indexOf(f); return i >= 0 ? Number(argv[i + 1]) : d; };

/** Child mode: index a corpus once and report time and peak memory. */
async function child(): Promise<void> {
  const [, corpus, cache] = argv;
  const t0 = process.hrtime.bigint();
  const archive = new Archive({ paths: [corpus], baseDir: process.cwd(), cacheDir: cache === '-' ? null : cache });
  const r = await archive.build();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  global.gc?.();
  const steady = process.memoryUsage().rss;
  process.stdout.write(JSON.stringify({ ms, articles: r.articles, figures: r.figures, places: r.places, analysed: r.analysed, fromCache: r.fromCache, recognised: r.recognised, maxRssKB: process.resourceUsage().maxRSS, steadyRss: steady, phases: r.phases }) + '\n');
}

function runChild(corpus: string, cache: string | null) {
  const res = spawnSync(process.execPath, ['--expose-gc', __filename, '--child', corpus, cache ?? '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (res.status !== 0) throw new Error(`index run failed: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').pop()!) as { ms: number; articles: number; figures: number; places: number; analysed: number; fromCache: number; recognised: number; maxRssKB: number; steadyRss: number; phases?: { read: number; pass1: number; learn: number; pass2: number; index: number } };
}

/** Child mode: build (warm), then time update() for an edit that teaches no new name and one that does. */
async function childUpdate(): Promise<void> {
  const [, corpus, cache] = argv;
  const archive = new Archive({ paths: [corpus], baseDir: process.cwd(), cacheDir: cache });
  await archive.build();
  const file = path.join(corpus, fs.readdirSync(corpus).filter((f) => f.endsWith('.jsonl')).sort()[0]);
  const original = fs.readFileSync(file, 'utf8');
  const out: Record<string, unknown> = {};
  try {
    const add = (rec: object) => fs.appendFileSync(file, JSON.stringify(rec) + '\n');
    // An article about known places: the learned lexicon stays as it is.
    add({ id: 'bench-1', title: 'Bench: stroomstoring', date: '2025-01-10', text: 'In Amsterdam en Utrecht zaten dinsdagavond ruim 20.000 huishoudens zonder stroom. Volgens netbeheerder Liander was een kapotte kabel de oorzaak.' });
    let t0 = process.hrtime.bigint();
    let r = await archive.update([{ file, type: 'changed' }]);
    out.same = { ms: Number(process.hrtime.bigint() - t0) / 1e6, mode: r.mode, recognised: r.recognised, analysed: r.analysed };
    // An article that teaches a new place name ("het dorpje ..."): the lexicon changes.
    add({ id: 'bench-2', title: 'Bench: nieuw dorp', date: '2025-01-11', text: 'Het dorpje Vriezekolk-Oost in de provincie Drenthe krijgt een nieuwe school. Ruim 80 kinderen uit Vriezekolk-Oost gaan nu nog naar Assen.' });
    t0 = process.hrtime.bigint();
    r = await archive.update([{ file, type: 'changed' }]);
    out.learned = { ms: Number(process.hrtime.bigint() - t0) / 1e6, mode: r.mode, recognised: r.recognised, analysed: r.analysed };
  } finally {
    fs.writeFileSync(file, original);
  }
  out.maxRssKB = process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify(out) + '\n');
}

function updateBench(corpus: string, runs: number) {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-bcache-'));
  runChild(corpus, cache); // fill the caches
  type U = { ms: number; mode: string; recognised: number; analysed: number };
  const res: { same: U; learned: U }[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--expose-gc', __filename, '--child-update', corpus, cache], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`update run failed: ${r.stderr}`);
    res.push(JSON.parse(r.stdout.trim().split('\n').pop()!));
  }
  fs.rmSync(cache, { recursive: true, force: true });
  const show = (label: string, xs: U[]) => {
    const s = stats(xs.map((x) => x.ms));
    console.log(`${label} median ${fmt(s.median, 0)} ms (min ${fmt(s.min, 0)}, max ${fmt(s.max, 0)}; n=${s.n}); ${xs[0].mode}, ${xs[0].recognised} articles recognised again`);
  };
  console.log('### Incremental update: one file of 1,000 articles gets one more article');
  show('same names   ', res.map((r) => r.same));
  show('new name     ', res.map((r) => r.learned));
  console.log('');
}

function indexBench(label: string, corpus: string, runs: number) {
  const mb = sizeOf(corpus) / 1e6;
  const cold: ReturnType<typeof runChild>[] = [];
  for (let i = 0; i < runs; i++) {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-bcache-'));
    cold.push(runChild(corpus, cache));
    if (i === runs - 1) {
      const warm: ReturnType<typeof runChild>[] = [];
      for (let j = 0; j < runs; j++) warm.push(runChild(corpus, cache));
      const c = stats(cold.map((r) => r.ms)), w = stats(warm.map((r) => r.ms));
      const arts = cold[0].articles;
      console.log(`### ${label}: ${arts} articles, ${fmt(mb)} MB`);
      console.log(`cold index   median ${fmt(c.median / 1000, 2)} s (min ${fmt(c.min / 1000, 2)}, max ${fmt(c.max / 1000, 2)}; n=${c.n})  → ${fmt(mb / (c.median / 1000), 2)} MB/s, ${fmt(arts / (c.median / 1000), 0)} articles/s`);
      console.log(`warm start   median ${fmt(w.median / 1000, 2)} s (min ${fmt(w.min / 1000, 2)}, max ${fmt(w.max / 1000, 2)}; n=${w.n})  → ${fmt(c.median / w.median, 1)}× faster than cold (from cache: ${warm[0].fromCache}, recognised again: ${warm[0].recognised})`);
      const peak = Math.max(...cold.map((r) => r.maxRssKB)) / 1024;
      const steady = stats(warm.map((r) => r.steadyRss / 1e6)).median;
      console.log(`memory       peak RSS while indexing ${fmt(peak, 0)} MB (maxRSS of the process, worker threads included); after indexing ${fmt(steady, 0)} MB`);
      // Where the wall time of the median cold run went (phase ends → durations).
      const mid = cold.slice().sort((a, b) => a.ms - b.ms)[Math.floor((cold.length - 1) / 2)];
      const ph = (r: typeof mid) => r.phases ? `read ${fmt(r.phases.read / 1000, 2)} s, pass 1 ${fmt((r.phases.pass1 - r.phases.read) / 1000, 2)} s, learning ${fmt((r.phases.learn - r.phases.pass1) / 1000, 2)} s, pass 2 ${fmt((r.phases.pass2 - r.phases.learn) / 1000, 2)} s, index ${fmt((r.phases.index - r.phases.pass2) / 1000, 2)} s` : 'n/a';
      console.log(`phases       cold: ${ph(mid)}; warm: ${ph(warm[0])}`);
      console.log(`index        ${cold[0].places} places, ${cold[0].figures} figures\n`);
      fs.rmSync(cache, { recursive: true, force: true });
    } else {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  }
}

/**
 * The same text as one .txt file and as one file per article (a year exported as one file is a
 * real case): time and memory must grow with the text, the same in both shapes.
 */
function oneFileBench(texts: string[], mb: number, runs: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-onefile-'));
  const one = path.join(dir, 'one');
  const many = path.join(dir, 'many');
  fs.mkdirSync(one);
  fs.mkdirSync(many);
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < mb * 1e6; i++) {
    const t = texts[i % texts.length];
    if (!t) continue;
    parts.push(t);
    bytes += Buffer.byteLength(t) + 2;
    fs.writeFileSync(path.join(many, `${String(parts.length).padStart(6, '0')}.txt`), t);
  }
  fs.writeFileSync(path.join(one, 'year.txt'), parts.join('\n\n'));
  const run = (corpus: string) => Array.from({ length: runs }, () => runChild(corpus, null));
  const a = run(one), b = run(many);
  const line = (label: string, xs: ReturnType<typeof runChild>[]) => {
    const s = stats(xs.map((r) => r.ms));
    return `${label} median ${fmt(s.median / 1000, 2)} s → ${fmt(mb / (s.median / 1000), 2)} MB/s, peak RSS ${fmt(Math.max(...xs.map((r) => r.maxRssKB)) / 1024, 0)} MB`;
  };
  console.log(`### The same ${fmt(bytes / 1e6)} MB as one .txt file and as ${parts.length} files (cold, no cache; n=${runs})`);
  console.log(line('one file    ', a));
  console.log(line('many files  ', b));
  console.log(`ratio        one file / many files ${fmt(stats(a.map((r) => r.ms)).median / stats(b.map((r) => r.ms)).median, 2)}\n`);
  fs.rmSync(dir, { recursive: true, force: true });
}

function extractorBench(texts: string[], runs: number) {
  const all = texts.join('\n\n');
  const mb = Buffer.byteLength(all) / 1e6;
  // The lexicon these texts teach (as the archive would build it), for places and for pass 2.
  const lex = buildLexicon({ plan: planLearned(texts.flatMap((t) => learnPlaceFacts(t))), houseSpellings: {} });
  const time = (f: () => void) => { const t0 = process.hrtime.bigint(); f(); return Number(process.hrtime.bigint() - t0) / 1e6; };
  const fig = stats(Array.from({ length: runs }, () => time(() => { for (const t of texts) extractFigures(t); })));
  const pl = stats(Array.from({ length: runs }, () => time(() => { for (const t of texts) recognizePlaces(t, lex); })));
  console.log(`### Extractors alone, and each indexing pass on one thread (${fmt(mb)} MB of Dutch news text)`);
  console.log(`figures      median ${fmt(fig.median, 0)} ms → ${fmt(mb / (fig.median / 1000), 2)} MB/s (min ${fmt(fig.min, 0)}, max ${fmt(fig.max, 0)} ms)`);
  console.log(`places       median ${fmt(pl.median, 0)} ms → ${fmt(mb / (pl.median / 1000), 2)} MB/s (min ${fmt(pl.min, 0)}, max ${fmt(pl.max, 0)} ms)`);
  // The work of indexing itself, per pass, on this thread (CPU time: less sensitive to the
  // neighbours than wall time): what 2 cores could do at best, without any of the harness.
  const cpu = (f: () => void) => { const a = process.cpuUsage(); f(); const b = process.cpuUsage(a); return (b.user + b.system) / 1000; };
  let encoded: Buffer[] = [];
  const p1 = stats(Array.from({ length: runs }, () => cpu(() => { encoded = texts.map((t) => encodeAnalysis(analyzeText(t, null))); })));
  const p2 = stats(Array.from({ length: runs }, () => cpu(() => { texts.forEach((t, i) => encodeFacts(computeFacts(t, true, decodeAnalysis(encoded[i]), lex))); })));
  console.log(`pass 1       median ${fmt(p1.median, 0)} ms CPU (min ${fmt(p1.min, 0)}) → ${fmt(mb / (p1.median / 1000), 2)} MB/s per core: figures, time, place facts, encoded`);
  console.log(`pass 2       median ${fmt(p2.median, 0)} ms CPU (min ${fmt(p2.min, 0)}) → ${fmt(mb / (p2.median / 1000), 2)} MB/s per core: decode, places, claims, encoded`);
  console.log(`both         ${fmt(mb / ((p1.median + p2.median) / 1000), 2)} MB/s per core → at best ${fmt(2 * mb / ((p1.median + p2.median) / 1000), 2)} MB/s on 2 cores with no other work`);
  return { placesMBs: mb / (pl.median / 1000) };
}

function frogBench(texts: string[], placesMBs: number) {
  let frog: string;
  try { frog = execFileSync('sh', ['-c', 'command -v frog'], { encoding: 'utf8' }).trim(); } catch { frog = ''; }
  if (!frog) { console.log('frog        not installed: ratio skipped (apt-get install frog)\n'); return; }
  // Frog is slow: a sample of the same text, NER only (--skip=mpcla), timed as a whole command.
  const sample = texts.slice(0, 40).join('\n\n');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-frog-'));
  const file = path.join(dir, 'sample.txt');
  fs.writeFileSync(file, sample);
  const mb = Buffer.byteLength(sample) / 1e6;
  const t0 = Date.now();
  const r = spawnSync(frog, ['-t', file, '--skip=mpcla', '-o', path.join(dir, 'sample.out')], { encoding: 'utf8', timeout: 600000 });
  const s = (Date.now() - t0) / 1000;
  fs.rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) { console.log(`frog        failed (${r.status}): ${r.stderr?.slice(0, 200)}\n`); return; }
  const frogMBs = mb / s;
  console.log(`frog NER     ${fmt(s, 1)} s for ${fmt(mb * 1000, 0)} kB → ${fmt(frogMBs, 4)} MB/s (incl. start-up); Bronvast places ${fmt(placesMBs / frogMBs, 0)}× faster\n`);
}

async function lspBench(corpusDir: string | null, label: string, n: number) {
  const ws = makeWorkspace(corpusDir ?? undefined);
  // (A cache of the bench's own: a second server on it starts warm, as on a journalist's next day.)
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-bench-cache-'));
  const client = await startClient(ws, {}, 'nl', { cacheDir });
  // Keep the server's stderr (and say how it ended) so that a crash is explained, not just an EPIPE.
  let stderrTail = '';
  client.proc.stderr?.on('data', (d: Buffer) => { stderrTail = (stderrTail + d.toString()).slice(-4000); });
  let exited = false;
  client.proc.on('exit', (code, signal) => { exited = true; if (code || (signal && signal !== 'SIGTERM')) console.error(`server exited (${code ?? signal}): ${stderrTail}`); });
  // A write to a server that died must not kill the bench before the exit reason is printed.
  client.proc.stdin?.on('error', (e) => { if (!exited) console.error(`server stdin: ${e.message}`); });
  const t0 = Date.now();
  await client.waitForReady(600000);
  const indexMs = Date.now() - t0;
  const text = benchDraft();
  const uri = client.open('bench.kopij', text);
  await client.waitForDiagnostics(uri, () => true, 60000);
  const hoverPos = { line: 0, character: text.split('\n')[0].indexOf('Soedzja') + 2 };
  const { h, c, d, debounce } = await measureLatency(client, uri, text, n);
  // (After a quiet moment: a server compacts its heap once no request came for 2 s after an index run.)
  // Waits for its log line (up to 20 s: none when the heap has not grown since the last one), then
  // for V8 to hand the freed pages back.
  const quiet = async (server: LspClient) => {
    const seen = server.logs.length;
    const t0 = Date.now();
    while (Date.now() - t0 < 20000 && !server.logs.slice(seen).some((l) => /compacted|opgeruimd/.test(l))) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500));
  };
  const busyMem = serverMemory(client.proc.pid);
  await quiet(client);
  const mem = serverMemory(client.proc.pid);
  // Requests while the server indexes: a full re-index (as after a settings change) and an
  // incremental update (a corpus file changed), hovering every 20 ms until the index is ready.
  const during = async (start: () => void) => {
    const readyBefore = client.statuses.filter((st) => st.state === 'ready').length;
    const lat: number[] = [];
    const t0 = Date.now();
    start();
    while (client.statuses.filter((st) => st.state === 'ready').length === readyBefore && Date.now() - t0 < 600000) {
      const t = process.hrtime.bigint();
      await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: hoverPos.character } });
      lat.push(Number(process.hrtime.bigint() - t) / 1e6);
      await new Promise((r) => setTimeout(r, 20));
    }
    return { s: stats(lat.length ? lat : [0]), ms: Date.now() - t0 };
  };
  const full = await during(() => { void client.conn.sendRequest('bronvast/reindex'); });
  const corpusFiles = fs.readdirSync(path.join(ws, 'corpus')).sort();
  const changed = path.join(ws, 'corpus', corpusFiles[0]);
  const inc = await during(() => {
    if (changed.endsWith('.jsonl')) fs.appendFileSync(changed, JSON.stringify({ id: 'bench-lsp', title: 'Bench', text: 'In Utrecht kwamen ruim 2.000 mensen naar de markt.' }) + '\n');
    else fs.appendFileSync(changed, '\n\nIn Utrecht kwamen ruim 2.000 mensen naar de markt.\n');
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(changed).href, type: 2 }] });
  });
  console.log(`### LSP latency at the client over stdio: ${label} (index ready in ${fmt(indexMs / 1000, 1)} s)`);
  console.log(`hover        median ${fmt(h.median, 2)} ms, p99 ${fmt(h.p99, 2)} ms (n=${h.n})`);
  console.log(`completion   median ${fmt(c.median, 2)} ms, p99 ${fmt(c.p99, 2)} ms (n=${c.n})`);
  console.log(`diagnostics  median ${fmt(d.median, 1)} ms, p99 ${fmt(d.p99, 1)} ms after the ${debounce} ms debounce, ~1,000-word draft (n=${d.n})`);
  console.log(`during index hover median ${fmt(full.s.median, 1)} ms, max ${fmt(full.s.max, 1)} ms while re-indexing from the cache (${fmt(full.ms / 1000, 1)} s, n=${full.s.n}); median ${fmt(inc.s.median, 1)} ms, max ${fmt(inc.s.max, 1)} ms during an incremental update (${fmt(inc.ms / 1000, 1)} s, n=${inc.s.n})`);
  await quiet(client);
  const after = serverMemory(client.proc.pid);
  // The server's own account of each index run (analysed, from cache, recognised, mode, ms).
  for (const l of client.logs.filter((m) => /analysed|cache|failed|compacted|opgeruimd/i.test(m)).slice(-8)) console.log(`server log   ${l.slice(0, 300)}`);
  console.log(`server memory RSS ${fmt(mem.rss, 0)} MB with the index loaded (${fmt(busyMem.rss, 0)} MB before a quiet moment) (peak ${fmt(mem.hwm, 0)} MB while indexing); ${fmt(after.rss, 0)} MB after the re-index and update (peak ${fmt(after.hwm, 0)} MB)\n`);
  await client.stop({ keepWorkspace: true });
  // A warm start: a new server on the same files and cache.
  const t1 = Date.now();
  const warm = await startClient(ws, {}, 'nl', { cacheDir });
  await warm.waitForReady(600000);
  const warmMs = Date.now() - t1;
  await quiet(warm);
  const warmMem = serverMemory(warm.proc.pid);
  console.log(`warm start   a second server on the same cache: ready in ${fmt(warmMs / 1000, 1)} s, RSS ${fmt(warmMem.rss, 0)} MB after a quiet moment (peak ${fmt(warmMem.hwm, 0)} MB)\n`);
  await warm.stop();
  fs.rmSync(cacheDir, { recursive: true, force: true });
}

/**
 * Run the benchmark from a private copy of dist/ (and the sample corpus): others may rebuild dist/
 * while it runs, which would mix builds between runs and invalidate the caches (they are keyed by
 * a hash of the bundled analysis code).
 */
function runFromSnapshot(): number {
  const snap = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-bench-'));
  try {
    fs.cpSync(path.join(ROOT, 'dist'), path.join(snap, 'dist'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'samples', 'corpus'), path.join(snap, 'samples', 'corpus'), { recursive: true });
    fs.writeFileSync(path.join(snap, 'package.json'), '{"private": true}\n');
    const r = spawnSync(process.execPath, [path.join(snap, 'dist', 'bench.js'), ...argv], {
      stdio: 'inherit', env: { ...process.env, BRONVAST_BENCH_SNAPSHOT: snap, BRONVAST_SHARED: SHARED },
    });
    return r.status ?? 1;
  } finally {
    fs.rmSync(snap, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (flag('--child')) return child();
  if (flag('--child-update')) return childUpdate();
  if (flag('--child-store')) return childStoreIndex(argv[1], argv[2], argv[3]);
  if (argv.includes('--lsp-only')) {
    // Only the LSP measurements, on a corpus folder (e.g. a large corpus made earlier).
    const dir = argv[argv.indexOf('--lsp-only') + 1];
    return lspBench(path.resolve(dir), dir, flag('--quick') ? 50 : 300);
  }
  if (!process.env.BRONVAST_BENCH_SNAPSHOT && !flag('--no-snapshot')) { process.exitCode = runFromSnapshot(); return; }
  const quick = flag('--quick');
  const runs = opt('--runs', quick ? 1 : 3);
  const scales = (argv.includes('--scales') ? argv[argv.indexOf('--scales') + 1] : quick ? '1' : '1,20,60').split(',').map(Number);
  const store = () => storeBench(__filename, { scales, servers: opt('--servers', quick ? 4 : 20), n: quick ? 50 : 300, dpgArticles: 1438 });
  if (flag('--store-only')) { await store(); return; }
  console.log(`# Bronvast benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, node ${process.version}, ${new Date().toISOString()}\n`);
  indexBench('sample corpus', path.join(ROOT, 'samples', 'corpus'), runs);
  if (!fs.existsSync(DPG)) {
    console.log(`benchmark corpus not found at ${DPG} (set BRONVAST_SHARED): the rest is skipped.`);
    await lspBench(null, 'sample corpus', quick ? 50 : 300);
    return;
  }
  indexBench('dpgmedia2019 (JSONL as is)', DPG, runs);
  const texts = fs.readFileSync(DPG, 'utf8').split('\n').filter((l) => l.trim()).map((l) => { try { return String(JSON.parse(l).text ?? ''); } catch { return ''; } });
  const { placesMBs } = extractorBench(texts, quick ? 1 : 5);
  if (!flag('--skip-one-file')) oneFileBench(texts, opt('--one-file-mb', quick ? 5 : 10), quick ? 1 : runs);
  if (!flag('--skip-frog')) frogBench(texts, placesMBs);
  await lspBench(null, 'sample corpus', quick ? 50 : 300);
  let big: string | null = null;
  if (!flag('--skip-big')) {
    const repeated = flag('--repeated');
    big = makeBigCorpus(opt('--big-articles', 30000), !repeated);
    // (As many runs as the rest: with two, the "median" would be the slower run.)
    indexBench(repeated ? 'large corpus (benchmark repeated, new ids and titles, 30 files)' : 'large corpus (distinct articles: dpgmedia2019 sentences drawn at random, 30 files)', big, quick ? 1 : runs);
    updateBench(big, quick ? 1 : 3);
  }
  if (!flag('--skip-lsp')) await lspBench(big ?? path.dirname(DPG), big ? 'large corpus' : 'dpgmedia2019', quick ? 50 : 300);
  if (big) fs.rmSync(big, { recursive: true, force: true });
  if (!flag('--skip-store')) await store();
}

// A request to a server that died rejects; say so instead of dying of an unhandled rejection.
process.on('unhandledRejection', (e) => { console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`); process.exitCode = 1; });
// (The children that index are set up as the command line and the server are; see core/runtime.ts.)
tuneV8();
main().catch((e) => { console.error(e); process.exitCode = 1; });
