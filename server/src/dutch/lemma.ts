// Dutch noun lemmatisation: plural → singular, by the rules of Dutch spelling plus a small list of
// irregular and short-vowel plurals. Singular input is returned unchanged where the rules can tell.
//
// Rules, in order:
//  1. Irregular plurals (kinderen → kind, steden → stad, schepen → schip, -heden → -heid).
//  2. "-'s" (auto's, Donbas-regio's) → strip.
//  3. "-ën"/"-eën"/"-ieën" (zeeën → zee, industrieën → industrie, bacteriën → bacterie).
//  4. "-s" after an unstressed ending or a loanword ending (inwoners, drones, busstations, jongens).
//  5. "-en": nominalised adjectives/participles keep an -e (krijgsgevangenen → krijgsgevangene);
//     otherwise strip -en, then undo consonant doubling (bommen → bom), restore the long vowel of
//     an open syllable (soldaten → soldaat, Noord-Koreanen → Noord-Koreaan), and v → f, z → s
//     (brieven → brief, huizen → huis).

import { BoundedMemo } from '../core/memo';

const IRREGULAR: Record<string, string> = {
  kinderen: 'kind', eieren: 'ei', liederen: 'lied', bladeren: 'blad', kalveren: 'kalf', runderen: 'rund',
  volkeren: 'volk', lammeren: 'lam', goederen: 'goed', raderen: 'rad', gelederen: 'gelid', hoenderen: 'hoen',
  steden: 'stad', schepen: 'schip', leden: 'lid', smeden: 'smid', gebeden: 'gebed', mensen: 'mens',
  koeien: 'koe', vlooien: 'vlo', genieën: 'genie', musea: 'museum', centra: 'centrum', criteria: 'criterium',
  media: 'medium', data: 'datum', decennia: 'decennium', politici: 'politicus', historici: 'historicus',
  musici: 'musicus', technici: 'technicus', critici: 'criticus', militairen: 'militair', doden: 'dode',
  gewonden: 'gewonde', ouders: 'ouder', zeeën: 'zee', ideeën: 'idee', knieën: 'knie',
  tanks: 'tank', jets: 'jet', sancties: 'sanctie', seconden: 'seconde', weduwen: 'weduwe',
};

// Compound heads whose plural keeps a short vowel (dag → dagen, not *daag); matched at the end.
const SHORT_VOWEL_HEADS = [
  'dag', 'weg', 'gat', 'pad', 'bad', 'blad', 'glas', 'graf', 'dak', 'slot', 'god', 'lot', 'hof', 'dal', 'vat',
  'slag', 'drag', 'oorlog', 'bod', 'verbod', 'spel', 'bevel', 'gebrek', 'hertog',
  'bedrag', 'verdrag', 'verslag', 'vervolg', 'gebed', 'gebrek', 'verlof', 'spoor', 'slot', 'schot', 'lot',
  'verdrag', 'gebod', 'regel', 'christen', 'wonder', 'vader', 'keten', 'middel',
];
// Nouns in -e whose plural is -en (ziekte → ziekten, getuige → getuigen); matched at the end.
const E_NOUN_HEADS = [
  'ziekte', 'gemeente', 'behoefte', 'gedachte', 'voorwaarde', 'bijdrage', 'ronde', 'orde', 'menigte', 'hoogte',
  'lengte', 'breedte', 'diepte', 'grootte', 'vlakte', 'gedeelte', 'ruimte', 'fase', 'getuige', 'kade', 'zijde',
  'periode', 'methode', 'synode', 'offerte', 'legende', 'seconde', 'weduwe', 'analyse', 'hypothese', 'eenheden',
];
// Heads that are nominalised adjectives or participles: the plural adds -n to a singular in -e.
const ADJECTIVAL_HEADS = [
  'gevangen', 'betrokken', 'overleden', 'verdacht', 'vermist', 'gewond', 'gedood', 'gearresteerd',
  'gedetineerd', 'gedeporteerd', 'geëvacueerd', 'geevacueerd', 'gegijzeld', 'ontheemd', 'getroffen',
  'bekend', 'volwassen', 'gelovig', 'werkloz', 'dakloz', 'gehandicapt', 'nabestaand', 'naast', 'geliefd',
  'afgevaardigd', 'gedupeerd', 'genodigd', 'ingezetene', 'gemobiliseerd', 'minderjarig', 'meerderjarig',
  'gepensioneerd', 'zieke', 'oud', 'jongere', 'rijk', 'arm',
];

const VOWELS = 'aeiouyáéíóúàèëïöüäâêîôû';
function isVowel(c: string | undefined): boolean { return !!c && VOWELS.includes(c); }

function syllables(w: string): number {
  const m = w.match(/[aeiouyáéíóúàèëïöüäâêîôû]+/g);
  return m ? m.length : 0;
}

/** Apply the case pattern of `orig` (from which `lemma` was derived by lower-casing) to `lemma`. */
function recase(orig: string, lemma: string): string {
  let out = '';
  for (let i = 0; i < lemma.length; i++) {
    const o = orig[i];
    out += o !== undefined && o !== o.toLowerCase() && o.toLowerCase() === lemma[i] ? o : lemma[i];
  }
  return out;
}

