import { countBySeverity } from '../findings';
import { findingNoteUrls, summaryLine, type ReportInput } from './summary';

export interface TextStyle {
  color: boolean;
}

/** Landscape text may hold control characters (ESC sequences would drive the reader's terminal). */
export function printable(text: string): string {
  // Control characters (escape sequences), line breaks of any kind and bidi controls: a value
  // must not start a line of its own, repaint the terminal or reorder what is shown around it.
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, '\uFFFD');
}

const COLORS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', dim: '\u001b[2m', reset: '\u001b[0m' };

/**
 * One line per finding, `path:line:col  severity  message  rule-id  note-link`, so terminals
 * and editors make the location clickable and grep finds the rule; a summary line last.
 */
export function formatText(input: ReportInput, style: TextStyle): string {
  const paint = (color: keyof typeof COLORS, text: string): string => (style.color ? `${COLORS[color]}${text}${COLORS.reset}` : text);
  const lines: string[] = [];
  for (const finding of input.findings) {
    const where = `${printable(finding.path)}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    const link = findingNoteUrls(finding)[0];
    lines.push(`${where}  ${paint(finding.severity, finding.severity.padEnd(7))}  ${printable(finding.message)}  ${paint('dim', finding.ruleId)}${link ? `  ${paint('dim', link)}` : ''}`);
  }
  const counts = countBySeverity(input.findings);
  const summary = summaryLine(input);
  lines.push(input.findings.length === 0 ? summary : paint(counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'info', summary));
  return lines.join('\n') + '\n';
}
