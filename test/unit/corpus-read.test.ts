import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { discoverFiles, readArticles, readArticlesStream, normaliseDate, decodeBytes } from '../../server/src/corpus/read';
import { describeSkipped } from '../../server/src/corpus/skips';
import type { Article, Skipped } from '../../server/src/corpus/types';
import { LineIndex } from '../../server/src/core/text';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-read-'));
}

function write(dir: string, rel: string, data: string | Buffer): string {
  const f = path.join(dir, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, data);
  return f;
}

/** Map an article offset to a file position and return the file's text at that position. */
function fileTextAt(a: Article, fileText: string, offset: number, len: number): string {
  const idx = new LineIndex(a.text);
  const p = idx.positionAt(offset);
  const line = a.lineBase + p.line;
  const character = p.line === 0 ? a.charBase + p.character : p.character;
  const fidx = new LineIndex(fileText);
  const fo = fidx.offsetAt({ line, character });
  return fileText.slice(fo, fo + len);
}

const ARTICLE = 'In de regio Koersk zijn ruim 10.000 mensen geëvacueerd.\nDat zei de gouverneur zondag.\n';

describe('corpus/read: .txt', () => {
  let dir: string;
  before(() => { dir = tmpDir(); });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('reads the sample corpus: date marker blanked, offsets equal file offsets', async () => {
    const root = path.resolve(__dirname, '../../samples/corpus');
    const { files } = await discoverFiles(['.'], root);
    assert.ok(files.length >= 5);
    let dated = 0;
    for (const f of files) {
      const raw = fs.readFileSync(f, 'utf8');
      const { articles, skipped } = await readArticles(f, root);
      assert.equal(skipped.length, 0);
      assert.equal(articles.length, 1);
      const a = articles[0];
      assert.equal(a.text.length, raw.length, 'text keeps file offsets');
      assert.equal(a.exact, true);
      assert.equal(a.title, null);
      if (raw.startsWith(' date ')) {
        dated++;
        assert.match(a.date ?? '', /^\d{4}-\d{2}$/);
        assert.ok(!a.text.includes(' date '), 'marker is removed from the analysed text');
        assert.equal(a.text.trimStart(), raw.slice(raw.indexOf(a.date!) + a.date!.length).trimStart());
      } else {
        assert.equal(a.date, null, 'no date guessed from mtime');
        assert.equal(a.text, raw);
      }
      const k = a.text.indexOf('Koersk');
      if (k >= 0) assert.equal(fileTextAt(a, raw, k, 6), 'Koersk');
    }
    assert.ok(dated >= 1);
  });

  it('CRLF line endings: text keeps \\r\\n and positions map to the file', async () => {
    const raw = ' date 2024-10-07 Russen blijven terrein winnen in Koersk.\r\n\r\nIn Charkiv vielen 12 doden, meldt de gouverneur.\r\n';
    const f = write(dir, 'crlf.txt', raw);
    const { articles } = await readArticles(f, dir);
    const a = articles[0];
    assert.equal(a.date, '2024-10-07');
    assert.ok(a.text.includes('\r\n'));
    const o = a.text.indexOf('Charkiv');
    assert.equal(o, raw.indexOf('Charkiv'));
    const pos = new LineIndex(a.text).positionAt(o);
    assert.deepEqual(pos, { line: 2, character: 3 });
    assert.equal(fileTextAt(a, raw, o, 7), 'Charkiv');
  });

  it('UTF-8 BOM: stripped; offsets are into the text without BOM', async () => {
    const f = write(dir, 'bom8.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE, 'utf8')]));
    const { articles, skipped } = await readArticles(f, dir);
    assert.deepEqual(skipped, []);
    assert.equal(articles[0].text, ARTICLE);
    assert.equal(articles[0].text.charCodeAt(0), 'I'.charCodeAt(0));
  });

  it('UTF-16 LE and BE with a BOM are decoded', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const fl = write(dir, 'utf16le.txt', le);
    const fb = write(dir, 'utf16be.txt', be);
    for (const f of [fl, fb]) {
      const { articles, skipped } = await readArticles(f, dir);
      assert.deepEqual(skipped, [], f);
      assert.equal(articles[0].text, ARTICLE);
      assert.ok(articles[0].text.includes('geëvacueerd'));
    }
  });

  it('UTF-16 LE without a BOM is recognised, not taken for binary', () => {
    const r = decodeBytes(Buffer.from(ARTICLE, 'utf16le'));
    assert.ok('text' in r && r.text === ARTICLE);
  });

  it('invalid UTF-8: Latin-1 text is read as Windows-1252, with a warning', async () => {
    const f = write(dir, 'latin1.txt', Buffer.from('Café in Zürich: 2,5 miljoen – “zo’n” bezoekers.', 'latin1'));
    // ‘–’, '“' are not in latin1 → Buffer.from replaces them; build Windows-1252 bytes by hand instead.
    const bytes = Buffer.from([...Buffer.from('Caf', 'ascii'), 0xe9, ...Buffer.from(' in Z', 'ascii'), 0xfc, ...Buffer.from('rich: 2,5 miljoen ', 'ascii'), 0x96, ...Buffer.from(' ', 'ascii'), 0x93, ...Buffer.from('zo', 'ascii'), 0x92, 0x6e, 0x94]);
    fs.writeFileSync(f, bytes);
    const { articles, skipped } = await readArticles(f, dir);
    assert.equal(articles.length, 1);
    assert.equal(articles[0].text, 'Café in Zürich: 2,5 miljoen – “zo’n”');
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0].reason, 'invalid-encoding');
    assert.equal(skipped[0].kept, true);
  });

  it('invalid UTF-8 among valid UTF-8: bad bytes replaced, article kept, one warning', async () => {
    const bytes = Buffer.concat([Buffer.from('Oekraïense troepen in Koersk ', 'utf8'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' en Charkiv.', 'utf8')]);
    const f = write(dir, 'mixed.txt', bytes);
    const { articles, skipped } = await readArticles(f, dir);
    assert.equal(articles.length, 1);
    assert.ok(articles[0].text.startsWith('Oekraïense troepen in Koersk '));
    assert.ok(articles[0].text.includes('\uFFFD'));
    assert.ok(articles[0].text.endsWith(' en Charkiv.'));
    assert.deepEqual(skipped.map((s) => s.reason), ['invalid-encoding']);
  });

  it('binary data with a .txt name and NUL bytes are skipped as binary', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
    const f1 = write(dir, 'foto.txt', png);
    const f2 = write(dir, 'nul.txt', Buffer.concat([Buffer.from('Tekst met een '), Buffer.from([0]), Buffer.from(' NUL-byte erin.')]));
    const ctl = Buffer.alloc(2000);
    for (let i = 0; i < ctl.length; i++) ctl[i] = i % 3 === 0 ? 0x01 + (i % 7) : 0x61;
    const f3 = write(dir, 'ctl.txt', ctl);
    for (const f of [f1, f2, f3]) {
      const { articles, skipped } = await readArticles(f, dir);
      assert.equal(articles.length, 0, f);
      assert.equal(skipped.length, 1, f);
      assert.equal(skipped[0].reason, 'binary');
    }
    const { skipped } = await readArticles(f1, dir);
    assert.equal(describeSkipped(skipped[0], 'en', dir).split(' — ')[0], 'skipped: foto.txt');
    assert.match(describeSkipped(skipped[0], 'nl', dir), /^overgeslagen: foto\.txt — geen tekst \(binaire gegevens\)/);
    assert.match(describeSkipped(skipped[0], 'en', dir), /^skipped: foto\.txt — not text \(binary data: contains NUL bytes\)$/);
  });

  it('an empty file and a whitespace-only file are skipped as empty', async () => {
    for (const [name, data] of [['leeg.txt', ''], ['spaties.txt', '  \r\n\n  '], ['leeg.md', '---\ntitle: Leeg\n---\n']]) {
      const f = write(dir, name, data);
      const { articles, skipped } = await readArticles(f, dir);
      assert.equal(articles.length, 0, name);
      assert.deepEqual(skipped.map((s) => s.reason), ['empty'], name);
    }
  });

  it('a 40 MB file is read under the default limit and skipped with the size message under a lower one', async function () {
    this.timeout(30000);
    const para = 'Het kabinet trekt 2,5 miljoen euro uit voor de opvang in Ter Apel. ';
    const big = Buffer.alloc(40 * 1024 * 1024, para);
    const f = write(dir, 'groot archief.txt', big);
    const small = await readArticles(f, dir, { maxFileBytes: 10 * 1024 * 1024 });
    assert.equal(small.articles.length, 0);
    assert.equal(small.skipped.length, 1);
    assert.equal(small.skipped[0].reason, 'too-large');
    assert.match(small.skipped[0].detail, /40 MB.*10 MB.*bronvast\.limits\.maxFileSizeMB/);
    assert.match(describeSkipped(small.skipped[0], 'nl'), /te groot: 40 MB, groter dan de grens van 10 MB \(instelling bronvast\.limits\.maxFileSizeMB\)/);
    const ok = await readArticles(f, dir);
    assert.equal(ok.skipped.length, 0);
    assert.equal(ok.articles.length, 1);
    assert.equal(ok.articles[0].text.length, big.length);
    fs.unlinkSync(f);
  });

  it('an unreadable file (chmod 000) is reported as unreadable', async function () {
    const f = write(dir, 'geheim.txt', ARTICLE);
    fs.chmodSync(f, 0o000);
    try {
      let blocked = false;
      try { fs.readFileSync(f); } catch { blocked = true; }
      let result: { articles: Article[]; skipped: Skipped[] };
      if (blocked) {
        result = await readArticles(f, dir);
      } else if (isRoot) {
        // Root reads chmod 000 files: read it from a child process running as 'nobody'.
        this.timeout(20000);
        fs.chmodSync(dir, 0o755);
        const script = `process.setgid(65534); process.setuid(65534); require('tsx/cjs');
          require(${JSON.stringify(path.resolve(__dirname, '../../server/src/corpus/read.ts'))})
            .readArticles(${JSON.stringify(f)}, ${JSON.stringify(dir)}).then((r) => process.stdout.write(JSON.stringify(r)));`;
        try {
          const out = execFileSync(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
          result = JSON.parse(out);
        } catch (e) {
          console.log(`      (running as root and cannot switch to user nobody: unreadable assertion skipped: ${(e as Error).message.split('\n')[0]})`);
          this.skip();
        }
      } else {
        console.log('      (this user can read chmod 000 files: unreadable assertion skipped)');
        this.skip();
      }
      const { articles, skipped } = result;
      assert.equal(articles.length, 0);
      assert.deepEqual(skipped.map((s) => s.reason), ['unreadable']);
      assert.doesNotMatch(describeSkipped(skipped[0], 'nl'), /Error|at /);
    } finally {
      fs.chmodSync(f, 0o644);
    }
  });

  it('file names with spaces and non-ASCII letters work and get encoded URIs', async () => {
    const f = write(dir, 'map met spaties/Zürich – één artikel.txt', ARTICLE);
    const { files } = await discoverFiles(['map met spaties'], dir);
    assert.deepEqual(files, [f]);
    const { articles } = await readArticles(f, dir);
    assert.equal(articles[0].uri, pathToFileURL(f).href);
    assert.match(articles[0].uri, /map%20met%20spaties\/Z%C3%BCrich%20/);
    assert.equal(articles[0].id, 'map met spaties/Zürich – één artikel.txt');
  });

  it('a missing file is reported as not-found', async () => {
    const { skipped } = await readArticles(path.join(dir, 'bestaat-niet.txt'), dir);
    assert.deepEqual(skipped.map((s) => s.reason), ['not-found']);
  });
});

