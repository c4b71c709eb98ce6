// The command line: the same core as the language server, for editors and pipelines without
// VS Code. Its JSON shapes are a stable interface (see README, "Command line").

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { BuildReport } from './archive';
import { tuneV8 } from './core/runtime';
import { cacheDir } from './corpus/cache';
import { decodeBytes, parseTxt, readArticles, SUPPORTED_EXTENSIONS } from './corpus/read';
import { describeSkipped, detailText, reasonLabel, type Detail } from './corpus/skips';
import type { Article, Skipped } from './corpus/types';
import { helpText } from './cli/help';
import { COMMAND_OPTIONS, InputError, readArgs, UsageError, usageMessage, type Args, type Command } from './cli/options';
import { progressLine } from './cli/progress';
import { kindLabel, pickLocale, t, type Locale, type MessageKey } from './core/l10n';
import { LineIndex } from './core/text';
import { extractFigures } from './dutch/figures';
import { PlaceLexicon, learnPlaceFacts, recognizePlaces } from './dutch/places';
import type { PlaceFact } from './dutch/types';
import { buildDossier } from './facts/dossier';
import { dossierMarkdown, dossierText } from './features/render';
import { readSettings, readSettingsFile } from './service/settings';
import { Workspace } from './service/workspace';
import { describeStore, PgStore, StoreError, type WriteReport } from './store/pg';
import type { Diagnostic } from 'vscode-languageserver-types';

/** Read a draft or article file as text, with the same decoding as the corpus reader. */
function readText(file: string, locale: Locale): string {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw cannotRead(file, locale, e);
  }
  const d = decodeBytes(buf);
  if ('binary' in d) throw new InputError(usageMessage(locale, 'notText', { file, why: detailText(d.binary, locale) ?? reasonLabel('binary', locale) }));
  // A leading " date …" marker is blanked (offsets stay the same).
  return path.extname(file).toLowerCase() === '.txt' ? parseTxt(d.text).text : d.text;
}

/** A file that cannot be opened, as the user is told. */
function cannotRead(file: string, locale: Locale, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? usageMessage(locale, 'notFound') : code === 'EISDIR' ? usageMessage(locale, 'isFolder')
    : code === 'EACCES' || code === 'EPERM' ? usageMessage(locale, 'noPermission') : String(code ?? e);
  return new InputError(usageMessage(locale, 'cannotRead', { file, why }));
}

/**
 * A file as the texts `places` and `figures` read: a .jsonl, .md, .xml or .html file as the articles
 * `index` reads from it (records, the body without front matter, agency items, the page's article),
 * anything else as one text.
 * `at` maps an offset in a text to its position in the file.
 */
interface TextUnit { text: string; article: string | null; exact: boolean; at(offset: number): { line: number; character: number } }

async function readUnits(file: string, locale: Locale, verbose: boolean): Promise<TextUnit[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt' || !(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    const text = readText(file, locale);
    const li = new LineIndex(text);
    return [{ text, article: null, exact: true, at: (o) => li.positionAt(o) }];
  }
  // The same errors as for a draft, without reading the file twice (a JSONL archive is streamed).
  try {
    if (fs.statSync(file).isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    fs.accessSync(file, fs.constants.R_OK);
  } catch (e) {
    throw cannotRead(file, locale, e);
  }
  const { articles, skipped } = await readArticles(file, process.cwd());
  const binary = skipped.find((s) => s.reason === 'binary');
  if (binary) throw new InputError(usageMessage(locale, 'notText', { file, why: (binary.why && detailText(binary.why as Detail, locale)) ?? reasonLabel('binary', locale) }));
  reportSkipped(skipped, locale, true, verbose);
  return articles.map((a: Article) => {
    const li = new LineIndex(a.text);
    return {
      text: a.text,
      article: a.id,
      exact: a.exact,
      // A JSONL record is one line of the file: every offset is on it.
      at: (o: number) => {
        if (!a.exact) return { line: a.lineBase, character: 0 };
        const p = li.positionAt(o);
        return { line: a.lineBase + p.line, character: (p.line === 0 ? a.charBase : 0) + p.character };
      },
    };
  });
}

function err(msg: string): void { process.stderr.write(msg + '\n'); }

