// The Bronvast VS Code client: starts the language server, shows its status, and implements the
// commands the server refers to. It holds no analysis logic: everything it shows comes from the
// server (standard LSP plus the messages in server/src/protocol.ts).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
  State,
  type DocumentSelector,
} from 'vscode-languageclient/node';
import { relativeLinks } from './links';
import { serverEnv } from './serverEnv';
import {
  Commands,
  DossierRequest,
  type DossierResult,
  PlacesRequest,
  type PlaceItem,
  ReindexRequest,
  StatusNotification,
  type StatusParams,
  SummaryRequest,
  type SummaryResult,
} from '../../server/src/protocol';

/** Folder (under the extension's global storage) for the summary and dossier Markdown views. */
export const ViewsFolder = 'views';
/** Files the server indexes as corpus; changes are forwarded as workspace/didChangeWatchedFiles. */
export const CorpusGlob = '**/*.{txt,md,markdown,jsonl}';
export const DefaultLanguages = ['kopij', 'plaintext', 'markdown'];
/** Extra client-side commands (not in the protocol: the server never refers to them). */
export const ClientCommands = {
  restartServer: 'bronvast.restartServer',
  showOutput: 'bronvast.showOutput',
} as const;

/** What tests and other extensions can reach through `extension.exports`. */
export interface BronvastApi {
  /** The running language client, or undefined while (re)starting. */
  client(): LanguageClient | undefined;
  /** The last status notification from the server. */
  status(): StatusParams | undefined;
  /** Resolves when the server reports state `ready` (or rejects after `timeoutMs`). */
  whenReady(timeoutMs?: number): Promise<StatusParams>;
}

let client: LanguageClient | undefined;
let lastStatus: StatusParams | undefined;
const statusListeners = new Set<(s: StatusParams) => void>();

export async function activate(context: vscode.ExtensionContext): Promise<BronvastApi> {
  const output = vscode.window.createOutputChannel('Bronvast', { log: true });
  context.subscriptions.push(output);

  const statusItem = vscode.window.createStatusBarItem('bronvast.status', vscode.StatusBarAlignment.Left, 10);
  statusItem.name = 'Bronvast';
  statusItem.command = Commands.showSummary;
  context.subscriptions.push(statusItem);
  renderStatus(statusItem, undefined);
  statusItem.show();

  const views = new MarkdownViews(path.join(context.globalStorageUri.fsPath, ViewsFolder), () => client);

  const onStatus = (s: StatusParams): void => {
    const wasReady = lastStatus?.state === 'ready';
    lastStatus = s;
    renderStatus(statusItem, s);
    // A finished (re)index changes what summaries and dossiers say: refresh open ones.
    if ((s.state === 'ready' || s.state === 'empty') && !wasReady) void views.refreshAll();
    for (const l of statusListeners) l(s);
  };

  const start = async (): Promise<void> => {
    const c = createClient(context, output);
    context.subscriptions.push(c.onNotification(StatusNotification, onStatus));
    client = c;
    try {
      await c.start();
    } catch (e) {
      output.error(vscode.l10n.t('The Bronvast language server could not be started: {0}', errorText(e)));
      renderStatus(statusItem, errorStatus(errorText(e)));
    }
  };
  const stop = async (): Promise<void> => {
    const c = client;
    client = undefined;
    if (c && c.needsStop()) await c.stop();
  };
  const restart = async (): Promise<void> => {
    lastStatus = undefined;
    renderStatus(statusItem, undefined);
    await stop();
    await start();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openSource, openSource),
    vscode.commands.registerCommand(Commands.reindex, async () => {
      const c = await runningClient();
      if (!c) return;
      await c.sendRequest(ReindexRequest);
    }),
    vscode.commands.registerCommand(Commands.showSummary, async () => {
      if (!(await runningClient())) return;
      await views.show({ kind: 'summary' });
    }),
    vscode.commands.registerCommand(Commands.showDossier, async (id?: unknown) => {
      const c = await runningClient();
      if (!c) return;
      let place: { id: string; name: string } | undefined;
      if (typeof id === 'string' && id.length > 0) {
        place = { id, name: id };
        try {
          const all = await c.sendRequest<PlaceItem[]>(PlacesRequest);
          const hit = all.find((p) => p.id === id);
          if (hit) place = hit;
        } catch {
          /* the id alone is enough to ask for the dossier */
        }
      } else {
        place = await pickPlace(c);
      }
      if (!place) return;
      await views.show({ kind: 'dossier', id: place.id, name: place.name });
    }),
    vscode.commands.registerCommand(ClientCommands.restartServer, restart),
    vscode.commands.registerCommand(ClientCommands.showOutput, () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The document selector is fixed when a client starts; other settings the server pulls itself.
      if (e.affectsConfiguration('bronvast.languages')) await restart();
    }),
    { dispose: () => void stop() },
  );

  await start();

  return {
    client: () => client,
    status: () => lastStatus,
    whenReady: (timeoutMs = 60_000) =>
      new Promise<StatusParams>((resolve, reject) => {
        // (An archive without articles is ready too: house-spelling hints still work.)
        if (lastStatus?.state === 'ready' || lastStatus?.state === 'empty') return resolve(lastStatus);
        const timer = setTimeout(() => {
          statusListeners.delete(listener);
          reject(new Error(`Bronvast server not ready after ${timeoutMs} ms (last state: ${lastStatus?.state ?? 'none'})`));
        }, timeoutMs);
        const listener = (s: StatusParams): void => {
          if (s.state !== 'ready' && s.state !== 'empty') return;
          clearTimeout(timer);
          statusListeners.delete(listener);
          resolve(s);
        };
        statusListeners.add(listener);
      }),
  };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c && c.needsStop()) await c.stop();
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env: serverEnv(process.env) } },
    debug: { module, transport: TransportKind.ipc, options: { env: serverEnv(process.env), execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: {
      // Lets the server know when to pull `bronvast.*` settings again.
      configurationSection: 'bronvast',
      fileEvents: vscode.workspace.createFileSystemWatcher(CorpusGlob),
    },
    initializationOptions: {
      cacheDir: context.globalStorageUri.fsPath,
      locale: vscode.env.language,
    },
    outputChannel: output,
    // Hover and dossier Markdown may link to these commands (`command:bronvast.openSource?…`).
    markdown: {
      isTrusted: { enabledCommands: [Commands.openSource, Commands.showDossier, Commands.showSummary, Commands.reindex] },
      supportHtml: false,
    },
  };
  // The id `bronvast` makes the client honour the `bronvast.trace.server` setting.
  return new LanguageClient('bronvast', 'Bronvast', serverOptions, clientOptions);
}

