// Installs what the end-to-end test needs: two Debian packages (Chromium, ripgrep) and
// code-server (VS Code for the browser, from npm) in a scratch folder. Follows
// /work/shared/notes/real-vscode-offline.md. Idempotent: reuses a finished install.
// It says what apt would install and asks (--yes or BRONVAST_E2E_INSTALL=yes where nobody can
// answer), never upgrades an installed package, and keeps every download in one cache folder:
// BRONVAST_E2E_CACHE, else .cache/e2e/ in the repository (apt/ for .deb files, npm/ for npm's
// cache, code-server/ for the install).
// Usage: node test/e2e/install.mjs [--yes] [--plan]   (also called by run.mjs)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, copyFileSync, symlinkSync, rmSync, lstatSync, readSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '..', '..');
export const cacheDir = process.env.BRONVAST_E2E_CACHE ?? join(root, '.cache', 'e2e');
export const codeServerVersion = '4.100.3';
export const codeServerDir = join(cacheDir, 'code-server');
export const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.BRONVAST_CHROMIUM ?? '/usr/bin/chromium';
const doneMarker = join(codeServerDir, '.bronvast-install-complete');

function log(msg) {
  console.log(`[e2e install] ${msg}`);
}

function run(cmd, args, cwd, extraEnv = {}) {
  log(`${cwd ? `(in ${cwd}) ` : ''}${cmd} ${args.join(' ')}`);
  // npm's downloads stay in the cache folder too.
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, npm_config_cache: join(cacheDir, 'npm'), ...extraEnv } });
  if (r.status !== 0) throw new Error(`command failed (${r.status}): ${cmd} ${args.join(' ')}`);
}

function have(bin) {
  return spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** What apt would do to install `pkgs`: the packages it adds, and the installed ones it would upgrade. */
export function aptPlan(pkgs) {
  const r = spawnSync('apt-get', ['install', '-s', '--no-install-recommends', ...pkgs], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  if (r.status !== 0) throw new Error(`apt-get cannot plan the install of ${pkgs.join(' ')}:\n${r.stderr || r.stdout}`);
  const adds = [], upgrades = [];
  for (const line of r.stdout.split('\n')) {
    const m = /^Inst (\S+) (\[[^\]]*\] )?\(/.exec(line);
    if (m) (m[2] ? upgrades : adds).push(m[1]);
  }
  return { adds, upgrades };
}

/** Ask on a terminal; elsewhere only --yes (or BRONVAST_E2E_INSTALL=yes) agrees. */
function agreed(question) {
  if (process.argv.includes('--yes') || process.env.BRONVAST_E2E_INSTALL === 'yes') return true;
  if (!process.stdin.isTTY) return false;
  process.stdout.write(`${question} [y/N] `);
  const buf = Buffer.alloc(16);
  let n = 0;
  try { n = readSync(0, buf, 0, 16, null); } catch { return false; }
  return /^y(es)?$/i.test(buf.toString('utf8', 0, n).trim());
}

/**
 * The Debian packages the test needs that are not there: Chromium (the browser that shows the
 * workbench) and ripgrep (VS Code's search). Nothing else: the native modules rebuilt below need
 * only a compiler. It says what it will install, asks, never upgrades an installed package (it
 * stops and names them instead), and keeps apt's downloads in the cache folder.
 */
export function installSystemPackages() {
  const wanted = ['chromium', 'ripgrep'];
  const missing = wanted.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`missing Debian packages ${missing.join(', ')}; install them as root: apt-get install --no-install-recommends ${missing.join(' ')}`);
  }
  let plan = aptPlan(missing);
  if (!plan.adds.length && !plan.upgrades.length) {
    // (The package lists may be missing or old: read them once, then plan again.)
    run('apt-get', ['update'], undefined, { DEBIAN_FRONTEND: 'noninteractive' });
    plan = aptPlan(missing);
  }
  if (plan.upgrades.length) {
    throw new Error(`installing ${missing.join(', ')} would upgrade ${plan.upgrades.length} installed package(s) (${plan.upgrades.join(', ')}); ` +
      `the test does not change what is installed. Upgrade or install them yourself (apt-get install --no-install-recommends ${missing.join(' ')}), then run it again.`);
  }
  log(`needs ${missing.join(', ')}: apt would install ${plan.adds.length} new package(s), upgrading none:\n  ${plan.adds.join(' ')}`);
  if (!agreed('Install them?')) {
    throw new Error(`not installed: run again with --yes (or BRONVAST_E2E_INSTALL=yes), or install them yourself: apt-get install --no-install-recommends ${missing.join(' ')}`);
  }
  const archives = join(cacheDir, 'apt');
  mkdirSync(join(archives, 'partial'), { recursive: true });
  run('apt-get', ['install', '-y', '--no-install-recommends', '--no-upgrade', '-o', `Dir::Cache::archives=${archives}`, ...missing], undefined, { DEBIAN_FRONTEND: 'noninteractive' });
}

export function installCodeServer() {
  if (existsSync(doneMarker) && existsSync(codeServerEntry)) {
    log(`code-server ${codeServerVersion} already installed in ${codeServerDir}`);
    return;
  }
  mkdirSync(codeServerDir, { recursive: true });
  if (!existsSync(join(codeServerDir, 'package.json'))) {
    writeFileSync(join(codeServerDir, 'package.json'), JSON.stringify({ name: 'bronvast-e2e-scratch', private: true }, null, 2));
  }
  // The scratch folder must not pick up the repository's .npmrc settings in surprising ways;
  // npm looks for .npmrc in the project root (this folder), so it is independent.
  const yes = { npm_config_yes: 'true' };
  if (!existsSync(codeServerEntry)) {
    run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `code-server@${codeServerVersion}`], codeServerDir);
  }
  run('npm', ['rebuild', 'argon2'], codeServerDir, yes);
  const vscodeDir = join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode');
  run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts'], vscodeDir);
  // (Not kerberos: it is for proxy authentication, and its build needs libkrb5-dev.)
  run('npm', ['rebuild', 'node-pty', '@parcel/watcher', '@vscode/spdlog', '@vscode/deviceid'], vscodeDir, yes);
  const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  copyFileSync(rg, join(rgDir, 'rg'));
  const asar = join(vscodeDir, 'node_modules.asar');
  try {
    lstatSync(asar);
    rmSync(asar, { force: true });
  } catch {
    /* not there yet */
  }
  symlinkSync('node_modules', asar);
  run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts'], join(vscodeDir, 'extensions'));
  writeFileSync(doneMarker, new Date().toISOString() + '\n');
  log('code-server installed');
}

export function install() {
  installSystemPackages();
  if (!have('rg')) throw new Error('ripgrep (rg) is not available');
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}`);
  installCodeServer();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--plan')) {
      const missing = ['chromium', 'ripgrep'].filter((p) => !dpkgInstalled(p));
      const plan = missing.length ? aptPlan(missing) : { adds: [], upgrades: [] };
      console.log(JSON.stringify({ missing, ...plan, cacheDir }));
      process.exit(0);
    }
    install();
  } catch (e) {
    console.error(`[e2e install] FAILED: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
