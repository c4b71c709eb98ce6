// Tokenizes Dutch copy with the real TextMate engine VS Code uses (vscode-textmate +
// vscode-oniguruma, taken from the code-server install in .cache/e2e) and checks the scopes of
// syntaxes/kopij.tmLanguage.json. Exits 0 with "skipped" when that install is missing
// (run `node test/e2e/install.mjs` first); non-zero when an expectation fails.
// Usage: node test/e2e/grammar.mjs [--dump file]
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const vscodeModules = join(root, '.cache', 'e2e', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');

export async function loadGrammar() {
  if (!existsSync(join(vscodeModules, 'vscode-textmate'))) return undefined;
  const require = createRequire(join(vscodeModules, 'x.js'));
  const tm = require('vscode-textmate');
  const onig = require('vscode-oniguruma');
  const wasm = readFileSync(join(vscodeModules, 'vscode-oniguruma', 'release', 'onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.kopij') return null;
      const path = join(root, 'syntaxes', 'kopij.tmLanguage.json');
      return tm.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  const grammar = await registry.loadGrammar('source.kopij');
  return { grammar, tm };
}

/** Tokens of a multi-line text: [{line, text, scopes}] */
export function tokenize({ grammar, tm }, text) {
  let state = tm.INITIAL;
  const out = [];
  text.split('\n').forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ line: i, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = r.ruleStack;
  });
  return out;
}

const has = (toks, text, scope) => toks.some((t) => t.text.includes(text) && t.scopes.some((s) => s.startsWith(scope)));
const scopeOf = (toks, text) => toks.filter((t) => t.text.includes(text)).map((t) => t.scopes.slice(1).join(' '));

