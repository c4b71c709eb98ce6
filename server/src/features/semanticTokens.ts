// Semantic tokens for places and figures the archive knows, so themes can colour them.

import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DraftAnalysis } from '../facts/draft';
import type { PlaceView } from '../facts/view';

export const LEGEND: SemanticTokensLegend = {
  tokenTypes: ['place', 'figure'],
  tokenModifiers: ['known', 'conflict'],
};

export function semanticTokens(doc: TextDocument, analysis: DraftAnalysis, index: PlaceView): SemanticTokens {
  type Tok = { start: number; end: number; type: number; mods: number };
  const toks: Tok[] = [];
  for (const m of analysis.mentions) {
    const known = (index.placeRow(m.id)?.mentionCount ?? 0) > 0;
    toks.push({ start: m.start, end: m.end, type: 0, mods: known ? 1 : 0 });
  }
  for (const v of analysis.verdicts) {
    if (v.verdict === 'unknown') continue;
    toks.push({ start: v.figure.start, end: v.figure.end, type: 1, mods: 1 | (v.verdict === 'conflict' ? 2 : 0) });
  }
  toks.sort((a, b) => a.start - b.start);
  const data: number[] = [];
  let prevLine = 0, prevChar = 0, lastEnd = -1;
  for (const t of toks) {
    if (t.start < lastEnd) continue;
    // Tokens may not span lines: split at line breaks.
    let s = t.start;
    while (s < t.end) {
      const p = doc.positionAt(s);
      const lineEnd = doc.offsetAt({ line: p.line + 1, character: 0 });
      const e = Math.min(t.end, lineEnd > s ? lineEnd : t.end);
      const len = doc.positionAt(e).line === p.line ? e - s : doc.offsetAt({ line: p.line, character: Number.MAX_SAFE_INTEGER }) - s;
      if (len > 0) {
        data.push(p.line - prevLine, p.line === prevLine ? p.character - prevChar : p.character, len, t.type, t.mods);
        prevLine = p.line; prevChar = p.character;
      }
      if (e <= s) break;
      s = e;
    }
    lastEnd = t.end;
  }
  return { data };
}
