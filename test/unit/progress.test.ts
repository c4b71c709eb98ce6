// The command line's progress line: what it says, and that it says nothing off a terminal.

import assert from 'node:assert/strict';
import { progressLine, progressText } from '../../server/src/cli/progress';

describe('progress line', () => {
  it('says articles, the pass, MB/s and the time left, in Dutch and English', () => {
    assert.equal(progressText('nl', 1204, 2871, 'analyse', 3.42, 72), '[###·········] 1.204/2.871 artikelen · lezen 1/2 · 3,4 MB/s · nog 1:12');
    assert.equal(progressText('en', 2871, 2871, 'recognise', 2.6, null), '[############] 2,871/2,871 articles · recognising 2/2 · 2.6 MB/s');
    assert.equal(progressText('nl', 0, 0, 'analyse', null, null), '[············] 0/0 artikelen · lezen 1/2');
  });

  it('writes to a terminal, and nothing to a pipe or a file', () => {
    const written: string[] = [];
    const fake = (isTTY: boolean) => ({ isTTY, columns: 200, write: (s: string) => { written.push(s); return true; } }) as unknown as NodeJS.WriteStream;
    let now = 0;
    const off = progressLine(fake(false), 'nl', () => now);
    off.update(1, 2, { phase: 'analyse', chars: 10 });
    off.end();
    assert.deepEqual(written, []);
    const on = progressLine(fake(true), 'en', () => now);
    now = 2000;
    on.update(50, 100, { phase: 'analyse', chars: 4_000_000 });
    // 2 s for half of pass 1: 2 s more for it, and about 4 s for pass 2.
    assert.equal(written.pop(), '\r[###·········] 50/100 articles · reading 1/2 · 2.0 MB/s · left 0:06\x1b[K');
    on.end();
    assert.equal(written.pop(), '\r\x1b[K', 'the line is cleared before the output');
  });
});
