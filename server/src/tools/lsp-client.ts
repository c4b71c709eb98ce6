// A minimal LSP client that starts the built server (dist/server.js) over stdio, as any editor would.
// Used by the LSP tests and by the benchmark's latency measurements.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { serverEnv } from '../../../client/src/serverEnv';

/** The project root: the nearest folder above this file with a package.json (works from source and from dist/). */
export const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface LspClient {
  conn: MessageConnection;
  proc: ChildProcess;
  workspace: string;
  diagnostics: Map<string, PublishDiagnosticsParams>;
  statuses: { state: string; articles: number }[];
  logs: string[];
  waitForDiagnostics(uri: string, pred?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  waitForReady(timeoutMs?: number): Promise<void>;
  /** Wait until `check` holds, re-checked at every message from the server (fails after `timeoutMs`, saying `what`). */
  waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void>;
  open(name: string, text: string, languageId?: string): string;
  /** Shut the server down (waiting for it to exit) and remove its cache folder (not one given to
   *  startClient), and the workspace
   *  too when makeWorkspace made it (unless keepWorkspace: the caller inspects and removes it). */
  stop(opts?: { keepWorkspace?: boolean }): Promise<void>;
}

/** Workspaces made by makeWorkspace: scratch copies that the client's stop() removes. */
const scratchWorkspaces = new Set<string>();
// A scratch workspace kept past its client's stop (or never given a client) goes when the tests end.
process.once('exit', () => { for (const ws of scratchWorkspaces) fs.rmSync(ws, { recursive: true, force: true }); });

/** A short draft against the sample corpus: a conflicting figure (1500 vs 1300 km²), a place with a
 *  dossier (Soedzja), a variant spelling (Kursk) and an agreeing figure (zestig busstations). */
export const SAMPLE_DRAFT = [
  'Oekraïne in het nauw',
  '',
  "Het Oekraïense leger veroverde bij de inval in augustus zo'n 1500 vierkante kilometer Russisch grondgebied. Rond het stadje Soedzja wordt nog gevochten.",
  '',
  'In de stad Kursk zijn bij zestig busstations schuilkelders geplaatst.',
  '',
  'Het dorp Mezhove ligt op 12 kilometer van Pokrovsk.',
].join('\n');

/** A diagnostic's message as text (LSP 3.18 allows Markdown messages). */
/** The position of `needle` in `text` (plus `delta` characters), as LSP counts it. */
export function posOf(text: string, needle: string, delta = 1): { line: number; character: number } {
  const off = text.indexOf(needle) + delta;
  const before = text.slice(0, off).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** What a run of the built command line gave. */
export interface CliResult { code: number; stdout: string; stderr: string }

/** Run dist/cli.js in `cwd` with `env` added; a non-zero exit is a result, not an error. */
export function runCli(args: string[], cwd: string, env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd, env: { ...process.env, ...env }, maxBuffer: 1 << 26 }, (e, stdout, stderr) => {
      resolve({ code: e ? (typeof (e as { code?: unknown }).code === 'number' ? (e as { code: number }).code : 1) : 0, stdout, stderr });
    });
  });
}

export function messageText(m: string | { value: string }): string {
  return typeof m === 'string' ? m : m.value;
}

/** A scratch workspace with corpus/ = a copy of the given folder (the sample corpus by default);
 *  removed when the client started on it stops. */
export function makeWorkspace(corpusDir = path.join(ROOT, 'samples', 'corpus')): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-ws-'));
  fs.mkdirSync(path.join(ws, 'corpus'));
  for (const f of fs.readdirSync(corpusDir)) {
    fs.copyFileSync(path.join(corpusDir, f), path.join(ws, 'corpus', f));
  }
  scratchWorkspaces.add(ws);
  return ws;
}

