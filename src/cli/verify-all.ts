import { resolve } from 'node:path';
import { version } from '../../package.json';
import { formatDay } from '../core/dates';
import type { SystemDeclaration } from '../core/landscape/model';
import {
  allFindings,
  DEFAULT_CONCURRENCY,
  DEFAULT_SYSTEM_TIMEOUT_MS,
  describeLiveError,
  formatVerificationTable,
  LIVE_SOURCE_CHOICES,
  planTargets,
  readCaBundle,
  readLive,
  resolveSource,
  verifySystems,
  type ReachableTarget,
  type SystemVerification,
} from '../core/live';
import type { ReportInput } from '../core/report/summary';
import { loadNodeRfc, RfcUnavailableError, type RfcCredentials } from '../core/rfc';
import type { LegacyDestinationOptions } from '../core/rules/legacy-destinations';
import { writeFileAtomically } from '../core/regular-files';
import { UsageError } from './files';
import { CONNECTION_OPTIONS, declaredOnce, ENV_PASSWORD, ENV_USER, exitCode, LIVE_REPORT_RULES, loadLandscapes, promptHidden, type CliHelpers } from './verify';

/**
 * `sapready verify [paths] --system SID | --all [--source rfc|https|auto]`: live drift as
 * findings, in check's formats and exit codes. With --all every declared system with connection
 * data is read, a few at a time; a system that cannot be read is a live-connection finding and
 * a row of the summary table (standard error), never the end of the run.
 */
