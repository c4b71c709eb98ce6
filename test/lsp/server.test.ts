// The built server over stdio, driven as an editor drives it, on the sample corpus.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList, Hover, MarkupContent, Location, CodeAction, DocumentSymbol } from 'vscode-languageserver-protocol';
import { SAMPLE_DRAFT, makeWorkspace, messageText, posOf, startClient, type LspClient } from '../../server/src/tools/lsp-client';

const DRAFT = SAMPLE_DRAFT;

describe('language server over stdio', function () {
  this.timeout(60000);
  let client: LspClient;
  let uri: string;

  before(async () => {
    client = await startClient(makeWorkspace());
    await client.waitForReady();
    uri = client.open('draft.kopij', DRAFT);
  });
  after(async () => { await client?.stop(); });

  it('reports the index state with counts', () => {
    const ready = client.statuses.find((s) => s.state === 'ready')!;
    assert.equal(ready.articles, 5);
  });

  it('warns about a figure that conflicts with the archive, citing the archive figure', async () => {
    const diags = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'figure-conflict'));
    const conflict = diags.find((d) => d.code === 'figure-conflict')!;
    assert.equal(conflict.severity, 2);
    assert.equal(conflict.source, 'bronvast');
    assert.match(messageText(conflict.message), /1300 vierkante kilometer/);
    assert.equal(DRAFT.split('\n')[conflict.range.start.line].slice(conflict.range.start.character, conflict.range.end.character), "zo'n 1500 vierkante kilometer");
    assert.ok(conflict.relatedInformation && conflict.relatedInformation.length > 0, 'links the source article');
    assert.match(conflict.relatedInformation![0].location.uri, /^file:.*corpus/);
    // The agreeing figure (zestig busstations) gets no warning.
    assert.ok(!diags.some((d) => d.range.start.line === 4 && d.code === 'figure-conflict'));
  });

  it('offers quick fixes for a conflict: replace (on an exact match only), open source, mark as checked', async () => {
    const diags = await client.waitForDiagnostics(uri, (d) => d.filter((x) => x.code === 'figure-conflict').length >= 2);
    // "12 kilometer" is the distance the archive gives for the same two places: replacing it is safe.
    const conflict = diags.find((d) => d.code === 'figure-conflict' && messageText(d.message).includes('30 kilometer'))!;
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: conflict.range, context: { diagnostics: [conflict] },
    })) as CodeAction[];
    const replace = actions.find((a) => a.edit);
    assert.ok(replace, 'a replace action');
    assert.equal(replace!.edit!.changes![uri][0].newText, '30');
    // The area in Koersk is matched through the article's topic, not named outright: no replacement offered.
    const area = diags.find((d) => d.code === 'figure-conflict' && messageText(d.message).includes('1300'))!;
    const areaActions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: area.range, context: { diagnostics: [area] },
    })) as CodeAction[];
    assert.ok(!areaActions.some((a) => a.edit), 'no replacement on a match that is not exact');
    assert.ok(actions.some((a) => a.command?.command === 'bronvast.openSource'));
    assert.ok(actions.some((a) => a.command?.command === 'bronvast.markChecked'));
  });

  it('hovers a place with its dossier', async () => {
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: posOf(DRAFT, 'Soedzja') })) as Hover;
    assert.ok(h, 'a hover');
    const md = (h.contents as MarkupContent).value;
    assert.match(md, /Soedzja/);
    assert.match(md, /Koersk/, 'names the region it lies in');
    assert.match(md, /file:\/\/.*#L\d+/, 'links a source at a line');
  });

  it('completes a place name from a transliterated prefix', async () => {
    const text = DRAFT + '\nDe weg naar Kurs';
    client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    const list = (await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: posOf(text, 'naar Kurs', 'naar Kurs'.length) })) as CompletionList;
    assert.ok(list.items.some((i) => i.label === 'Koersk'), `Koersk offered, got ${list.items.map((i) => i.label).join(', ')}`);
  });

  it('offers the archive\'s figures when a number is typed in a sentence about a place', async () => {
    const text = DRAFT + '\nIn de stad Koersk zijn bij 6';
    client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    const lines = text.split('\n');
    const list = (await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } })) as CompletionList;
    assert.ok(list.items.some((i) => /^zestig busstations/.test(i.label)), `zestig busstations offered, got ${list.items.map((i) => i.label).join(', ')}`);
  });

  it('colours known places and checked figures with semantic tokens', async () => {
    const tokens = (await client.conn.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
    assert.ok(tokens.data.length >= 5 && tokens.data.length % 5 === 0);
    // Token types: 0 = place, 1 = figure.
    const types = tokens.data.filter((_, i) => i % 5 === 3);
    assert.ok(types.includes(0) && types.includes(1));
  });

  it('searches the archive\'s places as workspace symbols, in any spelling', async () => {
    const symbols = (await client.conn.sendRequest('workspace/symbol', { query: 'Kharkov' })) as { name: string }[];
    assert.ok(symbols.some((s) => s.name === 'Charkiv' || s.name === 'Kharkiv'), `got ${symbols.map((s) => s.name).join(', ')}`);
  });

  it('lists the draft outline and the archive mentions of a place', async () => {
    const symbols = (await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.ok(symbols.some((s) => s.name === 'Soedzja'));
    const refs = (await client.conn.sendRequest('textDocument/references', { textDocument: { uri }, position: posOf(DRAFT, 'Soedzja'), context: { includeDeclaration: true } })) as Location[];
    assert.ok(refs.filter((r) => r.uri.includes('/corpus/')).length >= 2, 'archive mentions of Soedzja');
  });

  it('does not check an archive article opened in the editor against itself', async () => {
    const file = path.join(client.workspace, 'corpus', '002_9345b17a806127f3.txt');
    const articleUri = pathToFileURL(file).href;
    client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: articleUri, languageId: 'plaintext', version: 1, text: fs.readFileSync(file, 'utf8') } });
    const diags = await client.waitForDiagnostics(articleUri);
    assert.deepEqual(diags, []);
    // Hover still explains the places in it.
    const h = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: articleUri }, position: posOf(fs.readFileSync(file, 'utf8'), 'Soedzja') })) as Hover;
    assert.match((h.contents as MarkupContent).value, /Soedzja/);
  });

  it('answers odd requests without failing, and valid ones afterwards', async () => {
    const h1 = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: -5, character: -1 } });
    assert.equal(h1, null);
    const h2 = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere.kopij' }, position: { line: 0, character: 0 } });
    assert.equal(h2, null);
    const h3 = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 9999, character: 9999 } });
    assert.equal(h3, null);
    // Malformed JSON-RPC on the wire: the server must stay up.
    client.proc.stdin!.write('Content-Length: 19\r\n\r\n{"jsonrpc": "2.0", ');
    client.proc.stdin!.write('Content-Length: 2\r\n\r\n{}');
    const h4 = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: posOf(DRAFT, 'Soedzja') })) as Hover;
    assert.ok(h4);
  });

  it('updates diagnostics when a corpus file changes, without a restart', async () => {
    const file = path.join(client.workspace, 'corpus', '003_85047de7e29543d5.txt');
    const text = fs.readFileSync(file, 'utf8').replace('bij zestig busstations', 'bij tachtig busstations');
    fs.writeFileSync(file, text);
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
    const diags = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'figure-conflict' && /tachtig/.test(messageText(x.message))));
    assert.ok(diags.some((d) => /tachtig busstations/.test(messageText(d.message))));
  });
});

