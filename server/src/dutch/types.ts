// Shared types of the Dutch analysis layer. This layer knows nothing of LSP, files or the index.
// All offsets are UTF-16 code units into the analysed string (JavaScript string indices).

/** What kind of quantity a figure is, so that only like is compared with like. */
export type Dimension =
  | 'count'      // a bare number or a number of things ("93 krijgsgevangenen")
  | 'area'       // normalised to square kilometres
  | 'length'     // normalised to kilometres
  | 'percent'    // 0..100 (and beyond)
  | 'money'      // normalised to the currency unit (EUR, USD, ...) in `unit`
  | 'duration'   // normalised to days
  | 'weight'     // normalised to kilograms
  | 'speed'      // km/h
  | 'temperature'
  | 'other';

/** A figure as written in Dutch news text: a quantity, never a date, time, year or ordinal. */
export interface Figure {
  /** The whole figure as written, qualifier and unit included: "zo'n 1500 vierkante kilometer". */
  text: string;
  start: number;
  end: number;
  /** Span of the number itself ("1500", "dertienhonderd", "2,5 miljoen"), for quick fixes. */
  numberStart: number;
  numberEnd: number;
  /** The number as written, in the written unit (1000 for "ruim 1.000"; 2500000 for "2,5 miljoen"). */
  value: number;
  /** The interval the wording commits to, in the written unit; null = unbounded. Exact: low = high = value. */
  low: number | null;
  high: number | null;
  /** The qualifier as written, lower-cased ("zo'n", "ruim", "tussen", "meer dan"), or null. */
  qualifier: string | null;
  /** Normalised unit symbol: "km2", "km", "m", "ha", "%", "EUR", "USD", "dag", "maand", ... or null for counts. */
  unit: string | null;
  dimension: Dimension;
  /** Conversion factor from `unit` to the dimension's base unit (km2 for area, km for length, day for duration). */
  toBase: number;
  /** Lemma of what is counted ("inwoner", "Noord-Koreaan", "nederzetting"), or null. */
  counted: string | null;
  /** The counted noun phrase as written ("Oekraïense krijgsgevangenen"), or null. */
  countedText: string | null;
}

/** A time expression resolved against a reference date (the article's date). */
export interface TimeExpression {
  text: string;
  start: number;
  end: number;
  /** Inclusive ISO date interval (YYYY-MM-DD) it refers to; null end = open. */
  from: string | null;
  to: string | null;
  kind: 'date' | 'period' | 'relative' | 'year' | 'clock';
}

export type PlaceKind =
  | 'land' | 'regio' | 'provincie' | 'oblast' | 'gebied' | 'stad' | 'stadje' | 'dorp' | 'plaats'
  | 'hoofdstad' | 'gemeente' | 'werelddeel' | 'zee' | 'rivier' | 'schiereiland' | 'eiland' | 'plaats-onbekend';

/** A place-name mention in a text. */
export interface PlaceMention {
  text: string;
  start: number;
  end: number;
  /** Stable place id shared by every spelling of one place (e.g. "koersk"). */
  id: string;
  /** Canonical display name (house spelling or archive majority), e.g. "Koersk". */
  name: string;
  kind: PlaceKind;
  /** Why this is a place: gazetteer entry, a context pattern in this text, or a name learned from the archive. */
  evidence: 'gazetteer' | 'context' | 'archive';
}

/** A fact about a place read from context: "het stadje Soedzja", "Marinovka in de provincie Wolgograd". */
export interface PlaceFact {
  /** The place the fact is about, as written, with its span. */
  name: string;
  start: number;
  end: number;
  kind: PlaceKind | null;
  /** Containing place as written ("Koersk" in "in de regio Koersk"), if stated. */
  parent: string | null;
  parentKind: PlaceKind | null;
  /** "op zo'n 30 kilometer van Pokrovsk": a nearby place and distance in km. */
  near: string | null;
  distanceKm: number | null;
  /** Span of the sentence that states it (the evidence). */
  sentenceStart: number;
  sentenceEnd: number;
  /** How strong the evidence is: 'strong' = a place noun or direction ("het stadje X", "ten noorden van X"),
   *  'weak' = only a locative preposition ("in X", "bij X"). Optional; absent = strong. */
  strength?: 'strong' | 'weak';
  /** The word that gave a weak fact ("in", "naar", "bij"): "in X" is clearer evidence than "naar X" or "bij X"
   *  ("kijk naar Trump", "werkt bij Shell"). Optional. */
  cue?: string;
  /**
   * Only on the one evidence record per article that `learnPlaceFacts` adds (name '', no span, no sentence):
   * how often each capitalised name is used in this text in a way that is not a place (subject of a verb of
   * saying or acting, part of a longer capitalised name, possessive, after a title, first name or role noun).
   * The archive weighs these against the place uses before it learns a name. Optional.
   */
  otherUses?: Record<string, number>;
  /** On the same record: how often each capitalised word is a word of a longer capitalised name ("Donald Trump",
   *  "Forum voor Democratie", but also "Westelijke Balkan"): evidence against learning the word alone. Optional. */
  partUses?: Record<string, number>;
}
