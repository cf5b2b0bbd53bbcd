import * as vscode from 'vscode';
import { sapNote, sapNoteUrl } from '../core/catalog';
import { findRule, RULES } from '../core/rules/registry';

export const RULE_DOCUMENTATION_SCHEME = 'sapready-rule';

/** Read-only Markdown pages, one per rule, at `sapready-rule:/<id>.md`. */
export class RuleDocumentation implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const rule = findRule(id);
    if (!rule) return `# Unknown rule ${id}\n\nKnown rules: ${RULES.map((known) => known.id).join(', ')}\n`;
    const notes = rule.notes.map((note) => `- [SAP Note ${note}](${sapNoteUrl(note)})${sapNote(note) ? `: ${sapNote(note)?.title}` : ''}`).join('\n');
    const defaults = Object.keys(rule.defaults).length > 0 ? `\n## Options and defaults\n\n\`\`\`json\n${JSON.stringify(rule.defaults, null, 2)}\n\`\`\`\n` : '';
    return `# ${rule.id}\n\n${rule.title}\n\nDefault severity: **${rule.defaultSeverity}**${rule.fixable ? ', with a fix' : ''}\n\n${rule.description}\n${notes ? `\n## SAP Notes\n\n${notes}\n` : ''}${defaults}\nSilence it on one line with \`# sapready-disable-next-line ${rule.id}\`, in a file with \`# sapready-disable ${rule.id}\`, or set its severity in \`.sapready.yaml\` or the \`sapReadiness.rules\` setting.\n`;
  }
}

export async function showRuleDocumentation(ruleId?: string): Promise<void> {
  const id =
    ruleId ??
    (await vscode.window.showQuickPick(
      RULES.map((rule) => ({ label: rule.id, description: rule.defaultSeverity, detail: rule.title })),
      { title: 'Show Rule Documentation', matchOnDetail: true },
    ))?.label;
  if (!id) return;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: RULE_DOCUMENTATION_SCHEME, path: `/${id}.md` }));
  await vscode.commands.executeCommand('markdown.showPreview', document.uri).then(undefined, () => vscode.window.showTextDocument(document, { preview: true }));
}
