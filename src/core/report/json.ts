import { countBySeverity } from '../findings';
import type { ReportInput } from './summary';

/** Machine-readable findings with positions (one-based lines and columns, like the text format). */
export function formatJson(input: ReportInput): string {
  return JSON.stringify(
    {
      tool: { name: 'sapready', version: input.toolVersion },
      today: input.today,
      optionsFile: input.optionsPath ?? null,
      files: input.paths,
      systems: input.systemCount,
      summary: countBySeverity(input.findings),
      bulkSuppressed: input.bulkSuppressed ?? 0,
      findings: input.findings.map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        path: finding.path,
        line: finding.range.start.line + 1,
        column: finding.range.start.character + 1,
        endLine: finding.range.end.line + 1,
        endColumn: finding.range.end.character + 1,
        sid: finding.sid ?? null,
        notes: finding.notes,
        related: finding.related.map((related) => ({ path: related.path, line: related.range.start.line + 1, column: related.range.start.character + 1, message: related.message })),
        fixes: finding.fixes,
      })),
    },
    null,
    2,
  ) + '\n';
}
