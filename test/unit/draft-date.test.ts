// A draft's present: --date, a leading " date" line, else today — or an old snapshot's last day.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { draftDateOf } from '../../server/src/core/text';
import { Archive } from '../../server/src/archive';
import { DraftAnalyzer } from '../../server/src/facts/draft';

describe("a draft's present", function () {
  this.timeout(60000);
  it('a leading date line gives the day', () => {
    assert.equal(draftDateOf(' date 2025-11-25\nKop'), '2025-11-25');
    assert.equal(draftDateOf('date 2024-08\n'), '2024-08-15');
    assert.equal(draftDateOf(' date 2024-13-01\n'), null);
    assert.equal(draftDateOf('In augustus 2024 veroverde …'), null);
  });
  it('"vorig jaar" resolves against the date line', async () => {
    const archive = new Archive({ paths: [path.resolve(__dirname, '..', '..', 'samples', 'corpus')], baseDir: process.cwd(), cacheDir: null, workers: 0 });
    await archive.build();
    const a = new DraftAnalyzer(archive.index).analyze(' date 2025-11-25\nIn augustus vorig jaar veroverde Oekraïne in de regio Koersk zo\'n 1300 vierkante kilometer.')!;
    assert.equal(a.verdicts[0].ctx.quantity.when.from, '2024-08-01');
    // Without one, a draft against an archive that ended long ago is read as written at its end.
    const b = new DraftAnalyzer(archive.index).analyze('In augustus veroverde Oekraïne in de regio Koersk zo\'n 1300 vierkante kilometer.')!;
    assert.equal(b.verdicts[0].ctx.quantity.when.from, '2024-08-01');
    assert.equal(b.verdicts[0].verdict, 'consistent');
  });
});
