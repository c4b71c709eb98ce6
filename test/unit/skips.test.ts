// The skip-report catalog: every detail in English and Dutch, the Dutch made from the key and
// parameters (never from the English text).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DETAILS, describeSkipped, detailText, skip, type DetailKey } from '../../server/src/corpus/skips';
import { readArticles } from '../../server/src/corpus/read';

const placeholders = (t: string) => new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

describe('skip reports', () => {
  it('every detail has both languages; the Dutch asks only for parameters the report carries', () => {
    for (const [key, d] of Object.entries(DETAILS) as [DetailKey, { en: string; nl: string | null }][]) {
      const en = placeholders(d.en);
      const params = Object.fromEntries([...en, 'sizeNl', 'limitNl'].map((p) => [p, `<${p}>`]));
      assert.doesNotMatch(detailText({ key, params }, 'en')!, /\{\w+\}/, `${key} en`);
      if (d.nl !== null) {
        for (const p of placeholders(d.nl)) assert.ok(en.has(p) || p === 'sizeNl' || p === 'limitNl', `${key}: {${p}} in Dutch only`);
        assert.doesNotMatch(detailText({ key, params }, 'nl')!, /\{\w+\}/, `${key} nl`);
      }
    }
  });

  it('a report is worded in Dutch from its key, with its parameters', () => {
    const s = skip('/a/archief.jsonl', 'bad-record', 'duplicateId', { id: '123', first: 4, as: '123~2' }, { line: 9, kept: true });
    assert.equal(s.detail, "duplicate id '123' (first on line 4); read as '123~2'");
    assert.equal(describeSkipped(s, 'nl', '/a'), "waarschuwing: archief.jsonl:9 — artikelregel onvolledig of onjuist: id '123' komt dubbel voor (eerst op regel 4); gelezen als '123~2' (artikel wel gelezen)");
    // A report from an older cache has no key: the reason alone, never a guess from the English.
    assert.equal(describeSkipped({ file: '/a/x.txt', reason: 'empty', detail: 'the file is empty' }, 'nl', '/a'), 'overgeslagen: x.txt — leeg');
  });

  it('real files: too large and not UTF-8, in both languages', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bronvast-skips-'));
    try {
      fs.writeFileSync(path.join(dir, 'groot.txt'), 'Koersk. '.repeat(200_000));
      const big = await readArticles(path.join(dir, 'groot.txt'), dir, { maxFileBytes: 1024 * 1024 });
      assert.equal(describeSkipped(big.skipped[0], 'nl', dir), 'overgeslagen: groot.txt — te groot: 1,5 MB, groter dan de grens van 1 MB (instelling bronvast.limits.maxFileSizeMB)');
      assert.equal(describeSkipped(big.skipped[0], 'en', dir), 'skipped: groot.txt — too large: 1.5 MB, larger than the limit of 1 MB (setting bronvast.limits.maxFileSizeMB)');
      fs.writeFileSync(path.join(dir, 'oud.txt'), Buffer.from('Caf\xe9 in Koersk.', 'latin1'));
      const old = await readArticles(path.join(dir, 'oud.txt'), dir);
      assert.equal(describeSkipped(old.skipped[0], 'nl', dir), 'waarschuwing: oud.txt — ongeldige tekencodering: geen geldige UTF-8; gelezen als Windows-1252 (Latin-1) (artikel wel gelezen)');
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });
});
