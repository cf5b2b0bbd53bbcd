import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as jsyaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { resolveOptions } from '../src/core/config/options';
import { checkLandscapes, RuleCache, runRules } from '../src/core/engine';
import { loadLandscapeFile } from '../src/core/landscape/file';
import { reparseLandscapeFile } from '../src/core/landscape/reparse';
import { buildReadinessModel } from '../src/core/report/readiness-model';
import { RULES } from '../src/core/rules/registry';
import { generateLandscape } from './generate';

/**
 * `npm run bench [-- --sizes 100,1000,10000,50000] [--ls-max 1000]`: prints the figures of the
 * benchmark issue as tables. Every figure is paired with a baseline measured in the same run on
 * the same input, and the verdicts compare ratios, which hold on a noisy machine where absolute
 * times do not. Not part of the test run.
 */
const argument = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const sizes = argument('sizes', '100,1000,10000,50000').split(',').map(Number);
const languageServerMax = Number(argument('ls-max', '1000'));
const root = path.resolve(__dirname, '../..');
const options = resolveOptions(RULES, { now: '2026-11-23' });
const FILE_SYSTEMS = 10_000;

function time(run: () => unknown): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function median(run: () => unknown, repetitions: number): number {
  run();
  return percentile(Array.from({ length: repetitions }, () => time(run)), 0.5);
}

/**
 * Medians of runs taken in turns (a, b, a, b, ...) after `warmUps` turns that are not counted: a
 * busy moment of a shared machine, or the garbage one leaves behind, then weighs on both sides
 * alike, and neither is measured while V8 is still compiling it.
 */
function alternating(first: () => unknown, second: () => unknown, repetitions: number, warmUps: number): [number, number] {
  for (let round = 0; round < warmUps; round++) {
    first();
    second();
  }
  const times: [number[], number[]] = [[], []];
  for (let round = 0; round < repetitions; round++) {
    times[0].push(time(first));
    times[1].push(time(second));
  }
  return [percentile(times[0], 0.5), percentile(times[1], 0.5)];
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

function table(rows: string[][]): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
  console.log('');
}

const verdict = (value: number, target: number, unit = 'x'): string => (value <= target ? `met (${value.toFixed(2)}${unit} <= ${target}${unit})` : `MISSED by ${(value / target).toFixed(2)}x (${value.toFixed(2)}${unit} > ${target}${unit})`);

/** A landscape of `count` systems as files of at most 10,000 systems, as a team would split it. */
function landscapeTexts(count: number): { path: string; text: string }[] {
  const texts: { path: string; text: string }[] = [];
  for (let offset = 0, part = 1; offset < count; offset += FILE_SYSTEMS, part++) {
    texts.push({ path: `part${part}.landscape.yaml`, text: generateLandscape(Math.min(FILE_SYSTEMS, count - offset), part) });
  }
  return texts;
}

