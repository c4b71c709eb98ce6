// Analysis of a draft being written: figures, places and verdicts, per paragraph, cached by the
// paragraph's text so that a keystroke re-checks only the paragraph it changed.

import type { Figure, PlaceMention, TimeExpression } from '../dutch/types';
import { extractFigures } from '../dutch/figures';
import { extractTimeExpressions } from '../dutch/time';
import { paragraphs } from '../dutch/tokens';
import { readQuantities, articleContext, topicPlaces, type FigureContext } from './context';
import { judgeFigure, type FigureVerdict, type Present } from './check';
import { draftDateOf } from '../core/text';
import type { ArchiveView } from './view';

export interface DraftAnalysis {
  text: string;
  mentions: PlaceMention[];
  figures: Figure[];
  verdicts: FigureVerdict[];
}

interface ParaPlaces { mentions: PlaceMention[] }
interface ParaFigures { figures: Figure[]; times: TimeExpression[]; contexts: FigureContext[]; verdicts: FigureVerdict[] }

function shift<T extends { start: number; end: number }>(x: T, by: number): T {
  const y = { ...x, start: x.start + by, end: x.end + by } as T & { numberStart?: number; numberEnd?: number };
  if (typeof y.numberStart === 'number') y.numberStart += by;
  if (typeof y.numberEnd === 'number') y.numberEnd! += by;
  return y;
}

/** An archive whose newest article is older than this many days is an old snapshot. */
const SNAPSHOT_DAYS = 92;

/** A small LRU map. */
class Lru<V> {
  private map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    const v = this.map.get(k);
    if (v !== undefined) { this.map.delete(k); this.map.set(k, v); }
    return v;
  }
  set(k: string, v: V): void {
    this.map.delete(k);
    this.map.set(k, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
  clear(): void { this.map.clear(); }
}

/**
 * Analyses drafts against one index. Create a new one when the index changes (or call reset).
 *
 * A draft is written on its present: the day given (`check --date`), else the day its leading
 * ` date YYYY-MM-DD` line gives, else today — unless the archive ends more than three months
 * before today: such an archive is an old snapshot (a demo, a test set), and a draft without a
 * date is read as written on the archive's last day ("augustus" is then the archive's August).
 */
export class DraftAnalyzer {
  private places = new Lru<ParaPlaces>(4000);
  private figs = new Lru<ParaFigures>(4000);
  /** Paragraphs analysed (not from cache) since creation: lets tests and benchmarks see incrementality. */
  analysedParagraphs = 0;

  private readonly givenToday: string | null;

  constructor(readonly index: ArchiveView, today?: string | null) {
    this.givenToday = today ?? null;
  }

  /** Today, or the last day of an archive that ended more than three months ago. */
  private snapshotDay(): string {
    const today = new Date().toISOString().slice(0, 10);
    const last = this.index.newestDate(today);
    if (!last) return today;
    const end = /^\d{4}-\d{2}$/.test(last) ? new Date(Date.UTC(+last.slice(0, 4), +last.slice(5, 7), 0)).toISOString().slice(0, 10) : last.slice(0, 10);
    return Date.parse(end) + SNAPSHOT_DAYS * 86400000 < Date.parse(today) ? end : today;
  }

  private readonly placeInfo = (id: string) => {
    const e = this.index.entry(id);
    return e ? { id, kind: e.kind, country: e.country ?? null } : null;
  };

  private readonly resolvePlace = (name: string) => {
    const id = this.index.resolve(name);
    const e = id ? this.index.entry(id) : undefined;
    return id && e ? { id, name: e.name, kind: e.kind } : null;
  };

  analyze(text: string, isCancelled: () => boolean = () => false): DraftAnalysis | null {
    const paras = paragraphs(text);
    const paraTexts = paras.map((p) => text.slice(p.start, p.end));
    const mentions: PlaceMention[] = [];
    const perPara: PlaceMention[][] = [];
    for (let i = 0; i < paras.length; i++) {
      let pp = this.places.get(paraTexts[i]);
      if (!pp) { pp = { mentions: this.index.placesIn(paraTexts[i]) }; this.places.set(paraTexts[i], pp); }
      perPara.push(pp.mentions);
      for (const m of pp.mentions) mentions.push(shift(m, paras[i].start));
      if ((i & 15) === 15 && isCancelled()) return null;
    }
    const fallback = topicPlaces(mentions);
    const marked = draftDateOf(text);
    const present: Present = this.givenToday ? { day: this.givenToday, implicit: false }
      : marked ? { day: marked, implicit: false } : { day: this.snapshotDay(), implicit: true };
    // What the whole text says for each paragraph: its dateline and the event of its title or lead.
    const article = articleContext(text, mentions, this.resolvePlace);
    const articleKey = `${article.dateline ? article.dateline.id : ''},${article.leadEvent ?? ''}`;
    const figures: Figure[] = [];
    const verdicts: FigureVerdict[] = [];
    for (let i = 0; i < paras.length; i++) {
      const key = paraTexts[i] + '\u0000' + fallback.join(',') + '\u0000' + articleKey + '\u0000' + present.day + (present.implicit ? '?' : '');
      let pf = this.figs.get(key);
      if (!pf) {
        if (isCancelled()) return null;
        this.analysedParagraphs++;
        const t = paraTexts[i];
        const times = extractTimeExpressions(t, present.day);
        const pfigs = extractFigures(t, { timeExpressions: times });
        const contexts = readQuantities({ text: t, figures: pfigs, mentions: perPara[i], times, topic: fallback, resolvePlace: this.resolvePlace, placeInfo: this.placeInfo, article });
        pf = { figures: pfigs, times, contexts, verdicts: pfigs.map((f, j) => judgeFigure(f, contexts[j], this.index, present)) };
        this.figs.set(key, pf);
      }
      const by = paras[i].start;
      for (const v of pf.verdicts) {
        const f = shift(v.figure, by);
        figures.push(f);
        // The verdict's spans are the paragraph's: the sentence and clause are shifted with the figure.
        verdicts.push({ ...v, figure: f, ctx: { ...v.ctx, sentence: shift(v.ctx.sentence, by), clause: shift(v.ctx.clause, by) } });
      }
    }
    return { text, mentions, figures, verdicts };
  }
}
