// Diagnostics for a draft: conflicting and outdated figures, variant spellings.

import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatDate, t, type Locale } from '../core/l10n';
import { quoteText } from '../core/text';
import type { DraftAnalysis } from '../facts/draft';
import type { ClaimMatch, FigureVerdict } from '../facts/check';
import type { ArchiveView } from '../facts/view';
import { sourceName } from './render';
import { checkedKey } from './checked';
import { CYRILLIC_COUNTRIES } from '../dutch/places/context';
import { fold } from '../dutch/tokens';

export const CODES = { conflict: 'figure-conflict', outdated: 'figure-outdated', unconfirmed: 'figure-unconfirmed', variant: 'variant-spelling' } as const;

export interface DiagnosticOptions {
  locale: Locale;
  /** Severity per kind; null turns the kind off. */
  severity: { conflict: DiagnosticSeverity | null; outdated: DiagnosticSeverity | null; unconfirmed: DiagnosticSeverity | null; variant: DiagnosticSeverity | null };
  /** Keys of figures the journalist marked as checked (see checked.ts). */
  checked: ReadonlySet<string>;
  /** A spelling as written → the house spelling the newsroom configured for it, or null (then the
   *  archive's display name, its house style or majority spelling, is the preferred one). */
  houseSpelling: (id: string, written: string) => string | null;
  /** How often the archive writes each spelling of a place, and its country (absent: unknown). */
  spellings?: (id: string) => SpellingCounts | undefined;
}

/** A place's spellings in the archive with their counts, and its country (a PlaceRow has both). */
export interface SpellingCounts { variants: ReadonlyMap<string, number>; country: string | null }

/**
 * Whether the archive itself writes `written` for the place often enough (a third of its mentions)
 * that it is the newsroom's usage, not a slip: "Istanbul" 26 times against "Istanboel" 17 in
 * dpgmedia2019. Such a spelling gets no variant hint from a curated exonym; a configured house
 * spelling or a transliterated name still gives one.
 */
export function archiveWrites(spellings: SpellingCounts | undefined, written: string): boolean {
  // (Names transliterated from Cyrillic keep the house style, NOS: Kyiv, Charkiv, Koersk, however
  // often an older archive wrote Kiev or Kursk.)
  if (!spellings || (spellings.country && CYRILLIC_COUNTRIES.has(spellings.country))) return false;
  let total = 0, own = 0;
  for (const [v, n] of spellings.variants) { total += n; if (v === written) own += n; }
  return total > 0 && own * 3 >= total;
}

export const DEFAULT_DIAGNOSTIC_OPTIONS: DiagnosticOptions = {
  locale: 'nl',
  severity: { conflict: DiagnosticSeverity.Warning, outdated: DiagnosticSeverity.Information, unconfirmed: DiagnosticSeverity.Information, variant: DiagnosticSeverity.Information },
  checked: new Set(),
  houseSpelling: () => null,
};

/** What code actions need to act on a diagnostic, carried in Diagnostic.data. */
export interface DiagnosticData {
  kind: 'conflict' | 'outdated' | 'unconfirmed' | 'variant';
  /** Replacement text for `replaceRange` (the archive's number, or the house spelling). */
  replacements?: { text: string; label: string }[];
  replaceRange?: { start: { line: number; character: number }; end: { line: number; character: number } };
  sources?: { uri: string; line: number; label: string }[];
  checkedKey?: string;
  figure?: string;
  sentence?: string;
}

/**
 * The archive's figures of one quantity for a message: each distinct figure with its sources
 * (outlet or article, date), newest first. Several figures mean the archive's sources disagree.
 */
