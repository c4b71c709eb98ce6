// What is measured: the counted concept, the predicate that defines the quantity, and the side.
// Each rule is a table of Dutch words (test/unit/quantity/measure.test.ts holds examples).

import { fold } from '../../dutch/tokens';
import type { Role } from './model';
import type { Word } from './clauses';
import { firstAtOrAfter } from './spans';

// ---------------------------------------------------------------------------------------------
// Rule: the counted concept. Words news uses interchangeably for one thing count as one concept.

const CONCEPTS: Record<string, string[]> = {
  soldier: ['militair', 'soldaat', 'troep', 'strijder', 'manschap', 'vechter', 'militairen', 'troepen', 'rekruut', 'huurling', 'infanterist', 'commando', 'mariniers', 'marinier', 'dienstplichtige', 'reservist'],
  human: ['mens', 'persoon', 'personen', 'inwoner', 'bewoner', 'ingezetene', 'dode', 'doden', 'gewonde', 'gewonden', 'slachtoffer', 'omgekomene', 'gedode', 'gesneuvelde', 'vluchteling', 'ontheemde', 'evacue', 'gevangene', 'krijgsgevangene', 'krijgsgevangen', 'gedetineerde', 'vermiste', 'patient', 'man', 'vrouw', 'volwassene', 'burgerslachtoffer', 'geevacueerde', 'gevluchte', 'achterblijver'],
  civilian: ['burger', 'burgers', 'burgerdode', 'burgerdoden', 'niet-strijder'],
  child: ['kind', 'kinderen', 'minderjarige', 'baby', 'tiener', 'jongere', 'jongen', 'meisje'],
  settlement: ['plaats', 'plaatsje', 'dorp', 'dorpje', 'nederzetting', 'woonkern', 'gehucht', 'dorpen', 'plaatsen'],
  area: ['gebied', 'terrein', 'grondgebied', 'territorium'],
  drone: ['drone', 'drones', 'aanvalsdrone', 'shahed', 'shahed-drone', 'kamikazedrone'],
  missile: ['raket', 'raketten', 'projectiel'],
  'cruise-missile': ['kruisraket', 'kruisraketten'],
  'ballistic-missile': ['ballistische raket'],
  building: ['gebouw', 'woning', 'huis', 'flat', 'flatgebouw', 'appartementencomplex', 'pand'],
};

const CONCEPT_OF = new Map<string, string>();
for (const [id, words] of Object.entries(CONCEPTS)) for (const w of words) CONCEPT_OF.set(w, id);

/** The role a counted noun carries in itself ("doden" are killed; "inwoners" live somewhere). */
const HEAD_ROLE: Record<string, Role> = {
  dode: 'killed', doden: 'killed', omgekomene: 'killed', gedode: 'killed', gesneuvelde: 'killed', burgerdode: 'killed', burgerdoden: 'killed',
  gewonde: 'wounded', gewonden: 'wounded',
  slachtoffer: 'casualty', burgerslachtoffer: 'casualty',
  vluchteling: 'fled', ontheemde: 'fled', evacue: 'fled', geevacueerde: 'fled',
  inwoner: 'resident', ingezetene: 'resident',
  vermiste: 'missing', patient: 'hospitalised',
};
/** Of these, a predicate in the clause wins ("133.000 inwoners op de vlucht" fled). */
const WEAK_HEAD_ROLE = new Set(['inwoner', 'ingezetene', 'slachtoffer']);

/** Demonyms: "Noord-Koreanen" count people (soldiers, in war news) of that side. */
const DEMONYM = /^(noord-?korea(?:an|nen)?|zuid-?korea(?:an|nen)?|rus|russen|oekrainer|oekrainers|amerikaan|amerikanen|brit|britten|fransman|fransen|duitser|duitsers|nederlander|nederlanders|belg|belgen|pool|polen|chinees|chinezen|iraniër|iraniers|israeli|israeliers|palestijn|palestijnen|syrier|syriers|turk|turken|georgier|tsjetsjeen|tsjetsjenen|wit-rus|wit-russen)$/;

