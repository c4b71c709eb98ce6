// A dateline: the place a story was filed from, in capitals at the start of a line, then an
// optional date and agency, then the dash that opens the story — "KYIV (ANP) -", "POKROVSK -",
// "MOSKOU, 3 maart (Reuters) —". One pattern for recognition (a dateline is a mention of its place:
// dutch/places/recognition.ts) and for reading figures (a figure's place of last resort:
// facts/quantity/where.ts).

const TAIL = String.raw`(?:,[^\n()\-–—]{1,25})?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[-–—][ \t]`;

/** What follows a dateline's place: ", 3 maart", "(ANP)", then the dash that opens the story. */
export const DATELINE_TAIL = new RegExp(`^${TAIL}`, 'u');

/** A whole dateline at the start of a text: group 1 is the place as written (perhaps with spaces around). */
export const DATELINE = new RegExp(String.raw`^([\p{Lu}][\p{Lu}'’. -]{1,40}?)[ \t]*` + TAIL, 'u');
