// Navigation: a place's mentions across the archive (definition/references), the draft's outline
// (document symbols) and a search over all places of the archive (workspace symbols).

import { SymbolKind, type DocumentSymbol, type Location, type Position, type SymbolInformation } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { kindLabel, type Locale } from '../core/l10n';
import type { DraftAnalysis } from '../facts/draft';
import type { MentionRef } from '../facts/index';
import type { PlaceView } from '../facts/view';

function mentionAt(doc: TextDocument, position: Position, analysis: DraftAnalysis) {
  const offset = doc.offsetAt(position);
  return analysis.mentions.find((m) => m.start <= offset && offset <= m.end);
}

function location(m: MentionRef): Location {
  return {
    uri: m.article.uri,
    range: { start: { line: m.line, character: m.character }, end: { line: m.line, character: m.character + (m.article.uri && m.end > m.start ? m.end - m.start : 0) } },
  };
}

/** Go to definition: where the archive first says what the place is (a fact), else its mentions. */
export function definition(doc: TextDocument, position: Position, analysis: DraftAnalysis, index: PlaceView): Location[] {
  const m = mentionAt(doc, position, analysis);
  if (!m) return [];
  const p = index.place(m.id);
  if (!p) return [];
  const facts = p.facts.filter((f) => f.kind || f.parent);
  if (facts.length) {
    return facts.slice(0, 20).map((f) => ({ uri: f.source.article.uri, range: { start: { line: f.source.line, character: f.source.character }, end: { line: f.source.line, character: f.source.character } } }));
  }
  return p.mentions.slice(0, 50).map(location);
}

/** Find references: every mention of the place in the archive, plus those in this draft. */
export function references(doc: TextDocument, position: Position, analysis: DraftAnalysis, index: PlaceView, includeDraft = true, limit = 2000): Location[] {
  const m = mentionAt(doc, position, analysis);
  if (!m) return [];
  const out: Location[] = [];
  if (includeDraft) {
    for (const d of analysis.mentions) if (d.id === m.id) out.push({ uri: doc.uri, range: { start: doc.positionAt(d.start), end: doc.positionAt(d.end) } });
  }
  for (const r of index.place(m.id)?.mentions ?? []) {
    if (out.length >= limit) break;
    out.push(location(r));
  }
  return out;
}

/** The draft's outline: places (once each, with their mentions as children) and figures. */
export function documentSymbols(doc: TextDocument, analysis: DraftAnalysis, index: PlaceView, locale: Locale): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const byPlace = new Map<string, DocumentSymbol>();
  for (const m of analysis.mentions) {
    const range = { start: doc.positionAt(m.start), end: doc.positionAt(m.end) };
    let s = byPlace.get(m.id);
    if (!s) {
      const p = index.placeRow(m.id);
      s = { name: p?.name ?? m.name, detail: kindLabel(p?.kind ?? m.kind, locale), kind: SymbolKind.Namespace, range, selectionRange: range, children: [] };
      byPlace.set(m.id, s);
      out.push(s);
    } else {
      s.children!.push({ name: m.text, kind: SymbolKind.Namespace, range, selectionRange: range });
    }
  }
  for (const v of analysis.verdicts) {
    const range = { start: doc.positionAt(v.figure.start), end: doc.positionAt(v.figure.end) };
    out.push({ name: v.figure.text, detail: v.verdict === 'unknown' ? '' : v.verdict, kind: SymbolKind.Number, range, selectionRange: range });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Workspace symbols: the archive's places matching a query (transliteration-tolerant). */
export function workspaceSymbols(query: string, index: PlaceView, locale: Locale, limit = 100): SymbolInformation[] {
  const entries = query.trim()
    ? index.lexicon.complete(query.trim(), limit).map((e) => index.place(e.id)).filter((p) => !!p)
    : index.topPlaces(limit).map((p) => index.place(p.id));
  const out: SymbolInformation[] = [];
  for (const p of entries) {
    const first = p!.mentions[0];
    if (!first) continue;
    out.push({ name: p!.name, kind: SymbolKind.Namespace, containerName: kindLabel(p!.kind, locale), location: location(first) });
  }
  return out;
}
