// The benchmark of the shared index (`npm run bench -- --store-only`, or part of the whole bench):
// for archives of distinct articles at 1×, 20× and 60× dpgmedia2019 (3, 66 and 200 MB), on a
// throwaway PostgreSQL 15 cluster of its own:
//   - indexing into the store, cold (no cache), and again after one file gained one article;
//   - a language server on the store: ready time, RSS, hover / completion / diagnostics latency;
//   - how long an index run takes to reach a running editor (NOTIFY → new generation);
//   - 20 language servers on the one database at once: their latencies together, their RSS.

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Archive } from '../archive';
import { PgStore } from '../store/pg';
import { benchDraft, fmt, makeBigCorpus, measureLatency, serverMemory, sizeOf, stats } from './bench-common';
import { startClient, type LspClient } from './lsp-client';
import { newDatabase, sql, startCluster } from './pg-cluster';

/** Child mode (`--child-store <corpus> <url> <cache>`): index into the store once; time and peak memory. */
export async function childStoreIndex(corpus: string, url: string, cache: string): Promise<void> {
  const t0 = Date.now();
  const archive = new Archive({ paths: [corpus], baseDir: process.cwd(), cacheDir: cache === '-' ? null : cache });
  const r = await archive.build();
  const built = Date.now() - t0;
  const store = await PgStore.open(url, 'write');
  const w = await store.write(archive);
  await store.close();
  process.stdout.write(JSON.stringify({ ms: Date.now() - t0, built, write: w.ms, written: w.written, articles: r.articles, maxRssKB: process.resourceUsage().maxRSS }) + '\n');
}

function indexIntoStore(script: string, corpus: string, url: string, cache: string | null) {
  const res = spawnSync(process.execPath, ['--expose-gc', script, '--child-store', corpus, url, cache ?? '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (res.status !== 0) throw new Error(`index --store failed: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').pop()!) as { ms: number; built: number; write: number; written: number; articles: number; maxRssKB: number };
}

async function serverOn(url: string): Promise<{ client: LspClient; readyMs: number; ws: string }> {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-storews-'));
  const t0 = Date.now();
  const client = await startClient(ws, { store: url });
  await client.waitForReady(600000);
  return { client, readyMs: Date.now() - t0, ws };
}

