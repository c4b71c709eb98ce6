// Multi-word place names in another transliteration, anywhere in a sentence.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PlaceLexicon, learnPlaceFacts, recognizePlaces } from '../../server/src/dutch/places';

const SAMPLES = path.resolve(__dirname, '..', '..', 'samples', 'corpus');

describe('recognizePlaces: multi-word transliteration variants', () => {
  let lex: PlaceLexicon;
  before(() => {
    lex = PlaceLexicon.load();
    lex.addLearned(fs.readdirSync(SAMPLES).flatMap((f) => learnPlaceFacts(fs.readFileSync(path.join(SAMPLES, f), 'utf8'))));
  });

  it('finds an English spelling of a two-word place the archive taught, also right after a sentence-initial preposition', () => {
    const id = lex.lookup('Zeleny Sjljach')!.id;
    for (const text of ['In Zeleny Shlyakh vielen doden.', 'Er vielen doden bij Zelenyi Shlyakh.', 'Bij Zeleny Shlyakh werden negen krijgsgevangenen geëxecuteerd.']) {
      const m = recognizePlaces(text, lex);
      assert.equal(m.length, 1, text);
      assert.equal(m[0].id, id);
      assert.match(m[0].text, /^Zelenyi? Shlyakh$/);
    }
  });

  it('finds a variant spelling at the start of a sentence for house-spelled and archive-taught places only', () => {
    for (const [text, name] of [['Kursk werd opnieuw beschoten.', 'Koersk'], ['Sudzha ligt vlak bij de grens.', 'Soedzja'], ['Kharkiv kreeg stroom terug.', 'Charkiv'], ['Er werd gevochten rond Lyubimovka.', 'Ljoebimovka']]) {
      const m = recognizePlaces(text, lex);
      assert.equal(m.length, 1, text);
      assert.equal(m[0].id, lex.lookup(name)!.id, text);
    }
    // An ordinary sentence-initial word whose skeleton equals a Cyrillic-country place is no place.
    assert.deepEqual(recognizePlaces('Willen zij echt vrede?', lex), []);
  });

  it('does not glue an unrelated capitalised word to a weak one-word name', () => {
    const m = recognizePlaces('In Zeleny Huis vielen doden.', lex);
    assert.ok(!m.some((x) => x.text === 'Zeleny Huis'));
  });
});
