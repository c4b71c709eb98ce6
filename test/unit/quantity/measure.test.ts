// What is measured: the counted concept, the predicate that defines it and the side.

import assert from 'node:assert/strict';
import { quantityOf } from './read-helper';

describe('quantity: what is measured', function () {
  this.timeout(60000);
  const cases: [string, string, string | null, string | null, string | null][] = [
    // [sentence, figure, head, role, side]
    ['Bij de aanval raakten 34 mensen gewond.', '34 mensen', 'human', 'wounded', null],
    ['In Tsjasiv Jar wonen nog zo\'n 22.000 mensen.', "zo'n 22.000 mensen", 'human', 'resident', null],
    ['Bij de raketaanval kwamen zeker twaalf mensen om en raakten 43 mensen gewond.', 'zeker twaalf mensen', 'human', 'killed', null],
    ['Bij de raketaanval kwamen zeker twaalf mensen om en raakten 43 mensen gewond.', '43 mensen', 'human', 'wounded', null],
    ['In de hoofdstad vielen zeker vijftien doden en 37 gewonden.', 'zeker vijftien doden', 'human', 'killed', null],
    ['In de hoofdstad vielen zeker vijftien doden en 37 gewonden.', '37 gewonden', 'human', 'wounded', null],
    ['Volgens Londen zijn 150.000 Russische militairen gedood of gewond.', '150.000 Russische militairen', 'soldier', 'casualty', 'russ'],
    ['Volgens Londen zijn 150.000 Russische militairen gesneuveld.', '150.000 Russische militairen', 'soldier', 'killed', 'russ'],
    ['Volgens Kyiv vechten 11.000 Noord-Koreanen mee in Koersk.', '11.000 Noord-Koreanen', 'human', 'deployed', 'noordkore'],
    ['Noord-Korea heeft ongeveer 3000 militairen naar Rusland gestuurd.', 'ongeveer 3000 militairen', 'soldier', 'sent', 'noordkore'],
    ['Rusland vuurde die nacht 38 raketten af, van wie er 30 werden onderschept.', '38 raketten', 'missile', 'launched', 'russ'],
    ['Rusland vuurde die nacht 38 raketten af, van wie er 30 werden onderschept.', '30', 'missile', 'downed', 'russ'],
    ['Bij de ruil kregen beide landen elk 230 gevangenen terug.', '230 gevangenen', 'human', 'exchanged', null],
    ['Oekraïne heeft in Koersk nog zo\'n 200 vierkante kilometer in handen.', "zo'n 200 vierkante kilometer", 'area', 'held', 'oekrain'],
    ['Rusland heeft 40 procent van het door Oekraïne veroverde gebied heroverd.', '40 procent', null, 'retaken', 'russ'],
    ['Oekraïne is inmiddels 40 procent van het veroverde gebied kwijt.', '40 procent', null, 'retaken', 'oekrain'],
    ['Ongeveer 20.000 mensen zijn niet vertrokken.', 'Ongeveer 20.000 mensen', 'human', null, null],
    ['In de Dominicaanse Republiek zijn drie mensen aangehouden in verband met de dood van de Nederlander Roy van Tinteren.', 'drie mensen', 'human', null, null],
    ['Bij de aanval werden drie mensen dood aangetroffen.', 'drie mensen', 'human', 'killed', null],
  ];
  for (const [text, figure, head, role, side] of cases) {
    it(`“${figure}” in “${text}”`, () => {
      const m = quantityOf(text, figure).measure;
      assert.deepEqual([m.head, m.role, m.side], [head, role, side]);
    });
  }
  it('a part takes the predicate of its whole: "23 mensen om, onder wie vier kinderen"', () => {
    const m = quantityOf('Bij de aanval kwamen 23 mensen om, onder wie vier kinderen.', 'vier kinderen').measure;
    assert.deepEqual([m.head, m.role], ['child', 'killed']);
  });
  it('"dat" stands for the quantity just named', () => {
    const m = quantityOf('Oekraïne had zo\'n 1400 vierkante kilometer in handen; half november was dat nog ongeveer 800 vierkante kilometer.', 'ongeveer 800 vierkante kilometer').measure;
    assert.deepEqual([m.head, m.role], ['area', 'held']);
  });
  it('"over" is what is left only as a particle, and "telt er" counts what was named before', () => {
    // (dpgmedia2019: these read as residents of Amsterdam and met "een miljoen inwoners")
    for (const [text, figure] of [
      ['Over drie en zes maanden komen ze weer langs.', 'drie'],
      ['De onderzoekers volgden ruim tweeduizend mensen, verdeeld over elf voornamelijk Europese regio\'s, waaronder Amsterdam.', 'elf'],
    ]) assert.notEqual(quantityOf(text, figure).measure.role, 'resident', text);
    const scooters = quantityOf('Er staat namelijk bijna altijd wel een scooter vlak onder mijn neus te ronken: Amsterdam telt er meer dan 35.000.', 'meer dan 35.000');
    assert.notEqual(scooters.measure.head, 'human');
    assert.notEqual(scooters.skip, null);
    const left = quantityOf('In Pokrovsk zijn nog zo\'n 7000 mensen over.', "zo'n 7000 mensen");
    assert.equal(left.measure.role, 'resident');
    assert.equal(quantityOf('Amsterdam telt ruim 870.000 inwoners.', 'ruim 870.000 inwoners').measure.head, 'human');
  });
  it('being somewhere is a deployment only of soldiers or a nation\'s people, and only where the clause names the place', () => {
    // (dpgmedia2019 drafts dated after the archive: these two read as one quantity, Dutch people deployed)
    assert.equal(quantityOf('Zo\'n tien Nederlandse vrouwen en 25 kinderen bevinden zich in Koerdische detentiekampen in Noord-Syrië.', 'Zo\'n tien Nederlandse vrouwen').measure.role, null);
    assert.equal(quantityOf('In 2017 waren er zo\'n 94.000 Nederlanders bij schuldhulpverlening bekend met problematische schulden.', 'zo\'n 94.000 Nederlanders').measure.role, null);
    assert.equal(quantityOf('Volgens Kyiv bevinden zich 5000 Noord-Koreaanse militairen in Koersk.', '5000 Noord-Koreaanse militairen').measure.role, 'deployed');
    assert.equal(quantityOf('Er zijn zo\'n 11.000 Noord-Koreanen in de regio Koersk.', 'zo\'n 11.000 Noord-Koreanen').measure.role, 'deployed');
    assert.equal(quantityOf('Volgens het Pentagon zijn in de regio Kursk zo\'n 10.000 Noord-Koreanen gelegerd.', 'zo\'n 10.000 Noord-Koreanen').measure.role, 'deployed');
  });
  it('a percentage knows what it is a part of', () => {
    assert.equal(quantityOf('Rusland heeft 86 procent van Koersk heroverd.', '86 procent').measure.of, 'area');
    assert.equal(quantityOf('Ongeveer 30 procent van alle gevechten vindt plaats bij Pokrovsk.', 'Ongeveer 30 procent').measure.of, 'gevechten');
  });
});
