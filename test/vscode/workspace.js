// Builds a throw-away workspace for the editor tests: corpus/ = copies of samples/corpus and a
// draft with a known conflict (the archive says 1300 vierkante kilometer, the draft 1500) and
// place names the archive knows (Koersk, Soedzja). Shared by test/vscode and test/e2e.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

const draftName = 'concept.kopij';
const draftLines = [
  'Oekraïne begint nieuw offensief in Koersk',
  '',
  'Het Oekraïense leger is een nieuw offensief begonnen in de Russische regio Koersk. De aanval begon ten noordoosten van het stadje Soedzja.',
  '',
  "Bij de inval in augustus veroverde het Oekraïense leger zo'n 1500 vierkante kilometer Russisch grondgebied.",
  '',
];
const draft = draftLines.join('\n');

/** Position (0-based line, character) of the first `needle` in the draft, plus `offset` characters. */
function positionOf(needle, offset = 0) {
  for (let line = 0; line < draftLines.length; line++) {
    const character = draftLines[line].indexOf(needle);
    if (character >= 0) return { line, character: character + offset };
  }
  throw new Error(`not in the draft: ${needle}`);
}

/** Creates the workspace folder and returns its path and the draft's path. */
function createWorkspace(prefix = 'bronvast-ws-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const corpus = path.join(dir, 'corpus');
  fs.mkdirSync(corpus);
  const samples = path.join(root, 'samples', 'corpus');
  for (const f of fs.readdirSync(samples)) fs.copyFileSync(path.join(samples, f), path.join(corpus, f));
  const draftPath = path.join(dir, draftName);
  fs.writeFileSync(draftPath, draft);
  return { dir, draftPath };
}

module.exports = { root, draft, draftLines, draftName, positionOf, createWorkspace };
