// The place facts an archive holds between updates, packed (archive/held.ts): the same bytes read
// back, groups within one file, learning from packed entries the same plan as from plain ones,
// and an archive that packs after a build and still learns the same on an update.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeText } from '../../server/src/facts/analyze';
import { encodeAnalysis, placeFactBytes } from '../../server/src/corpus/worker';
import { HeldReader, heldBytes, packHeld, type Holder } from '../../server/src/archive/held';
import { learn } from '../../server/src/archive/learning';
import { Archive } from '../../server/src/archive';
import { ROOT } from '../../server/src/tools/lsp-client';

describe('archive/held: place facts packed between updates', function () {
  this.timeout(60000);
  const corpus = path.join(ROOT, 'samples', 'corpus');
  const texts = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(corpus, f), 'utf8'));
  const bytes = texts.map((t) => placeFactBytes(encodeAnalysis(analyzeText(t, null))));
  // Two files' worth of entries, as an archive holds them (by article id).
  const make = () => new Map(bytes.map((b, i) => [`art-${String(i).padStart(3, '0')}`, { file: i % 2 ? 'b.jsonl' : 'a.jsonl', hash: `h${i}`, placeFacts: b } as Holder & { hash: string }]));

  it('reads back every entry\'s bytes exactly, smaller, in groups that never span two files', async () => {
    const entries = make();
    const before = heldBytes(entries.values());
    assert.equal(before.packed, 0);
    // (Alternating files: no two neighbours share a file, so every entry is a group of its own.)
    assert.equal(await packHeld(entries.values()), entries.size);
    const after = heldBytes(entries.values());
    assert.equal(after.plain, 0);
    const reader = new HeldReader();
    [...entries.values()].forEach((e, i) => assert.ok(reader.read(e.placeFacts).equals(bytes[i]), `entry ${i}`));
    // One file's entries in a row share groups, and compress better together.
    const oneFile = new Map([...make()].map(([id, e]) => [id, { ...e, file: 'a.jsonl' }]));
    await packHeld(oneFile.values());
    const groups = new Set([...oneFile.values()].map((e) => (e.placeFacts as { group: object }).group));
    assert.ok(groups.size < oneFile.size / 2, `${groups.size} groups for ${oneFile.size} entries`);
    assert.ok(heldBytes(oneFile.values()).packed < before.plain / 2, `${heldBytes(oneFile.values()).packed} of ${before.plain} bytes`);
    [...oneFile.values()].forEach((e, i) => assert.ok(new HeldReader().read(e.placeFacts).equals(bytes[i]), `entry ${i}`));
    // Packing what is packed changes nothing.
    assert.equal(await packHeld(oneFile.values()), 0);
  });

  it('an entry replaced while packing keeps its new bytes', async () => {
    const entries = make();
    const first = entries.get('art-000')!;
    const packing = packHeld(entries.values());
    first.placeFacts = bytes[1];
    await packing;
    assert.equal(first.placeFacts, bytes[1]);
  });

  it('learning from packed entries gives the plan plain entries give', async () => {
    const log = (m: string) => { throw new Error(`unexpected log: ${m}`); };
    const plain = make();
    const packed = new Map([...make()].map(([id, e]) => [id, { ...e, file: 'a.jsonl' }]));
    await packHeld(packed.values());
    const a = await learn(plain, log), b = await learn(packed, log);
    assert.ok(a.plan.learned.length >= 5);
    assert.deepEqual(b.plan, a.plan);
    // The worker path reads the same bytes too.
    let seen: Buffer[] = [];
    await learn(packed, log, { minForWorker: 0, inWorker: async (bs) => { seen = bs; return null; } });
    assert.deepEqual(seen.map((x) => x.toString('base64')), [...plain.keys()].sort().map((id) => plain.get(id)!.placeFacts.toString('base64')));
  });

  it('an archive that is kept packs after its build and learns the same names on an update', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-held-'));
    try {
      for (const f of fs.readdirSync(corpus)) fs.copyFileSync(path.join(corpus, f), path.join(dir, f));
      // (A command that ends after one run does not pack: it would only wait for it.)
      const once = new Archive({ paths: [dir], baseDir: dir, cacheDir: null, workers: 0 });
      await once.build();
      await once.whenPacked();
      const onceState = (once as unknown as { state: { entries: Map<string, Holder> } }).state;
      assert.equal(heldBytes(onceState.entries.values()).packed, 0);
      const archive = new Archive({ paths: [dir], baseDir: dir, cacheDir: null, workers: 0, packHeld: true });
      const built = await archive.build();
      await archive.whenPacked();
      const state = (archive as unknown as { state: { entries: Map<string, Holder> } }).state;
      assert.equal(heldBytes(state.entries.values()).plain, 0, 'every entry packed');
      const places = [...archive.index.places.values()].map((p) => `${p.id}:${p.name}:${p.kind}:${p.parent}`).sort();
      // A new article: the update learns again from every entry's (packed) place facts.
      const added = path.join(dir, 'zz-nieuw.txt');
      fs.writeFileSync(added, 'Soedzja, 20 augustus 2024 - In Soedzja, een stadje in de oblast Koersk, vielen volgens de gouverneur zeker drie doden.\n');
      const r = await archive.update([{ file: added, type: 'created' }]);
      assert.equal(r.mode, 'incremental');
      assert.equal(r.articles, built.articles + 1);
      assert.deepEqual([...archive.index.places.values()].map((p) => `${p.id}:${p.name}:${p.kind}:${p.parent}`).sort(), places);
      await archive.whenPacked();
      assert.equal(heldBytes(state.entries.values()).plain, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
