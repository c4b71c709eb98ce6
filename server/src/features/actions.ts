// Code actions: the quick fixes for figure and spelling diagnostics.

import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { t, type Locale } from '../core/l10n';
import { Commands } from '../protocol';
import { CODES, type DiagnosticData } from './diagnostics';

export const MARK_CHECKED_COMMAND = 'bronvast.markChecked';

export function codeActions(uri: string, diagnostics: Diagnostic[], locale: Locale): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'bronvast') continue;
    const data = d.data as DiagnosticData | undefined;
    if (!data) continue;
    if (data.replaceRange && data.replacements) {
      data.replacements.forEach((r, i) => {
        out.push({
          title: d.code === CODES.variant ? t(locale, 'useHouseSpelling', { name: r.text }) : t(locale, 'replaceWith', { value: r.label }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: i === 0,
          edit: { changes: { [uri]: [{ range: data.replaceRange!, newText: r.text }] } },
        });
      });
    }
    for (const s of data.sources ?? []) {
      out.push({
        title: t(locale, 'openSource', { label: s.label }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: t(locale, 'openSource', { label: s.label }), command: Commands.openSource, arguments: [s.uri, s.line] },
      });
    }
    if (data.checkedKey) {
      out.push({
        title: t(locale, 'markChecked'),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: t(locale, 'markChecked'), command: MARK_CHECKED_COMMAND, arguments: [uri, data.figure, data.sentence] },
      });
    }
  }
  return out;
}