describe('language server for an editor that does not watch files', function () {
  this.timeout(60000);
  it('watches the archive itself: an edited, an added and a removed article reach the open draft', async () => {
    const client = await startClient(makeWorkspace(), {}, 'nl', { watchesFiles: false });
    try {
      await client.waitForReady();
      const uri = client.open('draft.kopij', DRAFT);
      await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'figure-conflict'));
      // It says so in its log (in the editor's language) once it watches.
      await client.waitFor(() => client.logs.some((l) => /^Bronvast volgt het archief zelf \(de editor meldt geen gewijzigde bestanden\): .*corpus/.test(l)), 20000, 'the watching log line');
      const file = path.join(client.workspace, 'corpus', '003_85047de7e29543d5.txt');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('bij zestig busstations', 'bij tachtig busstations'));
      await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'figure-conflict' && /tachtig busstations/.test(messageText(x.message))), 20000);
      // A new article and a removed one: the archive's count follows.
      const added = path.join(client.workspace, 'corpus', 'nieuw', 'bericht.txt');
      fs.mkdirSync(path.dirname(added));
      fs.writeFileSync(added, 'Bij een aanval op Charkiv vielen zondag zeker vier doden.\n');
      await client.waitFor(() => client.statuses.some((st) => st.state === 'ready' && st.articles === 6), 20000, 'six articles');
      fs.rmSync(path.dirname(added), { recursive: true });
      await client.waitFor(() => client.statuses.at(-1)?.state === 'ready' && client.statuses.at(-1)?.articles === 5, 20000, 'five articles again');
    } finally {
      await client.stop();
    }
  });
});

