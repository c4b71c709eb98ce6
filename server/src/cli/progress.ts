// A progress line on stderr while the archive is indexed: articles, MB/s and the time left. Only
// on a terminal; a pipe or a log file gets nothing extra.

import { buildShare } from '../archive';
import { t, type Locale } from '../core/l10n';

const WIDTH = 12;

export interface ProgressLine {
  update(done: number, total: number, info: { phase: 'analyse' | 'recognise'; chars: number }): void;
  /** Clear the line (before the command prints its output). */
  end(): void;
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

/** The line as text: "[###·········] 1.204/2.871 artikelen · lezen 1/2 · 3,4 MB/s · nog 0:12". */
export function progressText(locale: Locale, done: number, total: number, phase: 'analyse' | 'recognise', mbPerS: number | null, secondsLeft: number | null): string {
  const nl = locale === 'nl';
  const filled = Math.round(buildShare(done, total, phase) * WIDTH);
  const bar = '[' + '#'.repeat(filled) + '·'.repeat(WIDTH - filled) + ']';
  const n = (x: number) => x.toLocaleString(nl ? 'nl-NL' : 'en-GB');
  const step = t(locale, phase === 'analyse' ? 'progressReading' : 'progressRecognising');
  const parts = [`${bar} ${n(done)}/${n(total)} ${t(locale, 'progressArticles')}`, step];
  if (mbPerS !== null) parts.push(`${mbPerS.toFixed(1).replace('.', nl ? ',' : '.')} MB/s`);
  if (secondsLeft !== null) parts.push(t(locale, 'progressLeft', { time: clock(secondsLeft) }));
  return parts.join(' · ');
}

/** A progress line on `stream` if it is a terminal; otherwise one that does nothing. */
export function progressLine(stream: NodeJS.WriteStream, locale: Locale, now: () => number = Date.now): ProgressLine {
  if (!stream.isTTY) return { update() {}, end() {} };
  const started = now();
  let phaseStart = started;
  let phase: 'analyse' | 'recognise' = 'analyse';
  let last = 0;
  let shown = false;
  return {
    update(done, total, info) {
      const t = now();
      if (info.phase !== phase) { phase = info.phase; phaseStart = t; last = 0; }
      if (t - last < 200 && done !== total) return;
      last = t;
      const secs = (t - phaseStart) / 1000;
      const rate = secs > 0.5 && info.chars > 0 ? info.chars / 1e6 / secs : null;
      // Time left: this pass's rest at its rate so far, and for pass 1 about as long again for pass 2.
      let left: number | null = null;
      if (secs > 1 && done > 0 && total > done) {
        left = ((total - done) * secs) / done + (phase === 'analyse' ? ((t - started) / 1000) * (total / done) : 0);
      }
      const line = progressText(locale, done, total, phase, rate, left);
      stream.write('\r' + line.slice(0, Math.max(20, (stream.columns || 80) - 1)) + '\x1b[K');
      shown = true;
    },
    end() { if (shown) stream.write('\r\x1b[K'); },
  };
}
