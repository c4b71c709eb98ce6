// One table of settings (service/settings.ts): package.json contributes the same defaults, and a
// value of the wrong type or out of range falls back to its default.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { DEFAULT_MAX_FILE_BYTES } from '../../server/src/corpus/read';
import { DEFAULT_DIAGNOSTIC_OPTIONS } from '../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS, readSettings, readSettingsFile, severityOf, SETTINGS } from '../../server/src/service/settings';

const ROOT = path.resolve(__dirname, '..', '..');

describe('settings', () => {
  it('package.json contributes exactly the settings of the table, with the same defaults', () => {
    const props = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties as Record<string, { default: unknown; enum?: string[] }>;
    assert.deepEqual(Object.keys(props).sort(), Object.keys(SETTINGS).map((k) => `bronvast.${k}`).sort());
    for (const [name, s] of Object.entries(SETTINGS)) {
      const p = props[`bronvast.${name}`];
      assert.deepEqual(p.default, s.default, `bronvast.${name}`);
      // Every value package.json offers is one the table keeps.
      for (const v of p.enum ?? []) assert.equal((s as { coerce(v: unknown): unknown }).coerce(v), v, `bronvast.${name} = ${v}`);
    }
  });

  it('the defaults used without settings are the table\'s', () => {
    assert.equal(DEFAULT_MAX_FILE_BYTES, DEFAULT_SETTINGS.limits.maxFileSizeMB * 1024 * 1024);
    const d = DEFAULT_SETTINGS.diagnostics;
    assert.deepEqual(DEFAULT_DIAGNOSTIC_OPTIONS.severity, {
      conflict: severityOf(d.conflictSeverity), outdated: severityOf(d.outdatedSeverity),
      unconfirmed: severityOf(d.unconfirmedSeverity), variant: severityOf(d.variantSpellingSeverity),
    });
  });

  it('a value of the wrong type or out of range is its default; a good one is kept', () => {
    const cases: [unknown, (s: ReturnType<typeof readSettings>) => unknown, unknown][] = [
      [null, (s) => s, DEFAULT_SETTINGS],
      ['veel', (s) => s, DEFAULT_SETTINGS],
      [{ corpus: { paths: [] } }, (s) => s.corpus.paths, ['corpus']],
      [{ corpus: { paths: ['archief', 7] } }, (s) => s.corpus.paths, ['corpus']],
      [{ corpus: { paths: ['archief', '../gedeeld'] } }, (s) => s.corpus.paths, ['archief', '../gedeeld']],
      [{ 'corpus.paths': ['archief'] }, (s) => s.corpus.paths, ['archief']],
      [{ houseSpellings: { Kiev: 'Kyiv', Kursk: null, '': 'x' } }, (s) => s.houseSpellings, { Kiev: 'Kyiv' }],
      [{ houseStyle: 'bbc' }, (s) => s.houseStyle, 'nos'],
      [{ diagnostics: { conflictSeverity: 'Error' } }, (s) => s.diagnostics.conflictSeverity, 'error'],
      [{ diagnostics: { outdatedSeverity: 'none', variantSpellingSeverity: 'info' } }, (s) => [s.diagnostics.outdatedSeverity, s.diagnostics.variantSpellingSeverity], ['off', 'information']],
      [{ diagnostics: { conflictSeverity: 17 } }, (s) => s.diagnostics.conflictSeverity, 'warning'],
      [{ limits: { maxDraftSizeKB: -1, maxFileSizeMB: Number.NaN } }, (s) => s.limits, { maxFileSizeMB: 50, maxDraftSizeKB: 1024 }],
      [{ debounceMs: 99999 }, (s) => s.debounceMs, 5000],
      [{ debounceMs: 'snel' }, (s) => s.debounceMs, 300],
    ];
    for (const [sent, get, want] of cases) assert.deepEqual(get(readSettings(sent)), want, JSON.stringify(sent));
    assert.equal(severityOf('off'), null);
    assert.equal(severityOf('hint'), DiagnosticSeverity.Hint);
  });

  it('reads the bronvast.* settings of a VS Code settings file (comments and trailing commas allowed)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-settings-'));
    try {
      const f = path.join(dir, 'settings.json');
      fs.writeFileSync(f, '{\n  // house style\n  "bronvast.houseSpellings": { "Kiev": "Kyiv", },\n  "editor.fontSize": 14,\n}\n');
      assert.deepEqual(readSettingsFile(f), { settings: { houseSpellings: { Kiev: 'Kyiv' } } });
      assert.deepEqual(readSettingsFile(path.join(dir, 'none.json')), { settings: {} });
      fs.writeFileSync(f, '{\n  "bronvast.houseStyle": "nos"\n  "x": 1\n}\n');
      assert.deepEqual(readSettingsFile(f), { error: `${f}:3: not valid JSON` });
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });
});