describe('corpus/read: .md front matter', () => {
  let dir: string;
  before(() => { dir = tmpDir(); });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('reads title, date, source and url; lineBase points at the body', async () => {
    const raw = '---\r\ntitle: "Evacuaties in Koersk"\r\ndate: 2024-08-14 10:00:00\r\nsource: NOS\r\nurl: https://nos.nl/l/123\r\n---\r\n' + ARTICLE;
    const f = write(dir, 'koersk.md', raw);
    const { articles, skipped } = await readArticles(f, dir);
    assert.deepEqual(skipped, []);
    const a = articles[0];
    assert.equal(a.title, 'Evacuaties in Koersk');
    assert.equal(a.date, '2024-08-14');
    assert.equal(a.source, 'NOS');
    assert.equal(a.url, 'https://nos.nl/l/123');
    assert.equal(a.text, ARTICLE);
    assert.equal(a.lineBase, 6);
    assert.equal(a.charBase, 0);
    assert.equal(fileTextAt(a, raw, a.text.indexOf('gouverneur'), 10), 'gouverneur');
  });

  it('broken YAML: the article is kept with its body, one bad-front-matter warning with a line', async () => {
    const raw = '---\ntitle: "Niet afgesloten\ndate: [2019\n---\n# Kop van het stuk\n\n' + ARTICLE;
    const f = write(dir, 'kapot.md', raw);
    const { articles, skipped } = await readArticles(f, dir);
    assert.equal(articles.length, 1);
    assert.equal(articles[0].text, '# Kop van het stuk\n\n' + ARTICLE);
    assert.equal(articles[0].title, 'Kop van het stuk');
    assert.equal(articles[0].lineBase, 4);
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0].reason, 'bad-front-matter');
    assert.equal(skipped[0].kept, true);
    assert.ok(typeof skipped[0].line === 'number');
    assert.match(describeSkipped(skipped[0], 'nl'), /^waarschuwing: .*kapot\.md:\d+ — .*\(artikel wel gelezen\)$/);
  });

  it('unclosed front matter: whole file is the body, with a warning', async () => {
    const raw = '---\ntitle: Zonder einde\n' + ARTICLE;
    const f = write(dir, 'open.md', raw);
    const { articles, skipped } = await readArticles(f, dir);
    assert.equal(articles[0].text, raw);
    assert.deepEqual(skipped.map((s) => s.reason), ['bad-front-matter']);
  });

  it('no front matter: the first heading is the title', async () => {
    const f = write(dir, 'kop.markdown', '# Kabinet trekt 2,5 miljoen uit\n\n' + ARTICLE);
    const { articles } = await readArticles(f, dir);
    assert.equal(articles[0].title, 'Kabinet trekt 2,5 miljoen uit');
    assert.equal(articles[0].lineBase, 0);
  });
});