export async function storeBench(script: string, opts: { scales: number[]; servers: number; n: number; dpgArticles: number }): Promise<void> {
  const started = await startCluster();
  if ('missing' in started) { console.log(`### Shared index: skipped (${started.missing})\n`); return; }
  const cluster = started;
  try {
    for (const scale of opts.scales) {
      const corpus = makeBigCorpus(Math.round(opts.dpgArticles * scale), true);
      const mb = sizeOf(corpus) / 1e6;
      const url = await newDatabase(cluster, `bench${scale}`);
      const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-scache-'));
      try {
        const cold = indexIntoStore(script, corpus, url, cache);
        console.log(`### Shared index on PostgreSQL 15 (local socket): ${scale}× dpgmedia2019, ${cold.articles} distinct articles, ${fmt(mb)} MB`);
        console.log(`index cold   ${fmt(cold.ms / 1000, 2)} s → ${fmt(mb / (cold.ms / 1000), 2)} MB/s into the store (indexing ${fmt(cold.built / 1000, 2)} s, writing ${fmt(cold.write / 1000, 2)} s by COPY); indexer peak RSS ${fmt(cold.maxRssKB / 1024, 0)} MB`);
        const same = indexIntoStore(script, corpus, url, cache);
        console.log(`index again  ${fmt(same.ms / 1000, 2)} s with nothing changed (warm cache; ${same.written} articles written, writing ${fmt(same.write / 1000, 2)} s)`);
        const { client, readyMs, ws } = await serverOn(url);
        const text = benchDraft();
        const uri = client.open('bench.kopij', text);
        await client.waitForDiagnostics(uri, () => true, 60000);
        const one = await measureLatency(client, uri, text, opts.n);
        const mem = serverMemory(client.proc.pid);
        console.log(`server       ready in ${fmt(readyMs / 1000, 2)} s; RSS ${fmt(mem.rss, 0)} MB after the draft bench (peak ${fmt(mem.hwm, 0)} MB)`);
        console.log(`one server   hover median ${fmt(one.h.median, 2)} / p99 ${fmt(one.h.p99, 2)} ms; completion ${fmt(one.c.median, 2)} / ${fmt(one.c.p99, 2)} ms; diagnostics ${fmt(one.d.median, 1)} / ${fmt(one.d.p99, 1)} ms after the ${one.debounce} ms debounce (n=${one.h.n}/${one.d.n})`);
        // An update of one file reaches the running editor: from the start of the index run to its
        // status with the next generation.
        const gen = () => Math.max(0, ...client.statuses.map((s) => (s as unknown as { generation?: number }).generation ?? 0));
        const before = gen();
        const file = path.join(corpus, fs.readdirSync(corpus).sort()[0]);
        fs.appendFileSync(file, JSON.stringify({ id: 'bench-update', title: 'Bench', published_at: '2019-06-01', text: 'In Utrecht kwamen ruim 2.000 mensen naar de markt.' }) + '\n');
        const t0 = Date.now();
        const upd = indexIntoStore(script, corpus, url, cache);
        while (gen() <= before && Date.now() - t0 < 120000) await new Promise((r) => setTimeout(r, 20));
        console.log(`update       one file +1 article, a new index run (cron): ${fmt(upd.ms / 1000, 2)} s (${upd.written} articles written, writing ${fmt(upd.write / 1000, 2)} s); seen by the running editor ${fmt((Date.now() - t0) / 1000, 2)} s after the run started`);
        // The same with the indexer running (`index --watch`): from the file's change to the editor.
        const watcher = spawn(process.execPath, [path.join(path.dirname(script), 'cli.js'), 'index', corpus, '--store', url, '--watch', '--format', 'json', '--cache-dir', cache], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        watcher.stdout.on('data', (d: Buffer) => { out += d.toString(); });
        const writes = () => out.split('\n').filter((l) => l.startsWith('{')).length;
        const tw = Date.now();
        while (writes() < 1 && Date.now() - tw < 600000) await new Promise((r) => setTimeout(r, 50));
        const startMs = Date.now() - tw;
        const seen: number[] = [];
        for (let k = 0; k < 3; k++) {
          const g0 = gen();
          const t1 = Date.now();
          fs.appendFileSync(file, JSON.stringify({ id: `bench-watch-${k}`, title: 'Bench', published_at: '2019-06-02', text: `In Utrecht kwamen ruim ${3000 + k}.000 mensen naar de markt.` }) + '\n');
          while (gen() <= g0 && Date.now() - t1 < 120000) await new Promise((r) => setTimeout(r, 20));
          seen.push(Date.now() - t1);
        }
        watcher.kill('SIGINT');
        const ws2 = stats(seen);
        console.log(`update       the same with the indexer running (index --watch, started in ${fmt(startMs / 1000, 1)} s): seen by the editor median ${fmt(ws2.median / 1000, 2)} s, max ${fmt(ws2.max / 1000, 2)} s after the file changed (n=${ws2.n})`);
        await client.stop();
        fs.rmSync(ws, { recursive: true, force: true });
        if (opts.servers > 1) {
          const many = await Promise.all(Array.from({ length: opts.servers }, () => serverOn(url)));
          const uris = many.map((m) => m.client.open('bench.kopij', text));
          await Promise.all(many.map((m, i) => m.client.waitForDiagnostics(uris[i], () => true, 120000)));
          // Twice: every server asking back to back (all 20 and the bench's client share this
          // machine's 2 cores: a worst case of the machine, not of the database), then as
          // journalists type, each server asked every 100 ms.
          for (const pauseMs of [0, 100]) {
            const runs = await Promise.all(many.map((m, i) => measureLatency(m.client, uris[i], text, Math.max(20, Math.round(opts.n / 5)), pauseMs)));
            const h = stats(runs.flatMap((r) => r.hov)), c = stats(runs.flatMap((r) => r.comp)), d = stats(runs.flatMap((r) => r.diag));
            const rss = stats(many.map((m) => serverMemory(m.client.proc.pid).rss));
            console.log(`${opts.servers} servers   at once on one database, ${pauseMs ? `each asked every ${pauseMs} ms` : 'back to back'}: hover median ${fmt(h.median, 2)} / p99 ${fmt(h.p99, 2)} ms; completion ${fmt(c.median, 2)} / ${fmt(c.p99, 2)} ms; diagnostics ${fmt(d.median, 1)} / ${fmt(d.p99, 1)} ms (n=${h.n}/${d.n}); RSS median ${fmt(rss.median, 0)} MB, max ${fmt(rss.max, 0)} MB; ready median ${fmt(stats(many.map((m) => m.readyMs)).median / 1000, 2)} s`);
          }
          await Promise.all(many.map((m) => m.client.stop()));
          for (const m of many) fs.rmSync(m.ws, { recursive: true, force: true });
        }
        const size = (await sql(url, 'SELECT pg_database_size(current_database()) AS b')).rows[0].b;
        console.log(`database     ${fmt(Number(size) / 1e6, 0)} MB on disk (${fmt(Number(size) / 1e6 / mb, 1)}× the text)\n`);
      } finally {
        fs.rmSync(corpus, { recursive: true, force: true });
        fs.rmSync(cache, { recursive: true, force: true });
      }
    }
  } finally {
    cluster.stop();
  }
}
