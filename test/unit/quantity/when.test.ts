// When, and what kind: the time a figure refers to and whether it counts an event, a state, a total.

import assert from 'node:assert/strict';
import { quantityOf } from './read-helper';

describe('quantity: when, and what kind', function () {
  this.timeout(60000);
  const today = '2025-11-25';
  it('"8 juli vorig jaar" is one day of last year', () => {
    const w = quantityOf('Bij de aanval op Kyiv van 8 juli vorig jaar kwamen 23 mensen om.', '23 mensen', today).when;
    assert.deepEqual([w.from, w.to, w.basis], ['2024-07-08', '2024-07-08', 'explicit']);
  });
  it('"vannacht" is the day of writing', () => {
    assert.equal(quantityOf('Bij een aanval op Kyiv zijn vannacht zes mensen omgekomen.', 'zes mensen', today).when.from, today);
  });
  it('"voor de oorlog" ends when the invasion began', () => {
    assert.equal(quantityOf('Pokrovsk had voor de oorlog zo\'n 60.000 inwoners.', "zo'n 60.000 inwoners", today).when.to, '2022-02-24');
  });
  it('"toen" takes the time of the sentence before', () => {
    const w = quantityOf('Half augustus gold een evacuatiebevel. Toen waren 121.000 inwoners al vertrokken.', '121.000 inwoners', today).when;
    assert.equal(w.basis, 'explicit');
    assert.equal(w.from?.slice(5, 7), '08');
  });
  it('"inmiddels" and "nu" say the state holds now; "nog" right before a figure says it is what is left', () => {
    const basis = (text: string, figure: string) => quantityOf(text, figure, today).when.basis;
    assert.equal(basis('In Pokrovsk wonen inmiddels zo\'n 53.000 mensen.', "zo'n 53.000 mensen"), 'present');
    assert.equal(basis('In Pokrovsk wonen nu 53.000 mensen.', '53.000 mensen'), 'present');
    assert.equal(basis('In Pokrovsk wonen nog zo\'n 53.000 mensen.', "zo'n 53.000 mensen"), 'remaining');
    assert.equal(basis('Volgens het stadsbestuur wonen er nog 11.000 mensen.', '11.000 mensen'), 'remaining');
    assert.equal(basis('Oekraïne heeft in de regio Koersk nog bijna 800 vierkante kilometer in handen.', 'bijna 800 vierkante kilometer'), 'remaining');
    assert.equal(basis('Er zijn in Bachmoet nog 500 inwoners.', '500 inwoners'), 'remaining');
    // "nog eens": another figure of its own; "nog" elsewhere in the clause: it holds now, no more.
    assert.equal(basis('Er vluchtten nog eens 2000 mensen uit de stad.', '2000 mensen'), 'present');
    assert.notEqual(basis('De stad is nog in Oekraïense handen en telt 7000 inwoners.', '7000 inwoners'), 'remaining');
  });
  it('a simple past without a date is an undated past', () => {
    assert.equal(quantityOf('In de regio Cherson werden 120 nederzettingen bevrijd.', '120 nederzettingen', today).when.basis, 'past');
  });
  it('a participle before its noun is not a simple past when the clause has a present verb: "Het door Rusland bezette gebied beslaat …"', () => {
    // (archive-ukraine 027.txt, February 2025: the area held then, not an undated past.)
    const text = 'Het door Rusland bezette gebied beslaat ruim 112.000 vierkante kilometer, bijna een vijfde van Oekraïne.';
    assert.equal(quantityOf(text, 'ruim 112.000 vierkante kilometer', today).when.basis, 'none');
    assert.equal(quantityOf('Rusland bezette ruim 112.000 vierkante kilometer van Oekraïne.', 'ruim 112.000 vierkante kilometer', today).when.basis, 'past');
  });
  const kinds: [string, string, string][] = [
    ['Bij de aanval op Kyiv kwamen zeker 23 mensen om.', 'zeker 23 mensen', 'event'],
    ['Rusland vuurde 598 drones af.', '598 drones', 'event'],
    ['Bij de ruil kregen beide landen elk 115 krijgsgevangenen terug.', 'elk 115 krijgsgevangenen', 'event'],
    ['Volgens Londen zijn sinds het begin van de oorlog 15.000 Russische militairen gesneuveld.', '15.000 Russische militairen', 'total'],
    ['Uit de regio Koersk zijn 133.000 inwoners gevlucht.', '133.000 inwoners', 'total'],
    ['Oekraïne heeft in Koersk 800 vierkante kilometer in handen.', '800 vierkante kilometer', 'state'],
    ['In Pokrovsk wonen nog 7000 mensen.', '7000 mensen', 'state'],
    ['Het dorp Mezhove ligt op 30 kilometer van Pokrovsk.', '30 kilometer', 'constant'],
  ];
  for (const [text, figure, kind] of kinds) it(`${kind}: “${text}”`, () => assert.equal(quantityOf(text, figure, today).kind, kind));
});
