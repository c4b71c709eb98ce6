// Checking a draft's figures against the archive's claims. Every verdict carries the claims it
// rests on and why each matched, so that a message can explain itself.
//
// Rules (see docs/matching.md):
//  1. Candidates: archive claims of the same dimension (area, length, percent, count, …; money of the
//     same currency), whose counted thing is compatible (same lemma, a synonym, a demonym for people;
//     different nationalities never match), whose place is the same (the draft's most specific place
//     is among the claim's places, or the claim's among the draft's), whose events are compatible
//     (a shared event group, or no event on one side), and whose explicit years do not contradict.
//  2. The archive's best figures are the precise candidates (a plausible interval at most
//     PRECISE_WIDTH of the value wide); when none is precise, all candidates count.
//  3. The draft is consistent when its plausible interval overlaps any of the best figures;
//     otherwise it conflicts with them. A draft figure that only agrees with older figures while
//     the newest one (by article date) disagrees is outdated.

import type { Figure } from '../dutch/types';
import { plausibleInterval } from '../dutch/figures';
import type { FigureContext } from './context';
import { countedCompatible, eventsCompatible } from './semantics';
import type { Claim, FactIndex } from './index';

export const PRECISE_WIDTH = 0.3;
/** Claims scoring within this many points of the best match are compared. */
export const TIER = 1;

export type Verdict = 'conflict' | 'outdated' | 'consistent' | 'unknown';

export interface ClaimMatch {
  claim: Claim;
  /** Why it is about the same quantity: short reason codes ("same-noun", "synonym", "place:koersk", "event:veroveren"). */
  reasons: string[];
  score: number;
  interval: [number, number];
  overlaps: boolean;
}

export interface FigureVerdict {
  figure: Figure;
  ctx: FigureContext;
  verdict: Verdict;
  /** The claims the verdict rests on, best first. */
  matches: ClaimMatch[];
  /** For 'outdated': the newer claims that supersede. */
  newer: ClaimMatch[];
  interval: [number, number];
}

/** The interval a figure commits to, in its dimension's base unit. */
export function baseInterval(f: Figure): [number, number] {
  const [lo, hi] = plausibleInterval(f);
  return [lo * f.toBase, hi * f.toBase];
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  // A relative epsilon absorbs rounding in unit conversion.
  const eps = 1e-9 * Math.max(Math.abs(a[0]), Math.abs(a[1]), Math.abs(b[0]), Math.abs(b[1]), 1);
  if (!(a[0] <= b[1] + eps && b[0] <= a[1] + eps)) return false;
  // Two approximate figures that only touch ("zo'n 30" = [25, 35], "zo'n 40" = [35, 45]) do not agree;
  // an exact figure on the edge of an approximate one does.
  const width = (x: [number, number]) => x[1] - x[0];
  if (width(a) > eps && width(b) > eps) return Math.min(a[1], b[1]) - Math.max(a[0], b[0]) > eps;
  return true;
}

function isPrecise(iv: [number, number], value: number): boolean {
  const v = Math.max(Math.abs(value), 1e-9);
  return (iv[1] - iv[0]) / v <= PRECISE_WIDTH;
}

function yearOf(iso: string | null | undefined): string | null {
  return iso ? iso.slice(0, 4) : null;
}

function timesCompatible(a: FigureContext['time'], b: FigureContext['time']): boolean {
  if (!a || !b) return true;
  // Only an explicit year on both sides can rule a match out ("in 2014" vs "in 2022").
  const ya = /\b(19|20)\d\d\b/.test(a.text) ? yearOf(a.from) : null;
  const yb = /\b(19|20)\d\d\b/.test(b.text) ? yearOf(b.from) : null;
  return !ya || !yb || ya === yb;
}

function unitCompatible(a: Figure, b: Figure): boolean {
  if (a.dimension !== b.dimension) return false;
  if (a.dimension === 'money') return a.unit === b.unit;
  return true;
}