/**
 * The workspace the command runs in: the current folder, its .vscode/settings.json (house
 * spellings, limits, severities: as the editor has them), the archive of --corpus, indexed.
 */
async function openWorkspace(args: Args, quiet = false): Promise<{ ws: Workspace; report: BuildReport }> {
  for (const c of args.corpus) if (!fs.existsSync(c)) throw new InputError(usageMessage(args.locale, 'corpusNotFound', { path: c }));
  const file = path.join(process.cwd(), '.vscode', 'settings.json');
  const sent = readSettingsFile(file);
  if ('error' in sent) throw new InputError(sent.error);
  const settings = readSettings(sent.settings);
  // index writes into a store what it indexed from the files (it reads none); --corpus names the
  // files to index; else --store, BRONVAST_STORE or the workspace's `bronvast.store` setting.
  const store = args.command === 'index' || args.corpus.length ? null : args.store ?? (settings.store || null);
  if (!args.corpus.length && !store) throw new UsageError(usageMessage(args.locale, COMMAND_OPTIONS[args.command as Command].options.includes('store') ? 'corpusOrStore' : 'corpusRequired'));
  const progress = quiet || store ? null : progressLine(process.stderr, args.locale);
  const ws = new Workspace(
    { folders: [process.cwd()], locale: args.locale, cacheDir: args.cacheDir, corpus: args.corpus, date: args.date, store, keepsArchive: args.watch === true, log: (m) => err(m) },
    progress ? { progress: (done, total, info) => progress.update(done, total, info) } : {},
  );
  ws.setSettings(settings);
  try {
    await ws.rebuild();
  } finally {
    progress?.end();
  }
  return { ws, report: ws.report! };
}