/** Languages from `bronvast.languages`, on disk and in unsaved (untitled) editors. */
export function documentSelector(): DocumentSelector {
  const configured = vscode.workspace.getConfiguration('bronvast').get<unknown>('languages');
  const languages = Array.isArray(configured)
    ? configured.filter((l): l is string => typeof l === 'string' && l.length > 0)
    : DefaultLanguages;
  const selector: { scheme: string; language: string }[] = [];
  for (const language of new Set(languages)) {
    selector.push({ scheme: 'file', language }, { scheme: 'untitled', language });
  }
  return selector;
}

async function runningClient(): Promise<LanguageClient | undefined> {
  const c = client;
  if (c && c.state === State.Running) return c;
  if (c && c.state === State.Starting) {
    // Wait briefly for a client that is still starting.
    await new Promise<void>((resolve) => {
      const d = c.onDidChangeState(() => {
        d.dispose();
        resolve();
      });
      setTimeout(() => {
        d.dispose();
        resolve();
      }, 10_000);
    });
    if ((c.state as State) === State.Running) return c;
  }
  void vscode.window.showWarningMessage(vscode.l10n.t('The Bronvast language server is not running.'));
  return undefined;
}

async function openSource(uriArg?: unknown, lineArg?: unknown): Promise<void> {
  if (typeof uriArg !== 'string' && !(uriArg instanceof vscode.Uri)) return;
  const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg;
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    const wanted = typeof lineArg === 'number' ? lineArg : Number(lineArg ?? 0);
    const line = Math.max(0, Math.min(doc.lineCount - 1, Number.isFinite(wanted) ? Math.floor(wanted) : 0));
    const range = doc.lineAt(line).range;
    const editor = await vscode.window.showTextDocument(doc, { selection: range, preview: true });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not open {0}: {1}', uri.toString(true), errorText(e)));
  }
}

async function pickPlace(c: LanguageClient): Promise<{ id: string; name: string } | undefined> {
  let places: PlaceItem[];
  try {
    places = await c.sendRequest<PlaceItem[]>(PlacesRequest);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not list the places in the archive: {0}', errorText(e)));
    return undefined;
  }
  if (places.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The archive has no places yet.'));
    return undefined;
  }
  const items = [...places]
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name, 'nl'))
    .map((p) => ({
      label: p.name,
      // (The server words the kind in the UI's language, from the locale the client gave it.)
      description: [p.kind, p.region ?? ''].filter((s) => s.length > 0).join(' · '),
      detail: mentionsText(p.mentions, p.articles),
      place: p,
    }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Bronvast: place dossier'),
    placeHolder: vscode.l10n.t('Choose a place from the archive'),
    matchOnDescription: true,
  });
  return picked?.place;
}

