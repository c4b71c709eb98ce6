// The built server over stdio under hostile input and traffic: odd drafts, bad positions, unknown
// documents, malformed JSON-RPC, cancellation, a storm of incremental edits, a workspace folder
// removed while indexing, garbage settings, and the size limits. After each, valid requests work.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, Hover, MarkupContent, SemanticTokens, DocumentSymbol, CompletionList } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SAMPLE_DRAFT, makeWorkspace, messageText, startClient, type LspClient } from '../../server/src/tools/lsp-client';

const DRAFT = SAMPLE_DRAFT;

function posIn(doc: TextDocument, needle: string, delta = 1) {
  const off = doc.getText().indexOf(needle);
  assert.ok(off >= 0, `${needle} in the document`);
  return doc.positionAt(off + delta);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Every diagnostic range lies in the document and splits no surrogate pair. */
function assertRanges(doc: TextDocument, diags: Diagnostic[]): void {
  const text = doc.getText();
  for (const d of diags) {
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(p.line >= 0 && p.line < doc.lineCount && p.character >= 0, `position ${JSON.stringify(p)} in the document`);
      const o = doc.offsetAt(p);
      assert.deepEqual(doc.positionAt(o), p, `position ${JSON.stringify(p)} is a real position`);
      assert.ok(!(o > 0 && o < text.length && isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o))), 'no split surrogate pair');
    }
  }
}

async function hoverText(client: LspClient, uri: string, position: { line: number; character: number }): Promise<string | null> {
  const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
  return h ? (h.contents as MarkupContent).value : null;
}

/** A valid request still works: hover on Soedzja in a fresh draft gives its dossier. */
async function assertHealthy(client: LspClient, name = `ok-${Date.now()}-${Math.random().toString(36).slice(2)}.kopij`): Promise<void> {
  const uri = client.open(name, DRAFT);
  const doc = TextDocument.create(uri, 'kopij', 1, DRAFT);
  const md = await hoverText(client, uri, posIn(doc, 'Soedzja'));
  assert.ok(md, 'a hover on a known place');
  assert.match(md, /Soedzja/);
  assert.match(md, /Koersk/, 'the dossier names its region');
  client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
}

