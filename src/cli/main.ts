import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { sapNoteUrl } from '../core/catalog';
import { parseOptionsFile, OPTIONS_FILE_MAX_BYTES, OPTIONS_FILE_NAMES } from '../core/config/load';
import { OptionsError, resolveOptions, type OptionsFile } from '../core/config/options';
import { formatDay } from '../core/dates';
import { checkLandscapes } from '../core/engine';
import { countBySeverity } from '../core/findings';
import { formatCheckstyle } from '../core/report/checkstyle';
import { formatGithub } from '../core/report/github';
import { formatGitlab } from '../core/report/gitlab';
import { formatJson } from '../core/report/json';
import { formatHtml } from '../core/report/html';
import { formatJunit } from '../core/report/junit';
import { formatMarkdown } from '../core/report/markdown';
import { buildReadinessModel } from '../core/report/readiness-model';
import { formatSarif } from '../core/report/sarif';
import { plural, type ReportInput } from '../core/report/summary';
import { formatText } from '../core/report/text';
import { RULES } from '../core/rules/registry';
import { starterLandscape } from '../core/starter';
import { CannotWriteError, readRegularFile, writeFileAtomically } from '../core/regular-files';
import { findLandscapeFiles, readLandscapeTexts, UsageError } from './files';
import { LIVE_RULES } from '../core/rfc/live-rules';
import { runImport, type CliHelpers } from './verify';
import { runVerify } from './verify-all';
import { runSapLogonExport, runSapLogonImport } from './sap-logon';
import { companionReader } from '../core/landscape/companions';
import { useBulkSuppressions } from './bulk-suppressions';
import { runFixes } from './fix';
import { commandHelp, GENERAL_HELP, requestedHelp } from './help';
import { namedRules, withRulesOn } from './rule-selection';

const FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown', 'html', 'gitlab', 'checkstyle', 'github'] as const;
type Format = (typeof FORMATS)[number];

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

