// The command line as a user and a pipeline meet it (dist/cli.js): usage errors, help, exit codes,
// JSON shapes as documented in `--help`, missing and badly encoded draft files.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { makeWorkspace, ROOT } from '../../server/src/tools/lsp-client';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const run = promisify(execFile);

interface Result { code: number; stdout: string; stderr: string }

describe('command line', function () {
  this.timeout(120000);
  let ws: string;
  let cache: string;

  const cli = async (...args: string[]): Promise<Result> => {
    try {
      const r = await run(process.execPath, [CLI, ...args], { cwd: ws, env: { ...process.env, BRONVAST_CACHE_DIR: cache, BRONVAST_LANG: 'en' } });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, stdout: x.stdout, stderr: x.stderr };
    }
  };
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
      [['check', 'conflict.kopij'], /--corpus <path> is required/],
      [['check', 'conflict.kopij', '--corpus', 'geen-map'], /corpus path not found: geen-map/],
      [['index'], /at least one corpus/],
      [['figures'], /at least one file/],
      [['places'], /at least one file/],
      [['explain', '--corpus', 'corpus'], /give a place name/],
      [['index', 'corpus', '--format', 'xml'], /--format must be .*not 'xml'/],
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

    const ex = await cli('explain', 'Kursk', '--corpus', 'corpus', '--format', 'json');
    assert.equal(ex.code, 0, ex.stderr);
    assert.equal(JSON.parse(ex.stdout).name, 'Koersk');
    const unknown = await cli('explain', 'Qzwvlekstad', '--corpus', 'corpus');
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Unknown place: Qzwvlekstad/);
    noStack(unknown);
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
});
