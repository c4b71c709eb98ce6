// Figures the journalist marked as checked. They live in a workspace file the journalist can
// review (.bronvast/checked.json), keyed by the figure as written and its sentence, so the mark
// survives edits elsewhere in the document and falls away when the sentence itself changes.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fold } from '../dutch/tokens';

export const CHECKED_FILE = path.join('.bronvast', 'checked.json');

export interface CheckedEntry { key: string; figure: string; sentence: string; document: string; checkedAt: string }

export function checkedKey(figure: string, sentence: string): string {
  return fold(figure).replace(/\s+/g, ' ').trim() + '|' + fold(sentence).replace(/\s+/g, ' ').trim();
}

export function readChecked(file: string): CheckedEntry[] {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    return Array.isArray(data?.checked) ? data.checked.filter((e: CheckedEntry) => e && typeof e.key === 'string') : [];
  } catch {
    return [];
  }
}

export function addChecked(file: string, entry: CheckedEntry): void {
  const entries = readChecked(file).filter((e) => e.key !== entry.key);
  entries.push(entry);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ description: 'Figures marked as checked in Bronvast. Remove an entry to check it again.', checked: entries }, null, 2) + '\n');
  fs.renameSync(tmp, file);
}

/** The checked file for a draft: the nearest .bronvast/checked.json in the draft's folder or above. */
export function findCheckedFile(draftPath: string): string | null {
  let dir = path.dirname(path.resolve(draftPath));
  for (;;) {
    const f = path.join(dir, CHECKED_FILE);
    if (fs.existsSync(f)) return f;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}
