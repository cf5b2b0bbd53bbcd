import type { Range, Span } from './landscape/text';

export type Severity = 'error' | 'warning' | 'info';

/** A replacement of the text between two offsets of one file. */
export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface RelatedLocation {
  path: string;
  span: Span;
  range: Range;
  message: string;
}

/**
 * One problem found in a landscape file: everything a face (CLI report, editor diagnostic,
 * dashboard) needs, as plain data, so every face shows the same thing.
 */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  path: string;
  span: Span;
  range: Range;
  /** SAP Notes behind the finding, most relevant first. */
  notes: string[];
  related: RelatedLocation[];
  fixes: Fix[];
  /** SID of the system the finding concerns, when there is one. */
  sid?: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