/** Undo -en plural of a lower-case word (the stem is `w` without "en"). */
function fromEn(w: string): string {
  let stem = w.slice(0, -2);
  // nominalised adjectives: krijgsgevangenen → krijgsgevangene
  for (const h of ADJECTIVAL_HEADS) if (stem.endsWith(h)) return stem + (h.endsWith('e') ? '' : 'e');
  if (stem.endsWith('eerd') && syllables(stem) >= 3) return stem + 'e'; // gedetineerden
  for (const h of E_NOUN_HEADS) if (w === h + 'n' || (h.length >= 6 && w.endsWith(h + 'n'))) return stem + 'e';
  if (/[^ie]end$/.test(stem) && syllables(stem) >= 3) return stem + 'e';   // inzittenden → inzittende
  if (/[^aeiou]ig$/.test(stem) && syllables(stem) >= 2) return stem + 'e'; // deskundigen → deskundige
  if (/he$/.test(stem) && w.endsWith('heden')) return stem.slice(0, -2) + 'heid';
  if (w.endsWith('heden')) return w.slice(0, -5) + 'heid';
  for (const h of SHORT_VOWEL_HEADS) if (stem.endsWith(h)) return stem;
  const n = stem.length;
  if (n < 2) return w;
  const last = stem[n - 1], prev = stem[n - 2];
  // consonant doubling: bommen → bom, lessen → les
  if (!isVowel(last) && last === prev && n >= 3 && isVowel(stem[n - 3])) {
    return stem.slice(0, -1);
  }
  // f/v and s/z alternation
  let tail = last;
  if (last === 'v') tail = 'f';
  else if (last === 'z') tail = 's';
  stem = stem.slice(0, -1) + tail;
  // open syllable: one vowel letter a/e/o/u before the final consonant → double it
  if (!isVowel(last) && isVowel(prev) && 'aeou'.includes(prev)) {
    const before = stem[n - 3];
    // "ea", "ia", "io", "eo" are two syllables (Koreanen → Koreaan); other vowel pairs are one sound
    const diphthong = before !== undefined && isVowel(before) && !['ea', 'ia', 'io', 'eo'].includes(before + prev);
    // unstressed -or in Latin loans (factoren → factor), and u before w (zenuwen → zenuw)
    const unstressed = (prev === 'o' && last === 'r' && /[ct]or$/.test(stem) && syllables(stem) >= 2) || last === 'w';
    if (!diphthong && !unstressed && syllables(stem) >= 1) {
      return stem.slice(0, -1) + prev + tail;
    }
  }
  return stem;
}

/** Lemma (singular) of a Dutch noun, keeping its capitalisation: "Noord-Koreanen" → "Noord-Koreaan". */
export function lemmatizeNoun(word: string): string {
  if (typeof word !== 'string' || word.length < 3 || word.length > 80) return word;
  // counted nouns repeat ("soldaten", "mensen"): remember the lemmas (bounded)
  return LEMMA_MEMO.get(word) ?? LEMMA_MEMO.set(word, lemmatize(word));
}
const LEMMA_MEMO = new BoundedMemo<string, string>(5000);

function lemmatize(word: string): string {
  const orig = word.replace(/’/g, "'");
  // Work on the last hyphen-part for compounds like "Noord-Koreanen", "Oranje-beloften".
  const hy = orig.lastIndexOf('-');
  const prefix = hy > 0 ? orig.slice(0, hy + 1) : '';
  const head = hy > 0 ? orig.slice(hy + 1) : orig;
  if (head.length < 2) return word;
  const w = head.toLowerCase();
  const lemma = lemmaLower(w);
  return prefix + recase(head, lemma);
}

function lemmaLower(w: string): string {
  if (IRREGULAR[w]) return IRREGULAR[w];
  for (const [pl, sg] of Object.entries(IRREGULAR)) {
    if (pl.length >= 5 && w.endsWith(pl) && w.length > pl.length + 2) return w.slice(0, -pl.length) + sg;
  }
  if (w.endsWith("'s")) return w.slice(0, -2);
  if (w.endsWith('eeën')) return w.slice(0, -2);          // zeeën → zee
  if (w.endsWith('ieën')) return w.slice(0, -2);          // industrieën → industrie
  if (w.endsWith('iën')) return w.slice(0, -3) + 'ie';    // bacteriën → bacterie
  if (w.endsWith('ën')) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) {
    const stem = w.slice(0, -1);
    // -s plurals: unstressed -el/-em/-en/-er/-je/-ie/-e, and loanword endings
    if (syllables(stem) >= 2 && /(?:el|em|en|er|aar|je|ie|e|é|on|or|eur|ier|ment|ing|ist|ent|ant|ay|ey|oy)$/.test(stem)) {
      // but not when the stem itself is a plural-like singular ("mens" is handled: 1 syllable)
      if (/(?:heid|nis)$/.test(stem)) return w;
      return stem;
    }
    if (/(?:ie|je|tje|pje|kje)$/.test(stem)) return stem;
    // loanwords: clubs, teams, albums, records, drugs (Dutch singulars rarely end in these clusters)
    if (/[aeiou][mbdgp]$/.test(stem) === false && /[^s][mbdgp]$/.test(stem) && syllables(stem) >= 1 && stem.length >= 3) return stem;
    if (/[aeiou]{1,2}[mbdgp]$/.test(stem) && stem.length >= 3) return stem;
    if (/[^aeiou]el$/.test(stem) || /uel$/.test(stem)) return stem;
    return w;
  }
  // a participle used as a noun without its -e (a common slip: "negen krijgsgevangen")
  for (const h of ADJECTIVAL_HEADS) if (h.endsWith('en') && w.endsWith(h)) return w + 'e';
  if (w.endsWith('en') && w.length >= 4) {
    const stem = w.slice(0, -2);
    if (syllables(stem) === 0) return w;
    // singular nouns in -en with an unstressed -en (wagen, teken, keuken): only recognisable
    // when the stem would end in a vowel+consonant with a schwa before; keep as is if the stem has no vowel.
    return fromEn(w);
  }
  return w;
}
