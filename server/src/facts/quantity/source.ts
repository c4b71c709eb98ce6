// Who says so: the source a figure is attributed to ("volgens de Britse regering", "Kiev spreekt
// van", "Dat schat het Britse ministerie"). Sources are not part of the quantity — estimates by
// London and by Kyiv of Russian losses are one quantity on which they disagree — but when a draft
// attributes a figure, it is checked against what that source said. Examples in
// test/unit/quantity/source.test.ts.

import { fold, type Span } from '../../dutch/tokens';
import { sideOfWord, sideOfCountry } from './measure';
import { foldedText } from './spans';

/** Names that stand for a side or an institution with a side of its own. */
const NAMED: Record<string, string> = {
  londen: 'brit', kyiv: 'oekrain', kiev: 'oekrain', kyjiv: 'oekrain', moskou: 'russ', kremlin: 'russ', washington: 'amerika', seoul: 'zuidkore',
  pjongjang: 'noordkore', pyongyang: 'noordkore', pentagon: 'amerika', nis: 'zuidkore', yonhap: 'zuidkore', kcna: 'noordkore',
  zelensky: 'oekrain', zelenski: 'oekrain', syrsky: 'oekrain', zaloezjny: 'oekrain', boedanov: 'oekrain', klitsjko: 'oekrain',
  poetin: 'russ', gerasimov: 'russ', sjojgoe: 'russ', peskov: 'russ', lavrov: 'russ', belousov: 'russ', smirnov: 'russ',
  wallace: 'brit', isw: 'isw', mediazona: 'mediazona', csis: 'csis', navo: 'navo', vn: 'vn',
};

/** The source words of a phrase stand for: a side or a named institution, or null. */
export function sourceOfWords(phrase: string): string | null {
  for (const raw of phrase.split(/[\s,]+/)) {
    if (!raw) continue;
    const w = fold(raw).replace(/[’']s$/, '');
    const named = NAMED[w];
    if (named) return named;
    const country = sideOfCountry(raw);
    if (country) return country;
    // "de Britse regering", "de Britten", "het Oekraïense leger", "Amerikaanse functionarissen"
    const side = sideOfWord(raw);
    if (side) return side;
  }
  return null;
}

const SAY = '(?:gaf|geeft|zegt|zei|zeggen|zeiden|meldt|meldde|melden|meldden|schat|schatte|schatten|schatten|claimt|claimde|beweert|beweerde|noemt|noemde|spreekt\\s+van|sprak\\s+van|spreken\\s+van|gaat\\s+(?:er\\s+)?uit\\s+van|ging\\s+(?:er\\s+)?uit\\s+van|gaan\\s+(?:er\\s+)?uit\\s+van|houdt\\s+het\\s+op|hield\\s+het\\s+op|komt\\s+uit\\s+op|kwam\\s+uit\\s+op|komen\\s+uit\\s+op|kwamen\\s+uit\\s+op|telt|telde|rapporteert|rapporteerde)';
const VOLGENS = /\b(?:[Vv]olgens|[Aa]ldus)\s+((?:(?!(?:zo'n|zo’n|ongeveer|ruim|bijna|meer|minder|zeker|minstens|circa|zijn|is|was|waren|heeft|hebben|had|hadden|zou|zouden|werd|werden|er|nog|al|dat|in|op|bij)\b)[\p{L}'’-]+\s*){1,5})/u;
const BEFORE_SAY = new RegExp(`(?:^|[,;:]\\s*|\\b(?:en|maar|terwijl)\\s+)((?:[\\p{L}'’-]+\\s+){0,6}?)${SAY}\\b`, 'iu');
/** The verb before its subject: "kwam de Britse regering uit op", "schatte de Zuid-Koreaanse inlichtingendienst dat". */
const INVERTED = /\b(?:kwam|kwamen|komt|komen)\s+((?:[\p{L}'’-]+\s+){1,5}?)uit\s+op\b|\b(?:schatte|schat|zei|zegt|meldde|meldt|claimde|claimt|beweerde|beweert|noemde|noemt|sprak|spreekt|ging|gaat)\s+((?:de|het)\s+(?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+|\p{Lu}[\p{L}'’-]+)/u;
/** "Dat schat het Britse ministerie van Defensie.": the sentence before is that source's. */
const THAT_SAYS = new RegExp(`^\\s*(?:dat|dit|die\\s+cijfers?|dat\\s+cijfer|dat\\s+aantal)\\s+${SAY}\\s+((?:[\\p{L}'’-]+\\s*){1,6})`, 'iu');

/** The source of a figure's sentence (within `reach` of the figure), else the next sentence's "Dat zegt X". */
const ANY_SOURCE = /volgens|aldus|zeg|zei|meld|schat|claim|beweer|noem|spr[ae]|uit van|het op|uit op|telt|telde|rapport|gaf|geeft/;
const ANY_THAT = /^\s*(?:dat|dit|die)\b/;

export function sourceOf(text: string, sentence: Span, figure: Span, next: Span | null): string | null {
  const from = Math.max(sentence.start, figure.start - 300), to = Math.min(sentence.end, figure.end + 300);
  const folded = foldedText(text);
  const nextStarts = next ? ANY_THAT.test(folded.slice(next.start, next.start + 12)) : false;
  if (!ANY_SOURCE.test(folded.slice(from, to)) && !nextStarts) return null;
  const s = text.slice(from, to);
  const v = VOLGENS.exec(s);
  if (v) { const src = sourceOfWords(v[1]); if (src) return src; }
  const b = BEFORE_SAY.exec(s);
  if (b && b[1]) { const src = sourceOfWords(b[1]); if (src) return src; }
  const inv = INVERTED.exec(s);
  if (inv) { const src = sourceOfWords(inv[1] ?? inv[2] ?? ''); if (src) return src; }
  if (next && nextStarts) {
    const t = THAT_SAYS.exec(text.slice(next.start, Math.min(next.end, next.start + 160)));
    if (t) { const src = sourceOfWords(t[1]); if (src) return src; }
  }
  return null;
}
