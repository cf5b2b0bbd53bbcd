import * as jsyaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { resolveOptions } from '../src/core/config/options';
import { checkLandscapes } from '../src/core/engine';
import { RULES } from '../src/core/rules/registry';
import { generateLandscape } from './generate';

/**
 * Prints, for landscapes of growing size, the full check time against baselines measured in the
 * same run on the same text: js-yaml's `load` (the fastest YAML loader, no positions: the floor)
 * and yaml's `parseDocument`. Ratios, not absolute times, are what hold on a noisy machine.
 * Usage: npm run bench [-- 100 1000 10000]
 */
const sizes = process.argv.slice(2).map(Number).filter((size) => size > 0);
const systemCounts = sizes.length > 0 ? sizes : [100, 1000, 10000];
const options = resolveOptions(RULES, { now: '2026-11-23' });

function median(run: () => unknown, repetitions: number): number {
  run();
  const times: number[] = [];
  for (let index = 0; index < repetitions; index++) {
    const started = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const rows: string[][] = [['systems', 'MB', 'js-yaml load ms', 'yaml parseDocument ms', 'sapready check ms', 'check / js-yaml', 'findings']];
for (const count of systemCounts) {
  const text = generateLandscape(count);
  const repetitions = count >= 10_000 ? 3 : 7;
  const floor = median(() => jsyaml.load(text), repetitions);
  const yamlLibrary = count <= 10_000 ? median(() => parseDocument(text), Math.min(repetitions, 3)) : NaN;
  let findings = 0;
  const checked = median(() => {
    findings = checkLandscapes([{ path: 'bench.landscape.yaml', text }], options).findings.length;
  }, repetitions);
  rows.push([String(count), (text.length / 1e6).toFixed(2), floor.toFixed(1), Number.isNaN(yamlLibrary) ? '-' : yamlLibrary.toFixed(1), checked.toFixed(1), `${(checked / floor).toFixed(2)}x`, String(findings)]);
}
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
for (const row of rows) console.log(row.map((cell, column) => cell.padStart(widths[column])).join('  '));
console.log(`\nnode ${process.version}, ${new Date().toISOString().slice(0, 10)}; check = parse + schema + all ${RULES.length} rules, one file.`);
