// The verdict on archives of our own: each false warning the issue quotes from real copy, made of
// sentences of the same kind, and the real disagreements that must still be found.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Archive } from '../../../server/src/archive';
import { DraftAnalyzer } from '../../../server/src/facts/draft';
import { computeDiagnostics, CODES, DEFAULT_DIAGNOSTIC_OPTIONS, type DiagnosticData } from '../../../server/src/features/diagnostics';
import type { Verdict } from '../../../server/src/facts/check';

const ARCHIVE: Record<string, string> = {
  'a1.txt': ` date 2024-07-08
Raketaanval op Kyiv

KYIV (ANP) - Bij een Russische raketaanval op Kyiv zijn maandag zeker 22 mensen om het leven gekomen. Ruim honderd mensen raakten gewond. Rusland vuurde 38 raketten af.`,
  'a2.txt': ` date 2024-07-09
Dodental aanval Kyiv loopt op

KYIV (ANP) - Het dodental van de Russische raketaanval op Kyiv van maandag is opgelopen tot ten minste 29. Onder de doden is een 12-jarig meisje.`,
  'a3.txt': ` date 2024-09-02
Nieuwe aanval op Kyiv

KYIV (ANP) - Bij een nieuwe aanval op Kyiv zijn vannacht zeven mensen om het leven gekomen en 34 mensen gewond geraakt. In de stad wonen nog zo'n 22.000 mensen in de getroffen wijk.`,
  'a4.txt': ` date 2024-10-15
Koersk

Oekraïne heeft in de regio Koersk nog bijna 800 vierkante kilometer in handen. Het leger had begin augustus zo'n 1300 vierkante kilometer veroverd.`,
  'a5.txt': ` date 2025-03-12
Koersk teruggewonnen

Oekraïne heeft in de regio Koersk nog zo'n 200 vierkante kilometer in handen.`,
  'a6.txt': ` date 2024-11-20
Noord-Koreanen

Volgens Kyiv vechten in de regio Koersk zo'n 11.000 Noord-Koreaanse militairen mee. Rusland zet er daarnaast 50.000 eigen militairen in. Volgens Londen zijn sinds het begin van de oorlog zeker 150.000 Russische militairen gedood of gewond.`,
  'a8.txt': ` date 2024-01-03
Gevangenenruil

Rusland en Oekraïne hebben weer krijgsgevangenen uitgewisseld. Rusland heeft 230 Oekraïners vrijgelaten. Oekraïne liet op zijn beurt 248 Russen gaan.`,
  'a7.txt': ` date 2024-11-22
Cherson

In de regio Cherson wonen nog 160.000 mensen. Het offensief duurde twee jaar. De dienst groeide vorig jaar met 190 banen. Een boete van 20.000 euro werd opgelegd aan de gemeente.`,
};

