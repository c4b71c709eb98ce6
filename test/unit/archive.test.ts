import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as v8 from 'node:v8';
import { Archive } from '../../server/src/archive';
import { readArticles, discoverFiles } from '../../server/src/corpus/read';
import { describeSkipped } from '../../server/src/corpus/skips';
import { analyzeText } from '../../server/src/facts/analyze';
import { articleFacts, computeFacts, FactIndex } from '../../server/src/facts/index';
import { PlaceLexicon, planLearned } from '../../server/src/dutch/places';
import { buildLexicon, decodeAnalysis, decodeFacts, decodePlaceFacts, encodeAnalysis, encodeFacts, encodePlaceFacts, decodePlaceFactBytes } from '../../server/src/corpus/worker';
import { benchmarkTexts, sampleTexts } from './news-texts';
import type { Article } from '../../server/src/corpus/types';
import type { PlaceFact } from '../../server/src/dutch/types';

// Our own Dutch articles: a strong place fact in one file teaches a name that another file uses bare.
const ARTICLES: Record<string, string> = {
  'noord/drenthe.txt': "Het dorpje Kleinhoven in de provincie Drenthe telt ruim 1.200 inwoners. Volgens de gemeente zijn er sinds januari 35 nieuwe woningen gebouwd.\n\nIn Assen, op zo'n 20 kilometer van Kleinhoven, staat het provinciehuis.",
  'noord/protest.txt': "De bewoners van Kleinhoven protesteerden dinsdag tegen de komst van een windpark. Zo'n 300 mensen kwamen naar het gemeentehuis in Assen.",
  'oost/oekraine.md': "---\ntitle: Offensief bij Koersk\ndate: 2025-01-05\n---\nOekraïense troepen zijn een nieuw offensief begonnen in de Russische regio Koersk. Volgens Kyiv gaat het om bijna 2000 militairen.\n\nIn Charkiv vielen bij een aanval op een woonwijk 3 doden.",
  'oost/draad.jsonl': [
    { id: 'a1', title: 'Gas', date: '2024-11-02', text: 'De gasprijs steeg in november met ruim 12 procent. In Groningen ligt de gaswinning sinds 2024 stil.' },
    { id: 'a2', title: 'Kiev', date: '2024-12-01', text: 'In Kiev viel maandagavond de stroom uit in 40.000 huishoudens. Ook in Charkov was het donker.' },
  ].map((r) => JSON.stringify(r)).join('\n') + '\n',
};

function writeCorpus(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
}

/** A comparable picture of an index: places with their aggregates, every mention, every claim. */
function snapshot(index: FactIndex) {
  const places = [...index.places.values()].map((p) => ({
    id: p.id, name: p.name, kind: p.kind, parent: p.parent, mentions: p.mentions.length, articles: p.articles.size,
    facts: p.facts.map((f) => [f.kind, f.parent, f.sentence, f.source.article.id, f.source.line, f.source.character]),
    claims: p.claims.map((c) => [c.figure.text, c.source.article.id, c.source.line, c.source.character]),
  })).sort((a, b) => (a.id < b.id ? -1 : 1));
  const articles = [...index.byArticle.values()].map((af) => ({
    id: af.article.id, label: af.article.label,
    mentions: af.mentions.map((m, i) => [m.text, m.start, m.end, m.line, m.character, af.placeIds[i]]),
    claims: af.claims.map((c) => [c.figure.text, c.figure.value, c.ctx.quantity.where.place, c.sentence, c.source.line, c.source.character]),
  }));
  return { places, articles, claims: index.claims.length };
}

/** The obvious way to build the index, one article after another: what the archive must equal. */
async function reference(root: string): Promise<FactIndex> {
  const { files } = await discoverFiles([root], root);
  const articles: Article[] = [];
  for (const f of files) articles.push(...(await readArticles(f, root)).articles);
  const analyses = articles.map((a) => analyzeText(a.text, a.date));
  const lex = PlaceLexicon.load();
  const order = articles.map((a, i) => i).sort((x, y) => (articles[x].id < articles[y].id ? -1 : 1));
  lex.addLearned(order.flatMap((i) => analyses[i].placeFacts));
  const index = new FactIndex(lex);
  articles.forEach((a, i) => index.set(articleFacts(a, analyses[i], lex)));
  index.rebuild();
  return index;
}

