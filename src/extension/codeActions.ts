import * as vscode from 'vscode';
import { sapNoteUrl } from '../core/catalog';
import { disableRuleEdit } from '../core/config/suppressions';
import { chooseFixes } from '../core/fix';
import type { Finding, TextEdit } from '../core/findings';
import { findingOf } from './diagnostics';
import type { LandscapeWorkspace } from './landscapeWorkspace';

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('sapready');

/**
 * Quick fixes from the engine's fixes, "disable for this line / file", "Open SAP Note", and a
 * source action that applies every safe fix at once. Edits are computed on the text the engine
 * checked; if the editor holds newer text, fixes wait for the next check rather than misapply.
 */
export class LandscapeCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly workspace: LandscapeWorkspace) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const file = this.workspace.file(document.uri);
    const findings = this.workspace.snapshot?.findingsByUri.get(document.uri.toString()) ?? [];
    if (!file || file.text !== document.getText()) return [];
    const wants = (kind: vscode.CodeActionKind): boolean => !context.only || context.only.contains(kind) || kind.contains(context.only);
    const actions: vscode.CodeAction[] = [];
    if (wants(FIX_ALL_KIND) && context.only) {
      const fixAll = this.fixAll(document, findings);
      if (fixAll) actions.push(fixAll);
      return actions;
    }
    if (!wants(vscode.CodeActionKind.QuickFix)) return actions;
    const seenRules = new Set<string>();
    const seenNotes = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      const finding = findingOf(diagnostic, findings);
      if (!finding) continue;
      finding.fixes.forEach((fix, index) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = workspaceEdit(document, fix.edits);
        action.diagnostics = [diagnostic];
        action.isPreferred = index === 0;
        actions.push(action);
      });
      if (!seenRules.has(finding.ruleId)) {
        seenRules.add(finding.ruleId);
        for (const scope of ['line', 'file'] as const) {
          const action = new vscode.CodeAction(`Disable ${finding.ruleId} for this ${scope}`, vscode.CodeActionKind.QuickFix);
          action.edit = workspaceEdit(document, [disableRuleEdit(file.text, file.lines, finding.ruleId, finding.range.start.line, scope)]);
          action.diagnostics = [diagnostic];
          actions.push(action);
        }
      }
      for (const note of finding.notes) {
        if (seenNotes.has(note)) continue;
        seenNotes.add(note);
        const action = new vscode.CodeAction(`Open SAP Note ${note}`, vscode.CodeActionKind.QuickFix);
        action.command = { command: 'vscode.open', title: `Open SAP Note ${note}`, arguments: [vscode.Uri.parse(sapNoteUrl(note))] };
        actions.push(action);
      }
    }
    if (findings.some((finding) => finding.fixes.length > 0)) {
      const fixAll = this.fixAll(document, findings);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }

  /** The first fix of every finding, skipping any whose edits overlap an earlier one's (as `sapready check --fix`). */
  private fixAll(document: vscode.TextDocument, findings: readonly Finding[]): vscode.CodeAction | undefined {
    const { edits } = chooseFixes(findings);
    if (edits.length === 0) return undefined;
    const action = new vscode.CodeAction('Fix all auto-fixable landscape problems', FIX_ALL_KIND);
    action.edit = workspaceEdit(document, edits);
    return action;
  }
}

export function workspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
  return edit;
}