function describe(matches: ClaimMatch[], locale: Locale): { figures: string; sources: string; distinct: number } {
  const byFigure = new Map<string, ClaimMatch[]>();
  const sorted = matches.slice().sort((a, b) => (b.claim.source.article.date ?? '').localeCompare(a.claim.source.article.date ?? ''));
  for (const m of sorted) {
    const key = `${m.interval[0]}|${m.interval[1]}`;
    const list = byFigure.get(key);
    if (list) list.push(m); else byFigure.set(key, [m]);
  }
  const figures: string[] = [];
  const sources: string[] = [];
  for (const list of [...byFigure.values()].slice(0, 3)) {
    figures.push(list[0].claim.figure.text);
    const articles = new Set(list.map((m) => m.claim.source.article.id));
    const first = list[0].claim.source;
    const n = articles.size;
    const name = first.article.source ? sourceName(first, locale) : `${first.article.label}, ${formatDate(first.article.date, locale)}`;
    sources.push(`${name}${n > 1 ? '; ' + t(locale, 'articles', { n }) : ''}`);
  }
  return { figures: figures.join(` ${t(locale, 'and')} `), sources: sources.join(' · '), distinct: byFigure.size };
}

function numberText(m: ClaimMatch): string {
  const f = m.claim.figure;
  // The archive's number as written ("1300", "11.000", "negen").
  return f.text.slice(f.numberStart - f.start, f.numberEnd - f.start) || String(f.value);
}

/** A window of the sentence around the figure, at most `max` characters. */
export function excerpt(sentence: string, figure: string, max: number): string {
  if (sentence.length <= max) return sentence;
  const at = Math.max(0, sentence.indexOf(figure));
  let start = Math.max(0, Math.min(at - Math.floor((max - figure.length) / 2), sentence.length - max));
  // Start and end at word boundaries.
  if (start > 0) { const sp = sentence.indexOf(' ', start); start = sp >= 0 && sp < at ? sp + 1 : start; }
  let end = Math.min(sentence.length, start + max);
  if (end < sentence.length) { const sp = sentence.lastIndexOf(' ', end); end = sp > at + figure.length ? sp : end; }
  return (start > 0 ? '…' : '') + sentence.slice(start, end) + (end < sentence.length ? '…' : '');
}

function related(matches: ClaimMatch[], locale: Locale): DiagnosticRelatedInformation[] {
  return matches.slice(0, 5).map((m) => ({
    location: {
      uri: m.claim.source.article.uri,
      range: { start: { line: m.claim.source.line, character: m.claim.source.character }, end: { line: m.claim.source.line, character: m.claim.source.character + m.claim.figure.text.length } },
    },
    message: `${sourceName(m.claim.source, locale) || m.claim.source.article.label}: ${quoteText(excerpt(m.claim.sentence, m.claim.figure.text, 160))}`,
  }));
}

function figureDiagnostic(doc: TextDocument, v: FigureVerdict, opts: DiagnosticOptions): Diagnostic | null {
  if (v.verdict !== 'conflict' && v.verdict !== 'outdated' && v.verdict !== 'unconfirmed') return null;
  const severity = opts.severity[v.verdict];
  if (severity == null) return null;
  const text = doc.getText();
  const sentence = text.slice(v.ctx.sentence.start, v.ctx.sentence.end);
  const key = checkedKey(v.figure.text, sentence);
  if (opts.checked.has(key)) return null;
  const locale = opts.locale;
  const cite = v.verdict === 'outdated' ? v.newer : v.matches;
  const d = describe(cite, locale);
  const message = v.verdict === 'conflict'
    ? t(locale, d.distinct > 1 ? 'conflictDisagree' : 'conflict', { figures: d.figures, sources: d.sources })
    : v.verdict === 'unconfirmed'
      ? t(locale, 'unconfirmed', { figures: d.figures, sources: d.sources })
      : t(locale, 'outdated', { date: formatDate(cite[0].claim.source.article.date, locale), figures: d.figures, sources: d.sources });
  const seen = new Set<string>();
  const replacements: { text: string; label: string }[] = [];
  // Replacing the figure is offered only when the archive's claim is about exactly this quantity
  // (every part stated on both sides and equal) and the archive does not disagree with itself.
  for (const m of v.verdict === 'unconfirmed' || d.distinct > 1 ? [] : cite.filter((x) => x.exact)) {
    const n = numberText(m);
    if (seen.has(n)) continue;
    seen.add(n);
    replacements.push({ text: n, label: m.claim.figure.text });
  }
  const data: DiagnosticData = {
    kind: v.verdict,
    replacements,
    replaceRange: { start: doc.positionAt(v.figure.numberStart), end: doc.positionAt(v.figure.numberEnd) },
    sources: cite.slice(0, 3).map((m) => ({ uri: m.claim.source.article.uri, line: m.claim.source.line, label: m.claim.source.article.label })),
    checkedKey: key,
    figure: v.figure.text,
    sentence,
  };
  return {
    range: { start: doc.positionAt(v.figure.start), end: doc.positionAt(v.figure.end) },
    severity,
    source: 'bronvast',
    code: CODES[v.verdict],
    message,
    relatedInformation: related(cite, locale),
    data,
  };
}

