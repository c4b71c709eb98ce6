// The command line: the same core as the language server, for editors and pipelines without
// VS Code. Its JSON shapes are a stable interface (see README, "Command line").

import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Archive, type BuildReport } from './archive';
import { tuneV8 } from './core/runtime';
import { cacheDir } from './corpus/cache';
import { decodeBytes, describeSkipped, parseTxt } from './corpus/read';
import { pickLocale, t, type Locale } from './core/l10n';
import { LineIndex } from './core/text';
import { extractFigures } from './dutch/figures';
import { PlaceLexicon, learnPlaceFacts, recognizePlaces } from './dutch/places';
import type { PlaceFact } from './dutch/types';
import { DraftAnalyzer } from './facts/draft';
import { buildDossier } from './facts/dossier';
import { computeDiagnostics, DEFAULT_DIAGNOSTIC_OPTIONS } from './features/diagnostics';
import { findCheckedFile, readChecked } from './features/checked';
import { dossierMarkdown, dossierText } from './features/render';

class UsageError extends Error {}

const HELP: Record<string, string> = {
  main: `bronvast — links Dutch news copy to what the newsroom archive says

Usage: bronvast <command> [options]

Commands:
  index <corpus...>                          build or refresh the archive index
  check <draft...> --corpus <path>...        the diagnostics the editor would show
  places <file...> [--corpus <path>...]      place names in files
  figures <file...>                          figures (numbers, quantities) in files
  explain <place> --corpus <path>...         what the archive knows about a place

Common options:
  --format text|json    output format (default text)
  --lang nl|en          language of messages (default: from LANG, else nl)
  --cache-dir <dir>     cache folder (default: BRONVAST_CACHE_DIR or the OS cache folder)
  --no-cache            do not read or write the cache
  -h, --help            help for a command

Exit codes: 0 ok, 1 a Warning or Error was found (check), 2 usage error.`,
  index: `Usage: bronvast index <corpus...> [--format text|json] [--cache-dir DIR] [--no-cache]

Reads the corpus folders/files (.txt, .md, .jsonl), analyses new or changed articles (the rest
comes from the cache) and prints the number of articles, places and figures, the time taken,
and every skipped file or line with its reason.`,
  check: `Usage: bronvast check <draft...> --corpus <path>... [--date YYYY-MM-DD] [--format text|json] [--lang nl|en]

Checks the figures in each draft against the archive. A draft is written today, unless --date or a
leading ' date YYYY-MM-DD' line in the draft says otherwise: "vorig jaar", "dinsdag" and which
reports are the newest follow from that day. JSON output:
  [{"file": path, "diagnostics": [LSP Diagnostic]}]
Exit 1 when a Warning or Error was found, 0 when none, 2 on a usage error.
Figures marked as checked in .bronvast/checked.json (next to or above the draft) are not reported.`,
  places: `Usage: bronvast places <file...> [--corpus <path>...] [--format text|json]

Lists the place names in each file with their place id (shared by every spelling of one place).
Without --corpus the files themselves are the archive the place names are learned from.
JSON: [{"file", "places": [{"text", "start", "end", "range", "place": {"id", "name", "kind"}}]}]`,
  figures: `Usage: bronvast figures <file...> [--format text|json]

Lists the figures in each file: value as written, the interval the wording commits to, the
qualifier, unit and what is counted.
JSON: [{"file", "figures": [{"text", "start", "end", "range", "value", "low", "high", "qualifier", "unit", "counted"}]}]`,
  explain: `Usage: bronvast explain <place> --corpus <path>... [--format text|json|markdown] [--lang nl|en]

Prints the dossier of a place, as the hover shows it. Any spelling works (Kursk, Koersk).`,
};

interface Args {
  command: string;
  positional: string[];
  corpus: string[];
  format: 'text' | 'json' | 'markdown';
  locale: Locale;
  cacheDir: string | null;
  help: boolean;
  /** The drafts' present (YYYY-MM-DD), from --date. */
  date: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    command: '', positional: [], corpus: [], format: 'text',
    locale: pickLocale(process.env.BRONVAST_LANG || process.env.LC_ALL || process.env.LANG), cacheDir: cacheDir(), help: false, date: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    if (name === '-h' || name === '--help') args.help = true;
    else if (name === '--corpus' || name === '-c') args.corpus.push(value());
    else if (name === '--format' || name === '-f') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'markdown') throw new UsageError(`--format must be text, json or markdown, not '${v}'`);
      args.format = v;
    } else if (name === '--lang') {
      const v = value();
      if (v !== 'nl' && v !== 'en') throw new UsageError(`--lang must be nl or en, not '${v}'`);
      args.locale = v;
    } else if (name === '--date') {
      const v = value();
      const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!d || Number.isNaN(Date.parse(v)) || new Date(v).toISOString().slice(0, 10) !== v) throw new UsageError(`--date must be a day as YYYY-MM-DD, not '${v}'`);
      args.date = v;
    } else if (name === '--cache-dir') args.cacheDir = path.resolve(value());
    else if (name === '--no-cache') args.cacheDir = null;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else if (!args.command) args.command = a;
    else args.positional.push(a);
  }
  return args;
}

