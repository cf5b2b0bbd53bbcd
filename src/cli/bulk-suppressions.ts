import { lstatSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  applyBulkSuppressions,
  BULK_SUPPRESSIONS_FILE_NAME,
  parseBulkSuppressions,
  pruneSuppressions,
  recordSuppressions,
  serializeBulkSuppressions,
  type BulkSuppressions,
  type SuppressionScope,
} from '../core/config/bulk-suppressions';
import type { Finding } from '../core/findings';
import { plural } from '../core/report/summary';
import type { Rule } from '../core/rules/rule';
import { writeFileAtomically } from '../core/regular-files';
import { UsageError } from './files';

export interface BulkSuppressionRequest {
  /** `--suppress-all`. */
  suppressAll: boolean;
  /** `--suppress-rule`, possibly several. */
  suppressRules: readonly Rule[];
  /** `--prune-suppressions`. */
  prune: boolean;
  /** `--suppressions-location`, as given. */
  location?: string;
  /** The options file in use (absolute), beside which the suppressions file is by default. */
  optionsPath?: string;
  /** The rules that ran, when `--rule` chose them; counts of other rules are left as they are. */
  ranRules?: readonly Rule[];
}

export interface BulkSuppressionReport {
  findings: Finding[];
  suppressedCount: number;
  /** Lines for standard error: what was written, or counts that could be pruned. */
  notes: string[];
}

/**
 * Reads the suppressions file (none is the same as an empty one), records or prunes counts
 * when asked, writes it back atomically, and hides the findings it covers. `paths` are the
 * checked files as the report shows them, relative to `cwd`.
 */
export function useBulkSuppressions(findings: readonly Finding[], paths: readonly string[], cwd: string, request: BulkSuppressionRequest): BulkSuppressionReport {
  const file = request.location ? resolve(cwd, request.location) : join(request.optionsPath ? dirname(request.optionsPath) : cwd, BULK_SUPPRESSIONS_FILE_NAME);
  const shown = relative(cwd, file).split(sep).join('/') || file;
  const recorded = readSuppressions(file, shown);
  const folder = dirname(file);
  const keyOf = (path: string): string => relative(folder, resolve(cwd, path)).split(sep).join('/');
  const scope: SuppressionScope = { files: new Set(paths.map(keyOf)), rules: request.ranRules && new Set(request.ranRules.map((rule) => rule.id)) };
  const notes: string[] = [];
  let suppressions = recorded;
  const recording = request.suppressAll || request.suppressRules.length > 0;
  if (recording) {
    const rules = request.suppressAll ? scope.rules : new Set(request.suppressRules.map((rule) => rule.id));
    suppressions = recordSuppressions(suppressions, findings, keyOf, { files: scope.files, rules });
  }
  const outcome = applyBulkSuppressions(findings, suppressions, keyOf, scope);
  if (request.prune) suppressions = pruneSuppressions(suppressions, outcome.unused);
  else if (outcome.unused.length > 0) {
    notes.push(`${plural(outcome.unused.length, 'count')} in ${shown} ${outcome.unused.length === 1 ? 'is' : 'are'} higher than the findings now: sapready check --prune-suppressions lowers ${outcome.unused.length === 1 ? 'it' : 'them'}.`);
  }
  if (recording || request.prune) {
    writeSuppressions(file, shown, suppressions);
    const files = Object.values(suppressions).filter((rules) => Object.keys(rules).length > 0);
    notes.push(`${recording ? 'Recorded' : 'Pruned'} ${shown}: ${plural(countOf(suppressions), 'finding')} suppressed in ${plural(files.length, 'file')}.`);
  }
  return { findings: outcome.findings, suppressedCount: outcome.suppressedCount, notes };
}

function readSuppressions(file: string, shown: string): BulkSuppressions {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats) return {};
  if (!stats.isFile()) throw new UsageError(`The suppressions file ${shown} is not a regular file.`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the suppressions file ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const parsed = parseBulkSuppressions(text);
  if (!parsed.ok) throw new UsageError(`Invalid suppressions file ${shown}: ${parsed.message}.`);
  return parsed.suppressions;
}

function writeSuppressions(file: string, shown: string, suppressions: BulkSuppressions): void {
  const stats = lstatSync(file, { throwIfNoEntry: false });
  if (stats && !stats.isFile()) throw new UsageError(`The suppressions file ${shown} is not a regular file; it is not replaced.`);
  writeFileAtomically(file, serializeBulkSuppressions(suppressions));
}

function countOf(suppressions: BulkSuppressions): number {
  return Object.values(suppressions).reduce((sum, rules) => sum + Object.values(rules).reduce((inFile, { count }) => inFile + count, 0), 0);
}
