// The README's Neovim snippet in a real Neovim: the one for the version found (0.7–0.9 or 0.10+),
// taken from README.md as written (only /path/to/bronvast replaced), in a workspace with the
// sample archive and a draft with a known conflict. Neovim runs headless; a Lua probe waits for
// the diagnostics, asks for a hover and a completion, and writes what it got to a JSON file.
//
// Usage: node test/e2e/neovim.mjs            (NVIM=/path/to/nvim to pick another Neovim)
// Exits 0 when every check passes, 1 when one fails, 77 when no Neovim is installed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nvim = process.env.NVIM || 'nvim';
const v = spawnSync(nvim, ['--version'], { encoding: 'utf8' });
if (v.status !== 0) {
  console.log(`neovim: ${nvim} not found; skipped (apt-get install neovim, or NVIM=/path/to/nvim)`);
  process.exit(77);
}
const [, major, minor] = /NVIM v(\d+)\.(\d+)/.exec(v.stdout) ?? [];
const modern = Number(major) > 0 || Number(minor) >= 10;
if (!existsSync(join(root, 'dist', 'server.js'))) { console.error('dist/server.js missing: npm run build'); process.exit(1); }

// The snippet from the README, as a newcomer copies it.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const heading = modern ? 'Neovim 0.10+:' : 'Neovim 0.7 – 0.9';
const at = readme.indexOf(heading);
const block = at < 0 ? null : /```lua\n([\s\S]*?)```/.exec(readme.slice(at));
if (!block) { console.error(`README.md has no Lua snippet after "${heading}"`); process.exit(1); }
const snippet = block[1].replaceAll('/path/to/bronvast', root.replaceAll('\\', '/'));

const ws = mkdtempSync(join(tmpdir(), 'bronvast-nvim-'));
cpSync(join(root, 'samples', 'corpus'), join(ws, 'corpus'), { recursive: true });
const draft = "Het Oekraïense leger veroverde bij de inval in augustus zo'n 1500 vierkante kilometer Russisch grondgebied.\nIn het stadje Soedzja wordt gevochten.\nKurs\n";
writeFileSync(join(ws, 'draft.kopij'), draft);
const out = join(ws, 'result.json');
// The probe: wait for Bronvast's diagnostics, then hover "Soedzja" (line 2) and complete "Kurs" (line 3).
const probe = `
local out = ${JSON.stringify(out)}
local function finish(result)
  local f = io.open(out, 'w'); f:write(vim.fn.json_encode(result)); f:close()
  vim.cmd('qall!')
end
local result = { version = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) }
local tries = 0
local function step()
  tries = tries + 1
  local diags = vim.diagnostic.get(0)
  if #diags == 0 and tries < 600 then return vim.defer_fn(step, 100) end
  result.diagnostics = {}
  for _, d in ipairs(diags) do table.insert(result.diagnostics, { message = d.message, code = d.code, line = d.lnum, col = d.col }) end
  local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = 1, character = 16 } }
  local hover = vim.lsp.buf_request_sync(0, 'textDocument/hover', params, 10000) or {}
  for _, r in pairs(hover) do if r.result then result.hover = r.result.contents.value or r.result.contents end end
  params.position = { line = 2, character = 4 }
  local comp = vim.lsp.buf_request_sync(0, 'textDocument/completion', params, 10000) or {}
  result.completions = {}
  for _, r in pairs(comp) do
    local items = r.result and (r.result.items or r.result) or {}
    for _, it in ipairs(items) do table.insert(result.completions, it.label) end
  end
  finish(result)
end
vim.defer_fn(step, 200)
vim.defer_fn(function() finish({ timeout = true, version = result.version }) end, 90000)
`;
writeFileSync(join(ws, 'init.lua'), snippet);
writeFileSync(join(ws, 'probe.lua'), probe);
const r = spawnSync(nvim, ['--headless', '-n', '-i', 'NONE', '-u', join(ws, 'init.lua'), 'draft.kopij', '-c', 'luafile probe.lua'], {
  cwd: ws, encoding: 'utf8', timeout: 120000, env: { ...process.env, BRONVAST_CACHE_DIR: join(ws, '.cache'), XDG_STATE_HOME: join(ws, '.state'), XDG_DATA_HOME: join(ws, '.data') },
});
const checks = [];
const check = (name, ok, detail = '') => { checks.push(ok); console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : ': ' + detail}`); };
let result = null;
try { result = JSON.parse(readFileSync(out, 'utf8')); } catch { /* checked below */ }
console.log(`neovim ${result?.version ?? '?'} with the README's ${modern ? '0.10+' : '0.7–0.9'} snippet`);
check('neovim ran the snippet and the probe', !!result && !result.timeout, `exit ${r.status} ${r.stderr?.slice(0, 400) ?? ''}${r.stdout?.slice(0, 400) ?? ''}`);
if (result && !result.timeout) {
  const conflict = (result.diagnostics ?? []).find((d) => d.code === 'figure-conflict');
  check('the conflict diagnostic on line 1 cites the archive', !!conflict && conflict.line === 0 && /1300/.test(conflict.message), JSON.stringify(result.diagnostics));
  check('a hover on Soedzja shows its dossier', typeof result.hover === 'string' && /Soedzja/.test(result.hover) && /Koersk/.test(result.hover), String(result.hover).slice(0, 200));
  check('"Kurs" completes to Koersk', (result.completions ?? []).includes('Koersk'), JSON.stringify(result.completions));
}
rmSync(ws, { recursive: true, force: true });
process.exit(checks.every(Boolean) ? 0 : 1);