export interface Head { concept: string | null; role: Role | null; strongRole: boolean; demonym: boolean }

const HEADS = new Map<string, Head>();
const NO_HEAD: Head = Object.freeze({ concept: null, role: null, strongRole: false, demonym: false }) as Head;

/** The concept of a counted noun (its lemma as the figure reader found it); kept per lemma (a bounded set). */
export function headOf(lemma: string | null): Head {
  if (!lemma) return NO_HEAD;
  let h = HEADS.get(lemma);
  if (!h) {
    h = Object.freeze(readHead(lemma)) as Head;
    if (HEADS.size > 20000) HEADS.clear();
    HEADS.set(lemma, h);
  }
  return h;
}

function readHead(lemma: string): Head {
  const f = fold(lemma).replace(/’/g, "'");
  if (DEMONYM.test(f)) return { concept: 'human', role: null, strongRole: false, demonym: true };
  const last = f.split(/\s+/).pop() ?? f;
  let concept = CONCEPT_OF.get(f) ?? CONCEPT_OF.get(last) ?? null;
  // A compound counts what its last part counts ("burgerslachtoffer" aside): "aanvalsdrone" is a drone.
  if (!concept) for (const [w, id] of CONCEPT_OF) if (w.length >= 5 && last.endsWith(w) && last.length > w.length + 2 && id !== 'human') { concept = id; break; }
  const role = HEAD_ROLE[f] ?? HEAD_ROLE[last] ?? null;
  return { concept: concept ?? last, role, strongRole: !!role && !WEAK_HEAD_ROLE.has(f) && !WEAK_HEAD_ROLE.has(last), demonym: false };
}

/** Concepts that are people; a generic one needs a predicate to be a quantity. */
export const PEOPLE = new Set(['soldier', 'human', 'civilian', 'child']);

/** Whether two heads can be one concept: equal, or people in general against soldiers or civilians. */
export function headsCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const generic = (x: string) => x === 'human';
  return (generic(a) && (b === 'soldier' || b === 'civilian')) || (generic(b) && (a === 'soldier' || a === 'civilian'));
}

// ---------------------------------------------------------------------------------------------
// Rule: the predicate. A cue is a word (or words) of the figure's clause; the first one after the
// figure wins (Dutch puts participles and particles last), else the nearest before it.

interface Cue { role: Role; words: RegExp[] }
const cue = (role: Role, ...words: (string | RegExp)[]): Cue => ({ role, words: words.map((w) => (typeof w === 'string' ? new RegExp(`^(?:${w})$`, 'u') : w)) });

/** Verbs of being somewhere: a deployment only of soldiers or a nation's people (read.ts drops it for others). */
export const PRESENCE_CUE = /^(?:bevinden|bevond|bevonden|aanwezig)$/u;

