import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { version } from '../../package.json';
import type { OptionsFile, ResolvedOptions } from '../core/config/options';
import { resolveOptions } from '../core/config/options';
import { formatDay } from '../core/dates';
import { checkLandscapes } from '../core/engine';
import type { Finding } from '../core/findings';
import type { LandscapeFile } from '../core/landscape/file';
import type { SystemDeclaration } from '../core/landscape/model';
import { countBySeverity, type ReportInput } from '../core/report/summary';
import { RULES } from '../core/rules/registry';
import { NO_OPTIONS_SCHEMA, type Rule } from '../core/rules/rule';
import type { LegacyDestinationOptions } from '../core/rules/legacy-destinations';
import {
  compareWithLive,
  connectionFor,
  describeConnection,
  importFragment,
  LIVE_RULES,
  loadNodeRfc,
  openNodeRfcClient,
  RfcCallError,
  RfcUnavailableError,
  readLiveSystem,
  type LiveReadOptions,
  type LiveSystemData,
  type RfcConnectionParameters,
  type RfcCredentials,
} from '../core/rfc';
import { findLandscapeFiles, readLandscapeTexts, UsageError, writeFileAtomically } from './files';

/** Helpers main.ts already has, handed in so that this module does not import main.ts. */
export interface CliHelpers {
  parse(args: readonly string[], options: Record<string, { type: 'string' | 'boolean'; default?: string }>): { values: Record<string, string | boolean | undefined>; positionals: string[] };
  oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T;
  wholeNumber(value: string, option: string): number;
  displayPath(cwd: string, path: string): string;
  loadOptions(cwd: string, explicit: string | undefined): { file?: OptionsFile; path?: string };
  resolveWithUsageErrors<T>(resolveIt: () => T): T;
  render(format: string, report: ReportInput, cwd: string, color: boolean): string;
  formats: readonly string[];
}

const ENV_PASSWORD = 'SAPREADY_RFC_PASSWORD';
const ENV_USER = 'SAPREADY_RFC_USER';

/** The live rules as report rules, so SARIF, JUnit and Markdown carry their metadata. */
const LIVE_REPORT_RULES: readonly Rule[] = LIVE_RULES.map((rule) => ({ ...rule, defaults: {}, optionsSchema: NO_OPTIONS_SCHEMA, check: () => undefined }));

const CONNECTION_OPTIONS = {
  system: { type: 'string' },
  user: { type: 'string' },
  language: { type: 'string' },
  'no-saprouter': { type: 'boolean' },
  config: { type: 'string' },
  now: { type: 'string' },
} as const;