/** "41 overgeslagen in 2 bestanden: leeg (40), artikelregel onvolledig of onjuist (1)". */
function skipSummary(skipped: Skipped[], locale: Locale): string {
  const files = [...new Set(skipped.map((s) => path.relative(process.cwd(), s.file) || s.file))];
  const reasons = new Map<string, number>();
  for (const s of skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  const why = [...reasons].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${reasonLabel(r, locale)} (${n})`).join(', ');
  const where = files.length === 1 ? files[0] : t(locale, 'nFiles', { n: files.length });
  return t(locale, 'skippedIn', { count: skipped.length, where, why });
}

function reportSkipped(skipped: Skipped[], locale: Locale, toStderr: boolean, verbose = true): void {
  if (!verbose && skipped.length > 3) {
    // Every command but index says it once: how many, where, why.
    err(`${skipSummary(skipped, locale)}; ${t(locale, 'verboseLists')}`);
    return;
  }
  for (const s of skipped) {
    const line = describeSkipped(s, locale, process.cwd());
    if (toStderr) err(line); else process.stdout.write(line + '\n');
  }
}

/** An archive without articles is an error: the folders and what was found there. */
function requireArticles(args: Args, report: BuildReport): void {
  if (report.articles > 0) return;
  const found = report.skipped.length ? skipSummary(report.skipped, args.locale) : usageMessage(args.locale, 'noArticleFiles');
  throw new InputError(usageMessage(args.locale, 'noArticles', { paths: args.corpus.join(', '), found }));
}

async function cmdIndex(args: Args): Promise<number> {
  if (!args.positional.length) throw new UsageError(usageMessage(args.locale, 'needCorpus'));
  args.corpus.push(...args.positional);
  const { ws, report } = await openWorkspace(args);
  requireArticles(args, report);
  if (args.watch) return watchIndex(args, ws);
  const stored = args.store ? await writeStore(args.store, ws) : null;
  if (args.format === 'json') {
    process.stdout.write(JSON.stringify({
      articles: report.articles, places: report.places, figures: report.figures,
      analysed: report.analysed, fromCache: report.fromCache, ms: report.ms,
      skipped: report.skipped.map((s) => ({ ...s, message: describeSkipped(s, args.locale, process.cwd()) })),
      ...(stored ? { store: { url: describeStore(args.store!), ...stored } } : {}),
    }, null, 2) + '\n');
    return 0;
  }
  const rows: [MessageKey, string][] = [
    ['rowArticles', String(report.articles)],
    ['rowPlaces', String(report.places)],
    ['rowFigures', String(report.figures)],
    ['rowAnalysed', String(report.analysed)],
    ['rowFromCache', String(report.fromCache)],
    ['rowTime', `${(report.ms / 1000).toFixed(2)} s`],
    ['rowSkipped', String(report.skipped.filter((s) => !s.kept).length)],
  ];
  if (stored) {
    rows.push(
      ['rowStoreWritten', String(stored.written)],
      ['rowStoreUnchanged', String(stored.unchanged)],
      ['rowStoreRemoved', String(stored.removed)],
      ['rowStoreGeneration', String(stored.generation)],
      ['rowStoreTime', `${(stored.ms / 1000).toFixed(2)} s`],
    );
  }
  const labelled = rows.map(([k, v]) => [t(args.locale, k), v] as const);
  const w = Math.max(...labelled.map((r) => r[0].length));
  for (const [k, v] of labelled) process.stdout.write(`${k.padEnd(w)}  ${v.padStart(8)}\n`);
  if (report.skipped.length) process.stdout.write('\n');
  reportSkipped(report.skipped, args.locale, false);
  return 0;
}

/**
 * index --watch: write the index into the store, then keep the archive watched and write every
 * change (the archive updated file by file, only the changed articles digested and written) until
 * SIGINT or SIGTERM. One line per write (JSON lines with --format json); a failed write is said and
 * the next change writes everything since.
 */
async function watchIndex(args: Args, ws: Workspace): Promise<number> {
  const store = await PgStore.open(args.store!, 'write');
  let chain: Promise<void> = Promise.resolve();
  const write = (report: BuildReport) => {
    chain = chain.then(async () => {
      try {
        const w = await store.write(ws.archive!);
        if (args.format === 'json') process.stdout.write(JSON.stringify({ at: new Date().toISOString(), articles: report.articles, mode: report.mode ?? 'full', indexMs: report.ms, store: w }) + '\n');
        else process.stdout.write(`${new Date().toISOString()}  ${t(args.locale, 'watchWritten', { generation: w.generation, written: w.written, removed: w.removed, unchanged: w.unchanged, indexS: (report.ms / 1000).toFixed(2), storeS: (w.ms / 1000).toFixed(2) })}\n`);
      } catch (e) {
        err(`bronvast index: ${e instanceof StoreError ? e.text(args.locale) : (e as Error).message}`);
      }
    });
    return chain;
  };
  await write(ws.report!);
  const { watchCorpus } = require('./corpus/watch') as typeof import('./corpus/watch');
  const watcher = watchCorpus(ws.corpusPaths().filter((p) => fs.existsSync(p)), process.cwd(), (changes) => {
    void ws.rebuild(changes).then(() => write(ws.report!));
  }, { onError: (m) => err(`bronvast index: ${m}`), polling: args.poll, locale: args.locale });
  // (Announced once the watcher has set itself up: a change from then on is seen.)
  await watcher.ready;
  err(t(args.locale, 'watching'));
  await new Promise<void>((resolve) => { process.once('SIGINT', resolve); process.once('SIGTERM', resolve); });
  watcher.close();
  await chain;
  await store.close();
  return 0;
}

/** Write what the workspace indexed into a shared store (one transaction). */
async function writeStore(url: string, ws: Workspace): Promise<WriteReport> {
  const store = await PgStore.open(url, 'write');
  try {
    return await store.write(ws.archive!);
  } finally {
    await store.close();
  }
}

async function cmdCheck(args: Args): Promise<number> {
  if (!args.positional.length) throw new UsageError(usageMessage(args.locale, 'needDraft'));
  const texts = args.positional.map((f) => ({ file: f, text: readText(f, args.locale) }));
  const { ws, report } = await openWorkspace(args, args.format === 'json');
  requireArticles(args, report);
  if (args.format !== 'json') reportSkipped(report.skipped, args.locale, true, args.verbose);
  const results: { file: string; diagnostics: Diagnostic[] }[] = [];
  let worst = 0;
  for (const { file, text } of texts) {
    const doc = TextDocument.create(pathToFileURL(path.resolve(file)).href, 'kopij', 1, text);
    const diagnostics = (await ws.settle(() => ws.diagnostics(doc))) ?? [];
    for (const d of diagnostics) delete (d as { data?: unknown }).data;
    results.push({ file, diagnostics });
    for (const d of diagnostics) if (d.severity === 1 || d.severity === 2) worst = 1;
  }
  await ws.close();
  if (args.format === 'json') {
    process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  } else {
    const sev = ['', 'error', 'warning', 'info', 'hint'];
    for (const r of results) {
      if (!r.diagnostics.length) { process.stdout.write(`${r.file}: ${t(args.locale, 'noFindings')}\n`); continue; }
      for (const d of r.diagnostics) {
        const loc = `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
        process.stdout.write(`${loc}  ${sev[d.severity ?? 2].padEnd(7)}  ${String(d.code).padEnd(16)}  ${d.message}\n`);
        for (const ri of d.relatedInformation ?? []) {
          process.stdout.write(`${' '.repeat(loc.length)}  ${''.padEnd(7)}  ${''.padEnd(16)}  ↳ ${path.relative(process.cwd(), fileURLToPath(ri.location.uri))}:${ri.location.range.start.line + 1}:${ri.location.range.start.character + 1}  ${ri.message}\n`);
        }
      }
    }
  }
  return worst;
}