export const ROLE_CUES: Cue[] = [
  // killed or wounded together first ("gedood of gewond" is read by casualtyAt), "verliezen"
  cue('casualty', 'verliezen|verlies|verloor|verloren|uitgeschakeld|slachtoffers|uitschakelen'),
  cue('killed', 'om', 'het', 'leven'),
  cue('killed', 'het', 'leven', 'gekost|kostte|kosten|kost'),
  cue('killed', 'omgekomen|omkomen|omgebracht|gedood|gedode|doodgeschoten|gesneuveld|sneuvelden|sneuvelde|gesneuvelde|overleden|overleed|stierven|stierf|dood|dodental|doden|vermoord|geexecuteerd|gestorven|omkwamen|omkwam|gevallen'),
  cue('wounded', 'gewond|gewonden|verwond|verwondingen|gewonde'),
  cue('hospitalised', 'ziekenhuis|ziekenhuizen|opgenomen'),
  cue('missing', 'vermist|vermisten'),
  cue('resident', 'wonen|woonden|woont|woonde|telde|telt|tellen|telden|bevolking|inwonertal|inwoners|verblijven|verblijft|verbleven|achtergebleven|achtergeblevenen|achterblijven|resterende'),
  cue('fled', 'gevlucht|vluchtten|vluchtte|vluchten|ontvlucht|ontvluchtten|vertrokken|vertrekken|verlaten|verlieten|verliet|weggetrokken|ontheemd|vluchtelingen'),
  cue('fled', 'op', 'de', 'vlucht'),
  // People evacuated have left their homes: one quantity with those who fled. An evacuation order is another.
  cue('evacuation-order', 'evacuatiebevel|evacuatieplicht|evacuatiebevelen'),
  cue('fled', 'geevacueerd|evacueren|evacuatie|evacueerden|evacueerde|geevacueerden'),
  cue('retaken', 'heroverd|heroverde|heroverden|herovering|heroveren|teruggewonnen|terugveroverd|herwonnen|herwonnen|bevrijd|bevrijding|bevrijdde|kwijt|terugveroverde'),
  cue('retaken', 'weer', 'in', '\\p{L}+', 'handen'),
  cue('retaken', 'weer', 'in', 'handen'),
  cue('captured', 'veroverd|veroverde|veroverden|verovering|veroveren|ingenomen|innemen|inname|ingelijfd|geannexeerd|nam|namen'),
  cue('held', 'in', 'handen'),
  cue('held', 'in', '\\p{L}+', 'handen'),
  cue('held', 'onder', 'controle'),
  cue('held', 'controleert|controleren|controleerde|controleerden|gecontroleerd|bezet|bezette|bezetten|bezetting|houdt|hield|hielden|bezit|bezitten'),
  cue('downed', 'neergehaald|neerhalen|haalde|haalden|onderschept|onderschepte|onderschepten|onderscheppen|neergeschoten'),
  cue('downed', 'uit', 'de', 'lucht'),
  cue('launched', 'afgevuurd|vuurde|vuurden|afvuren|gelanceerd|lanceerde|lanceerden|lanceren|bestookt|bestookte|bestookten|ingezet|inzetten|zette|zetten|stuurde|stuurden|afgeschoten'),
  cue('destroyed', 'vernietigd|vernietigde|verwoest|verwoestte|vernield|beschadigd'),
  cue('sent', 'gestuurd|stuurde|stuurden|sturen|gezonden|zond|geleverd|leverde|overgebracht'),
  cue('deployed', 'gelegerd|gestationeerd|vechten|vochten|strijden|streden|vecht|vocht|samengetrokken|ingezet|inzet|meevechten|meegevochten|hulp'),
  cue('deployed', PRESENCE_CUE),
  cue('deployed', 'houden|hielden|hield|houdt', 'stand'),
  cue('deployed', 'trok|trokken|trekt', '\\p{L}+', 'samen'),
  cue('deployed', 'trok|trokken|trekt', 'samen'),
  cue('invaded', 'binnen|binnengetrokken|binnengevallen|binnenvallen|staken|overgestoken|grens'),
  cue('exchanged', 'geruild|ruilden|ruilde|ruil|ruilen|uitgewisseld|uitwisseling|gevangenenruil|overgedragen|droegen|droeg|wisselden'),
  // Prisoners released in an exchange are the exchange's count: one role.
  cue('exchanged', 'vrijgelaten|vrijgekomen|teruggekeerd|teruggekeerden|thuisgekomen|teruggekregen|vrijlating|uitgeleverd'),
  cue('taken-prisoner', 'gevangengenomen|gevangen'),
  cue('built', 'geplaatst|geinstalleerd|gebouwd|aangelegd|opgericht|neergezet|plaatsen|installeren|bouwen'),
  cue('paid', 'betalen|betaalt|betaald|betaalde|betaalden|uitgekeerd|vergoeding|schadevergoeding'),
  cue('fined', 'boete|boetes|beboet'),
  cue('cost', 'kost|kostte|kosten|gekost|begroot|investering|investeert|geinvesteerd'),
  cue('jobs-lost', 'geschrapt|schrappen|ontslagen|ontslag|verdwijnen|verdwenen'),
  cue('visited', 'bezoekers|bezocht|bezochten|toeschouwers'),
  cue('sold', 'verkocht|verkochten|verkoopt'),
];

