import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OptionsFile, ResolvedOptions } from '../core/config/options';
import { resolveOptions } from '../core/config/options';
import { formatDay } from '../core/dates';
import { checkLandscapes, type LandscapeText } from '../core/engine';
import { countBySeverity, type Finding } from '../core/findings';
import type { LandscapeFile } from '../core/landscape/file';
import type { SystemDeclaration } from '../core/landscape/model';
import type { ReportInput } from '../core/report/summary';
import { RULES } from '../core/rules/registry';
import { NO_OPTIONS_SCHEMA, type Rule } from '../core/rules/rule';
import {
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
import { writeFileAtomically } from '../core/regular-files';
import { findLandscapeFiles, readLandscapeTexts, UsageError } from './files';

/** Helpers main.ts already has, handed in so that this module does not import main.ts. */
export interface CliHelpers {
  parse(args: readonly string[], options: Record<string, { type: 'string' | 'boolean'; default?: string; multiple?: boolean }>): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };
  oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T;
  wholeNumber(value: string, option: string): number;
  displayPath(cwd: string, path: string): string;
  loadOptions(cwd: string, explicit: string | undefined): { file?: OptionsFile; path?: string };
  resolveWithUsageErrors<T>(resolveIt: () => T): T;
  render(format: string, report: ReportInput, cwd: string, color: boolean): string;
  formats: readonly string[];
}

export const ENV_PASSWORD = 'SAPREADY_RFC_PASSWORD';
export const ENV_USER = 'SAPREADY_RFC_USER';

/** The live rules as report rules, so SARIF, JUnit and Markdown carry their metadata. */
export const LIVE_REPORT_RULES: readonly Rule[] = LIVE_RULES.map((rule) => ({ ...rule, defaults: {}, optionsSchema: NO_OPTIONS_SCHEMA, check: () => undefined }));

export const CONNECTION_OPTIONS = {
  system: { type: 'string' },
  user: { type: 'string' },
  language: { type: 'string' },
  'no-saprouter': { type: 'boolean' },
  config: { type: 'string' },
  now: { type: 'string' },
} as const;

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

function prepare(values: Record<string, string | boolean | string[] | undefined>, positionals: string[], cli: CliHelpers, cwd: string): Target {
  const sid = values.system as string | undefined;
  if (!sid) throw new UsageError('--system SID is required: the system of the landscape files to compare with.');
  const { files, texts, options } = loadLandscapes(values, positionals, cli, cwd);
  const [{ file, system }] = declaredOnce(files, texts, sid);
  const connection = connectionFor(file.model!, system, { useSaprouter: values['no-saprouter'] !== true, language: values.language as string | undefined });
  if (!connection.ok) throw new UsageError(`${connection.problem} (${file.path})`);
  return { file, system, parameters: connection.parameters, options };
}

/** The landscape files (paths or the current folder), checked so that their models exist, and the options. */
export function loadLandscapes(values: Record<string, string | boolean | string[] | undefined>, positionals: string[], cli: CliHelpers, cwd: string): { files: LandscapeFile[]; texts: LandscapeText[]; options: ResolvedOptions } {
  const { file: optionsFile, path: optionsPath } = cli.loadOptions(cwd, values.config as string | undefined);
  const options = cli.resolveWithUsageErrors(() => resolveOptions(RULES, { file: optionsFile, sourcePath: optionsPath && cli.displayPath(cwd, optionsPath), now: values.now as string | undefined }));
  const texts = readLandscapeTexts(findLandscapeFiles(positionals.length > 0 ? positionals : ['.'], cwd), options.limits.maxFileBytes, (path) => cli.displayPath(cwd, path));
  const { files } = checkLandscapes(texts, options, []);
  return { files, texts, options };
}

/** The one declaration of `sid`; a usage error when there is none or more than one. */
export function declaredOnce(files: readonly LandscapeFile[], texts: readonly LandscapeText[], sid: string): Array<{ file: LandscapeFile; system: SystemDeclaration }> {
  const declared = files.flatMap((file) => (file.model?.systems ?? []).filter((system) => system.sid === sid).map((system) => ({ file, system })));
  if (declared.length === 0) throw new UsageError(`System ${sid} is not declared in ${texts.map((text) => text.path).join(', ')}.`);
  if (declared.length > 1) throw new UsageError(`System ${sid} is declared more than once (${declared.map((entry) => entry.file.path).join(', ')}); sapready check reports where.`);
  return declared;
}

async function readLive(target: Target, values: Record<string, string | boolean | string[] | undefined>, reading: LiveReadOptions = {}): Promise<LiveSystemData> {
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

/** User from --user or SAPREADY_RFC_USER; password from SAPREADY_RFC_PASSWORD_<SID>, SAPREADY_RFC_PASSWORD or a hidden prompt. Never from argv or the YAML. */
async function askCredentials(userOption: string | undefined, parameters: RfcConnectionParameters): Promise<RfcCredentials> {
  const user = userOption ?? process.env[ENV_USER];
  if (!user) throw new UsageError(`No RFC user: give --user USER or set ${ENV_USER}.`);
  const fromEnvironment = process.env[`${ENV_PASSWORD}_${parameters.sid}`] || process.env[ENV_PASSWORD];
  if (fromEnvironment) return { user, password: fromEnvironment };
  if (!process.stdin.isTTY) throw new UsageError(`No password: set ${ENV_PASSWORD}_${parameters.sid} or ${ENV_PASSWORD}, or run sapready in a terminal to be asked for it.`);
  const password = await promptHidden(`Password for ${user} in ${describeConnection(parameters)}: `);
  if (!password) throw new UsageError('No password given.');
  return { user, password };
}

/** Reads a line from the terminal without echoing it. */
export function promptHidden(question: string): Promise<string> {
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

export function exitCode(findings: readonly Finding[], maxWarnings: number | undefined): number {
  const counts = countBySeverity(findings);
  if (counts.error > 0) return 1;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    process.stderr.write(`sapready: ${counts.warning} warnings, more than --max-warnings ${maxWarnings}.\n`);
    return 1;
  }
  return 0;
}