/** Read a draft or article file as text, with the same decoding as the corpus reader. */
function readText(file: string): string {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' || code === 'EPERM' ? 'no permission to read it' : String(code ?? e);
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
  const d = decodeBytes(buf);
  if ('binary' in d) throw new UsageError(`${file} is not text (${d.binary})`);
  // A leading " date …" marker is blanked (offsets stay the same).
  return path.extname(file).toLowerCase() === '.txt' ? parseTxt(d.text).text : d.text;
}

function err(msg: string): void { process.stderr.write(msg + '\n'); }

async function loadArchive(args: Args, quiet = false): Promise<{ archive: Archive; report: BuildReport }> {
  if (!args.corpus.length) throw new UsageError('--corpus <path> is required');
  for (const c of args.corpus) if (!fs.existsSync(c)) throw new UsageError(`corpus path not found: ${c}`);
  const archive = new Archive({ paths: args.corpus, baseDir: process.cwd(), cacheDir: args.cacheDir, log: (m) => err(m) });
  let last = 0;
  const report = await archive.build((done, total) => {
    if (quiet || !process.stderr.isTTY) return;
    const now = Date.now();
    if (now - last > 200 || done === total) { last = now; process.stderr.write(`\r${t(args.locale, 'statusIndexing', { done, total })}   `); }
  });
  if (!quiet && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  return { archive, report };
}

function reportSkipped(report: BuildReport, locale: Locale, toStderr: boolean): void {
  for (const s of report.skipped) {
    const line = describeSkipped(s, locale, process.cwd());
    if (toStderr) err(line); else process.stdout.write(line + '\n');
  }
}

async function cmdIndex(args: Args): Promise<number> {
  if (!args.positional.length) throw new UsageError('give at least one corpus folder or file');
  args.corpus.push(...args.positional);
  const { report } = await loadArchive(args);
  if (args.format === 'json') {
    process.stdout.write(JSON.stringify({
      articles: report.articles, places: report.places, figures: report.figures,
      analysed: report.analysed, fromCache: report.fromCache, ms: report.ms,
      skipped: report.skipped.map((s) => ({ ...s, message: describeSkipped(s, args.locale, process.cwd()) })),
    }, null, 2) + '\n');
    return 0;
  }
  const nl = args.locale === 'nl';
  const rows: [string, string][] = [
    [nl ? 'artikelen' : 'articles', String(report.articles)],
    [nl ? 'plaatsen' : 'places', String(report.places)],
    [nl ? 'cijfers' : 'figures', String(report.figures)],
    [nl ? 'geanalyseerd' : 'analysed', String(report.analysed)],
    [nl ? 'uit cache' : 'from cache', String(report.fromCache)],
    [nl ? 'tijd' : 'time', `${(report.ms / 1000).toFixed(2)} s`],
    [nl ? 'overgeslagen' : 'skipped', String(report.skipped.filter((s) => !s.kept).length)],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(w)}  ${v.padStart(8)}\n`);
  if (report.skipped.length) process.stdout.write('\n');
  reportSkipped(report, args.locale, false);
  return 0;
}

async function cmdCheck(args: Args): Promise<number> {
  if (!args.positional.length) throw new UsageError('give at least one draft file');
  const texts = args.positional.map((f) => ({ file: f, text: readText(f) }));
  const { archive, report } = await loadArchive(args, args.format === 'json');
  if (args.format !== 'json') reportSkipped(report, args.locale, true);
  const analyzer = new DraftAnalyzer(archive.index, args.date);
  const results: { file: string; diagnostics: ReturnType<typeof computeDiagnostics> }[] = [];
  let worst = 0;
  for (const { file, text } of texts) {
    const doc = TextDocument.create('file://' + path.resolve(file), 'kopij', 1, text);
    const analysis = analyzer.analyze(text)!;
    const checkedFile = findCheckedFile(file);
    const checked = new Set(checkedFile ? readChecked(checkedFile).map((e) => e.key) : []);
    const diagnostics = computeDiagnostics(doc, analysis, archive.index, { ...DEFAULT_DIAGNOSTIC_OPTIONS, locale: args.locale, checked });
    for (const d of diagnostics) delete (d as { data?: unknown }).data;
    results.push({ file, diagnostics });
    for (const d of diagnostics) if (d.severity === 1 || d.severity === 2) worst = 1;
  }
  if (args.format === 'json') {
    process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  } else {
    const sev = ['', 'error', 'warning', 'info', 'hint'];
    for (const r of results) {
      if (!r.diagnostics.length) { process.stdout.write(`${r.file}: ${args.locale === 'nl' ? 'geen meldingen' : 'no findings'}\n`); continue; }
      for (const d of r.diagnostics) {
        const loc = `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
        process.stdout.write(`${loc}  ${sev[d.severity ?? 2].padEnd(7)}  ${String(d.code).padEnd(16)}  ${d.message}\n`);
        for (const ri of d.relatedInformation ?? []) {
          process.stdout.write(`${' '.repeat(loc.length)}  ${''.padEnd(7)}  ${''.padEnd(16)}  ↳ ${decodeURIComponent(ri.location.uri.replace(/^file:\/\//, ''))}:${ri.location.range.start.line + 1}  ${ri.message}\n`);
        }
      }
    }
  }
  return worst;
}