describe('corpus/worker encoding', () => {
  it('place facts with name-keyed records survive encoding, and decoding them leaves object shapes shared', function () {
    this.timeout(30000);
    // Run in a fresh process: whether V8 still shares hidden classes depends on everything the
    // process decoded before, and other tests learn place facts (with such records) too.
    const worker = path.join(__dirname, '..', '..', 'server', 'src', 'corpus', 'worker.ts');
    const script = `
      const v8 = require('node:v8');
      const w = require(${JSON.stringify(worker)});
      const same = new Function('a', 'b', 'return %HaveSameMap(a, b)');
      const names = (i) => ({ ['Trump' + i]: 2, ['Shell' + (i * 7 % 4000)]: 1, ['Rutte' + (i % 997)]: 3 });
      const facts = [];
      for (let i = 0; i < 4000; i++) facts.push({ name: 'Soedzja', start: i, end: i + 7, kind: 'stadje', parent: 'Koersk', parentKind: 'regio', near: null, distanceKm: null, sentenceStart: 0, sentenceEnd: 40, strength: 'strong' },
        { name: '', start: 0, end: 0, kind: null, parent: null, parentKind: null, near: null, distanceKm: null, sentenceStart: 0, sentenceEnd: 0, strength: 'weak', otherUses: names(i) });
      const back = w.decodePlaceFactBytes(w.encodePlaceFacts(facts));
      const ok1 = back.length === facts.length && back[7].otherUses['Trump3'] === 2 && back[7].otherUses['Rutte3'] === 3 && Object.keys(back[7].otherUses).length === 3 && back[6].parent === 'Koersk';
      let n = 0; for (const f of back) if (f.otherUses) for (const k in f.otherUses) n += f.otherUses[k];
      const fig = (i) => ({ text: i + ' doden', start: i, end: i + 8, value: i, qualifier: null, unit: null, dimension: 'count', counted: 'dode', countedText: 'doden' });
      const bytes = v8.serialize([fig(1), fig(2)]);
      const a = v8.deserialize(bytes), b = v8.deserialize(bytes);
      process.stdout.write(JSON.stringify({ ok1, n, shared: same(a[0], b[1]) }));`;
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '-r', 'tsx/cjs', '-e', script], { encoding: 'utf8', cwd: path.join(__dirname, '..', '..') });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.ok1, true, 'facts and their records come back');
    assert.equal(out.n, 4000 * 6, 'every count of every record');
    assert.equal(out.shared, true, 'objects decoded afterwards still share their hidden class');
  });

  it('the analyses of real articles come back identical from their encoding, the records of other uses of names included', function () {
    this.timeout(60000);
    const texts = [...sampleTexts(), ...(benchmarkTexts() ?? []).slice(0, 400)];
    let records = 0, keys = 0;
    for (const t of texts) {
      const a = analyzeText(t, '2024-11-02');
      const bytes = encodeAnalysis(a);
      const back = decodePlaceFacts(bytes);
      assert.deepEqual(back, a.placeFacts);
      back.forEach((f, i) => {
        const o = a.placeFacts[i];
        assert.deepEqual(Object.keys(f), Object.keys(o), 'key order');
        if (!f.otherUses) return;
        records++;
        keys += Object.keys(f.otherUses).length + Object.keys(f.partUses ?? {}).length;
        assert.deepEqual(Object.keys(f.otherUses), Object.keys(o.otherUses!), 'record key order');
        assert.deepEqual(Object.keys(f.partUses ?? {}), Object.keys(o.partUses ?? {}), 'record key order');
      });
      const forPass2 = decodeAnalysis(bytes);
      assert.deepEqual(forPass2.figures, a.figures);
      assert.deepEqual(forPass2.times, a.times);
      assert.deepEqual(forPass2.placeFacts, a.placeFacts.filter((f) => !f.otherUses && !f.partUses));
    }
    assert.ok(records >= 5 && keys > 20, `records ${records}, keys ${keys}`);
  });

  it('place-fact records that are empty, or have numeric or odd keys, survive encoding', () => {
    const base = { name: '', start: 0, end: 0, kind: null, parent: null, parentKind: null, near: null, distanceKm: null, sentenceStart: 0, sentenceEnd: 0, strength: 'weak' as const };
    const facts: PlaceFact[] = [
      { ...base, otherUses: { 'Den Haag': 2, '2019': 1, 'A\u0001B': 3 }, partUses: {} },
      { ...base, otherUses: {}, partUses: { Trump: 1, "Trump's": 4 } },
      { ...base, name: 'Soedzja', start: 3, end: 10 },
    ];
    const back = decodePlaceFactBytes(encodePlaceFacts(facts));
    // (The decoded records are prototype-less dictionaries: compared as plain objects.)
    const plain = (f: object) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v !== null && typeof v === 'object' ? { ...v } : v]));
    assert.deepEqual(back.map(plain), facts.map(plain));
    assert.deepEqual(Object.keys(back[0].otherUses!), ['2019', 'Den Haag', 'A\u0001B']);
    assert.equal(Object.getPrototypeOf(back[1].partUses!), null, 'a dictionary without a prototype');
  });

  it('the facts of real articles come back identical, key order included, from their compact encoding', function () {
    this.timeout(60000);
    const texts = [...sampleTexts(), ...(benchmarkTexts() ?? []).slice(0, 400)];
    const analyses = texts.map((t) => analyzeText(t, '2024-11-02'));
    const lex = buildLexicon({ plan: planLearned(analyses.flatMap((a) => a.placeFacts)), houseSpellings: {} });
    let claims = 0, optional = 0, times = 0, compact = 0, plain = 0;
    for (let i = 0; i < texts.length; i++) {
      const f = computeFacts(texts[i], i % 2 === 0, analyses[i], lex);
      const bytes = encodeFacts(f);
      compact += bytes.length;
      plain += v8.serialize(f).length;
      const back = decodeFacts(bytes);
      assert.deepStrictEqual(back, f);
      assert.equal(JSON.stringify(back), JSON.stringify(f), 'same key order');
      claims += f.claims.length;
      for (const c of f.claims) { if ('qualifierKind' in c.figure || 'countedInherited' in c.figure) optional++; if (c.ctx.quantity.when.basis === 'explicit') times++; }
    }
    assert.ok(claims > 20 && optional > 0 && times > 0, `claims ${claims}, with optional figure fields ${optional}, with a time ${times}`);
    assert.ok(compact < plain * 0.8, `claims travel as tuples: ${compact} against ${plain} bytes as objects`);
  });

  it('a claim with a field the encoding does not know travels as it is', () => {
    const texts = sampleTexts();
    const analyses = texts.map((t) => analyzeText(t, null));
    const lex = buildLexicon({ plan: planLearned(analyses.flatMap((a) => a.placeFacts)), houseSpellings: {} });
    const f = computeFacts(texts[0], true, analyses[0], lex);
    assert.ok(f.claims.length >= 2);
    (f.claims[0].figure as unknown as Record<string, unknown>).bron = 'NOS';
    (f.claims[1].ctx as unknown as Record<string, unknown>).extra = [1, 2];
    const back = decodeFacts(encodeFacts(f));
    assert.deepStrictEqual(back, f);
    assert.equal((back.claims[0].figure as unknown as Record<string, unknown>).bron, 'NOS');
    // An optional field present with the value undefined stays present.
    const g = computeFacts(texts[0], true, analyses[0], lex);
    (g.claims[0].figure as unknown as Record<string, unknown>).qualifierKind = undefined;
    const gb = decodeFacts(encodeFacts(g));
    assert.ok('qualifierKind' in gb.claims[0].figure);
    assert.deepStrictEqual(gb, g);
  });
});

