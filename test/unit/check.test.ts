// The conflict check on sentences of our own against the sample corpus: number words, variant
// spellings, the same number about another place, and figures the archive knows nothing about.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Archive } from '../../server/src/archive';
import { DraftAnalyzer } from '../../server/src/facts/draft';
import { computeDiagnostics, DEFAULT_DIAGNOSTIC_OPTIONS } from '../../server/src/features/diagnostics';
import type { FigureVerdict } from '../../server/src/facts/check';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples', 'corpus');

async function archiveOf(dir: string): Promise<Archive> {
  const a = new Archive({ paths: [dir], baseDir: process.cwd(), cacheDir: null, workers: 0 });
  await a.build();
  return a;
}

function verdictOf(analyzer: DraftAnalyzer, text: string, figure: string): FigureVerdict {
  const a = analyzer.analyze(text)!;
  const start = text.indexOf(figure);
  assert.ok(start >= 0, `test sentence contains ${figure}`);
  const v = a.verdicts.find((x) => x.figure.start < start + figure.length && x.figure.end > start);
  assert.ok(v, `a figure found at “${figure}” in “${text}”; found: ${a.figures.map((f) => f.text).join(' | ')}`);
  return v!;
}

describe('conflict check against the sample corpus', function () {
  this.timeout(30000);
  let analyzer: DraftAnalyzer;
  before(async () => { analyzer = new DraftAnalyzer((await archiveOf(SAMPLES)).index, '2025-01-20'); });

  const cases: [string, string, 'conflict' | 'consistent' | 'unknown' | 'unconfirmed', string?][] = [
    // [draft, figure, verdict, a number the message must cite]
    ['De Oekraïners namen in augustus dertienhonderd vierkante kilometer in.', 'dertienhonderd vierkante kilometer', 'consistent'],
    ['Oekraïne veroverde in de zomer 2000 vierkante kilometer Russisch grondgebied.', '2000 vierkante kilometer', 'conflict', '1300'],
    ['In de regio Kursk zijn ruim 133.000 inwoners gevlucht.', 'ruim 133.000 inwoners', 'consistent'],
    ['Pokrovsk had voor de oorlog zestigduizend inwoners.', 'zestigduizend inwoners', 'consistent'],
    ['Pokrovsk telde voor de oorlog 90.000 inwoners.', '90.000 inwoners', 'conflict', '60.000'],
    ['In de regio Charkov werden 350 nederzettingen heroverd.', '350 nederzettingen', 'conflict', '502'],
    ['In Kharkiv zijn 502 nederzettingen bevrijd.', '502 nederzettingen', 'consistent'],
    ['In Donetsk werden 43 nederzettingen bevrijd.', '43 nederzettingen', 'consistent'],
    // The same number about another place is another claim.
    ['In Donetsk werden 502 nederzettingen bevrijd.', '502 nederzettingen', 'conflict', '43'],
    ['In Loehansk zijn zeven nederzettingen heroverd.', 'zeven nederzettingen', 'consistent'],
    ['In Loehansk zijn 70 nederzettingen heroverd.', '70 nederzettingen', 'conflict', '7'],
    ['Rusland heeft inmiddels 60 procent van het veroverde gebied in Koersk heroverd.', '60 procent', 'conflict', '40'],
    // An undated event is the draft's own: which strike or night it is, the archive cannot tell.
    ['Op weg naar Moskou werden elf drones neergehaald.', 'elf drones', 'unknown'],
    ["Bij de inval in augustus veroverde het Oekraïense leger zo'n vijftienhonderd vierkante kilometer Russisch grondgebied.", "zo'n vijftienhonderd vierkante kilometer", 'conflict', '1300'],
    ['Volgens de VS vechten er vijftienduizend Noord-Koreaanse soldaten in Kursk.', 'vijftienduizend Noord-Koreaanse soldaten', 'conflict', '11.000'],
    ["In Pokrovsk woonden voor de oorlog zo'n zestigduizend mensen.", "zo'n zestigduizend mensen", 'consistent'],
    ['In de regio Cherson werden honderd nederzettingen heroverd.', 'honderd nederzettingen', 'conflict', '75'],
    // The archive counts the executions at one village; the region's toll is another quantity.
    ['In Koersk werden twaalf krijgsgevangenen geëxecuteerd.', 'twaalf krijgsgevangenen', 'unknown'],
    ['Bij Zeleny Sjljach werden twaalf krijgsgevangenen geëxecuteerd.', 'twaalf krijgsgevangenen', 'conflict', 'negen'],
    // The same number about another place, or a place the archive has no such figure for.
    ['In de regio Zaporizja werden 75 nederzettingen bevrijd.', '75 nederzettingen', 'unknown'],
    ['Rusland heeft 40 procent van de regio Loehansk veroverd.', '40 procent', 'unknown'],
    ["Het dorpje Mezhove ligt zo'n 40 kilometer van Pokrovsk.", "zo'n 40 kilometer", 'conflict', '30'],
    ['Oekraïne heroverde in september 2022 in totaal 600 nederzettingen.', '600 nederzettingen', 'consistent'],
    ['Oekraïne heroverde in september 2022 in totaal 800 nederzettingen.', '800 nederzettingen', 'conflict', '600'],
    ['In de regio Loegansk werden twintig dorpen heroverd.', 'twintig dorpen', 'conflict', '7'],
    // The archive's last report (October 2024) is over three months before the draft: a note, not a conflict.
    ['Rusland zette 80.000 soldaten in bij het tegenoffensief in Koersk.', '80.000 soldaten', 'unconfirmed'],
    // Residents are not the soldiers a demonym counts; deaths are not evacuations.
    ['In Koersk zijn 5000 mensen omgekomen.', '5000 mensen', 'unknown'],
    // Nothing in the archive about these.
    ['In Soemy wonen 250.000 mensen.', '250.000 mensen', 'unknown'],
    ['In Kramatorsk vielen vorige week 12 doden.', '12 doden', 'unknown'],
    ['Zelensky sprak drie uur met zijn generaals in Kyiv.', 'drie uur', 'unknown'],
    ['In de stad Koersk staan 300 bushokjes.', '300 bushokjes', 'unknown'],
  ];

  for (const [text, figure, expected, cite] of cases) {
    it(`${expected}: ${text}`, () => {
      const v = verdictOf(analyzer, text, figure);
      const got = v.verdict === 'outdated' ? 'consistent' : v.verdict;
      assert.equal(got, expected, `matches: ${v.matches.map((m) => `${m.claim.figure.text} [${m.reasons.join(',')}]`).join('; ')}`);
      if (cite) {
        const doc = TextDocument.create('file:///d.kopij', 'kopij', 1, text);
        const diags = computeDiagnostics(doc, analyzer.analyze(text)!, analyzer.index, DEFAULT_DIAGNOSTIC_OPTIONS);
        const d = diags.find((x) => x.code === 'figure-conflict');
        assert.ok(d, 'a figure-conflict diagnostic');
        assert.ok(String(d!.message).includes(cite), `message cites ${cite}: ${d!.message}`);
      }
    });
  }

  it('explains why a claim matched', () => {
    const v = verdictOf(analyzer, 'In Loehansk zijn 70 nederzettingen heroverd.', '70 nederzettingen');
    const reasons = v.matches[0].reasons.join(' ');
    assert.match(reasons, /place:/);
    assert.match(reasons, /role:retaken/);
    assert.match(reasons, /head:settlement/);
  });
});

