// Where the embedded engine's memory is: build an archive (from its cache when warm), then drop
// one part of the state after the other and collect, printing what each part held.
//   node --expose-gc --import tsx server/src/tools/memory-parts.ts <corpus> <cache folder>
// Run it twice: the first run fills the cache (a cold build), the second measures a warm start.
// It reaches into the archive's private state on purpose: a measurement, not an API.

import * as v8 from 'node:v8';
import { Archive } from '../archive';

async function main(): Promise<void> {
  const [corpus, cacheDir] = process.argv.slice(2);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!corpus || !cacheDir || !gc) {
    console.error('usage: node --expose-gc --import tsx server/src/tools/memory-parts.ts <corpus> <cache folder>');
    process.exit(2);
  }
  const archive = new Archive({ paths: [corpus], baseDir: process.cwd(), cacheDir, packHeld: true, spoolSentences: true }); // (as the language server keeps it)
  const report = await archive.build();
  await archive.whenPacked();
  const MB = (n: number) => Math.round(n / 1e6);
  const used = () => { gc(); gc(); const m = process.memoryUsage(); return { heap: m.heapUsed, buffers: m.arrayBuffers }; };
  gc(); gc();
  const m = process.memoryUsage();
  const old = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!;
  console.log(`${report.articles} articles (${report.fromCache} from the cache) in ${(report.ms / 1000).toFixed(1)} s, collected: RSS ${MB(m.rss)} MB, heap ${MB(m.heapUsed)} of ${MB(m.heapTotal)} MB, old space ${MB(old.space_used_size)} of ${MB(old.space_size)} MB, buffers ${MB(m.arrayBuffers)} MB`);
  // (The archive's run state and index, as archive/index.ts and facts/index.ts define them.)
  const state = (archive as unknown as { state: Record<string, any> }).state;
  const index = state.index;
  let last = used();
  const part = (what: string, drop: () => void) => {
    drop();
    const now = used();
    console.log(`${what.padEnd(44)} heap ${String(MB(last.heap - now.heap)).padStart(5)} MB   buffers ${String(MB(last.buffers - now.buffers)).padStart(4)} MB`);
    last = now;
  };
  part('encoded place facts, packed (for learning on updates)', () => { for (const e of state.entries.values()) e.placeFacts = null; });
  part('claim index', () => { index.claimIndex = null; });
  part('per-place aggregates', () => { index.places = new Map(); index.claims = []; });
  part('claims', () => { for (const af of index.byArticle.values()) af.claims = []; });
  part('mentions', () => { for (const af of index.byArticle.values()) af.mentions = []; });
  part('place facts', () => { for (const af of index.byArticle.values()) af.facts = []; });
  part('query logs, co-regions, place ids', () => { for (const af of index.byArticle.values()) { af.queries = null; af.coRegions = []; af.placeIds = []; } });
  part('article records', () => { index.byArticle.clear(); });
  part('entries (file, content hash)', () => { state.entries.clear(); });
  part('files and skip reports', () => { state.files.clear(); state.skipped = []; });
  part('lexicon and plan', () => { state.lexicon = null; state.plan = null; index.lexicon = null; });
  console.log(`left: heap ${MB(last.heap)} MB, buffers ${MB(last.buffers)} MB`);
}

void main();
