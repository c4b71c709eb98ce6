// Completions: place names (tolerant of transliteration and typos) and the archive's figures for
// what the sentence is about.

import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatDate, kindLabel, type Locale } from '../core/l10n';
import { buildDossier } from '../facts/dossier';
import type { DraftAnalysis } from '../facts/draft';
import type { Claim } from '../facts/index';
import type { PlaceView } from '../facts/view';
import { sentences, spanAt } from '../dutch/tokens';
import { dossierMarkdown } from './render';
import { roleLabel } from '../facts/quantity/labels';

/** Characters that open completion: digits start a figure; letters come from the editor's own word
 *  completion trigger, so no letter is listed. */
export const TRIGGER_CHARACTERS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

const PLACE_CUE = /\b(?:in|bij|naar|rond|rondom|nabij|uit|van|regio|provincie|oblast|stad|stadje|dorp|dorpje|plaats|plaatsje|hoofdstad|richting)\s+$/i;

export function complete(doc: TextDocument, position: Position, analysis: DraftAnalysis, index: PlaceView, locale: Locale): CompletionList {
  const text = doc.getText();
  const offset = doc.offsetAt(position);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(Math.max(lineStart, offset - 200), offset);
  const word = /[\p{L}\p{M}'’-]*$/u.exec(before)![0];
  const num = /\d[\d.,]*$/.exec(before)?.[0] ?? '';

  if (num) return { isIncomplete: true, items: figureItems(text, offset, num, position, analysis, index, locale) };
  if (word.length < 2) return { isIncomplete: true, items: [] };
  const cue = PLACE_CUE.test(before.slice(0, before.length - word.length));
  if (!/^\p{Lu}/u.test(word) && !cue) return { isIncomplete: true, items: [] };
  return { isIncomplete: true, items: placeItems(word, position, analysis, index, locale) };
}

function placeItems(prefix: string, position: Position, analysis: DraftAnalysis, index: PlaceView, locale: Locale): CompletionItem[] {
  const candidates = index.lexicon.complete(prefix, 60);
  // Articles that mention places already in the draft: co-occurrence makes a place more likely.
  const shared = index.sharedArticles(candidates.map((e) => e.id), [...new Set(analysis.mentions.map((m) => m.id))]);
  const range = { start: { line: position.line, character: position.character - prefix.length }, end: position };
  const scored = candidates.map((e, rank) => {
    const p = index.placeRow(e.id);
    const co = shared.get(e.id) ?? 0;
    const score = Math.log1p(p?.mentionCount ?? 0) * 2 + Math.log1p(co) * 3 - rank * 0.05;
    return { e, p, score };
  });
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, 30).map(({ e, p }, i) => {
    const name = p?.name ?? e.name;
    const parent = p?.parent ? index.placeName(p.parent) : null;
    const detail = [kindLabel(p?.kind ?? e.kind, locale), parent, p ? `${p.mentionCount}×` : null].filter(Boolean).join(' · ');
    return {
      label: name,
      // (LSP's kinds are for code: a place name refers to a dossier; the word icon is for plain words.)
      kind: CompletionItemKind.Reference,
      detail,
      // The filter text is what was typed when it matched by transliteration ("Kursk" → Koersk).
      filterText: prefix,
      sortText: String(i).padStart(4, '0'),
      textEdit: { range, newText: name },
      data: { placeId: e.id },
    } satisfies CompletionItem;
  });
}

/**
 * The archive's figures for the quantity the sentence is about, best match first: the sentence
 * typed so far is read like any figure's (its predicate, place, side and time), and a claim ranks by
 * how many of those parts it shares. A claim with another predicate is not offered at all ("in
 * handen" is not "veroverd"); where the sentence says none, the place's figures are offered.
 */
