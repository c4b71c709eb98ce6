// Figures the journalist marked as checked are keyed by the figure as written and its sentence, so
// a mark survives edits elsewhere in the document and falls away when the sentence itself changes.
// (The marks live in .bronvast/checked.json, read and written by service/checked.ts.)

import * as path from 'node:path';
import { fold } from '../dutch/tokens';

export const CHECKED_FILE = path.join('.bronvast', 'checked.json');

export function checkedKey(figure: string, sentence: string): string {
  return fold(figure).replace(/\s+/g, ' ').trim() + '|' + fold(sentence).replace(/\s+/g, ' ').trim();
}
