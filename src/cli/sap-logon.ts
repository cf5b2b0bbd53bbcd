import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { version } from '../../package.json';
import { resolveOptions } from '../core/config/options';
import { formatDay } from '../core/dates';
import { decodeLandscapeBytes } from '../core/landscape/decode';
import { loadLandscapeFile } from '../core/landscape/file';
import { RULES } from '../core/rules/registry';
import {
  collectSapLogonFiles,
  describeDifference,
  describeWarning,
  exportedSystems,
  landscapeYaml,
  mergeIntoLandscape,
  MergeError,
  resolveLandscape,
  sapUiLandscapeXml,
  SapLogonFormatError,
  SapLogonReadError,
  type ExportedLandscape,
} from '../core/saplogon';
import { readCompanionFile } from '../core/landscape/companions';
import { writeFileAtomically } from '../core/regular-files';
import { findLandscapeFiles, UsageError } from './files';
import type { CliHelpers } from './verify';

/** `sapready import --sap-logon FILE... [--output FILE] [--force] [--into FILE]` */
export function runSapLogonImport(args: readonly string[], cli: CliHelpers): number {
  const { values, positionals } = cli.parse(args, { 'sap-logon': { type: 'boolean' }, output: { type: 'string' }, force: { type: 'boolean' }, into: { type: 'string' }, now: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('--sap-logon needs the SAP Logon files to import: SAPUILandscape.xml, a global landscape file, or saplogon.ini.');
  const cwd = process.cwd();
  const outputPath = values.output ? resolve(cwd, values.output as string) : undefined;
  const intoPath = values.into ? resolve(cwd, values.into as string) : undefined;
  if (outputPath && existsSync(outputPath) && !values.force && outputPath !== intoPath) throw new UsageError(`${cli.displayPath(cwd, outputPath)} exists; use --force to overwrite it.`);
  const options = cli.resolveWithUsageErrors(() => resolveOptions(RULES, { now: values.now as string | undefined }));

  const contents = readSapLogonFiles(positionals.map((path) => resolve(cwd, path)), cwd, cli);
  const resolved = resolveLandscape(contents.files);
  const warnings = [...contents.warnings, ...resolved.warnings];
  for (const warning of warnings) process.stderr.write(`sapready: warning: ${describeWarning(warning)}\n`);

  if (intoPath) {
    const target = readLandscapeFile(intoPath, cwd, cli, options.limits);
    if (target.tree.problems.length > 0) throw new UsageError(`${target.path} has YAML problems; sapready check ${target.path} shows them. Fix them before importing into it.`);
    let merge;
    try {
      merge = mergeIntoLandscape(target, resolved.systems);
    } catch (error) {
      if (error instanceof MergeError) throw new UsageError(error.message);
      throw error;
    }
    for (const difference of merge.differences) {
      process.stdout.write(`${describeDifference(difference, target.path)}\n`);
    }
    const destination = outputPath ?? intoPath;
    if (merge.added.length > 0 || destination !== intoPath) writeFileAtomically(destination, merge.text);
    process.stdout.write(
      merge.added.length > 0
        ? `Added ${merge.added.length} system(s) to ${cli.displayPath(cwd, destination)}: ${merge.added.join(', ')}.\n`
        : `Nothing to add: ${target.path} declares every imported system.\n`,
    );
    return 0;
  }
  const yaml = landscapeYaml(resolved.systems, { sources: contents.files.map((file) => file.path), today: formatDay(options.today), landscape: resolved.workspace ?? 'SAP Logon' });
  if (outputPath) {
    writeFileAtomically(outputPath, yaml);
    process.stdout.write(`Wrote ${resolved.systems.length} system(s) to ${cli.displayPath(cwd, outputPath)}. Check it with: sapready check ${cli.displayPath(cwd, outputPath)}\n`);
  } else process.stdout.write(yaml);
  return 0;
}

/** `sapready export --sap-logon [paths...] --output FILE` */
export function runSapLogonExport(args: readonly string[], cli: CliHelpers): number {
  const { values, positionals } = cli.parse(args, { 'sap-logon': { type: 'boolean' }, output: { type: 'string' }, force: { type: 'boolean' } });
  if (!values['sap-logon']) throw new UsageError('export writes SAP Logon landscape files only: sapready export --sap-logon [paths...] --output FILE');
  if (!values.output) throw new UsageError('--output FILE is required: the SAPUILandscape.xml to write.');
  const cwd = process.cwd();
  const outputPath = resolve(cwd, values.output as string);
  if (existsSync(outputPath) && !values.force) throw new UsageError(`${cli.displayPath(cwd, values.output as string)} exists; use --force to overwrite it.`);
  const options = cli.resolveWithUsageErrors(() => resolveOptions(RULES, {}));
  const landscapes = new Map<string, ExportedLandscape>();
  for (const path of findLandscapeFiles(positionals.length > 0 ? positionals : ['.'], cwd)) {
    const file = readLandscapeFile(path, cwd, cli, options.limits);
    const model = file.model;
    if (!model || file.tree.problems.length > 0) throw new UsageError(`${file.path} is not a readable landscape file; sapready check ${file.path} says why.`);
    const name = model.name?.value ?? file.path;
    const landscape = landscapes.get(name) ?? { name, systems: [] };
    landscape.systems.push(...exportedSystems(model));
    landscapes.set(name, landscape);
  }
  const xml = sapUiLandscapeXml([...landscapes.values()], `sapready ${version}`);
  writeFileAtomically(outputPath, xml);
  const count = [...landscapes.values()].reduce((sum, landscape) => sum + landscape.systems.length, 0);
  process.stdout.write(`Wrote ${count} system(s) of ${landscapes.size} landscape(s) to ${cli.displayPath(cwd, outputPath)}.\n`);
  return 0;
}

function readSapLogonFiles(paths: readonly string[], cwd: string, cli: CliHelpers): ReturnType<typeof collectSapLogonFiles> {
  try {
    return collectSapLogonFiles(paths, { read: (path) => readCompanionFile(resolve(cwd, path)), show: (path) => cli.displayPath(cwd, resolve(cwd, path)) });
  } catch (error) {
    if (error instanceof SapLogonFormatError || error instanceof SapLogonReadError) throw new UsageError(error.message);
    throw error;
  }
}

function readLandscapeFile(path: string, cwd: string, cli: CliHelpers, limits: Parameters<typeof loadLandscapeFile>[2]) {
  const shown = cli.displayPath(cwd, path);
  let bytes: Buffer;
  try {
    bytes = readCompanionFile(path);
  } catch (error) {
    throw new UsageError(`Cannot read ${shown}: ${(error as Error).message}`);
  }
  const decoded = decodeLandscapeBytes(bytes);
  if (!decoded.ok) throw new UsageError(`${shown}: ${decoded.message}`);
  return loadLandscapeFile(shown, decoded.text, limits);
}