export async function runVerify(args: readonly string[], cli: CliHelpers): Promise<number> {
  const { values, positionals } = cli.parse(args, {
    ...CONNECTION_OPTIONS,
    all: { type: 'boolean' },
    source: { type: 'string', default: 'auto' },
    'ca-file': { type: 'string' },
    timeout: { type: 'string' },
    concurrency: { type: 'string' },
    format: { type: 'string', default: 'text' },
    output: { type: 'string' },
    'max-warnings': { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  const format = cli.oneOf(values.format as string, cli.formats, '--format');
  const choice = cli.oneOf(values.source as string, LIVE_SOURCE_CHOICES, '--source');
  const maxWarnings = values['max-warnings'] === undefined ? undefined : cli.wholeNumber(values['max-warnings'] as string, '--max-warnings');
  const timeoutMs = values.timeout === undefined ? DEFAULT_SYSTEM_TIMEOUT_MS : positive(cli.wholeNumber(values.timeout as string, '--timeout'), '--timeout') * 1000;
  const concurrency = values.concurrency === undefined ? DEFAULT_CONCURRENCY : positive(cli.wholeNumber(values.concurrency as string, '--concurrency'), '--concurrency');
  const sid = values.system as string | undefined;
  if (sid && values.all) throw new UsageError('Give either --system SID or --all, not both.');
  if (!sid && !values.all) throw new UsageError('--system SID or --all is required: the system (or all systems) of the landscape files to compare with.');
  const cwd = process.cwd();
  const ca = values['ca-file'] === undefined ? undefined : caBundleOrUsageError(resolve(cwd, values['ca-file'] as string), values['ca-file'] as string);

  const { files, texts, options } = loadLandscapes(values, positionals, cli, cwd);
  const declared = sid ? declaredOnce(files, texts, sid) : files.flatMap((file) => (file.model?.systems ?? []).map((system) => ({ file, system })));

  // The source first: without the SDK there is nothing to ask a password for.
  const { source, reason } = resolveSource(choice);
  if (reason) process.stderr.write(`sapready: reading over HTTPS (ADT): ${reason}.\n`);
  // Node's own warning says this variable disables verification; for sapready it does not, and the user should know.
  if (source === 'https' && process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') {
    process.stderr.write('sapready: NODE_TLS_REJECT_UNAUTHORIZED=0 is ignored: sapready always verifies certificates (trust your company\'s CA with --ca-file).\n');
  }
  if (source === 'rfc') {
    try {
      loadNodeRfc();
    } catch (error) {
      if (error instanceof RfcUnavailableError) throw new UsageError(error.message);
      throw error;
    }
  }
  const { reachable, skipped } = planTargets(declared, source, { useSaprouter: values['no-saprouter'] !== true, language: values.language as string | undefined });
  if (sid && skipped.length > 0) throw new UsageError(`${skipped[0].problem} (${skipped[0].target.file.path})`);
  if (reachable.length === 0) {
    process.stderr.write(formatVerificationTable(skipped));
    throw new UsageError(`No declared system has the connection data live verification over ${source.toUpperCase()} needs (see the table above).`);
  }

  const passwords = await askPasswords(values.user as string | undefined, reachable, Boolean(sid));
  const progress = values.all ? progressBar(reachable.length) : undefined;
  const results = await verifySystems(
    reachable,
    async (target, signal) => {
      const credentials = passwords.get(target.system);
      if (!credentials.ok) throw new Error(credentials.problem);
      return readLive(target.access, { credentials: credentials.credentials, https: { ca, timeoutMs }, signal });
    },
    {
      concurrency,
      timeoutMs,
      check: { legacy: options.rules.get('legacy-rfc-destination')?.options as LegacyDestinationOptions | undefined },
      describeError: (error, target) => describeLiveError(error, target.access),
      onSettled: (result, settled, total) => progress?.(settled, total, result),
    },
  );
  const all = [...results, ...skipped];
  process.stderr.write(formatVerificationTable(all));

  const findings = allFindings(results);
  const report: ReportInput = {
    findings,
    paths: sid ? [reachable[0].file.path] : texts.map((text) => text.path),
    systemCount: all.length,
    rules: LIVE_REPORT_RULES,
    today: formatDay(options.today),
    optionsPath: options.sourcePath,
    toolVersion: version,
  };
  const color = values['no-color'] ? false : values.color === true || (values.output === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR);
  const output = cli.render(format, report, cwd, color);
  if (values.output) writeFileAtomically(resolve(cwd, values.output as string), output);
  else process.stdout.write(output);
  return exitCode(findings, maxWarnings);
}

function caBundleOrUsageError(path: string, given: string): string {
  try {
    return readCaBundle(path);
  } catch (error) {
    throw new UsageError(`--ca-file ${given}: ${(error as Error).message}`);
  }
}

function positive(value: number, option: string): number {
  if (value < 1) throw new UsageError(`${option} must be at least 1.`);
  return value;
}

type PasswordResult = { ok: true; credentials: RfcCredentials } | { ok: false; problem: string };

/**
 * One user for the run (--user or SAPREADY_RFC_USER); per system the password from
 * SAPREADY_RFC_PASSWORD_<SID>, else SAPREADY_RFC_PASSWORD, else a hidden prompt when standard
 * input is a terminal, asked before any system is read. Never from argv or the landscape.
 */
async function askPasswords(userOption: string | undefined, targets: readonly ReachableTarget[], single: boolean): Promise<{ get(system: SystemDeclaration): PasswordResult }> {
  const user = userOption ?? process.env[ENV_USER];
  if (!user) throw new UsageError(`No user: give --user USER or set ${ENV_USER}.`);
  const passwords = new Map<SystemDeclaration, PasswordResult>();
  for (const { system, access } of targets) {
    const perSystem = `${ENV_PASSWORD}_${system.sid}`;
    const fromEnvironment = process.env[perSystem] || process.env[ENV_PASSWORD];
    if (fromEnvironment) {
      passwords.set(system, { ok: true, credentials: { user, password: fromEnvironment } });
      continue;
    }
    if (!process.stdin.isTTY) {
      const problem = `No password for ${system.sid}: set ${perSystem} or ${ENV_PASSWORD}, or run sapready in a terminal to be asked for it.`;
      if (single) throw new UsageError(problem);
      passwords.set(system, { ok: false, problem });
      continue;
    }
    const password = await promptHidden(`Password for ${user} in ${access.description}: `);
    if (!password && single) throw new UsageError('No password given.');
    passwords.set(system, password ? { ok: true, credentials: { user, password } } : { ok: false, problem: `No password given for ${system.sid}.` });
  }
  return { get: (system) => passwords.get(system)! };
}

/** A one-line progress bar on standard error, only when it is a terminal (CI logs get the table alone). */
function progressBar(total: number): ((settled: number, total: number, result: SystemVerification) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const width = 24;
  const draw = (settled: number, last?: SystemVerification): void => {
    const filled = Math.round((settled / total) * width);
    const tail = last ? `  ${last.target.system.sid} ${last.status}` : '';
    process.stderr.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${settled}/${total} systems${tail}`);
    if (settled === total) process.stderr.write('\n');
  };
  draw(0);
  return (settled, _total, result) => draw(settled, result);
}
