// The feeds a newsroom has: NewsML-G2 and NITF from press agencies, saved article pages (HTML).
// The files in test/fixtures/feeds were written for these tests after the IPTC specifications.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readArticles } from '../../server/src/corpus/read';
import { describeSkipped } from '../../server/src/corpus/skips';
import { Archive } from '../../server/src/archive';
import { DraftAnalyzer } from '../../server/src/facts/draft';

const FEEDS = path.resolve(__dirname, '..', 'fixtures', 'feeds');
const read = (name: string) => readArticles(path.join(FEEDS, name), FEEDS);

describe('feeds: NewsML-G2, NITF and article pages', function () {
  this.timeout(60000);

  it('NewsML-G2: every newsItem of a newsMessage, with headline, date, provider, dateline and body', async () => {
    const { articles, skipped } = await read('anp-newsml.xml');
    assert.deepEqual(articles.map((a) => a.id), ['anp-newsml.xml#urn:newsml:anp.nl:20240812:koersk-1', 'anp-newsml.xml#urn:newsml:anp.nl:20240812:koersk-2']);
    const [a, b] = articles;
    assert.equal(a.title, 'Oekraïne: 1300 vierkante kilometer in Koersk veroverd');
    assert.equal(a.date, '2024-08-12');
    assert.equal(a.source, 'ANP');
    assert.equal(a.text, "KYIV (ANP) - Het Oekraïense leger heeft bij de inval in de Russische regio Koersk zo'n 1300 vierkante kilometer veroverd.\n\nDat zegt opperbevelhebber Syrsky. Volgens hem zijn 74 dorpen in Oekraïense handen.");
    assert.equal(a.exact, false);
    assert.equal(a.lineBase, 8, 'the line where the item opens');
    // An XHTML body, an entity (&#235;), no contentCreated: the version's date.
    assert.equal(b.text, 'KOERSK (ANP) - Uit de grensstreek rond Soedzja zijn 121.000 mensen geëvacueerd, meldt de gouverneur.');
    assert.equal(b.date, '2024-08-12');
    // The third item has a headline and no body: skipped, on its line.
    assert.deepEqual(skipped.map((s) => [s.reason, s.line, describeSkipped(s, 'en', FEEDS)]), [['empty', 47, 'skipped: anp-newsml.xml:47 — empty: the item has no body text']]);
  });

  it('NITF: hedline, dateline location, the compact date, distributor and body.content', async () => {
    const { articles, skipped } = await read('reuters-nitf.xml');
    assert.equal(skipped.length, 0);
    assert.equal(articles.length, 1);
    const [a] = articles;
    assert.equal(a.id, 'reuters-nitf.xml#RTR-20240901-0042');
    assert.equal(a.title, 'Russische aanval op Charkiv: zeker 6 doden');
    assert.equal(a.date, '2024-09-01');
    assert.equal(a.source, 'Reuters');
    assert.equal(a.text, 'CHARKIV (Reuters) - Bij een Russische raketaanval op de stad Charkiv zijn zeker 6 mensen omgekomen en 47 gewond geraakt.\n\nDat meldt de gouverneur van de regio.');
  });

  it('an article page: its own text, not the menu, the aside or the footer; title, date, site and URL from its metadata', async () => {
    const { articles, skipped } = await read('nos-artikel.html');
    assert.equal(skipped.length, 0);
    const [a] = articles;
    assert.equal(a.id, 'nos-artikel.html');
    assert.equal(a.title, 'Oekraïne verovert 1300 vierkante kilometer in Koersk');
    assert.equal(a.date, '2024-08-12');
    assert.equal(a.source, 'Nieuwsdienst');
    assert.equal(a.url, 'https://nieuws.example/artikel/1300-koersk');
    assert.match(a.text, /^Het Oekraïense leger heeft bij de inval in de regio Koersk zo'n 1300 vierkante kilometer veroverd/);
    assert.match(a.text, /\n\nVolgens hem zijn 74 dorpen/);
    for (const chrome of ['5000 berichten', 'Lees ook', '12 tips', '300 medewerkers', 'Postbus']) assert.ok(!a.text.includes(chrome), `not "${chrome}"`);
  });

  it('bad files are reported, and nothing else in the folder is lost', async () => {
    const broken = await read('kapot.xml');
    assert.equal(broken.articles.length, 0);
    assert.equal(broken.skipped[0].reason, 'bad-xml');
    assert.equal(broken.skipped[0].line, 6);
    assert.match(describeSkipped(broken.skipped[0], 'nl', FEEDS), /^overgeslagen: kapot\.xml:6 — geen geldige XML: Expected closing tag 'contentMeta'/);
    const rss = await read('rss.xml');
    assert.deepEqual(rss.skipped.map((s) => describeSkipped(s, 'nl', FEEDS)), ['overgeslagen: rss.xml — XML, maar geen persbureaubericht (NewsML-G2 of NITF): hoofdelement <rss>']);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-feeds-'));
    try {
      fs.writeFileSync(path.join(dir, 'leeg.html'), '<html><head><title>Niets</title></head><body><nav>Home</nav></body></html>');
      const empty = await readArticles(path.join(dir, 'leeg.html'), dir);
      assert.deepEqual(empty.skipped.map((s) => [s.reason, s.detail]), [['empty', 'no article text found in the page']]);
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  it('a folder of feeds is an archive: the conflict check cites the agency item', async () => {
    const archive = new Archive({ paths: [FEEDS], baseDir: FEEDS, cacheDir: null, workers: 0 });
    const report = await archive.build();
    assert.equal(report.articles, 4);
    assert.deepEqual(report.skipped.map((s) => path.basename(s.file)).sort(), ['anp-newsml.xml', 'kapot.xml', 'rss.xml']);
    const draft = "Het Oekraïense leger veroverde bij de inval in de regio Koersk in augustus zo'n 1800 vierkante kilometer.";
    const v = new DraftAnalyzer(archive.index, '2024-08-20').analyze(draft)!.verdicts.find((x) => x.verdict === 'conflict');
    assert.ok(v, 'a conflict');
    const sources = v.matches.map((m) => m.claim.source.article.id);
    assert.ok(sources.some((id) => id.startsWith('anp-newsml.xml#') || id === 'nos-artikel.html'), sources.join(', '));
  });
});
