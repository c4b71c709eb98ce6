// The command line as a user and a pipeline meet it (dist/cli.js): usage errors, help, exit codes,
// JSON shapes as documented in `--help`, missing and badly encoded draft files.

import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { makeWorkspace, ROOT, runCli, type CliResult } from '../../server/src/tools/lsp-client';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const run = promisify(execFile);

type Result = CliResult;

describe('command line', function () {
  this.timeout(120000);
  let ws: string;
  let cache: string;

  const cli = (...args: string[]): Promise<Result> => runCli(args, ws, { BRONVAST_CACHE_DIR: cache, BRONVAST_LANG: 'en' });
  const noStack = (r: Result) => assert.doesNotMatch(r.stderr + r.stdout, /\n\s+at .+:\d+:\d+/, 'no stack trace');

  before(function () {
    if (!fs.existsSync(CLI)) this.skip();
    ws = makeWorkspace();
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-cache-'));
    fs.writeFileSync(path.join(ws, 'conflict.kopij'), "Het Oekraïense leger veroverde bij de inval in augustus zo'n 1500 vierkante kilometer Russisch grondgebied.\n");
    fs.writeFileSync(path.join(ws, 'agrees.kopij'), 'In de stad Koersk zijn bij zestig busstations schuilkelders geplaatst.\n');
    // Windows-1252 bytes (é as 0xE9) and a stray 0xFF: not valid UTF-8.
    fs.writeFileSync(path.join(ws, 'latin1.kopij'), Buffer.concat([Buffer.from('Caf', 'latin1'), Buffer.from([0xe9]), Buffer.from(' in Koersk: bij zestig busstations schuilkelders, ', 'latin1'), Buffer.from([0xff]), Buffer.from(' aldus de gouverneur.\n', 'latin1')]));
  });
  after(() => { for (const d of [ws, cache]) if (d) fs.rmSync(d, { recursive: true, force: true }); });

  it('usage errors exit 2 with a clear message and no stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [[], /Usage: bronvast <command>/],
      [['bogus'], /unknown command 'bogus'/],
      [['check', '--wat'], /unknown option --wat/],
      [['check'], /at least one draft/],
      [['check', 'conflict.kopij', '--corpus'], /--corpus needs a value/],
      [['check', 'conflict.kopij'], /--corpus <path> or --store <connection> is required/],
      [['check', 'conflict.kopij', '--corpus', 'geen-map'], /corpus path not found: geen-map/],
      [['index'], /at least one corpus/],
      [['figures'], /at least one file/],
      [['places'], /at least one file/],
      [['explain', '--corpus', 'corpus'], /give a place name/],
      [['index', 'corpus', '--format', 'xml'], /--format must be .*not 'xml'/],
      [['index', 'corpus', '--poll'], /--poll goes with --watch/],
      [['check', 'conflict.kopij', '--corpus', 'corpus', '--lang', 'de'], /--lang must be nl or en/],
      [['check', 'conflict.kopij', '--corpus', 'corpus', '--date', '2025-02-30'], /--date must be a day as YYYY-MM-DD/],
    ];
    for (const [args, msg] of cases) {
      const r = await cli(...args);
      assert.equal(r.code, 2, `exit 2 for ${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, msg, `message for ${args.join(' ')}`);
      assert.equal(r.stdout, '', 'nothing on stdout');
      noStack(r);
    }
  });

  it('--help on every command exits 0 with that command\'s usage on stdout', async () => {
    for (const cmd of ['index', 'check', 'places', 'figures', 'explain']) {
      for (const flag of ['--help', '-h']) {
        const r = await cli(cmd, flag);
        assert.equal(r.code, 0, `${cmd} ${flag}`);
        assert.match(r.stdout, new RegExp(`Usage: bronvast ${cmd}\\b`));
      }
    }
    const r = await cli('--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Exit codes/);
  });

  it('a missing or unreadable draft file is a clear error (exit 2)', async () => {
    const missing = await cli('check', 'bestaat-niet.kopij', '--corpus', 'corpus');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read bestaat-niet\.kopij: file not found/);
    noStack(missing);
    const folder = await cli('figures', 'corpus');
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /cannot read corpus: is a folder/);
    noStack(folder);
  });

  it('check exits 1 with a Warning, 0 without; JSON is [{file, diagnostics: [LSP Diagnostic]}]', async () => {
    const bad = await cli('check', 'conflict.kopij', '--corpus', 'corpus', '--format', 'json');
    assert.equal(bad.code, 1, bad.stderr);
    const out = JSON.parse(bad.stdout) as { file: string; diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: number; code: string; message: string; source: string }[] }[];
    assert.equal(out.length, 1);
    assert.deepEqual(Object.keys(out[0]).sort(), ['diagnostics', 'file']);
    assert.equal(out[0].file, 'conflict.kopij');
    const d = out[0].diagnostics.find((x) => x.code === 'figure-conflict');
    assert.ok(d, 'a conflict');
    assert.equal(d.severity, 2);
    assert.equal(d.source, 'bronvast');
    assert.equal(typeof d.message === 'string' ? d.message : (d.message as { value: string }).value, d.message);
    const line = fs.readFileSync(path.join(ws, 'conflict.kopij'), 'utf8').split('\n')[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), "zo'n 1500 vierkante kilometer");

    const good = await cli('check', 'agrees.kopij', '--corpus', 'corpus', '--format', 'json');
    assert.equal(good.code, 0, good.stderr);
    const g = JSON.parse(good.stdout);
    assert.ok(!g[0].diagnostics.some((x: { severity: number }) => x.severity <= 2));

    // Text output: file:line:col, exit codes the same; several drafts in one run.
    const both = await cli('check', 'agrees.kopij', 'conflict.kopij', '--corpus', 'corpus');
    assert.equal(both.code, 1);
    assert.match(both.stdout, /conflict\.kopij:1:\d+\s+warning\s+figure-conflict/);
    assert.match(both.stdout, /agrees\.kopij: no findings/);
    // The archive's sentences are cited with paths relative to where the command runs.
    assert.match(both.stdout, /↳ corpus\/\d{3}_[0-9a-f]+\.txt:\d+:\d+ /);
    assert.ok(!both.stdout.includes(ws), 'no absolute paths');
    const explained = await cli('explain', 'Koersk', '--corpus', 'corpus');
    assert.match(explained.stdout, /^ {5}corpus\/\d{3}_[0-9a-f]+\.txt:\d+:\d+ /m);
    assert.ok(!explained.stdout.includes(ws), 'no absolute paths in the dossier');
  });

  it('check --date sets the drafts\' present: "vorig jaar" and the newest reports follow from it', async () => {
    fs.writeFileSync(path.join(ws, 'lastyear.kopij'), "Oekraïne veroverde in augustus vorig jaar zo'n 1500 vierkante kilometer in de regio Koersk.\n");
    // Written in 2025, "vorig jaar" is 2024: the archive's August 2024 report of 1300.
    const in2025 = await cli('check', 'lastyear.kopij', '--corpus', 'corpus', '--date', '2025-01-20', '--format', 'json');
    assert.equal(in2025.code, 1, in2025.stderr);
    const m2025 = JSON.stringify(JSON.parse(in2025.stdout)[0].diagnostics);
    assert.match(m2025, /1300/);
    assert.match(m2025, /Oct 2024/, 'the dated report of August 2024 is cited');
    // Written in 2026, it is August 2025: the dated report no longer counts (only the undated article's, which has no time).
    const in2026 = await cli('check', 'lastyear.kopij', '--corpus', 'corpus', '--date', '2026-03-01', '--format', 'json');
    assert.doesNotMatch(JSON.stringify(JSON.parse(in2026.stdout)[0].diagnostics), /Oct 2024/);
  });

  it('places and figures JSON shapes as documented', async () => {
    const p = await cli('places', 'agrees.kopij', '--corpus', 'corpus', '--format', 'json');
    assert.equal(p.code, 0, p.stderr);
    const places = JSON.parse(p.stdout);
    assert.equal(places[0].file, 'agrees.kopij');
    const k = places[0].places.find((x: { text: string }) => x.text === 'Koersk');
    assert.ok(k, 'Koersk');
    assert.deepEqual(Object.keys(k).sort(), ['end', 'place', 'range', 'start', 'text']);
    assert.deepEqual(Object.keys(k.place).sort(), ['id', 'kind', 'name']);
    assert.deepEqual(k.range, { start: { line: 0, character: k.start }, end: { line: 0, character: k.end } });

    const f = await cli('figures', 'agrees.kopij', '--format', 'json');
    assert.equal(f.code, 0, f.stderr);
    const figs = JSON.parse(f.stdout);
    const z = figs[0].figures[0];
    for (const key of ['text', 'start', 'end', 'range', 'value', 'low', 'high', 'qualifier', 'unit', 'counted']) assert.ok(key in z, `figure has ${key}`);
    assert.equal(z.value, 60);
    assert.equal(z.counted, 'busstation');

    const idx = await cli('index', 'corpus', '--format', 'json');
    assert.equal(idx.code, 0, idx.stderr);
    const report = JSON.parse(idx.stdout);
    for (const key of ['articles', 'places', 'figures', 'skipped']) assert.ok(key in report, `index has ${key}`);
    assert.equal(report.articles, 5);
    // The text report's rows, in each language, labels aligned.
    for (const [lang, first, last] of [['nl', 'artikelen', 'overgeslagen'], ['en', 'articles', 'skipped']] as const) {
      const text = await cli('index', 'corpus', '--lang', lang);
      assert.equal(text.code, 0, text.stderr);
      const lines = text.stdout.trimEnd().split('\n');
      assert.match(lines[0], new RegExp(`^${first}\\s+5$`));
      assert.match(lines[lines.length - 1], new RegExp(`^${last}\\s+0$`));
      assert.equal(new Set(lines.map((l) => l.length)).size, 1, 'one column width');
    }

    const ex = await cli('explain', 'Kursk', '--corpus', 'corpus', '--format', 'json');
    assert.equal(ex.code, 0, ex.stderr);
    assert.equal(JSON.parse(ex.stdout).name, 'Koersk');
    const unknown = await cli('explain', 'Qzwvlekstad', '--corpus', 'corpus');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Unknown place: Qzwvlekstad/);
    const near = await cli('explain', 'Pokro', '--corpus', 'corpus', '--lang', 'nl');
    assert.equal(near.code, 1);
    assert.match(near.stderr, /Onbekende plaats: Pokro\nBedoelde u: Pokrovsk, /);
    noStack(unknown);
  });

  it('places names each place by its own entry, not by a name that shares its key', async () => {
    // (Kroatië's id is its transliteration key, which read as a name is the key of Crato, Brazil.)
    fs.writeFileSync(path.join(ws, 'sport.kopij'), 'Hij reisde naar Kroatië. In de finale won Novak (Kro) van Jansen (Bel/Lot).\n');
    const p = await cli('places', 'sport.kopij');
    assert.equal(p.code, 0, p.stderr);
    assert.deepEqual(p.stdout.trim().split('\n').map((l) => l.split(/\s{2,}/).slice(1).join(' | ')), ['Kroatië | Kroatië, country', 'Kro | Kroatië, country', 'Bel | België, country']);
  });
  it('a draft with invalid UTF-8 is read (Windows-1252), with offsets into the decoded text', async () => {
    const f = await cli('figures', 'latin1.kopij', '--format', 'json');
    assert.equal(f.code, 0, f.stderr);
    const fig = JSON.parse(f.stdout)[0].figures.find((x: { value: number }) => x.value === 60);
    assert.ok(fig, 'zestig busstations');
    const p = await cli('places', 'latin1.kopij', '--format', 'json');
    const k = JSON.parse(p.stdout)[0].places.find((x: { text: string }) => x.text === 'Koersk');
    assert.ok(k, 'Koersk in a Windows-1252 draft');
    assert.equal(k.start, 'Café in '.length, 'é is one character');
    const c = await cli('check', 'latin1.kopij', '--corpus', 'corpus');
    assert.equal(c.code, 0, c.stderr + c.stdout);
    noStack(c);
  });
  it('a reader that closes the pipe ("| head") ends the program quietly', async () => {
    fs.writeFileSync(path.join(ws, 'many.kopij'), 'In Koersk en Soedzja vielen 12 doden.\n'.repeat(5000));
    for (const cmd of [['places', 'many.kopij'], ['figures', 'many.kopij']]) {
      const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const p = spawn(process.execPath, [CLI, ...cmd], { cwd: ws, env: { ...process.env, BRONVAST_CACHE_DIR: cache } });
        let stderr = '';
        p.stderr.on('data', (d) => { stderr += d; });
        // Like head -1: read the first chunk, then close the pipe.
        p.stdout.once('data', () => p.stdout.destroy());
        p.on('close', (code) => resolve({ code, stderr }));
      });
      assert.equal(r.stderr, '', `${cmd[0]}: nothing on stderr`);
      assert.equal(r.code, 0, `${cmd[0]}: exit 0`);
    }
  });

  it('the language follows LANG as POSIX writes it (en_US.UTF-8), and --lang; help and usage errors in both', async () => {
    const env = (lang: Record<string, string>) => {
      const e: NodeJS.ProcessEnv = { ...process.env, BRONVAST_CACHE_DIR: cache, ...lang };
      delete e.BRONVAST_LANG; delete e.LC_ALL;
      return e;
    };
    const runEnv = async (lang: Record<string, string>, ...args: string[]) => {
      try { const r = await run(process.execPath, [CLI, ...args], { cwd: ws, env: env(lang) }); return { code: 0, stdout: r.stdout, stderr: r.stderr }; } catch (e) { return e as Result; }
    };
    assert.match((await runEnv({ LANG: 'en_US.UTF-8' }, 'check', 'agrees.kopij', '--corpus', 'corpus')).stdout, /no findings/);
    assert.match((await runEnv({ LANG: 'nl_NL.UTF-8' }, 'check', 'agrees.kopij', '--corpus', 'corpus')).stdout, /geen meldingen/);
    assert.match((await runEnv({ LANG: 'C' }, 'check', 'agrees.kopij', '--corpus', 'corpus', '--lang', 'en')).stdout, /no findings/);
    const nlHelp = await runEnv({ LANG: 'en_US.UTF-8' }, 'check', '--help', '--lang', 'nl');
    assert.match(nlHelp.stdout, /^Gebruik: bronvast check <kopij\.\.\.>/);
    const nlErr = await runEnv({ LANG: 'en_US.UTF-8' }, 'check', '--lang', 'nl');
    assert.equal(nlErr.code, 2);
    assert.match(nlErr.stderr, /geef minstens één kopijbestand/);
    assert.match((await runEnv({ LANG: 'en_GB' }, '--wat')).stderr, /unknown option --wat/);
    assert.match((await runEnv({ LANG: 'nl_BE.UTF-8' }, '--wat')).stderr, /onbekende optie --wat/);
  });

  it('an option the command does not take is a usage error, not ignored', async () => {
    const cases: [string[], RegExp][] = [
      [['figures', 'agrees.kopij', '--corpus', 'corpus'], /figures does not take --corpus/],
      [['index', 'corpus', '--date', '2025-01-01'], /index does not take --date/],
      [['check', 'agrees.kopij', '--corpus', 'corpus', '--format', 'markdown'], /--format must be text or json, not 'markdown'/],
      [['check', 'agrees.kopij', '--corpus', '--date', '2025-01-01'], /--corpus needs a value/],
      [['check', 'agrees.kopij', '--corpus', 'corpus', '--verbose=yes'], /--verbose takes no value/],
    ];
    for (const [args, msg] of cases) {
      const r = await cli(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, msg, args.join(' '));
      noStack(r);
    }
  });

  it('an archive without articles is an error (exit 2) that names the folder and what is in it', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-empty-'));
    try {
      const none = await cli('check', 'agrees.kopij', '--corpus', empty);
      assert.equal(none.code, 2);
      assert.match(none.stderr, new RegExp(`no articles in ${empty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no \\.txt, \\.md, \\.jsonl, \\.xml or \\.html files`));
      assert.doesNotMatch(none.stderr, /Usage:/, 'no usage text for bad input');
      fs.writeFileSync(path.join(empty, 'leeg.txt'), '');
      fs.writeFileSync(path.join(empty, 'foto.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
      for (const cmd of [['explain', 'Koersk', '--corpus', empty], ['index', empty], ['places', 'agrees.kopij', '--corpus', empty]]) {
        const r = await cli(...cmd);
        assert.equal(r.code, 2, cmd.join(' '));
        assert.match(r.stderr, /no articles in .*: 2 skipped in 2 files: .*empty \(1\)/, cmd.join(' '));
        noStack(r);
      }
    } finally { fs.rmSync(empty, { recursive: true, force: true }); }
  });

  it('check says skipped archive lines once in a summary; --verbose and index list them all', async () => {
    const lines = ['{"id": "a1", "date": "2024-08-12", "text": "In de regio Koersk zijn 1300 vierkante kilometer veroverd."}'];
    for (let i = 0; i < 6; i++) lines.push(`{"id": "e${i}", "text": ""}`);
    lines.push('{kapot');
    fs.writeFileSync(path.join(ws, 'feed.jsonl'), lines.join('\n') + '\n');
    const r = await cli('check', 'agrees.kopij', '--corpus', 'feed.jsonl');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stderr.trim().split('\n'), ["7 skipped in feed.jsonl: empty (6), line is not valid JSON (1); --verbose lists them"]);
    const v = await cli('check', 'agrees.kopij', '--corpus', 'feed.jsonl', '--verbose');
    assert.equal(v.stderr.trim().split('\n').length, 7);
    const idx = await cli('index', 'feed.jsonl');
    assert.equal(idx.stdout.match(/feed\.jsonl:\d+/g)?.length, 7);

    // figures and places read a .jsonl file as articles: the record's text, its line and id.
    const f = await cli('figures', 'feed.jsonl', '--format', 'json');
    const fig = JSON.parse(f.stdout)[0].figures;
    assert.equal(fig.length, 1, 'only the text field is read (no figure from the date or id)');
    assert.equal(fig[0].value, 1300);
    assert.equal(fig[0].article, 'feed.jsonl#a1');
    assert.equal(fig[0].range.start.line, 0);
    assert.equal(fig[0].start, 'In de regio Koersk zijn '.length, 'offset into the article text');
    assert.match((await cli('figures', 'feed.jsonl')).stdout, /^feed\.jsonl:1 \[a1\]\s+1300 vierkante kilometer\s+1300/);

    // Markdown: the body without front matter, positions in the file.
    fs.writeFileSync(path.join(ws, 'stuk.md'), '---\ntitle: Oekraïne\ndate: 2024-08-12\n---\n\nIn de regio Koersk wonen 5000 mensen.\n');
    const p = JSON.parse((await cli('places', 'stuk.md', '--format', 'json')).stdout)[0].places;
    assert.deepEqual(p.map((x: { text: string }) => x.text), ['Koersk'], 'not the title in the front matter');
    assert.deepEqual(p[0].range.start, { line: 5, character: 12 });
    const text = (await cli('places', 'stuk.md')).stdout;
    assert.match(text, /^stuk\.md:6:13\s+Koersk\s+Koersk, oblast\n$/, 'no internal keys');
  });

  it('check reads the workspace\'s .vscode/settings.json as the editor does (house spellings, severities)', async () => {
    fs.writeFileSync(path.join(ws, 'kursk.kopij'), 'In de regio Kursk zijn bij zestig busstations schuilkelders geplaatst.\n');
    const before = await cli('check', 'kursk.kopij', '--corpus', 'corpus', '--format', 'json');
    assert.ok(JSON.parse(before.stdout)[0].diagnostics.some((d: { code: string }) => d.code === 'variant-spelling'), 'the house spelling hint by default');
    fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
    try {
      fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), '{\n  // no spelling hints in this newsroom\n  "bronvast.diagnostics.variantSpellingSeverity": "off",\n}\n');
      const off = await cli('check', 'kursk.kopij', '--corpus', 'corpus', '--format', 'json');
      assert.deepEqual(JSON.parse(off.stdout)[0].diagnostics, []);
      fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), '{ "bronvast.houseSpellings": { "Koersk": "Kursk" } }');
      fs.writeFileSync(path.join(ws, 'koersk.kopij'), 'In de regio Koersk zijn bij zestig busstations schuilkelders geplaatst.\n');
      const house = await cli('check', 'koersk.kopij', '--corpus', 'corpus', '--format', 'json', '--no-cache');
      const hint = JSON.parse(house.stdout)[0].diagnostics.find((d: { code: string }) => d.code === 'variant-spelling');
      assert.match(hint?.message ?? '', /“Kursk”/, 'the house spells it Kursk');
      fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), '{ "bronvast.houseStyle": ');
      const bad = await cli('check', 'koersk.kopij', '--corpus', 'corpus');
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /\.vscode\/settings\.json:1: not valid JSON/);
      noStack(bad);
    } finally { fs.rmSync(path.join(ws, '.vscode'), { recursive: true, force: true }); }
  });
});
