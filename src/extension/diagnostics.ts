import * as vscode from 'vscode';
import { sapNoteUrl } from '../core/catalog';
import type { OptionsFileProblem } from '../core/config/load';
import type { Finding, Severity } from '../core/findings';
import type { Range } from '../core/landscape/text';
import { COMMANDS } from './commands';

const DIAGNOSTIC_SOURCE = 'sapready';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Where a rule id in the Problems view links to: the SAP Note behind it, or the rule's documentation. */
function ruleLinkTarget(ruleId: string, notes: readonly string[]): vscode.Uri {
  if (notes.length > 0) return vscode.Uri.parse(sapNoteUrl(notes[0]));
  return vscode.Uri.parse(`command:${COMMANDS.showRuleDocumentation.id}?${encodeURIComponent(JSON.stringify([ruleId]))}`);
}

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const notes = finding.notes.length > 0 ? ` (SAP Note ${finding.notes.join(', ')})` : '';
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), `${finding.message}${notes}`, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: ruleLinkTarget(finding.ruleId, finding.notes) };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map(
      (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.parse(related.path), toRange(related.range)), related.message),
    );
  }
  return diagnostic;
}

export function optionsFileDiagnostic(problem: OptionsFileProblem): vscode.Diagnostic {
  const position = new vscode.Position(problem.line - 1, problem.column - 1);
  const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position.translate(0, 1)), `${problem.message} The defaults apply until this is fixed.`, vscode.DiagnosticSeverity.Error);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = 'options-file';
  return diagnostic;
}

/** The finding a diagnostic shows (diagnostics reach code-action providers as copies). */
export function findingOf(diagnostic: vscode.Diagnostic, findings: readonly Finding[]): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const ruleId = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return findings.find(
    (finding) =>
      finding.ruleId === ruleId &&
      finding.range.start.line === diagnostic.range.start.line &&
      finding.range.start.character === diagnostic.range.start.character &&
      finding.range.end.line === diagnostic.range.end.line &&
      finding.range.end.character === diagnostic.range.end.character &&
      diagnostic.message.startsWith(finding.message),
  );
}
