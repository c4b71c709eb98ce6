// Knowledge about capitalised words that are NOT places: demonyms and adjectives of place,
// titles that introduce a person, words that start or end organisation names, photo agencies.

import { fold } from './tokens';
import { BoundedMemo } from '../core/memo';

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
  [['Fries', 'Friezen'], 'Friesland'],
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
  return demonymCache.set(word, r);
}
const demonymCache = new BoundedMemo<string, boolean>(100_000);

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
  'Airport', 'Group', 'Groep', 'Holding', 'Casino', 'Politie', 'Brandweer', 'Rechtbank', 'Hof', 'Gemeente', 'Provincie',
].join('|')).split('|'));

/**
 * Names of organisations that are never places, whatever a gazetteer or the archive says: Dutch and Belgian
 * political parties, football clubs whose name is not a town ("Ajax", "Feyenoord"; clubs named after a town are
 * handled by the club-use rule in places/recognition.ts), newspapers and broadcasters, and institutions. Folded.
 */
export const ORG_NAMES = new Set(fold([
  // Parties (NL, BE, UK).
  'GroenLinks', 'Forum voor Democratie', 'PvdA', 'PVV', 'VVD', 'CDA', 'SP', 'ChristenUnie', 'SGP', 'PvdD', 'Partij voor de Dieren',
  'DENK', '50Plus', 'Volt', 'JA21', 'BBB', 'FvD', 'N-VA', 'Vlaams Belang', 'Open VLD', 'Groen', 'sp.a', 'CD&V', 'PVDA', 'PTB',
  'Ecolo', 'Labour', 'Tories', 'Conservatieven', 'Democraten', 'Republikeinen', 'AKP', 'Likud',
  // Clubs whose name is not a town.
  'Ajax', 'Feyenoord', 'PSV', 'AZ', 'Vitesse', 'Willem II', 'NAC', 'Heracles', 'Sparta', 'Excelsior', 'De Graafschap', 'Go Ahead Eagles',
  'Roda JC', 'NEC', 'VVV', 'Juventus', 'Inter', 'Milan', 'Real Madrid', 'Atlético', 'Bayern', 'Borussia', 'Chelsea', 'Arsenal', 'Tottenham',
  'Celtic', 'Rangers', 'Benfica', 'Olympiakos', 'Galatasaray', 'Fenerbahçe', 'Besiktas', 'Club Brugge', 'Standard',
  'Racing Genk', 'KRC Genk', 'Zulte Waregem', 'Cercle Brugge', 'Oranje', 'Jong Oranje', 'Rode Duivels',
  // Newspapers, broadcasters, agencies.
  'Trouw', 'Volkskrant', 'de Volkskrant', 'NRC', 'Parool', 'Het Parool', 'Telegraaf', 'De Telegraaf', 'AD', 'Algemeen Dagblad', 'Tubantia',
  'De Gelderlander', 'Gelderlander', 'Brabants Dagblad', 'BN DeStem', 'PZC', 'Eindhovens Dagblad', 'De Stentor', 'Stentor', 'Nieuwsuur',
  'RTL', 'RTL Nieuws', 'NOS', 'BNR', 'VRT', 'VTM', 'De Standaard', 'De Morgen', 'Het Laatste Nieuws', 'Het Nieuwsblad', 'BBC', 'CNN',
  'Reuters', 'Bloomberg', 'Guardian', 'The Guardian', 'Financial Times', 'New York Times', 'Washington Post', 'Der Spiegel', 'Spiegel',
  // Institutions.
  'Tweede Kamer', 'Eerste Kamer', 'Provinciale Staten', 'Gedeputeerde Staten', 'Staten-Generaal', 'Europees Parlement', 'Europese Commissie',
  'Europese Raad', 'Lagerhuis', 'Hogerhuis', 'Congres', 'Huis van Afgevaardigden', 'Bondsdag', 'Raad van State', 'Hoge Raad', 'Openbaar Ministerie',
  'Kamer', 'Senaat', 'Navo', 'VN', 'Verenigde Naties', 'Europese Unie', 'EU', 'Rijkswaterstaat', 'Staatsbosbeheer', 'Defensie', 'Justitie',
  'Brexit',
].join('|')).split('|'));

/** Whether a name (as written or folded) is a curated organisation name (party, club, medium, institution). */
export function isOrganisationName(name: string): boolean {
  return orgMemo.get(name) ?? orgMemo.set(name, ORG_NAMES.has(fold(name)));
}
const orgMemo = new BoundedMemo<string, boolean>(100_000);

/**
 * Verbs that, right after a capitalised name, make it the subject of saying or acting: people, parties and
 * companies say, want, decide and announce ("Trump zei", "Shell maakt", "Rutte wil"). Places rarely do, and a
 * place that does is a metonym for its government, which the archive should not learn a new place from.
 */
export const AGENT_VERBS = new Set([
  'zei', 'zegt', 'zeggen', 'zeiden', 'vindt', 'vond', 'denkt', 'dacht', 'wil', 'wilde', 'wilden', 'willen', 'schreef', 'schrijft', 'twitterde',
  'twittert', 'verklaarde', 'verklaart', 'kondigde', 'kondigt', 'liet', 'laat', 'meldt', 'meldde', 'stelt', 'stelde', 'vroeg', 'vraagt', 'noemde',
  'noemt', 'benadrukte', 'benadrukt', 'erkende', 'erkent', 'ontkende', 'ontkent', 'reageerde', 'reageert', 'beloofde', 'belooft', 'dreigde',
  'dreigt', 'besloot', 'beslist', 'besliste', 'maakt', 'maakte',
  'hoopt', 'hoopte', 'weet', 'wist', 'wees', 'waarschuwde', 'waarschuwt', 'sprak', 'spreekt',
  'tekende', 'tekent', 'ontsloeg', 'verkocht', 'verkoopt', 'kocht', 'koopt', 'investeert', 'investeerde', 'verdient', 'verdiende', 'betaalt',
  'betaalde', 'bood', 'biedt', 'presenteerde', 'presenteert', 'lanceerde', 'opende', 'won', 'wint', 'verloor', 'verliest', 'scoorde',
  'stemde', 'stemt', 'steunt', 'steunde', 'diende', 'dient', 'eist', 'eiste', 'weigert', 'weigerde',
]);

/** Nouns that, before "van"/"bij" + a name, make it an organisation or person ("de topman van Shell", "de fractie van GroenLinks"). */
export const MEMBER_NOUNS = new Set([
  'topman', 'topvrouw', 'ceo', 'directeur', 'directie', 'bestuur', 'bestuurder', 'bestuurders', 'leider', 'leiders', 'partijleider',
  'fractievoorzitter', 'fractie', 'lijsttrekker', 'woordvoerder', 'woordvoerster', 'medewerker', 'medewerkers', 'werknemer', 'werknemers',
  'personeel', 'klanten', 'aandeelhouders', 'achterban', 'kiezers', 'leden', 'lid', 'oprichter', 'eigenaar', 'baas', 'top', 'raad',
  'advocaat', 'advocaten', 'vrouw', 'man', 'zoon', 'dochter', 'vader', 'moeder', 'broer', 'zus', 'familie', 'vriend', 'vriendin',
  'aanhangers', 'voorman', 'voorvrouw', 'collega', 'collega\'s', 'campagne', 'regering', 'kabinet', 'beleid', 'tweet', 'tweets', 'uitspraken',
  'speech', 'toespraak', 'verkiezingswinst', 'zetels', 'winst', 'omzet', 'aandelen', 'toestellen', 'vliegtuigen', 'producten', 'programma',
]);
