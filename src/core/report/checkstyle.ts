import { findingNoteUrls, type ReportInput } from './summary';
import { escapeMarkup } from './xml';

/**
 * Checkstyle XML, which Jenkins (Warnings NG), SonarQube, reviewdog and most CI dashboards
 * read: a `<file>` per checked file (also those without findings, so a reader sees that they
 * were checked) and an `<error>` per finding with line, column, severity, message and the rule
 * as `source`.
 */
export function formatCheckstyle(input: ReportInput): string {
  const byPath = new Map<string, string[]>(input.paths.map((path) => [path, []]));
  for (const finding of input.findings) {
    const link = findingNoteUrls(finding)[0];
    const message = link ? `${finding.message} (${link})` : finding.message;
    const line = `    <error line="${finding.range.start.line + 1}" column="${finding.range.start.character + 1}" severity="${finding.severity}" message="${escapeMarkup(message)}" source="sapready.${escapeMarkup(finding.ruleId)}"/>`;
    const list = byPath.get(finding.path);
    if (list) list.push(line);
    else byPath.set(finding.path, [line]);
  }
  const files = [...byPath].map(([path, errors]) => (errors.length === 0 ? `  <file name="${escapeMarkup(path)}"/>` : `  <file name="${escapeMarkup(path)}">\n${errors.join('\n')}\n  </file>`));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n${files.join('\n')}\n</checkstyle>\n`;
}