export function main(argv: readonly string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write((command === 'help' && commandHelp(rest[0])) || GENERAL_HELP);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const help = requestedHelp(command, rest);
  if (help) {
    process.stdout.write(help);
    return EXIT_OK;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${version}\n`);
    return EXIT_OK;
  }
  switch (command) {
    case 'check':
      return runCheck(rest);
    case 'rules':
      return runRules(rest);
    case 'init':
      return runInit(rest);
    case 'verify':
      return runVerify(rest, CLI_HELPERS);
    case 'import':
      return rest.includes('--sap-logon') ? runSapLogonImport(rest, CLI_HELPERS) : runImport(rest, CLI_HELPERS);
    case 'export':
      return runSapLogonExport(rest, CLI_HELPERS);
  }
  throw new UsageError(`Unknown command "${command}". Run sapready --help for the commands.`);
}

function runCheck(args: readonly string[]): number {
  const { values, positionals } = parse(args, {
    format: { type: 'string', default: 'text' },
    output: { type: 'string' },
    now: { type: 'string' },
    config: { type: 'string' },
    'max-warnings': { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    quiet: { type: 'boolean' },
    rule: { type: 'string', multiple: true },
    fix: { type: 'boolean' },
    'fix-dry-run': { type: 'boolean' },
    'suppress-all': { type: 'boolean' },
    'suppress-rule': { type: 'string', multiple: true },
    'prune-suppressions': { type: 'boolean' },
    'suppressions-location': { type: 'string' },
  });
  const format = oneOf(values.format as string, FORMATS, '--format');
  const maxWarnings = values['max-warnings'] === undefined ? undefined : wholeNumber(values['max-warnings'] as string, '--max-warnings');
  const chosenRules = values.rule ? namedRules(values.rule as string[], '--rule') : undefined;
  const suppressRules = namedRules((values['suppress-rule'] as string[] | undefined) ?? [], '--suppress-rule');
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run exclude each other: --fix-dry-run shows what --fix would write.');
  const cwd = process.cwd();
  const { file: optionsFile, path: optionsPath } = loadOptions(cwd, values.config as string | undefined);
  const resolved = resolveWithUsageErrors(() => resolveOptions(RULES, { file: optionsFile, sourcePath: optionsPath && displayPath(cwd, optionsPath), now: values.now as string | undefined }));
  const options = chosenRules ? withRulesOn(resolved, chosenRules) : resolved;
  const paths = findLandscapeFiles(positionals.length > 0 ? positionals : ['.'], cwd);
  const texts = readLandscapeTexts(paths, options.limits.maxFileBytes, (path) => displayPath(cwd, path)).map((text, index) =>
    text.unreadable === undefined ? { ...text, readCompanion: companionReader(paths[index], (companion) => displayPath(cwd, companion)) } : text,
  );
  const fixing = values.fix === true || values['fix-dry-run'] === true;
  const result = fixing ? runFixes(texts, options, chosenRules, cwd, values['fix-dry-run'] === true) : checkLandscapes(texts, options, chosenRules);
  const bulk = useBulkSuppressions(result.findings, texts.map((text) => text.path), cwd, {
    suppressAll: values['suppress-all'] === true,
    suppressRules,
    prune: values['prune-suppressions'] === true,
    location: values['suppressions-location'] as string | undefined,
    optionsPath,
    ranRules: chosenRules,
  });
  bulk.notes.forEach((note) => process.stderr.write(`sapready: ${note}\n`));
  const findings = values.quiet ? bulk.findings.filter((finding) => finding.severity === 'error') : bulk.findings;
  const report: ReportInput = {
    findings,
    paths: texts.map((text) => text.path),
    systemCount: result.files.reduce((sum, file) => sum + (file.model?.systems.length ?? 0), 0),
    rules: RULES,
    today: formatDay(options.today),
    optionsPath: options.sourcePath,
    toolVersion: version,
    readiness: format === 'markdown' || format === 'html' ? buildReadinessModel({ files: result.files, findings, options, toolVersion: version, bulkSuppressed: bulk.suppressedCount }) : undefined,
    bulkSuppressed: bulk.suppressedCount,
  };
  const color = values['no-color'] ? false : values.color === true || (values.output === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR);
  const output = render(format, report, cwd, color);
  if (values.output) writeFileAtomically(resolve(cwd, values.output as string), output);
  else if (!values['fix-dry-run']) process.stdout.write(output);

  const counts = countBySeverity(findings);
  if (counts.error > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    process.stderr.write(`sapready: ${plural(counts.warning, 'warning')}, more than --max-warnings ${maxWarnings}.\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

const CLI_HELPERS: CliHelpers = {
  parse,
  oneOf,
  wholeNumber,
  displayPath,
  loadOptions,
  resolveWithUsageErrors,
  render: (format, report, cwd, color) => render(format as Format, report, cwd, color),
  formats: FORMATS.filter((format) => format !== 'html'),
};

function render(format: Format, report: ReportInput, cwd: string, color: boolean): string {
  switch (format) {
    case 'text':
      return formatText(report, { color });
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, cwd);
    case 'junit':
      return formatJunit(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'html':
      if (!report.readiness) throw new UsageError('--format html is a readiness report of sapready check.');
      return formatHtml(report.readiness);
    case 'gitlab':
      return formatGitlab(report);
    case 'checkstyle':
      return formatCheckstyle(report);
    case 'github':
      return formatGithub(report);
  }
}

function runRules(args: readonly string[]): number {
  const { values } = parse(args, { format: { type: 'string', default: 'text' } });
  const format = oneOf(values.format as string, ['text', 'json', 'markdown'] as const, '--format');
  if (format === 'json') {
    const rules = [
      ...RULES.map(({ id, title, defaultSeverity, notes, description, fixable, defaults }) => ({ id, title, defaultSeverity, notes, description, fixable, defaults })),
      ...LIVE_RULES.map(({ id, title, defaultSeverity, notes, description, fixable }) => ({ id, title, defaultSeverity, notes, description, fixable, defaults: {}, command: 'verify' })),
    ];
    process.stdout.write(JSON.stringify(rules, null, 2) + '\n');
  } else if (format === 'markdown') {
    const rows = RULES.map((rule) => `| \`${rule.id}\` | ${rule.defaultSeverity} | ${rule.fixable ? 'yes' : ''} | ${rule.notes.map((note) => `[${note}](${sapNoteUrl(note)})`).join(', ')} | ${rule.title} |`);
    const liveRows = LIVE_RULES.map((rule) => `| \`${rule.id}\` | ${rule.defaultSeverity} | | ${rule.notes.map((note) => `[${note}](${sapNoteUrl(note)})`).join(', ')} | ${rule.title} (\`sapready verify\` only) |`);
    process.stdout.write(['| Rule | Default | Fix | SAP Notes | Reports |', '| --- | --- | --- | --- | --- |', ...rows, ...liveRows].join('\n') + '\n');
  } else {
    const width = Math.max(...RULES.map((rule) => rule.id.length), ...LIVE_RULES.map((rule) => rule.id.length));
    for (const rule of RULES) {
      const notes = rule.notes.length > 0 ? `  SAP Note ${rule.notes.join(', ')}` : '';
      process.stdout.write(`${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.fixable ? 'fix' : '   '}  ${rule.title}${notes}\n`);
    }
    process.stdout.write('\nOnly with sapready verify (compare with the live system over RFC or HTTPS):\n');
    for (const rule of LIVE_RULES) {
      const notes = rule.notes.length > 0 ? `  SAP Note ${rule.notes.join(', ')}` : '';
      process.stdout.write(`${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}       ${rule.title}${notes}\n`);
    }
  }
  return EXIT_OK;
}

function runInit(args: readonly string[]): number {
  const { values, positionals } = parse(args, { force: { type: 'boolean' }, now: { type: 'string' } });
  if (positionals.length > 1) throw new UsageError('init takes one file name.');
  const target = resolve(process.cwd(), positionals[0] ?? 'main.landscape.yaml');
  if (!/\.landscape\.ya?ml$/.test(target)) throw new UsageError(`The file name must end in .landscape.yaml or .landscape.yml so that sapready and the editor find it: ${positionals[0]}`);
  if (existsSync(target) && !values.force) throw new UsageError(`${displayPath(process.cwd(), target)} exists; use --force to overwrite it.`);
  const options = resolveWithUsageErrors(() => resolveOptions(RULES, { now: values.now as string | undefined }));
  writeFileAtomically(target, starterLandscape(options.today));
  process.stdout.write(`Wrote ${displayPath(process.cwd(), target)}. Check it with: sapready check ${displayPath(process.cwd(), target)}\n`);
  return EXIT_OK;
}

function loadOptions(cwd: string, explicit: string | undefined): { file?: OptionsFile; path?: string } {
  const path = explicit ? resolve(cwd, explicit) : findUpwards(cwd);
  if (!path) return {};
  if (!existsSync(path)) throw new UsageError(`Options file not found: ${explicit}`);
  const read = readRegularFile(path, OPTIONS_FILE_MAX_BYTES);
  if (!read.ok) {
    const problem = 'oversize' in read ? `it is ${read.oversize} bytes, over the limit of ${OPTIONS_FILE_MAX_BYTES} bytes` : read.problem;
    throw new UsageError(`Cannot read options file ${displayPath(cwd, path)}: ${problem}`);
  }
  const loaded = parseOptionsFile(read.bytes.toString('utf8'));
  if (!loaded.ok) {
    const where = displayPath(cwd, path);
    throw new UsageError(`Invalid options file:\n${loaded.problems.map((problem) => `${where}:${problem.line}:${problem.column}  ${problem.message}`).join('\n')}`);
  }
  return { file: loaded.options, path };
}

function findUpwards(start: string): string | undefined {
  for (let folder = start; ; folder = dirname(folder)) {
    for (const name of OPTIONS_FILE_NAMES) {
      const candidate = join(folder, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(folder) === folder) return undefined;
  }
}

function resolveWithUsageErrors<T>(resolveIt: () => T): T {
  try {
    return resolveIt();
  } catch (error) {
    if (error instanceof OptionsError) throw new UsageError(error.message);
    throw error;
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; default?: string; multiple?: boolean }>;

type ParsedArgs = { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] };

function parse(args: readonly string[], options: OptionSpec): ParsedArgs {
  try {
    // Options are strings or booleans, and `multiple` ones lists of strings.
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true }) as ParsedArgs;
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional.*$/s, '').replace(/\.?$/, '.');
    throw new UsageError(`${message} Run sapready --help for the options.`);
  }
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')}; got "${value}".`);
}

function wholeNumber(value: string, option: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${option} takes a whole number; got "${value}".`);
  return Number(value);
}

function displayPath(cwd: string, path: string): string {
  const relativePath = relative(cwd, path);
  return (relativePath === '' ? '.' : relativePath).split(sep).join('/');
}

if (require.main === module) {
  // `sapready check | head` closes the pipe early: the reader has what it wanted, so stop
  // writing quietly and keep the verdict's exit code instead of dying on EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const fail = (error: unknown): number => {
    if (error instanceof UsageError || error instanceof CannotWriteError) {
      process.stderr.write(`sapready: ${error.message}\n`);
    } else {
      process.stderr.write(`sapready: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env.SAPREADY_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    }
    return EXIT_USAGE;
  };
  let code: number | Promise<number>;
  try {
    code = main(process.argv.slice(2));
  } catch (error) {
    code = fail(error);
  }
  if (typeof code === 'number') process.exitCode = code;
  else code.then((done) => (process.exitCode = done), (error: unknown) => (process.exitCode = fail(error)));
}
