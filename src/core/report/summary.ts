import { countBySeverity, type Finding } from '../findings';
import type { Rule } from '../rules/rule';
import { sapNoteUrl } from '../catalog';
import type { ReadinessModel } from './readiness-model';

/** What every report format is built from: the same data the editor and dashboard show. */
export interface ReportInput {
  findings: readonly Finding[];
  /** Paths of all files checked, including those without findings. */
  paths: readonly string[];
  /** Number of systems declared in the checked files. */
  systemCount: number;
  rules: readonly Rule[];
  /** ISO day the time-dependent rules took as today. */
  today: string;
  optionsPath?: string;
  toolVersion: string;
  /** The readiness model (matrix, RFC timeline, expiries) for the Markdown and HTML reports. */
  readiness?: ReadinessModel;
  /** How many findings the bulk suppressions file hid (they are not in `findings`). */
  bulkSuppressed?: number;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function summaryLine(input: ReportInput): string {
  const counts = countBySeverity(input.findings);
  const files = plural(input.paths.length, 'file');
  const systems = plural(input.systemCount, 'system');
  const suppressed = input.bulkSuppressed ? `; ${input.bulkSuppressed} more suppressed in bulk` : '';
  if (input.findings.length === 0) return `No problems in ${files} (${systems})${suppressed}.`;
  return `${plural(input.findings.length, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}) in ${files} (${systems})${suppressed}.`;
}

/** The page a rule's findings link to: its first SAP Note (rules about the file format have none). */
export function ruleHelpUrl(rule: Pick<Rule, 'notes'>): string | undefined {
  return rule.notes.length > 0 ? sapNoteUrl(rule.notes[0]) : undefined;
}

export function findingNoteUrls(finding: Finding): string[] {
  return finding.notes.map((note) => sapNoteUrl(note));
}
