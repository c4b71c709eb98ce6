// Knowledge about capitalised words that are NOT places: demonyms and adjectives of place,
// titles that introduce a person, words that start or end organisation names, photo agencies.

import { fold } from './tokens';

/** Adjective / demonym stem → place (display name). Inflected forms are derived below. */
const RELATED: Array<[string[], string]> = [
  [['Russisch', 'Rus', 'Russen'], 'Rusland'],
  [['Oekraïens', 'Oekraïner', 'Oekraïners'], 'Oekraïne'],
  [['Noord-Koreaans', 'Noord-Koreaan', 'Noord-Koreanen'], 'Noord-Korea'],
  [['Zuid-Koreaans', 'Zuid-Koreaan', 'Zuid-Koreanen'], 'Zuid-Korea'],
  [['Amerikaans', 'Amerikaan', 'Amerikanen'], 'Verenigde Staten'],
  [['Brits', 'Brit', 'Britten'], 'Verenigd Koninkrijk'],
  [['Nederlands', 'Nederlander', 'Nederlanders'], 'Nederland'],
  [['Belgisch', 'Belg', 'Belgen'], 'België'],
  [['Duits', 'Duitser', 'Duitsers'], 'Duitsland'],
  [['Frans', 'Fransman', 'Fransen'], 'Frankrijk'],
  [['Chinees', 'Chinezen'], 'China'],
  [['Israëlisch', 'Israëli', "Israëli's"], 'Israël'],
  [['Palestijns', 'Palestijn', 'Palestijnen'], 'Palestina'],
  [['Turks', 'Turk', 'Turken'], 'Turkije'],
  [['Pools', 'Polen'], 'Polen'],
  [['Wit-Russisch', 'Wit-Rus', 'Wit-Russen'], 'Belarus'],
  [['Europees', 'Europeaan', 'Europeanen'], 'Europa'],
  [['Vlaams', 'Vlaming', 'Vlamingen'], 'Vlaanderen'],
  [['Waals', 'Waal', 'Walen'], 'Wallonië'],
  [['Iraans', 'Iraniër', 'Iraniërs'], 'Iran'],
  [['Syrisch', 'Syriër', 'Syriërs'], 'Syrië'],
  [['Italiaans', 'Italiaan', 'Italianen'], 'Italië'],
  [['Spaans', 'Spanjaard', 'Spanjaarden'], 'Spanje'],
  [['Japans', 'Japanner', 'Japanners'], 'Japan'],
  [['Indiaas', 'Indiër', 'Indiërs'], 'India'],
  [['Kazachs', 'Kazach', 'Kazachen'], 'Kazachstan'],
  [['Georgisch', 'Georgiër', 'Georgiërs'], 'Georgië'],
  [['Moldavisch'], 'Moldavië'],
  [['Krim-Tataars', 'Krim-Tataren'], 'Krim'],
];

const relatedMap = new Map<string, string>();
for (const [forms, place] of RELATED) {
  for (const f of forms) {
    const k = fold(f);
    relatedMap.set(k, place);
    // Adjective inflection: -s → -se, -sch → -sche, -ees → -ese, -aans → -aanse.
    if (/s$/.test(k)) relatedMap.set(k + 'e', place);
    if (/isch$/.test(k)) { relatedMap.set(k + 'e', place); relatedMap.set(k.replace(/isch$/, 'ische'), place); }
    if (/ees$/.test(k)) relatedMap.set(k.replace(/ees$/, 'ese'), place);
  }
}

/** The place a demonym or adjective of place refers to ("Russische" → "Rusland"), for hover. */
export function relatedPlace(word: string): string | undefined {
  const k = fold(word);
  const direct = relatedMap.get(k);
  if (direct) return direct;
  // Compounds with a compass prefix: "West-Russische" → Rusland.
  const m = /^(noord|zuid|oost|west|midden|centraal)-(.+)$/.exec(k);
  if (m) return relatedMap.get(m[2]);
  return undefined;
}

/** Looks like an adjective or demonym (Dutch suffixes), whether or not we know its place. */
export function looksLikeDemonym(word: string): boolean {
  let r = demonymCache.get(word);
  if (r !== undefined) return r;
  if (relatedPlace(word)) r = true;
  else {
    const k = fold(word);
    r = /(ische|isch|iaanse|aanse|eanse|ese|ense|sche|ijnse|ense|iers|ianen|anen|aners)$/.test(k) && k.length > 5;
  }
  if (demonymCache.size >= 100_000) demonymCache.clear();
  demonymCache.set(word, r);
  return r;
}
const demonymCache = new Map<string, boolean>();

/** Words before a capitalised name that make it a person (titles, functions). */
export const PERSON_TITLES = new Set([
  'president', 'premier', 'minister', 'ministers', 'staatssecretaris', 'burgemeester', 'wethouder', 'gouverneur', 'koning', 'koningin',
  'prins', 'prinses', 'paus', 'kardinaal', 'bisschop', 'generaal', 'kolonel', 'commandant', 'correspondent', 'verslaggever',
  'woordvoerder', 'woordvoerster', 'heer', 'mevrouw', 'meneer', 'mr', 'dr', 'prof', 'drs', 'ir', 'dhr', 'mevr', 'sir', 'lord',
  'topman', 'topvrouw', 'directeur', 'voorzitter', 'oud-president', 'oud-premier', 'senator', 'kanselier', 'trainer', 'coach',
  'analist', 'schrijver', 'schrijfster', 'zanger', 'zangeres', 'acteur', 'actrice', 'regisseur', 'collega', 'ploegmaat', 'doelman',
  'aanvoerder', 'spits', 'verdediger', 'middenvelder', 'renner', 'advocaat', 'rechter', 'professor', 'hoogleraar', 'onderzoeker',
  'journalist', 'fotograaf', 'kunstenaar', 'architect', 'dominee', 'pastoor', 'imam', 'rabbijn', 'sjeik', 'ayatollah', 'vader', 'moeder',
  'zoon', 'dochter', 'broer', 'zus', 'vrouw', 'man', 'echtgenoot', 'echtgenote', 'vriend', 'vriendin', 'neef', 'nicht', 'oom', 'tante',
]);

/** Capitalised words that start or end organisation names, or photo-agency credits. */
export const ORG_WORDS = new Set(fold([
  'NOS', 'ANP', 'AFP', 'Reuters', 'Getty', 'AP', 'EPA', 'ISW', 'NAVO', 'EU', 'VN', 'Verenigde Naties', 'Rode Kruis', 'Rode Halve Maan',
  'Nieuws', 'Institute', 'Universiteit', 'University', 'Ministerie', 'Kamer', 'Senaat', 'Raad', 'Vergadering', 'Commissie', 'Bank',
  'Airlines', 'Post', 'Times', 'Journal', 'Herald', 'FC', 'SC', 'Club', 'United', 'City', 'Partij', 'Stichting', 'Museum', 'Hogeschool',
].join('|')).split('|'));