function figureItems(text: string, offset: number, num: string, position: Position, analysis: DraftAnalysis, index: PlaceView, locale: Locale): CompletionItem[] {
  const at = offset - num.length;
  const sent = spanAt(sentences(text), Math.max(0, offset - 1));
  const typed = analysis.verdicts.find((v) => v.figure.numberStart <= at && v.figure.numberEnd >= offset)?.ctx.quantity ?? null;
  const placeIds = new Set(analysis.mentions.filter((m) => !sent || (m.start >= sent.start && m.end <= sent.end)).map((m) => m.id));
  if (typed?.where.place) for (const id of typed.where.place.split('+')) placeIds.add(id);
  if (!placeIds.size) for (const m of analysis.mentions) placeIds.add(m.id);
  const role = typed?.measure.role ?? null;
  const claims = new Set<Claim>();
  for (const id of placeIds) for (const c of index.place(id)?.claims ?? []) claims.add(c);
  // With a predicate, every claim of it about one of the sentence's places, however the claim found its place.
  if (role) for (const c of index.withRole(role)) if (c.ctx.quantity.where.place && c.ctx.quantity.where.place.split('+').some((id) => placeIds.has(id))) claims.add(c);
  const when = typed?.when.basis === 'explicit' ? typed.when : null;
  const score = (c: Claim): number | null => {
    const q = c.ctx.quantity;
    if (q.skip) return null;
    if (role && q.measure.role !== role) return null;
    let s = role ? 4 : 0;
    if (typed?.where.place && q.where.place === typed.where.place) s += 3;
    if (typed?.measure.side && q.measure.side === typed.measure.side) s += 1;
    if (typed?.measure.side && q.measure.side && q.measure.side !== typed.measure.side) return null;
    if (when && when.from && when.to) {
      const f = q.when.basis === 'explicit' ? q.when.from : c.source.article.date;
      const t = q.when.basis === 'explicit' ? q.when.to : c.source.article.date;
      if (f && t && f.slice(0, 10) <= when.to && t.slice(0, 10) >= when.from) s += 2;
    }
    return s;
  };
  const range = { start: { line: position.line, character: position.character - num.length }, end: position };
  const ranked: { c: Claim; s: number }[] = [];
  for (const c of claims) {
    const f = c.figure;
    const body = f.text.slice(f.numberStart - f.start);
    if (!body.startsWith(num[0]) && !String(f.value).startsWith(num.replace(/[.,]/g, ''))) continue;
    const s = score(c);
    if (s !== null) ranked.push({ c, s });
  }
  ranked.sort((a, b) => b.s - a.s || (b.c.source.article.date ?? '').localeCompare(a.c.source.article.date ?? ''));
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const { c } of ranked) {
    const f = c.figure;
    const body = f.text.slice(f.numberStart - f.start);
    if (seen.has(body)) continue;
    seen.add(body);
    const q = c.ctx.quantity;
    const place = q.where.place ? q.where.place.split('+').map((id) => index.placeName(id) ?? id).join(', ') : '';
    const ev = q.measure.role ? roleLabel(q.measure.role, locale) : '';
    items.push({
      label: body,
      kind: CompletionItemKind.Value,
      detail: [ev, place, formatDate(c.source.article.date, locale)].filter(Boolean).join(', '),
      documentation: { kind: MarkupKind.Markdown, value: `> ${c.sentence}\n\n— ${c.source.article.label}` },
      textEdit: { range, newText: body },
      filterText: num,
      sortText: String(items.length).padStart(4, '0'),
    });
    if (items.length >= 20) break;
  }
  return items;
}

/** completionItem/resolve: the dossier as documentation for a place item. */
export function resolveCompletion(item: CompletionItem, index: PlaceView, locale: Locale): CompletionItem {
  const id = (item.data as { placeId?: string } | undefined)?.placeId;
  if (id && !item.documentation) {
    const d = buildDossier(index, id, undefined, { sentences: 2 });
    if (d) item.documentation = { kind: MarkupKind.Markdown, value: dossierMarkdown(d, locale, { maxClaims: 3, maxSentences: 2 }) };
  }
  return item;
}
