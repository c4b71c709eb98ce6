// Quoting an archive sentence in a message: one pair of quotes, the sentence's own as single ones.

import assert from 'node:assert/strict';
import { quoteText } from '../../server/src/core/text';

describe('quoteText', () => {
  const cases: [string, string][] = [
    ['Rusland zegt dat het dorp is veroverd.', '“Rusland zegt dat het dorp is veroverd.”'],
    ['“Regio Koersk is veilig”, zei de gouverneur.', '“‘Regio Koersk is veilig’, zei de gouverneur.”'],
    ['De gouverneur sprak van "een ramp" in Soedzja.', '“De gouverneur sprak van ‘een ramp’ in Soedzja.”'],
    ['„Wij houden stand”, aldus Zelensky.', '“‘Wij houden stand’, aldus Zelensky.”'],
  ];
  for (const [s, want] of cases) it(s, () => assert.equal(quoteText(s), want));
});
