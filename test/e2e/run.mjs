// End-to-end test in a real VS Code workbench (code-server + Debian's Chromium, driven by
// playwright-core), following /work/shared/notes/real-vscode-offline.md. It installs what it
// needs (install.mjs), installs the packaged bronvast.vsix (`npm run package`), opens a
// workspace with the sample archive and a draft with a known conflict, and checks what a
// journalist sees: the status bar, a hover dossier on a place, a place completion, the conflict
// diagnostic and a dossier from the command palette. Screenshots go to test-results/e2e-*.png.
// Talks only to 127.0.0.1. Exits non-zero when a check fails.
//
// The workbench runs in English: code-server switches vscode.env.language to Dutch only with a
// Dutch language pack installed, which cannot be downloaded here (a hand-made pack stopped the
// extension from loading). Dutch texts are checked by test/unit/client.test.ts and the server's tests.
//
// Usage: node test/e2e/run.mjs [--keep] [--vsix path]   (npm run test:e2e packages first)
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { install, root, codeServerEntry, chromiumPath } from './install.mjs';

const require = createRequire(import.meta.url);
const { createWorkspace, draftName } = require('../vscode/workspace.js');
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const vsixArg = args.indexOf('--vsix');
const vsix = vsixArg >= 0 ? args[vsixArg + 1] : join(root, 'bronvast.vsix');
// --extra-corpus FILE: also copy FILE (e.g. a .jsonl archive) into the workspace's corpus/, to
// see the extension on a newsroom-sized archive. The five sample articles stay.
const extraArg = args.indexOf('--extra-corpus');
const extraCorpus = extraArg >= 0 ? args[extraArg + 1] : undefined;
const resultsDir = join(root, 'test-results');
const TIMEOUT = Number(process.env.BRONVAST_E2E_TIMEOUT_MS ?? 90_000);

const results = [];
/** The code-server process group, stopped on exit and on SIGINT/SIGTERM (it runs detached). */
let codeServerPid;
function stopCodeServer() {
  if (codeServerPid === undefined) return;
  try {
    process.kill(-codeServerPid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  codeServerPid = undefined;
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stopCodeServer();
    process.exit(1);
  });
}
function check(name, ok, detail = '') {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}
const log = (m) => console.log(`[e2e] ${m}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, timeoutMs) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000} s`);
}

/** Screen rectangle of the first occurrence of `word` in the visible editor text. */
async function wordBox(page, word) {
  return page.evaluate((w) => {
    const lines = document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line, .monaco-editor .view-lines .view-line');
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        // Monaco renders spaces as U+00A0.
        const i = n.textContent.replace(/\u00a0/g, ' ').indexOf(w);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + w.length);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
    }
    return null;
  }, word);
}

async function hoverWord(page, word, settleMs = 600) {
  // Close any open hover first: move out of the editor (a big hover may cover the next word).
  await page.mouse.move(5, 450);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => ![...document.querySelectorAll('.monaco-hover-content')].some((e) => e.getBoundingClientRect().height > 0), null, { timeout: 5_000 }).catch(() => {});
  const box = await wordBox(page, word);
  if (!box) throw new Error(`"${word}" is not visible in the editor`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  await page.waitForTimeout(settleMs);
  return box;
}

/** Text of the visible hover(s); waits until the content has loaded. */
async function hoverText(page, timeoutMs) {
  const start = Date.now();
  let text = '';
  while (Date.now() - start < timeoutMs) {
    text = await page.evaluate(() =>
      [...document.querySelectorAll('.monaco-hover-content')]
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
        })
        .map((e) => e.innerText.trim())
        .join('\n')
        .trim(),
    );
    if (text && !/^(Loading|Laden)\b/.test(text)) return text;
    await page.waitForTimeout(250);
  }
  return text;
}

/** Waits until a webview frame (the Markdown preview is one) shows text matching `re`. */
async function frameText(page, re, timeoutMs) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const text = await frame.locator('body').innerText({ timeout: 1_000 }).catch(() => '');
      if (re.test(text)) return text;
    }
    await page.waitForTimeout(500);
  }
  return '';
}

async function shot(page, name) {
  const file = join(resultsDir, `e2e-${name}.png`);
  await page.screenshot({ path: file });
  log(`screenshot ${file}`);
  return file;
}