export function computeDiagnostics(doc: TextDocument, analysis: DraftAnalysis, index: ArchiveView, opts: DiagnosticOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const v of analysis.verdicts) {
    const d = figureDiagnostic(doc, v, opts);
    if (d) out.push(d);
  }
  if (opts.severity.variant != null) {
    const text = doc.getText();
    for (const m of analysis.mentions) {
      const configured = opts.houseSpelling(m.id, m.text);
      const preferred = configured ?? index.placeName(m.id);
      if (!preferred || fold(preferred) === fold(m.text)) continue;
      if (!configured && archiveWrites(opts.spellings?.(m.id), m.text)) continue;
      // Part of a longer name ("Delhaize America", "AS Roma", "America Online"): not the place's spelling to correct.
      if (insideName(text, m.start, m.end)) continue;
      // Only a spelling of the same name is a variant; an abbreviation ("VS") or another name is not.
      if (!isSpellingVariant(m.text, preferred)) continue;
      const data: DiagnosticData = {
        kind: 'variant',
        replacements: [{ text: preferred, label: preferred }],
        replaceRange: { start: doc.positionAt(m.start), end: doc.positionAt(m.end) },
      };
      out.push({
        range: { start: doc.positionAt(m.start), end: doc.positionAt(m.end) },
        severity: opts.severity.variant,
        source: 'bronvast',
        code: CODES.variant,
        message: t(opts.locale, 'variant', { written: m.text, preferred }),
        data,
      });
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Whether a capitalised word stands right before the span (and is not its sentence's first word),
 *  or a foreign name's particle, or a capitalised word right after it: the span is then part of a
 *  longer proper name. */
export function insideName(text: string, start: number, end: number): boolean {
  // "Council of Fashion Designers of America", "Banca di Roma": a foreign name's particle before it.
  if (/(?<![\p{L}\p{M}])(?:of|the|and|du|di|da|del|della|des)[ \t]+$/u.test(text.slice(Math.max(0, start - 8), start))) return true;
  const before = /(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}&-]*[ \t]+$/u.exec(text.slice(Math.max(0, start - 40), start));
  if (before) {
    const wordStart = start - before[0].length;
    const prefix = text.slice(Math.max(0, wordStart - 40), wordStart);
    const sentenceStart = !prefix.trim() || /\n\s*$/.test(prefix) || /[.!?:"“”'‘’(]\s*$/.test(prefix);
    if (!sentenceStart) return true;
  }
  return /^[ \t]+\p{Lu}\p{Ll}/u.test(text.slice(end, end + 4));
}

/** A transliteration variant rather than another name: same first letter class and similar length. */
function isSpellingVariant(a: string, b: string): boolean {
  const fa = fold(a), fb = fold(b);
  if (Math.abs(fa.length - fb.length) > 4) return false;
  if (a.toUpperCase() === a && a.length <= 3) return false;
  // Three letters for a longer name is an abbreviation, as sports results write countries
  // ("De Gendt (Bel)", "(Ita)"), not a spelling of it; a transliteration differs by a letter or two ("Ufa", "Oefa").
  if (fa.length <= 3 && fb.length >= fa.length + 3) return false;
  const first = (s: string) => s.replace(/^(kh|ch|h)/, 'h').replace(/^(zh|zj)/, 'z').replace(/^(sh|sj)/, 's')[0];
  return first(fa) === first(fb);
}
