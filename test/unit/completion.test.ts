// Figure completion on the quantity model: the archive's figures for the quantity the sentence is
// about, best match first, and none with another predicate.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Archive } from '../../server/src/archive';
import { DraftAnalyzer } from '../../server/src/facts/draft';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { complete } from '../../server/src/features/completion';

describe('figure completion follows the quantity', function () {
  this.timeout(60000);
  let archive: Archive;
  before(async () => {
    archive = new Archive({ paths: [path.resolve(__dirname, '..', '..', 'samples', 'corpus')], baseDir: process.cwd(), cacheDir: null, workers: 0 });
    await archive.build();
  });
  function offers(text: string, today = '2025-01-20'): string[] {
    const doc = TextDocument.create('file:///d.kopij', 'kopij', 1, text);
    const analysis = new DraftAnalyzer(archive.index, today).analyze(text)!;
    return complete(doc, doc.positionAt(text.length), analysis, archive.index, 'nl').items.map((i) => `${i.label} | ${i.detail}`);
  }
  it('the area captured in August first, for a sentence about what was captured in August', () => {
    const items = offers('Oekraïne veroverde in augustus in de regio Koersk 1');
    assert.match(items[0] ?? '', /^1300 vierkante kilometer \| veroverd/, items.join('\n'));
    assert.ok(!items.some((i) => /in handen/.test(i)), `nothing held offered for "veroverde": ${items.join('; ')}`);
  });
  it('the area held, for a sentence about what is held', () => {
    const items = offers('Oekraïne heeft in de regio Koersk nog 8');
    assert.match(items[0] ?? '', /^800 vierkante kilometer \| in handen/, items.join('\n'));
  });
  it('a sentence without a predicate gets the place\'s figures', () => {
    assert.ok(offers('In de stad Koersk zijn bij 6').some((i) => /^zestig busstations/.test(i)));
  });

  it('places and figures carry their own kinds, not the plain-word one', () => {
    const kinds = (text: string) => {
      const doc = TextDocument.create('file:///d.kopij', 'kopij', 1, text);
      const analysis = new DraftAnalyzer(archive.index, '2025-01-20').analyze(text)!;
      return new Set(complete(doc, doc.positionAt(text.length), analysis, archive.index, 'nl').items.map((i) => i.kind));
    };
    assert.deepEqual([...kinds('In de regio Kurs')], [CompletionItemKind.Reference]);
    assert.deepEqual([...kinds('Oekraïne veroverde in Koersk in augustus 1')], [CompletionItemKind.Value]);
  });
});
