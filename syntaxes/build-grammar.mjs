// Generates syntaxes/kopij.tmLanguage.json (and the Markdown injection) from readable parts.
// Run: node syntaxes/build-grammar.mjs   — commit the generated JSON with this file.
//
// What the grammar marks (TextMate matches one line at a time, so structure is approximated):
// - headline: the first line of the file if it has no final punctuation (. ! ? : ; , …), and
//   `# ` headings. Intertitles further down ("Oekraïne in het defensief": a short line without
//   final punctuation between blank lines) are NOT marked: a line-based grammar cannot see the
//   blank line after it, and a paragraph being typed would flash as a heading until its first
//   full stop. The language server knows paragraphs and can mark them with semantic tokens.
// - metadata: the ` date 2025-01` marker that starts some archive exports.
// - datelines: "KYIV - …" / "KYIV (ANP) - …" and "NOS Nieuws • vandaag, 16:55"; the text after
//   the NOS dateline on the same line is its headline.
// - photo captions: lines that start with a picture credit (Getty, Reuters, ANP, AFP, EPA, AP,
//   NOS, …) followed by a capitalised word (so "Reuters meldt …" in body text is not a caption).
// - quotes: “…”, "…", ‘…’ and '…' (a straight single quote only when it is not an apostrophe:
//   zo'n, 's avonds, auto's stay plain). Open quotes end at the end of the line.
// - figures: Dutch number notation (1.300, 11.000, 2,5, 40%), spelled numerals (dertienhonderd,
//   vijfentwintig, twee, één — not the article "een"), vague quantities (honderden, tientallen),
//   with an optional qualifier before (ruim, bijna, zo'n, meer dan, …), a scale word (miljoen,
//   miljard) and a unit after (procent, vierkante kilometer, euro, …); dates and clock times.
// - `<!-- bronvast:checked … -->` markers (and other HTML comments).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const alt = (xs) => `(?:${xs.join('|')})`;

