// Checking a draft's figures against the archive's claims about the same quantity (see
// quantity/model.ts and docs/matching.md). Every verdict carries the claims it rests on and why
// they are about the same quantity, so that a message can explain itself.
//
//  1. The group: archive claims about the same quantity (quantity/same.ts) — the same measure,
//     place and kind — and, for an event, the same event (their times overlap).
//  2. An event's newest report, or a state's reports at the draft's time (its own present when it
//     names none: the newest reports), are what the draft must agree with. Where those reports
//     disagree with each other, agreeing with one of them is enough.
//  3. A figure that gives an older report's number, while the newer ones say otherwise, is
//     outdated; one that agrees with none is a conflict; a figure without a group is unknown.

import type { Figure } from '../dutch/types';
import type { FigureContext } from './quantity/read';
import { agree, committed, sameNumber, sameQuantity } from './quantity/same';
import type { Quantity } from './quantity/model';
import type { Claim } from './index';
import type { ArchiveView } from './view';

/** 'unconfirmed': the draft differs from the archive's newest report of a state, which is older than
 *  FRESH_DAYS: the state may have changed since, so this is a note, not a conflict. */
export type Verdict = 'conflict' | 'outdated' | 'unconfirmed' | 'consistent' | 'unknown';

export interface ClaimMatch {
  claim: Claim;
  /** Why it is about the same quantity ("role:killed", "head:human", "place:kIv", "time"). */
  reasons: string[];
  /** Every part of the quantity stated on both sides and equal. */
  exact: boolean;
  interval: [number, number];
  overlaps: boolean;
}

export interface FigureVerdict {
  figure: Figure;
  ctx: FigureContext;
  verdict: Verdict;
  /** The claims the verdict rests on, newest first. */
  matches: ClaimMatch[];
  /** For 'outdated': the newer claims that supersede. */
  newer: ClaimMatch[];
  interval: [number, number];
}

const DAY = 86400000;
const ms = (iso: string) => Date.parse(iso.length === 7 ? iso + '-15' : iso);

/** A report's time: what it says, else the days before its article's date. */
export function claimTime(q: Quantity, articleDate: string | null, windowDays: number): [number, number] | null {
  if (q.when.basis === 'explicit' && (q.when.from || q.when.to)) {
    return [q.when.from ? ms(q.when.from) : -Infinity, q.when.to ? ms(q.when.to) : (articleDate ? ms(articleDate) : Infinity)];
  }
  if (!articleDate) return null;
  const d = ms(articleDate);
  return [d - windowDays * DAY, d];
}

function overlapsTime(a: [number, number], b: [number, number], slackDays: number): boolean {
  return a[0] <= b[1] + slackDays * DAY && b[0] <= a[1] + slackDays * DAY;
}

const dateOf = (m: ClaimMatch) => m.claim.source.article.date ?? '';
const newestFirst = (a: ClaimMatch, b: ClaimMatch) => dateOf(b).localeCompare(dateOf(a));

/** The longest time a draft may give an event and still tell it from others (a month). */
export const EVENT_SPAN_DAYS = 31;
/** A report that does not date its event is about the day before its article or that day. */
export const EVENT_REPORT_DAYS = 1;
/** A running total's reports within this many days of its newest are its current value. */
export const TOTAL_CURRENT_DAYS = 3;
/** A state's newest report can contradict a draft written at most this many days (three months) later. */
export const FRESH_DAYS = 92;
/** How long reports of one state count as its current value: those within this many days of the newest. */
export const CURRENT_DAYS = 45;

/** A draft's present: its day, and whether no one gave it (then it is today, or an old archive's last day). */
export interface Present { day: string; implicit: boolean }