/** `sapready verify [paths] --system SID`: live drift as findings, in check's formats and exit codes. */
export async function runVerify(args: readonly string[], cli: CliHelpers): Promise<number> {
  const { values, positionals } = cli.parse(args, {
    ...CONNECTION_OPTIONS,
    format: { type: 'string', default: 'text' },
    output: { type: 'string' },
    'max-warnings': { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  const format = cli.oneOf(values.format as string, cli.formats, '--format');
  const maxWarnings = values['max-warnings'] === undefined ? undefined : cli.wholeNumber(values['max-warnings'] as string, '--max-warnings');
  const cwd = process.cwd();
  const target = prepare(values, positionals, cli, cwd);
  const data = await readLive(target, values);
  const findings = compareWithLive(target.file, target.system, data, { legacy: target.options.rules.get('legacy-rfc-destination')?.options as LegacyDestinationOptions | undefined });
  const report: ReportInput = {
    findings,
    paths: [target.file.path],
    systemCount: 1,
    rules: LIVE_REPORT_RULES,
    today: formatDay(target.options.today),
    optionsPath: target.options.sourcePath,
    toolVersion: version,
  };
  const color = values['no-color'] ? false : values.color === true || (values.output === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR);
  const output = cli.render(format, report, cwd, color);
  if (values.output) writeFileAtomically(resolve(cwd, values.output as string), output);
  else process.stdout.write(output);
  return exitCode(findings, maxWarnings);
}

/** `sapready import [paths] --system SID`: a landscape fragment (components, destinations) from the live system. */
export async function runImport(args: readonly string[], cli: CliHelpers): Promise<number> {
  const { values, positionals } = cli.parse(args, { ...CONNECTION_OPTIONS, output: { type: 'string' }, force: { type: 'boolean' } });
  const cwd = process.cwd();
  const outputPath = values.output ? resolve(cwd, values.output as string) : undefined;
  if (outputPath && existsSync(outputPath) && !values.force) throw new UsageError(`${cli.displayPath(cwd, outputPath)} exists; use --force to overwrite it.`);
  const target = prepare(values, positionals, cli, cwd);
  const data = await readLive(target, values, { parts: ['destinations', 'components'] });
  const fragment = importFragment(data, { today: formatDay(target.options.today), source: describeConnection(target.parameters), product: target.system.product?.value });
  if (outputPath) {
    writeFileAtomically(outputPath, fragment);
    process.stdout.write(`Wrote ${cli.displayPath(cwd, outputPath)}.\n`);
  } else process.stdout.write(fragment);
  return 0;
}

interface Target {
  file: LandscapeFile;
  system: SystemDeclaration;
  parameters: RfcConnectionParameters;
  options: ResolvedOptions;
}

function prepare(values: Record<string, string | boolean | undefined>, positionals: string[], cli: CliHelpers, cwd: string): Target {
  const sid = values.system as string | undefined;
  if (!sid) throw new UsageError('--system SID is required: the system of the landscape files to compare with.');
  const { file: optionsFile, path: optionsPath } = cli.loadOptions(cwd, values.config as string | undefined);
  const options = cli.resolveWithUsageErrors(() => resolveOptions(RULES, { file: optionsFile, sourcePath: optionsPath && cli.displayPath(cwd, optionsPath), now: values.now as string | undefined }));
  const texts = readLandscapeTexts(findLandscapeFiles(positionals.length > 0 ? positionals : ['.'], cwd), options.limits.maxFileBytes, (path) => cli.displayPath(cwd, path));
  const { files } = checkLandscapes(texts, options, []);
  const declared = files.flatMap((file) => (file.model?.systems ?? []).filter((system) => system.sid === sid).map((system) => ({ file, system })));
  if (declared.length === 0) throw new UsageError(`System ${sid} is not declared in ${texts.map((text) => text.path).join(', ')}.`);
  if (declared.length > 1) throw new UsageError(`System ${sid} is declared more than once (${declared.map((entry) => entry.file.path).join(', ')}); sapready check reports where.`);
  const [{ file, system }] = declared;
  const connection = connectionFor(file.model!, system, { useSaprouter: values['no-saprouter'] !== true, language: values.language as string | undefined });
  if (!connection.ok) throw new UsageError(`${connection.problem} (${file.path})`);
  return { file, system, parameters: connection.parameters, options };
}

async function readLive(target: Target, values: Record<string, string | boolean | undefined>, reading: LiveReadOptions = {}): Promise<LiveSystemData> {
  // Load node-rfc first: without the SDK there is nothing to ask a password for.
  try {
    loadNodeRfc();
  } catch (error) {
    if (error instanceof RfcUnavailableError) throw new UsageError(error.message);
    throw error;
  }
  const credentials = await askCredentials(values.user as string | undefined, target.parameters);
  let client;
  try {
    client = await openNodeRfcClient(target.parameters, credentials);
  } catch (error) {
    if (error instanceof RfcCallError) throw new UsageError(`Logon to ${describeConnection(target.parameters)} failed: ${error.key}: ${error.message}`);
    throw error;
  }
  try {
    return await readLiveSystem(client, target.system.sid, reading);
  } catch (error) {
    if (error instanceof RfcCallError) throw new UsageError(`Reading ${target.system.sid} failed: ${error.key}: ${error.message}`);
    throw error;
  } finally {
    await client.close();
  }
}

/** User from --user or SAPREADY_RFC_USER; password from SAPREADY_RFC_PASSWORD or a hidden prompt. Never from argv or the YAML. */
async function askCredentials(userOption: string | undefined, parameters: RfcConnectionParameters): Promise<RfcCredentials> {
  const user = userOption ?? process.env[ENV_USER];
  if (!user) throw new UsageError(`No RFC user: give --user USER or set ${ENV_USER}.`);
  const fromEnvironment = process.env[ENV_PASSWORD];
  if (fromEnvironment) return { user, password: fromEnvironment };
  if (!process.stdin.isTTY) throw new UsageError(`No password: set ${ENV_PASSWORD}, or run sapready in a terminal to be asked for it.`);
  const password = await promptHidden(`Password for ${user} in ${describeConnection(parameters)}: `);
  if (!password) throw new UsageError('No password given.');
  return { user, password };
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolvePassword, reject) => {
    const input = process.stdin;
    process.stderr.write(question);
    let typed = '';
    const finish = (error?: Error): void => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolvePassword(typed);
    };
    const onData = (chunk: Buffer): void => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new UsageError('Cancelled.'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}

function exitCode(findings: readonly Finding[], maxWarnings: number | undefined): number {
  const counts = countBySeverity(findings);
  if (counts.error > 0) return 1;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    process.stderr.write(`sapready: ${counts.warning} warnings, more than --max-warnings ${maxWarnings}.\n`);
    return 1;
  }
  return 0;
}
