import type { Finding, Severity } from '../findings';

/**
 * Bulk suppressions, as ESLint keeps them (`eslint-suppressions.json`): per file and rule, how
 * many findings existed when they were recorded. Counts rather than lines, so an edit elsewhere
 * in the file does not bring old findings back. File keys are paths relative to the folder of
 * the suppressions file, with forward slashes, so the file means the same from any working
 * folder and on any system.
 */
export type BulkSuppressions = Record<string, Record<string, { count: number }>>;

/** The default file name, looked for beside the options file. */
export const BULK_SUPPRESSIONS_FILE_NAME = 'sapready-suppressions.json';

/**
 * Only findings that can fail a run are recorded: errors, and warnings (which fail it under
 * `--max-warnings`). ESLint records errors only, since its warnings never fail a run.
 */
const RECORDED_SEVERITIES: ReadonlySet<Severity> = new Set(['error', 'warning']);

export type ParsedBulkSuppressions = { ok: true; suppressions: BulkSuppressions } | { ok: false; message: string };

export function parseBulkSuppressions(text: string): ParsedBulkSuppressions {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not JSON (${(error as Error).message})` };
  }
  if (!isPlainObject(value)) return { ok: false, message: 'expected an object of file paths' };
  const suppressions: BulkSuppressions = emptyRecord();
  for (const [path, rules] of Object.entries(value)) {
    if (!isPlainObject(rules)) return { ok: false, message: `"${path}" must map rule ids to { "count": n }` };
    const entry: Record<string, { count: number }> = emptyRecord();
    for (const [ruleId, recorded] of Object.entries(rules)) {
      const count = isPlainObject(recorded) ? recorded.count : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return { ok: false, message: `"${path}" › "${ruleId}" must be { "count": n } with a whole number n of at least 1` };
      entry[ruleId] = { count };
    }
    suppressions[path] = entry;
  }
  return { ok: true, suppressions };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sorted keys, so that the file changes only where the counts change and diffs stay small. */
export function serializeBulkSuppressions(suppressions: BulkSuppressions): string {
  const sorted: BulkSuppressions = emptyRecord();
  for (const path of Object.keys(suppressions).sort()) {
    const rules = suppressions[path];
    const ruleIds = Object.keys(rules).sort();
    if (ruleIds.length === 0) continue;
    sorted[path] = Object.assign(emptyRecord<{ count: number }>(), ...ruleIds.map((ruleId) => ({ [ruleId]: { count: rules[ruleId].count } })));
  }
  return JSON.stringify(sorted, null, 2) + '\n';
}

/** Which part of the suppressions a run can judge: the files it checked and the rules it ran. */
export interface SuppressionScope {
  /** Suppression keys of the files checked. */
  files: ReadonlySet<string>;
  /** Rule ids that ran; undefined for every rule. */
  rules?: ReadonlySet<string>;
}

/** A recorded count larger than what occurs now: `--prune-suppressions` would lower it. */
export interface UnusedSuppression {
  file: string;
  ruleId: string;
  recorded: number;
  occurring: number;
}

export interface BulkSuppressionOutcome {
  /** The findings to report. */
  findings: Finding[];
  /** How many findings the recorded counts hid. */
  suppressedCount: number;
  unused: UnusedSuppression[];
}

/**
 * Hides the findings of a file and rule while there are no more of them than recorded. When
 * there are more, all of them are reported, as ESLint does: which of them is the new one
 * cannot be told from a count.
 */
export function applyBulkSuppressions(findings: readonly Finding[], suppressions: BulkSuppressions, keyOf: (path: string) => string, scope: SuppressionScope): BulkSuppressionOutcome {
  const occurring = countRecordable(findings, keyOf);
  const kept: Finding[] = [];
  let suppressedCount = 0;
  for (const finding of findings) {
    const key = keyOf(finding.path);
    const recorded = suppressions[key]?.[finding.ruleId]?.count;
    if (recorded !== undefined && RECORDED_SEVERITIES.has(finding.severity) && (occurring.get(key)?.get(finding.ruleId) ?? 0) <= recorded) suppressedCount++;
    else kept.push(finding);
  }
  const unused: UnusedSuppression[] = [];
  forEachInScope(suppressions, scope, (file, ruleId, recorded) => {
    const now = occurring.get(file)?.get(ruleId) ?? 0;
    if (now < recorded) unused.push({ file, ruleId, recorded, occurring: now });
  });
  return { findings: kept, suppressedCount, unused };
}

/**
 * `--suppress-all` (no rule ids) and `--suppress-rule`: the counts of today's findings for the
 * checked files and the chosen rules replace what was recorded for them; entries for other
 * files and rules stay.
 */
export function recordSuppressions(existing: BulkSuppressions, findings: readonly Finding[], keyOf: (path: string) => string, scope: SuppressionScope): BulkSuppressions {
  const updated = copy(existing);
  forEachInScope(existing, scope, (file, ruleId) => delete updated[file][ruleId]);
  for (const [file, rules] of countRecordable(findings, keyOf)) {
    if (!scope.files.has(file)) continue;
    for (const [ruleId, count] of rules) {
      if (scope.rules && !scope.rules.has(ruleId)) continue;
      (updated[file] ??= emptyRecord())[ruleId] = { count };
    }
  }
  return updated;
}

/** `--prune-suppressions`: counts larger than what occurs now are lowered, entries that no longer occur dropped. */
export function pruneSuppressions(existing: BulkSuppressions, unused: readonly UnusedSuppression[]): BulkSuppressions {
  const pruned = copy(existing);
  for (const entry of unused) {
    if (entry.occurring === 0) delete pruned[entry.file][entry.ruleId];
    else pruned[entry.file][entry.ruleId] = { count: entry.occurring };
  }
  return pruned;
}

function countRecordable(findings: readonly Finding[], keyOf: (path: string) => string): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const finding of findings) {
    if (!RECORDED_SEVERITIES.has(finding.severity)) continue;
    const key = keyOf(finding.path);
    const rules = counts.get(key) ?? new Map<string, number>();
    rules.set(finding.ruleId, (rules.get(finding.ruleId) ?? 0) + 1);
    counts.set(key, rules);
  }
  return counts;
}

function forEachInScope(suppressions: BulkSuppressions, scope: SuppressionScope, visit: (file: string, ruleId: string, recorded: number) => void): void {
  for (const [file, rules] of Object.entries(suppressions)) {
    if (!scope.files.has(file)) continue;
    for (const [ruleId, { count }] of Object.entries(rules)) if (!scope.rules || scope.rules.has(ruleId)) visit(file, ruleId, count);
  }
}

function copy(suppressions: BulkSuppressions): BulkSuppressions {
  const copied: BulkSuppressions = emptyRecord();
  for (const [file, rules] of Object.entries(suppressions)) copied[file] = Object.assign(emptyRecord<{ count: number }>(), rules);
  return copied;
}

/** Keys are file paths and rule ids from the user: a file named `__proto__` must stay a key. */
function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
