import { sapNoteUrl } from '../catalog';
import { countBySeverity, type Finding } from '../findings';
import { CELL_LABEL, EXPIRY_LABEL, expiryWhat, READINESS_LABEL, rfcStageLabel, scopeColumns, scopeSummary } from './readiness-labels';
import type { ReadinessModel, ScopeFields } from './readiness-model';
import { summaryLine, type ReportInput } from './summary';
import { printable } from './text';

/** A Markdown report to paste into a change request or a pull-request comment. */
export function formatMarkdown(input: ReportInput): string {
  const counts = countBySeverity(input.findings);
  const out: string[] = [
    '# SAP landscape readiness',
    '',
    `Checked on ${input.today}${input.optionsPath ? ` with options from ${code(input.optionsPath)}` : ' with default options'} by sapready ${input.toolVersion}.`,
    '',
    summaryLine(input),
    '',
    '| Errors | Warnings | Infos | Files | Systems |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${counts.error} | ${counts.warning} | ${counts.info} | ${input.paths.length} | ${input.systemCount} |`,
  ];
  if (input.readiness) out.push(...readinessSections(input.readiness));
  const scope = scopeColumns(input.readiness?.scope);
  const files = new Map(input.readiness?.files.map((file) => [file.path, file]));
  for (const path of input.paths) {
    const findings = input.findings.filter((finding) => finding.path === path);
    if (findings.length === 0) continue;
    const file = files.get(path);
    const fileScope = file ? scope.map((column) => column.value(file)).filter(Boolean).join(', ') : '';
    out.push('', `## ${cell(path)}`, '', ...(fileScope ? [`${scope.map((column) => column.title).join(', ')}: ${cell(fileScope)}`, ''] : []), '| Line | Severity | System | Rule | Finding | SAP Notes |', '| ---: | --- | --- | --- | --- | --- |');
    for (const finding of findings) out.push(row(finding));
  }
  return out.join('\n') + '\n';
}

/** Readiness by system, the RFC shutdown timeline and upcoming expiries, before the findings by file. */
function readinessSections(model: ReadinessModel): string[] {
  const { summary } = model;
  // Landscape and customer columns, only when the run has several landscapes or any customer.
  const scope = scopeColumns(model.scope);
  const heads = scope.map((column) => ` ${column.title} |`).join('');
  const rules = scope.map(() => ' --- |').join('');
  const values = (entry: ScopeFields): string => scope.map((column) => ` ${cell(column.value(entry))} |`).join('');
  const out: string[] = [
    '',
    '## Readiness by system',
    '',
    `${scope.length > 0 ? `${scopeSummary(model.scope)}: ` : ''}${summary.ready} ready, ${summary.warnings} with warnings, ${summary.notReady} not ready.`,
  ];
  if (model.systems.length > 0) {
    out.push(
      '',
      `| System |${heads} Product | Role | Readiness | ${model.checks.map((check) => cell(check.title)).join(' | ')} |`,
      `| --- |${rules} --- | --- | --- | ${model.checks.map(() => '---').join(' | ')} |`,
    );
    for (const system of model.systems) {
      const cells = system.cells.map((entry) => {
        const label = CELL_LABEL[entry.state];
        const lines = entry.findings.map((id) => model.findings[id]?.range.start.line + 1).filter((line) => !Number.isNaN(line));
        return lines.length > 0 ? `${label} (line ${[...new Set(lines)].join(', ')})` : label;
      });
      out.push(`| ${cell(system.sid)} |${values(system)} ${cell(system.product ?? '')} | ${cell(system.role ?? '')} | ${READINESS_LABEL[system.readiness]} | ${cells.join(' | ')} |`);
    }
  }
  out.push('', '## RFC shutdown timeline', '');
  if (model.rfcTimeline.length === 0) out.push('No legacy RFC destinations.');
  else {
    out.push(`| System |${heads} Destination | Stage | Deactivated on | May be deleted from | File |`, `| --- |${rules} --- | --- | --- | --- | --- |`);
    for (const entry of model.rfcTimeline) {
      out.push(
        `| ${cell(entry.sid)} |${values(entry)} ${code(entry.destination)} | ${rfcStageLabel(entry)} | ${entry.deactivatedOn ?? ''} | ${entry.removableFrom ?? ''} | ${cell(entry.file)}:${entry.range.start.line + 1} |`,
      );
    }
  }
  out.push('', '## Upcoming expiries', '');
  if (model.expiries.length === 0) out.push('No logon data or open service connections.');
  else {
    out.push(`| System |${heads} What | Expires | Days left | State | File |`, `| --- |${rules} --- | --- | ---: | --- | --- |`);
    for (const entry of model.expiries) {
      out.push(`| ${cell(entry.sid)} |${values(entry)} ${cell(expiryWhat(entry))} | ${cell(entry.date ?? '')} | ${entry.daysLeft ?? ''} | ${EXPIRY_LABEL[entry.state]} | ${cell(entry.file)}:${entry.range.start.line + 1} |`);
    }
  }
  return out;
}

function row(finding: Finding): string {
  const notes = finding.notes.map((note) => `[${note}](${sapNoteUrl(note)})`).join(', ');
  return `| ${finding.range.start.line + 1} | ${finding.severity} | ${cell(finding.sid ?? '')} | ${code(finding.ruleId)} | ${cell(finding.message)} | ${notes} |`;
}

/**
 * Text as inline code in a table cell. Entities do not apply inside code spans, but a table
 * is split into cells before code spans are read, and some renderers take `\\|` as an escaped
 * backslash before a cell border: so backslashes are doubled and pipes escaped, and nothing
 * in a value can end the span early.
 */
function code(text: string): string {
  return `\`${printable(text.replace(/[\r\n]+/g, ' ')).replace(/`/g, "'").replace(/\\/g, '\\\\').replace(/\|/g, '\\|')}\``;
}

/**
 * Text inside a table cell, shown as written: pipes and line breaks would break the table, and a
 * role or user written as `![x](https://...)` or `[click](...)` would render as an image (fetched
 * when the report is opened) or a link, so Markdown's punctuation is escaped and `<` stays no tag.
 * Parentheses stay as they are (without an unescaped `]` before them they make no link), and so
 * does `_` inside a word (SAPNET_RTCC), which never starts emphasis.
 */
function cell(text: string): string {
  return printable(text.replace(/[\r\n]+/g, ' '))
    .replace(/[\\`*[\]!~|&]/g, '\\$&')
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/</g, '&lt;');
}