describe('language server robustness', function () {
  this.timeout(120000);
  let client: LspClient;
  const settings: Record<string, unknown> = {};

  before(async () => {
    client = await startClient(makeWorkspace(), settings);
    await client.waitForReady();
  });
  after(async () => { await client?.stop(); });

  describe('hostile drafts', () => {
    const unit = 'In de stad Koersk zijn bij zestig busstations schuilkelders geplaatst. ';
    const cases: [string, string][] = [
      ['empty', ''],
      ['whitespace', '   \n\t\n \u00a0 \r\n  '],
      ['a 1 MB line', unit.repeat(Math.ceil(1_000_000 / unit.length))],
      ['zero-width', "\ufeffHet Oekraïense leger veroverde zo'n\u200b 1500 vierkante kilometer Russisch grondgebied.\u200b Rond het stadje Soedzja\u200b wordt gevochten."],
      ['right-to-left', "مرحبا بالعالم. \u202eHet Oekraïense leger veroverde zo'n 1500 vierkante kilometer Russisch grondgebied.\u202c שלום. Rond het stadje Soedzja wordt gevochten."],
      ['emoji', "😀🇺🇦 Het Oekraïense leger 😀 veroverde zo'n 1500 vierkante kilometer Russisch grondgebied 💥. Rond het stadje Soedzja 👩‍👩‍👧 wordt gevochten."],
      ['absurd numbers', 'Er vielen 99999999999999999999999 procent meer doden. Versie 1.2.3.4.5 bij Soedzja. ' + '9'.repeat(500)],
      ['CRLF', DRAFT.replace(/\n/g, '\r\n')],
      ['lone CR', DRAFT.replace(/\n/g, '\r')],
    ];
    for (const [name, text] of cases) {
      it(`${name}: diagnostics published with valid ranges; the server keeps answering`, async () => {
        const uri = client.open(`hostile-${name.replace(/\W+/g, '-')}.kopij`, text);
        const doc = TextDocument.create(uri, 'kopij', 1, text);
        const diags = await client.waitForDiagnostics(uri, () => true, 60000);
        assertRanges(doc, diags);
        if (text.includes("zo'n 1500 vierkante kilometer")) {
          const c = diags.find((d) => d.code === 'figure-conflict');
          assert.ok(c, `a conflict in ${name}: ${JSON.stringify(diags.map((d) => d.code))}`);
          assert.equal(doc.getText(c.range), "zo'n 1500 vierkante kilometer", 'the range covers the figure exactly');
        }
        if (text.includes('Soedzja')) {
          const md = await hoverText(client, uri, posIn(doc, 'Soedzja'));
          assert.ok(md && /Soedzja/.test(md), `hover on Soedzja in ${name}`);
        }
        if (!text.trim()) assert.deepEqual(diags, []);
        // Hover and completion anywhere in the odd text do not fail.
        for (const o of [0, Math.floor(text.length / 2), text.length]) {
          await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(o) });
          await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: doc.positionAt(o) });
        }
        client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await assertHealthy(client);
      });
    }
  });

  describe('hostile traffic', () => {
    let uri: string;
    before(() => { uri = client.open('traffic.kopij', DRAFT); });

    it('positions out of range, negative or of the wrong type answer empty, never an error', async () => {
      const bad = [{ line: -1, character: 0 }, { line: 0, character: -7 }, { line: 99999, character: 3 }, { line: 2, character: 999999 }, { line: 1.5, character: 2 }, { line: Number.MAX_SAFE_INTEGER, character: Number.MAX_SAFE_INTEGER }];
      for (const position of bad) {
        assert.equal(await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position }), null, `hover at ${JSON.stringify(position)}`);
        const list = (await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList | null;
        assert.ok(!list || Array.isArray(list.items));
        assert.deepEqual(await client.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position }) ?? [], []);
        assert.deepEqual(await client.conn.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }) ?? [], []);
      }
      await assertHealthy(client);
    });

    it('requests for unknown documents answer empty', async () => {
      const nowhere = 'file:///nowhere/onbekend.kopij';
      const position = { line: 0, character: 0 };
      assert.equal(await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: nowhere }, position }), null);
      assert.deepEqual(await client.conn.sendRequest('textDocument/definition', { textDocument: { uri: nowhere }, position }) ?? [], []);
      assert.deepEqual(await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: nowhere } }) ?? [], []);
      const tokens = (await client.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: nowhere } })) as SemanticTokens | null;
      assert.deepEqual(tokens?.data ?? [], []);
      const list = (await client.conn.sendRequest('textDocument/completion', { textDocument: { uri: nowhere }, position })) as CompletionList | null;
      assert.deepEqual(list?.items ?? [], []);
      assert.deepEqual(await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: nowhere }, range: { start: position, end: position }, context: { diagnostics: [] } }) ?? [], []);
      await assertHealthy(client);
    });

    it('wrong types in params answer (empty or an error response), the server stays up', async () => {
      const weird: [string, unknown][] = [
        ['textDocument/hover', { textDocument: { uri }, position: 'abc' }],
        ['textDocument/hover', { textDocument: 5, position: { line: 0, character: 0 } }],
        ['textDocument/hover', { textDocument: { uri: null }, position: { line: '1', character: {} } }],
        ['textDocument/completion', { textDocument: { uri } }],
        ['textDocument/references', { textDocument: { uri }, position: { line: 2, character: 3 }, context: 'x' }],
        ['textDocument/documentSymbol', { textDocument: [] }],
        ['textDocument/semanticTokens/full', {}],
        ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: 'nope' } }],
        ['workspace/symbol', { query: 42 }],
        ['completionItem/resolve', { label: 7, data: { id: {} } }],
        ['bronvast/dossier', { id: ['x'] }],
        ['bronvast/dossier', null],
        ['workspace/executeCommand', { command: 'bronvast.markChecked', arguments: 'not a list' }],
        ['workspace/executeCommand', { command: 'rm -rf /', arguments: [] }],
      ];
      for (const [method, params] of weird) {
        try { await client.conn.sendRequest(method, params); } catch (e) {
          const code = (e as { code?: number }).code;
          assert.ok(typeof code === 'number', `${method}: an error response, not a crash (${String(e)})`);
        }
      }
      // Notifications with nonsense params.
      client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nowhere.kopij', version: 3 }, contentChanges: [{ text: 'x' }] });
      client.conn.sendNotification('textDocument/didChange', { textDocument: { uri }, contentChanges: 'nope' });
      client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 9 }] });
      client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///never-opened.kopij' } });
      await assertHealthy(client);
    });

    it('unknown methods answer MethodNotFound; bad JSON on the wire is survived', async () => {
      await assert.rejects(client.conn.sendRequest('bronvast/doesNotExist', {}), (e: { code?: number }) => e.code === -32601);
      await assert.rejects(client.conn.sendRequest('textDocument/noSuchThing', { textDocument: { uri } }), (e: { code?: number }) => e.code === -32601);
      const raw = (body: string) => client.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      raw('{"jsonrpc": "2.0", "id": 9001, "method": ');
      raw('not json at all');
      raw('{"jsonrpc":"2.0","id":9002,"method":"textDocument/hover","params":"hallo"}');
      raw('[1,2,3]');
      raw('{}');
      await assertHealthy(client);
    });

    it('$/cancelRequest for in-flight requests: cancelled or answered, and later requests work', async () => {
      const doc = TextDocument.create(uri, 'kopij', 1, DRAFT);
      const pending: Promise<unknown>[] = [];
      for (let i = 0; i < 20; i++) {
        const source = new CancellationTokenSource();
        const method = ['textDocument/hover', 'textDocument/completion', 'textDocument/references', 'textDocument/semanticTokens/full'][i % 4];
        pending.push(client.conn.sendRequest(method, { textDocument: { uri }, position: posIn(doc, 'Soedzja'), context: { includeDeclaration: true } }, source.token)
          .then(() => 'answered', (e: { code?: number }) => { assert.equal(e.code, -32800, 'RequestCancelled'); return 'cancelled'; }));
        source.cancel();
      }
      const results = await Promise.all(pending);
      assert.equal(results.length, 20);
      await assertHealthy(client);
    });

    it('300 rapid incremental edits: the server\'s text equals the client\'s (same results as a fresh document)', async () => {
      const name = 'storm.kopij';
      const stormUri = client.open(name, DRAFT);
      let doc = TextDocument.create(stormUri, 'kopij', 1, DRAFT);
      const pieces = fc.constantFrom('Koersk', ' ', 'Soedzja', ' zestig ', '1.500', '\n', '\r\n', '😀', 'é', 'ruim 30 doden', '\u200b', '', 'x');
      const edits = fc.sample(fc.record({ a: fc.nat(), b: fc.nat({ max: 12 }), text: pieces }), { seed: 8, numRuns: 300 });
      let version = 1;
      for (const e of edits) {
        const len = doc.getText().length;
        const start = e.a % (len + 1);
        const end = Math.min(len, start + (e.b % 4 === 0 ? e.b : 0));
        const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
        const change = { range, text: e.text };
        version++;
        doc = TextDocument.update(doc, [change], version);
        client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: stormUri, version }, contentChanges: [change] });
      }
      // Finish with a sentence the archive knows, appended by a range edit at the client's end of text.
      const endPos = doc.positionAt(doc.getText().length);
      const tail = "\nHet Oekraïense leger veroverde zo'n 1500 vierkante kilometer Russisch grondgebied. In de stad Kursk zijn bij zestig busstations schuilkelders geplaatst.";
      version++;
      doc = TextDocument.update(doc, [{ range: { start: endPos, end: endPos }, text: tail }], version);
      client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: stormUri, version }, contentChanges: [{ range: { start: endPos, end: endPos }, text: tail }] });
      const finalVersion = version;
      await client.waitForDiagnostics(stormUri, () => client.diagnostics.get(stormUri)?.version === finalVersion, 30000);
      const stormDiags = client.diagnostics.get(stormUri)!.diagnostics;

      assert.ok(stormDiags.some((d) => d.code === 'figure-conflict' && doc.getText(d.range) === "zo'n 1500 vierkante kilometer"), 'the conflict at the right place in the final text');
      assertRanges(doc, stormDiags);

      // A fresh document with the client's text gives exactly the same answers.
      const freshUri = client.open('storm-fresh.kopij', doc.getText());
      const freshDiags = await client.waitForDiagnostics(freshUri);
      const strip = (ds: Diagnostic[]) => ds.map((d) => ({ range: d.range, code: d.code, severity: d.severity, message: messageText(d.message) }));
      assert.deepEqual(strip(stormDiags), strip(freshDiags));
      const tokens = async (u: string) => ((await client.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: u } })) as SemanticTokens).data;
      assert.deepEqual(await tokens(stormUri), await tokens(freshUri), 'same places at the same positions');
      const symbols = async (u: string) => JSON.stringify(((await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: u } })) as DocumentSymbol[]).map((s) => [s.name, s.range]));
      assert.equal(await symbols(stormUri), await symbols(freshUri));
      await assertHealthy(client);
    });

    it('garbage settings (didChangeConfiguration) fall back to defaults; nothing breaks', async () => {
      const garbage: Record<string, unknown>[] = [
        { corpus: 42, limits: 'x', diagnostics: null, debounceMs: -5, houseSpellings: [1, 2, 3] },
        { corpus: { paths: [null, 7] }, limits: { maxDraftSizeKB: -1, maxFileSizeMB: 'veel' }, diagnostics: { conflictSeverity: 17 }, houseSpellings: { Kiev: 12, Kursk: null } },
        { limits: { maxDraftSizeKB: 0, maxFileSizeMB: Number.NaN }, debounceMs: 'snel', houseSpellings: 'Kyiv' },
      ];
      for (const g of garbage) {
        for (const k of Object.keys(settings)) delete settings[k];
        Object.assign(settings, g);
        client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { bronvast: g } });
        client.conn.sendNotification('workspace/didChangeConfiguration', { settings: 'rommel' });
        await client.conn.sendRequest('bronvast/reindex');
        const u = client.open(`cfg-${Math.random().toString(36).slice(2)}.kopij`, DRAFT);
        const diags = await client.waitForDiagnostics(u);
        assert.ok(!diags.some((d) => d.code === 'draft-too-large'), `a garbage limit is not a limit: ${JSON.stringify(g)}`);
        assert.ok(diags.some((d) => d.code === 'figure-conflict'), `conflicts still found with ${JSON.stringify(g)}`);
        await assertHealthy(client);
      }
      for (const k of Object.keys(settings)) delete settings[k];
      client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    });

    it('a workspace folder removed while indexing, then added back: the index comes back', async () => {
      const ws = pathToFileURL(client.workspace).href;
      const reindex = client.conn.sendRequest('bronvast/reindex');
      client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: ws, name: 'ws' }] } });
      await reindex;
      client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: 'file:///does/not/exist', name: 'nope' }], removed: [{ uri: 'file:///never/added', name: 'x' }] } });
      client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: ws, name: 'ws' }], removed: [{ uri: 'file:///does/not/exist', name: 'nope' }] } });
      const status = (await client.conn.sendRequest('bronvast/reindex')) as { state: string; articles: number };
      assert.equal(status.state, 'ready', client.logs.slice(-15).join('\n'));
      assert.equal(status.articles, 5);
      await assertHealthy(client);
    });
  });
});

