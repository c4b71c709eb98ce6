// The language server: an adapter from LSP to the workspace service (service/workspace.ts).
// Documents, debouncing, cancellation, progress, the status bar and the file watcher live here;
// every feature is a function in features/ over (document, position, analysis, index).

import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DidChangeWatchedFilesNotification, ShowMessageNotification, MessageType,
  type InitializeParams, type InitializeResult, type Connection, type CancellationToken, type CompletionList, ResponseError, ErrorCodes,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildShare } from './archive';
import { tuneV8 } from './core/runtime';
import { formatDateTime, pickLocale, t } from './core/l10n';
import { cacheDir } from './corpus/cache';
import { SUPPORTED_EXTENSIONS } from './corpus/read';
import { describeSkipped } from './corpus/skips';
import type { CorpusChange } from './corpus/types';
import type { DraftAnalysis } from './facts/draft';
import type { PlaceView } from './facts/view';
import { StoreError } from './store/pg';
import { codeActions, MARK_CHECKED_COMMAND } from './features/actions';
import { CHECKED_FILE } from './features/checked';
import { complete, resolveCompletion, TRIGGER_CHARACTERS } from './features/completion';
import { hover } from './features/hover';
import { definition, references, documentSymbols, workspaceSymbols } from './features/navigation';
import { LEGEND, semanticTokens } from './features/semanticTokens';
import {
  StatusNotification, ReindexRequest, SummaryRequest, PlacesRequest, DossierRequest,
  type StatusParams, type PlaceItem, type DossierParams,
} from './protocol';
import { readSettings } from './service/settings';
import { fileOf, Workspace } from './service/workspace';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let canConfigure = false;
  let canWatch = false;
  let canProgress = false;
  let status: StatusParams = { state: 'starting', done: 0, total: 0, articles: 0, places: 0, figures: 0, skipped: 0, message: '' };
  let watcher: { close(): void } | null = null;
  const timers = new Map<string, NodeJS.Timeout>();
  let progress: Awaited<ReturnType<typeof connection.window.createWorkDoneProgress>> | null = null;
  let lastProgress = 0;

  const log = (msg: string) => connection.console.log(msg);
  // A notification (window/showMessage), not connection.window.show*Message: that is a request
  // (window/showMessageRequest), which Neovim 0.7 answers with a blocking prompt.
  const notify = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message });

  const ws = new Workspace({ folders: [], locale: 'nl', keepsArchive: true, log }, {
    async started() {
      if (canProgress) {
        try {
          progress = await connection.window.createWorkDoneProgress();
          progress.begin(t(ws.locale, 'statusIndexing', { done: 0, total: '…' }), 0, undefined, false);
        } catch { progress = null; }
      }
      sendStatus({ state: 'indexing', done: 0, total: 0 });
    },
    progress(done, total, info) {
      const now = Date.now();
      if (now - lastProgress < 100 && done !== total) return;
      lastProgress = now;
      progress?.report(Math.round(buildShare(done, total, info.phase) * 100), t(ws.locale, 'statusIndexing', { done, total }));
      sendStatus({ state: 'indexing', done, total });
    },
    finished(report, incremental) {
      progress?.done();
      progress = null;
      if (!incremental) for (const sk of report.skipped) log(describeSkipped(sk, ws.locale, ws.folders[0]));
      log(`${t(ws.locale, 'statusReady', { articles: report.articles, places: report.places, figures: report.figures })} (${report.analysed} analysed, ${report.fromCache} from cache, ${report.recognised} recognised, ${report.mode ?? 'full'}, ${report.ms} ms)`);
      const wasEmpty = status.state === 'empty';
      const store = ws.storeStatus();
      sendStatus({
        state: report.articles ? 'ready' : 'empty', done: report.articles, total: report.articles, articles: report.articles, places: report.places, figures: report.figures, skipped: report.skipped.filter((sk) => !sk.kept).length,
        store: store?.store, generation: store?.generation, updatedAt: store?.updatedAt ?? undefined, error: undefined,
      });
      // An archive without articles is said once (status bar and a message), not at every rebuild.
      if (!report.articles && !wasEmpty) notify(MessageType.Warning, status.message);
      if (!incremental) startWatcher();
      for (const doc of documents.all()) schedule(doc, 0);
    },
    cancelled() {
      progress?.done();
      progress = null;
      log('index run superseded by a newer one');
    },
    failed(e) {
      progress?.done();
      progress = null;
      log(`indexing failed: ${(e as Error)?.stack ?? e}`);
      sendStatus({ state: 'error', error: e instanceof StoreError ? e.text(ws.locale) : String((e as Error)?.message ?? e) });
    },
  });

  function sendStatus(patch: Partial<StatusParams>): void {
    status = { ...status, ...patch };
    const locale = ws.locale;
    const onStore = status.store ? ` · ${t(locale, 'statusStore', { store: status.store, updated: status.updatedAt ? formatDateTime(status.updatedAt, locale) : '—' })}` : '';
    status.message = status.state === 'indexing'
      ? t(locale, 'statusIndexing', { done: status.done, total: status.total })
      : status.state === 'error' && status.store !== undefined && status.error
        ? t(locale, 'statusStoreFailed', { why: status.error })
        : status.state === 'empty'
          ? t(locale, 'statusNoArticles', { paths: ws.corpusPaths().join(', ') }) + onStore
          : t(locale, 'statusReady', { articles: status.articles, places: status.places, figures: status.figures }) + onStore;
    void connection.sendNotification(StatusNotification, status);
  }

  async function loadSettings(): Promise<'rebuild' | 'reanalyse'> {
    if (!canConfigure) return 'reanalyse';
    let sent: unknown = null;
    try { sent = await connection.workspace.getConfiguration('bronvast'); } catch { /* defaults */ }
    return ws.setSettings(readSettings(sent));
  }

  function startWatcher(): void {
    watcher?.close();
    watcher = null;
    if (canWatch || ws.stored) return; // the client sends workspace/didChangeWatchedFiles; a store notifies
    try {
      const { watchCorpus } = require('./corpus/watch') as typeof import('./corpus/watch');
      const existing = ws.corpusPaths().filter((p) => fs.existsSync(p));
      if (!existing.length) return;
      const w = watchCorpus(existing, ws.folders[0], (changes) => void ws.rebuild(changes), { onError: log, locale: ws.locale });
      watcher = w;
      void w.ready.then(() => { if (watcher === w) log(t(ws.locale, 'watchingFiles', { paths: existing.join(', ') })); });
    } catch (e) {
      log(`file watching unavailable: ${(e as Error).message}`);
    }
  }

  /** The current analysis of an open document (computed now if stale). */
  function analysisOf(doc: TextDocument, token?: CancellationToken): DraftAnalysis | null {
    return ws.analysis(doc.uri, doc.version, doc.getText(), () => !!token?.isCancellationRequested);
  }

  async function publish(doc: TextDocument): Promise<void> {
    const version = doc.version;
    const diagnostics = await ws.settle(() => ws.diagnostics(doc, () => documents.get(doc.uri)?.version !== version));
    if (!diagnostics) return;
    if (documents.get(doc.uri)?.version !== version) return; // superseded by a newer edit
    void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
  }

  function schedule(doc: TextDocument, delay = ws.settings.debounceMs): void {
    const old = timers.get(doc.uri);
    if (old) clearTimeout(old);
    timers.set(doc.uri, setTimeout(() => {
      timers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (!current) return;
      publish(current).catch((e) => log(`diagnostics failed for ${doc.uri}: ${(e as Error)?.stack ?? e}`));
    }, delay));
  }

  /**
   * Run a feature safely: an unknown document or a failing feature answers `empty`, never crashes.
   * (On a shared store it may run twice: see Workspace.settle.)
   */
  async function withDoc<T>(uri: string, token: CancellationToken | undefined, f: (doc: TextDocument, a: DraftAnalysis, index: PlaceView) => T, empty: T): Promise<T> {
    const doc = documents.get(uri);
    if (!doc || !ws.view) return empty;
    try {
      return await ws.settle(() => {
        const index = ws.view;
        const a = index && analysisOf(doc, token);
        return a && index ? f(doc, a, index) : empty;
      });
    } catch (e) {
      log(`request failed for ${uri}: ${(e as Error)?.stack ?? e}`);
      return empty;
    }
  }

  /** The same for a request about the archive, not a document. */
  async function withView<T>(f: (index: PlaceView) => T, empty: T): Promise<T> {
    try {
      return await ws.settle(() => { const index = ws.view; return index ? f(index) : empty; });
    } catch (e) {
      log(`request failed: ${(e as Error)?.stack ?? e}`);
      return empty;
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as { cacheDir?: string; locale?: string };
    ws.locale = pickLocale(init.locale ?? params.locale);
    const caps = params.capabilities;
    canConfigure = !!caps.workspace?.configuration;
    canWatch = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canProgress = !!caps.window?.workDoneProgress;
    let folders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
    if (!folders.length && params.rootUri) folders = [fileURLToPath(params.rootUri)];
    else if (!folders.length && params.rootPath) folders = [params.rootPath];
    ws.folders = folders;
    if (init.cacheDir) ws.cacheDir = cacheDir(init.cacheDir);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: true },
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        semanticTokensProvider: { legend: LEGEND, full: true },
        executeCommandProvider: { commands: [MARK_CHECKED_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'bronvast', version: '0.1.0' },
    };
  });

  const checkedGlob = CHECKED_FILE.replace(/\\/g, '/');
  connection.onInitialized(async () => {
    if (canWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/*.{${SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(',')}}` }, { globPattern: `**/${checkedGlob}` }],
      }).catch(() => { canWatch = false; startWatcher(); });
    }
    try {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => fileURLToPath(f.uri)));
        ws.folders = ws.folders.filter((f) => !removed.has(f)).concat(e.added.map((f) => fileURLToPath(f.uri)));
        void ws.rebuild();
      });
    } catch { /* client without workspace folder support */ }
    await loadSettings();
    void ws.rebuild();
  });

  connection.onDidChangeConfiguration(async () => {
    if ((await loadSettings()) === 'rebuild') void ws.rebuild();
    else for (const d of documents.all()) schedule(d, 0);
  });

  connection.onDidChangeWatchedFiles((p) => {
    if (p.changes.some((c) => c.uri.endsWith(checkedGlob))) { ws.reloadChecked(); for (const d of documents.all()) schedule(d, 0); }
    const relevant: CorpusChange[] = [];
    for (const c of p.changes) {
      const f = fileOf(c.uri);
      if (f && ws.isArchiveFile(f)) relevant.push({ file: f, type: c.type === 1 ? 'created' : c.type === 3 ? 'deleted' : 'changed' });
    }
    if (relevant.length) void ws.rebuild(relevant);
  });

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    ws.forget(e.document.uri);
    const tm = timers.get(e.document.uri);
    if (tm) clearTimeout(tm);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /** A position a client may send that points nowhere: negative or past the last line. */
  const badPosition = (uri: string, pos: { line: number; character: number } | undefined) => {
    const doc = documents.get(uri);
    return !pos || !doc || !Number.isInteger(pos.line) || !Number.isInteger(pos.character) || pos.line < 0 || pos.character < 0 || pos.line >= doc.lineCount;
  };
  const noItems: CompletionList = { isIncomplete: false, items: [] };

  connection.onHover((p, token) => badPosition(p.textDocument.uri, p.position) ? null : withDoc(p.textDocument.uri, token, (doc, a, index) => hover(doc, p.position, a, index, ws.locale), null));
  connection.onCompletion((p, token) => badPosition(p.textDocument.uri, p.position) ? noItems : withDoc(p.textDocument.uri, token, (doc, a, index) => complete(doc, p.position, a, index, ws.locale), noItems));
  connection.onCompletionResolve((item) => withView((index) => resolveCompletion(item, index, ws.locale), item));
  connection.onDefinition((p, token) => badPosition(p.textDocument.uri, p.position) ? [] : withDoc(p.textDocument.uri, token, (doc, a, index) => definition(doc, p.position, a, index), []));
  connection.onReferences((p, token) => badPosition(p.textDocument.uri, p.position) ? [] : withDoc(p.textDocument.uri, token, (doc, a, index) => references(doc, p.position, a, index, p.context?.includeDeclaration !== false), []));
  connection.onDocumentSymbol((p, token) => withDoc(p.textDocument.uri, token, (doc, a, index) => documentSymbols(doc, a, index, ws.locale), []));
  connection.onWorkspaceSymbol((p) => withView((index) => workspaceSymbols(String(p.query ?? ''), index, ws.locale), []));
  connection.onCodeAction((p) => {
    try { return codeActions(p.textDocument.uri, p.context?.diagnostics ?? [], ws.locale); } catch { return []; }
  });
  connection.languages.semanticTokens.on((p, token) => withDoc(p.textDocument.uri, token, (doc, a, index) => semanticTokens(doc, a, index), { data: [] }));

  connection.onExecuteCommand(async (p) => {
    if (p.command !== MARK_CHECKED_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${p.command}`);
    const [uri, figure, sentence] = (p.arguments ?? []) as [string, string, string];
    if (typeof uri !== 'string' || typeof figure !== 'string' || typeof sentence !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'expected [uri, figure, sentence]');
    const file = ws.markChecked(uri, figure, sentence);
    const doc = documents.get(uri);
    if (doc) schedule(doc, 0);
    notify(MessageType.Info, t(ws.locale, 'checkedNote', { file }));
    return null;
  });

  connection.onRequest(ReindexRequest, async () => { await ws.rebuild(); return status; });
  connection.onRequest(SummaryRequest, () => ({ markdown: ws.summaryMarkdown(status.message || t(ws.locale, 'statusReady', status as unknown as Record<string, number>)), status }));
  connection.onRequest(PlacesRequest, (): PlaceItem[] => ws.places());
  connection.onRequest(DossierRequest, async (p: DossierParams) => ({ markdown: typeof p?.id === 'string' ? await ws.settle(() => ws.dossierMarkdown(p.id)) : null }));

  documents.listen(connection);
  connection.listen();
}

// Started as a program: stdio (--stdio), node IPC (--node-ipc, as VS Code starts it) or sockets,
// as vscode-languageserver picks from the command line.
if (require.main === module) {
  tuneV8();
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection);
}
