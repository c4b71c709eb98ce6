// Installs what the end-to-end test needs: Debian packages (Chromium, ripgrep, headers for
// native modules) and code-server (VS Code for the browser, from npm) in a scratch folder.
// Follows /work/shared/notes/real-vscode-offline.md. Idempotent: reuses a finished install.
// Usage: node test/e2e/install.mjs   (also called by run.mjs)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, copyFileSync, symlinkSync, rmSync, lstatSync } from 'node:fs';
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
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  if (r.status !== 0) throw new Error(`command failed (${r.status}): ${cmd} ${args.join(' ')}`);
}

function have(bin) {
  return spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

export function installSystemPackages() {
  const wanted = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'ripgrep', 'chromium'];
  const missing = wanted.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`missing Debian packages ${missing.join(', ')}; install them as root: apt-get install -y ${missing.join(' ')}`);
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  try {
    run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], undefined, env);
  } catch {
    run('apt-get', ['update'], undefined, env);
    run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], undefined, env);
  }
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
  run('npm', ['rebuild', 'kerberos', 'node-pty', '@parcel/watcher', '@vscode/spdlog', '@vscode/deviceid'], vscodeDir, yes);
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
    install();
  } catch (e) {
    console.error(`[e2e install] FAILED: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
