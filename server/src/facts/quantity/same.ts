// Whether two figures are about the same quantity, and whether their values agree.
// Examples in test/unit/quantity/same.test.ts.

import type { Figure } from '../../dutch/types';
import type { Quantity } from './model';
import { headsCompatible } from './measure';

/**
 * The interval a figure commits to, in its dimension's base unit, by the logic of its qualifier:
 * "minstens", "zeker", "ten minste" X is [X, ∞); "meer dan" X is (X, ∞); "bijna" X lies just below
 * X; "ruim" X just above; "zo'n", "ongeveer" X around X by its roundness; "tussen X en Y" is [X, Y].
 */
export function committed(f: Figure): [number, number] {
  const kind = (f as Figure & { qualifierKind?: string }).qualifierKind;
  const tiny = Math.max(Math.abs(f.value) * 1e-9, 1e-9);
  let lo = f.low ?? (f.dimension === 'temperature' ? -Infinity : 0);
  let hi = f.high ?? Infinity;
  if (kind === 'above') lo = f.value + tiny;
  if (kind === 'below') hi = f.value - tiny;
  return [lo * f.toBase, hi * f.toBase];
}

/** Whether two committed intervals share a value. Two approximations that only touch do not. */
export function agree(a: [number, number], b: [number, number]): boolean {
  const scale = Math.max(...[a[0], a[1], b[0], b[1]].filter(Number.isFinite).map(Math.abs), 1);
  const eps = 1e-9 * scale;
  if (!(a[0] <= b[1] + eps && b[0] <= a[1] + eps)) return false;
  const width = (x: [number, number]) => x[1] - x[0];
  if (width(a) > eps && width(b) > eps && Number.isFinite(width(a)) && Number.isFinite(width(b))) return Math.min(a[1], b[1]) - Math.max(a[0], b[0]) > eps;
  return true;
}

/** Whether two figures give the same number: each one's value lies in the other's interval
 *  ("zeker 29" and "ten minste 29"; not "zeker 29" and "zeker 43", which agree but differ). */
export function sameNumber(a: Figure, b: Figure): boolean {
  const ia = committed(a), ib = committed(b);
  const va = a.value * a.toBase, vb = b.value * b.toBase;
  // The same number written with another qualifier ("ruim duizend", "meer dan 1000").
  if (Math.abs(va - vb) <= 1e-9 * Math.max(Math.abs(va), 1)) return true;
  const inside = (v: number, iv: [number, number]) => v >= iv[0] - 1e-9 * Math.abs(v) && v <= iv[1] + 1e-9 * Math.abs(v);
  return inside(va, ib) && inside(vb, ia);
}

export interface Sameness {
  same: boolean;
  /** Every part stated on both sides and equal (a quick fix may replace the figure). */
  exact: boolean;
  /** Why (when same) or the first part that differs. */
  reasons: string[];
}

const NOT: (why: string) => Sameness = (why) => ({ same: false, exact: false, reasons: [why] });

/** A place is specific when the figure's own text names a place below a country; otherwise it is
 *  open (none, a country, or only the dateline or the article's topic). */
const specific = (w: Quantity['where']) => !!w.place && w.level !== 'country' && (w.scope === 'clause' || w.scope === 'sentence' || w.scope === 'paragraph');

/** The drones and missiles of a night are fired at the country: "bij de aanval op Kyiv vuurde
 *  Rusland 598 drones af" is the night's count, not Kyiv's. */
const isLaunched = (a: Quantity) => (a.measure.role === 'launched' || a.measure.role === 'downed') && a.kind === 'event';

/**
 * The place every quantity the same as `a` has (sameQuantity(a, b) is false for any b whose
 * where.place differs), or null when there is none: lets a stored index fetch only those claims.
 */
export function requiredPlace(a: Quantity): string | null {
  return !isLaunched(a) && specific(a.where) ? a.where.place : null;
}

/**
 * The measure, the place and the kind of two quantities (the time is compared by the verdict,
 * which knows the archive's dates). Every part must be stated on both sides and equal; only a side
 * may be missing on one of them.
 */
export function sameQuantity(a: Quantity, b: Quantity): Sameness {
  if (a.skip || b.skip) return NOT(`skip:${a.skip ?? b.skip}`);
  if (a.dimension !== b.dimension) return NOT('dimension');
  if (a.unit !== b.unit) return NOT('unit');
  const ma = a.measure, mb = b.measure;
  if (!ma.role || ma.role !== mb.role) return NOT('role');
  // A percentage or an amount is defined by what it is of and its predicate; a count by its noun.
  if (!(a.dimension !== 'count' && !ma.head && !mb.head) && !headsCompatible(ma.head, mb.head)) return NOT('head');
  if (ma.side && mb.side && ma.side !== mb.side) return NOT('side');
  if (ma.per !== mb.per) return NOT('per');
  if (a.dimension === 'percent' && (!ma.of || ma.of !== mb.of)) return NOT('of');
  const wa = a.where, wb = b.where;
  // (Launched drones and missiles: only two different named places keep two such counts apart.)
  const launched = isLaunched(a);
  if (launched && (!specific(wa) || !specific(wb))) {
    // (compared by its event's time below)
  } else if (specific(wa) || specific(wb)) {
    // A place guessed from the article's topic or dateline may stand for the same place named
    // outright on the other side, but not for an event (an article's tolls are often of several places).
    const guessed = (w: typeof wa) => w.scope === 'article' || w.scope === 'dateline';
    if (wa.place !== wb.place || !wa.place) return NOT('place');
    if ((!specific(wa) && !(guessed(wa) && a.kind !== 'event')) || (!specific(wb) && !(guessed(wb) && a.kind !== 'event'))) return NOT('place');
  } else {
    // Neither names a specific place: the quantity of one side ("22.000 gedode Russische militairen")
    // or an event ("de ruil van januari 2024") is compared on its other parts; the places, where
    // both have one, must still be the same.
    // ("Russisch grondgebied" in a sentence of its own is the territory an article about Koersk places in Koersk.)
    const sameTerritory = (x: typeof wa, y: typeof wa) => x.level === 'country' && !!y.territory && x.place === y.territory;
    if (wa.place && wb.place && wa.place !== wb.place && !sameTerritory(wa, wb) && !sameTerritory(wb, wa)) return NOT('place');
    // One side may be unstated when both name the same country ("1300 vierkante kilometer Russisch grondgebied").
    const sided = (!!ma.side && ma.side === mb.side) || (!!(ma.side || mb.side) && !!wa.place && wa.place === wb.place);
    if (!sided && a.kind !== 'event') return NOT('place');
    const sameCountry = !!wa.place && wa.place === wb.place && wa.level === 'country' && wb.level === 'country';
    if (a.kind === 'event' && !sided && !sameCountry && !(a.measure.role === 'exchanged' || a.measure.role === 'launched' || a.measure.role === 'downed')) return NOT('place');
  }
  if (!launched && wa.level && wb.level && wa.level !== wb.level) return NOT('level');
  if (a.dimension === 'length' && (!wa.from || wa.from !== wb.from)) return NOT('from');
  if (a.kind !== b.kind) return NOT('kind');
  const reasons = [`role:${ma.role}`, `head:${ma.head}`];
  if (wa.place && wa.place === wb.place) reasons.push(`place:${wa.place}`);
  if (ma.side && mb.side) reasons.push(`side:${ma.side}`);
  const exact = ma.head === mb.head && ma.side === mb.side && wa.level === wb.level
    && (wa.scope === 'clause' || wa.scope === 'sentence') && (wb.scope === 'clause' || wb.scope === 'sentence');
  return { same: true, exact, reasons };
}
