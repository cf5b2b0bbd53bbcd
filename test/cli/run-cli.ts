import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

/** The repository root, from the compiled test's location (out/test/cli). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
/** The built, bundled CLI: the tests run it as a real process, as CI and users do. */
export const CLI_PATH = path.join(REPO_ROOT, 'dist', 'cli.js');
/** Fixture folders; test/fixtures/cli/.sapready.yaml (empty) stops the options-file search here. */
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'cli');
/** The day every date-dependent run takes as today. */
export const NOW = '2026-11-23';
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const VERSION: string = require(path.join(REPO_ROOT, 'package.json')).version;

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Set when the process could not be started or was killed by the timeout. */
  error?: Error;
}

export interface RunOptions {
  cwd?: string;
  /** Milliseconds before the process is killed; the test then fails as a hang. */
  timeout?: number;
  env?: Record<string, string | undefined>;
}

/** Runs `node dist/cli.js ...args` and returns what it printed and its exit code. */
export function runCli(args: readonly string[], options: RunOptions = {}): CliResult {
  assert.ok(existsSync(CLI_PATH), `${CLI_PATH} is missing: run npm run build first`);
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, SAPREADY_DEBUG: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [CLI_PATH, ...args], {
    cwd: options.cwd ?? FIXTURES,
    encoding: 'utf8',
    timeout: options.timeout ?? 30_000,
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

/** For assertion messages: everything the process did. */
export function describeRun(result: CliResult): string {
  return `exit ${result.status}${result.signal ? ` (signal ${result.signal})` : ''}${result.error ? ` (${result.error.message})` : ''}\n--- stdout ---\n${result.stdout.slice(0, 4000)}\n--- stderr ---\n${result.stderr.slice(0, 4000)}`;
}

/** Asserts the process finished by itself (no timeout, no crash) with this exit code and no stack trace. */
export function assertExit(result: CliResult, status: number): void {
  assert.equal(result.error, undefined, `the CLI did not finish: ${describeRun(result)}`);
  assert.equal(result.signal, null, `the CLI was killed: ${describeRun(result)}`);
  assert.equal(result.status, status, describeRun(result));
  assertNoStackTrace(result);
}

export function assertNoStackTrace(result: CliResult): void {
  assert.doesNotMatch(result.stderr, /^\s+at /m, `stack trace on stderr: ${describeRun(result)}`);
  assert.doesNotMatch(result.stdout, /^\s+at .*\(.*:\d+:\d+\)$/m, `stack trace on stdout: ${describeRun(result)}`);
  assert.doesNotMatch(result.stderr, /internal error/, `internal error: ${describeRun(result)}`);
}

/**
 * Asserts a usage or I/O error: exit 2, nothing on stdout, a short message on stderr that
 * starts with `sapready:` and matches `message`, and no stack trace.
 */
export function assertUsageError(result: CliResult, message: RegExp): void {
  assertExit(result, 2);
  assert.equal(result.stdout, '', `stdout should be empty: ${describeRun(result)}`);
  assert.match(result.stderr, /^sapready: \S/, describeRun(result));
  assert.match(result.stderr, message, describeRun(result));
  const lines = result.stderr.trimEnd().split('\n');
  assert.ok(lines.length <= 3, `the message should be short (at most 3 lines), got ${lines.length}: ${describeRun(result)}`);
}

/** Parses the JSON report of a run; fails with the output when it is not JSON. */
export function parseJson<T = JsonReport>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch (error) {
    assert.fail(`stdout is not JSON (${(error as Error).message}): ${describeRun(result)}`);
  }
}

export interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  sid: string | null;
  notes: string[];
  related: { path: string; line: number; column: number; message: string }[];
  fixes: { title: string; edits: { start: number; end: number; newText: string }[] }[];
}

export interface JsonReport {
  tool: { name: string; version: string };
  today: string;
  optionsFile: string | null;
  files: string[];
  systems: number;
  summary: { error: number; warning: number; info: number };
  findings: JsonFinding[];
}

/** `path:line:column rule` of each finding, for compact exact comparisons. */
export function positions(report: JsonReport): string[] {
  return report.findings.map((finding) => `${finding.path}:${finding.line}:${finding.column} ${finding.ruleId}`);
}

/** A fresh folder under the system temp folder; remove it with removeTempDir. */
export function makeTempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'sapready-cli-'));
}

export function removeTempDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Every file below `dir`, relative and sorted (to prove no temporary file was left behind). */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((name) => name.split(path.sep).join('/')).sort();
}
