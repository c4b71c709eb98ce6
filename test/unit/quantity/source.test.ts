// Who says so: sources of figures, and drafts checked against what their source said.

import assert from 'node:assert/strict';
import { quantityOf } from './read-helper';
import { sourceOfWords } from '../../../server/src/facts/quantity/source';

describe('quantity: who says so', function () {
  this.timeout(60000);
  const cases: [string, string, string | null][] = [
    ['Volgens de Britse regering zijn 15.000 Russische militairen gedood.', '15.000 Russische militairen', 'brit'],
    ['Sinds het begin zijn volgens de Britse regering zo\'n 15.000 Russische militairen gedood.', "zo'n 15.000 Russische militairen", 'brit'],
    ['Kiev spreekt van ruim 22.000 gedode Russische militairen.', 'ruim 22.000 gedode Russische militairen', 'oekrain'],
    ['In april 2022 kwam de Britse regering uit op 22.000 gedode Russische militairen.', '22.000 gedode Russische militairen', 'brit'],
    ['Oekraïne zegt dat Rusland al meer dan 293.000 militairen heeft verloren.', 'meer dan 293.000 militairen', 'oekrain'],
    ['Er zijn 150.000 Russische militairen gesneuveld. Dat schat het Britse ministerie van Defensie.', '150.000 Russische militairen', 'brit'],
    ['Eind december schatte de Zuid-Koreaanse inlichtingendienst dat meer dan 1000 Noord-Koreanen waren gedood.', 'meer dan 1000 Noord-Koreanen', 'zuidkore'],
    ['Bij de aanval kwamen 23 mensen om.', '23 mensen', null],
  ];
  for (const [text, figure, source] of cases) it(`${source ?? 'none'}: “${text}”`, () => assert.equal(quantityOf(text, figure).source, source));
  it('names stand for their side', () => {
    assert.equal(sourceOfWords('president Zelensky'), 'oekrain');
    assert.equal(sourceOfWords('het Pentagon'), 'amerika');
    assert.equal(sourceOfWords('Londen'), 'brit');
  });
});
