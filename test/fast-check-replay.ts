import fc from 'fast-check';

/**
 * Loaded by mocha before every test file (.mocharc.json). The property tests (fast-check) draw
 * new inputs on every run, CI's included, so that each run tries cases no run tried before; a
 * failure prints its seed, its path and the shrunk counterexample (docs/development.md, Tests).
 * FC_SEED, and FC_PATH from the same message, replay that case instead of drawing new ones.
 */
const seed = process.env.FC_SEED?.trim();
const path = process.env.FC_PATH?.trim();
if (seed) {
  if (!/^-?\d+$/.test(seed)) throw new Error(`FC_SEED must be the whole number a failing property printed as its seed, not "${seed}"`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(seed), ...(path ? { path, endOnFailure: true } : {}) });
  process.stderr.write(`fast-check: replaying seed ${seed}${path ? ` at path ${path}` : ''}\n`);
} else if (path) throw new Error('FC_PATH replays a failure only together with the FC_SEED printed beside it');