/** Words that make a figure a change rather than a level: "steeg met 5 procent", "groeide met 190 banen". */
const CHANGE = /^(?:steeg|stijgt|stegen|gestegen|stijging|daalde|daalt|daalden|gedaald|daling|groeide|groeit|groeiden|gegroeid|groei|nam|neemt|toegenomen|afgenomen|toename|afname|kromp|krimpt|gekrompen|erbij|verhoogd|verlaagd|verhoging|verlaging)$/;

export interface RoleFound { role: Role; start: number; end: number; text: string }

function matchAt(words: readonly Word[], i: number, c: Cue): number {
  if (i + c.words.length > words.length) return 0;
  if (c.words.length === 1) {
    // A participle used as an adjective takes an -e: "neergehaalde drones", "bezette gebied".
    const w = words[i].w;
    return c.words[0].test(w) || (w.length > 6 && w.endsWith('e') && c.words[0].test(w.slice(0, -1))) ? 1 : 0;
  }
  for (let k = 0; k < c.words.length; k++) if (!c.words[k].test(words[i + k].w)) return 0;
  return c.words.length;
}

/** Separable verbs: the particle stands last in its clause, the verb before the figure ("kwamen zeker
 *  twaalf mensen om", "vuurde 38 raketten af", "kregen beide landen elk 230 gevangenen terug"). */
const PARTICLE_VERBS: { particle: string; verb: RegExp; role: Role }[] = [
  { particle: 'om', verb: /^(?:kwam|kwamen|komen|komt|gekomen)$/, role: 'killed' },
  { particle: 'af', verb: /^(?:vuurde|vuurden|vuurt|vuren|schoot|schoten)$/, role: 'launched' },
  { particle: 'neer', verb: /^(?:haalde|haalden|haalt|halen|schoot|schoten)$/, role: 'downed' },
  { particle: 'in', verb: /^(?:zette|zetten|zet)$/, role: 'launched' },
  { particle: 'in', verb: /^(?:zette|zetten|zet)$/, role: 'deployed' },
  { particle: 'in', verb: /^(?:nam|namen|neemt|nemen)$/, role: 'captured' },
  { particle: 'terug', verb: /^(?:kregen|kreeg|krijgen|krijgt|keerden|keerde|keren|keert|kwamen|kwam)$/, role: 'exchanged' },
  { particle: 'vrij', verb: /^(?:kwamen|kwam|komen|komt|liet|lieten|laat|laten)$/, role: 'exchanged' },
  { particle: 'gaan', verb: /^(?:liet|lieten|laat|laten)$/, role: 'exchanged' },
  { particle: 'over', verb: /^(?:droegen|droeg|dragen|draagt)$/, role: 'exchanged' },
  { particle: 'over', verb: /^(?:staken|stak|steken)$/, role: 'invaded' },
  { particle: 'binnen', verb: /^(?:trokken|trok|trekken|vielen|viel)$/, role: 'invaded' },
  { particle: 'samen', verb: /^(?:trokken|trok|trekken|trekt)$/, role: 'deployed' },
  { particle: 'over', verb: /^(?:hield|hielden|houdt|houden)$/, role: 'held' },
  // "er zijn nog 200 over", "bleven er 50 over": what is left (not the preposition: "verdeeld over elf regio's", "over drie maanden").
  { particle: 'over', verb: /^(?:zijn|is|waren|was|blijven|blijft|bleven|bleef)$/, role: 'resident' },
  { particle: 'mee', verb: /^(?:doen|doet|deden|deed|vechten|vecht|vochten|vocht)$/, role: 'deployed' },
];

const KILLED_WORD = /^(?:gedood|dood|doden|gesneuveld|gesneuvelde|omgekomen|gedode)$/;
const WOUNDED_WORD = /^(?:gewond|gewonden|gewonde|verwond|uitgeschakeld|invalide)$/;

/** "gedood of gewond", "doden en gewonden", "gesneuveld of zo zwaar gewond dat …": killed or wounded together. */
function casualtyAt(words: readonly Word[], i: number, limit: number): number {
  if (!KILLED_WORD.test(words[i].w)) return 0;
  for (let k = i + 1; k < words.length && k <= i + 2; k++) {
    if (words[k].w !== 'of' && words[k].w !== 'en') continue;
    for (let j = k + 1; j < words.length && j <= k + 3 && words[j].end <= limit; j++) if (WOUNDED_WORD.test(words[j].w)) return j - i + 1;
  }
  return 0;
}