// --- numbers -------------------------------------------------------------------------------
const unit = ['één', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'];
const teen = ['tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'];
const tens = ['twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'];
const below100 = alt([`${alt(unit)}(?:en|ën)${alt(tens)}`, alt(tens), alt(teen), alt(unit)]);
const hundreds = `(?:${alt([alt(teen), alt(unit)])})?honderd`;
const below1000 = alt([`${hundreds}(?:en)?(?:${below100})?`, below100]);
const spelled = alt([`(?:${below1000})?duizend(?:en)?(?:${below1000})?`, below1000]);
// Not the article "een", not "en": a spelled numeral must be more than that.
const spelledNumber = `(?i:(?<![\\p{L}\\p{N}])(?!een(?![\\p{L}]))${spelled}(?![\\p{L}\\p{N}]))`;
const vague = `(?i:(?<![\\p{L}])${alt(['tientallen', 'honderdtallen', 'honderden', 'duizenden', 'tienduizenden', 'honderdduizenden', 'miljoenen', 'miljarden', 'anderhalf', 'anderhalve', 'dozijn'])}(?![\\p{L}]))`;
const digits = alt([
  '\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?', // 1.300  11.000  1.234,5
  '\\d+(?:,\\d+)?', // 1300  2,5
]);
const digitNumber = `(?<![\\p{L}\\p{N}\\-.,])${digits}(?![\\p{N}]|[.,]\\d)`;
const scale = alt(['miljoen', 'miljard', 'biljoen', 'duizend', 'honderdduizend', 'mln\\.?', 'mld\\.?']);
const unitWord = alt([
  'procentpunten', 'procentpunt', 'procent', '%',
  'vierkante kilometers?', 'vierkante meters?', 'km²', 'km2', 'm²', 'm2',
  'kilometers?', 'meters?', 'km', 'hectares?', 'ha',
  'euro', 'dollar', 'pond', 'roebel', 'hryvnia',
  'graden', 'kilo', 'kilogram', 'ton', 'liter',
]);
const qualifier = alt([
  "zo['’]n", 'ruim', 'bijna', 'circa', 'ca\\.', 'ongeveer', 'rond', 'rondom', 'ruwweg', 'pakweg',
  'minstens', 'minimaal', 'maximaal', 'hooguit', 'ten minste', 'tenminste', 'zeker', 'krap',
  'meer dan', 'minder dan', 'tot wel', 'tot', 'maar liefst', 'liefst', 'nog eens', 'naar schatting',
  'een kleine', 'een dikke', 'een goede', 'goed', 'slechts', 'amper', 'nauwelijks', 'ongeveer',
]);
const months = alt(['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']);

const figure = {
  // qualifier? (currency)? number (scale)? (unit)?
  match:
    `(?i:(?<![\\p{L}])(${qualifier})\\s+)?` +
    `(?:([€$£])\\s?)?` +
    `(${digitNumber}|${spelledNumber}|${vague})` +
    `(?:\\s+(${scale})(?![\\p{L}]))?` +
    `(?:\\s*(${unitWord})(?![\\p{L}]))?`,
  name: 'meta.figure.kopij',
  captures: {
    1: { name: 'keyword.other.qualifier.kopij' },
    2: { name: 'keyword.other.unit.currency.kopij' },
    3: { name: 'constant.numeric.kopij' },
    4: { name: 'constant.numeric.scale.kopij' },
    5: { name: 'keyword.other.unit.kopij' },
  },
};

const date = {
  patterns: [
    { match: `(?<![\\p{L}\\p{N}])(?:\\d{1,2}\\s+)?${months}(?:\\s+\\d{4})?(?![\\p{L}])`, name: 'constant.other.date.kopij' },
    { match: '(?<![\\p{N}:])\\d{1,2}[:.]\\d{2}\\s+uur(?![\\p{L}])|(?<![\\p{N}:.])\\d{1,2}:\\d{2}(?![\\p{N}])', name: 'constant.other.time.kopij' },
  ],
};

// --- quotes --------------------------------------------------------------------------------
const inQuote = [{ include: '#date' }, { include: '#figure' }];
const quote = {
  patterns: [
    { begin: '“', end: '”|$', name: 'string.quoted.double.kopij', beginCaptures: { 0: { name: 'punctuation.definition.string.begin.kopij' } }, endCaptures: { 0: { name: 'punctuation.definition.string.end.kopij' } }, patterns: inQuote },
    { begin: '„', end: '[”“"]|$', name: 'string.quoted.double.low.kopij', beginCaptures: { 0: { name: 'punctuation.definition.string.begin.kopij' } }, endCaptures: { 0: { name: 'punctuation.definition.string.end.kopij' } }, patterns: inQuote },
    { begin: '"', end: '"|$', name: 'string.quoted.double.straight.kopij', beginCaptures: { 0: { name: 'punctuation.definition.string.begin.kopij' } }, endCaptures: { 0: { name: 'punctuation.definition.string.end.kopij' } }, patterns: inQuote },
    // ’ doubles as the apostrophe (zo’n): it only closes when no letter follows.
    { begin: '‘', end: '’(?![\\p{L}])|$', name: 'string.quoted.single.kopij', beginCaptures: { 0: { name: 'punctuation.definition.string.begin.kopij' } }, endCaptures: { 0: { name: 'punctuation.definition.string.end.kopij' } }, patterns: inQuote },
    // A straight single quote opens only where it cannot be an apostrophe ('s, 't, 'n, zo'n, auto's).
    { begin: "(?<![\\p{L}\\p{N}])'(?!(?:s|t|n|k|r|m|ns)(?![\\p{L}]))(?=[\\p{L}\\p{N}“\"])", end: "(?<=[\\p{L}\\p{N}.!?,;:…)])'(?![\\p{L}\\p{N}])|$", name: 'string.quoted.single.straight.kopij', beginCaptures: { 0: { name: 'punctuation.definition.string.begin.kopij' } }, endCaptures: { 0: { name: 'punctuation.definition.string.end.kopij' } }, patterns: inQuote },
  ],
};

// --- line-level structure ------------------------------------------------------------------
const credits = alt([
  'Getty(?: Images)?', 'Reuters', 'ANP(?: / AFP| / EPA)?', 'AFP', 'EPA(?:-EFE)?', 'AP', 'NOS', 'BELGA', 'Belga',
  'Hollandse Hoogte', 'Shutterstock', 'Anadolu', 'TASS', 'Ukrinform', 'RIA Novosti', 'Telegram',
]);
const carousel = '(?:Sla de carrousel over\\s+)?';
const dateMarker = {
  match: '^\\s*(date)\\s+(\\d{4}-\\d{2}(?:-\\d{2})?)(?=\\s|$)',
  name: 'meta.date-marker.kopij',
  captures: { 1: { name: 'keyword.other.date-marker.kopij' }, 2: { name: 'constant.other.date.kopij' } },
};

const lineStart = '(?:^\\s*(?:date\\s+\\d{4}-\\d{2}(?:-\\d{2})?\\s+)?)';

const repository = {
  checked: {
    begin: '<!--\\s*(bronvast:checked)\\b',
    end: '-->',
    name: 'comment.block.checked.kopij',
    beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.kopij' }, 1: { name: 'keyword.other.checked.kopij' } },
    endCaptures: { 0: { name: 'punctuation.definition.comment.end.kopij' } },
  },
  comment: {
    begin: '<!--',
    end: '-->',
    name: 'comment.block.kopij',
    beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.kopij' } },
    endCaptures: { 0: { name: 'punctuation.definition.comment.end.kopij' } },
  },
  dateMarker,
  nosDateline: {
    // NOS Nieuws • vandaag, 16:55 Headline text
    match: `${lineStart}((?:NOS(?: Nieuws| Sport| Jeugdjournaal)?|[\\p{Lu}][\\p{L}.]+(?: [\\p{Lu}][\\p{L}.]+)?)\\s+•\\s+(?:(?:Aangepast|Gewijzigd)\\s+)?[^,•\\n]{1,40},\\s*\\d{1,2}[:.]\\d{2})(?:\\s+(.+))?$`,
    name: 'meta.dateline.kopij',
    captures: { 1: { name: 'entity.name.tag.dateline.kopij' }, 2: { name: 'markup.heading.kopij entity.name.section.kopij' } },
  },
  cityDateline: {
    // KYIV - …   KYIV (ANP) - …   DEN HAAG – …
    match: `^\\s*(\\p{Lu}[\\p{Lu}'’\\-]+(?: \\p{Lu}[\\p{Lu}'’\\-]+)*(?:\\s*\\([\\p{Lu}/ ]+\\))?)\\s+[-–—]\\s`,
    name: 'meta.dateline.kopij',
    captures: { 1: { name: 'entity.name.tag.dateline.kopij' } },
  },
  caption: {
    match: `${lineStart}${carousel}(${credits})\\s+(?=[\\p{Lu}“"‘'])(.*)$`,
    name: 'meta.caption.kopij',
    captures: {
      1: { name: 'entity.name.tag.credit.kopij' },
      2: { name: 'comment.line.caption.kopij', patterns: [{ include: '#inline' }] },
    },
  },
  headline: {
    patterns: [
      {
        // The first line of the file when it reads as a headline (no final punctuation); an
        // archive article that starts with its lead paragraph is not marked.
        match: '\\A(?:\\s*date\\s+\\d{4}-\\d{2}(?:-\\d{2})?\\s*)?(?=\\S)([^\\n]{1,199}[^.!?:;,…\\s"”’\'])\\s*$',
        captures: { 1: { name: 'markup.heading.kopij entity.name.section.kopij', patterns: [{ include: '#inline' }] } },
      },
      {
        match: '^(#{1,6})\\s+(.*)$',
        captures: {
          1: { name: 'punctuation.definition.heading.kopij' },
          2: { name: 'markup.heading.kopij entity.name.section.kopij', patterns: [{ include: '#inline' }] },
        },
      },
    ],
  },
  figure,
  date,
  quote,
  inline: { patterns: [{ include: '#checked' }, { include: '#comment' }, { include: '#quote' }, { include: '#date' }, { include: '#figure' }] },
};

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Kopij',
  scopeName: 'source.kopij',
  comment: 'Generated by syntaxes/build-grammar.mjs — edit that file, not this one.',
  patterns: [
    { include: '#checked' },
    { include: '#comment' },
    { include: '#nosDateline' },
    { include: '#caption' },
    { include: '#headline' },
    { include: '#dateMarker' },
    { include: '#cityDateline' },
    { include: '#inline' },
  ],
  repository,
};

// Only the checked marker goes into Markdown: figures would colour every number in every
// Markdown file of every user, which is noise outside the newsroom.
const injection = {
  $schema: grammar.$schema,
  scopeName: 'bronvast.checked.injection',
  comment: 'Generated by syntaxes/build-grammar.mjs. Highlights <!-- bronvast:checked … --> markers in Markdown.',
  injectionSelector: 'L:text.html.markdown -markup.fenced_code -markup.inline.raw -markup.raw',
  patterns: [{ include: 'source.kopij#checked' }],
};

writeFileSync(join(here, 'kopij.tmLanguage.json'), JSON.stringify(grammar, null, 2) + '\n');
writeFileSync(join(here, 'bronvast-markdown.injection.tmLanguage.json'), JSON.stringify(injection, null, 2) + '\n');
console.log('wrote syntaxes/kopij.tmLanguage.json and syntaxes/bronvast-markdown.injection.tmLanguage.json');
