// Reading quantities from sentences of our own, with the shipped gazetteer and what the sentence
// itself teaches about place names (as an archive article is read).

import { extractFigures } from '../../../server/src/dutch/figures';
import { extractTimeExpressions } from '../../../server/src/dutch/time';
import { PlaceLexicon, learnPlaceFacts, recognizePlaces } from '../../../server/src/dutch/places';
import { readQuantities } from '../../../server/src/facts/quantity/read';
import type { Quantity } from '../../../server/src/facts/quantity/model';

let base: PlaceLexicon | null = null;

/** The quantity of the figure whose text contains `figure`, in `text` written on `today`. */
export function quantityOf(text: string, figure: string, today = '2025-11-25'): Quantity {
  base ??= PlaceLexicon.load();
  const lex = base;
  lex.addLearned(learnPlaceFacts(text));
  const times = extractTimeExpressions(text, today);
  const figures = extractFigures(text, { timeExpressions: times });
  const mentions = recognizePlaces(text, lex);
  const ctx = readQuantities({
    text, figures, mentions, times, topic: [],
    resolvePlace: (n) => { const e = lex.lookup(n); return e ? { id: e.id, name: e.name, kind: e.kind } : null; },
    placeInfo: (id) => { const e = lex.entryById(id); return e ? { id, kind: e.kind, country: e.country ?? null } : null; },
  });
  const at = text.indexOf(figure);
  if (at < 0) throw new Error(`“${figure}” is not in “${text}”`);
  const i = figures.findIndex((f) => f.start < at + figure.length && f.end > at);
  if (i < 0) throw new Error(`no figure at “${figure}” in “${text}”; figures: ${figures.map((f) => f.text).join(' | ')}`);
  return ctx[i].quantity;
}

/** The place id a name resolves to in the gazetteer. */
export function placeId(name: string): string {
  base ??= PlaceLexicon.load();
  const e = base.lookup(name);
  if (!e) throw new Error(`no place ${name}`);
  return e.id;
}
