// Entry point VS Code calls inside the extension host: runs the mocha tests in this folder.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
// mocha 12 is an ES module; its CommonJS build works in every extension host.
const mochaModule = require('mocha/lib/mocha.cjs');
const Mocha = mochaModule.default ?? mochaModule.Mocha ?? mochaModule;

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 120_000 });
  for (const f of fs.readdirSync(__dirname)) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
};
