// The README's Neovim snippet in the Neovim installed here (test/e2e/neovim.mjs); skipped with a
// message where there is none.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../../server/src/tools/lsp-client';

describe('Neovim with the README snippet', function () {
  this.timeout(150000);
  it('gets the conflict, a hover and a place completion', function () {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'test', 'e2e', 'neovim.mjs')], { encoding: 'utf8', timeout: 140000 });
    if (r.status === 77) { console.log(`      (${r.stdout.trim()})`); this.skip(); }
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^neovim \d+\.\d+ with the README's/m);
  });
});
