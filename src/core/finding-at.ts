import type { Finding } from './findings';
import type { LandscapeFile } from './landscape/file';
import type { Span } from './landscape/text';

export type FindingInit = Pick<Finding, 'ruleId' | 'severity' | 'message' | 'notes'> & Partial<Pick<Finding, 'related' | 'fixes' | 'sid'>>;

/**
 * Builds a Finding at a span of a parsed file, in the same shape the engine produces, for
 * checks that run outside the rule loop (the live checks of `sapready verify`). Returns
 * undefined when a suppression comment in the file turns the rule off at that line.
 */
export function findingAt(file: LandscapeFile, at: Span, init: FindingInit): Finding | undefined {
  const range = file.lines.rangeOf(at);
  if (file.suppressions.isSuppressed(init.ruleId, range.start.line)) return undefined;
  return {
    ruleId: init.ruleId,
    severity: init.severity,
    message: init.message,
    path: file.path,
    span: { start: at.start, end: at.end },
    range,
    notes: init.notes,
    related: init.related ?? [],
    fixes: init.fixes ?? [],
    ...(init.sid ? { sid: init.sid } : {}),
  };
}