async function languageServerValidation(text: string): Promise<number> {
  const { getLanguageService } = await import('yaml-language-server');
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  const schema = JSON.parse(readFileSync(path.join(root, 'schemas/landscape.schema.json'), 'utf8'));
  const service = getLanguageService({ schemaRequestService: async () => JSON.stringify(schema), workspaceContext: { resolveRelativePath: (relative: string) => relative } });
  service.configure({ validate: true, hover: false, completion: false, format: false, schemas: [{ uri: 'file:///landscape.schema.json', fileMatch: ['*.landscape.yaml'], schema }] });
  // A wrong key proves the schema is applied; the warm-up loads and compiles the schema.
  const warmUp = await service.doValidation(TextDocument.create('file:///warm-up.landscape.yaml', 'yaml', 1, generateLandscape(10).replace('role:', 'rolle:')), false);
  if (warmUp.length === 0) throw new Error('yaml-language-server did not apply the landscape schema');
  const started = process.hrtime.bigint();
  // An error in the last system: without one it appears to stop early, so it validates the whole text only then.
  const last = text.lastIndexOf('role:');
  // A URI of its own: the language service caches documents by URI and version.
  await service.doValidation(TextDocument.create(`file:///measured-${text.length}.landscape.yaml`, 'yaml', 1, `${text.slice(0, last)}rolle:${text.slice(last + 5)}`), false);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * js-yaml's load and the full check of `count` systems, in a process of their own: what ran
 * before (other sizes, other libraries) leaves a heap behind that slows the two unequally.
 */
function checkAgainstFloor(count: number): [number, number] {
  const result = spawnSync(process.execPath, [__filename, '--floor-and-check', String(count)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as [number, number];
}

/** The child's side of checkAgainstFloor: prints [js-yaml ms, check ms]. */
function measureFloorAndCheck(count: number): void {
  const texts = landscapeTexts(count);
  const repetitions = count >= 10_000 ? 9 : count > 100 ? 21 : 51;
  // Small files need a few dozen runs before V8 has compiled the check's code (cold, the first
  // run of 100 systems takes 65 ms against js-yaml's 43 ms); large ones get there within a run.
  const warmUps = count <= 1_000 ? 30 : 1;
  const times = alternating(() => texts.forEach((input) => jsyaml.load(input.text)), () => checkLandscapes(texts, options), repetitions, warmUps);
  process.stdout.write(JSON.stringify(times));
}

async function fullCheck(): Promise<void> {
  console.log('Full check (parse + schema + all rules) against loaders of the same files');
  const rows = [['systems', 'MB', 'js-yaml load ms', 'yaml parseDocument ms', 'yaml-language-server ms', 'sapready check ms', 'check / js-yaml', 'ms per 1k systems', 'target <= 2x']];
  for (const count of sizes) {
    const texts = landscapeTexts(count);
    const megabytes = texts.reduce((sum, input) => sum + input.text.length, 0) / 1e6;
    const [floor, checked] = checkAgainstFloor(count);
    const yamlLibrary = count <= 10_000 ? median(() => texts.forEach((input) => parseDocument(input.text)), 3) : NaN;
    const languageServer = count <= languageServerMax ? await languageServerValidation(texts[0].text) : NaN;
    rows.push([
      String(count),
      megabytes.toFixed(1),
      floor.toFixed(floor < 10 ? 1 : 0),
      Number.isNaN(yamlLibrary) ? '-' : yamlLibrary.toFixed(0),
      Number.isNaN(languageServer) ? '-' : languageServer.toFixed(0),
      checked.toFixed(checked < 10 ? 1 : 0),
      `${(checked / floor).toFixed(2)}x`,
      ((checked / count) * 1000).toFixed(0),
      verdict(checked / floor, 2),
    ]);
  }
  table(rows);
  console.log(`yaml-language-server: schema validation only (what the Red Hat YAML extension does), measured up to ${languageServerMax} systems (--ls-max).\n`);
}

/**
 * What a keystroke costs: `edits` one-line edits at random lines of a `systems`-system file,
 * each re-checked as the editor does and, in a separate series, from scratch. The issue's
 * target is for 1,000 systems (1 MB); 5,000 systems is the size the product promises to keep
 * instant, shown without a target.
 */
function keystrokes(systems: number, edits: number, target: boolean): void {
  const texts = [generateLandscape(systems)];
  console.log(`Re-check after a one-line edit of a ${systems.toLocaleString('en')}-system file (${(texts[0].length / 1e6).toFixed(1)} MB), ${edits} random edits`);
  let seed = 7;
  for (let edit = 0; edit < edits + 10; edit++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const lines = texts[texts.length - 1].split('\n');
    const line = 10 + (seed % (lines.length - 20));
    lines[line] = `${lines[line]} `;
    texts.push(lines.join('\n'));
  }
  // The two series run apart, so that neither pays for the other's garbage.
  const cache = new RuleCache();
  let file = loadLandscapeFile('edited.landscape.yaml', texts[0], options.limits);
  runRules([file], options, RULES, cache);
  const incremental = texts.slice(1).map((text) =>
    time(() => {
      file = reparseLandscapeFile(file, text, options.limits);
      runRules([file], options, RULES, cache);
    }),
  ).slice(10);
  const full = texts.slice(1).map((text) => time(() => runRules([loadLandscapeFile('edited.landscape.yaml', text, options.limits)], options))).slice(10);
  table([
    ['', 'p50 ms', 'p95 ms', target ? 'target p95 < 50 ms' : ''],
    ['incremental (editor)', percentile(incremental, 0.5).toFixed(1), percentile(incremental, 0.95).toFixed(1), target ? verdict(percentile(incremental, 0.95), 50, ' ms') : ''],
    ['full re-check (baseline)', percentile(full, 0.5).toFixed(1), percentile(full, 0.95).toFixed(1), ''],
    ['full / incremental', (percentile(full, 0.5) / percentile(incremental, 0.5)).toFixed(1), (percentile(full, 0.95) / percentile(incremental, 0.95)).toFixed(1), ''],
  ]);
}

function childPeak(script: string): number {
  const result = spawnSync(process.execPath, ['-e', `${script};console.log(process.resourceUsage().maxRSS)`], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(result.stderr);
  return Number(result.stdout.trim().split('\n').pop()) * 1024;
}

function memory(): void {
  console.log('Peak memory (RSS of a child process) for a 10,000-system file');
  const folder = mkdtempSync(path.join(tmpdir(), 'sapready-bench-'));
  try {
    const file = path.join(folder, 'big.landscape.yaml');
    writeFileSync(file, generateLandscape(10_000));
    const size = readFileSync(file).length;
    const bare = childPeak('0');
    const read = `const text=require('fs').readFileSync(${JSON.stringify(file)},'utf8')`;
    const floor = childPeak(`${read};require('js-yaml').load(text)`) - bare;
    const checked = childPeak(`${read};const {checkLandscapes}=require('./out/src/core/engine');const {resolveOptions}=require('./out/src/core/config/options');const {RULES}=require('./out/src/core/rules/registry');checkLandscapes([{path:'big',text}],resolveOptions(RULES,{now:'2026-11-23'}))`) - bare;
    table([
      ['', 'MB above bare node', 'x file size', 'target < 10x'],
      ['js-yaml load (baseline)', (floor / 1e6).toFixed(0), (floor / size).toFixed(1), ''],
      ['sapready check', (checked / 1e6).toFixed(0), (checked / size).toFixed(1), verdict(checked / size, 10)],
    ]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The readiness model the dashboard rebuilds after every check, against that check: it must grow
 * with the landscape (a model that searched every finding per system took 25 times the check at
 * 16,000 systems).
 */
function dashboardModel(): void {
  console.log('Readiness model (dashboard, HTML and Markdown reports) against the check it follows (medians of 5)');
  const rows = [['systems', 'findings', 'check ms', 'model ms', 'model / check']];
  for (const count of [1_000, 10_000]) {
    const texts = [{ path: 'big.landscape.yaml', text: generateLandscape(count) }];
    let result = checkLandscapes(texts, options);
    const checked = median(() => (result = checkLandscapes(texts, options)), 5);
    const modelled = median(() => buildReadinessModel({ files: result.files, findings: result.findings, options, toolVersion: 'bench' }), 5);
    rows.push([count.toLocaleString('en-US'), String(result.findings.length), checked.toFixed(0), modelled.toFixed(0), `${(modelled / checked).toFixed(2)}x`]);
  }
  table(rows);
}

function coldStart(): void {
  console.log('CLI cold start on a small landscape (median of 11 runs each, taken in turns)');
  const start = (args: string[]) => (): unknown => spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
  const [bare, cli] = alternating(start(['-e', '']), start(['dist/cli.js', 'check', 'examples/acme', '--now', '2026-11-23']), 11, 1);
  table([
    ['', 'ms', 'target < 2x'],
    ['node -e "" (baseline)', bare.toFixed(0), ''],
    ['sapready check examples/acme', cli.toFixed(0), verdict(cli / bare, 2)],
  ]);
}

async function main(): Promise<void> {
  console.log(`sapready benchmark: node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${RULES.length} rules\n`);
  await fullCheck();
  keystrokes(1_000, 100, true);
  keystrokes(5_000, 40, false);
  memory();
  dashboardModel();
  coldStart();
  console.log('Extension activation is measured in the real VS Code host: see test/host (activation test) and bench/RESULTS.md.');
}

const measured = process.argv.indexOf('--floor-and-check');
if (measured === -1) void main();
else measureFloorAndCheck(Number(process.argv[measured + 1]));
