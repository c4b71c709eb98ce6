// The dossier of a place: what the archive knows about it, ranked for a reader.

import type { PlaceKind } from '../dutch/types';
import type { Claim, PlaceFactRef, PlaceRecord, SourceLocation } from './index';
import type { PlaceView } from './view';

export interface Dossier {
  id: string;
  name: string;
  kind: PlaceKind;
  /** Containing place (region) and country, as place ids with display names. */
  parent: { id: string; name: string; kind: PlaceKind; inferred: boolean } | null;
  country: string | null;
  near: { name: string; km: number; source: SourceLocation } | null;
  variants: { text: string; count: number }[];
  mentions: number;
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Figures reported about the place, most informative first. */
  claims: Claim[];
  /** The place's quantities (area held, inhabitants before the war, one strike's toll …), each with its
   *  reports in time order: what the archive knows, not loose numbers. Most reported first. */
  quantities: QuantityHistory[];
  /** Key sentences with their sources, most informative first. */
  sentences: { text: string; source: SourceLocation; why: 'fact' | 'figure' | 'mention' }[];
}

export interface QuantityHistory {
  /** In the words of the newest report's sentence: its counted noun (or unit) and its predicate ("vierkante kilometer in handen"). */
  label: string;
  role: string | null;
  kind: string;
  /** Oldest first: each report with the time it describes (its own date, else its article's). */
  history: { figure: string; date: string | null; source: SourceLocation }[];
}

/** The unit words of a figure as written ("vierkante kilometer" of "zo'n 1300 vierkante kilometer"). */
function unitWords(c: Claim): string {
  const f = c.figure;
  return f.text.slice(f.numberEnd - f.start).trim();
}

/** Claims grouped by quantity: measure, kind and, for an event, its day. */
function quantitiesOf(claims: Claim[]): QuantityHistory[] {
  const groups = new Map<string, Claim[]>();
  for (const c of claims) {
    const q = c.ctx.quantity;
    if (q.skip || !q.measure.role) continue;
    const m = q.measure;
    const day = q.kind === 'event' ? (q.when.basis === 'explicit' && q.when.from ? q.when.from : c.source.article.date ?? '') : '';
    const key = [q.dimension, q.unit, m.head, m.role, m.side, m.of, m.per, q.kind, q.where.level, day, q.kind === 'state' || q.kind === 'total' ? q.when.to === '2022-02-24' : ''].join('\u0001');
    const list = groups.get(key);
    if (list) list.push(c); else groups.set(key, [c]);
  }
  const timeOf = (c: Claim) => {
    const w = c.ctx.quantity.when;
    return (w.basis === 'explicit' && (w.to ?? w.from)) || c.source.article.date || '';
  };
  const out: QuantityHistory[] = [];
  for (const list of groups.values()) {
    // (A report of an undated past, "op het hoogtepunt", comes before its article's present.)
    const past = (c: Claim) => (c.ctx.quantity.when.basis === 'past' ? 0 : 1);
    list.sort((a, b) => timeOf(a).localeCompare(timeOf(b)) || past(a) - past(b) || (a.source.article.date ?? '').localeCompare(b.source.article.date ?? ''));
    const newest = list[list.length - 1];
    // The words of the newest report that names what it counts (a bare "7000" names nothing).
    const named = [...list].reverse().find((c) => unitWords(c)) ?? newest;
    const m = named.ctx.quantity.measure;
    const what = unitWords(named) || m.headText || '';
    const label = [what, m.roleText && !what.toLowerCase().includes(m.roleText.toLowerCase()) ? m.roleText : ''].filter(Boolean).join(' ').trim();
    const history: QuantityHistory['history'] = [];
    for (const c of list) {
      const w = c.ctx.quantity.when;
      // A month as a month ("okt 2024"), a day as a day; what a report does not date, its article's date.
      const date = w.basis === 'explicit' && w.from && w.to && w.from.slice(0, 7) === w.to.slice(0, 7) && w.from.endsWith('-01') && w.from !== w.to ? w.from.slice(0, 7) : timeOf(c) || null;
      const prev = history[history.length - 1];
      // The same figure reported again for the same time is one step.
      if (prev && prev.source.article.id === c.source.article.id && prev.date === date && prev.figure === c.figure.text.slice(0, c.figure.numberEnd - c.figure.start).trim()) continue;
      // The unit is in the label: "1300 (aug 2024)", not "1300 vierkante kilometer (aug 2024)".
      const figure = what && unitWords(c) === what ? c.figure.text.slice(0, c.figure.numberEnd - c.figure.start).trim() : c.figure.text;
      history.push({ figure, date, source: c.source });
    }
    out.push({ label: label || newest.figure.text, role: m.role, kind: newest.ctx.quantity.kind, history });
  }
  return out.sort((a, b) => b.history.length - a.history.length || (b.history[b.history.length - 1].date ?? '').localeCompare(a.history[a.history.length - 1].date ?? ''));
}

