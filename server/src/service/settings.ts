// The settings: one table of every `bronvast.*` setting with its default and how a value the
// client sends is made safe. package.json contributes the same defaults (a test holds them equal);
// the server reads them through workspace/configuration, the command line from the workspace's
// .vscode/settings.json. Anything of the wrong type or out of range falls back to its default (a
// negative size limit would otherwise reject every draft).

import * as fs from 'node:fs';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { DiagnosticSeverity } from 'vscode-languageserver-types';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type HouseStyle = 'nos' | 'archive-majority';

export interface Settings {
  corpus: { paths: string[] };
  /** A shared index: a PostgreSQL connection string; '' reads the archive's files (embedded). */
  store: string;
  houseSpellings: Record<string, string>;
  houseStyle: HouseStyle;
  diagnostics: { conflictSeverity: SeverityName; outdatedSeverity: SeverityName; unconfirmedSeverity: SeverityName; variantSpellingSeverity: SeverityName };
  limits: { maxFileSizeMB: number; maxDraftSizeKB: number };
  debounceMs: number;
}

interface Setting<T> {
  default: T;
  /** The value made safe, or undefined for "use the default". */
  coerce(v: unknown): T | undefined;
  /** Read by the VS Code client only (the server never sees it). */
  clientOnly?: boolean;
}

const SEVERITIES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint', 'off'];
const severity = (d: SeverityName): Setting<SeverityName> => ({
  default: d,
  coerce: (v) => {
    const s = typeof v === 'string' ? v.toLowerCase() : '';
    // ("info" and "none" as people write them.)
    return (SEVERITIES as readonly string[]).includes(s) ? s as SeverityName : s === 'info' ? 'information' : s === 'none' ? 'off' : undefined;
  },
});
const positive = (d: number): Setting<number> => ({ default: d, coerce: (v) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined) });
const paths = (d: string[], clientOnly = false): Setting<string[]> => ({
  default: d, clientOnly,
  coerce: (v) => (Array.isArray(v) && v.length > 0 && v.every((p) => typeof p === 'string' && p.length > 0) ? v as string[] : undefined),
});

/** Every setting, by its name under `bronvast.`. */
export const SETTINGS = {
  'corpus.paths': paths(['corpus']),
  store: { default: '', coerce: (v: unknown) => (typeof v === 'string' ? v.trim() : undefined) } as Setting<string>,
  languages: paths(['kopij', 'plaintext', 'markdown'], true),
  houseSpellings: {
    default: {},
    coerce: (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([k, x]) => k && typeof x === 'string' && x)) as Record<string, string>
      : undefined),
  } as Setting<Record<string, string>>,
  houseStyle: { default: 'nos', coerce: (v: unknown) => (v === 'nos' || v === 'archive-majority' ? v : undefined) } as Setting<HouseStyle>,
  'diagnostics.conflictSeverity': severity('warning'),
  'diagnostics.outdatedSeverity': severity('information'),
  'diagnostics.unconfirmedSeverity': severity('information'),
  'diagnostics.variantSpellingSeverity': severity('information'),
  'limits.maxFileSizeMB': positive(50),
  'limits.maxDraftSizeKB': positive(1024),
  debounceMs: { default: 300, coerce: (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.min(v, 5000) : undefined) } as Setting<number>,
  'trace.server': { default: 'off', clientOnly: true, coerce: (v: unknown) => (v === 'off' || v === 'messages' || v === 'verbose' ? v : undefined) } as Setting<string>,
} as const;

/** The value at a dotted path of a nested object ({corpus: {paths}} or {"corpus.paths": …}). */
function at(raw: Record<string, unknown>, name: string): unknown {
  if (name in raw) return raw[name];
  let v: unknown = raw;
  for (const part of name.split('.')) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

function value<K extends keyof typeof SETTINGS>(raw: Record<string, unknown>, name: K): (typeof SETTINGS)[K]['default'] {
  const s = SETTINGS[name] as Setting<unknown>;
  const v = s.coerce(at(raw, name));
  // (Defaults are copied: a caller that changes its settings never changes the table.)
  return (v === undefined ? structuredClone(s.default) : v) as (typeof SETTINGS)[K]['default'];
}

/** The server's settings from what a client sent (the `bronvast` section), made safe. */
export function readSettings(sent: unknown): Settings {
  const raw = (sent && typeof sent === 'object' && !Array.isArray(sent) ? sent : {}) as Record<string, unknown>;
  return {
    corpus: { paths: value(raw, 'corpus.paths') },
    store: value(raw, 'store'),
    houseSpellings: value(raw, 'houseSpellings'),
    houseStyle: value(raw, 'houseStyle'),
    diagnostics: {
      conflictSeverity: value(raw, 'diagnostics.conflictSeverity'),
      outdatedSeverity: value(raw, 'diagnostics.outdatedSeverity'),
      unconfirmedSeverity: value(raw, 'diagnostics.unconfirmedSeverity'),
      variantSpellingSeverity: value(raw, 'diagnostics.variantSpellingSeverity'),
    },
    limits: { maxFileSizeMB: value(raw, 'limits.maxFileSizeMB'), maxDraftSizeKB: value(raw, 'limits.maxDraftSizeKB') },
    debounceMs: value(raw, 'debounceMs'),
  };
}

export const DEFAULT_SETTINGS: Settings = readSettings({});

export function severityOf(s: SeverityName): DiagnosticSeverity | null {
  switch (s) {
    case 'error': return DiagnosticSeverity.Error;
    case 'warning': return DiagnosticSeverity.Warning;
    case 'information': return DiagnosticSeverity.Information;
    case 'hint': return DiagnosticSeverity.Hint;
    case 'off': return null;
  }
}

/**
 * The `bronvast.*` settings of a VS Code settings file (JSON with comments, as VS Code writes it),
 * for the command line: `{}` when there is no such file; an error names the file and the place.
 */
export function readSettingsFile(file: string): { settings: Record<string, unknown> } | { error: string } {
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? { settings: {} } : { error: `${file}: ${(e as Error).message}` };
  }
  const errors: ParseError[] = [];
  const data = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length || !data || typeof data !== 'object' || Array.isArray(data)) {
    const line = errors.length ? text.slice(0, errors[0].offset).split('\n').length : 1;
    return { error: `${file}:${line}: not valid JSON` };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) if (k.startsWith('bronvast.')) out[k.slice('bronvast.'.length)] = v;
  return { settings: out };
}
