// Real Dutch news for tests that hold a fast path to its reference: the sample corpus (always
// there) and the 1,438 dpgmedia2019 articles (only when ../shared is beside the project).

import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLES = path.join(ROOT, 'samples', 'corpus');
const DPG = path.join(ROOT, '..', 'shared', 'data', 'dpgmedia2019', 'dpgMedia2019-articles-byarticle-all.jsonl');

/** The sample corpus files' texts. */
export function sampleTexts(): string[] {
  return fs.readdirSync(SAMPLES).map((f) => fs.readFileSync(path.join(SAMPLES, f), 'utf8'));
}

/** Title and text of each dpgmedia2019 article, or null when ../shared is not there. */
export function benchmarkTexts(): string[] | null {
  if (!fs.existsSync(DPG)) return null;
  const out: string[] = [];
  for (const line of fs.readFileSync(DPG, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { title?: string; text?: string };
    out.push(`${a.title ?? ''}\n${a.text ?? ''}`);
  }
  return out;
}
