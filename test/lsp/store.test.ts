// The language server on a shared index (setting bronvast.store) against the same server indexing
// the same files itself: every feature answers the same. Then an index run lands while it runs,
// and the open draft's diagnostics change without a restart (LISTEN/NOTIFY).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { SAMPLE_DRAFT, makeWorkspace, messageText, posOf, startClient, ROOT, type LspClient } from '../../server/src/tools/lsp-client';
import { clusterOrSkip, type TestCluster } from '../../server/src/tools/pg-cluster';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const run = promisify(execFile);

describe('language server on a shared index (PostgreSQL)', function () {
  this.timeout(120000);
  let cluster: TestCluster;
  let ws: string;
  let cache: string;
  let files: LspClient;
  let stored: LspClient;

  const index = (corpus: string) => run(process.execPath, [CLI, 'index', corpus, '--store', cluster.url], { env: { ...process.env, BRONVAST_CACHE_DIR: cache, BRONVAST_LANG: 'en' } });

  before(async function () {
    if (!fs.existsSync(CLI)) this.skip();
    cluster = await clusterOrSkip(this);
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-cache-'));
    ws = makeWorkspace();
    await index(path.join(ws, 'corpus'));
    files = await startClient(ws);
    stored = await startClient(ws, { store: cluster.url });
    await Promise.all([files.waitForReady(), stored.waitForReady()]);
  });

  after(async () => {
    await files?.stop({ keepWorkspace: true });
    await stored?.stop();
    cluster?.stop();
    if (cache) fs.rmSync(cache, { recursive: true, force: true });
  });

  it('says in its status which store it reads and how current it is', () => {
    const ready = stored.statuses.find((s) => s.state === 'ready') as unknown as { store: string; generation: number; message: string; articles: number };
    assert.equal(ready.articles, 5);
    assert.equal(ready.generation, 1);
    assert.match(ready.store, /^postgresql:\/\/bronvast@localhost\/bronvast/);
    assert.match(ready.message, /gedeelde index postgresql:\/\/.*, bijgewerkt \d+ \w+ \d{4} \d\d:\d\d$/);
  });

  it('answers every feature as the server that indexes the files itself', async () => {
    const a = files.open('draft.kopij', SAMPLE_DRAFT);
    const b = stored.open('draft.kopij', SAMPLE_DRAFT);
    const da = await files.waitForDiagnostics(a, (d) => d.some((x) => x.code === 'figure-conflict'));
    const db = await stored.waitForDiagnostics(b, (d) => d.some((x) => x.code === 'figure-conflict'));
    assert.deepEqual(db, da);
    const ask = async (method: string, params: (uri: string) => object) => {
      const [x, y] = await Promise.all([files.conn.sendRequest(method, params(a)), stored.conn.sendRequest(method, params(b))]);
      assert.deepEqual(y, x, method);
      return x;
    };
    for (const needle of ['Soedzja', 'Koersk', 'Pokrovsk', "zo'n 1500"]) {
      const h = await ask('textDocument/hover', (uri) => ({ textDocument: { uri }, position: posOf(SAMPLE_DRAFT, needle) }));
      assert.ok(h, `a hover on ${needle}`);
    }
    await ask('textDocument/definition', (uri) => ({ textDocument: { uri }, position: posOf(SAMPLE_DRAFT, 'Soedzja') }));
    const refs = await ask('textDocument/references', (uri) => ({ textDocument: { uri }, position: posOf(SAMPLE_DRAFT, 'Koersk'), context: { includeDeclaration: true } })) as unknown[];
    assert.ok(refs.length > 3);
    await ask('textDocument/documentSymbol', (uri) => ({ textDocument: { uri } }));
    await ask('textDocument/semanticTokens/full', (uri) => ({ textDocument: { uri } }));
    for (const query of ['', 'Koe', 'Kursk']) await ask('workspace/symbol', () => ({ query }));
    // Completion of a place name and of a figure, at the end of a new line.
    const lines = SAMPLE_DRAFT.split('\n');
    await ask('textDocument/completion', () => ({ textDocument: { uri: a }, position: { line: 0, character: 0 } }));
    const typed = `${SAMPLE_DRAFT}\nDe aanval op Kurs`;
    files.conn.sendNotification('textDocument/didChange', { textDocument: { uri: a, version: 99 }, contentChanges: [{ text: typed }] });
    stored.conn.sendNotification('textDocument/didChange', { textDocument: { uri: b, version: 99 }, contentChanges: [{ text: typed }] });
    const list = await ask('textDocument/completion', (uri) => ({ textDocument: { uri }, position: { line: lines.length, character: 'De aanval op Kurs'.length } })) as { items: { label: string; data?: unknown }[] };
    assert.ok(list.items.some((i) => i.label === 'Koersk'), JSON.stringify(list.items.map((i) => i.label)));
    const item = list.items.find((i) => i.label === 'Koersk')!;
    const [ra, rb] = await Promise.all([files.conn.sendRequest('completionItem/resolve', item), stored.conn.sendRequest('completionItem/resolve', item)]);
    assert.deepEqual(rb, ra);
    const [pa, pb] = await Promise.all([files.conn.sendRequest('bronvast/places'), stored.conn.sendRequest('bronvast/places')]);
    assert.deepEqual(pb, pa);
    const [xa, xb] = await Promise.all([files.conn.sendRequest('bronvast/dossier', { id: item.data && (item.data as { placeId: string }).placeId }), stored.conn.sendRequest('bronvast/dossier', { id: (item.data as { placeId: string }).placeId })]);
    assert.deepEqual(xb, xa);
    assert.match((xb as { markdown: string }).markdown, /Koersk/);
    // The summary: the same places and skips; only its headline (the status line) names the store.
    const [sa, sb] = await Promise.all([files.conn.sendRequest('bronvast/summary'), stored.conn.sendRequest('bronvast/summary')]) as { markdown: string }[];
    const body = (m: string) => m.split('\n').filter((l, i) => i !== 2).join('\n');
    assert.equal(body(sb.markdown), body(sa.markdown));
    assert.match(sb.markdown.split('\n')[2], /gedeelde index/);
    assert.match(sb.markdown, /Meest genoemde plaatsen/);
  });

  it('sees an index run while it runs: the open draft is checked against the new generation', async () => {
    const uri = stored.open('nieuw.kopij', "Het Oekraïense leger veroverde bij de inval in augustus zo'n 1500 vierkante kilometer Russisch grondgebied.\n");
    const before = await stored.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'figure-conflict'));
    assert.match(messageText(before.find((x) => x.code === 'figure-conflict')!.message), /1300/);
    // A later report of 1500 km² lands in the store: the draft now agrees with the newest report.
    fs.writeFileSync(path.join(ws, 'corpus', '010_nieuw.txt'),
      ' date 2024-08-20\nKoersk\n\nHet Oekraïense leger heeft bij de inval in augustus zo\'n 1500 vierkante kilometer Russisch grondgebied veroverd, zegt Kyiv.\n');
    const t0 = Date.now();
    await index(path.join(ws, 'corpus'));
    const after = await stored.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'figure-conflict' && /^Het archief meldt 1300/.test(messageText(x.message))), 10000);
    assert.ok(Date.now() - t0 < 10000);
    assert.ok(stored.statuses.some((s) => (s as unknown as { generation?: number }).generation === 2));
    assert.notDeepEqual(after, before);
  });
});
