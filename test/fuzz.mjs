// `npm run fuzz`: the *.fuzz.ts properties (.mocharc.fuzz.json) with many runs. Seeds stay fixed
// (FUZZ_SEED to change them); FUZZ_RUNS sets the runs per property (default here 10000; `npm test`
// runs the same properties 200 times through test/unit/fuzz-quick.test.ts).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const mocha = require.resolve('mocha/bin/mocha.js');
const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS || '10000' };
console.log(`fuzz: FUZZ_RUNS=${env.FUZZ_RUNS}${env.FUZZ_SEED ? ` FUZZ_SEED=${env.FUZZ_SEED}` : ''}`);
const r = spawnSync(process.execPath, [mocha, '--config', '.mocharc.fuzz.json', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
