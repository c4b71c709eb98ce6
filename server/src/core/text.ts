// Offsets and positions. LSP positions are UTF-16 code units, as are JavaScript string indices,
// so an offset is always a string index. Never mix in byte offsets.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** Maps string offsets to 0-based line/character positions and back. Handles \n, \r\n and \r. */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number { return this.lineStarts.length; }

  /** Position of an offset; offsets are clamped into [0, text.length]. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(Number.isFinite(offset) ? Math.floor(offset) : 0, this.text.length));
    let lo = 0, hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    // Between the \r and \n of a CRLF is no position of its own: like the editor, use the line end.
    const inCrlf = o > this.lineStarts[lo] && this.text.charCodeAt(o - 1) === 13 && this.text.charCodeAt(o) === 10;
    return { line: lo, character: o - this.lineStarts[lo] - (inCrlf ? 1 : 0) };
  }

  /** Offset of a position; out-of-range or negative positions are clamped (as LSP asks). */
  offsetAt(pos: Position): number {
    if (!pos || !Number.isFinite(pos.line) || pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line];
    const next = pos.line + 1 < this.lineStarts.length ? this.lineStarts[pos.line + 1] : this.text.length;
    // End of the line's content, before its line break.
    let end = next;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    const ch = Number.isFinite(pos.character) ? Math.max(0, Math.floor(pos.character)) : 0;
    return Math.min(start + ch, end);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The text of a 0-based line without its line break. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    return this.text.slice(this.lineStarts[line], this.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }));
  }
}

/** The ` date YYYY-MM[-DD]` marker some archive exports put before the text (and a draft may too). */
export const DATE_MARKER = /^[ \t]*date[ \t]+(\d{4}-\d{1,2}(?:-\d{1,2})?)(?=[ \t\r\n]|$)/i;

/** The day a draft's leading ` date YYYY-MM-DD` line gives (a month is its 15th), or null. */
export function draftDateOf(text: string): string | null {
  const m = DATE_MARKER.exec(text);
  if (!m) return null;
  const [y, mo, d] = m[1].split('-').map(Number);
  if (mo < 1 || mo > 12) return null;
  const day = d ?? 15;
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDay(iso) ? iso : null;
}

/** Whether "YYYY-MM-DD" is a day of the calendar (not 2025-02-30). */
export function isCalendarDay(iso: string): boolean {
  return !Number.isNaN(Date.parse(iso)) && new Date(iso).toISOString().slice(0, 10) === iso;
}

/**
 * A sentence quoted for a message: “…”, its own double quotes turned into single ones (a quote
 * within a quote, as Dutch and English write it), so that “Regio Koersk …” is never ““Regio …””.
 */
export function quoteText(s: string): string {
  const inner = s.replace(/[“”„]/g, (q) => (q === '”' ? '’' : '‘')).replace(/"([^"\n]*)"/g, '‘$1’');
  return `“${inner}”`;
}
