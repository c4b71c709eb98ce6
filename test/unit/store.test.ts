// The shared index on a real PostgreSQL (a throwaway cluster: test/support/postgres.ts): the
// command line indexes into it and checks against it, and `check --store` says exactly what
// `check --corpus` says over the same files — after a first index, after a refresh that changes
// nothing, after an article is added and after one is removed. A failed write changes nothing; a
// read-only role can check but not index; a store from a newer Bronvast is refused.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Archive } from '../../server/src/archive';
import { PgStore, StoreError } from '../../server/src/store/pg';
import { makeWorkspace, ROOT, runCli } from '../../server/src/tools/lsp-client';
import { clusterOrSkip, newDatabase as makeDatabase, sql, type TestCluster } from '../../server/src/tools/pg-cluster';

const CLI = path.join(ROOT, 'dist', 'cli.js');


describe('shared index on PostgreSQL', function () {
  this.timeout(120000);
  let cluster: TestCluster;
  let ws: string;
  let cache: string;
  let db = 0;

  /** A new empty database on the cluster, as a connection string. */
  const newDatabase = () => makeDatabase(cluster, `t${++db}`);

  const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, ws, { BRONVAST_CACHE_DIR: cache, BRONVAST_LANG: 'en', BRONVAST_STORE: '', ...env });

  /** `check` over the drafts, JSON, from the store and from the files: must be the same text. */
  const assertSameCheck = async (url: string, drafts: string[]) => {
    const fromStore = await cli(['check', ...drafts, '--store', url, '--format', 'json']);
    const fromFiles = await cli(['check', ...drafts, '--corpus', 'corpus', '--format', 'json']);
    assert.equal(fromStore.stderr, '');
    assert.equal(fromStore.code, fromFiles.code);
    assert.equal(fromStore.stdout, fromFiles.stdout);
    return JSON.parse(fromStore.stdout) as { file: string; diagnostics: { code: string; message: string }[] }[];
  };

  const indexJson = async (url: string) => {
    const r = await cli(['index', 'corpus', '--store', url, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as { articles: number; store: { written: number; unchanged: number; removed: number; generation: number } };
  };

  before(async function () {
    if (!fs.existsSync(CLI)) this.skip();
    cluster = await clusterOrSkip(this);
    ws = makeWorkspace();
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-cache-'));
    fs.copyFileSync(path.join(ROOT, 'samples', 'drafts', 'voorbeeld.kopij'), path.join(ws, 'voorbeeld.kopij'));
    fs.writeFileSync(path.join(ws, 'pokrovsk.kopij'), 'Rusland zegt dat het het dorpje Mezhove heeft veroverd, op zo\'n 45 kilometer van Pokrovsk.\n');
  });

  after(() => {
    cluster?.stop();
    if (cache) fs.rmSync(cache, { recursive: true, force: true });
  });

  it('check --store says what check --corpus says, through a refresh, an added and a removed article', async () => {
    const url = await newDatabase();
    const first = await indexJson(url);
    assert.equal(first.store.written, first.articles);
    assert.equal(first.store.generation, 1);
    const drafts = ['voorbeeld.kopij', 'pokrovsk.kopij'];
    const out = await assertSameCheck(url, drafts);
    // (Not vacuous: the sample draft has the 1500 km² conflict with the archive's 1300.)
    assert.ok(out[0].diagnostics.some((d) => d.code === 'figure-conflict' && /1300/.test(d.message)), JSON.stringify(out[0]));

    // The same files again: nothing written, a new generation.
    const again = await indexJson(url);
    assert.deepEqual([again.store.written, again.store.removed, again.store.unchanged, again.store.generation], [0, 0, first.articles, 2]);

    // A newer report: the conflict now cites it, from the store as from the files.
    fs.writeFileSync(path.join(ws, 'corpus', '010_nieuw.txt'),
      ' date 2024-11-20\nKoersk\n\nHet Oekraïense leger hield in november nog zo\'n 1500 vierkante kilometer Russisch grondgebied bezet.\n');
    const added = await indexJson(url);
    assert.ok(added.store.written >= 1 && added.store.removed === 0, JSON.stringify(added.store));
    await assertSameCheck(url, drafts);

    fs.rmSync(path.join(ws, 'corpus', '010_nieuw.txt'));
    const removed = await indexJson(url);
    assert.equal(removed.store.removed, 1);
    const back = await assertSameCheck(url, drafts);
    assert.deepEqual(back, out);
  });

  it('places and explain --store say what they say over the files, in text, JSON and Markdown', async () => {
    const url = await newDatabase();
    await indexJson(url);
    for (const args of [
      ['places', 'voorbeeld.kopij', '--format', 'json'],
      ['places', 'voorbeeld.kopij'],
      ['explain', 'Koersk', '--format', 'json'],
      ['explain', 'Kursk', '--format', 'markdown'],
      ['explain', 'Soedzja'],
      ['explain', 'Pokrovsk', '--lang', 'en'],
      ['explain', 'Nergenshuizen'],
    ]) {
      const fromStore = await cli([...args, '--store', url]);
      const fromFiles = await cli([...args, '--corpus', 'corpus']);
      assert.equal(fromStore.code, fromFiles.code, args.join(' '));
      assert.equal(fromStore.stdout, fromFiles.stdout, args.join(' '));
      assert.equal(fromStore.stderr, fromFiles.stderr, args.join(' '));
    }
    // (Not vacuous: the dossier of Koersk cites the archive's figures.)
    const d = JSON.parse((await cli(['explain', 'Koersk', '--format', 'json', '--store', url])).stdout);
    assert.ok(d.claims.length > 0 && d.mentions > 3, JSON.stringify(d).slice(0, 300));
  });

  it('BRONVAST_STORE is the store of every command that takes one; text output names the store work', async () => {
    const url = await newDatabase();
    const ix = await cli(['index', 'corpus'], { BRONVAST_STORE: url });
    assert.equal(ix.code, 0, ix.stderr);
    assert.match(ix.stdout, /store: written\s+5/);
    const viaEnv = await cli(['check', 'voorbeeld.kopij'], { BRONVAST_STORE: url });
    const viaFiles = await cli(['check', 'voorbeeld.kopij', '--corpus', 'corpus']);
    assert.equal(viaEnv.stdout, viaFiles.stdout);
    assert.equal(viaEnv.code, 1);
  });

  for (const poll of [false, true]) it(`index --watch${poll ? ' --poll (a network share)' : ''} writes each change of the archive as it happens, and stops cleanly on SIGINT`, async () => {
    const url = await newDatabase();
    const proc = spawn(process.execPath, [CLI, 'index', 'corpus', '--store', url, '--watch', ...(poll ? ['--poll'] : []), '--format', 'json'], { cwd: ws, env: { ...process.env, BRONVAST_CACHE_DIR: cache, BRONVAST_LANG: 'en' } });
    const lines: { store: { written: number; generation: number } }[] = [];
    let buf = '';
    proc.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) { lines.push(JSON.parse(buf.slice(0, i))); buf = buf.slice(i + 1); }
    });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const until = async (ok: () => boolean, what: string) => {
      for (const t0 = Date.now(); !ok(); await new Promise((r) => setTimeout(r, 50))) if (Date.now() - t0 > 30000) throw new Error(`timed out: ${what}\n${stderr}`);
    };
    await until(() => lines.length >= 1 && /watching the archive/.test(stderr), 'the first write');
    assert.equal(lines[0].store.written, 5);
    fs.writeFileSync(path.join(ws, 'corpus', '020_watch.txt'), ' date 2024-12-01\nKoersk\n\nIn Koersk zijn 70 schuilkelders geplaatst.\n');
    await until(() => lines.length >= 2, 'the write of the new article');
    assert.equal(lines[1].store.written, 1);
    assert.equal(lines[1].store.generation, 2);
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
    proc.kill('SIGINT');
    assert.equal(await exited, 0);
    fs.rmSync(path.join(ws, 'corpus', '020_watch.txt'));
  });

  it('a write that fails half-way changes nothing: readers keep the last complete index', async () => {
    const url = await newDatabase();
    await indexJson(url);
    const archive = new Archive({ paths: [path.join(ws, 'corpus')], baseDir: ws, cacheDir: null });
    await archive.build();
    const index = archive.index;
    // One article whose record breaks a NOT NULL column, after others were copied.
    const last = [...index.byArticle.values()].at(-1)!;
    index.set({ ...last, article: { ...last.article, id: 'zz-broken', label: null as unknown as string } });
    const store = await PgStore.open(url, 'write');
    try {
      await assert.rejects(store.write({ index, spec: archive.spec, skipped: [] }), (e: unknown) => e instanceof StoreError && e.key === 'write' && /nothing was changed/.test(e.message));
      assert.equal(await store.generation(), 1);
    } finally {
      await store.close();
    }
    const n = await sql(url, 'SELECT count(*)::int AS n FROM articles');
    assert.equal(n.rows[0].n, 5);
  });

  it('a read-only role checks but cannot index; an empty store and a newer schema are refused with a message', async () => {
    const url = await newDatabase();
    await indexJson(url);
    await sql(url, `CREATE ROLE redactie${db} LOGIN`);
    await sql(url, `GRANT SELECT ON ALL TABLES IN SCHEMA public TO redactie${db}`);
    const reader = url.replace('bronvast@', `redactie${db}@`);
    const viaReader = await cli(['check', 'voorbeeld.kopij', '--store', reader]);
    assert.equal(viaReader.code, 1, viaReader.stderr);
    assert.match(viaReader.stdout, /figure-conflict/);
    const write = await cli(['index', 'corpus', '--store', reader]);
    assert.equal(write.code, 2);
    assert.match(write.stderr, /could not write the index into the store .* \(nothing was changed\): permission denied/);
    assert.doesNotMatch(write.stderr, /\n\s+at /);

    const empty = await newDatabase();
    const none = await cli(['check', 'voorbeeld.kopij', '--store', empty, '--lang', 'nl']);
    assert.equal(none.code, 2, none.stderr);
    assert.match(none.stderr, /bevat nog geen index: draai eerst `bronvast index/);

    await sql(url, `UPDATE bronvast_meta SET value = '99' WHERE key = 'schema'`);
    const newer = await cli(['check', 'voorbeeld.kopij', '--store', url]);
    assert.equal(newer.code, 2, newer.stderr);
    assert.match(newer.stderr, /has schema 99, newer than this Bronvast knows/);
    await sql(url, `UPDATE bronvast_meta SET value = '1' WHERE key = 'schema'`);
    const older = await cli(['check', 'voorbeeld.kopij', '--store', url]);
    assert.equal(older.code, 2, older.stderr);
    assert.match(older.stderr, /has schema 1, older than this Bronvast needs .*the next `bronvast index … --store` run migrates it/);
  });

  it('a connection that fails says which store, without its password', async () => {
    const r = await cli(['check', 'voorbeeld.kopij', '--store', `postgresql://bronvast:geheim@localhost/bronvast?host=${encodeURIComponent(path.join(cluster.dir, 'nowhere'))}&port=1`]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot connect to the store postgresql:\/\/bronvast:\*\*\*@localhost/);
    assert.doesNotMatch(r.stderr, /geheim/);
    const bad = await cli(['check', 'voorbeeld.kopij', '--store', 'corpus']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--store must be a PostgreSQL connection string/);
  });
});
