// The fuzz properties in a quick run, as part of `npm test`: the same fixed seeds, FUZZ_RUNS runs
// (default 200). `npm run fuzz` runs the *.fuzz.ts files directly with many more runs.
import './positions.fuzz';
import './places.fuzz';
