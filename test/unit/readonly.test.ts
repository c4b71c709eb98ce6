// Guarantees: the corpus is never written (not by the server, not by the command line), and a
// crash in one article's analysis skips that article with a message while the rest of the index stands.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Archive } from '../../server/src/archive';
import { describeSkipped } from '../../server/src/corpus/skips';
import { analyzeText } from '../../server/src/facts/analyze';
import { makeWorkspace, ROOT, startClient } from '../../server/src/tools/lsp-client';

const run = promisify(execFile);
const CLI = path.join(ROOT, 'dist', 'cli.js');

interface Entry { kind: 'file' | 'dir' | 'link'; size: number; mtimeMs: number; sha1: string | null }

/** Every entry under `dir` (hidden ones too) with its size, modification time and content hash. */
function snapshot(dir: string): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d)) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      const rel = path.relative(dir, p);
      if (st.isSymbolicLink()) out.set(rel, { kind: 'link', size: st.size, mtimeMs: st.mtimeMs, sha1: fs.readlinkSync(p) });
      else if (st.isDirectory()) { out.set(rel, { kind: 'dir', size: 0, mtimeMs: st.mtimeMs, sha1: null }); walk(p); }
      else out.set(rel, { kind: 'file', size: st.size, mtimeMs: st.mtimeMs, sha1: createHash('sha1').update(fs.readFileSync(p)).digest('hex') });
    }
  };
  walk(dir);
  return out;
}

/** Differences between two snapshots, as readable lines. */
function changes(before: Map<string, Entry>, after: Map<string, Entry>): string[] {
  const out: string[] = [];
  for (const [k, v] of after) {
    const b = before.get(k);
    if (!b) out.push(`new: ${k}`);
    else if (JSON.stringify(b) !== JSON.stringify(v)) out.push(`changed: ${k} ${JSON.stringify(b)} → ${JSON.stringify(v)}`);
  }
  for (const k of before.keys()) if (!after.has(k)) out.push(`removed: ${k}`);
  return out;
}

/** A corpus with every kind of file the reader meets: .txt, .md with front matter, .jsonl, a bad file, a subfolder. */
function richCorpus(ws: string): string {
  const corpus = path.join(ws, 'corpus');
  fs.mkdirSync(path.join(corpus, 'archief 2024'), { recursive: true });
  fs.writeFileSync(path.join(corpus, 'archief 2024', 'koersk.md'), '---\ntitle: Gevechten in Koersk\ndate: 2024-10-07\n---\nIn de Russische regio Koersk zijn volgens de gouverneur 40 dorpen ontruimd.\n');
  fs.writeFileSync(path.join(corpus, 'archief.jsonl'), [
    JSON.stringify({ id: 1, title: 'Soedzja', text: 'Het stadje Soedzja telde voor de oorlog ruim 5000 inwoners.', published_at: '2024-08-20' }),
    '{kapot',
    JSON.stringify({ id: 2, text: '' }),
  ].join('\n') + '\n');
  fs.writeFileSync(path.join(corpus, 'foto.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]));
  fs.writeFileSync(path.join(corpus, 'oud.txt'), Buffer.from('Caf\xe9 in Charkiv: 12 doden.\r\n', 'latin1'));
  // Old modification times make any rewrite visible, even one with the same bytes in the same clock tick.
  const old = new Date('2020-01-01T00:00:00Z');
  const age = (d: string) => { for (const n of fs.readdirSync(d)) { const p = path.join(d, n); if (fs.statSync(p).isDirectory()) age(p); fs.utimesSync(p, old, old); } };
  age(corpus);
  fs.utimesSync(corpus, old, old);
  return corpus;
}

describe('the corpus is never written', function () {
  this.timeout(120000);

  it('a full language-server session (index, edits, markChecked, change notifications, reindex) writes only .bronvast/checked.json', async () => {
    const ws = makeWorkspace();
    const corpus = richCorpus(ws);
    const before = snapshot(ws);
    const client = await startClient(ws);
    try {
      await client.waitForReady();
      const text = "Oekraïne veroverde zo'n 1500 vierkante kilometer. Rond het stadje Soedzja wordt gevochten.\nIn de stad Kursk zijn bij zestig busstations schuilkelders geplaatst.";
      const uri = client.open('draft.kopij', text);
      await client.waitForDiagnostics(uri);
      for (let v = 2; v < 12; v++) {
        client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'x' }] });
      }
      await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 70 } });
      await client.conn.sendRequest('workspace/executeCommand', { command: 'bronvast.markChecked', arguments: [uri, "zo'n 1500 vierkante kilometer", "Oekraïne veroverde zo'n 1500 vierkante kilometer."] });
      const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt'));
      client.conn.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: pathToFileURL(path.join(corpus, files[0])).href, type: 2 },
          { uri: pathToFileURL(path.join(corpus, 'bestaat-niet.txt')).href, type: 1 },
          { uri: pathToFileURL(path.join(corpus, 'archief 2024', 'koersk.md')).href, type: 2 },
        ],
      });
      await client.conn.sendRequest('bronvast/reindex');
      await client.conn.sendRequest('bronvast/summary');
      client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    } finally {
      await client.stop({ keepWorkspace: true });
    }
    const diff = changes(before, snapshot(ws));
    const allowed = (line: string) => /^(new|changed): \.bronvast( |$|\/checked\.json )/.test(line) || /^new: \.bronvast\/checked\.json$/.test(line);
    assert.ok(diff.some((l) => l.includes('checked.json')), `markChecked wrote .bronvast/checked.json: ${diff.join('\n')}`);
    assert.deepEqual(diff.filter((l) => !allowed(l)), [], 'nothing else in the workspace changed');
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('the command line (index, check, places, figures, explain) writes nothing in the corpus; the cache goes to BRONVAST_CACHE_DIR', async function () {
    if (!fs.existsSync(CLI)) this.skip();
    const ws = makeWorkspace();
    const corpus = richCorpus(ws);
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-cache-'));
    const draftDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-draft-'));
    const draft = path.join(draftDir, 'stuk.kopij');
    fs.writeFileSync(draft, "Oekraïne veroverde zo'n 1500 vierkante kilometer bij Soedzja.\n");
    const before = snapshot(ws);
    const env = { ...process.env, BRONVAST_CACHE_DIR: cache };
    const cli = async (...args: string[]) => {
      try { return await run(process.execPath, [CLI, ...args], { cwd: ws, env }); } catch (e) { return e as { stdout: string; stderr: string; code: number }; }
    };
    for (const format of ['text', 'json']) {
      await cli('index', 'corpus', '--format', format);
      await cli('check', draft, '--corpus', 'corpus', '--format', format);
      await cli('places', draft, '--corpus', 'corpus', '--format', format);
      await cli('places', path.join('corpus', 'archief 2024', 'koersk.md'), '--format', format);
      await cli('figures', path.join('corpus', 'oud.txt'), '--format', format);
      await cli('explain', 'Koersk', '--corpus', 'corpus', '--format', format);
    }
    assert.deepEqual(changes(before, snapshot(ws)), [], 'the workspace and corpus are unchanged');
    assert.ok(fs.readdirSync(cache).length > 0, 'the cache was written to BRONVAST_CACHE_DIR');
    assert.ok(fs.existsSync(corpus));
    for (const d of [ws, cache, draftDir]) fs.rmSync(d, { recursive: true, force: true });
  });
});

