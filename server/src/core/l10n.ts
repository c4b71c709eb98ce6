// Every message a journalist sees, in Dutch and English. The server picks the language from the
// initialize request's `locale` (or the CLI from LANG / --lang); Dutch is the default.

export type Locale = 'nl' | 'en';

export function pickLocale(locale: string | undefined | null): Locale {
  // "en", "en-GB", "en_US.UTF-8" (a POSIX locale: "\\b" would not end at the underscore).
  return locale && /^en(?:$|[-_.@])/i.test(locale) ? 'en' : 'nl';
}

export const MESSAGES = {
  conflict: {
    nl: 'Het archief meldt {figures} ({sources}).',
    en: 'The archive reports {figures} ({sources}).',
  },
  conflictDisagree: {
    nl: 'Het archief meldt {figures}; de bronnen in het archief verschillen onderling ({sources}).',
    en: 'The archive reports {figures}; the archive\'s sources disagree ({sources}).',
  },
  outdated: {
    nl: 'Dit cijfer is achterhaald: het archief meldt sinds {date} {figures} ({sources}).',
    en: 'This figure is outdated: since {date} the archive reports {figures} ({sources}).',
  },
  unconfirmed: {
    nl: 'Het archief meldde {figures} ({sources}); nieuwere cijfers heeft het niet, dus of dit cijfer klopt, kan het niet zeggen.',
    en: 'The archive last reported {figures} ({sources}); it has nothing newer, so it cannot tell whether this figure is right.',
  },
  variant: {
    nl: '“{written}” is een spellingsvariant; de huisstijl schrijft “{preferred}”.',
    en: '“{written}” is a variant spelling; house style is “{preferred}”.',
  },
  articles: { nl: '{n} artikelen', en: '{n} articles' },
  article1: { nl: '1 artikel', en: '1 article' },
  replaceWith: { nl: 'Vervang door {value} (archief)', en: 'Replace with {value} (archive)' },
  useHouseSpelling: { nl: 'Gebruik de huisspelling “{name}”', en: 'Use the house spelling “{name}”' },
  openSource: { nl: 'Open de bron: {label}', en: 'Open the source: {label}' },
  markChecked: { nl: 'Markeer dit cijfer als gecontroleerd', en: 'Mark this figure as checked' },
  sourceSays: { nl: 'Bron: {sentence}', en: 'Source: {sentence}' },
  unknownDate: { nl: 'datum onbekend', en: 'date unknown' },
  // Dossier / hover
  mentioned: {
    nl: '{mentions}× genoemd in {articles}', en: 'mentioned {mentions}× in {articles}',
  },
  between: { nl: 'van {first} tot {last}', en: 'from {first} to {last}' },
  on: { nl: 'op {date}', en: 'on {date}' },
  inMonth: { nl: 'in {date}', en: 'in {date}' },
  variants: { nl: 'Spellingen', en: 'Spellings' },
  figures: { nl: 'Cijfers in het archief', en: 'Figures in the archive' },
  keySentences: { nl: 'Kernzinnen', en: 'Key sentences' },
  liesIn: { nl: 'in {parent}', en: 'in {parent}' },
  inferred: { nl: 'afgeleid uit het archief', en: 'inferred from the archive' },
  nearTo: { nl: 'op {km} km van {place}', en: '{km} km from {place}' },
  noArchive: { nl: 'Het archief noemt deze plaats niet.', en: 'The archive does not mention this place.' },
  claimsAbout: { nl: 'Het archief over dit cijfer', en: 'The archive on this figure' },
  noClaims: { nl: 'Het archief meldt niets over dit cijfer.', en: 'The archive reports nothing about this figure.' },
  whyMatched: { nl: 'waarom', en: 'why' },
  whyPlace: { nl: 'plaats: {place}', en: 'place: {place}' },
  whyEvent: { nl: 'wat: {event}', en: 'what: {event}' },
  whySameEvent: { nl: 'zelfde gebeurtenis', en: 'same event' },
  whyTime: { nl: 'zelfde periode', en: 'same period' },
  // Status
  statusReady: {
    nl: 'Archief: {articles} artikelen, {places} plaatsen, {figures} cijfers',
    en: 'Archive: {articles} articles, {places} places, {figures} figures',
  },
  // The shared index (store/pg.ts StoreError)
  storeConnect: {
    nl: 'kan geen verbinding maken met de opslag {store}: {why}',
    en: 'cannot connect to the store {store}: {why}',
  },
  storeNewer: {
    nl: 'de opslag {store} heeft schema {found}, nieuwer dan deze Bronvast kent ({known}): werk Bronvast bij',
    en: 'the store {store} has schema {found}, newer than this Bronvast knows ({known}): update Bronvast',
  },
  storeWrite: {
    nl: 'kon de index niet in de opslag {store} schrijven (er is niets veranderd): {why}',
    en: 'could not write the index into the store {store} (nothing was changed): {why}',
  },
  storeRead: {
    nl: 'kon de opslag {store} niet lezen: {why}',
    en: 'could not read the store {store}: {why}',
  },
  storeOlder: {
    nl: 'de opslag {store} heeft schema {found}, ouder dan deze Bronvast nodig heeft ({known}): de volgende `bronvast index … --store` werkt hem bij',
    en: 'the store {store} has schema {found}, older than this Bronvast needs ({known}): the next `bronvast index … --store` run migrates it',
  },
  storeEmpty: {
    nl: 'de opslag {store} bevat nog geen index: draai eerst `bronvast index <archief> --store …`',
    en: 'the store {store} holds no index yet: run `bronvast index <archive> --store …` first',
  },
  statusStore: { nl: 'gedeelde index {store}, bijgewerkt {updated}', en: 'shared index {store}, updated {updated}' },
  statusStoreFailed: { nl: 'Gedeelde index niet bereikbaar: {why}', en: 'Shared index unreachable: {why}' },
  statusIndexing: { nl: 'Archief indexeren: {done}/{total}', en: 'Indexing archive: {done}/{total}' },
  statusNoCorpus: { nl: 'Geen archief gevonden in {paths}', en: 'No archive found in {paths}' },
  statusNoArticles: {
    nl: 'Geen artikelen in {paths}. Bronvast controleert alleen de huisspelling tot er artikelen zijn (instelling bronvast.corpus.paths).',
    en: 'No articles in {paths}. Bronvast checks only the house spellings until there are articles (setting bronvast.corpus.paths).',
  },
  skippedHeader: { nl: 'Overgeslagen', en: 'Skipped' },
  draftTooLarge: {
    nl: 'Deze tekst is groter dan {kb} kB en wordt niet gecontroleerd (instelling bronvast.limits.maxDraftSizeKB).',
    en: 'This text is larger than {kb} kB and is not checked (setting bronvast.limits.maxDraftSizeKB).',
  },
  summaryTitle: { nl: 'Bronvast — archiefoverzicht', en: 'Bronvast — archive summary' },
  corpusPaths: { nl: 'Archiefmappen', en: 'Archive folders' },
  topPlaces: { nl: 'Meest genoemde plaatsen', en: 'Most mentioned places' },
  checkedNote: { nl: 'Gemarkeerd als gecontroleerd in {file}', en: 'Marked as checked in {file}' },
  // The command line's usage errors (cli/options.ts)
  unknownCommand: { nl: "onbekende opdracht '{name}'", en: "unknown command '{name}'" },
  unknownOption: { nl: 'onbekende optie {name}', en: 'unknown option {name}' },
  notForCommand: { nl: '{command} kent de optie {name} niet', en: '{command} does not take {name}' },
  needsValue: { nl: '{name} heeft een waarde nodig', en: '{name} needs a value' },
  noValue: { nl: '{name} neemt geen waarde', en: '{name} takes no value' },
  badFormat: { nl: "--format moet {allowed} zijn, niet '{value}'", en: "--format must be {allowed}, not '{value}'" },
  badLang: { nl: "--lang moet nl of en zijn, niet '{value}'", en: "--lang must be nl or en, not '{value}'" },
  badDate: { nl: "--date moet een dag zijn als JJJJ-MM-DD, niet '{value}'", en: "--date must be a day as YYYY-MM-DD, not '{value}'" },
  corpusRequired: { nl: '--corpus <pad> is verplicht', en: '--corpus <path> is required' },
  corpusOrStore: { nl: '--corpus <pad> of --store <verbinding> is verplicht (of BRONVAST_STORE)', en: '--corpus <path> or --store <connection> is required (or BRONVAST_STORE)' },
  badStore: { nl: "--store moet een PostgreSQL-verbinding zijn (postgresql://…), niet '{value}'", en: "--store must be a PostgreSQL connection string (postgresql://…), not '{value}'" },
  pollNeedsWatch: { nl: '--poll hoort bij --watch: het archief wordt dan elke seconde nagelopen', en: '--poll goes with --watch: the archive is then looked through every second' },
  watchNeedsStore: { nl: '--watch schrijft in een gedeelde index: geef ook --store (of BRONVAST_STORE)', en: '--watch writes into a shared index: give --store too (or BRONVAST_STORE)' },
  storeAndCorpus: { nl: '--store en --corpus samen: kies één archief', en: '--store and --corpus together: choose one archive' },
  corpusNotFound: { nl: 'archiefpad bestaat niet: {path}', en: 'corpus path not found: {path}' },
  needCorpus: { nl: 'geef minstens één archiefmap of -bestand', en: 'give at least one corpus folder or file' },
  needDraft: { nl: 'geef minstens één kopijbestand', en: 'give at least one draft file' },
  needFile: { nl: 'geef minstens één bestand', en: 'give at least one file' },
  needPlace: { nl: 'geef een plaatsnaam', en: 'give a place name' },
  cannotRead: { nl: 'kan {file} niet lezen: {why}', en: 'cannot read {file}: {why}' },
  notFound: { nl: 'bestand bestaat niet', en: 'file not found' },
  isFolder: { nl: 'is een map, geen bestand', en: 'is a folder, not a file' },
  noPermission: { nl: 'geen toestemming om het te lezen', en: 'no permission to read it' },
  notText: { nl: '{file} is geen tekst ({why})', en: '{file} is not text ({why})' },
  noArticles: { nl: 'geen artikelen in {paths}: {found}', en: 'no articles in {paths}: {found}' },
  noArticleFiles: { nl: 'geen .txt-, .md-, .jsonl-, .xml- of .html-bestanden', en: 'no .txt, .md, .jsonl, .xml or .html files' },
  allSkipped: { nl: '{n} bestand(en) of regel(s) overgeslagen (--verbose toont waarom)', en: '{n} file(s) or line(s) skipped (--verbose says why)' },
  // How a skipped file reads (corpus/skips.ts describeSkipped)
  skipSkipped: { nl: 'overgeslagen', en: 'skipped' },
  skipWarning: { nl: 'waarschuwing', en: 'warning' },
  skipKept: { nl: '(artikel wel gelezen)', en: '(article still read)' },
  // The command line's output (cli.ts, cli/progress.ts)
  skippedIn: { nl: '{count} overgeslagen in {where}: {why}', en: '{count} skipped in {where}: {why}' },
  nFiles: { nl: '{n} bestanden', en: '{n} files' },
  verboseLists: { nl: '--verbose toont ze', en: '--verbose lists them' },
  rowArticles: { nl: 'artikelen', en: 'articles' },
  rowPlaces: { nl: 'plaatsen', en: 'places' },
  rowFigures: { nl: 'cijfers', en: 'figures' },
  rowAnalysed: { nl: 'geanalyseerd', en: 'analysed' },
  rowFromCache: { nl: 'uit cache', en: 'from cache' },
  rowTime: { nl: 'tijd', en: 'time' },
  rowSkipped: { nl: 'overgeslagen', en: 'skipped' },
  rowStoreWritten: { nl: 'opslag: geschreven', en: 'store: written' },
  rowStoreUnchanged: { nl: 'opslag: ongewijzigd', en: 'store: unchanged' },
  rowStoreRemoved: { nl: 'opslag: verwijderd', en: 'store: removed' },
  rowStoreGeneration: { nl: 'opslag: generatie', en: 'store: generation' },
  rowStoreTime: { nl: 'opslag: tijd', en: 'store: time' },
  watchWritten: {
    nl: 'generatie {generation}: {written} geschreven, {removed} verwijderd, {unchanged} ongewijzigd (index {indexS} s, opslag {storeS} s)',
    en: 'generation {generation}: {written} written, {removed} removed, {unchanged} unchanged (index {indexS} s, store {storeS} s)',
  },
  watching: { nl: 'bronvast index: het archief wordt gevolgd (Ctrl-C stopt)', en: 'bronvast index: watching the archive (Ctrl-C stops)' },
  heapCompacted: {
    nl: 'geheugen opgeruimd na het indexeren: {beforeMB} → {afterMB} MB in {ms} ms',
    en: 'memory compacted after indexing: {beforeMB} → {afterMB} MB in {ms} ms',
  },
  // The archive's watcher (corpus/watch.ts)
  watchingFiles: {
    nl: 'Bronvast volgt het archief zelf (de editor meldt geen gewijzigde bestanden): {paths}',
    en: 'Bronvast watches the archive itself (the editor reports no changed files): {paths}',
  },
  watchPolling: {
    nl: 'het archief volgen vraagt meer bewakingen dan het systeem toestaat ({code}); het wordt nu elke seconde nagelopen (op Linux: verhoog fs.inotify.max_user_watches)',
    en: 'watching the archive needs more file watches than the system allows ({code}); it is now looked through every second (on Linux: raise fs.inotify.max_user_watches)',
  },
  watchFailed: { nl: 'het archief volgen lukt niet ({why})', en: 'watching the archive failed ({why})' },
  watchCallbackFailed: { nl: 'een wijziging van het archief verwerken lukte niet: {why}', en: 'handling a change of the archive failed: {why}' },
  noFindings: { nl: 'geen meldingen', en: 'no findings' },
  unknownPlace: { nl: 'Onbekende plaats: {name}', en: 'Unknown place: {name}' },
  didYouMean: { nl: 'Bedoelde u: {names}', en: 'Did you mean: {names}' },
  progressArticles: { nl: 'artikelen', en: 'articles' },
  progressReading: { nl: 'lezen 1/2', en: 'reading 1/2' },
  progressRecognising: { nl: 'herkennen 2/2', en: 'recognising 2/2' },
  progressLeft: { nl: 'nog {time}', en: 'left {time}' },
  // Lists: "1300 en 1250", "text, json of markdown"
  and: { nl: 'en', en: 'and' },
  or: { nl: 'of', en: 'or' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** A message template with its {parameters} filled in (one without a value stays as written). */
export function fillTemplate(template: string, args: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m));
}