async function cmdPlaces(args: Args): Promise<number> {
  if (!args.positional.length) throw new UsageError('give at least one file');
  const texts = args.positional.map((f) => ({ file: f, text: readText(f) }));
  let lexicon: PlaceLexicon;
  if (args.corpus.length) {
    const { archive, report } = await loadArchive(args, true);
    if (args.format !== 'json') reportSkipped(report, args.locale, true);
    lexicon = archive.index.lexicon;
  } else {
    lexicon = PlaceLexicon.load();
    const facts: PlaceFact[] = [];
    for (const { text } of texts) facts.push(...learnPlaceFacts(text));
    lexicon.addLearned(facts);
  }
  const out = texts.map(({ file, text }) => {
    const li = new LineIndex(text);
    return {
      file,
      places: recognizePlaces(text, lexicon).map((m) => ({
        text: m.text, start: m.start, end: m.end, range: li.rangeOf(m.start, m.end),
        place: { id: m.id, name: lexicon.lookup(m.id)?.name ?? m.name, kind: m.kind },
      })),
    };
  });
  if (args.format === 'json') { process.stdout.write(JSON.stringify(out, null, 2) + '\n'); return 0; }
  for (const f of out) {
    for (const p of f.places) {
      process.stdout.write(`${f.file}:${p.range.start.line + 1}:${p.range.start.character + 1}`.padEnd(40) + `  ${p.text.padEnd(24)}  ${p.place.name} (${p.place.kind}, ${p.place.id})\n`);
    }
  }
  return 0;
}

async function cmdFigures(args: Args): Promise<number> {
  if (!args.positional.length) throw new UsageError('give at least one file');
  const out = args.positional.map((file) => {
    const text = readText(file);
    const li = new LineIndex(text);
    return {
      file,
      figures: extractFigures(text).map((f) => ({
        text: f.text, start: f.start, end: f.end, range: li.rangeOf(f.start, f.end),
        value: f.value, low: f.low, high: f.high, qualifier: f.qualifier, unit: f.unit, counted: f.counted,
        dimension: f.dimension,
      })),
    };
  });
  if (args.format === 'json') { process.stdout.write(JSON.stringify(out, null, 2) + '\n'); return 0; }
  const fmt = (n: number | null) => (n === null ? '∞' : String(n));
  for (const f of out) {
    for (const x of f.figures) {
      process.stdout.write(
        `${f.file}:${x.range.start.line + 1}:${x.range.start.character + 1}`.padEnd(40) +
        `  ${x.text.padEnd(36)}  ${String(x.value).padStart(10)}  [${fmt(x.low)}, ${fmt(x.high)}]`.padEnd(20) +
        `  ${x.unit ?? ''}${x.counted ? '  ' + x.counted : ''}\n`,
      );
    }
  }
  return 0;
}

async function cmdExplain(args: Args): Promise<number> {
  const name = args.positional.join(' ').trim();
  if (!name) throw new UsageError('give a place name');
  const { archive, report } = await loadArchive(args, args.format === 'json');
  if (args.format !== 'json') reportSkipped(report, args.locale, true);
  const id = archive.index.resolve(name);
  const d = id ? buildDossier(archive.index, id) : null;
  if (!d) {
    err(args.locale === 'nl' ? `Onbekende plaats: ${name}` : `Unknown place: ${name}`);
    const near = archive.index.lexicon.complete(name, 5).map((e) => e.name);
    if (near.length) err((args.locale === 'nl' ? 'Bedoelde u: ' : 'Did you mean: ') + near.join(', '));
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
    process.stdout.write(dossierText(d, args.locale) + '\n');
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    err(`bronvast: ${(e as Error).message}\n\n${HELP.main}`);
    return 2;
  }
  if (!args.command || (args.help && !args.command)) { (args.help ? process.stdout : process.stderr).write(HELP.main + '\n'); return args.help ? 0 : 2; }
  if (!(args.command in HELP) || args.command === 'main') { err(`bronvast: unknown command '${args.command}'\n\n${HELP.main}`); return 2; }
  if (args.help) { process.stdout.write(HELP[args.command] + '\n'); return 0; }
  try {
    switch (args.command) {
      case 'index': return await cmdIndex(args);
      case 'check': return await cmdCheck(args);
      case 'places': return await cmdPlaces(args);
      case 'figures': return await cmdFigures(args);
      case 'explain': return await cmdExplain(args);
    }
  } catch (e) {
    if (e instanceof UsageError) { err(`bronvast ${args.command}: ${e.message}\n\n${HELP[args.command]}`); return 2; }
    throw e;
  }
  return 2;
}

if (require.main === module) {
  tuneV8();
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
    err(`bronvast: ${(e as Error)?.stack ?? e}`);
    process.exitCode = 3;
  });
}
