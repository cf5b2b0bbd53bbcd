import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
import { generateLandscape, landscapeTexts, writeLandscapeFolder, type LandscapeShape } from './generate';

/**
 * `npm run bench [-- --sizes 100,1000,10000,50000] [--kinds usual,findings,crlf] [--ls-max 1000]
 * [--only full,processes,keystrokes,model,cold]`: prints the figures of the benchmark issues as tables. Every figure is paired with a baseline measured in the same run on
 * the same input, and the verdicts compare ratios, which hold on a noisy machine where absolute
 * times do not. Not part of the test run.
 */
const argument = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const sizes = argument('sizes', '100,1000,10000,50000').split(',').map(Number);
const languageServerMax = Number(argument('ls-max', '1000'));
const sections = argument('only', 'full,processes,keystrokes,model,cold').split(',');
const root = path.resolve(__dirname, '../..');
const NOW = '2026-11-23';
const options = resolveOptions(RULES, { now: NOW });

/** The landscapes every size is measured on. */
const KINDS: Record<string, { title: string; shape: LandscapeShape }> = {
  usual: { title: 'usual: 1 system in 5 with findings', shape: {} },
  findings: { title: 'every system with a finding and its fix', shape: { everySystemHasFindings: true } },
  crlf: { title: 'the same, CRLF line breaks', shape: { everySystemHasFindings: true, newline: '\r\n' } },
};
const kinds = argument('kinds', Object.keys(KINDS).join(',')).split(',');

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
function checkAgainstFloor(count: number, kind: string): [number, number] {
  const result = spawnSync(process.execPath, [__filename, '--floor-and-check', String(count), kind], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as [number, number];
}

/** The child's side of checkAgainstFloor: prints [js-yaml ms, check ms]. */
function measureFloorAndCheck(count: number, kind: string): void {
  const texts = landscapeTexts(count, KINDS[kind].shape);
  const repetitions = count >= 10_000 ? 9 : count > 100 ? 21 : 51;
  // Small files need a few dozen runs before V8 has compiled the check's code (cold, the first
  // run of 100 systems takes 65 ms against js-yaml's 43 ms); large ones get there within a run.
  const warmUps = count <= 1_000 ? 30 : 1;
  const times = alternating(() => texts.forEach((input) => jsyaml.load(input.text)), () => checkLandscapes(texts, options), repetitions, warmUps);
  process.stdout.write(JSON.stringify(times));
}

async function fullCheck(kind: string): Promise<void> {
  console.log(`Full check in process (parse + schema + all rules) against loaders of the same files; ${KINDS[kind].title}`);
  const rows = [['systems', 'MB', 'js-yaml load ms', 'yaml parseDocument ms', 'yaml-language-server ms', 'sapready check ms', 'check / js-yaml', 'ms per 1k systems', 'target <= 2x']];
  for (const count of sizes) {
    const texts = landscapeTexts(count, KINDS[kind].shape);
    const megabytes = texts.reduce((sum, input) => sum + input.text.length, 0) / 1e6;
    const [floor, checked] = checkAgainstFloor(count, kind);
    // The other tools for scale, on the usual landscape only: findings do not change their work.
    const others = kind === 'usual';
    const yamlLibrary = others && count <= 10_000 ? median(() => texts.forEach((input) => parseDocument(input.text)), 3) : NaN;
    const languageServer = others && count <= languageServerMax ? await languageServerValidation(texts[0].text) : NaN;
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
  if (kind === 'usual') console.log(`yaml-language-server: schema validation only (what the Red Hat YAML extension does), measured up to ${languageServerMax} systems (--ls-max).\n`);
}

/**
 * What a keystroke costs: `edits` one-line edits at random lines of a `systems`-system file,
 * each re-checked as the editor does and, in a separate series, from scratch. The targets are
 * frames: 16 ms (60 Hz) for 1,000 systems (1 MB), 25 ms for 5,000 systems.
 */
function keystrokes(systems: number, edits: number, targetMs: number): void {
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
    ['', 'p50 ms', 'p95 ms', `target p95 <= ${targetMs} ms`],
    ['incremental (editor)', percentile(incremental, 0.5).toFixed(1), percentile(incremental, 0.95).toFixed(1), verdict(percentile(incremental, 0.95), targetMs, ' ms')],
    ['full re-check (baseline)', percentile(full, 0.5).toFixed(1), percentile(full, 0.95).toFixed(1), ''],
    ['full / incremental', (percentile(full, 0.5) / percentile(incremental, 0.5)).toFixed(1), (percentile(full, 0.95) / percentile(incremental, 0.95)).toFixed(1), ''],
  ]);
}