describe('outdated figures', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-outdated-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), ' date 2024-03-02 In het dorp Velyka Novosilka wonen nog 1200 mensen, zegt de burgemeester van Velyka Novosilka.\n');
    fs.writeFileSync(path.join(dir, 'b.txt'), ' date 2025-01-10 In het dorp Velyka Novosilka wonen nu nog 300 mensen, meldt de regionale overheid. Velyka Novosilka ligt aan het front.\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('marks a figure that only an older article supports as outdated, naming the newer figure', async () => {
    const analyzer = new DraftAnalyzer((await archiveOf(dir)).index, '2025-02-01');
    const text = 'In het dorp Velyka Novosilka wonen 1200 mensen.';
    const v = verdictOf(analyzer, text, '1200 mensen');
    assert.equal(v.verdict, 'outdated');
    assert.equal(v.newer[0].claim.figure.value, 300);
    const doc = TextDocument.create('file:///d.kopij', 'kopij', 1, text);
    const d = computeDiagnostics(doc, analyzer.analyze(text)!, analyzer.index, DEFAULT_DIAGNOSTIC_OPTIONS).find((x) => x.code === 'figure-outdated');
    assert.ok(d);
    assert.equal(d!.severity, 3);
    assert.match(String(d!.message), /300/);
  });

  it('a figure matching the newest article is simply consistent', async () => {
    const analyzer = new DraftAnalyzer((await archiveOf(dir)).index, '2025-02-01');
    assert.equal(verdictOf(analyzer, 'In Velyka Novosilka wonen nog 300 mensen.', '300 mensen').verdict, 'consistent');
  });
});

describe('draft analysis is incremental per paragraph', function () {
  this.timeout(30000);
  it('re-analyses only the paragraph that changed', async () => {
    const analyzer = new DraftAnalyzer((await archiveOf(SAMPLES)).index, '2025-01-20');
    const paras = [
      'Pokrovsk telde voor de oorlog 90.000 inwoners.',
      'In de stad Koersk zijn bij zestig busstations schuilkelders geplaatst.',
      'In Loehansk zijn zeven nederzettingen heroverd.',
    ];
    analyzer.analyze(paras.join('\n\n'));
    const before = analyzer.analysedParagraphs;
    paras[1] = 'In de stad Koersk zijn bij tachtig busstations schuilkelders geplaatst.';
    const a = analyzer.analyze(paras.join('\n\n'))!;
    assert.equal(analyzer.analysedParagraphs - before, 1);
    assert.equal(a.verdicts.find((v) => v.figure.text.includes('tachtig'))?.verdict, 'conflict');
    // Offsets of figures in later paragraphs are document offsets.
    const text = paras.join('\n\n');
    const z = a.figures.find((f) => f.text.startsWith('zeven'))!;
    assert.equal(text.slice(z.start, z.end), z.text);
  });
});
