// The model of a quantity: what a figure is a figure *of*. Two figures can only agree or conflict
// when they are about the same quantity — the same thing measured (its noun, side and the
// predicate that defines it), at the same place, of the same kind and at the same time. Each part
// is read by the rules of its own module (measure.ts, where.ts, when.ts, skip.ts); same.ts says
// whether two quantities are one. See docs/matching.md.

import type { Dimension } from '../../dutch/types';

/** Why a figure is not compared with anything. */
export type SkipReason =
  | 'age'          // "12-jarig meisje", "63 jaar oud", "de oudste was 63"
  | 'vague'        // "duizenden", "tientallen", "enkele"
  | 'ordinal'      // "de tweede", "voor de derde keer"
  | 'name'         // a number inside a name: "Ch-101", "F-16"
  | 'duration'     // how long something lasted: compared only when every other part matches (not yet)
  | 'length'       // a length that is not a distance between named things
  | 'generic'      // a generic noun (mensen, personen, gevallen) without a predicate that defines it
  | 'undefined'    // nothing says what is counted
  | 'change'       // a change ("steeg met 5 procent"), not a level
  | 'party'        // a party's or candidate's votes or seats: whose they are is not read
  | 'cause'        // deaths of a stated cause ("stierven aan mazelen"): the cause is not read
  | 'plan';        // an intention or a target ("wil 50 tot 75 huizen bouwen", "het doel om 18.000 huizen bij te bouwen"): whose plan is not read

/**
 * The predicate that defines a quantity: what happened to, or holds of, what is counted.
 * "34 mensen gewond" and "22.000 mensen" living somewhere are different quantities.
 */
export type Role =
  | 'killed' | 'wounded' | 'casualty'            // casualty: killed or wounded together
  | 'resident' | 'fled' | 'evacuation-order' | 'hospitalised' | 'missing'   // fled: left their homes, evacuated too
  | 'captured' | 'held' | 'retaken'              // territory
  | 'launched' | 'downed' | 'destroyed'          // drones, missiles, vehicles
  | 'deployed' | 'sent' | 'invaded'              // troops
  | 'exchanged' | 'taken-prisoner'              // prisoners (released in an exchange: exchanged)
  | 'share'                                      // a percentage of something ("30 procent van alle gevechten")
  | 'distance'                                   // how far a place lies from another
  | 'built'                                      // shelters placed, houses built
  | 'paid' | 'cost' | 'fined' | 'jobs-lost' | 'visited' | 'sold';

/**
 * What is measured. `head` is a concept, not a word: "militairen", "soldaten" and "troepen" are
 * one ('soldier'); a demonym counts people of that side ("11.000 Noord-Koreanen").
 */
export interface Measure {
  /** The counted concept ('soldier', 'human', 'civilian', 'child', 'drone', 'area', …), or the counted noun's lemma. */
  head: string | null;
  /** The predicate that defines the quantity, or null when none is stated. */
  role: Role | null;
  /** The side or nationality ("russ", "oekrain", "noordkore"), from an adjective, a demonym or the actor. */
  side: string | null;
  /** For a percentage or a part: what it is a part of (a concept or a place id). */
  of: string | null;
  /** A rate's period ("per dag"): a rate is never compared with a total. */
  per: string | null;
  /** The words of the source that gave the head and the role, for labels ("Noord-Koreaanse militairen", "gesneuveld"). */
  headText: string | null;
  roleText: string | null;
}

/** The place a quantity is about, at its level. */
export interface Where {
  /** Place id, or null when the text names none that the quantity is about. */
  place: string | null;
  /** City and oblast of one name are two places: the level the text states, or null when it does not. */
  level: 'city' | 'region' | 'country' | null;
  /** How far the place was looked for: its clause, its sentence, an earlier sentence of its paragraph, the dateline, the article's topic. */
  scope: 'clause' | 'sentence' | 'paragraph' | 'dateline' | 'article' | 'none';
  /** For a distance: the place it is measured from ("op 30 kilometer van Pokrovsk"). */
  from: string | null;
  /** The country whose territory the text names ("Russisch grondgebied"), when that gave the place. */
  territory: string | null;
}

/**
 * - event: the toll of one strike, the drones of one night, one exchange — compared only with the same event;
 * - state: area held, inhabitants, troops deployed — compared at the same time; a newer report
 *   supersedes an older one (only here and for totals is a figure outdated);
 * - total: a running total ("sinds het begin van de oorlog", an army's losses, people who fled, troops
 *   sent) — a state that only grows: a later, higher figure does not conflict with an older report;
 * - constant: a distance, the height of a dam — compared whatever the time.
 */
export type QuantityKind = 'event' | 'state' | 'total' | 'constant';

export interface When {
  /** Inclusive ISO dates the figure refers to; null = open. Null both when the text says nothing. */
  from: string | null;
  to: string | null;
  /** The time expression as written, or null. */
  text: string | null;
  /**
   * 'explicit': the text dates it; 'present': the text says it holds now ("inmiddels", "nu");
   * 'remaining': it holds now and is what is left of a stock ("er wonen nog 11.000 mensen"), which
   * only shrinks;
   * 'past': an undated past ("werden bevrijd", "telde", "op het hoogtepunt"); 'perfect': the perfect
   * ("zijn … heroverd"): in a draft an undated past, in a report what holds at its writing; 'none'.
   */
  basis: 'explicit' | 'present' | 'remaining' | 'past' | 'perfect' | 'none';
}

export interface Quantity {
  /** Set when the figure is not compared with anything. */
  skip: SkipReason | null;
  dimension: Dimension;
  /** Currency for money, else null. */
  unit: string | null;
  measure: Measure;
  where: Where;
  kind: QuantityKind;
  when: When;
  /** The event noun of the sentence ("aanval", "ruil", "inval"), for labels. */
  event: string | null;
  /** "beide landen elk 230": the figure holds for each side, so every side's report must agree with it. */
  each?: boolean;
  /** Who the figure is attributed to ("brit" for "volgens de Britse regering"), or null; not part of
   *  the quantity, but an attributed draft figure is checked against that source's figures. */
  source: string | null;
}
