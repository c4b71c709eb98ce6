// Editor scenarios in a real VS Code: a journalist opens a draft in a workspace with an archive,
// hovers a place, asks for completions, and sees a conflicting figure flagged.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
const { draftName, positionOf } = require('../workspace');

const workspaceDir = process.env.BRONVAST_TEST_WORKSPACE;

function hoverText(hovers) {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

async function waitFor(what, probe, timeoutMs = 30_000) {
  const start = Date.now();
  let last;
  while (Date.now() - start < timeoutMs) {
    last = await probe();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('Bronvast in VS Code', function () {
  let api;
  let doc;

  before(async function () {
    assert.ok(workspaceDir, 'BRONVAST_TEST_WORKSPACE is set by runTest.js');
    const ext = vscode.extensions.getExtension('bronvast.bronvast');
    assert.ok(ext, 'the extension is installed');
    doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspaceDir, draftName)));
    await vscode.window.showTextDocument(doc);
    api = await ext.activate();
    await api.whenReady(90_000);
  });

  it('opens .kopij files in the kopij language', function () {
    assert.equal(doc.languageId, 'kopij');
  });

  it('reports the archive in the status', function () {
    const s = api.status();
    assert.equal(s.state, 'ready');
    assert.equal(s.articles, 5, 'the five sample articles are indexed');
    assert.ok(s.places > 0, 'places were found');
  });

  it('shows a dossier when hovering a place', async function () {
    const pos = positionOf('Soedzja', 2);
    const hovers = await waitFor('a hover on Soedzja', async () => {
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(pos.line, pos.character));
      return h && h.length > 0 ? h : undefined;
    });
    const text = hoverText(hovers);
    assert.match(text, /Soedzja/);
    assert.match(text, /Koersk/, 'the dossier says where Soedzja lies or what the archive reports there');
  });

  it('completes a place name from the archive', async function () {
    const editor = await vscode.window.showTextDocument(doc);
    const end = new vscode.Position(doc.lineCount - 1, 0);
    await editor.edit((e) => e.insert(end, 'De strijd in Koe'));
    const at = new vscode.Position(doc.lineCount - 1, 'De strijd in Koe'.length);
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, at);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('Koersk'), `Koersk among the completions: ${labels.slice(0, 20).join(', ')}`);
    await vscode.commands.executeCommand('undo');
  });

  it('flags the figure that conflicts with the archive', async function () {
    const pos = positionOf('1500');
    const diags = await waitFor('a diagnostic on 1500', async () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.range.contains(new vscode.Position(pos.line, pos.character + 1)));
      return d.length > 0 ? d : undefined;
    });
    assert.match(diags.map((d) => d.message).join('\n'), /1\.?300/, 'the message cites the archive figure');
  });

  it('opens the summary and a dossier as Markdown documents', async function () {
    await vscode.commands.executeCommand('bronvast.showSummary');
    const places = await api.client().sendRequest('bronvast/places');
    const koersk = places.find((p) => p.name === 'Koersk');
    assert.ok(koersk, 'Koersk is a place in the archive');
    await vscode.commands.executeCommand('bronvast.showDossier', koersk.id);
    const dossier = await waitFor('the dossier document', async () =>
      vscode.workspace.textDocuments.find((t) => t.languageId === 'markdown' && /Dossier Koersk\.md$/.test(t.uri.fsPath)),
    );
    assert.match(dossier.getText(), /Koersk/, 'the dossier names the place');
    assert.doesNotMatch(dossier.getText(), /\]\(file:/, 'source links are relative, so the preview can follow them');
  });

  it('opens an archive article at a line', async function () {
    const corpusFile = vscode.Uri.file(path.join(workspaceDir, 'corpus', '003_85047de7e29543d5.txt'));
    await vscode.commands.executeCommand('bronvast.openSource', corpusFile.toString(), 4);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor.document.uri.fsPath, corpusFile.fsPath);
    assert.equal(editor.selection.start.line, 4);
  });
});
