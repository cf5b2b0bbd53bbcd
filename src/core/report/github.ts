import type { Severity } from '../findings';
import { findingNoteUrls, summaryLine, type ReportInput } from './summary';
import { printable } from './text';

/** GitHub's annotation commands: error, warning and notice. */
const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands: a step that prints `::error file=...,line=...::message`
 * gets an annotation on that line of the pull request's diff. The summary line is printed as
 * is, for the step's log.
 */
export function formatGithub(input: ReportInput): string {
  const lines = input.findings.map((finding) => {
    const properties = [
      `title=${escapeProperty(`sapready ${finding.ruleId}`)}`,
      `file=${escapeProperty(finding.path)}`,
      `line=${finding.range.start.line + 1}`,
      `endLine=${finding.range.end.line + 1}`,
      `col=${finding.range.start.character + 1}`,
      `endColumn=${finding.range.end.character + 1}`,
    ];
    const link = findingNoteUrls(finding)[0];
    return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(link ? `${finding.message}\n${link}` : finding.message)}`;
  });
  lines.push(summaryLine(input));
  return lines.join('\n') + '\n';
}

/**
 * The runner reads a command up to the end of the line and decodes %25, %0D and %0A in its
 * message, so line feeds stay (encoded). Other control characters are first replaced as in the text
 * report, since the log renders terminal escape sequences.
 */
function escapeData(text: string): string {
  const shown = text.split('\n').map(printable).join('\n');
  return shown.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** In properties `:` ends the list and `,` separates properties, so they are encoded too. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