/** "zijn niet vertrokken", "raakte niemand gewond": a negated predicate defines nothing. */
function negated(words: readonly Word[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) if (/^(?:niet|nooit|geen|niemand)$/.test(words[k].w)) return true;
  return false;
}

function particleAt(words: readonly Word[], i: number, roles?: ReadonlySet<Role>): Role | null {
  const w = words[i].w;
  const next = words[i + 1];
  // Last in its clause (punctuation follows: more than a space between the words) or before a conjunction.
  if (next && next.start - words[i].end <= 1 && !/^(?:en|of|maar|terwijl|nadat|toen|bij|in|op|door)$/.test(next.w)) return null;
  for (const p of PARTICLE_VERBS) {
    if (p.particle !== w || (roles && !roles.has(p.role))) continue;
    for (let k = i - 1; k >= 0 && k >= i - 14; k--) if (p.verb.test(words[k].w)) return p.role;
  }
  return null;
}

/** The cues by the words they can start with (each cue's first part is a list of plain words), so
 *  that a word is tried only against the cues it can begin; cues whose first part is no such list
 *  are tried always. */
const CUES_BY_FIRST = new Map<string, Cue[]>();
const CUES_ALWAYS: Cue[] = [];
for (const c of ROLE_CUES) {
  const m = /^\^\(\?:(.*)\)\$$/.exec(c.words[0].source);
  const alts = m ? m[1].split('|') : [];
  if (!alts.length || alts.some((a) => !/^[a-z-]+$/.test(a))) { CUES_ALWAYS.push(c); continue; }
  for (const a of alts) {
    const list = CUES_BY_FIRST.get(a);
    if (list) { if (!list.includes(c)) list.push(c); } else CUES_BY_FIRST.set(a, [c]);
  }
}
const NO_CUES: Cue[] = [];

/** The cues word i may begin: by its word, or by its word without an adjective's -e. */
function cuesFor(w: string): readonly Cue[] {
  const exact = CUES_BY_FIRST.get(w) ?? NO_CUES;
  const bare = w.length > 6 && w.endsWith('e') ? CUES_BY_FIRST.get(w.slice(0, -1)) ?? NO_CUES : NO_CUES;
  if (!bare.length && !CUES_ALWAYS.length) return exact;
  // In ROLE_CUES order: earlier cues win.
  return ROLE_CUES.filter((c) => exact.includes(c) || bare.includes(c) || CUES_ALWAYS.includes(c));
}

/** The first cue at word i, longest first (a casualty pair before its killed word). */
function cueAt(words: readonly Word[], i: number, roles: ReadonlySet<Role> | undefined, limit: number): RoleFound | null {
  if (negated(words, i)) return null;
  const pair = (!roles || roles.has('casualty')) ? casualtyAt(words, i, limit) : 0;
  if (pair) return { role: 'casualty', start: words[i].start, end: words[i + pair - 1].end, text: words.slice(i, i + pair).map((w) => w.raw).join(' ') };
  const particle = particleAt(words, i, roles);
  if (particle && (!roles || roles.has(particle))) return { role: particle, start: words[i].start, end: words[i].end, text: words[i].raw };
  // "aangehouden in verband met de dood van de Nederlander": a death named as a noun is someone's, not the figure's predicate.
  const deathNoun = words[i].w === 'dood' && i > 0 && /^(?:de|zijn|haar|hun|wiens|diens)$/.test(words[i - 1].w);
  for (const c of cuesFor(words[i].w)) {
    if (roles && !roles.has(c.role)) continue;
    if (deathNoun && c.role === 'killed') continue;
    const n = matchAt(words, i, c);
    if (n) return { role: c.role, start: words[i].start, end: words[i + n - 1].end, text: words.slice(i, i + n).map((w) => w.raw).join(' ') };
  }
  return null;
}

