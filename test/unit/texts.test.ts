// The cited sentences of a kept archive, in a spool file (facts/texts.ts): read back exactly, in
// any number and script; nothing left in the folder; an archive that spools cites the same
// sentences as one that holds them, after a build and after an update; a folder that cannot take a
// file, or a write that fails, loses nothing; a dossier asked for a few sentences gives the first few.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextSpool } from '../../server/src/facts/texts';
import { buildDossier } from '../../server/src/facts/dossier';
import { Archive } from '../../server/src/archive';
import type { FactIndex } from '../../server/src/facts/index';
import { ROOT } from '../../server/src/tools/lsp-client';

const UKRAINE = path.join(ROOT, '..', 'shared', 'eval', 'archive-ukraine');

/** Every claim's and place fact's sentence, by article, in index order. */
function cited(index: FactIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [id, af] of index.byArticle) out.set(id, [...af.claims.map((c) => c.sentence), ...af.facts.map((f) => f.fact.sentence)]);
  return out;
}

describe('facts/texts: cited sentences in a spool file', function () {
  this.timeout(120000);
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-texts-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads back every article\'s sentences exactly, written or still gathered, and leaves no file behind', () => {
    const spool = TextSpool.create(dir)!;
    assert.ok(spool);
    if (process.platform !== 'win32') assert.deepEqual(fs.readdirSync(dir), []);
    // ~3 MB: several chunks written, the last still gathered; more articles than the memo holds.
    const lists: string[][] = [];
    for (let i = 0; i < 3000; i++) {
      lists.push([
        `In Pokrovsk woonden voor de oorlog zo'n ${60000 + i} mensen; nu nog ${i}.`,
        'Kyiv’s „bevrijding” — 1.300 km² ‘terugveroverd’ 🇺🇦',
        'x'.repeat(900 + (i % 7)),
      ]);
    }
    // An article longer than a chunk, and one whose text holds the separator (a NUL in a JSONL record).
    lists.splice(1500, 0, ['Lang verslag: ' + 'Charkiv en Kharkiv, '.repeat(20000)], ['voor\u0000na', 'tweede']);
    const handles = lists.map((l) => spool.put(l));
    assert.ok(spool.size > 2_700_000, `${spool.size} bytes`);
    lists.forEach((l, i) => l.forEach((s, j) => assert.equal(handles[i].at(j), s, `article ${i}, sentence ${j}`)));
    // In reverse, past the memo: read from the file again.
    for (let i = lists.length - 1; i >= 0; i -= 97) assert.equal(handles[i].at(0), lists[i][0]);
    assert.equal(handles[0].at(7), '', 'an index past the list is empty, not an error');
    spool.close();
  });

  it('a write that fails keeps what was gathered, and what comes after, in memory', () => {
    const logs: string[] = [];
    const spool = TextSpool.create(dir, (m) => logs.push(m))!;
    const first = spool.put(['Soedzja telde zo\'n 5000 inwoners.']);
    // The file goes away under it (a full disk, an unmounted folder): the next write fails.
    fs.closeSync((spool as unknown as { handle: { fd: number } }).handle.fd);
    spool.flush();
    assert.match(logs.join('\n'), /spool failed/);
    const later = spool.put(['Koersk ligt 100 kilometer van de grens.']);
    assert.equal(first.at(0), 'Soedzja telde zo\'n 5000 inwoners.');
    assert.equal(later.at(0), 'Koersk ligt 100 kilometer van de grens.');
  });

  it('removes the spool a process that ended left behind, never a running one\'s', () => {
    // (Where an open file cannot be unlinked, Windows, a crashed server leaves its spool.)
    const dead = path.join(dir, 'sentences-4194303-0badf00d.spool'), running = path.join(dir, `sentences-${process.ppid}-0badf00d.spool`);
    const other = path.join(dir, 'facts.cache');
    for (const f of [dead, running, other]) fs.writeFileSync(f, 'x');
    TextSpool.create(dir)!.close();
    assert.equal(fs.existsSync(dead), false);
    assert.equal(fs.existsSync(running), true);
    assert.equal(fs.existsSync(other), true);
  });

  it('a folder that cannot take a file gives no spool and says why', () => {
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, '');
    const logs: string[] = [];
    assert.equal(TextSpool.create(path.join(file, 'sub'), (m) => logs.push(m)), null);
    assert.match(logs[0], /sentences kept in memory, no spool file in/);
  });

  it('an archive that spools cites what one that holds them cites, after a build and after an update', async function () {
    if (!fs.existsSync(UKRAINE)) this.skip();
    const corpus = path.join(dir, 'corpus');
    fs.cpSync(UKRAINE, corpus, { recursive: true });
    const held = new Archive({ paths: [corpus], baseDir: dir, cacheDir: null, workers: 0 });
    const spooled = new Archive({ paths: [corpus], baseDir: dir, cacheDir: path.join(dir, 'cache'), spoolSentences: true, workers: 0 });
    await held.build();
    await spooled.build();
    const a = cited(held.index), b = cited(spooled.index);
    assert.ok([...a.values()].flat().length > 300, 'the archive cites sentences');
    assert.deepEqual(b, a);
    // Nothing but the caches in the cache folder: the spool is unlinked while open.
    if (process.platform !== 'win32') assert.deepEqual(fs.readdirSync(path.join(dir, 'cache')).filter((f) => f.includes('spool')), []);
    // An update appends to the same spool; the other articles' sentences still read.
    const file = path.join(corpus, fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()[0]);
    fs.appendFileSync(file, '\nIn Koersk zijn volgens het ministerie ruim 2000 mensen geëvacueerd.\n');
    await held.update([{ file, type: 'changed' }]);
    await spooled.update([{ file, type: 'changed' }]);
    const c = cited(held.index), d = cited(spooled.index);
    assert.deepEqual(d, c);
    assert.ok([...d.values()].flat().some((s) => s.includes('ruim 2000 mensen geëvacueerd')));
    // A dossier asked for two key sentences gives the first two of the whole list.
    const id = spooled.index.resolve('Koersk')!;
    const all = buildDossier(spooled.index, id)!, two = buildDossier(spooled.index, id, undefined, { sentences: 2 })!;
    assert.ok(all.sentences.length > 2);
    assert.deepEqual(two.sentences, all.sentences.slice(0, 2));
    assert.deepEqual(all.sentences, buildDossier(held.index, held.index.resolve('Koersk')!)!.sentences);
  });
});
