// Which spelling of a place the journalist sees: the house style, the archive's majority, or a
// spelling fixed in the settings.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Archive } from '../../server/src/archive';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples', 'corpus');

async function nameOf(spelling: string, options: Partial<ConstructorParameters<typeof Archive>[0]> = {}): Promise<string | undefined> {
  const a = new Archive({ paths: [SAMPLES], baseDir: process.cwd(), cacheDir: null, workers: 0, ...options });
  await a.build();
  const id = a.index.resolve(spelling);
  assert.ok(id, `${spelling} is a known place`);
  return a.index.place(id!)?.name;
}

describe('house style of place names', function () {
  this.timeout(30000);
  it('NOS style by default: Ukrainian places from Ukrainian (Loehansk, although the samples write Luhansk more often)', async () => {
    assert.equal(await nameOf('Luhansk'), 'Loehansk');
  });
  it('archive-majority: the spelling the archive uses most', async () => {
    assert.equal(await nameOf('Loehansk', { houseStyle: 'archive-majority' }), 'Luhansk');
  });
  it('a spelling fixed in the settings wins over both', async () => {
    assert.equal(await nameOf('Luhansk', { houseStyle: 'archive-majority', houseSpellings: { Luhansk: 'Loegansk' } }), 'Loegansk');
  });
});