/** Roles that fit a concept: "ingezet" deploys soldiers but launches drones. */
export function rolesFor(concept: string | null): ReadonlySet<Role> | undefined {
  if (concept === 'drone' || concept === 'missile' || concept === 'cruise-missile' || concept === 'ballistic-missile') {
    return new Set<Role>(['launched', 'downed', 'destroyed']);
  }
  if (concept === 'area' || concept === 'settlement') return new Set<Role>(['captured', 'held', 'retaken']);
  if (concept && PEOPLE.has(concept)) {
    return new Set<Role>(['casualty', 'killed', 'wounded', 'hospitalised', 'missing', 'resident', 'fled', 'evacuation-order', 'deployed', 'sent', 'invaded', 'exchanged', 'taken-prisoner', 'visited', 'jobs-lost']);
  }
  return undefined;
}

/**
 * The predicate of a figure: the first cue after it (up to `afterEnd`), else the nearest before it
 * (from `beforeStart`).
 */
export function findRole(words: readonly Word[], figStart: number, figEnd: number, beforeStart: number, afterEnd: number, concept: string | null,
  skip: { start: number; end: number } | null = null, territory = false, numberEnd = figEnd): RoleFound | null {
  const allowed = territory ? new Set<Role>(['captured', 'held', 'retaken', 'casualty']) : rolesFor(concept);
  const mapped = (r: RoleFound | null): RoleFound | null => {
    // Territory that is lost ("40 procent kwijt", "verloren") is territory retaken by the other side.
    if (r && territory && r.role === 'casualty') return /^(?:verliezen|verlies|verloor|verloren)$/.test(fold(r.text)) ? { ...r, role: 'retaken' } : null;
    return r;
  };
  const skipped = (w: Word) => !!skip && w.start >= skip.start && w.end <= skip.end;
  // A participle before the noun: "3000 gesneuvelde Noord-Koreanen", "22.000 gedode militairen".
  const inner: Word[] = [];
  for (let k = firstAtOrAfter(words, numberEnd); k < words.length && words[k].end < figEnd; k++) inner.push(words[k]);
  for (let k = 0; k < inner.length; k++) {
    const r = mapped(cueAt(inner, k, allowed, figEnd));
    if (r) return r;
  }
  // (After that, from the figure's end: its own noun's role is the head's, weighed by the caller.)
  for (let i = firstAtOrAfter(words, figEnd); i < words.length && words[i].start < afterEnd; i++) {
    if (skipped(words[i])) continue;
    const r = mapped(cueAt(words, i, allowed, afterEnd));
    if (r) return r;
  }
  for (let i = firstAtOrAfter(words, figStart) - 1; i >= 0 && words[i].start >= beforeStart; i--) {
    const r = mapped(cueAt(words, i, allowed, figStart));
    if (r) return r;
  }
  return null;
}

/** Whether the words just before the figure make it a change ("steeg met", "nam toe met"). */
export function isChange(words: readonly Word[], figStart: number): boolean {
  const i = firstAtOrAfter(words, figStart);
  // "nog eens ruim 10.000 mensen geëvacueerd": another 10.000, not the total.
  const before = words.slice(Math.max(0, i - 3), i).map((w) => w.w).join(' ');
  if (/\bnog (?:eens|een keer)\b/.test(before)) return true;
  // "met" just before the figure (a qualifier may stand between), not "vergeleken met".
  let k = i - 1;
  while (k >= 0 && k >= i - 3 && words[k].w !== 'met') k--;
  if (k < 0 || words[k].w !== 'met' || (k > 0 && /^(?:vergeleken|vergelijking|samen|rekening)$/.test(words[k - 1].w))) return false;
  return words.slice(Math.max(0, k - 6), k).some((w) => CHANGE.test(w.w));
}

// ---------------------------------------------------------------------------------------------
// Rule: the side. An adjective or demonym of the figure's noun phrase, "aan Russische kant", or
// the country that acts ("Rusland vuurde 598 drones af", "Noord-Korea stuurde 3000 militairen").

