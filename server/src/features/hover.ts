// Hover: the dossier of a place, or the archive's claims about a figure.

import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../core/l10n';
import { buildDossier } from '../facts/dossier';
import type { DraftAnalysis } from '../facts/draft';
import type { PlaceView } from '../facts/view';
import { claimsTimelineMarkdown, DOSSIER_SENTENCES, dossierMarkdown } from './render';
import { t } from '../core/l10n';

function at<T extends { start: number; end: number }>(items: T[], offset: number): T | undefined {
  return items.find((x) => x.start <= offset && offset <= x.end);
}

export function hover(doc: TextDocument, position: Position, analysis: DraftAnalysis, index: PlaceView, locale: Locale): Hover | null {
  const offset = doc.offsetAt(position);
  const m = at(analysis.mentions, offset);
  if (m) {
    const d = buildDossier(index, m.id, m.text, { sentences: DOSSIER_SENTENCES });
    if (!d) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: dossierMarkdown(d, locale) },
      range: { start: doc.positionAt(m.start), end: doc.positionAt(m.end) },
    };
  }
  const i = analysis.figures.findIndex((f) => f.start <= offset && offset <= f.end);
  if (i >= 0) {
    const v = analysis.verdicts[i];
    const value = v.matches.length || v.newer.length
      ? claimsTimelineMarkdown([...v.matches, ...v.newer], locale, (id) => index.placeName(id) ?? index.entry(id)?.name ?? id)
      : t(locale, 'noClaims');
    return {
      contents: { kind: MarkupKind.Markdown, value },
      range: { start: doc.positionAt(v.figure.start), end: doc.positionAt(v.figure.end) },
    };
  }
  return null;
}
