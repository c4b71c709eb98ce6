// Property tests of LineIndex (UTF-16 offsets ↔ LSP positions) on arbitrary text with \n, \r\n and
// \r line endings, surrogate pairs and lone surrogates. The reference is the editor's own model:
// vscode-languageserver-textdocument, which the server uses for open documents; archive positions
// (LineIndex) must agree with it, or a hover link or diagnostic would point beside the text.
//
// Fixed seeds. Runs: FUZZ_RUNS (default 200, as in `npm test`; `npm run fuzz` runs many more).

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/core/text';

export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 200);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED) || 20250112;

/** Text made of line breaks of every kind, letters, emoji and lone surrogate halves. */
export const textWithBreaks = fc
  .array(fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\r\r\n', '\n\r') },
    { weight: 4, arbitrary: fc.constantFrom('a', 'Koersk', ' ', 'ë', '😀', '🇺🇦', '\u200b', '\ufeff', '\u202e', 'שלום', '\ud83d', '\ude00', '\u2028') },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  ), { maxLength: 60 })
  .map((parts) => parts.join(''));

/** Offsets strictly between a \r and the \n after it point inside a line break. */
const insideCrlf = (text: string, o: number) => o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10;

describe('LineIndex properties (fuzz)', () => {
  it('positionAt and offsetAt agree with the editor model (TextDocument) for every offset', () => {
    fc.assert(fc.property(textWithBreaks, (text) => {
      const li = new LineIndex(text);
      const doc = TextDocument.create('file:///x.kopij', 'kopij', 1, text);
      assert.equal(li.lineCount, doc.lineCount, 'line count');
      for (let o = 0; o <= text.length; o++) {
        const p = li.positionAt(o);
        assert.deepEqual(p, doc.positionAt(o), `positionAt(${o}) in ${JSON.stringify(text)}`);
        assert.equal(li.offsetAt(p), doc.offsetAt(p), `offsetAt(${JSON.stringify(p)})`);
      }
    }), { seed: FUZZ_SEED, numRuns: FUZZ_RUNS });
  });

  it('offset → position → offset is the identity, except inside a \\r\\n pair, which maps to its \\r', () => {
    fc.assert(fc.property(textWithBreaks, (text) => {
      const li = new LineIndex(text);
      for (let o = 0; o <= text.length; o++) {
        const back = li.offsetAt(li.positionAt(o));
        assert.equal(back, insideCrlf(text, o) ? o - 1 : o, `offset ${o} in ${JSON.stringify(text)}`);
      }
    }), { seed: FUZZ_SEED + 1, numRuns: FUZZ_RUNS });
  });

  it('position → offset → position is the identity for positions inside a line; others are clamped like the editor does', () => {
    const pos = fc.record({ line: fc.integer({ min: -3, max: 40 }), character: fc.integer({ min: -3, max: 80 }) });
    fc.assert(fc.property(textWithBreaks, fc.array(pos, { maxLength: 20 }), (text, positions) => {
      const li = new LineIndex(text);
      const doc = TextDocument.create('file:///x.kopij', 'kopij', 1, text);
      const lines = text.split(/\r\n|\r|\n/);
      assert.equal(lines.length, li.lineCount);
      lines.forEach((l, i) => assert.equal(li.lineText(i), l, `line ${i}`));
      for (const p of positions) {
        const o = li.offsetAt(p);
        assert.equal(o, doc.offsetAt(p), `offsetAt(${JSON.stringify(p)}) in ${JSON.stringify(text)}`);
        assert.ok(o >= 0 && o <= text.length);
        if (p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length) {
          assert.deepEqual(li.positionAt(o), { line: p.line, character: p.character }, `round trip of ${JSON.stringify(p)}`);
        }
      }
    }), { seed: FUZZ_SEED + 2, numRuns: FUZZ_RUNS });
  });

  it('rangeOf of a span gives the text back through the editor model', () => {
    fc.assert(fc.property(textWithBreaks, fc.nat(), fc.nat(), (text, a, b) => {
      const li = new LineIndex(text);
      const doc = TextDocument.create('file:///x.kopij', 'kopij', 1, text);
      const s = Math.min(a, b) % (text.length + 1), e = Math.max(s, Math.max(a, b) % (text.length + 1));
      const span = text.slice(s, e);
      const got = doc.getText(li.rangeOf(s, e));
      // A span that starts or ends inside a \r\n pair cannot be named by a position; otherwise exact.
      if (!insideCrlf(text, s) && !insideCrlf(text, e)) assert.equal(got, span);
    }), { seed: FUZZ_SEED + 3, numRuns: FUZZ_RUNS });
  });
});