const COUNTRY_SIDE: Record<string, string> = {
  rusland: 'russ', oekraine: 'oekrain', 'noord-korea': 'noordkore', noordkorea: 'noordkore', 'zuid-korea': 'zuidkore',
  'verenigde staten': 'amerika', vs: 'amerika', amerika: 'amerika', 'verenigd koninkrijk': 'brit', 'groot-brittannie': 'brit',
  belarus: 'witruss', 'wit-rusland': 'witruss', israel: 'israel', iran: 'iran', china: 'chin', duitsland: 'duits', frankrijk: 'frans',
};

export function sideOfCountry(name: string): string | null {
  const f = fold(name);
  return COUNTRY_SIDE[f] ?? null;
}

/** Nationality words (adjectives and demonyms, folded) and the side they name. */
const SIDE_WORDS: [RegExp, string][] = [
  [/^wit-?russ(?:isch|ische|en)?$/, 'witruss'],
  [/^oekrain(?:se|sche|er|ers)$|^oekraiens[e]?$/, 'oekrain'],
  [/^russ(?:isch|ische|en)$|^rus$/, 'russ'],
  [/^noord-?korea(?:ns|anse|an|nen)$/, 'noordkore'],
  [/^zuid-?korea(?:ns|anse|an|nen)$/, 'zuidkore'],
  [/^amerika(?:ans|anse|an|nen)$/, 'amerika'],
  [/^brit(?:s|se|ten)?$/, 'brit'],
  [/^duits(?:e|er|ers)?$/, 'duits'],
  [/^frans(?:e|en|man)?$/, 'frans'],
  [/^pool(?:s|se)?$|^polen$/, 'pool'],
  [/^chine(?:es|se|zen)$/, 'chin'],
  [/^iraa?n(?:s|se|ier|iers)$/, 'iran'],
  [/^israe?li(?:sch|sche|er|ers)?$/, 'israel'],
  [/^palestijn(?:s|se|en)?$/, 'palestijn'],
  [/^syri(?:sch|sche|er|ers)$/, 'syri'],
  [/^turk(?:s|se|en)?$/, 'turk'],
  [/^georgi(?:sch|sche|er|ers)$/, 'georgi'],
  [/^tsjetsje(?:ens|ense|en|nen)$/, 'tsjetsjeen'],
  [/^nederland(?:s|se|er|ers)$/, 'nederland'],
  [/^belg(?:isch|ische|en)?$/, 'belg'],
];

/** The side a word names ("Oekraïense", "Noord-Koreanen"), or null. */
export function sideOfWord(word: string): string | null {
  const w = fold(word).replace(/’/g, "'");
  for (const [re, side] of SIDE_WORDS) if (re.test(w)) return side;
  return null;
}

/** The side a noun phrase states: "Oekraïense soldaten" → oekrain; "Noord-Koreanen" → noordkore. */
export function sideOfPhrase(phrase: string | null): string | null {
  if (!phrase) return null;
  for (const w of phrase.split(/[\s,]+/)) {
    if (!w) continue;
    const s = sideOfWord(w);
    if (s) return s;
  }
  return null;
}

/**
 * "aan Russische kant", "Russische verliezen": a nationality adjective before a side noun in the
 * clause; "Het Oekraïense leger heeft …", "De Oekraïners namen …": the army or people that act,
 * before the figure.
 */
export function sideInClause(words: readonly Word[], figStart = Infinity): string | null {
  for (let i = 0; i + 1 < words.length; i++) {
    const next = words[i + 1].w;
    if (/^(?:kant|zijde|verliezen|slachtoffers|doden|gewonden)$/.test(next) || (words[i + 1].end <= figStart && /^(?:leger|troepen|strijdkrachten|eenheden)$/.test(next))) {
      const s = sideOfWord(words[i].raw);
      if (s) return s;
    }
  }
  // A demonym that acts: "De Oekraïners namen 1300 vierkante kilometer in".
  for (const w of words) {
    if (w.end > figStart) break;
    if (/^\p{Lu}/u.test(w.raw) && DEMONYM.test(w.w)) return sideOfWord(w.raw);
  }
  return null;
}
