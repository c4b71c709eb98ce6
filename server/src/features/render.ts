// Markdown and text renderings shared by hover, the dossier command and the CLI.

import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { formatDate, formatNumber, kindLabel, t, type Locale } from '../core/l10n';
import { quoteText } from '../core/text';
import type { Dossier, QuantityHistory } from '../facts/dossier';
import type { Claim, SourceLocation } from '../facts/index';
import type { ClaimMatch } from '../facts/check';
import { roleLabel } from '../facts/quantity/labels';
import type { Role } from '../facts/quantity/model';

/** A link to an archive article at a line: a file URI with a line fragment, which VS Code and most
 *  LSP clients open at that line. */
export function sourceLink(s: SourceLocation): string {
  const uri = s.article.uri || pathToFileURL(s.article.file).href;
  return `${uri}#L${s.line + 1}`;
}

export function sourceName(s: SourceLocation, locale: Locale): string {
  const parts = [s.article.source, formatDate(s.article.date, locale)].filter(Boolean);
  return parts.join(', ');
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}\[\]<>#|]/g, (c) => '\\' + c);
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1).trimEnd() + '…';
}

const NEUTER = new Set(['land', 'stadje', 'dorp', 'gebied', 'eiland', 'schiereiland', 'werelddeel']);

/** The definite article for a kind: "de regio", "het dorp"; "the" in English. */
function articleFor(kind: string, locale: Locale): string {
  return locale === 'en' ? 'the' : NEUTER.has(kind) ? 'het' : 'de';
}

/** "stadje in de regio Koersk, Rusland" */
export function placeLine(d: Dossier, locale: Locale): string {
  let s = `**${escapeMd(d.name)}** — ${kindLabel(d.kind, locale)}`;
  if (d.parent) {
    const where = d.parent.kind === 'land' || d.parent.kind === 'werelddeel'
      ? escapeMd(d.parent.name)
      : locale === 'en'
        ? `the ${escapeMd(d.parent.name)} ${kindLabel(d.parent.kind, locale)}`
        : `${articleFor(d.parent.kind, locale)} ${kindLabel(d.parent.kind, locale)} ${escapeMd(d.parent.name)}`;
    s += ` ${t(locale, 'liesIn', { parent: where })}`;
    if (d.parent.inferred) s += ` (${t(locale, 'inferred')})`;
  }
  if (d.country && d.country !== d.name && d.country !== d.parent?.name) s += `, ${escapeMd(d.country)}`;
  if (d.near) s += ` · ${t(locale, 'nearTo', { km: formatNumber(d.near.km, locale), place: escapeMd(d.near.name) })}`;
  return s;
}

export function mentionLine(d: Dossier, locale: Locale): string {
  if (!d.mentions) return t(locale, 'noArchive');
  const arts = d.articles === 1 ? t(locale, 'article1') : t(locale, 'articles', { n: d.articles });
  let s = t(locale, 'mentioned', { mentions: d.mentions, articles: arts });
  if (d.firstDate && d.lastDate) {
    s += ' ' + (d.firstDate === d.lastDate
      ? t(locale, /^\d{4}-\d{2}-\d{2}/.test(d.firstDate) ? 'on' : 'inMonth', { date: formatDate(d.firstDate, locale) })
      : t(locale, 'between', { first: formatDate(d.firstDate, locale), last: formatDate(d.lastDate, locale) }));
  }
  return s;
}

/** "**vierkante kilometer in handen**: 1300 (aug 2024) → 800 (nov 2024) → 200 (mrt 2025)", each linked to its source. */
export function quantityLine(q: QuantityHistory, locale: Locale): string {
  const steps = q.history.map((h) => `[${escapeMd(h.figure)}](${sourceLink(h.source)}) (${formatDate(h.date, locale)})`);
  return `**${escapeMd(q.label)}**: ${steps.join(' → ')}`;
}

export function claimLine(c: Claim, locale: Locale): string {
  const role = c.ctx.quantity.measure.role;
  const ev = role ? ` (${roleLabel(role, locale)})` : '';
  return `**${escapeMd(c.figure.text)}**${ev} — [${escapeMd(sourceName(c.source, locale) || c.source.article.label)}](${sourceLink(c.source)})`;
}

