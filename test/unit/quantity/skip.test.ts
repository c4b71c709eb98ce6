// Not figures to check: ages, vague quantities, numbers in names, durations, lengths that are no
// distance, changes and figures without a predicate. Sentences of our own, of the kinds real copy has.

import assert from 'node:assert/strict';
import { quantityOf } from './read-helper';

describe('quantity: not figures to check', function () {
  this.timeout(60000);
  const cases: [string, string, string][] = [
    // [sentence, figure, reason]
    ['Onder de doden is een 12-jarig meisje.', '12', 'age'],
    ['Bij de aanval kwam een 9-jarige jongen om het leven.', '9', 'age'],
    ['De oudste teruggekeerde krijgsgevangene was 63 jaar.', '63 jaar', 'age'],
    ['Een van de twee gevangenen is 20 jaar oud; de ander is 26.', '26', 'age'],
    ['Het gaat om jongeren die jonger dan 25 zijn.', '25', 'age'],
    ['In de Dominicaanse Republiek zijn drie mensen aangehouden in verband met de dood van de Nederlander Roy van Tinteren (55).', '55', 'age'],
    ['Het gaat onder meer om Ilham (24) uit Gouda en Meryem (29) uit Zoetermeer.', '29', 'age'],
    ['Duizenden mensen sloegen op de vlucht.', 'Duizenden mensen', 'vague'],
    ['Bij de beschietingen kwamen enkele burgers om.', 'enkele burgers', 'vague'],
    ['Tientallen gebouwen liepen schade op.', 'Tientallen gebouwen', 'vague'],
    ['Het luchtalarm duurde zes uur.', 'zes uur', 'duration'],
    ['De verwoeste brug was zo\'n 200 meter lang.', "zo'n 200 meter", 'length'],
    ['Het aantal banen bij de dienst groeide met 190 banen.', '190 banen', 'change'],
    ['Op het plein stonden 300 mensen.', '300 mensen', 'generic'],
    ['Er waren 40 personen in de zaal.', '40 personen', 'generic'],
    // (dpgmedia2019: a party's vote share against another party's poll, deaths of measles against jihadists' deaths)
    ['Den Bosch In Den Bosch werd de VVD met 16 procent van de stemmen met enige afstand de grootste, al verloor de partij ook hier iets.', '16 procent', 'party'],
    ['Uit de laatste landelijke peilingen blijkt dat de partij van Baudet 9 procent van de stemmen kan krijgen, mediastilte of niet.', '9 procent', 'party'],
    ['Rond de millenniumwisseling stierven er drie Nederlanders aan mazelen.', 'drie Nederlanders', 'cause'],
    // (dpgmedia2019: a city's housing target against a foundation's plan)
    ['Dat draagt bij aan het doel om er tijdens deze collegeperiode 18.000 huizen bij te bouwen.', '18.000 huizen', 'plan'],
    ['De familie wil op termijn ook een middelbare school beginnen én ze wil 50 tot 75 huizen bouwen voor leraren.', '50 tot 75 huizen', 'plan'],
  ];
  for (const [text, figure, reason] of cases) {
    it(`${reason}: “${text}”`, () => assert.equal(quantityOf(text, figure).skip, reason));
  }
  it('a figure with its predicate is checked', () => {
    assert.equal(quantityOf('Bij de aanval raakten 34 mensen gewond.', '34 mensen').skip, null);
    // (A toll's victims who died of their wounds keep the toll's predicate.)
    assert.equal(quantityOf('Bij de aanval op Dnipro overleden later nog twee mensen aan hun verwondingen.', 'twee mensen').skip, null);
    assert.equal(quantityOf('Het dorp Mezhove ligt op 12 kilometer van Pokrovsk.', '12 kilometer').skip, null);
  });
});
