import { sapNoteUrl } from '../catalog';
import type { Finding } from '../findings';
import { countBySeverity, summaryLine, type ReportInput } from './summary';

/** A Markdown report to paste into a change request or a pull-request comment. */
export function formatMarkdown(input: ReportInput): string {
  const counts = countBySeverity(input.findings);
  const out: string[] = [
    '# SAP landscape readiness',
    '',
    `Checked on ${input.today}${input.optionsPath ? ` with options from \`${cell(input.optionsPath)}\`` : ' with default options'} by sapready ${input.toolVersion}.`,
    '',
    summaryLine(input),
    '',
    '| Errors | Warnings | Infos | Files | Systems |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${counts.error} | ${counts.warning} | ${counts.info} | ${input.paths.length} | ${input.systemCount} |`,
  ];
  for (const path of input.paths) {
    const findings = input.findings.filter((finding) => finding.path === path);
    if (findings.length === 0) continue;
    out.push('', `## ${cell(path)}`, '', '| Line | Severity | System | Rule | Finding | SAP Notes |', '| ---: | --- | --- | --- | --- | --- |');
    for (const finding of findings) out.push(row(finding));
  }
  return out.join('\n') + '\n';
}

function row(finding: Finding): string {
  const notes = finding.notes.map((note) => `[${note}](${sapNoteUrl(note)})`).join(', ');
  return `| ${finding.range.start.line + 1} | ${finding.severity} | ${finding.sid ?? ''} | \`${finding.ruleId}\` | ${cell(finding.message)} | ${notes} |`;
}

/** Text inside a table cell: pipes, backticks and line breaks would break the table. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;');
}