/** Reason codes of a match in words: "zelfde plaats: Koersk · gebeurtenis: veroverd". */
export function reasonsText(reasons: string[], placeName: (id: string) => string, locale: Locale): string {
  const out: string[] = [];
  for (const r of reasons) {
    const [code, arg] = r.split(/:(.*)/s);
    switch (code) {
      case 'role': out.push(t(locale, 'whyEvent', { event: roleLabel(arg as Role, locale) })); break;
      case 'place': out.push(t(locale, 'whyPlace', { place: arg.split('+').map(placeName).join(` ${t(locale, 'and')} `) })); break;
      case 'same-event': out.push(t(locale, 'whySameEvent')); break;
      case 'same-time': out.push(t(locale, 'whyTime')); break;
      default: break; // the head and the side say nothing a reader needs here
    }
  }
  return out.join(' · ');
}

/** The hover/dossier Markdown: concise at first glance, details below a rule. */
/** Key sentences a dossier shows when not told otherwise (a hover). */
export const DOSSIER_SENTENCES = 3;

export function dossierMarkdown(d: Dossier, locale: Locale, opts: { maxClaims?: number; maxSentences?: number } = {}): string {
  const out: string[] = [];
  out.push(placeLine(d, locale));
  out.push('');
  out.push(mentionLine(d, locale));
  const quantities = d.quantities.slice(0, opts.maxClaims ?? 5);
  if (quantities.length) {
    out.push('');
    out.push(`*${t(locale, 'figures')}:*`);
    for (const q of quantities) out.push(`- ${quantityLine(q, locale)}`);
  }
  const details: string[] = [];
  if (d.variants.length > 1) {
    details.push(`*${t(locale, 'variants')}:* ${d.variants.map((v) => `${escapeMd(v.text)} (${v.count})`).join(', ')}`);
  }
  const sentences = d.sentences.slice(0, opts.maxSentences ?? DOSSIER_SENTENCES);
  if (sentences.length) {
    details.push(`*${t(locale, 'keySentences')}:*`);
    for (const s of sentences) {
      details.push(`> ${escapeMd(truncate(s.text, 220))}  \n> — [${escapeMd(s.source.article.label)}, ${escapeMd(sourceName(s.source, locale))}](${sourceLink(s.source)})`);
      details.push('');
    }
  }
  if (details.length) { out.push('', '---', ''); out.push(...details); }
  return out.join('\n').trimEnd();
}

/** Plain text dossier for the terminal; source files relative to `root` when given. */
export function dossierText(d: Dossier, locale: Locale, root?: string): string {
  const shown = (file: string) => (root ? path.relative(root, file) || file : file);
  const plain = (s: string) => s.replace(/\*\*|\*/g, '').replace(/\\(.)/g, '$1');
  const out: string[] = [plain(placeLine(d, locale)), plain(mentionLine(d, locale))];
  if (d.variants.length) out.push(`${t(locale, 'variants')}: ${d.variants.map((v) => `${v.text} (${v.count})`).join(', ')}`);
  if (d.quantities.length) {
    out.push('', `${t(locale, 'figures')}:`);
    for (const q of d.quantities.slice(0, 10)) {
      out.push(`  ${q.label}: ${q.history.map((h) => `${h.figure} (${formatDate(h.date, locale)})`).join(' → ')}`);
      const last = q.history[q.history.length - 1].source;
      out.push(`     ${shown(last.article.file)}:${last.line + 1}:${last.character + 1} (${sourceName(last, locale) || last.article.label})`);
    }
  }
  if (d.sentences.length) {
    out.push('', `${t(locale, 'keySentences')}:`);
    for (const s of d.sentences.slice(0, 5)) {
      out.push(`  ${quoteText(truncate(s.text, 200))}`);
      out.push(`     ${shown(s.source.article.file)}:${s.source.line + 1}:${s.source.character + 1} (${sourceName(s.source, locale)})`);
    }
  }
  return out.join('\n');
}

/** A short timeline of archive claims about a figure: date, figure, source. */
export function claimsTimelineMarkdown(matches: ClaimMatch[], locale: Locale, placeName: (id: string) => string = (id) => id): string {
  const sorted = matches.slice().sort((a, b) => (a.claim.source.article.date ?? '').localeCompare(b.claim.source.article.date ?? ''));
  const out = [`*${t(locale, 'claimsAbout')}:*`];
  for (const m of sorted.slice(0, 8)) {
    const c = m.claim;
    const why = reasonsText(m.reasons, placeName, locale);
    out.push(`- ${formatDate(c.source.article.date, locale)}: **${escapeMd(c.figure.text)}** — [${escapeMd(c.source.article.source ?? c.source.article.label)}](${sourceLink(c.source)})${why ? ` · _${escapeMd(why)}_` : ''}`);
  }
  return out.join('\n');
}