/** Rows as aligned columns: each column as wide as its widest cell (up to `max`), the last one free. */
function columns(rows: string[][], max = 40): string {
  if (!rows.length) return '';
  const widths = rows[0].map((_, i) => Math.min(max, Math.max(...rows.map((r) => r[i].length))));
  return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]) : c)).join('  ').trimEnd() + '\n').join('');
}

function where(file: string, unit: TextUnit, offset: number): { loc: string } {
  const p = unit.at(offset);
  if (unit.exact) return { loc: `${file}:${p.line + 1}:${p.character + 1}` };
  // A JSONL record or a feed item: the line where it starts and its id (offsets are into its text).
  const record = unit.article?.includes('#') ? ` [${unit.article.slice(unit.article.indexOf('#') + 1)}]` : '';
  return { loc: `${file}:${p.line + 1}${record}` };
}

async function cmdPlaces(args: Args): Promise<number> {
  if (!args.positional.length) throw new UsageError(usageMessage(args.locale, 'needFile'));
  const files: { file: string; units: TextUnit[] }[] = [];
  for (const file of args.positional) files.push({ file, units: await readUnits(file, args.locale, args.verbose) });
  let lexicon: PlaceLexicon;
  if (args.corpus.length || args.store) {
    const { ws, report } = await openWorkspace(args, true);
    requireArticles(args, report);
    if (args.format !== 'json') reportSkipped(report.skipped, args.locale, true, args.verbose);
    lexicon = ws.view!.lexicon;
    await ws.close();
  } else {
    lexicon = PlaceLexicon.load();
    const facts: PlaceFact[] = [];
    for (const f of files) for (const u of f.units) facts.push(...learnPlaceFacts(u.text));
    lexicon.addLearned(facts);
  }
  const rows: string[][] = [];
  const out = files.map(({ file, units }) => ({
    file,
    places: units.flatMap((u) => recognizePlaces(u.text, lexicon).map((m) => {
      const w = where(file, u, m.start);
      const name = lexicon.entryById(m.id)?.name ?? m.name;
      rows.push([w.loc, m.text, `${name}, ${kindLabel(m.kind, args.locale)}`]);
      return {
        text: m.text, start: m.start, end: m.end, range: { start: u.at(m.start), end: u.at(m.end) },
        ...(u.article !== null ? { article: u.article } : {}),
        place: { id: m.id, name, kind: m.kind },
      };
    })),
  }));
  if (args.format === 'json') { process.stdout.write(JSON.stringify(out, null, 2) + '\n'); return 0; }
  process.stdout.write(columns(rows));
  return 0;
}