describe('language server in English', function () {
  this.timeout(60000);
  it('speaks the initialize request\'s locale', async () => {
    const client = await startClient(makeWorkspace(), {}, 'en-GB');
    try {
      await client.waitForReady();
      const uri = client.open('draft.kopij', "Pokrovsk telde voor de oorlog 90.000 inwoners.");
      const diags = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'figure-conflict'));
      assert.match(messageText(diags[0].message), /^The archive reports 60\.000 inwoners/);
    } finally {
      await client.stop();
    }
  });
});

describe('language server on an archive without articles', function () {
  this.timeout(60000);
  it('says so in the status and a message, and still gives house-spelling hints', async () => {
    const ws = makeWorkspace();
    for (const f of fs.readdirSync(path.join(ws, 'corpus'))) fs.rmSync(path.join(ws, 'corpus', f));
    fs.writeFileSync(path.join(ws, 'corpus', 'leeg.txt'), '');
    const client = await startClient(ws, { houseSpellings: { Kharkov: 'Charkiv' } }, 'nl');
    try {
      await client.waitForReady();
      const last = client.statuses[client.statuses.length - 1] as { state: string; message?: string };
      assert.equal(last.state, 'empty');
      assert.match(last.message ?? '', /^Geen artikelen in .*corpus\. Bronvast controleert alleen de huisspelling/);
      for (let i = 0; i < 100 && !client.logs.some((l) => /^Geen artikelen in /.test(l)); i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(client.logs.some((l) => /^Geen artikelen in /.test(l)), 'a message (window/showMessage): ' + client.logs.join('\n'));
      const uri = client.open('draft.kopij', 'In Kharkov vielen bij een aanval 12 doden.');
      const diags = await client.waitForDiagnostics(uri);
      assert.deepEqual(diags.map((d) => [d.code, messageText(d.message)]).filter(([c]) => c === 'variant-spelling').length, 1, JSON.stringify(diags));
    } finally {
      await client.stop();
    }
  });
});

describe('language server: mark as checked', function () {
  this.timeout(60000);
  it('keeps the whole sentence in .bronvast/checked.json and says so with a notification, not a prompt', async () => {
    const ws = makeWorkspace();
    const client = await startClient(ws);
    try {
      await client.waitForReady();
      const sentence = 'Volgens het Oekraïense leger, dat dinsdag in een uitgebreide verklaring op Telegram terugblikte op de eerste weken van de inval, werd in augustus in de Russische regio Koersk zo\'n 1500 vierkante kilometer grondgebied veroverd, een claim die Moskou niet bevestigde.';
      assert.ok(sentence.length > 200);
      const uri = client.open('lang.kopij', `Eerste alinea zonder cijfers.\n\n${sentence} Daarna volgde meer.\n`);
      const diags = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'figure-conflict'));
      const conflict = diags.find((d) => d.code === 'figure-conflict')!;
      const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: conflict.range, context: { diagnostics: [conflict] } })) as CodeAction[];
      const mark = actions.find((a) => a.command?.command === 'bronvast.markChecked')!;
      await client.conn.sendRequest('workspace/executeCommand', { command: mark.command!.command, arguments: mark.command!.arguments });
      const { checked } = JSON.parse(fs.readFileSync(path.join(ws, '.bronvast', 'checked.json'), 'utf8')) as { checked: { sentence: string; figure: string }[] };
      assert.equal(checked[0].sentence, sentence);
      assert.equal(checked[0].figure, "zo'n 1500 vierkante kilometer");
      for (let i = 0; i < 100 && !client.logs.some((l) => /^Gemarkeerd als gecontroleerd/.test(l)); i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(client.logs.some((l) => /^Gemarkeerd als gecontroleerd in \.bronvast/.test(l)), client.logs.join('\n'));
      assert.ok(!client.logs.some((l) => l.startsWith('showMessageRequest')), 'no window/showMessageRequest');
      await client.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'figure-conflict'));
    } finally {
      await client.stop();
    }
  });
});