/** Photo captions and credits are never key sentences. */
const CAPTION = /^(?:foto|beeld|video|illustratie|afbeelding|grafiek)\s*:|^(?:\(?(?:foto|beeld)\b)|\b(?:getty(?:\s+images)?|anp|afp|reuters|epa|ap|hollandse\s+hoogte)(?:\s*\/\s*[\p{L} ]+)?\s*$|•/iu;
export function isCaption(sentence: string): boolean {
  return CAPTION.test(sentence.trim());
}

function factScore(f: PlaceFactRef): number {
  return (f.kind ? 2 : 0) + (f.parent ? 3 : 0) + (f.near ? 2 : 0);
}

/** Vague quantities ("enkele", "verschillende", "tientallen") are not figures worth listing. */
function isVague(c: Claim): boolean {
  const q = c.figure.qualifier;
  return !!q && /^(enkele|verschillende|meerdere|een paar|tientallen|honderden|duizenden|tienduizenden|honderdduizenden|talloze|vele)$/.test(q);
}

/** `opts.sentences`: how many key sentences are wanted (all by default); an editor shows a few, and
 *  a sentence can be one read away (facts/texts.ts), so only those are read. */
export function buildDossier(index: PlaceView, id: string, spelling?: string, opts: { sentences?: number } = {}): Dossier | null {
  const p: PlaceRecord | undefined = index.place(id);
  const entry = index.entry(id, spelling);
  if (!p && !entry) return null;
  const name = p?.name ?? entry!.name;
  const kind = p?.kind ?? entry!.kind;
  const parentId = p?.parent ?? (entry?.parent ? index.resolve(entry.parent) : null);
  const parentRec = parentId ? index.placeRow(parentId) : undefined;
  const parentEntry = parentId ? index.entry(parentId) : undefined;
  const parent = parentId && parentId !== id
    ? { id: parentId, name: parentRec?.name ?? parentEntry?.name ?? parentId, kind: parentRec?.kind ?? parentEntry?.kind ?? 'regio' as PlaceKind, inferred: !!p?.parentInferred }
    : null;
  const countryId = p?.country ?? entry?.country ?? null;
  const country = countryId && kind !== 'land' ? index.countryName(countryId) : null;
  const facts = (p?.facts ?? []).slice().sort((a, b) => factScore(b) - factScore(a));
  const nearFact = facts.find((f) => f.near && f.distanceKm != null);
  const near = nearFact ? { name: index.placeName(nearFact.near!) ?? nearFact.near!, km: nearFact.distanceKm!, source: nearFact.source } : null;

  // Figures its own sentence ties to the place first; figures only its paragraph ties to it fill up a
  // short list. Durations are left out ("al vijf maanden bezet" says little about the place).
  const rank = (c: Claim) => (c.figure.counted ? 2 : 0) + (c.figure.unit ? 1 : 0) + (c.ctx.quantity.where.scope === 'clause' ? 1 : 0);
  const byRank = (a: Claim, b: Claim) => rank(b) - rank(a) || (b.source.article.date ?? '').localeCompare(a.source.article.date ?? '');
  const all = (p?.claims ?? []).filter((c) => !isVague(c) && c.figure.dimension !== 'duration');
  const own = all.filter((c) => c.ctx.quantity.where.scope === 'clause' || c.ctx.quantity.where.scope === 'sentence').sort(byRank);
  // From the paragraph only figures with a unit or about people, soldiers, settlements … (a known
  // group of counted things): "50.000 achtergebleven inwoners", not "twee aanvallen".
  const nearby = all.filter((c) => c.ctx.quantity.where.scope === 'paragraph' && !c.ctx.quantity.skip).sort(byRank);
  const claims = own.length >= 3 ? own : [...own, ...nearby];

  const seen = new Set<string>();
  const sentences: Dossier['sentences'] = [];
  const wanted = opts.sentences ?? Infinity;
  const add = (text: string, source: SourceLocation, why: 'fact' | 'figure' | 'mention') => {
    const key = text.trim();
    if (!key || seen.has(key) || isCaption(key)) return;
    seen.add(key);
    sentences.push({ text: key, source, why });
  };
  for (const f of facts) if (sentences.length < wanted && factScore(f) > 0) add(f.sentence, f.source, 'fact');
  for (const c of claims) if (sentences.length < wanted) add(c.sentence, c.source, 'figure');

  const variants = [...(p?.variants ?? new Map<string, number>())].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count);
  return {
    id, name, kind, parent, country, near, variants,
    mentions: p?.mentionCount ?? 0,
    articles: p?.articleCount ?? 0,
    firstDate: p?.firstDate ?? null,
    lastDate: p?.lastDate ?? null,
    claims, sentences, quantities: quantitiesOf(all),
  };
}
