// The language server: LSP wiring only. Documents, debouncing, cancellation and configuration
// live here; every feature is a pure function in features/ over (document, position, index).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DidChangeWatchedFilesNotification, ShowMessageNotification, MessageType,
  type InitializeParams, type InitializeResult, type Connection, type CancellationToken, ResponseError, ErrorCodes,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { Archive, type CorpusChange } from './archive';
import { tuneV8 } from './core/runtime';
import { cacheDir } from './corpus/cache';
import { describeSkipped } from './corpus/read';
import { pickLocale, t, formatDate, kindLabel, type Locale } from './core/l10n';
import { DraftAnalyzer, type DraftAnalysis } from './facts/draft';
import { buildDossier } from './facts/dossier';
import { computeDiagnostics, DEFAULT_DIAGNOSTIC_OPTIONS, type DiagnosticOptions } from './features/diagnostics';
import { codeActions, MARK_CHECKED_COMMAND } from './features/actions';
import { hover } from './features/hover';
import { complete, resolveCompletion, TRIGGER_CHARACTERS } from './features/completion';
import { definition, references, documentSymbols, workspaceSymbols } from './features/navigation';
import { LEGEND, semanticTokens } from './features/semanticTokens';
import { addChecked, checkedKey, readChecked, CHECKED_FILE } from './features/checked';
import { dossierMarkdown } from './features/render';
import {
  StatusNotification, ReindexRequest, SummaryRequest, PlacesRequest, DossierRequest,
  type StatusParams, type PlaceItem, type DossierParams,
} from './protocol';

interface Settings {
  corpus: { paths: string[] };
  houseSpellings: Record<string, string>;
  houseStyle: 'nos' | 'archive-majority';
  diagnostics: { conflictSeverity: string; outdatedSeverity: string; unconfirmedSeverity: string; variantSpellingSeverity: string };
  limits: { maxFileSizeMB: number; maxDraftSizeKB: number };
  debounceMs: number;
}

const DEFAULT_SETTINGS: Settings = {
  corpus: { paths: ['corpus'] },
  houseSpellings: {},
  houseStyle: 'nos',
  diagnostics: { conflictSeverity: 'warning', outdatedSeverity: 'information', unconfirmedSeverity: 'information', variantSpellingSeverity: 'information' },
  limits: { maxFileSizeMB: 50, maxDraftSizeKB: 1024 },
  debounceMs: 300,
};

function severityOf(s: string | undefined, fallback: DiagnosticSeverity | null): DiagnosticSeverity | null {
  switch ((s ?? '').toLowerCase()) {
    case 'error': return DiagnosticSeverity.Error;
    case 'warning': return DiagnosticSeverity.Warning;
    case 'information': case 'info': return DiagnosticSeverity.Information;
    case 'hint': return DiagnosticSeverity.Hint;
    case 'off': case 'none': return null;
    default: return fallback;
  }
}

/** Settings as the client sent them, made safe: anything of the wrong type or out of range falls
 *  back to its default (a negative size limit would otherwise reject every draft). */
