// Bundles the extension, the language server, the CLI and the measuring tools into dist/.
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.json': 'json' },
  // Node 20 has Unicode property escapes (/\p{Lu}/u). Without this, esbuild rewrites such regex
  // literals into `new RegExp(...)` calls that build a new object at every evaluation (in the hot
  // loops of the extractors).
  supported: { 'regexp-unicode-property-escapes': true },
  // jsonc-parser's "main" is a UMD build whose require('./impl/…') calls esbuild cannot follow;
  // its ES module build bundles as it should.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  // node-postgres loads its optional native binding (libpq) only when asked for it: we never ask
  // (no native module ships), so it stays out of the bundle.
  external: ['pg-native'],
};

const builds = [
  { entryPoints: { extension: 'client/src/extension.ts' }, external: ['vscode', 'pg-native'] },
  { entryPoints: { server: 'server/src/server.ts' } },
  { entryPoints: { cli: 'server/src/cli.ts' }, banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: { worker: 'server/src/corpus/worker.ts' } },
  { entryPoints: { eval: 'server/src/tools/eval.ts', bench: 'server/src/tools/bench.ts' } },
];

for (const b of builds) {
  const opts = { ...common, ...b, outdir: 'dist' };
  if (watch) {
    const ctx = await esbuild.context(opts);
    await ctx.watch();
  } else {
    await esbuild.build(opts);
  }
}
if (!watch) chmodSync('dist/cli.js', 0o755);