/** `watchesFiles: false`: an editor that does not send workspace/didChangeWatchedFiles (Neovim 0.7), so the server watches the archive itself. */
export async function startClient(workspace: string, settings: Record<string, unknown> = {}, locale = 'nl', given: { watchesFiles?: boolean; cacheDir?: string } = {}): Promise<LspClient> {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} not built: run npm run build`);
  // (A cache of its own unless one is given: a second server on the same cache starts warm.)
  const cache = given.cacheDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-cache-'));
  // (Started as the VS Code client starts it: client/src/serverEnv.ts; with BRONVAST_BENCH_PLAIN_ENV=1
  // as an editor that was not told, for measuring that case.)
  const env = process.env.BRONVAST_BENCH_PLAIN_ENV === '1' ? process.env : serverEnv(process.env);
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { env: { ...env, BRONVAST_CACHE_DIR: cache }, stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const statuses: { state: string; articles: number }[] = [];
  const logs: string[] = [];
  const listeners: (() => void)[] = [];
  const notify = () => listeners.splice(0).forEach((l) => l());
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { diagnostics.set(p.uri, p); notify(); });
  conn.onNotification('bronvast/status', (p: { state: string; articles: number }) => { statuses.push(p); notify(); });
  conn.onNotification('window/logMessage', (p: { message: string }) => { logs.push(p.message); notify(); });
  conn.onNotification('window/showMessage', (p: { message: string }) => { logs.push(p.message); });
  conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => ({ corpus: { paths: ['corpus'] }, ...settings })));
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('$/progress', () => undefined);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/showMessageRequest', (p: { message: string }) => { logs.push(`showMessageRequest: ${p.message}`); return null; });
  conn.listen();
  const uri = pathToFileURL(workspace).href;
  await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: uri, locale,
    workspaceFolders: [{ uri, name: 'ws' }],
    capabilities: { workspace: { configuration: true, ...(given.watchesFiles === false ? {} : { didChangeWatchedFiles: { dynamicRegistration: true } }), workspaceFolders: true }, window: { workDoneProgress: true } },
  });
  conn.sendNotification('initialized', {});
  const waitFor = (check: () => boolean, timeoutMs: number, what: string) => new Promise<void>((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; logs:\n${logs.join('\n')}`)), timeoutMs);
    const again = () => { if (check()) { clearTimeout(timer); resolve(); } else listeners.push(again); };
    listeners.push(again);
  });
  let version = 0;
  const client: LspClient = {
    conn, proc, workspace, diagnostics, statuses, logs, waitFor,
    async waitForDiagnostics(docUri, pred = () => true, timeoutMs = 15000) {
      await waitFor(() => { const d = diagnostics.get(docUri); return !!d && pred(d.diagnostics); }, timeoutMs, `diagnostics for ${docUri}`);
      return diagnostics.get(docUri)!.diagnostics;
    },
    async waitForReady(timeoutMs = 30000) {
      await waitFor(() => statuses.some((s) => s.state === 'ready' || s.state === 'empty'), timeoutMs, 'index ready');
    },
    open(name, text, languageId = 'kopij') {
      const docUri = pathToFileURL(path.join(workspace, name)).href;
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri: docUri, languageId, version: ++version, text } });
      return docUri;
    },
    async stop(opts = {}) {
      // Wait for the server to exit before disposing: killing it while "exit" is still being
      // written races its exit handler.
      const exited = new Promise<void>((res) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return res();
        proc.once('exit', () => res());
        setTimeout(res, 5000).unref();
      });
      await conn.sendRequest('shutdown').catch(() => undefined);
      await conn.sendNotification('exit').catch(() => undefined);
      await exited;
      conn.dispose();
      if (proc.exitCode === null && proc.signalCode === null) proc.kill();
      if (!given.cacheDir) fs.rmSync(cache, { recursive: true, force: true });
      if (!opts.keepWorkspace && scratchWorkspaces.delete(workspace)) fs.rmSync(workspace, { recursive: true, force: true });
    },
  };
  return client;
}