/** Judge one draft figure against the archive at the draft's present. */
export function judgeFigure(f: Figure, ctx: FigureContext, index: ArchiveView, present_: Present | string): FigureVerdict {
  const presentDay: Present = typeof present_ === 'string' ? { day: present_, implicit: false } : present_;
  const today = presentDay.day;
  const q = ctx.quantity;
  const interval = committed(f);
  const unknown: FigureVerdict = { figure: f, ctx, verdict: 'unknown', matches: [], newer: [], interval };
  if (q.skip || !q.measure.role) return unknown;
  let group: ClaimMatch[] = [];
  for (const c of index.candidates(q)) {
    const s = sameQuantity(q, c.ctx.quantity);
    if (!s.same) continue;
    const iv = committed(c.figure);
    group.push({ claim: c, reasons: s.reasons, exact: s.exact, interval: iv, overlaps: agree(interval, iv) });
  }
  // Reports written after the draft's present are not what it can be checked against.
  const presentMs = ms(today);
  group = group.filter((m) => !m.claim.source.article.date || ms(m.claim.source.article.date) <= presentMs + DAY);
  if (!group.length) return unknown;

  // The draft's time: what it says, else its present.
  const draftTime: [number, number] | null = q.when.basis === 'explicit' ? claimTime(q, today, 0) : null;
  const present: [number, number] = [ms(today) - EVENT_REPORT_DAYS * DAY, ms(today)];

  if (q.kind === 'event') {
    // The same event: the reports' times overlap the draft's (a night's attack is reported the next day).
    // A year or a season does not tell one strike from another.
    if (draftTime && draftTime[1] - draftTime[0] > EVENT_SPAN_DAYS * DAY) return unknown;
    // An undated event, past or present, is the draft's own: about its present (a new event finds nothing).
    const at = draftTime ?? present;
    group = group.filter((m) => {
      const t = claimTime(m.claim.ctx.quantity, m.claim.source.article.date, EVENT_REPORT_DAYS);
      return t !== null && overlapsTime(at, t, 0);
    });
    group.forEach((m) => m.reasons.push('same-event'));
    return settle(f, ctx, interval, group, false, 0, null, false, true);
  }
  if (q.kind === 'constant') return settle(f, ctx, interval, group, true);

  // A state or total: the reports at the draft's time, or, when it names none, the newest reports.
  // A report that neither dates itself nor has a dated article is timeless (a sample corpus).
  // An undated past ("werden bevrijd") is compared with every report alike.
  if ((q.when.basis === 'past' || q.when.basis === 'perfect') && q.kind !== 'total') {
    group.forEach((m) => m.reasons.push('past'));
    return settle(f, ctx, interval, group, true);
  }
  if (draftTime) {
    const atTime = group.filter((m) => {
      const t = claimTime(m.claim.ctx.quantity, m.claim.source.article.date, 3);
      return t === null || overlapsTime(draftTime, t, 0);
    });
    atTime.forEach((m) => m.reasons.push('same-time'));
    return settle(f, ctx, interval, atTime, true);
  }
  // A total's newest report supersedes the older ones (it only grows); a state's reports of about the same weeks stand together.
  return settle(f, ctx, interval, group, false, q.kind === 'total' ? TOTAL_CURRENT_DAYS : CURRENT_DAYS, presentMs, q.kind === 'total');
}

/**
 * The verdict over one group of reports. With `sameTime` every report counts alike (they are all
 * at the draft's time). Otherwise the newest reports are the current value — an event's reports of
 * its newest day, a state's of its newest `currentDays` — and an older report can only make the
 * figure outdated: when the figure gives its number and no current report does.
 */
