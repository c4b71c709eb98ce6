// A throwaway PostgreSQL cluster for the tests and the benchmark: initdb into a temporary folder, a server on a
// Unix socket in that folder (and a free local port number, so two test runs never meet), trust
// authentication for its own superuser, stopped and deleted afterwards — nothing is left running.
//
// The binaries come from Debian's postgresql-15 package (.ci/run installs it); PG_BIN overrides
// where they are looked for. initdb refuses to run as root: as root the cluster belongs to the
// `postgres` user that the package creates.

import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TestCluster {
  /** A connection string for the cluster's superuser and database `bronvast`. */
  url: string;
  dir: string;
  stop(): void;
}

/** The folder holding initdb, pg_ctl and postgres, or null (with the reason) when there is none. */
export function findPostgres(): { bin: string } | { missing: string } {
  const candidates = [process.env.PG_BIN, ...listVersions('/usr/lib/postgresql')].filter((x): x is string => !!x);
  for (const bin of candidates) if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl'))) return { bin };
  return { missing: 'no PostgreSQL server binaries (initdb, pg_ctl) in PG_BIN or /usr/lib/postgresql/*/bin: install Debian\'s postgresql-15 (.ci/run does)' };
}

function listVersions(root: string): string[] {
  try {
    return fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)).map((v) => path.join(root, v, 'bin'));
  } catch {
    return [];
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A cluster for a mocha suite's `before`, or the suite skipped with the reason printed. */
export async function clusterOrSkip(suite: { skip(): void }): Promise<TestCluster> {
  const c = await startCluster();
  if ('missing' in c) {
    console.log(`      (skipped: ${c.missing})`);
    suite.skip();
    throw new Error('skipped'); // (not reached: skip() throws mocha's own "pending")
  }
  return c;
}

/** Run one statement on a cluster's database (tests). */
export async function sql(url: string, text: string, params: unknown[] = []): Promise<{ rows: Record<string, unknown>[] }> {
  const { Client } = await import('pg');
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(text, params);
  } finally {
    await c.end();
  }
}

/** A new empty database `name` on the cluster (dropped first if it exists), as a connection string. */
export async function newDatabase(cluster: TestCluster, name: string): Promise<string> {
  await sql(cluster.url, `DROP DATABASE IF EXISTS ${name}`);
  await sql(cluster.url, `CREATE DATABASE ${name}`);
  return cluster.url.replace('/bronvast?', `/${name}?`);
}

/** Start a cluster, or say why not (the caller skips its tests with that message). */
export async function startCluster(): Promise<TestCluster | { missing: string }> {
  const found = findPostgres();
  if ('missing' in found) return found;
  const asRoot = process.getuid?.() === 0;
  let uid: number | undefined, gid: number | undefined;
  if (asRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) return { missing: 'running as root and there is no `postgres` user to own a test cluster (initdb refuses root)' };
    uid = Number(id.stdout.trim()); gid = Number(g.stdout.trim());
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) fs.chownSync(dir, uid!, gid!);
  const run = (cmd: string, args: string[]) => execFileSync(path.join(found.bin, cmd), args, { uid, gid, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'bronvast', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '30', 'start',
      '-o', `-k ${dir} -p ${port} -c listen_addresses= -c fsync=off -c full_page_writes=off -c synchronous_commit=off`]);
    run('createdb', ['-h', dir, '-p', String(port), '-U', 'bronvast', 'bronvast']);
  } catch (e) {
    const log = fs.existsSync(path.join(dir, 'log')) ? fs.readFileSync(path.join(dir, 'log'), 'utf8') : '';
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a test PostgreSQL: ${(e as { stderr?: string }).stderr ?? e}\n${log}`);
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try { run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']); } catch { /* already gone */ }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return { url: `postgresql://bronvast@localhost/bronvast?host=${encodeURIComponent(dir)}&port=${port}`, dir, stop };
}
