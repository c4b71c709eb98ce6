import assert from 'node:assert/strict';
import { MESSAGES, t, pickLocale } from '../../server/src/core/l10n';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('core/l10n: the one catalog of the server and the command line', () => {
  it('has every message in Dutch and English, asking for the same parameters', () => {
    for (const [key, m] of Object.entries(MESSAGES)) {
      assert.ok(m.nl.trim() && m.en.trim(), `${key}: empty`);
      assert.deepEqual(placeholders(m.nl), placeholders(m.en), `${key}: parameters differ`);
    }
  });

  it('fills parameters and leaves a missing one as written', () => {
    assert.equal(t('nl', 'skippedIn', { count: 3, where: '2 bestanden', why: 'leeg (3)' }), '3 overgeslagen in 2 bestanden: leeg (3)');
    assert.equal(t('en', 'unknownPlace', {}), 'Unknown place: {name}');
  });

  it('picks English for en-* and POSIX English locales, Dutch otherwise', () => {
    assert.deepEqual(['en', 'en-GB', 'en_US.UTF-8', 'nl', 'nl-BE', 'de', undefined, 'eno'].map(pickLocale),
      ['en', 'en', 'en', 'nl', 'nl', 'nl', 'nl', 'nl']);
  });
});
