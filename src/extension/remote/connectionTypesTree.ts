import * as vscode from 'vscode';
import { connectionCategories, connectionTypes, sapNoteUrl, type ConnectionCategory, type ConnectionType } from '../../core/catalog';
import { planKindOf, type ConnectOptions } from '../../core/connect';

export type ConnectionTypeNode = { kind: 'category'; category: ConnectionCategory } | { kind: 'type'; type: ConnectionType };

const ACTIONS: Record<string, string> = {
  'shortcut-file': 'opens a SAP GUI shortcut',
  terminal: 'runs a client in a terminal',
  url: 'opens the URL',
  uri: 'opens a vnc:// URI',
  'rdp-file': 'opens a Remote Desktop file',
  clipboard: 'copies the connection string',
  'note-and-details': 'shows the SAP Note and host details',
};

/** The connection types of SAP's remote-support page, by the page's categories, with a filter. */
export class ConnectionTypesTree implements vscode.TreeDataProvider<ConnectionTypeNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterText = '';

  /** `options` are the launch settings: with sapshcut set, SAP GUI types run a program instead of opening a shortcut. */
  constructor(private readonly options: () => ConnectOptions) {}

  /** Redraws the tooltips after the launch settings changed. */
  refresh(): void {
    this.changed.fire();
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    this.changed.fire();
  }

  matches(type: ConnectionType): boolean {
    if (!this.filterText) return true;
    const needle = this.filterText.toLowerCase();
    return [type.id, type.name, type.description, ...type.notes].some((text) => text.toLowerCase().includes(needle));
  }

  /** Types shown now, for the view's message. */
  visibleTypes(): ConnectionType[] {
    return connectionTypes.filter((type) => this.matches(type));
  }

  getChildren(node?: ConnectionTypeNode): ConnectionTypeNode[] {
    if (!node) {
      return connectionCategories
        .filter((category) => connectionTypes.some((type) => type.category === category.id && this.matches(type)))
        .map((category) => ({ kind: 'category', category }));
    }
    if (node.kind === 'type') return [];
    return connectionTypes.filter((type) => type.category === node.category.id && this.matches(type)).map((type) => ({ kind: 'type', type }));
  }

  getParent(node: ConnectionTypeNode): ConnectionTypeNode | undefined {
    if (node.kind === 'category') return undefined;
    const category = connectionCategories.find((candidate) => candidate.id === node.type.category);
    return category && { kind: 'category', category };
  }

  getTreeItem(node: ConnectionTypeNode): vscode.TreeItem {
    if (node.kind === 'category') {
      const item = new vscode.TreeItem(node.category.title, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `category:${node.category.id}`;
      item.contextValue = 'connectionCategory';
      return item;
    }
    const type = node.type;
    const item = new vscode.TreeItem(type.name, vscode.TreeItemCollapsibleState.None);
    item.id = `type:${type.id}`;
    item.iconPath = new vscode.ThemeIcon(type.codicon);
    item.description = `${type.notes.length ? `SAP Note ${type.notes.join(', ')} · ` : ''}${type.description}`;
    const tooltip = new vscode.MarkdownString(`**${type.name}** (\`${type.id}\`)\n\n${type.description}\n\n`);
    tooltip.appendMarkdown(type.notes.length ? type.notes.map((note) => `SAP Note [${note}](${sapNoteUrl(note)})`).join(', ') : 'No SAP Note on SAP\'s page.');
    tooltip.appendMarkdown(`\n\nOpen connection: ${ACTIONS[planKindOf(type.id, this.options())]}.`);
    item.tooltip = tooltip;
    item.contextValue = type.notes.length ? 'connectionType.withNote' : 'connectionType';
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
