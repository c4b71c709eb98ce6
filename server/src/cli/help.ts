// The command line's help, in Dutch and English (`--lang`, else BRONVAST_LANG, LC_ALL, LANG).

import type { Locale } from '../core/l10n';
import type { Command } from './options';

type Help = Record<'main' | Command, string>;

const EN: Help = {
  main: `bronvast — links Dutch news copy to what the newsroom archive says

Usage: bronvast <command> [options]

Commands:
  index <corpus...> [--store <conn>]         build or refresh the archive index (into a shared index)
  check <draft...> --corpus <path>...        the diagnostics the editor would show
  places <file...> [--corpus <path>...]      place names in files
  figures <file...>                          figures (numbers, quantities) in files
  explain <place> --corpus <path>...         what the archive knows about a place

check, places and explain read a shared index instead of files with --store <conn> (a PostgreSQL
connection string; BRONVAST_STORE or the workspace's bronvast.store setting set it too).

Common options:
  -f, --format text|json   output format (default text)
  --lang nl|en             language of messages (default: from LANG, else nl)
  --cache-dir <dir>        cache folder (default: BRONVAST_CACHE_DIR or the OS cache folder)
  --no-cache               do not read or write the cache
  -v, --verbose            list every skipped archive file or line (index always does)
  -h, --help               help for a command

Exit codes: 0 ok, 1 a Warning or Error was found (check), 2 usage error or an unusable store.`,
  index: `Usage: bronvast index <corpus...> [--store <conn> [--watch [--poll]]] [--format text|json] [--cache-dir DIR] [--no-cache]

Reads the corpus folders/files (.txt, .md, .jsonl, NewsML-G2 and NITF .xml, .html pages), analyses new or changed articles (the rest
comes from the cache) and prints the number of articles, places and figures, the time taken,
and every skipped file or line with its reason. An archive without articles is an error (exit 2).
On a terminal a progress line on stderr shows articles, MB/s and the time left.
With --store postgresql://… (or BRONVAST_STORE) the index is written into that shared index, in one
transaction: only articles and places that changed, then a new generation that running editors
pick up. --watch keeps running and writes every change of the archive (stop with Ctrl-C); --poll
looks through the archive every second instead of waiting for the file system's events, for an
archive on a network share (NFS, SMB), where other machines' changes send none. Passwords
come from PGPASSWORD or ~/.pgpass, never from the command line's output. See docs/newsroom.md.`,
  check: `Usage: bronvast check <draft...> --corpus <path>... [--date YYYY-MM-DD] [--format text|json] [--verbose]

Checks the figures in each draft against the archive. A draft is written today, unless --date or a
leading ' date YYYY-MM-DD' line in the draft says otherwise: "vorig jaar", "dinsdag" and which
reports are the newest follow from that day. JSON output:
  [{"file": path, "diagnostics": [LSP Diagnostic]}]
Exit 1 when a Warning or Error was found, 0 when none, 2 on a usage error.
Figures marked as checked in .bronvast/checked.json (next to or above the draft) are not reported.
Skipped archive lines are summed up in one line; --verbose lists them.`,
  places: `Usage: bronvast places <file...> [--corpus <path>...] [--format text|json]

Lists the place names in each file: where, as written, the place's name and what kind of place it
is. Without --corpus the files themselves are the archive the place names are learned from.
.jsonl, .md, .xml (NewsML-G2, NITF) and .html files are read as articles, as index reads them.
JSON: [{"file", "places": [{"text", "start", "end", "range", "article"?, "place": {"id", "name", "kind"}}]}]`,
  figures: `Usage: bronvast figures <file...> [--format text|json]

Lists the figures in each file: value as written, the interval the wording commits to, the
qualifier, unit and what is counted. .jsonl, .md, .xml and .html files are read as articles, as
index reads them: offsets are into the article's text, positions into the file.
JSON: [{"file", "figures": [{"text", "start", "end", "range", "article"?, "value", "low", "high", "qualifier", "unit", "counted"}]}]`,
  explain: `Usage: bronvast explain <place> --corpus <path>... [--format text|json|markdown] [--lang nl|en]

Prints the dossier of a place, as the hover shows it. Any spelling works (Kursk, Koersk).`,
};