describe('language server limits', function () {
  this.timeout(120000);
  let client: LspClient;

  before(async () => {
    const ws = makeWorkspace();
    // A small article under the file limit, so the archive is not empty.
    fs.writeFileSync(path.join(ws, 'corpus', 'kort.txt'), 'Rond het stadje Soedzja in de regio Koersk wordt gevochten. Er vielen 12 doden.\n');
    client = await startClient(ws, { limits: { maxDraftSizeKB: 1, maxFileSizeMB: 0.001 } });
    await client.waitForReady();
  });
  after(async () => { await client?.stop(); });

  it('a draft over maxDraftSizeKB gets one Information diagnostic draft-too-large and no analysis', async () => {
    const big = DRAFT + '\n' + 'Rond het stadje Soedzja wordt gevochten. '.repeat(40);
    assert.ok(big.length > 1024);
    const uri = client.open('groot.kopij', big);
    const diags = await client.waitForDiagnostics(uri);
    assert.equal(diags.length, 1);
    assert.equal(diags[0].code, 'draft-too-large');
    assert.equal(diags[0].severity, 3);
    assert.match(messageText(diags[0].message), /\b1 kB\b.*maxDraftSizeKB/i);
    const doc = TextDocument.create(uri, 'kopij', 1, big);
    assert.equal(await hoverText(client, uri, posIn(doc, 'Soedzja')), null, 'no analysis, so no hover');
    // Under the limit again: analysed.
    client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 50 }, contentChanges: [{ text: 'Rond het stadje Soedzja wordt gevochten.' }] });
    await client.waitForDiagnostics(uri, () => client.diagnostics.get(uri)?.version === 50);
    assert.ok(!client.diagnostics.get(uri)!.diagnostics.some((d) => d.code === 'draft-too-large'));
    const small = TextDocument.create(uri, 'kopij', 50, 'Rond het stadje Soedzja wordt gevochten.');
    assert.match((await hoverText(client, uri, posIn(small, 'Soedzja')))!, /Soedzja/);
  });

  it('corpus files over maxFileSizeMB are skipped with a message in the output (window/logMessage)', async () => {
    const tooLarge = client.logs.filter((l) => /te groot|too large/.test(l));
    const samples = fs.readdirSync(path.join(client.workspace, 'corpus')).filter((f) => f !== 'kort.txt');
    for (const f of samples) assert.ok(tooLarge.some((l) => l.includes(f)), `${f} reported as too large:\n${client.logs.join('\n')}`);
    assert.ok(tooLarge.some((l) => /bronvast\.limits\.maxFileSizeMB/.test(l)), 'the message names the setting');
    const ready = client.statuses.filter((s) => s.state === 'ready').pop()!;
    assert.equal(ready.articles, 1, 'only the small article is indexed');
  });
});
