import { strict as assert } from 'node:assert';
import * as fs from 'fs';
import { lemmatizeNoun } from '../../server/src/dutch/lemma';

describe('lemmatizeNoun', () => {
  const cases: [string, string][] = [['inwoners', 'inwoner'], ['Noord-Koreanen', 'Noord-Koreaan'], ['krijgsgevangenen', 'krijgsgevangene'],
    ['nederzettingen', 'nederzetting'], ['drones', 'drone'], ['militairen', 'militair'], ['mensen', 'mens'], ['dorpen', 'dorp'],
    ['lidstaten', 'lidstaat'], ['soldaten', 'soldaat'], ['plaatsen', 'plaats'], ['busstations', 'busstation'], ['kilometers', 'kilometer'],
    ['brieven', 'brief'], ['huizen', 'huis'], ['bommen', 'bom'], ['oorlogen', 'oorlog'], ['steden', 'stad'], ["auto's", 'auto'],
    ['gemeenten', 'gemeente'], ['Indianen', 'Indiaan'], ['problemen', 'probleem'], ['tanks', 'tank'], ['zeeën', 'zee']];
  for (const [w, l] of cases) it(`${w} → ${l}`, () => assert.equal(lemmatizeNoun(w), l));
  it('keeps singulars', () => { for (const w of ['plaats', 'mens', 'dorp', 'soldaat']) assert.equal(lemmatizeNoun(w), w); });
  it('a participle noun without -e is compatible with the plural ("krijgsgevangen")', () =>
    assert.equal(lemmatizeNoun('krijgsgevangen'), lemmatizeNoun('krijgsgevangenen')));
  it('≥ 90% of plural nouns in UD Dutch-Alpino (compounds compared without linking morphemes)', function () {
    const dir = '/work/shared/data/ud-dutch-alpino';
    if (!fs.existsSync(dir)) { console.log('      (skipped: UD Dutch-Alpino not found at ' + dir + ')'); this.skip(); }
    let tot = 0, ok = 0;
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.conllu'))) {
      for (const line of fs.readFileSync(`${dir}/${f}`, 'utf8').split('\n')) {
        const c = line.split('\t');
        if (c.length < 6 || c[3] !== 'NOUN' || !/Number=Plur/.test(c[5])) continue;
        tot++;
        const parts = c[2].toLowerCase().split('_');
        const l = lemmatizeNoun(c[1]).toLowerCase().replace(/-/g, '');
        if (l === parts.join('') || (parts.length > 1 && l.startsWith(parts[0]) && l.endsWith(parts[parts.length - 1]))) ok++;
      }
    }
    assert.ok(tot > 500 && ok / tot >= 0.9, `${ok}/${tot}`);
  });
});