async function main() {
  install();
  // The grammar, tokenized by the same TextMate engine the workbench uses.
  const grammar = spawnSync(process.execPath, [join(root, 'test', 'e2e', 'grammar.mjs')], { encoding: 'utf8' });
  process.stdout.write(grammar.stdout);
  check('the Kopij grammar marks Dutch copy as expected', grammar.status === 0, (grammar.stdout.match(/grammar: .*/) ?? [''])[0]);
  if (!existsSync(vsix)) throw new Error(`${vsix} not found: run \`npm run package\` first (npm run test:e2e does)`);
  mkdirSync(resultsDir, { recursive: true });

  const runDir = mkdtempSync(join(tmpdir(), 'bronvast-e2e-'));
  const userData = join(runDir, 'user-data');
  const extensions = join(runDir, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'editor.hover.delay': 300,
        'editor.minimap.enabled': false,
        'editor.wordWrap': 'on',
        'chat.commandCenter.enabled': false,
        'workbench.colorTheme': 'Default Light Modern',
      },
      null,
      2,
    ),
  );

  // code-server writes a default config.yaml under XDG_CONFIG_HOME: keep it in the run folder.
  const env = { ...process.env, XDG_CONFIG_HOME: join(runDir, 'config'), XDG_DATA_HOME: join(runDir, 'data') };
  log(`installing ${vsix}`);
  const inst = spawnSync(process.execPath, [codeServerEntry, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix], { encoding: 'utf8', env });
  process.stdout.write(inst.stdout ?? '');
  process.stderr.write(inst.stderr ?? '');
  const listed = existsSync(join(extensions, 'extensions.json')) ? readFileSync(join(extensions, 'extensions.json'), 'utf8') : '';
  check('the .vsix installs into code-server', inst.status === 0 && /bronvast\.bronvast/i.test(listed), `exit ${inst.status}`);
  if (inst.status !== 0) throw new Error('extension install failed');

  const { dir: workspace } = createWorkspace('bronvast-e2e-ws-');
  if (extraCorpus) copyFileSync(extraCorpus, join(workspace, 'corpus', basename(extraCorpus)));
  const port = await freePort();
  const serverLog = join(resultsDir, 'e2e-code-server.log');
  const out = createWriteStream(serverLog);
  log(`starting code-server on 127.0.0.1:${port}, workspace ${workspace}, log ${serverLog}`);
  const cs = spawn(
    process.execPath,
    [codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env },
  );
  codeServerPid = cs.pid;
  cs.stdout.pipe(out);
  cs.stderr.pipe(out);

  let browser;
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
    log('workbench loaded');

    // Open the draft from the explorer.
    const item = page.locator('.explorer-folders-view .monaco-list-row', { hasText: draftName }).first();
    await item.waitFor({ timeout: TIMEOUT });
    await item.click();
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: TIMEOUT });
    await page.waitForFunction((name) => document.querySelector('.tab.active')?.textContent?.includes(name), draftName, { timeout: TIMEOUT });
    log('draft opened');

    // Status bar: the server has indexed the archive.
    const status = page.locator('.statusbar-item', { hasText: /Bronvast/ }).first();
    // Follow the status bar until the archive is indexed; keep the states seen on the way.
    let statusText = '';
    const seen = [];
    const deadline = Date.now() + TIMEOUT;
    while (Date.now() < deadline) {
      statusText = (await status.innerText().catch(() => '')).trim();
      if (statusText && seen[seen.length - 1] !== statusText) {
        seen.push(statusText);
        if (/Indexing/.test(statusText) && !seen.some((t, i) => i < seen.length - 1 && /Indexing/.test(t))) await shot(page, '0-indexing');
      }
      if (/Bronvast: \d+ articles?/.test(statusText)) break;
      await page.waitForTimeout(300);
    }
    log(`status bar: ${seen.map((t) => JSON.stringify(t)).join(' → ')}`);
    const indexed = Number((statusText.match(/Bronvast: (\d+) articles?/) ?? [])[1] ?? NaN);
    check('status bar shows the indexed archive', extraCorpus ? indexed > 5 : indexed === 5, JSON.stringify(statusText));
    const langText = (await page.locator('.statusbar-item[id="status.editor.mode"]').innerText().catch(() => '')).trim();
    check('the draft is in the Kopij language', /Kopij/i.test(langText), JSON.stringify(langText));
    await shot(page, '1-draft');

    // Hover a place: the dossier.
    let hover = '';
    for (let attempt = 0; attempt < 4 && !/Soedzja/.test(hover); attempt++) {
      await hoverWord(page, 'Soedzja', 800);
      hover = await hoverText(page, 15_000).catch(() => '');
    }
    await shot(page, '2-hover-place');
    check('hover on a place shows its dossier', /Soedzja/.test(hover) && hover.length > 40 && /Koersk/.test(hover) && /article/.test(hover), JSON.stringify(hover.slice(0, 300)));
    await page.keyboard.press('Escape');

    // The conflicting figure: a diagnostic, shown on hover and in the Problems panel.
    let diagHover = '';
    for (let attempt = 0; attempt < 4 && !/1\.?300/.test(diagHover); attempt++) {
      await hoverWord(page, '1500', 800);
      diagHover = await hoverText(page, 15_000).catch(() => '');
    }
    await shot(page, '3-hover-conflict');
    check('hover on the conflicting figure shows the archive figure', /1\.?300/.test(diagHover), JSON.stringify(diagHover.slice(0, 300)));
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel .monaco-list-row');
    let problemText = '';
    try {
      await problems.first().waitFor({ timeout: 20_000 });
      problemText = (await page.locator('.markers-panel').innerText()).trim();
    } catch {
      /* no problems listed */
    }
    await shot(page, '4-problems');
    check('Problems panel lists the conflict', /1\.?300|1500/.test(problemText), JSON.stringify(problemText.slice(0, 300)));
    await page.keyboard.press('Control+Shift+M');

    // Completion: type "Koe" on a new line and ask for suggestions.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('De strijd in Koe', { delay: 30 });
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.suggest-widget.visible .monaco-list-row');
    let suggestions = '';
    try {
      await suggest.first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(500);
      suggestions = (await page.locator('.suggest-widget.visible').innerText()).trim();
    } catch {
      /* no suggestions */
    }
    await shot(page, '5-completion');
    check('completion offers the archive place Koersk', /Koersk/.test(suggestions), JSON.stringify(suggestions.slice(0, 300)));
    await page.keyboard.press('Escape');

    // Word wrap: a long paragraph of figures wraps at spaces, never inside "50.000" or "2,5".
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('In de regio wonen 50.000 mensen en 2,5 miljoen dieren. '.repeat(24).trim());
    await page.waitForTimeout(800);
    const viewLines = await page.locator('.monaco-editor .view-lines .view-line').allInnerTexts();
    const wrapped = viewLines.map((l) => l.replace(/\u00a0/g, ' ').trim()).filter((l) => /mensen|dieren/.test(l));
    const split = wrapped.filter((l) => /^(000|5 miljoen)\b/.test(l) || /\b50\.$|\b2,$/.test(l));
    await shot(page, '5b-word-wrap');
    check('word wrap keeps 50.000 and 2,5 whole', wrapped.length > 1 && split.length === 0, JSON.stringify({ lines: wrapped.length, split: split.slice(0, 3) }));
    await page.keyboard.press('Control+Z');

    // A dossier from the command palette (quick pick over the places, then a Markdown preview).
    await page.keyboard.press('F1');
    await page.keyboard.type('Bronvast: Show place dossier', { delay: 20 });
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Koersk' }).first();
    let dossierShown = false;
    try {
      // The list is sorted by mentions; on a large archive Koersk is found by typing.
      await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ timeout: 20_000 });
      await page.keyboard.type('Koersk', { delay: 20 });
      await pick.waitFor({ timeout: 20_000 });
      await shot(page, '6-dossier-pick');
      await pick.click();
      await page.waitForFunction(() => [...document.querySelectorAll('.tab')].some((t) => /Koersk/.test(t.textContent ?? '')), null, { timeout: 20_000 });
      dossierShown = /Koersk[\s\S]*(mentioned|article)/.test(await frameText(page, /Koersk[\s\S]*(mentioned|article)/, 60_000));
    } catch {
      /* no quick pick or no preview */
    }
    await shot(page, '7-dossier');
    check('the dossier command shows a place dossier', dossierShown);

    // Follow a source link in the dossier preview (a webview frame): the archive article opens.
    let opened = '';
    try {
      let link;
      for (const frame of page.frames()) {
        const a = frame.locator('a[href*=".txt"]');
        if ((await a.count()) > 0) {
          link = a.first();
          break;
        }
      }
      if (link) {
        await link.click();
        await page.waitForFunction(() => /\.txt/.test(document.querySelector('.tab.active')?.textContent ?? ''), null, { timeout: 20_000 });
        await page.waitForTimeout(1000);
        opened = (await page.locator('.tab.active').innerText()).trim();
        opened += ' ' + (await page.locator('.statusbar-item[id="status.editor.selection"]').innerText().catch(() => '')).trim();
      }
    } catch {
      /* not opened */
    }
    await shot(page, '8-source');
    check('a source link in the dossier opens the archive article', /^\d{3}_[0-9a-f]+\.txt/.test(opened), JSON.stringify(opened));

    // The status bar item opens the archive summary.
    let summary = false;
    try {
      await page.locator('.statusbar-item', { hasText: /Bronvast:/ }).first().click();
      await page.waitForFunction(() => [...document.querySelectorAll('.tab')].some((t) => /Archive summary/.test(t.textContent ?? '')), null, { timeout: 20_000 });
      // The summary counts the indexed articles, as the status bar does.
      summary = (await frameText(page, new RegExp(`\\b(${indexed}|${indexed.toLocaleString('en').replace(',', '\\,')}|${indexed.toLocaleString('nl').replace('.', '\\.')})\\b`), 60_000)) !== '';
    } catch {
      /* no summary */
    }
    await shot(page, '9-summary');
    check('clicking the status bar shows the archive summary with the article count', summary);
  } finally {
    if (browser) await browser.close().catch(() => {});
    stopCodeServer();
    if (!keep) rmSync(runDir, { recursive: true, force: true });
    if (!keep) rmSync(workspace, { recursive: true, force: true });
  }
}

main().then(
  () => {
    const failed = results.filter((r) => !r.ok);
    console.log(`\ne2e: ${results.length - failed.length}/${results.length} checks passed; screenshots in test-results/`);
    process.exit(failed.length === 0 ? 0 : 1);
  },
  (e) => {
    console.error(`e2e FAILED: ${e instanceof Error ? e.stack : e}`);
    process.exit(1);
  },
);
