// The dossier of a place: what the archive knows about it, ranked for a reader.

import type { PlaceKind } from '../dutch/types';
import type { Claim, FactIndex, PlaceFactRef, PlaceRecord, SourceLocation } from './index';

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
  /** Key sentences with their sources, most informative first. */
  sentences: { text: string; source: SourceLocation; why: 'fact' | 'figure' | 'mention' }[];
}

function factScore(f: PlaceFactRef): number {
  return (f.kind ? 2 : 0) + (f.parent ? 3 : 0) + (f.near ? 2 : 0);
}

/** Vague quantities ("enkele", "verschillende", "tientallen") are not figures worth listing. */
function isVague(c: Claim): boolean {
  const q = c.figure.qualifier;
  return !!q && /^(enkele|verschillende|meerdere|een paar|tientallen|honderden|duizenden|tienduizenden|honderdduizenden|talloze|vele)$/.test(q);
}

export function buildDossier(index: FactIndex, id: string, spelling?: string): Dossier | null {
  const p: PlaceRecord | undefined = index.place(id);
  const entry = index.entry(id, spelling);
  if (!p && !entry) return null;
  const name = p?.name ?? entry!.name;
  const kind = p?.kind ?? entry!.kind;
  const parentId = p?.parent ?? (entry?.parent ? index.resolve(entry.parent) : null);
  const parentRec = parentId ? index.place(parentId) : undefined;
  const parentEntry = parentId ? index.entry(parentId) : undefined;
  const parent = parentId && parentId !== id
    ? { id: parentId, name: parentRec?.name ?? parentEntry?.name ?? parentId, kind: parentRec?.kind ?? parentEntry?.kind ?? 'regio' as PlaceKind, inferred: !!p?.parentInferred }
    : null;
  const countryId = p?.country ?? entry?.country ?? null;
  const country = countryId && kind !== 'land' ? index.countryName(countryId) : null;
  const facts = (p?.facts ?? []).slice().sort((a, b) => factScore(b) - factScore(a));
  const nearFact = facts.find((f) => f.near && f.distanceKm != null);
  const near = nearFact ? { name: index.place(nearFact.near!)?.name ?? nearFact.near!, km: nearFact.distanceKm!, source: nearFact.source } : null;

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
  const add = (text: string, source: SourceLocation, why: 'fact' | 'figure' | 'mention') => {
    const key = text.trim();
    if (!key || seen.has(key)) return;
    seen.add(key);
    sentences.push({ text: key, source, why });
  };
  for (const f of facts) if (factScore(f) > 0) add(f.sentence, f.source, 'fact');
  for (const c of claims) add(c.sentence, c.source, 'figure');

  const variants = [...(p?.variants ?? new Map<string, number>())].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count);
  return {
    id, name, kind, parent, country, near, variants,
    mentions: p?.mentions.length ?? 0,
    articles: p?.articles.size ?? 0,
    firstDate: p?.firstDate ?? null,
    lastDate: p?.lastDate ?? null,
    claims, sentences,
  };
}