/** Is the claim about the same quantity as the draft figure? Returns reasons, or null. */
export function matchClaim(f: Figure, ctx: FigureContext, c: Claim): { reasons: string[]; score: number } | null {
  if (!unitCompatible(f, c.figure)) return null;
  const counted = countedCompatible(ctx.concept, c.ctx.concept);
  if (!counted.ok) return null;
  if (counted.why === 'both-bare' && f.dimension === 'count') return null;
  const reasons: string[] = [counted.why];
  let score = counted.why === 'same-noun' ? 3 : counted.why === 'synonym' ? 2 : 1;

  // Place: the draft's most specific place must be among the claim's, or the claim's among the draft's.
  const dp = ctx.places, cp = c.ctx.places;
  const sharedEvent = ctx.events.some((e) => c.ctx.events.includes(e));
  if (f.dimension === 'length' && ctx.sentencePlaces.length >= 2) {
    // A distance between places ("op 30 kilometer van Pokrovsk"): two places shared by both sentences.
    const shared = ctx.sentencePlaces.filter((x) => c.ctx.sentencePlaces.includes(x));
    if (shared.length < 2) return null;
    reasons.push(`places:${shared.join('+')}`);
    score += 4;
    return { reasons, score };
  }
  const placeMatch = dp.length > 0 && cp.length > 0 && (cp.includes(dp[0]) || dp.includes(cp[0]));
  // The draft's place is firm when its own clause or sentence names it; a place borrowed from the
  // paragraph or the article is only a hint.
  // A country alone ("Oekraïne heroverde …") is usually the actor, not where the figure is.
  const draftFirm = (ctx.placeScope === 'clause' || ctx.placeScope === 'sentence') && !ctx.broadOnly;
  if (placeMatch) {
    const shared = cp.includes(dp[0]) ? dp[0] : cp[0];
    reasons.push(`place:${shared}`);
    score += dp[0] === cp[0] ? 3 : 2;
    if (c.ctx.placeScope === 'article' || !draftFirm) score -= 1;
  } else if ((!dp.length || !draftFirm || !cp.length) && sharedEvent) {
    // No place on one side (or only a borrowed one in the draft): the same event about a
    // compatible thing must carry the match.
    reasons.push('no-place');
  } else {
    return null;
  }

  if (!eventsCompatible(ctx.events, c.ctx.events)) return null;
  const shared = ctx.events.filter((e) => c.ctx.events.includes(e));
  if (shared.length) { reasons.push(`event:${shared[0]}`); score += 2; }

  if (!timesCompatible(ctx.time, c.ctx.time)) return null;
  if (ctx.time && c.ctx.time) { reasons.push('time'); score += 1; }
  return { reasons, score };
}

/** Judge one draft figure against the archive. */
export function judgeFigure(f: Figure, ctx: FigureContext, index: FactIndex): FigureVerdict {
  const interval = baseInterval(f);
  // Every rule in matchClaim needs a shared place or a shared event: only those claims are looked at.
  const candidates = index.claimIndex.candidates(f.dimension, [...new Set([...ctx.places, ...ctx.sentencePlaces])], ctx.events);
  const matches: ClaimMatch[] = [];
  for (const c of candidates) {
    const m = matchClaim(f, ctx, c);
    if (!m) continue;
    const iv = baseInterval(c.figure);
    matches.push({ claim: c, reasons: m.reasons, score: m.score, interval: iv, overlaps: overlaps(interval, iv) });
  }
  if (!matches.length) return { figure: f, ctx, verdict: 'unknown', matches, newer: [], interval };

  // Keep the best-matching tier: claims within TIER points of the best score.
  const best = Math.max(...matches.map((m) => m.score));
  const tier = matches.filter((m) => m.score >= best - TIER);
  const precise = tier.filter((m) => isPrecise(m.interval, m.claim.figure.value * m.claim.figure.toBase));
  const pool = (precise.length ? precise : tier).sort(
    (a, b) => b.score - a.score || (b.claim.source.article.date ?? '').localeCompare(a.claim.source.article.date ?? ''),
  );
  const agreeing = pool.filter((m) => m.overlaps);
  if (!agreeing.length) return { figure: f, ctx, verdict: 'conflict', matches: pool, newer: [], interval };

  // Outdated: agrees only with figures older than the newest dated figure, which disagrees.
  const dated = pool.filter((m) => m.claim.source.article.date);
  if (dated.length) {
    const newest = dated.reduce((a, b) => ((a.claim.source.article.date ?? '') >= (b.claim.source.article.date ?? '') ? a : b));
    const newestDate = newest.claim.source.article.date ?? '';
    const agreeDates = agreeing.map((m) => m.claim.source.article.date ?? '');
    if (!newest.overlaps && agreeDates.every((d) => d && d < newestDate)) {
      const newer = pool.filter((m) => (m.claim.source.article.date ?? '') === newestDate && !m.overlaps);
      return { figure: f, ctx, verdict: 'outdated', matches: agreeing, newer, interval };
    }
  }
  return { figure: f, ctx, verdict: 'consistent', matches: agreeing, newer: [], interval };
}