async function main() {
  const loaded = await loadGrammar();
  if (!loaded) {
    console.log('grammar test skipped: vscode-textmate not found (run node test/e2e/install.mjs to install code-server, which brings it)');
    return 0;
  }
  const dump = process.argv.indexOf('--dump');
  if (dump > 0) {
    for (const t of tokenize(loaded, readFileSync(process.argv[dump + 1], 'utf8'))) {
      if (t.text.trim()) console.log(`${t.line + 1}\t${JSON.stringify(t.text)}\t${t.scopes.slice(1).join(' ')}`);
    }
    return 0;
  }
  const checks = [];
  const expect = (name, text, fragment, scope, want = true) => checks.push({ name, text, fragment, scope, want });

  // Headlines and intertitles.
  expect('first line headline', 'Russen heroveren deel van Koersk\n\nHet leger meldt dat.', 'Russen heroveren', 'markup.heading');
  expect('lead paragraph as first line is not a headline', 'Het leger meldt dat de aanval is afgeslagen.\n', 'Het leger', 'markup.heading', false);
  expect('markdown-style heading', 'Eerste alinea.\n# Oekraïne in het defensief\n', 'Oekraïne in het defensief', 'markup.heading');
  expect('a line being typed is not a heading', 'Eerste alinea.\n\nDe strijd in Koe', 'De strijd', 'markup.heading', false);
  expect('sentence is not an intertitle', 'Eerste alinea.\n\nDe aanval is afgeslagen.\n', 'De aanval', 'markup.heading', false);
  // Datelines and captions.
  expect('NOS dateline', 'x.\nNOS Nieuws • vandaag, 16:55 Russen blijven terrein winnen in Koersk, 40 procent terugveroverd\n', 'NOS Nieuws • vandaag, 16:55', 'entity.name.tag.dateline');
  expect('headline after NOS dateline', 'x.\nNOS Nieuws • gisteren, 09:12 Russen blijven terrein winnen\n', 'Russen blijven', 'markup.heading');
  expect('city dateline', 'x.\nKYIV - De Oekraïense hoofdstad is opnieuw aangevallen.\n', 'KYIV', 'entity.name.tag.dateline');
  expect('city dateline with agency', 'x.\nDEN HAAG (ANP) - Het kabinet wil meer geld.\n', 'DEN HAAG (ANP)', 'entity.name.tag.dateline');
  expect('Getty caption', 'x.\nGetty Een Oekraïense militair bewaakt de grens met Rusland\n', 'Getty', 'entity.name.tag.credit');
  expect('caption text', 'x.\nReuters Een bordje aan de Oekraïense kant van de grens\n', 'Een bordje', 'comment.line.caption');
  expect('caption after date marker', ' date 2024-10 Getty Oekraïense militairen onderweg in de regio Koersk\n', 'Getty', 'entity.name.tag.credit');
  expect('carousel caption', 'x.\nSla de carrousel over Getty Bord richting Koersk\n', 'Getty', 'entity.name.tag.credit');
  expect('"Reuters meldt" is body text', 'x.\nReuters meldt dat de aanval is afgeslagen.\n', 'Reuters', 'entity.name.tag.credit', false);
  expect('date marker', ' date 2025-01 Het Oekraïense leger heeft een offensief gelanceerd.\n', '2025-01', 'constant.other.date');
  // Quotes.
  expect('curly quote', 'Hij zei: “Regio Koersk, goed nieuws”, schreef hij.', 'Regio Koersk', 'string.quoted.double');
  expect('straight double quote', 'Hij zei: "Koersk-regio, goed nieuws: Rusland krijgt wat het verdient", schrijft hij.', 'Rusland krijgt', 'string.quoted.double');
  expect('single curly quote', 'De ‘speciale militaire operatie’ duurt voort.', 'speciale militaire', 'string.quoted.single');
  expect('straight single quote', "Het was 'een ramp', zei hij.", 'een ramp', 'string.quoted.single');
  expect("zo'n is not a quote", "Zo'n 40 procent is terugveroverd door de Russen.", 'procent', 'string.quoted', false);
  expect("'s avonds is not a quote", "Het gebeurde 's avonds in de stad, niet 's ochtends.", 'avonds in', 'string.quoted', false);
  expect("auto's is not a quote", "Er stonden auto's en bussen, zei 'de burgemeester'.", "s en bussen", 'string.quoted', false);
  expect('zo’n inside ‘…’ does not close', 'Hij zei ‘zo’n tachtig dorpen’ terug te nemen.', 'tachtig', 'string.quoted.single');
  // Figures.
  expect('thousands separator', 'Er werden 1.300 vierkante kilometer veroverd.', '1.300', 'constant.numeric');
  expect('unit after figure', 'Er werden 1.300 vierkante kilometer veroverd.', 'vierkante kilometer', 'keyword.other.unit');
  expect('decimal comma + scale', 'Er wonen 2,5 miljoen mensen.', 'miljoen', 'constant.numeric.scale');
  expect("qualifier zo'n", "Zo'n 40 procent is terugveroverd.", "Zo'n", 'keyword.other.qualifier');
  expect('qualifier ruim', 'Nog eens ruim 10.000 mensen zijn geëvacueerd.', 'ruim', 'keyword.other.qualifier');
  expect('spelled numeral', 'Het ging om dertienhonderd vierkante kilometer.', 'dertienhonderd', 'constant.numeric');
  expect('spelled compound', 'Er vielen vijfentwintig doden.', 'vijfentwintig', 'constant.numeric');
  expect('één', 'Er is één dode gevallen.', 'één', 'constant.numeric');
  expect('article een is not a number', 'Er is een dode gevallen.', 'een', 'constant.numeric', false);
  expect('vieren is not a number', 'Ze vieren feest in Kyiv.', 'vieren', 'constant.numeric', false);
  expect('achten is not a number', 'Wij achten dat onwaarschijnlijk.', 'achten', 'constant.numeric', false);
  expect('goed without number is no qualifier', 'Dat is goed nieuws.', 'goed', 'keyword.other.qualifier', false);
  expect('F-16 is not a figure', 'Oekraïne krijgt F-16 toestellen.', '16', 'constant.numeric', false);
  expect('percent sign', 'De steun daalde tot 40% in oktober.', '%', 'keyword.other.unit');
  expect('euro sign', 'Het kost €2,5 miljard.', '€', 'keyword.other.unit.currency');
  expect('vague quantity', 'Honderden mensen sloegen op de vlucht.', 'Honderden', 'constant.numeric');
  expect('date', 'Op 6 augustus 2024 staken ze de grens over.', '6 augustus 2024', 'constant.other.date');
  expect('figure inside quote', '“We hebben 600 nederzettingen heroverd”, zei hij.', '600', 'constant.numeric');
  // Checked markers.
  expect('checked marker', 'Er vielen 40 doden. <!-- bronvast:checked 2025-01-06 fig:40 -->', 'bronvast:checked', 'keyword.other.checked');
  expect('checked marker comment', 'Er vielen 40 doden. <!-- bronvast:checked 2025-01-06 -->', '2025-01-06', 'comment.block.checked');

  let failed = 0;
  for (const c of checks) {
    const toks = tokenize(loaded, c.text);
    const ok = has(toks, c.fragment, c.scope) === c.want;
    if (!ok) {
      failed++;
      console.log(`FAIL ${c.name}: ${JSON.stringify(c.fragment)} ${c.want ? 'should' : 'should not'} be ${c.scope}; got ${JSON.stringify(scopeOf(toks, c.fragment))}`);
    }
  }
  console.log(`grammar: ${checks.length - failed}/${checks.length} checks passed`);
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(1); });
}
