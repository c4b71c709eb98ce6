// The editor features in process, css-languageservice style: a draft with a cursor (|), the
// sample archive, and the exact answer. (test/lsp/ drives the same features over stdio.)

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, DiagnosticSeverity, SymbolKind } from 'vscode-languageserver-types';
import { codeActions } from '../../server/src/features/actions';
import { complete } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { definition, documentSymbols, references } from '../../server/src/features/navigation';
import { LEGEND, semanticTokens } from '../../server/src/features/semanticTokens';
import { Workspace } from '../../server/src/service/workspace';

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = path.join(ROOT, 'samples', 'corpus');
const source = (file: string, line: number) => `${pathToFileURL(path.join(CORPUS, file)).href}#L${line}`;

describe('features in process, exact', function () {
  this.timeout(60000);
  let ws: Workspace;
  before(async () => {
    ws = new Workspace({ folders: [ROOT], corpus: [CORPUS], locale: 'nl', cacheDir: null, date: '2025-01-20' });
    await ws.rebuild();
  });

  /** The draft with the cursor at `|`. */
  let version = 0;
  function at(fixture: string) {
    const i = fixture.indexOf('|');
    const text = i < 0 ? fixture : fixture.slice(0, i) + fixture.slice(i + 1);
    const doc = TextDocument.create('file:///redactie/concept.kopij', 'kopij', ++version, text);
    return { doc, pos: doc.positionAt(Math.max(0, i)), a: ws.analysis(doc.uri, version, text)!, index: ws.index! };
  }

  it('hover on a place: its dossier, the name\'s range', () => {
    const { doc, pos, a, index } = at('In het stadje Soe|dzja wordt gevochten.');
    const h = hover(doc, pos, a, index, 'nl')!;
    assert.deepEqual(h.range, { start: { line: 0, character: 14 }, end: { line: 0, character: 21 } });
    const md = (h.contents as { value: string }).value.split('\n');
    assert.deepEqual(md.slice(0, 7), [
      '**Soedzja** — stadje in de oblast Koersk (afgeleid uit het archief)',
      '',
      '3× genoemd in 3 artikelen van okt 2024 tot jan 2025',
      '',
      '---',
      '',
      '*Kernzinnen:*',
    ]);
    assert.equal(md[8], `> — [000\\_06f7ce0c0c8b8a9e.txt, datum onbekend](${source('000_06f7ce0c0c8b8a9e.txt', 3)})`);
    assert.equal(hover(...Object.values(at('In het stadje Soedzja |wordt gevochten.')) as [TextDocument, never, never, never], 'nl'), null, 'no hover between words');
  });

  it('completion of a place from a transliterated prefix: Kurs → Koersk first, as a Reference', () => {
    const { doc, pos, a, index } = at('De strijd in Kurs|');
    const first = complete(doc, pos, a, index, 'nl').items[0];
    assert.deepEqual({ label: first.label, kind: first.kind, detail: first.detail, textEdit: first.textEdit }, {
      label: 'Koersk', kind: CompletionItemKind.Reference, detail: 'oblast · Rusland · 32×',
      textEdit: { range: { start: { line: 0, character: 13 }, end: { line: 0, character: 17 } }, newText: 'Koersk' },
    });
  });

  it('definition and references of a place: its mentions in the archive, the draft\'s own first', () => {
    const { doc, pos, a, index } = at('In het stadje Soe|dzja wordt gevochten.');
    assert.deepEqual(definition(doc, pos, a, index).map((l) => [path.basename(l.uri), l.range.start.line, l.range.start.character]), [
      ['000_06f7ce0c0c8b8a9e.txt', 2, 305], ['001_0070b14e960a4d3d.txt', 4, 274], ['002_9345b17a806127f3.txt', 16, 33],
    ]);
    assert.deepEqual(references(doc, pos, a, index).map((l) => [path.basename(l.uri), l.range.start.line]), [
      ['concept.kopij', 0], ['000_06f7ce0c0c8b8a9e.txt', 2], ['001_0070b14e960a4d3d.txt', 4], ['002_9345b17a806127f3.txt', 16],
    ]);
  });

  it('document symbols and semantic tokens: the places of the draft', () => {
    const { doc, a, index } = at('In het stadje Soedzja wordt gevochten.');
    assert.deepEqual(documentSymbols(doc, a, index, 'nl'), [{
      name: 'Soedzja', detail: 'stadje', kind: SymbolKind.Namespace,
      range: { start: { line: 0, character: 14 }, end: { line: 0, character: 21 } },
      selectionRange: { start: { line: 0, character: 14 }, end: { line: 0, character: 21 } }, children: [],
    }]);
    assert.deepEqual(semanticTokens(doc, a, index), { data: [0, 14, 7, 0, 1] });
    assert.equal(LEGEND.tokenTypes[0], 'place');
  });

  it('a conflicting figure: one Warning citing the archive, and its quick fixes', () => {
    const { doc } = at("Oekraïne veroverde in augustus vorig jaar zo'n 1500 vierkante kilometer in de regio Koersk.");
    const diags = ws.diagnostics(doc)!;
    assert.deepEqual(diags.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message })), [{
      code: 'figure-conflict', severity: DiagnosticSeverity.Warning,
      range: { start: { line: 0, character: 42 }, end: { line: 0, character: 71 } },
      message: 'Het archief meldt 1300 vierkante kilometer (002_9345b17a806127f3.txt, okt 2024; 2 artikelen).',
    }]);
    const actions = codeActions(doc.uri, diags, 'nl').map((c) => [c.title, c.command?.command ?? null, c.edit ? Object.values(c.edit.changes!)[0][0].newText : null]);
    // Both sources can be opened; no replacement: the archive's place comes from its article's
    // topic, not from its sentence (a replacement is offered only on an exact match).
    assert.deepEqual(actions.map((x) => [x[1], x[2]]), [['bronvast.openSource', null], ['bronvast.openSource', null], ['bronvast.markChecked', null]]);
  });
});

describe('workspace: index runs', function () {
  this.timeout(60000);
  it('a full build gives way to a newer one asked for meanwhile; the newer one is installed', async () => {
    const events: string[] = [];
    const ws = new Workspace({ folders: [ROOT], corpus: [CORPUS], locale: 'nl', cacheDir: null }, {
      finished: (r) => events.push(`finished ${r.articles}`),
      cancelled: () => events.push('cancelled'),
    });
    const first = ws.rebuild();
    const second = ws.rebuild(); // e.g. the settings changed while the first build ran
    await Promise.all([first, second]);
    assert.deepEqual(events, ['cancelled', 'finished 5']);
    assert.equal(ws.report?.articles, 5);
    assert.ok(ws.index?.resolve('Koersk'));
  });
});