async function cmdFigures(args: Args): Promise<number> {
  if (!args.positional.length) throw new UsageError(usageMessage(args.locale, 'needFile'));
  const fmt = (n: number | null) => (n === null ? '∞' : String(n));
  const rows: string[][] = [];
  const out: { file: string; figures: unknown[] }[] = [];
  for (const file of args.positional) {
    const units = await readUnits(file, args.locale, args.verbose);
    out.push({
      file,
      figures: units.flatMap((u) => extractFigures(u.text).map((f) => {
        rows.push([where(file, u, f.start).loc, f.text, String(f.value), `[${fmt(f.low)}, ${fmt(f.high)}]`, `${f.unit ?? ''}${f.counted ? (f.unit ? '  ' : '') + f.counted : ''}`]);
        return {
          text: f.text, start: f.start, end: f.end, range: { start: u.at(f.start), end: u.at(f.end) },
          ...(u.article !== null ? { article: u.article } : {}),
          value: f.value, low: f.low, high: f.high, qualifier: f.qualifier, unit: f.unit, counted: f.counted,
          dimension: f.dimension,
        };
      })),
    });
  }
  if (args.format === 'json') { process.stdout.write(JSON.stringify(out, null, 2) + '\n'); return 0; }
  process.stdout.write(columns(rows));
  return 0;
}

async function cmdExplain(args: Args): Promise<number> {
  const name = args.positional.join(' ').trim();
  if (!name) throw new UsageError(usageMessage(args.locale, 'needPlace'));
  const { ws, report } = await openWorkspace(args, args.format === 'json');
  requireArticles(args, report);
  if (args.format !== 'json') reportSkipped(report.skipped, args.locale, true, args.verbose);
  const index = ws.view!;
  const id = index.resolve(name);
  const d = id ? await ws.settle(() => buildDossier(index, id)) : null;
  await ws.close();
  if (!d) {
    err(t(args.locale, 'unknownPlace', { name }));
    const near = index.lexicon.complete(name, 5).map((e) => e.name);
    if (near.length) err(t(args.locale, 'didYouMean', { names: near.join(', ') }));
    return 1;
  }
  if (args.format === 'json') {
    process.stdout.write(JSON.stringify({
      ...d,
      claims: d.claims.map((c) => ({ figure: c.figure.text, value: c.figure.value, unit: c.figure.unit, counted: c.figure.counted, sentence: c.sentence, file: c.source.article.file, line: c.source.line, date: c.source.article.date })),
      quantities: d.quantities.map((q) => ({ label: q.label, role: q.role, kind: q.kind, history: q.history.map((h) => ({ figure: h.figure, date: h.date, file: h.source.article.file, line: h.source.line })) })),
      sentences: d.sentences.map((s) => ({ text: s.text, file: s.source.article.file, line: s.source.line, date: s.source.article.date })),
      near: d.near ? { name: d.near.name, km: d.near.km } : null,
    }, null, 2) + '\n');
  } else if (args.format === 'markdown') {
    process.stdout.write(dossierMarkdown(d, args.locale, { maxClaims: 20, maxSentences: 10 }) + '\n');
  } else {
    process.stdout.write(dossierText(d, args.locale, process.cwd()) + '\n');
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const env = { locale: process.env.BRONVAST_LANG || process.env.LC_ALL || process.env.LANG, cacheDir: cacheDir(), store: process.env.BRONVAST_STORE || null };
  let args: Args;
  try {
    args = readArgs(argv, env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const locale = e.locale ?? pickLocale(env.locale);
    err(`bronvast${e.command ? ' ' + e.command : ''}: ${e.message}\n\n${helpText(e.command || 'main', locale)}`);
    return 2;
  }
  const help = (c: Args['command']) => helpText(c || 'main', args.locale);
  if (!args.command) { (args.help ? process.stdout : process.stderr).write(help('') + '\n'); return args.help ? 0 : 2; }
  if (args.help) { process.stdout.write(help(args.command) + '\n'); return 0; }
  try {
    switch (args.command) {
      case 'index': return await cmdIndex(args);
      case 'check': return await cmdCheck(args);
      case 'places': return await cmdPlaces(args);
      case 'figures': return await cmdFigures(args);
      case 'explain': return await cmdExplain(args);
    }
  } catch (e) {
    if (e instanceof UsageError) { err(`bronvast ${args.command}: ${e.message}${e.showUsage ? '\n\n' + help(args.command) : ''}`); return 2; }
    if (e instanceof StoreError) { err(`bronvast ${args.command}: ${e.text(args.locale)}`); return 2; }
    throw e;
  }
}

if (require.main === module) {
  tuneV8();
  // "bronvast places … | head": a reader that closes the pipe ends the program quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw e; });
  }
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
    err(`bronvast: ${(e as Error)?.stack ?? e}`);
    process.exitCode = 3;
  });
}
