// Runs the editor tests (test/vscode/suite) inside a real VS Code with @vscode/test-electron.
// That needs a VS Code build: one on disk (VSCODE_EXECUTABLE=/path/to/code or an earlier
// download in .vscode-test/), or a download from update.code.visualstudio.com. Where neither
// is possible (machines without internet) this prints that the tests were SKIPPED and why, and
// exits 0; test/e2e/run.mjs then covers the same scenarios in code-server.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { createWorkspace, root } = require('./workspace');

const DOWNLOAD_TIMEOUT_MS = Number(process.env.BRONVAST_VSCODE_DOWNLOAD_TIMEOUT_MS ?? 120_000);

function skip(reason) {
  console.log('');
  console.log('test:vscode SKIPPED — no VS Code build available.');
  console.log(`  reason: ${reason}`);
  console.log('  These tests need a VS Code build; set VSCODE_EXECUTABLE to a local `code` binary, or run');
  console.log('  where update.code.visualstudio.com is reachable. `npm run test:e2e` runs the same');
  console.log('  scenarios in code-server, which works offline.');
  process.exit(0);
}

async function obtainVSCode(testElectron) {
  if (process.env.VSCODE_EXECUTABLE) {
    if (!fs.existsSync(process.env.VSCODE_EXECUTABLE)) throw new Error(`VSCODE_EXECUTABLE does not exist: ${process.env.VSCODE_EXECUTABLE}`);
    return process.env.VSCODE_EXECUTABLE;
  }
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`download did not finish within ${DOWNLOAD_TIMEOUT_MS / 1000} s`)), DOWNLOAD_TIMEOUT_MS);
  });
  try {
    // Reuses a build in .vscode-test/ when one is there; otherwise downloads 'stable'.
    return await Promise.race([testElectron.downloadAndUnzipVSCode({ version: process.env.BRONVAST_VSCODE_VERSION ?? 'stable', cachePath: path.join(root, '.vscode-test') }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function main() {
  const testElectron = require('@vscode/test-electron');
  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await obtainVSCode(testElectron);
  } catch (e) {
    skip(e instanceof Error ? e.message : String(e));
    return;
  }
  if (!fs.existsSync(path.join(root, 'dist', 'extension.js')) || !fs.existsSync(path.join(root, 'dist', 'server.js'))) {
    console.error('dist/extension.js or dist/server.js is missing: run `npm run build` first.');
    process.exit(1);
  }
  const { dir } = createWorkspace();
  console.log(`VS Code: ${vscodeExecutablePath}\nworkspace: ${dir}`);
  try {
    const code = await testElectron.runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      extensionTestsEnv: { BRONVAST_TEST_WORKSPACE: dir },
      launchArgs: [dir, '--disable-extensions', '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust', '--locale', process.env.BRONVAST_TEST_LOCALE ?? 'en'],
    });
    process.exit(code ?? 0);
  } catch (e) {
    console.error(`test:vscode FAILED: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