describe('corpus/read: .jsonl', () => {
  let dir: string;
  before(() => { dir = tmpDir(); });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  const rec = (o: object) => JSON.stringify(o);

  it('keeps good lines among malformed ones and reports each bad line once', async () => {
    const lines = [
      rec({ id: 1, title: 'Koersk', text: 'Ruim 10.000 mensen geëvacueerd.', published_at: '2019-02-14 10:00:00' }),
      '{"id": 2, "title": "kapot", "text": "afgebroken',
      rec({ id: 3, title: 'Zonder tekst' }),
      '',
      rec({ id: 4, text: 'Charkiv meldt 12 doden.', date: '2019-03-01T08:30:00+01:00', url: 'https://example.nl/a', source: 'AD' }),
      '[1, 2]',
      rec({ id: 1, text: 'Dubbel id, ander artikel.' }),
      rec({ text: 'Geen id: regelnummer.', date: 'gisteren' }),
    ];
    const f = write(dir, 'archief.jsonl', lines.join('\r\n') + '\r\n');
    const { articles, skipped } = await readArticles(f, dir);
    assert.deepEqual(articles.map((a) => a.id), ['archief.jsonl#1', 'archief.jsonl#4', 'archief.jsonl#1~2', 'archief.jsonl#L8']);
    assert.deepEqual(articles.map((a) => a.lineBase), [0, 4, 6, 7]);
    assert.deepEqual(articles.map((a) => a.date), ['2019-02-14', '2019-03-01', null, null]);
    assert.ok(articles.every((a) => a.exact === false));
    assert.equal(articles[1].url, 'https://example.nl/a');
    assert.equal(articles[1].source, 'AD');
    const byLine = skipped.map((s) => `${s.line}:${s.reason}${s.kept ? '(kept)' : ''}`);
    assert.deepEqual(byLine, ['2:bad-json', '3:bad-record', '6:bad-record', '7:bad-record(kept)', '8:bad-record(kept)']);
    assert.match(skipped[1].detail, /missing field 'text'/);
    assert.equal(new Set(articles.map((a) => a.id)).size, articles.length);
  });

  it('streams records one by one', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => rec({ id: `a${i}`, text: `Artikel ${i} over Loehansk.` }));
    const f = write(dir, 'stroom.jsonl', lines.join('\n'));
    let n = 0;
    for await (const item of readArticlesStream(f, dir)) {
      assert.equal(item.kind, 'article');
      n++;
    }
    assert.equal(n, 50);
  });

  it('a record over the per-record limit is skipped, the others are read', async () => {
    const lines = [rec({ id: 1, text: 'kort' }), rec({ id: 2, text: 'x'.repeat(200_000) }), rec({ id: 3, text: 'ook kort' })];
    const f = write(dir, 'limiet.jsonl', lines.join('\n') + '\n');
    const { articles, skipped } = await readArticles(f, dir, { maxRecordBytes: 100_000 });
    assert.deepEqual(articles.map((a) => a.text), ['kort', 'ook kort']);
    assert.deepEqual(skipped.map((s) => [s.line, s.reason]), [[2, 'too-large']]);
  });

  it('a JSONL file without any text field is reported in one line', async () => {
    const f = write(dir, 'labels.jsonl', Array.from({ length: 30 }, (_, i) => rec({ id: i, partisan: 'false' })).join('\n'));
    const { articles, skipped } = await readArticles(f, dir);
    assert.equal(articles.length, 0);
    assert.equal(skipped.length, 1);
    assert.match(skipped[0].detail, /30 record/);
  });

  it('binary data with a .jsonl name is one binary report', async () => {
    const f = write(dir, 'dump.jsonl', Buffer.from([1, 0, 2, 10, 0, 0, 10, 3]));
    const { skipped } = await readArticles(f, dir);
    assert.deepEqual(skipped.map((s) => s.reason), ['binary']);
  });

  it('reads the benchmark archive (when present)', async function () {
    const bench = path.resolve(__dirname, '../../../shared/data/dpgmedia2019/dpgMedia2019-articles-byarticle-all.jsonl');
    if (!fs.existsSync(bench)) this.skip();
    const { articles, skipped } = await readArticles(bench, path.dirname(bench));
    assert.equal(articles.length + skipped.filter((s) => !s.kept).length, 1438);
    assert.ok(articles.length > 1300);
    assert.ok(articles.every((a) => /^2019-0[2-4]-\d{2}$/.test(a.date ?? '')));
    // The hash is a content key: equal only for equal (title, date, text).
    const byHash = new Map<string, Article>();
    for (const a of articles) {
      const o = byHash.get(a.hash);
      if (o) assert.ok(o.text === a.text && o.title === a.title && o.date === a.date, `hash collision ${a.id} ${o.id}`);
      else byHash.set(a.hash, a);
    }
    assert.ok(byHash.size > 1300);
  });
});

