import { createHash } from 'node:crypto';
import type { Severity } from '../findings';
import { type ReportInput } from './summary';

/** GitLab's Code Quality severities are info, minor, major, critical and blocker. */
const GITLAB_SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * A GitLab Code Quality report (the `codequality` artifact): a JSON array of issues with a
 * description, check_name, fingerprint, severity and location (path, first line). GitLab
 * compares fingerprints between the merge request and its target to show new and fixed
 * problems, so a fingerprint depends on the file, rule and message, never on the line: a
 * finding that moves because lines were added above it keeps it. Identical findings in one file
 * are told apart by their order.
 */
export function formatGitlab(input: ReportInput): string {
  const seen = new Map<string, number>();
  const issues = input.findings.map((finding) => {
    const identity = `${finding.path}\u0000${finding.ruleId}\u0000${finding.message}`;
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return {
      type: 'issue',
      description: finding.notes.length > 0 ? `${finding.message} (SAP Note ${finding.notes.join(', ')})` : finding.message,
      check_name: finding.ruleId,
      fingerprint: createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex'),
      severity: GITLAB_SEVERITY[finding.severity],
      location: { path: finding.path, lines: { begin: finding.range.start.line + 1, end: finding.range.end.line + 1 } },
    };
  });
  return JSON.stringify(issues, null, 2) + '\n';
}