const TIME = '/usr/bin/time';

/** Wall time and peak RSS of one process, as `/usr/bin/time -f %M` reports it. */
function runMeasured(args: string[], cwd: string, rssFile: string): { ms: number; rssBytes: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync(TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // The check exits 1 when it finds errors; anything else is a failure of the bench.
  if (result.error || (result.status !== 0 && result.status !== 1)) throw new Error(`${args.join(' ')}: ${result.error?.message ?? result.stderr}`);
  return { ms, rssBytes: Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) * 1024 };
}

/**
 * The CLI as a user runs it (start node, read the files, check, format JSON, write it to a file)
 * against a process that only reads the same files and loads them with js-yaml: wall time and
 * peak RSS, medians of runs taken in turns.
 */
function wholeProcesses(kind: string): void {
  console.log(`Whole processes: sapready check --format json --output FILE against node + js-yaml load of the same files; ${KINDS[kind].title}`);
  const rows = [['systems', 'MB', 'js-yaml ms', 'check ms', 'check / js-yaml', 'target <= 2x', 'js-yaml RSS MB', 'check RSS MB', 'RSS check / js-yaml', 'target <= 1.5x']];
  for (const count of sizes) {
    const folder = mkdtempSync(path.join(tmpdir(), 'sapready-bench-'));
    try {
      const landscape = path.join(folder, 'landscape');
      const files = writeLandscapeFolder(landscape, count, KINDS[kind].shape);
      const megabytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0) / 1e6;
      const load = `const fs=require('fs'),yaml=require('js-yaml');for(const file of ${JSON.stringify(files)})yaml.load(fs.readFileSync(file,'utf8'))`;
      const check = [path.join(root, 'dist/cli.js'), 'check', landscape, '--format', 'json', '--output', path.join(folder, 'report.json'), '--now', NOW];
      const rss = path.join(folder, 'rss');
      const runs: [Array<{ ms: number; rssBytes: number }>, Array<{ ms: number; rssBytes: number }>] = [[], []];
      const rounds = count >= 10_000 ? 3 : 7;
      for (let round = 0; round < rounds; round++) {
        runs[0].push(runMeasured(['-e', load], root, rss));
        runs[1].push(runMeasured(check, folder, rss));
      }
      const [floor, checked] = runs.map((series) => ({ ms: percentile(series.map((run) => run.ms), 0.5), rssBytes: percentile(series.map((run) => run.rssBytes), 0.5) }));
      rows.push([
        String(count),
        megabytes.toFixed(1),
        floor.ms.toFixed(0),
        checked.ms.toFixed(0),
        `${(checked.ms / floor.ms).toFixed(2)}x`,
        verdict(checked.ms / floor.ms, 2),
        (floor.rssBytes / 1e6).toFixed(0),
        (checked.rssBytes / 1e6).toFixed(0),
        `${(checked.rssBytes / floor.rssBytes).toFixed(2)}x`,
        verdict(checked.rssBytes / floor.rssBytes, 1.5),
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  table(rows);
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
  if (sections.includes('full')) for (const kind of kinds) await fullCheck(kind);
  if (sections.includes('processes')) for (const kind of kinds) wholeProcesses(kind);
  if (sections.includes('keystrokes')) {
    keystrokes(1_000, 100, 16);
    keystrokes(5_000, 40, 25);
  }
  if (sections.includes('model')) dashboardModel();
  if (sections.includes('cold')) coldStart();
  console.log('Extension activation is measured in the real VS Code host: see test/host (activation test) and bench/RESULTS.md.');
}

const measured = process.argv.indexOf('--floor-and-check');
if (measured === -1) void main();
else measureFloorAndCheck(Number(process.argv[measured + 1]), process.argv[measured + 2] ?? 'usual');