describe('corpus/read: discovery', () => {
  let dir: string;
  before(() => { dir = tmpDir(); });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('recurses, skips hidden folders, node_modules and the cache folder, sorts, counts unsupported types per folder', async () => {
    write(dir, 'b.txt', ARTICLE);
    write(dir, 'a.md', ARTICLE);
    write(dir, 'sub/c.jsonl', '{"text":"x"}');
    write(dir, 'sub/foto.jpg', 'jpg');
    write(dir, 'sub/stuk.docx', 'docx');
    write(dir, 'sub/stuk2.docx', 'docx');
    write(dir, '.git/x.txt', ARTICLE);
    write(dir, 'node_modules/y.txt', ARTICLE);
    write(dir, 'cache/z.txt', ARTICLE);
    write(dir, '.verborgen.txt', ARTICLE);
    const { files, skipped } = await discoverFiles(['.'], dir, { excludeDirs: ['cache'] });
    assert.deepEqual(files, ['a.md', 'b.txt', 'sub/c.jsonl'].map((r) => path.join(dir, r)));
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0].reason, 'unsupported-type');
    assert.equal(skipped[0].count, 3);
    assert.equal(skipped[0].file, path.join(dir, 'sub'));
    assert.match(describeSkipped(skipped[0], 'nl', dir), /^overgeslagen: sub — bestandstype wordt niet gelezen: 3 bestand\(en\)/);
  });

  it('follows symlinks, reports a loop exactly once, lists a file reached twice once', async function () {
    const d = path.join(dir, 'links');
    write(d, 'echt/artikel.txt', ARTICLE);
    try {
      fs.symlinkSync(path.join(d, 'echt'), path.join(d, 'echt', 'terug'), 'dir');   // loop
      fs.symlinkSync(path.join(d, 'echt'), path.join(d, 'alias'), 'dir');           // same folder twice
      fs.symlinkSync(path.join(d, 'nergens.txt'), path.join(d, 'kapot.txt'));        // broken
      fs.symlinkSync(path.join(d, 'zelf.txt'), path.join(d, 'zelf.txt'));            // self loop
    } catch {
      this.skip();
    }
    const { files, skipped } = await discoverFiles([d, d], dir);
    assert.equal(files.length, 1);
    const reasons = skipped.map((s) => `${path.basename(s.file)}:${s.reason}`).sort();
    assert.deepEqual(reasons, ['kapot.txt:not-found', 'terug:symlink-loop', 'zelf.txt:symlink-loop']);
  });

  it('reports missing paths and explicitly named unsupported files', async () => {
    write(dir, 'los/memo.pdf', 'pdf');
    const { files, skipped } = await discoverFiles(['weg', 'los/memo.pdf'], dir);
    assert.deepEqual(files, []);
    assert.deepEqual(skipped.map((s) => s.reason), ['not-found', 'unsupported-type']);
  });
});

