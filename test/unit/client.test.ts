// The VS Code client's pure parts and its localisation files (no VS Code needed).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { relativeLinks } from '../../client/src/links';
import { serverEnv } from '../../client/src/serverEnv';

const root = join(__dirname, '..', '..');
const json = (p: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, p), 'utf8'));

describe('client: dossier links for the Markdown preview', () => {
  it('turns file URIs into relative paths and keeps the line fragment', () => {
    const md = '— [Koersk, okt 2024](file:///home/redactie/archief/corpus/002_9345b17a806127f3.txt#L13)';
    assert.equal(
      relativeLinks(md, '/home/redactie/.vscode/globalStorage/bronvast.bronvast/views', '/'),
      '— [Koersk, okt 2024](../../../../archief/corpus/002_9345b17a806127f3.txt#L13)',
    );
  });

  it('encodes spaces and non-ASCII in path segments', () => {
    const md = '[bron](file:///data/Nieuws%20archief/Oekra%C3%AFne/artikel.txt#L2)';
    assert.equal(relativeLinks(md, '/data/views', '/'), '[bron](../Nieuws%20archief/Oekra%C3%AFne/artikel.txt#L2)');
  });

  it('rewrites every link and leaves other links and text alone', () => {
    const md = [
      'Zie [a](file:///c/a.txt#L1) en [b](file:///c/b.txt).',
      '[web](https://nos.nl/artikel/1) en `file:///niet/een/link`',
    ].join('\n');
    const out = relativeLinks(md, '/v', '/');
    assert.equal(out, ['Zie [a](../c/a.txt#L1) en [b](../c/b.txt).', '[web](https://nos.nl/artikel/1) en `file:///niet/een/link`'].join('\n'));
  });

  it('leaves links it cannot make relative (another Windows drive)', () => {
    const md = '[x](file:///D:/archief/x.txt#L4)';
    assert.equal(relativeLinks(md, 'C:\\Users\\r\\views', '\\'), md);
    assert.equal(relativeLinks('[x](file:///C:/archief/x.txt#L4)', 'C:\\Users\\r\\views', '\\'), '[x](../../../archief/x.txt#L4)');
  });
});

describe('client: localisation', () => {
  const source = readFileSync(join(root, 'client', 'src', 'extension.ts'), 'utf8');
  const used = new Set([...source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]));

  it('has a Dutch translation for every runtime string, and no stale ones', () => {
    assert.ok(used.size > 20, `found ${used.size} strings`);
    const nl = json('l10n/bundle.l10n.nl.json');
    for (const k of used) assert.ok(typeof nl[k] === 'string' && (nl[k] as string).length > 0, `missing nl: ${k}`);
    for (const k of Object.keys(nl)) assert.ok(used.has(k), `unused nl key: ${k}`);
    const en = json('l10n/bundle.l10n.json');
    assert.deepEqual(Object.keys(en).sort(), Object.keys(nl).sort());
  });

  it('keeps {n} placeholders in translations', () => {
    const nl = json('l10n/bundle.l10n.nl.json') as Record<string, string>;
    for (const [k, v] of Object.entries(nl)) {
      const ph = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
      assert.equal(ph(v), ph(k), `placeholders differ: ${k} → ${v}`);
    }
  });

  it('has every %key% of package.json in both package.nls files', () => {
    const pkg = readFileSync(join(root, 'package.json'), 'utf8');
    const keys = new Set([...pkg.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.ok(keys.size > 20);
    for (const f of readdirSync(root).filter((n) => /^package\.nls(\.[a-z-]+)?\.json$/.test(n))) {
      const nls = json(f);
      for (const k of keys) assert.ok(typeof nls[k] === 'string', `${f} lacks ${k}`);
      for (const k of Object.keys(nls)) assert.ok(keys.has(k), `${f} has unused ${k}`);
    }
  });

  it('gives every setting a description and a markdownDescription', () => {
    const props = (json('package.json') as any).contributes.configuration.properties as Record<string, any>;
    for (const [name, p] of Object.entries(props)) {
      assert.match(String(p.description), /^%.+%$/, `${name} description`);
      assert.match(String(p.markdownDescription), /^%.+%$/, `${name} markdownDescription`);
    }
  });

  it('wraps kopij as the browser breaks lines (Unicode line breaking: never inside "50.000" or "2,5"), and offers no plain-word suggestions', () => {
    // (editor.wordWrapBreakAfterCharacters has no settings schema, so a language default for it is
    // ignored: test/e2e/run.mjs saw "50." | "000" with it. The advanced strategy is measured there.)
    const lang = (json('package.json') as any).contributes.configurationDefaults['[kopij]'];
    assert.equal(lang['editor.wordWrap'], 'on');
    assert.equal(lang['editor.wrappingStrategy'], 'advanced');
    assert.equal(lang['editor.wordBasedSuggestions'], 'off', "the archive's names and figures, not every word of the draft");
  });
});

describe('client: the server\'s environment', () => {
  it('fixes glibc\'s mmap threshold, keeps a value the user set and everything else', () => {
    const env = serverEnv({ PATH: '/usr/bin', LANG: 'nl_NL.UTF-8' });
    assert.equal(env.MALLOC_MMAP_THRESHOLD_, '131072');
    assert.equal(env.PATH, '/usr/bin');
    assert.equal(env.LANG, 'nl_NL.UTF-8');
    assert.equal(serverEnv({ MALLOC_MMAP_THRESHOLD_: '65536' }).MALLOC_MMAP_THRESHOLD_, '65536');
  });

  it('is what the extension starts the server with', () => {
    assert.match(readFileSync(join(root, 'client', 'src', 'extension.ts'), 'utf8'), /run: \{ module, transport: TransportKind\.ipc, options: \{ env: serverEnv\(process\.env\) \} \}/);
  });
});