export function t(locale: Locale, key: MessageKey, args: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[key][locale], args);
}

const KIND_LABELS: Record<string, { nl: string; en: string }> = {
  land: { nl: 'land', en: 'country' },
  regio: { nl: 'regio', en: 'region' },
  provincie: { nl: 'provincie', en: 'province' },
  oblast: { nl: 'oblast', en: 'oblast' },
  gebied: { nl: 'gebied', en: 'area' },
  stad: { nl: 'stad', en: 'city' },
  stadje: { nl: 'stadje', en: 'town' },
  dorp: { nl: 'dorp', en: 'village' },
  plaats: { nl: 'plaats', en: 'place' },
  hoofdstad: { nl: 'hoofdstad', en: 'capital' },
  gemeente: { nl: 'gemeente', en: 'municipality' },
  werelddeel: { nl: 'werelddeel', en: 'continent' },
  zee: { nl: 'zee', en: 'sea' },
  rivier: { nl: 'rivier', en: 'river' },
  schiereiland: { nl: 'schiereiland', en: 'peninsula' },
  eiland: { nl: 'eiland', en: 'island' },
  'plaats-onbekend': { nl: 'plaats', en: 'place' },
};

export function kindLabel(kind: string, locale: Locale): string {
  return KIND_LABELS[kind]?.[locale] ?? kind;
}

const MONTHS = {
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** "2024-10-15" → "15 okt 2024"; "2024-10" → "okt 2024"; null → "datum onbekend". */
export function formatDate(iso: string | null, locale: Locale): string {
  if (!iso) return t(locale, 'unknownDate');
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const month = m[2] ? MONTHS[locale][Number(m[2]) - 1] : null;
  if (m[3]) return `${Number(m[3])} ${month} ${m[1]}`;
  if (month) return `${month} ${m[1]}`;
  return m[1];
}

/** A moment (ISO) as a day and a local time: "4 dec 2026 19:42". */
export function formatDateTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${formatDate(day, locale)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A number in the locale's notation: 1300 → "1300" (nl writes 4-digit numbers plainly), 11000 → "11.000". */
export function formatNumber(n: number, locale: Locale): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const rounded = Math.round(n * 100) / 100;
  const [int, frac] = String(Math.abs(rounded)).split('.');
  const sep = locale === 'nl' ? '.' : ',';
  const dec = locale === 'nl' ? ',' : '.';
  const grouped = abs >= 10000 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, sep) : int;
  return (n < 0 ? '-' : '') + grouped + (frac ? dec + frac : '');
}
