import * as vscode from 'vscode';
import { sapNote, sapNoteUrl } from '../core/catalog';
import { findNoteMentions, noteMentionCandidates } from '../core/catalog/mentions';
import { findRule } from '../core/rules/registry';
import type { LandscapeWorkspace } from './landscapeWorkspace';

/** Hovers and links for SAP Note numbers, and hovers for rule ids in suppression comments. */
export class NoteLinks implements vscode.HoverProvider, vscode.DocumentLinkProvider {
  constructor(private readonly workspace: LandscapeWorkspace) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const line = document.lineAt(position.line).text;
    const mention = findNoteMentions(line).find((found) => found.start <= position.character && position.character <= found.end);
    if (mention) {
      const range = new vscode.Range(position.line, mention.start, position.line, mention.end);
      return new vscode.Hover(noteMarkdown(mention.note), range);
    }
    return this.ruleHover(document, position);
  }

  private ruleHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const file = this.workspace.file(document.uri);
    if (!file || file.text !== document.getText()) return undefined;
    const offset = document.offsetAt(position);
    const directive = file.suppressions.directives.find((found) => found.idsStart <= offset && offset <= found.idsEnd);
    if (!directive) return undefined;
    const wordRange = document.getWordRangeAtPosition(position, /[a-z0-9-]+/);
    const rule = wordRange && findRule(document.getText(wordRange));
    if (!rule || !wordRange) return undefined;
    const markdown = new vscode.MarkdownString(`**${rule.id}** (${rule.defaultSeverity}): ${rule.title}\n\n${rule.description}`);
    for (const note of rule.notes) markdown.appendMarkdown(`\n\n[SAP Note ${note}](${sapNoteUrl(note)})`);
    return new vscode.Hover(markdown, wordRange);
  }

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const links: vscode.DocumentLink[] = [];
    let lastLine = -1;
    for (const offset of noteMentionCandidates(document.getText())) {
      const line = document.positionAt(offset).line;
      if (line === lastLine) continue;
      lastLine = line;
      for (const mention of findNoteMentions(document.lineAt(line).text)) {
        const link = new vscode.DocumentLink(new vscode.Range(line, mention.start, line, mention.end), vscode.Uri.parse(sapNoteUrl(mention.note)));
        link.tooltip = `Open SAP Note ${mention.note}`;
        links.push(link);
      }
    }
    return links;
  }
}

function noteMarkdown(note: string): vscode.MarkdownString {
  const known = sapNote(note);
  const title = known ? `: ${known.title}` : '';
  const about = known ? `\n\n${known.about}` : '';
  return new vscode.MarkdownString(`**SAP Note ${note}**${title}${about}\n\n[Open SAP Note ${note}](${sapNoteUrl(note)})`);
}
