// Test support: Dutch number words written out, to generate inputs for the number parser
// (round trips on random numbers). Not used by the product, so it lives with the tests.

// numberToDutch: Dutch number words following the Taalunie/Onze Taal conventions: compounds
// below a thousand are written together, a space after "duizend" when more follows, spaces
// around "miljoen"/"miljard"; "ën" after twee/drie; 1100–1999 as "elfhonderd" … "negentienhonderd"
// is NOT used (we write "duizend honderd"), except that we keep it simple and always use duizend.

const UNITS_OUT = ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien',
  'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'];
const TENS_OUT = ['', '', 'twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'];

function below100(n: number): string {
  if (n < 20) return UNITS_OUT[n];
  const t = Math.floor(n / 10), u = n % 10;
  if (!u) return TENS_OUT[t];
  const unit = UNITS_OUT[u];
  const join = unit.endsWith('e') ? 'ën' : 'en';
  return unit + join + TENS_OUT[t];
}
function below1000(n: number): string {
  const h = Math.floor(n / 100), r = n % 100;
  let s = '';
  if (h) s = (h > 1 ? UNITS_OUT[h] : '') + 'honderd';
  if (r) s += below100(r);
  return s;
}

/** Dutch words for a number: integers in words; non-integers as digits with a decimal comma. */
export function numberToDutch(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n < 0) return 'min ' + numberToDutch(-n);
  if (!Number.isInteger(n) || n >= 1e15) return formatDutchDigits(n);
  if (n === 0) return 'nul';
  const parts: string[] = [];
  const scales: [number, string][] = [[1e12, 'biljoen'], [1e9, 'miljard'], [1e6, 'miljoen']];
  let rest = n;
  for (const [v, w] of scales) {
    const q = Math.floor(rest / v);
    if (q) { parts.push(`${numberToDutch(q)} ${w}`); rest -= q * v; }
  }
  const th = Math.floor(rest / 1000), r = rest % 1000;
  let tail = '';
  if (th) tail = (th > 1 ? below1000(th) : '') + 'duizend';
  if (r) tail += (th ? ' ' : '') + below1000(r);
  if (tail) parts.push(tail);
  return parts.join(' ');
}

/** Dutch digit notation: thousands dots from 10.000 upward (and for 1.000–9.999 too), decimal comma. */
export function formatDutchDigits(n: number, decimals?: number): string {
  if (!Number.isFinite(n)) return String(n);
  const neg = n < 0;
  const a = Math.abs(n);
  let s = decimals === undefined ? String(Math.round(a * 1e6) / 1e6) : a.toFixed(decimals);
  if (/e/i.test(s)) s = a.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 6 });
  const [int, frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (neg ? '-' : '') + grouped + (frac ? ',' + frac : '');
}