function mentionsText(mentions: number, articles: number): string {
  if (articles === 1) {
    return mentions === 1 ? vscode.l10n.t('1 mention in 1 article') : vscode.l10n.t('{0} mentions in 1 article', mentions);
  }
  return vscode.l10n.t('{0} mentions in {1} articles', mentions, articles);
}

type View = { kind: 'summary' } | { kind: 'dossier'; id: string; name: string };

/**
 * The summary and dossiers as Markdown files in the extension's own storage, shown in the
 * Markdown preview (no webview of our own). Real files rather than virtual documents because
 * the preview only follows links to files relative to the document it shows: the server's
 * `file:///…#L12` source links are rewritten to relative paths, which the preview opens at
 * that line. Files are rewritten when the archive has been re-indexed.
 */
class MarkdownViews {
  private readonly shown = new Map<string, View>();

  constructor(
    private readonly dir: string,
    private readonly getClient: () => LanguageClient | undefined,
  ) {}

  async show(view: View): Promise<void> {
    const file = this.fileOf(view);
    await this.write(file, view);
    this.shown.set(file, view);
    const uri = vscode.Uri.file(file);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      await vscode.window.showTextDocument(uri, { preview: true });
    }
  }

  async refreshAll(): Promise<void> {
    for (const [file, view] of this.shown) await this.write(file, view).catch(() => undefined);
  }

  private fileOf(view: View): string {
    const title =
      view.kind === 'summary' ? vscode.l10n.t('Archive summary') : vscode.l10n.t('Dossier {0}', view.name);
    return path.join(this.dir, `${title.replace(/[\\/:*?"<>|#%\u0000-\u001f]/g, '-')}.md`);
  }

  private async write(file: string, view: View): Promise<void> {
    const markdown = await this.fetch(view);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, relativeLinks(markdown, path.dirname(file)), 'utf8');
  }

  private async fetch(view: View): Promise<string> {
    const c = this.getClient();
    if (!c || c.state !== State.Running) return vscode.l10n.t('The Bronvast language server is not running.');
    try {
      if (view.kind === 'summary') return (await c.sendRequest<SummaryResult>(SummaryRequest)).markdown;
      const r = await c.sendRequest<DossierResult>(DossierRequest, { id: view.id });
      return r.markdown ?? vscode.l10n.t('The archive has no dossier for {0}.', view.name);
    } catch (e) {
      return vscode.l10n.t('The server could not answer: {0}', errorText(e));
    }
  }
}

function renderStatus(item: vscode.StatusBarItem, s: StatusParams | undefined): void {
  item.backgroundColor = undefined;
  if (!s || s.state === 'starting') {
    item.text = `$(sync~spin) ${vscode.l10n.t('Bronvast: starting')}`;
    item.tooltip = vscode.l10n.t('The Bronvast language server is starting.');
    return;
  }
  const hint = vscode.l10n.t('Click for the archive summary.');
  switch (s.state) {
    case 'indexing':
      item.text = `$(sync~spin) ${vscode.l10n.t('Indexing archive {0}/{1}', s.done, s.total)}`;
      item.tooltip = `${s.message}\n${hint}`;
      return;
    case 'ready':
      // On a newsroom's shared index: a database icon, and the tooltip says which and how current.
      item.text = `$(${s.store ? 'database' : 'book'}) ${s.articles === 1 ? vscode.l10n.t('Bronvast: 1 article') : vscode.l10n.t('Bronvast: {0} articles', s.articles)}${s.store ? ' ' + vscode.l10n.t('(shared)') : ''}`;
      item.tooltip =
        s.skipped > 0
          ? `${s.message}\n${s.skipped === 1 ? vscode.l10n.t('1 file skipped (see the summary).') : vscode.l10n.t('{0} files skipped (see the summary).', s.skipped)}\n${hint}`
          : `${s.message}\n${hint}`;
      return;
    case 'empty':
      item.text = `$(warning) ${vscode.l10n.t('Bronvast: no articles')}`;
      item.tooltip = `${s.message}\n${hint}`;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      return;
    case 'error':
      item.text = `$(error) ${vscode.l10n.t('Bronvast: error')}`;
      item.tooltip = `${s.message}\n${hint}`;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      return;
  }
}

function errorStatus(message: string): StatusParams {
  return { state: 'error', done: 0, total: 0, articles: 0, places: 0, figures: 0, skipped: 0, message };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