function merge(settings: Partial<Settings> | null | undefined): Settings {
  const s = (settings && typeof settings === 'object' ? settings : {}) as Record<string, any>;
  const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {});
  const positive = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : d);
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
  const paths = obj(s.corpus).paths;
  const diagnostics = obj(s.diagnostics);
  const limits = obj(s.limits);
  const D = DEFAULT_SETTINGS;
  return {
    corpus: { paths: Array.isArray(paths) && paths.every((p) => typeof p === 'string' && p.length > 0) ? paths as string[] : D.corpus.paths },
    houseSpellings: Object.fromEntries(Object.entries(obj(s.houseSpellings)).filter(([k, v]) => k && typeof v === 'string' && v)) as Record<string, string>,
    houseStyle: s.houseStyle === 'archive-majority' ? 'archive-majority' : 'nos',
    diagnostics: {
      conflictSeverity: str(diagnostics.conflictSeverity, D.diagnostics.conflictSeverity),
      outdatedSeverity: str(diagnostics.outdatedSeverity, D.diagnostics.outdatedSeverity),
      unconfirmedSeverity: str(diagnostics.unconfirmedSeverity, D.diagnostics.unconfirmedSeverity),
      variantSpellingSeverity: str(diagnostics.variantSpellingSeverity, D.diagnostics.variantSpellingSeverity),
    },
    limits: { maxFileSizeMB: positive(limits.maxFileSizeMB, D.limits.maxFileSizeMB), maxDraftSizeKB: positive(limits.maxDraftSizeKB, D.limits.maxDraftSizeKB) },
    debounceMs: typeof s.debounceMs === 'number' && s.debounceMs >= 0 && Number.isFinite(s.debounceMs) ? Math.min(s.debounceMs, 5000) : D.debounceMs,
  };
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let locale: Locale = 'nl';
  let settings = DEFAULT_SETTINGS;
  let folders: string[] = [];
  let explicitCacheDir: string | undefined;
  let canConfigure = false;
  let canWatch = false;
  let canProgress = false;
  let archive: Archive | null = null;
  let analyzer: DraftAnalyzer | null = null;
  let status: StatusParams = { state: 'starting', done: 0, total: 0, articles: 0, places: 0, figures: 0, skipped: 0, message: '' };
  let building: Promise<void> | null = null;
  let rebuildQueued = false;
  let watcher: { close(): void } | null = null;
  const analyses = new Map<string, { version: number; analysis: DraftAnalysis }>();
  const timers = new Map<string, NodeJS.Timeout>();
  let checked = new Set<string>();

  const log = (msg: string) => connection.console.log(msg);
  // A notification (window/showMessage), not connection.window.show*Message: that is a request
  // (window/showMessageRequest), which Neovim 0.7 answers with a blocking prompt.
  const notify = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message });

  function sendStatus(patch: Partial<StatusParams>): void {
    status = { ...status, ...patch };
    status.message = status.state === 'indexing'
      ? t(locale, 'statusIndexing', { done: status.done, total: status.total })
      : status.state === 'empty'
        ? t(locale, 'statusNoArticles', { paths: corpusPaths().join(', ') })
        : t(locale, 'statusReady', { articles: status.articles, places: status.places, figures: status.figures });
    void connection.sendNotification(StatusNotification, status);
  }

  function corpusPaths(): string[] {
    const bases = folders.length ? folders : [process.cwd()];
    const out: string[] = [];
    for (const b of bases) for (const p of settings.corpus.paths) out.push(path.resolve(b, p));
    return [...new Set(out)];
  }

  function checkedFiles(): string[] { return (folders.length ? folders : [process.cwd()]).map((f) => path.join(f, CHECKED_FILE)); }
  function reloadChecked(): void {
    checked = new Set(checkedFiles().flatMap((f) => readChecked(f).map((e) => e.key)));
  }

  async function loadSettings(): Promise<void> {
    if (!canConfigure) return;
    try {
      settings = merge(await connection.workspace.getConfiguration('bronvast'));
    } catch {
      settings = DEFAULT_SETTINGS;
    }
  }

  // Corpus changes waiting for the next index run; null after a settings or folder change, which
  // needs a full build of a new archive. The current archive keeps serving until its successor
  // (or its updated index) is complete.
  let pendingChanges: CorpusChange[] | null = [];

  async function rebuild(changes?: CorpusChange[]): Promise<void> {
    if (changes && archive) pendingChanges?.push(...changes);
    else pendingChanges = null;
    if (building) { rebuildQueued = true; return building; }
    building = (async () => {
      do {
        rebuildQueued = false;
        const batch = pendingChanges;
        pendingChanges = [];
        await doBuild(batch);
      } while (rebuildQueued);
    })().finally(() => { building = null; });
    return building;
  }

  /** Index the corpus: `changes` updates the current archive in place, null builds a new one. */
  async function doBuild(changes: CorpusChange[] | null): Promise<void> {
    const paths = corpusPaths();
    const existing = paths.filter((p) => fs.existsSync(p));
    const incremental = !!(changes && archive);
    const next = incremental ? archive! : new Archive({
      paths: existing, baseDir: folders[0] ?? process.cwd(), cacheDir: cacheDir(explicitCacheDir),
      maxFileBytes: settings.limits.maxFileSizeMB * 1024 * 1024, houseSpellings: settings.houseSpellings, houseStyle: settings.houseStyle, log,
    });
    if (!existing.length) log(t(locale, 'statusNoCorpus', { paths: paths.join(', ') }));
    let progress: Awaited<ReturnType<typeof connection.window.createWorkDoneProgress>> | null = null;
    if (canProgress && !incremental) {
      try {
        progress = await connection.window.createWorkDoneProgress();
        progress.begin(t(locale, 'statusIndexing', { done: 0, total: '…' }), 0, undefined, false);
      } catch { progress = null; }
    }
    if (!incremental) sendStatus({ state: 'indexing', done: 0, total: 0 });
    let last = 0;
    try {
      const report = incremental ? await next.update(changes!) : await next.build((done, total, info) => {
        const now = Date.now();
        if (now - last < 100 && done !== total) return;
        last = now;
        const msg = t(locale, 'statusIndexing', { done, total });
        // Two passes of about the same length: each is half of the bar.
        const part = total ? done / total : 0;
        progress?.report(Math.round((info.phase === 'analyse' ? part / 2 : 0.5 + part / 2) * 100), msg);
        sendStatus({ state: 'indexing', done, total });
      });
      if (!incremental) for (const s of report.skipped) log(describeSkipped(s, locale, folders[0]));
      log(`${t(locale, 'statusReady', { articles: report.articles, places: report.places, figures: report.figures })} (${report.analysed} analysed, ${report.fromCache} from cache, ${report.recognised} recognised, ${report.mode ?? 'full'}, ${report.ms} ms)`);
      // Swap in the new index only now: requests were answered from the previous one meanwhile.
      archive = next;
      analyzer = new DraftAnalyzer(next.index);
      analyses.clear();
      const wasEmpty = status.state === 'empty';
      sendStatus({ state: report.articles ? 'ready' : 'empty', done: report.articles, total: report.articles, articles: report.articles, places: report.places, figures: report.figures, skipped: report.skipped.filter((s) => !s.kept).length });
      // An archive without articles is said once (status bar and a message), not at every rebuild.
      if (!report.articles && !wasEmpty) notify(MessageType.Warning, status.message);
    } catch (e) {
      log(`indexing failed: ${(e as Error)?.stack ?? e}`);
      sendStatus({ state: 'error' });
    } finally {
      progress?.done();
    }
    if (!incremental) startWatcher();
    for (const doc of documents.all()) schedule(doc, 0);
  }

  function startWatcher(): void {
    watcher?.close();
    watcher = null;
    if (canWatch) return; // the client sends workspace/didChangeWatchedFiles
    try {
      const { watchCorpus } = require('./corpus/watch') as typeof import('./corpus/watch');
      const existing = corpusPaths().filter((p) => fs.existsSync(p));
      if (existing.length) watcher = watchCorpus(existing, folders[0] ?? process.cwd(), (changes) => void rebuild(changes));
    } catch (e) {
      log(`file watching unavailable: ${(e as Error).message}`);
    }
  }

  function diagnosticOptions(): DiagnosticOptions {
    const d = settings.diagnostics;
    return {
      locale,
      severity: {
        conflict: severityOf(d.conflictSeverity, DiagnosticSeverity.Warning),
        outdated: severityOf(d.outdatedSeverity, DiagnosticSeverity.Information),
        unconfirmed: severityOf(d.unconfirmedSeverity, DiagnosticSeverity.Information),
        variant: severityOf(d.variantSpellingSeverity, DiagnosticSeverity.Information),
      },
      checked,
      houseSpelling: (id, written) => {
        const direct = settings.houseSpellings[written];
        if (direct) return direct;
        const name = archive?.index.place(id)?.name;
        return name ?? DEFAULT_DIAGNOSTIC_OPTIONS.houseSpelling(id, written);
      },
    };
  }

  function tooLarge(doc: TextDocument): boolean {
    return doc.getText().length > settings.limits.maxDraftSizeKB * 1024;
  }

  /** The current analysis of a document (computed now if stale). Null when too large or no index. */
  function analysisOf(doc: TextDocument, token?: CancellationToken): DraftAnalysis | null {
    if (!analyzer || !archive) return null;
    if (tooLarge(doc)) return null;
    const cached = analyses.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.analysis;
    const a = analyzer.analyze(doc.getText(), () => !!token?.isCancellationRequested);
    if (a) analyses.set(doc.uri, { version: doc.version, analysis: a });
    return a;
  }

  /** An archive article opened in the editor: checking it against itself would only repeat it. */
  function isArchiveDocument(uri: string): boolean {
    let file: string;
    try { file = fileURLToPath(uri); } catch { return false; }
    return corpusPaths().some((r) => file === r || file.startsWith(r + path.sep));
  }

  function publish(doc: TextDocument): void {
    if (isArchiveDocument(doc.uri)) {
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
      return;
    }
    if (tooLarge(doc)) {
      void connection.sendDiagnostics({
        uri: doc.uri, version: doc.version,
        diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'bronvast', code: 'draft-too-large', message: t(locale, 'draftTooLarge', { kb: settings.limits.maxDraftSizeKB }) }],
      });
      return;
    }
    const version = doc.version;
    const a = analysisOf(doc, { isCancellationRequested: documents.get(doc.uri)?.version !== version, onCancellationRequested: () => ({ dispose() {} }) } as CancellationToken);
    if (!a || !archive) return;
    if (documents.get(doc.uri)?.version !== version) return; // superseded by a newer edit
    void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: computeDiagnostics(doc, a, archive.index, diagnosticOptions()) });
  }

  function schedule(doc: TextDocument, delay = settings.debounceMs): void {
    const old = timers.get(doc.uri);
    if (old) clearTimeout(old);
    timers.set(doc.uri, setTimeout(() => {
      timers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (!current) return;
      try { publish(current); } catch (e) { log(`diagnostics failed for ${doc.uri}: ${(e as Error)?.stack ?? e}`); }
    }, delay));
  }

  /** Run a feature safely: an unknown document or a failing feature answers null, never crashes. */
  function withDoc<T>(uri: string, token: CancellationToken | undefined, f: (doc: TextDocument, a: DraftAnalysis) => T, empty: T): T {
    const doc = documents.get(uri);
    if (!doc || !archive) return empty;
    try {
      const a = analysisOf(doc, token);
      if (!a) return empty;
      return f(doc, a);
    } catch (e) {
      log(`request failed for ${uri}: ${(e as Error)?.stack ?? e}`);
      return empty;
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as { cacheDir?: string; locale?: string };
    locale = pickLocale(init.locale ?? params.locale);
    explicitCacheDir = init.cacheDir;
    const caps = params.capabilities;
    canConfigure = !!caps.workspace?.configuration;
    canWatch = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canProgress = !!caps.window?.workDoneProgress;
    folders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
    if (!folders.length && params.rootUri) folders = [fileURLToPath(params.rootUri)];
    else if (!folders.length && params.rootPath) folders = [params.rootPath];
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

  connection.onInitialized(async () => {
    if (canWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{txt,md,markdown,jsonl}' }, { globPattern: `**/${CHECKED_FILE.replace(/\\/g, '/')}` }],
      }).catch(() => { canWatch = false; startWatcher(); });
    }
    try {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => fileURLToPath(f.uri)));
        folders = folders.filter((f) => !removed.has(f)).concat(e.added.map((f) => fileURLToPath(f.uri)));
        void rebuild();
      });
    } catch { /* client without workspace folder support */ }
    await loadSettings();
    reloadChecked();
    void rebuild();
  });

  connection.onDidChangeConfiguration(async () => {
    const before = settings;
    await loadSettings();
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    if (!same(settings.corpus, before.corpus) || !same(settings.houseSpellings, before.houseSpellings) || settings.houseStyle !== before.houseStyle) void rebuild();
    else { analyses.clear(); for (const d of documents.all()) schedule(d, 0); }
  });

  connection.onDidChangeWatchedFiles((p) => {
    const checkedChanged = p.changes.some((c) => c.uri.endsWith(CHECKED_FILE.replace(/\\/g, '/')));
    if (checkedChanged) { reloadChecked(); for (const d of documents.all()) schedule(d, 0); }
    const corpusRoots = corpusPaths();
    const relevant: CorpusChange[] = [];
    for (const c of p.changes) {
      let f: string;
      try { f = fileURLToPath(c.uri); } catch { continue; }
      if (corpusRoots.some((r) => f === r || f.startsWith(r + path.sep))) relevant.push({ file: f, type: c.type === 1 ? 'created' : c.type === 3 ? 'deleted' : 'changed' });
    }
    if (relevant.length) void rebuild(relevant);
  });

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    analyses.delete(e.document.uri);
    const tm = timers.get(e.document.uri);
    if (tm) clearTimeout(tm);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /** A position a client may send that points nowhere: negative or past the last line. */
  const badPosition = (uri: string, pos: { line: number; character: number } | undefined) => {
    const doc = documents.get(uri);
    return !pos || !doc || !Number.isInteger(pos.line) || !Number.isInteger(pos.character) || pos.line < 0 || pos.character < 0 || pos.line >= doc.lineCount;
  };

  connection.onHover((p, token) => badPosition(p.textDocument.uri, p.position) ? null : withDoc(p.textDocument.uri, token, (doc, a) => hover(doc, p.position, a, archive!.index, locale), null));
  connection.onCompletion((p, token) => badPosition(p.textDocument.uri, p.position) ? { isIncomplete: false, items: [] } : withDoc(p.textDocument.uri, token, (doc, a) => complete(doc, p.position, a, archive!.index, locale), { isIncomplete: false, items: [] }));
  connection.onCompletionResolve((item) => { try { return archive ? resolveCompletion(item, archive.index, locale) : item; } catch { return item; } });
  connection.onDefinition((p, token) => badPosition(p.textDocument.uri, p.position) ? [] : withDoc(p.textDocument.uri, token, (doc, a) => definition(doc, p.position, a, archive!.index), []));
  connection.onReferences((p, token) => badPosition(p.textDocument.uri, p.position) ? [] : withDoc(p.textDocument.uri, token, (doc, a) => references(doc, p.position, a, archive!.index, p.context?.includeDeclaration !== false), []));
  connection.onDocumentSymbol((p, token) => withDoc(p.textDocument.uri, token, (doc, a) => documentSymbols(doc, a, archive!.index, locale), []));
  connection.onWorkspaceSymbol((p) => { try { return archive ? workspaceSymbols(String(p.query ?? ''), archive.index, locale) : []; } catch { return []; } });
  connection.onCodeAction((p) => {
    try { return codeActions(p.textDocument.uri, p.context?.diagnostics ?? [], locale); } catch { return []; }
  });
  connection.languages.semanticTokens.on((p, token) => withDoc(p.textDocument.uri, token, (doc, a) => semanticTokens(doc, a, archive!.index), { data: [] }));

  connection.onExecuteCommand(async (p) => {
    if (p.command !== MARK_CHECKED_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${p.command}`);
    const [uri, figure, sentence] = (p.arguments ?? []) as [string, string, string];
    if (typeof figure !== 'string' || typeof sentence !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'expected [uri, figure, sentence]');
    const folder = folders.find((f) => { try { return fileURLToPath(uri).startsWith(f + path.sep); } catch { return false; } }) ?? folders[0] ?? process.cwd();
    const file = path.join(folder, CHECKED_FILE);
    addChecked(file, { key: checkedKey(figure, sentence), figure, sentence, document: uri, checkedAt: new Date().toISOString() });
    reloadChecked();
    const doc = documents.get(uri);
    if (doc) schedule(doc, 0);
    notify(MessageType.Info, t(locale, 'checkedNote', { file: path.relative(folder, file) }));
    return null;
  });

  connection.onRequest(ReindexRequest, async () => { await rebuild(); return status; });
  connection.onRequest(SummaryRequest, () => ({ markdown: summaryMarkdown(), status }));
  connection.onRequest(PlacesRequest, (): PlaceItem[] => {
    if (!archive) return [];
    return [...archive.index.places.values()]
      .sort((a, b) => b.mentions.length - a.mentions.length)
      .map((p) => ({ id: p.id, name: p.name, kind: kindLabel(p.kind, locale), region: p.parent ? archive!.index.place(p.parent)?.name ?? null : null, mentions: p.mentions.length, articles: p.articles.size }));
  });
  connection.onRequest(DossierRequest, (p: DossierParams) => {
    if (!archive || typeof p?.id !== 'string') return { markdown: null };
    const id = archive.index.place(p.id) ? p.id : archive.index.resolve(p.id);
    const d = id ? buildDossier(archive.index, id) : null;
    return { markdown: d ? dossierMarkdown(d, locale, { maxClaims: 30, maxSentences: 15 }) : null };
  });

  function summaryMarkdown(): string {
    const lines = [`# ${t(locale, 'summaryTitle')}`, '', status.message || t(locale, 'statusReady', status as unknown as Record<string, number>), ''];
    lines.push(`**${t(locale, 'corpusPaths')}:** ${corpusPaths().map((p) => '`' + p + '`').join(', ')}`, '');
    if (archive) {
      const top = [...archive.index.places.values()].sort((a, b) => b.mentions.length - a.mentions.length).slice(0, 15);
      if (top.length) {
        lines.push(`## ${t(locale, 'topPlaces')}`, '');
        for (const p of top) lines.push(`- **${p.name}** (${kindLabel(p.kind, locale)}) — ${p.mentions.length}×, ${formatDate(p.firstDate, locale)} – ${formatDate(p.lastDate, locale)}`);
        lines.push('');
      }
      if (archive.skipped.length) {
        lines.push(`## ${t(locale, 'skippedHeader')} (${archive.skipped.length})`, '');
        for (const s of archive.skipped.slice(0, 200)) lines.push(`- ${describeSkipped(s, locale, folders[0])}`);
      }
    }
    return lines.join('\n');
  }

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
