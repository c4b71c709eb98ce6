// The house-spelling hint: only a spelling of the same name is a variant. A street the archive
// names shows as the archive writes it (not as its spelling key), and the three-letter country
// abbreviations of a sports result are abbreviations, not misspellings.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Workspace } from '../../server/src/service/workspace';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples', 'corpus');

describe('house-spelling hints on real kinds of copy', function () {
  this.timeout(60000);
  let dir: string;
  let ws: Workspace;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-variant-'));
    fs.writeFileSync(path.join(dir, 'cafe.txt'), ' date 2019-03-12\nHet wetenschapscafé gaat over luchtkwaliteit. Het café begint om 20.00 uur in het buurthuis aan de Kaaistraat 20 in Arnhem.\n');
    // (dpgmedia2019 writes Istanbul 26 times and Istanboel, the curated exonym, 17)
    fs.writeFileSync(path.join(dir, 'istanbul.txt'), ' date 2019-03-20\nIn Istanbul demonstreerden duizenden mensen. De burgemeester van Istanbul sprak hen toe. Istanbul is de grootste stad van Turkije. Ook in Ankara en Istanboel was het onrustig. In Nieuw-Zeeland en Australië bleef het rustig.\n');
    fs.writeFileSync(path.join(dir, 'wereld.txt'), ' date 2019-03-22\nIn Amerika, Rome en Georgië werd gestemd. De verkiezingen in Amerika trokken veel kiezers. In Rome bleef het rustig, in Georgië niet.\n');
    fs.writeFileSync(path.join(dir, 'pjongjang.txt'), ' date 2019-03-21\nIn Pyongyang werd de delegatie ontvangen. Pyongyang zweeg over de raketten. Ook in Pyongyang was het stil.\n');
    fs.writeFileSync(path.join(dir, 'wielrennen.txt'), ' date 2019-03-14\nUitslag van de etappe: 1. De Gendt (België) 4.12.03, 2. Valverde (Spanje) z.t., 3. Matthews (Australië) +0.12. België won ook de ploegentijdrit.\n');
    ws = new Workspace({ folders: [dir], corpus: [dir, SAMPLES], locale: 'nl', cacheDir: null, date: '2025-01-20' });
    await ws.rebuild();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  let version = 0;
  const variants = (text: string) => {
    const doc = TextDocument.create('file:///redactie/concept.kopij', 'kopij', ++version, text);
    ws.analysis(doc.uri, version, text);
    return (ws.diagnostics(doc) ?? []).filter((d) => d.code === 'variant-spelling').map((d) => [doc.getText(d.range), d.message]);
  };

  it('a street the archive names is displayed as written, and its own spelling gets no hint', () => {
    assert.equal(ws.index!.placeName(ws.index!.resolve('Kaaistraat') ?? [...ws.index!.topPlaces(1000)].find((p) => /Kaaistraat/.test([...(ws.index!.place(p.id)?.variants.keys() ?? [])].join()))?.id ?? ''), 'Kaaistraat');
    assert.deepEqual(variants('De lezing is om acht uur aan de Kaaistraat 20 in Arnhem.'), []);
  });

  it('three-letter country abbreviations in a result are not spelling variants', () => {
    assert.deepEqual(variants('Klassement: 1. De Gendt (Bel) 8.23.50, 2. Valverde (Spa) +2.47, 3. Matthews (Aus) +2.48.'), []);
  });

  it('a spelling the archive itself writes in a third of its mentions gets no hint from a curated exonym; a rare one does', () => {
    assert.deepEqual(variants('De verkiezingen in Istanbul worden overgedaan.'), []);
    assert.deepEqual(variants('De verkiezingen in Istanboel worden overgedaan.'), []);
    assert.deepEqual(variants('Het regime in Pjongjang reageerde niet.').map(([w]) => w), ['Pjongjang']);
  });

  it('a place name inside a longer name is not corrected, nor a US state taken for a country', () => {
    // (dpgmedia2019 and De Morgen 2000: "Delhaize America", "America Online", "AS Roma", "in de staat Georgia")
    assert.deepEqual(variants('De overname van Hannaford door Delhaize America mag doorgaan.'), []);
    assert.deepEqual(variants('Het portaal America Online groeit.'), []);
    assert.deepEqual(variants('Hij vertrok naar AS Roma.'), []);
    assert.deepEqual(variants('De prijs van de Council of Fashion Designers of America ging naar haar.'), []);
    assert.deepEqual(variants('Hij emigreerde naar Nieuw Zeeland.').map(([w]) => w), ['Nieuw Zeeland']);
    assert.deepEqual(variants('Hij verhuisde vorig jaar naar America.').map(([w]) => w), ['America']);
    assert.deepEqual(variants('In Nieuw Zeeland is het zomer.').map(([w]) => w), ['Nieuw Zeeland']);
    // (archive-ukraine 045: a sentence's last word is no part of the next one's name)
    assert.deepEqual(variants('Het ligt lager dan in Australië. Nieuw Zeeland spreekt van meer.').map(([w]) => w), ['Nieuw Zeeland']);
    assert.deepEqual(variants('Het dorpje Hephzibah ligt in de staat Georgia.'), []);
  });

  it('a transliteration of a name the archive spells otherwise still gets its hint', () => {
    assert.deepEqual(variants('De strijd in de regio Kursk gaat door.'), [['Kursk', '“Kursk” is een spellingsvariant; de huisstijl schrijft “Koersk”.']]);
  });
});