describe('the verdict: the same quantity, or silence', function () {
  this.timeout(60000);
  let dir: string;
  let archive: Archive;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-verdict-'));
    for (const [f, t] of Object.entries(ARCHIVE)) fs.writeFileSync(path.join(dir, f), t);
    archive = new Archive({ paths: [dir], baseDir: dir, cacheDir: null, workers: 0 });
    await archive.build();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function check(text: string, figure: string, today: string) {
    const analyzer = new DraftAnalyzer(archive.index, today);
    const a = analyzer.analyze(text)!;
    const at = text.indexOf(figure);
    const v = a.verdicts.find((x) => x.figure.start < at + figure.length && x.figure.end > at);
    assert.ok(v, `a figure at “${figure}”`);
    const doc = TextDocument.create('file:///draft.kopij', 'kopij', 1, text);
    const d = computeDiagnostics(doc, a, archive.index, DEFAULT_DIAGNOSTIC_OPTIONS).find((x) => doc.offsetAt(x.range.start) === v!.figure.start);
    return { verdict: v!.verdict, diagnostic: d };
  }

  const cases: [string, string, string, Verdict, string?][] = [
    // [draft, figure, its present, verdict, a number the message cites]
    // The same strike, reported twice: the newest report counts; the first day's number is outdated.
    ['Bij de raketaanval op Kyiv van 8 juli 2024 kwamen zeker 22 mensen om.', 'zeker 22 mensen', '2024-07-10', 'outdated', '29'],
    ['Bij de raketaanval op Kyiv van 8 juli 2024 kwamen zeker 29 mensen om.', 'zeker 29 mensen', '2024-07-10', 'consistent'],
    ['Bij de raketaanval op Kyiv van 8 juli 2024 kwamen 15 mensen om.', '15 mensen', '2024-07-10', 'conflict', '29'],
    // "minstens acht" is eight or more: it agrees with 29.
    ['Bij de raketaanval op Kyiv van 8 juli 2024 kwamen minstens acht mensen om.', 'minstens acht mensen', '2024-07-10', 'consistent'],
    // The toll of another strike on the same city is another quantity.
    ['Bij een aanval op Kyiv kwamen vannacht zeker 22 mensen om.', 'zeker 22 mensen', '2024-12-01', 'unknown'],
    ['Bij de aanval op Kyiv van 2 september 2024 kwamen zeven mensen om.', 'zeven mensen', '2024-09-10', 'consistent'],
    ['Bij de aanval op Kyiv van 2 september 2024 kwamen negen mensen om.', 'negen mensen', '2024-09-10', 'conflict', 'zeven'],
    // Wounded are not inhabitants; an age is not a toll.
    ['Bij de aanval op Kyiv van 2 september 2024 raakten 34 mensen gewond.', '34 mensen', '2024-09-10', 'consistent'],
    ['Onder de doden van de aanval op Kyiv van 8 juli 2024 was een 12-jarig meisje.', '12', '2024-07-10', 'unknown'],
    // A newer report supersedes an older one: the draft that says what it says is right.
    ["Oekraïne heeft in de regio Koersk nog zo'n 200 vierkante kilometer in handen.", "zo'n 200 vierkante kilometer", '2025-03-14', 'consistent'],
    ['Oekraïne heeft in de regio Koersk nog bijna 800 vierkante kilometer in handen.', 'bijna 800 vierkante kilometer', '2025-03-14', 'outdated', '200'],
    ['Oekraïne heeft in de regio Koersk nog 500 vierkante kilometer in handen.', '500 vierkante kilometer', '2025-03-14', 'conflict', '200'],
    // Area held is not area captured.
    ["Oekraïne veroverde begin augustus 2024 zo'n 1300 vierkante kilometer in de regio Koersk.", "zo'n 1300 vierkante kilometer", '2025-03-14', 'consistent'],
    ['Oekraïne veroverde begin augustus 2024 zo\'n 2000 vierkante kilometer in de regio Koersk.', "zo'n 2000 vierkante kilometer", '2025-03-14', 'conflict', '1300'],
    // The wrong side is another quantity.
    ['In de regio Koersk vechten 11.000 Russische militairen.', '11.000 Russische militairen', '2024-11-25', 'unknown'],
    ['In de regio Koersk vechten 15.000 Noord-Koreaanse militairen.', '15.000 Noord-Koreaanse militairen', '2024-11-25', 'conflict', '11.000'],
    // Killed is not killed-or-wounded; a rate is not a total; a later, higher total is no conflict.
    ['Sinds het begin van de oorlog zijn 150.000 Russische militairen gesneuveld.', '150.000 Russische militairen', '2024-11-25', 'unknown'],
    ['Er vallen aan Russische kant 1500 doden en gewonden per dag.', '1500 doden en gewonden', '2024-11-25', 'unknown'],
    ['Sinds het begin van de oorlog zijn 400.000 Russische militairen gedood of gewond.', '400.000 Russische militairen', '2025-06-01', 'consistent'],
    ['Sinds het begin van de oorlog zijn 100.000 Russische militairen gedood of gewond.', '100.000 Russische militairen', '2024-11-25', 'conflict', '150.000'],
    // What is left of a stock ("nog") only shrinks: a later draft may give fewer, not more.
    ['In de regio Cherson wonen nog 120.000 mensen.', '120.000 mensen', '2024-12-20', 'unknown'],
    ['In de regio Cherson wonen nog 200.000 mensen.', '200.000 mensen', '2024-12-20', 'conflict', '160.000'],
    ['In de regio Cherson wonen 120.000 mensen.', '120.000 mensen', '2024-11-22', 'conflict', '160.000'],
    // The city and the region of one name are different places.
    ['In de stad Cherson wonen nog 60.000 mensen.', '60.000 mensen', '2024-11-25', 'unknown'],
    ['In de regio Cherson wonen nog 200.000 mensen.', '200.000 mensen', '2024-11-25', 'conflict', '160.000'],
    // Durations, changes, amounts of someone else, vague quantities and places the archive does not know.
    ['Het liedje deed er 17 weken over om de top te bereiken.', '17 weken', '2024-11-25', 'unknown'],
    ["Zo'n 600.000 mensen hebben twee of meer banen.", "Zo'n 600.000 mensen", '2024-11-25', 'unknown'],
    ['Uber moet 2,3 miljoen euro betalen.', '2,3 miljoen euro', '2024-11-25', 'unknown'],
    ['Voor de oorlog telde Pokrovsk 60.000 inwoners.', '60.000 inwoners', '2024-11-25', 'unknown'],
    ['Duizenden mensen sloegen in Kyiv op de vlucht.', 'Duizenden mensen', '2024-11-25', 'unknown'],
    // "elk 230": every side's count must agree; one side's count alone is consistent.
    ['Bij de ruil van januari 2024 kregen beide landen elk 230 gevangenen terug.', 'elk 230 gevangenen', '2024-02-01', 'conflict', '248'],
    ['Bij de ruil van januari 2024 kregen 230 Oekraïners hun vrijheid terug.', '230 Oekraïners', '2024-02-01', 'consistent'],
    // "Kyiv meldt" names the government: the figure is not placed in Kyiv.
    ['Kyiv meldt dat 40 Noord-Koreaanse militairen zijn gesneuveld.', '40 Noord-Koreaanse militairen', '2024-11-25', 'unknown'],
  ];
  for (const [text, figure, today, verdict, cites] of cases) {
    it(`${verdict}: “${text}” (${today})`, () => {
      const r = check(text, figure, today);
      assert.equal(r.verdict, verdict);
      if (verdict === 'conflict' || verdict === 'outdated') {
        assert.ok(r.diagnostic, 'a diagnostic');
        assert.equal(r.diagnostic!.code, verdict === 'conflict' ? CODES.conflict : CODES.outdated);
        if (cites) assert.match(String(r.diagnostic!.message), new RegExp(`\\b${cites.replace('.', '\\.')}\\b`));
      } else {
        assert.ok(!r.diagnostic, `no diagnostic: ${r.diagnostic?.message}`);
      }
    });
  }

  it('a state whose newest report is older than three months gets a note, not a conflict', () => {
    const r = check('Oekraïne heeft in de regio Koersk nog 500 vierkante kilometer in handen.', '500 vierkante kilometer', '2025-09-01');
    assert.equal(r.verdict, 'unconfirmed');
    assert.equal(r.diagnostic!.code, CODES.unconfirmed);
    assert.equal(r.diagnostic!.severity, 3);
  });

  it('the quick fix replaces a figure only on an exact match, never on a right one', () => {
    const wrong = check('Oekraïne heeft in de regio Koersk nog 500 vierkante kilometer in handen.', '500 vierkante kilometer', '2025-03-14');
    assert.deepEqual((wrong.diagnostic!.data as DiagnosticData).replacements?.map((x) => x.text), ["200"]);
    const right = check("Oekraïne heeft in de regio Koersk nog zo'n 200 vierkante kilometer in handen.", "zo'n 200 vierkante kilometer", '2025-03-14');
    assert.equal(right.diagnostic, undefined);
  });

  it('a report written after the draft\'s present does not count', () => {
    assert.equal(check('Oekraïne heeft in de regio Koersk nog bijna 800 vierkante kilometer in handen.', 'bijna 800 vierkante kilometer', '2024-10-20').verdict, 'consistent');
  });
});