const NL: Help = {
  main: `bronvast — koppelt Nederlandse nieuwskopij aan wat het redactiearchief zegt

Gebruik: bronvast <opdracht> [opties]

Opdrachten:
  index <archief...> [--store <verb>]        archiefindex bouwen of bijwerken (in een gedeelde index)
  check <kopij...> --corpus <pad>...         de meldingen die de editor zou tonen
  places <bestand...> [--corpus <pad>...]    plaatsnamen in bestanden
  figures <bestand...>                       cijfers (getallen, hoeveelheden) in bestanden
  explain <plaats> --corpus <pad>...         wat het archief over een plaats weet

check, places en explain lezen met --store <verb> een gedeelde index in plaats van bestanden (een
PostgreSQL-verbinding; BRONVAST_STORE of de instelling bronvast.store van de werkmap kan dat ook).

Algemene opties:
  -f, --format text|json   uitvoervorm (standaard text)
  --lang nl|en             taal van de meldingen (standaard: uit LANG, anders nl)
  --cache-dir <map>        cachemap (standaard: BRONVAST_CACHE_DIR of de cachemap van het systeem)
  --no-cache               de cache niet lezen of schrijven
  -v, --verbose            elk overgeslagen archiefbestand of -regel tonen (index doet dat altijd)
  -h, --help               hulp bij een opdracht

Afsluitcodes: 0 in orde, 1 een waarschuwing of fout gevonden (check), 2 verkeerd gebruik of een onbruikbare opslag.`,
  index: `Gebruik: bronvast index <archief...> [--store <verb> [--watch [--poll]]] [--format text|json] [--cache-dir MAP] [--no-cache]

Leest de archiefmappen en -bestanden (.txt, .md, .jsonl, NewsML-G2- en NITF-.xml, .html-pagina's), analyseert nieuwe of gewijzigde artikelen
(de rest komt uit de cache) en toont het aantal artikelen, plaatsen en cijfers, de duur, en elk
overgeslagen bestand of elke overgeslagen regel met de reden. Een archief zonder artikelen is een
fout (afsluitcode 2). Op een terminal toont een voortgangsregel op stderr artikelen, MB/s en de
resterende tijd.
Met --store postgresql://… (of BRONVAST_STORE) gaat de index in die gedeelde index, in één
transactie: alleen gewijzigde artikelen en plaatsen, daarna een nieuwe generatie die lopende editors
oppikken. --watch blijft draaien en schrijft elke wijziging van het archief (stoppen met Ctrl-C);
--poll loopt het archief elke seconde na in plaats van te wachten op meldingen van het
bestandssysteem, voor een archief op een netwerkschijf (NFS, SMB), waar wijzigingen van andere
computers er geen geven.
Wachtwoorden komen uit PGPASSWORD of ~/.pgpass. Zie docs/newsroom.md.`,
  check: `Gebruik: bronvast check <kopij...> --corpus <pad>... [--date JJJJ-MM-DD] [--format text|json] [--verbose]

Controleert de cijfers in elke kopij tegen het archief. Kopij is van vandaag, tenzij --date of een
eerste regel ' date JJJJ-MM-DD' in de kopij iets anders zegt: "vorig jaar", "dinsdag" en welke
berichten de nieuwste zijn volgen uit die dag. JSON-uitvoer:
  [{"file": pad, "diagnostics": [LSP Diagnostic]}]
Afsluitcode 1 bij een waarschuwing of fout, 0 zonder, 2 bij verkeerd gebruik.
Cijfers die in .bronvast/checked.json (naast of boven de kopij) als gecontroleerd staan, worden niet
gemeld. Overgeslagen archiefregels worden in één regel samengevat; --verbose toont ze.`,
  places: `Gebruik: bronvast places <bestand...> [--corpus <pad>...] [--format text|json]

Toont de plaatsnamen in elk bestand: waar, zoals geschreven, de naam van de plaats en wat voor plaats
het is. Zonder --corpus zijn de bestanden zelf het archief waaruit plaatsnamen worden geleerd.
.jsonl-, .md-, .xml- (NewsML-G2, NITF) en .html-bestanden worden als artikelen gelezen, zoals index ze leest.
JSON: [{"file", "places": [{"text", "start", "end", "range", "article"?, "place": {"id", "name", "kind"}}]}]`,
  figures: `Gebruik: bronvast figures <bestand...> [--format text|json]

Toont de cijfers in elk bestand: de waarde zoals geschreven, het interval waar de formulering zich
op vastlegt, de bepaling, de eenheid en wat er geteld wordt. .jsonl-, .md-, .xml- en .html-bestanden worden als
artikelen gelezen, zoals index ze leest: posities in de tekst van het artikel en in het bestand.
JSON: [{"file", "figures": [{"text", "start", "end", "range", "article"?, "value", "low", "high", "qualifier", "unit", "counted"}]}]`,
  explain: `Gebruik: bronvast explain <plaats> --corpus <pad>... [--format text|json|markdown] [--lang nl|en]

Toont het dossier van een plaats, zoals de hover het toont. Elke spelling werkt (Kursk, Koersk).`,
};

export function helpText(command: 'main' | Command, locale: Locale): string {
  return (locale === 'nl' ? NL : EN)[command];
}