describe('a crash in one article\'s analysis', function () {
  this.timeout(60000);

  it('skips that article with one message; the other articles are indexed as usual', async () => {
    const corpus = path.join(ROOT, 'samples', 'corpus');
    const files = fs.readdirSync(corpus).sort();
    const victim = files.find((f) => fs.readFileSync(path.join(corpus, f), 'utf8').includes('busstations'))!;
    assert.ok(victim, 'a sample article to make fail');
    const logs: string[] = [];
    const analyze = (text: string, date: string | null) => {
      if (text.includes('busstations')) throw new RangeError('simulated analyser crash');
      return analyzeText(text, date);
    };
    const broken = new Archive({ paths: [corpus], baseDir: ROOT, cacheDir: null, workers: 0, analyze, log: (m) => logs.push(m) });
    const report = await broken.build();
    const healthy = new Archive({ paths: [corpus], baseDir: ROOT, cacheDir: null, workers: 0 });
    const full = await healthy.build();

    assert.equal(report.articles, full.articles - 1, 'one article fewer');
    const failed = report.skipped.filter((s) => s.reason === 'analysis-failed');
    assert.equal(failed.length, 1, `exactly one report: ${JSON.stringify(failed)}`);
    assert.equal(path.basename(failed[0].file), victim);
    const line = describeSkipped(failed[0], 'en', corpus);
    assert.match(line, new RegExp(victim.replace(/\./g, '\\.')));
    assert.match(line, /simulated analyser crash/);
    assert.doesNotMatch(line, /\n\s+at /, 'no stack trace');
    assert.match(describeSkipped(failed[0], 'nl', corpus), /analyse mislukt/);

    // The rest stands: every place of the other articles is still known, with the same mentions.
    const victimText = fs.readFileSync(path.join(corpus, victim), 'utf8');
    assert.ok(report.places > 0 && report.figures > 0);
    for (const [id, p] of healthy.index.places) {
      const fromOthers = p.mentions.filter((m) => path.basename(m.article.file) !== victim).length;
      if (fromOthers === 0) continue;
      const q = broken.index.place(id);
      assert.ok(q, `place ${p.name} still in the index`);
      assert.equal(q.mentions.length, fromOthers, `mentions of ${p.name} outside the failed article`);
    }
    assert.ok(!broken.index.claims.some((c) => victimText.includes(c.sentence) && path.basename(c.source.article.file) === victim), 'no claim from the failed article');
  });
});