describe('archive: build, warm start and incremental update', function () {
  this.timeout(60000);
  let root: string;
  let cache: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-arch-'));
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-arch-cache-'));
    writeCorpus(root, ARTICLES);
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(cache, { recursive: true, force: true });
  });

  const open = () => new Archive({ paths: [root], baseDir: root, cacheDir: cache, workers: 0 });
  // As the language server keeps it: the place facts held for updates packed after every run (archive/held.ts).
  const kept = () => new Archive({ paths: [root], baseDir: root, cacheDir: cache, workers: 0, packHeld: true });

  it('builds the same index as article-by-article indexing', async () => {
    const a = open();
    const r = await a.build();
    assert.equal(r.articles, 5);
    assert.equal(r.recognised, 5);
    assert.deepEqual(snapshot(a.index), snapshot(await reference(root)));
    // The learned name is recognised in the other file, where no sentence calls it a place.
    const protest = a.index.byArticle.get('noord/protest.txt')!;
    assert.ok(protest.mentions.some((m) => m.text === 'Kleinhoven'), 'Kleinhoven learned from drenthe.txt');
  });

  it('starts warm from both caches with an identical index and no recognition', async () => {
    const cold = open();
    await cold.build();
    const warm = open();
    const r = await warm.build();
    assert.equal(r.fromCache, 5);
    assert.equal(r.analysed, 0);
    assert.equal(r.recognised, 0, 'pass 2 comes from the facts cache');
    assert.deepEqual(snapshot(warm.index), snapshot(cold.index));
  });

  it('a warm start does not read unchanged files (the manifest in the cache), and reads a changed one', async () => {
    // Files last modified an hour ago (a file modified within the last seconds is always read), one
    // of them with a broken record whose report must come back without reading it.
    fs.writeFileSync(path.join(root, 'oost', 'kapot.jsonl'), JSON.stringify({ id: 'k1', title: 'Koersk', date: '2024-08-20', text: 'In de regio Koersk werden ruim 120.000 mensen geëvacueerd.' }) + '\n{ kapot\n');
    const old = (Date.now() - 3600_000) / 1000;
    const files = () => discoverFiles([root], root).then((d) => d.files);
    for (const f of await files()) fs.utimesSync(f, old, old);
    const counted = (a: Archive) => { const orig = (a as any).readFile.bind(a); const n = { reads: 0 }; (a as any).readFile = (f: string) => { n.reads++; return orig(f); }; return n; };
    const cold = open();
    await cold.build();
    assert.ok(cold.skipped.some((x) => x.reason === 'bad-json'), 'precondition: the broken record is reported');
    const warm = open();
    const n = counted(warm);
    const r = await warm.build();
    assert.equal(n.reads, 0, 'no file read');
    assert.equal(r.recognised, 0);
    assert.deepEqual(snapshot(warm.index), snapshot(cold.index));
    assert.deepEqual(warm.skipped, cold.skipped, 'the same reports, from the manifest');
    // Edited while closed, same size: read again (its stat changed), the others not.
    const drenthe = path.join(root, 'noord', 'drenthe.txt');
    fs.writeFileSync(drenthe, fs.readFileSync(drenthe, 'utf8').replace('1.200', '1.500'));
    fs.utimesSync(drenthe, old + 60, old + 60);
    const edited = open();
    const m = counted(edited);
    await edited.build();
    assert.equal(m.reads, 1);
    const fresh = new Archive({ paths: [root], baseDir: root, cacheDir: null, workers: 0 });
    await fresh.build();
    assert.deepEqual(snapshot(edited.index), snapshot(fresh.index));
    assert.ok(edited.index.claims.some((c) => c.figure.text.includes('1.500')));
    // Another lexicon (a house spelling): every article is recognised again, so the texts of the
    // files not read are read after all.
    for (const f of await files()) fs.utimesSync(f, old, old);
    await open().build();
    const house = { Kiev: 'Kyiv' };
    const styled = new Archive({ paths: [root], baseDir: root, cacheDir: cache, workers: 0, houseSpellings: house });
    const k = counted(styled);
    const rs = await styled.build();
    assert.ok(rs.recognised >= 6, `recognised ${rs.recognised}`);
    assert.equal(k.reads, 5, 'each file once, for its texts');
    const plain = new Archive({ paths: [root], baseDir: root, cacheDir: null, workers: 0, houseSpellings: house });
    await plain.build();
    assert.deepEqual(snapshot(styled.index), snapshot(plain.index));
    assert.deepEqual(styled.skipped, plain.skipped);
    // A file that changes after it was recalled and before its text is needed: its article is
    // reported (in Dutch too), not analysed empty; the rest of the index stands.
    for (const f of await files()) fs.utimesSync(f, old, old);
    await open().build();
    const racing = new Archive({ paths: [root], baseDir: root, cacheDir: cache, workers: 0, houseSpellings: { Charkov: 'Charkiv' } });
    const passes = (racing as any).passes;
    const withTexts = passes.withTexts.bind(passes);
    passes.withTexts = async (articles: unknown[], failed: unknown[]) => {
      if (articles.length) fs.writeFileSync(path.join(root, 'noord', 'protest.txt'), 'De bewoners van Kleinhoven protesteerden woensdag opnieuw.');
      return withTexts(articles, failed);
    };
    await racing.build();
    const lost = racing.skipped.find((x) => x.reason === 'analysis-failed');
    assert.ok(lost && /noord\/protest\.txt: the file changed while it was indexed/.test(lost.detail), JSON.stringify(racing.skipped));
    assert.match(describeSkipped(lost, 'nl', root), /overgeslagen: .*protest\.txt — analyse mislukt: .*het bestand veranderde tijdens het indexeren/);
    assert.ok(!racing.index.byArticle.has('noord/protest.txt'));
    assert.ok(racing.index.byArticle.has('noord/drenthe.txt'));
  });

  it('a warm start after an edit made while closed learns again (the cached lesson belongs to the old articles)', async () => {
    await open().build();
    // Edited while the editor was closed: Kleinhoven is no longer called a village anywhere.
    fs.writeFileSync(path.join(root, 'noord', 'drenthe.txt'), 'De provincie Drenthe telt ruim 500.000 inwoners. In Assen staat het provinciehuis.');
    const warm = open();
    const r = await warm.build();
    assert.equal(r.analysed, 1);
    assert.ok(!warm.index.byArticle.get('noord/protest.txt')!.mentions.some((m) => m.text === 'Kleinhoven'));
    assert.deepEqual(snapshot(warm.index), snapshot(await reference(root)));
    // And back: the first lesson is found again.
    fs.writeFileSync(path.join(root, 'noord', 'drenthe.txt'), ARTICLES['noord/drenthe.txt']);
    const again = open();
    await again.build();
    assert.ok(again.index.byArticle.get('noord/protest.txt')!.mentions.some((m) => m.text === 'Kleinhoven'));
    assert.deepEqual(snapshot(again.index), snapshot(await reference(root)));
  });

  it('an edit that teaches nothing new re-recognises only the changed file, and equals a full build', async () => {
    const a = open();
    await a.build();
    const before = a.index;
    const beforeSnap = JSON.stringify(snapshot(before));
    const file = path.join(root, 'oost', 'draad.jsonl');
    fs.appendFileSync(file, JSON.stringify({ id: 'a3', title: 'Haven', date: '2025-01-03', text: 'In de haven van Rotterdam werden vorig jaar bijna 440 miljoen ton goederen overgeslagen.' }) + '\n');
    const r = await a.update([{ file, type: 'changed' }]);
    assert.equal(r.mode, 'incremental');
    assert.equal(r.recognised, 1, 'only the new article: the file\'s other two come from the facts cache');
    assert.equal(r.articles, 6);
    assert.notEqual(a.index, before, 'a new index object');
    assert.equal(JSON.stringify(snapshot(before)), beforeSnap, 'the old index is untouched while it served');
    assert.deepEqual(snapshot(a.index), snapshot(await reference(root)));
  });

  for (const [how, make] of [['', open], [' (kept: what updates read is packed)', kept]] as const) it(`an edit that changes what a name is re-recognises the articles that use it, and equals a full build${how}`, async () => {
    const a = make();
    await a.build();
    await a.whenPacked();
    assert.ok(a.index.byArticle.get('noord/protest.txt')!.mentions.some((m) => m.text === 'Kleinhoven'));
    const untouched = [...a.index.byArticle.keys()].filter((id) => id !== 'noord/drenthe.txt' && id !== 'noord/protest.txt');
    assert.equal(untouched.length, 3);
    const before = new Map(untouched.map((id) => [id, a.index.byArticle.get(id)]));
    // Kleinhoven is no longer called a village anywhere: the bare mention must go too.
    const file = path.join(root, 'noord', 'drenthe.txt');
    fs.writeFileSync(file, 'De provincie Drenthe telt ruim 500.000 inwoners. In Assen staat het provinciehuis.');
    const r = await a.update([{ file, type: 'changed' }]);
    assert.equal(r.mode, 'relearned');
    assert.equal(r.recognised, 2, 'the changed article and the one that names Kleinhoven');
    for (const id of untouched) assert.equal(a.index.byArticle.get(id), before.get(id), `${id} kept as it was`);
    assert.ok(!a.index.byArticle.get('noord/protest.txt')!.mentions.some((m) => m.text === 'Kleinhoven'));
    assert.deepEqual(snapshot(a.index), snapshot(await reference(root)));
  });

  it('an update that fails half-way leaves the archive as it was; the next one equals a full build', async () => {
    const a = open();
    await a.build();
    const before = a.index;
    const beforeSnap = JSON.stringify(snapshot(before));
    const skipped = a.skipped;
    // A learning update (relearned) and a plain one, each failing at its last step (the index
    // install): nothing of either may show.
    const drenthe = path.join(root, 'noord', 'drenthe.txt');
    fs.writeFileSync(drenthe, 'De provincie Drenthe telt ruim 500.000 inwoners. In Assen staat het provinciehuis.');
    const fail = a as unknown as { install: (...args: unknown[]) => Promise<void> };
    const install = fail.install;
    fail.install = async () => { throw new Error('disk full'); };
    await assert.rejects(a.update([{ file: drenthe, type: 'changed' }]), /disk full/);
    assert.equal(a.index, before, 'the same index object');
    assert.equal(JSON.stringify(snapshot(a.index)), beforeSnap);
    assert.equal(a.skipped, skipped);
    const extra = path.join(root, 'noord', 'extra.txt');
    fs.writeFileSync(extra, 'In Assen kwamen zaterdag ruim 2.000 mensen naar de markt.');
    await assert.rejects(a.update([{ file: extra, type: 'created' }]), /disk full/);
    assert.equal(a.index, before);
    fail.install = install;
    // The next update sees both changes (the failed runs left no file marked as read).
    const r = await a.update([{ file: drenthe, type: 'changed' }, { file: extra, type: 'created' }]);
    assert.ok(r.mode === 'relearned' || r.mode === 'incremental', r.mode);
    assert.deepEqual(snapshot(a.index), snapshot(await reference(root)));
    fs.rmSync(extra);
  });

  it('a new file that makes a gazetteer name mostly a person re-recognises the articles that use it, and equals a full build', async () => {
    const a = open();
    fs.writeFileSync(path.join(root, 'noord', 'plan.txt'), 'Het plan van Charlotte kreeg steun van de raad.');
    await a.build();
    assert.ok(a.index.byArticle.get('noord/plan.txt')!.mentions.some((m) => m.text === 'Charlotte'), 'precondition: a place after "noun + van"');
    // Charlotte the person, four times: the name becomes contested and needs "in/uit/naar Charlotte".
    const file = path.join(root, 'noord', 'charlotte.txt');
    fs.writeFileSync(file, 'Charlotte zei dinsdag dat ze stopt. Volgens Charlotte de Vries is het klaar. Charlotte wil het anders. "Nee", zegt Charlotte.');
    const r = await a.update([{ file, type: 'created' }]);
    assert.equal(r.mode, 'relearned');
    assert.equal(r.recognised, 2, 'the new article and the one that names Charlotte');
    assert.ok(!a.index.byArticle.get('noord/plan.txt')!.mentions.some((m) => m.text === 'Charlotte'));
    assert.deepEqual(snapshot(a.index), snapshot(await reference(root)));
  });

  it('random teaching edits (new names, variants, parents, contested names): every update equals a full build', async () => {
    const snippets: Record<string, string> = {
      'x/teach-a.txt': 'Het dorpje Wezeldonk ligt in de regio Koersk. In Wezeldonk wonen ruim 800 mensen.',
      'x/use-a.txt': 'De bewoners van Wezeldonk vluchtten naar Kleinhoven. Zo\'n 40 gezinnen kwamen aan.',
      'x/contest.txt': 'Assen zei dinsdag dat het stopt. Volgens Assen is het klaar. Assen wil het anders. "Nee", zegt Assen.',
      'x/variant.txt': 'In Kursk en in Kleinhoven vielen 12 doden. Ook Wezeldonk werd beschoten.',
      'x/teach-b.txt': 'Het stadje Nieuw Wezeldonk ligt ten noorden van Wezeldonk. In Nieuw Wezeldonk wonen 300 mensen.',
      'x/parent.txt': 'Kleinhoven in de provincie Groningen telt 1.300 inwoners. Het dorp Kleinhoven is oud.',
      'x/teach-c.txt': 'Het dorpje Oeroezjne in de regio Soemy werd beschoten. In Oeroezjne vielen 3 doden.',
      'x/use-c.txt': 'Ook in Uruzhne en Oeroezjne zijn 25 huizen verwoest.',
      'x/person.txt': 'Kleinhoven zei dat hij blijft. Volgens Kleinhoven gaat het goed. Kleinhoven wil door. "Ja", zegt Kleinhoven.',
    };
    const names = Object.keys(snippets);
    for (const make of [open, kept]) {
      // (Each archive from the same corpus and an empty cache, with the same edits.)
      fs.rmSync(path.join(root, 'x'), { recursive: true, force: true });
      fs.rmSync(cache, { recursive: true, force: true });
      const a = make();
      await a.build();
      let seed = 20261122;
      const next = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed; };
      const modes = new Set<string>();
      for (let step = 0; step < 20; step++) {
        const rel = names[next() % names.length];
        const file = path.join(root, rel);
        const exists = fs.existsSync(file);
        if (exists) fs.rmSync(file); else { fs.mkdirSync(path.dirname(file), { recursive: true }); fs.writeFileSync(file, snippets[rel]); }
        // (Every other update starts before the previous run's packing is done.)
        if (step % 2) await a.whenPacked();
        const r = await a.update([{ file, type: exists ? 'deleted' : 'created' }]);
        modes.add(r.mode!);
        assert.deepEqual(snapshot(a.index), snapshot(await reference(root)), `step ${step}: ${exists ? 'deleted' : 'created'} ${rel} (${r.mode}; ${make === kept ? 'kept' : 'not kept'})`);
      }
      assert.ok(modes.has('relearned') && modes.has('incremental'), [...modes].join(', '));
    }
  });

  it('names a place the same on every rebuild, also when its first mention is a sports abbreviation', async () => {
    fs.writeFileSync(path.join(root, 'oost', 'atletiek.txt'),
      'Uitslag 100 meter: 1. Nika Beridze (Geo) 10,21. Na afloop sprak hij in Georgië met de pers. Ook in Georgië was het feest.');
    const a = open();
    await a.build();
    const name = () => [...a.index.places.values()].find((p) => p.variants.has('Geo'))?.name;
    const first = name();
    // (Not "Geo"; and "Georgia" would be the US state: a region's own name beats the country's English variant.)
    assert.equal(first, 'Georgië', 'the spelling the archive uses most');
    a.index.rebuild();
    assert.equal(name(), first);
  });

  it('an update that gives a name learned from "in X" alone its first strong fact re-recognises its users, and equals a full build', async () => {
    // Wezelburg is learned from two "in Wezelburg" (weak only): at the start of a sentence it is no place yet.
    writeCorpus(root, {
      'w/a.txt': 'Er staken in Wezelburg 30 mensen de straat over.',
      'w/b.txt': 'Gisteren kwamen in Wezelburg 400 bezoekers naar de markt.',
      'w/c.txt': 'Wezelburg kreeg 12 nieuwe woningen.',
    });
    const a = open();
    await a.build();
    assert.ok(!a.index.byArticle.get('w/c.txt')!.mentions.some((m) => m.text === 'Wezelburg'), 'precondition: weak only, sentence-initial');
    // "ten noorden van Wezelburg": strong evidence, but it names no kind and no parent.
    const file = path.join(root, 'w', 'd.txt');
    fs.writeFileSync(file, 'Het dorp ligt ten noorden van Wezelburg.');
    const r = await a.update([{ file, type: 'created' }]);
    assert.notEqual(r.mode, 'incremental');
    assert.deepEqual(snapshot(a.index), snapshot(await reference(root)));
  });

  it('handles created and deleted files, also when the events miss one', async () => {
    const a = open();
    await a.build();
    fs.rmSync(path.join(root, 'oost', 'oekraine.md'));
    writeCorpus(root, { 'west/haven.txt': 'In Rotterdam werden vorig jaar 13,4 miljoen containers overgeslagen, meldt het havenbedrijf.' });
    // Only the deletion is reported; the new file is found by comparing with what is on disk.
    const r = await a.update([{ file: path.join(root, 'oost', 'oekraine.md'), type: 'deleted' }]);
    assert.equal(r.articles, 5);
    assert.ok(!a.index.byArticle.has('oost/oekraine.md'));
    assert.ok(a.index.byArticle.has('west/haven.txt'));
    assert.deepEqual(snapshot(a.index), snapshot(await reference(root)));
  });

  it('in worker threads: the same index as on this thread, and a warm start from what the workers encoded', async function () {
    this.timeout(120000);
    // Enough articles for the worker pool (it starts at 64): our own sentences with varying places and figures.
    const towns = ['Zwolle', 'Kampen', 'Deventer', 'Assen', 'Emmen', 'Hoogeveen', 'Meppel'];
    const many: Record<string, string> = {};
    for (let i = 0; i < 80; i++) {
      const town = towns[i % towns.length];
      many[`veel/${String(i).padStart(2, '0')}.txt`] = `In ${town} kwamen op zaterdag ruim ${1000 + 37 * i} mensen naar de markt. ` +
        `Het dorpje Beekveld${i % 3} ligt op zo'n ${i + 4} kilometer van ${town}.\n\nVolgens de gemeente kostte de nieuwe brug ${2 + (i % 5)},5 miljoen euro.`;
    }
    writeCorpus(root, many);
    const script = path.join(__dirname, '..', '..', 'server', 'src', 'corpus', 'worker.ts');
    const threaded = new Archive({ paths: [root], baseDir: root, cacheDir: cache, workers: 2, workerScript: script });
    const r = await threaded.build();
    assert.equal(r.articles, 85);
    assert.equal(r.analysed, 85);
    assert.equal(r.recognised, 85);
    assert.deepEqual(r.skipped.filter((s) => s.reason === 'analysis-failed'), []);
    const local = new Archive({ paths: [root], baseDir: root, cacheDir: null, workers: 0 });
    await local.build();
    assert.deepEqual(snapshot(threaded.index), snapshot(local.index));
    // The caches hold the workers' encoded results as they were: a warm start reads them back.
    const warm = new Archive({ paths: [root], baseDir: root, cacheDir: cache, workers: 0 });
    const w = await warm.build();
    assert.equal(w.fromCache, 85);
    assert.equal(w.recognised, 0);
    assert.deepEqual(snapshot(warm.index), snapshot(local.index));
  });

  it('keeps answering while it indexes: the event loop is never blocked for long', async () => {
    // ~150 articles on this thread (no worker script under tsx): the build must yield in slices.
    const many: Record<string, string> = {};
    for (let i = 0; i < 30; i++) many[`veel/${i}.txt`] = Array.from({ length: 5 }, (_, j) => `In Zwolle kwamen op dag ${i * 5 + j + 1} ruim ${100 + i + j} mensen bijeen. Het dorpje Oosterwold ligt op zo'n ${i + 3} kilometer van Zwolle.`).join('\n\n');
    writeCorpus(root, many);
    const a = new Archive({ paths: [root], baseDir: root, cacheDir: null, workers: 0 });
    let worst = 0;
    let last = Date.now();
    let running = true;
    const tick = () => { const now = Date.now(); worst = Math.max(worst, now - last); last = now; if (running) setImmediate(tick); };
    setImmediate(tick);
    await a.build();
    running = false;
    assert.ok(a.index.stats().articles >= 35);
    // Generous bound for a shared machine: the slices are ~8 ms; one article or the lexicon load may exceed them.
    assert.ok(worst < 1500, `event loop blocked for ${worst} ms`);
  });
});