function settle(f: Figure, ctx: FigureContext, interval: [number, number], group: ClaimMatch[], sameTime: boolean, currentDays = 0,
  presentAt: number | null = null, total = false, byReport = false): FigureVerdict {
  const base = { figure: f, ctx, interval };
  if (!group.length) return { ...base, verdict: 'unknown', matches: [], newer: [] };
  group.sort(newestFirst);
  // A figure the draft attributes ("volgens de Britten") is held to what that source said of the
  // same time, when the archive has it; otherwise to every source's.
  const source = ctx.quantity.source;
  const bySource = (ms: ClaimMatch[]) => {
    const own = source ? ms.filter((m) => m.claim.ctx.quantity.source === source) : [];
    if (own.length) own.forEach((m) => m.reasons.push(`source:${source}`));
    return own.length ? own : ms;
  };
  if (sameTime) {
    group = bySource(group);
    const agreeing = group.filter((m) => m.overlaps);
    // "beide landen elk 230": every side's report must agree.
    if (ctx.quantity.each && agreeing.length && agreeing.length < group.length) return { ...base, verdict: 'conflict', matches: group.filter((m) => !m.overlaps), newer: [] };
    return agreeing.length ? { ...base, verdict: 'consistent', matches: agreeing, newer: [] } : { ...base, verdict: 'conflict', matches: group, newer: [] };
  }
  // An event's reports are ordered by when they were written (a toll rises as counts come in); a
  // state's by the time they describe.
  const time = (m: ClaimMatch) => byReport
    ? (m.claim.source.article.date ? ms(m.claim.source.article.date) : -Infinity)
    : claimTime(m.claim.ctx.quantity, m.claim.source.article.date, 0)?.[1] ?? -Infinity;
  // A report of an undated past ("op het hoogtepunt was dat 1400") is not its article's present.
  const inPast = (m: ClaimMatch) => m.claim.ctx.quantity.when.basis === 'past';
  const present = group.some((m) => !inPast(m)) ? group.filter((m) => !inPast(m)) : group;
  const newest = Math.max(...present.map(time));
  const current = bySource(present.filter((m) => time(m) >= newest - currentDays * DAY));
  const older = group.filter((m) => !current.includes(m));
  const olderNumber = older.filter((m) => sameNumber(f, m.claim.figure));
  const givesOlderNumber = olderNumber.length > 0 && !current.some((m) => sameNumber(f, m.claim.figure));
  const agreeing = current.filter((m) => m.overlaps);
  if (ctx.quantity.each && agreeing.length && agreeing.length < current.length) return { ...base, verdict: 'conflict', matches: current.filter((m) => !m.overlaps), newer: [] };
  // "zeker 29" agrees in logic with a newer "zeker 43", but gives the older report's number.
  if (agreeing.length && !(givesOlderNumber && isLowerBound(f))) return { ...base, verdict: 'consistent', matches: agreeing, newer: [] };
  // (A total that is higher than its newest report did not fall behind it: it may simply be newer.)
  const higher = total && current.every((m) => interval[0] > m.interval[1]);
  if (givesOlderNumber && !higher) return { ...base, verdict: 'outdated', matches: olderNumber, newer: current };
  if (presentAt !== null && Number.isFinite(newest)) {
    // A running total written after its newest report may have grown: only a lower figure conflicts.
    if (total && presentAt > newest + DAY && current.every((m) => interval[0] > m.interval[1])) return { ...base, verdict: 'unknown', matches: [], newer: [] };
    // What is left of a stock ("er wonen nog zo'n 11.000 mensen") only shrinks: a draft written after its newest report may give fewer.
    const remaining = ctx.quantity.when.basis === 'remaining' || current.some((m) => m.claim.ctx.quantity.when.basis === 'remaining');
    if (!total && remaining && presentAt > newest + DAY && current.every((m) => interval[1] < m.interval[0])) return { ...base, verdict: 'unknown', matches: [], newer: [] };
    // A state may have changed since its newest report: only a report of about the draft's own time can contradict it.
    if (!total && presentAt > newest + FRESH_DAYS * DAY) return { ...base, verdict: 'unconfirmed', matches: current, newer: [] };
  }
  return { ...base, verdict: 'conflict', matches: current, newer: [] };
}

/** "zeker 29", "meer dan 1000": open upwards, so a newer, higher report agrees in logic but not in number. */
function isLowerBound(f: Figure): boolean {
  const k = (f as Figure & { qualifierKind?: string }).qualifierKind;
  return k === 'atLeast' || k === 'above';
}