describe('corpus/read: every problem reported once, corpus untouched', () => {
  it('reads a mixed folder: each skip once with its reason; bytes and mtimes unchanged', async () => {
    const dir = tmpDir();
    try {
      write(dir, 'goed.txt', ' date 2025-01 ' + ARTICLE);
      write(dir, 'foto.txt', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
      write(dir, 'leeg.txt', '');
      write(dir, 'kapot.md', '---\ntitle: [\n---\n' + ARTICLE);
      write(dir, 'archief.jsonl', '{"id":1,"text":"a"}\nnope\n{"id":2,"text":"b"}\n');
      write(dir, 'bijlage.pdf', '%PDF');
      const files = fs.readdirSync(dir).map((n) => path.join(dir, n));
      const past = new Date('2020-01-01T00:00:00Z');
      for (const f of files) fs.utimesSync(f, past, past);
      const before = new Map(files.map((f) => [f, { bytes: fs.readFileSync(f), mtime: fs.statSync(f).mtimeMs }]));

      const found = await discoverFiles(['.'], dir);
      const all: Skipped[] = [...found.skipped];
      const articles: Article[] = [];
      for (const f of found.files) {
        const r = await readArticles(f, dir);
        all.push(...r.skipped);
        articles.push(...r.articles);
      }
      assert.deepEqual(articles.map((a) => a.id).sort(), ['archief.jsonl#1', 'archief.jsonl#2', 'goed.txt', 'kapot.md']);
      const keys = all.map((s) => `${path.basename(s.file)}${s.line ? ':' + s.line : ''}:${s.reason}`).sort();
      assert.deepEqual(keys, [`${path.basename(dir)}:unsupported-type`, 'archief.jsonl:2:bad-json', 'foto.txt:binary', 'kapot.md:2:bad-front-matter', 'leeg.txt:empty'].sort());
      for (const s of all) {
        for (const loc of ['nl', 'en'] as const) {
          const msg = describeSkipped(s, loc, dir);
          assert.ok(!msg.includes('\n') && !/\bat .*:\d+:\d+/.test(msg), msg);
        }
      }
      for (const f of files) {
        assert.ok(before.get(f)!.bytes.equals(fs.readFileSync(f)), `bytes of ${f}`);
        assert.equal(fs.statSync(f).mtimeMs, before.get(f)!.mtime, `mtime of ${f}`);
      }
      assert.deepEqual(fs.readdirSync(dir).sort(), files.map((f) => path.basename(f)).sort(), 'no files created');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('corpus/read: normaliseDate', () => {
  it('normalises the formats archives use and rejects the rest', () => {
    assert.equal(normaliseDate('2019-02-14'), '2019-02-14');
    assert.equal(normaliseDate('2019-02-14 10:00:00'), '2019-02-14');
    assert.equal(normaliseDate('2019-02-14T23:30:00+01:00'), '2019-02-14');
    assert.equal(normaliseDate('2019-02-14T10:00:00.123Z'), '2019-02-14');
    assert.equal(normaliseDate('2025-01'), '2025-01');
    assert.equal(normaliseDate('14-02-2019'), '2019-02-14');
    assert.equal(normaliseDate('2019'), '2019');
    assert.equal(normaliseDate(new Date(Date.UTC(2019, 1, 14))), '2019-02-14');
    assert.equal(normaliseDate('2019-02-30'), null);
    assert.equal(normaliseDate('2019-13-01'), null);
    assert.equal(normaliseDate('gisteren'), null);
    assert.equal(normaliseDate(20190214), null);
  });
});
