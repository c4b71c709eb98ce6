// The checked marks on disk: .bronvast/checked.json, a file the journalist (or the desk) can review
// and commit. Written whole through a temporary file and a rename, so a reader never sees half.

import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CheckedEntry { key: string; figure: string; sentence: string; document: string; checkedAt: string }

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
