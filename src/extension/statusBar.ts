import * as vscode from 'vscode';
import { plural } from '../core/report/summary';
import { COMMANDS } from './commands';
import type { CheckSnapshot } from './landscapeWorkspace';

/** The workspace's readiness at a glance; a click shows the landscape problems. */
export class ReadinessStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sapReadiness.status', vscode.StatusBarAlignment.Left, 10);
  private visible = false;

  constructor() {
    this.item.name = 'SAP Landscape Readiness';
    this.item.command = COMMANDS.showProblems.id;
  }

  update(snapshot: CheckSnapshot): void {
    const systems = snapshot.readiness;
    if (snapshot.files.length === 0) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const ready = systems.filter((system) => system.readiness === 'ready').length;
    const notReady = systems.filter((system) => system.readiness === 'not-ready').length;
    const withWarnings = systems.length - ready - notReady;
    const errors = snapshot.findings.filter((finding) => finding.severity === 'error').length;
    const icon = errors > 0 ? '$(error)' : withWarnings > 0 ? '$(warning)' : '$(pass)';
    this.item.text = `${icon} SAP ${ready}/${systems.length} ready${errors > 0 ? ` · ${plural(errors, 'error')}` : ''}`;
    this.item.tooltip = new vscode.MarkdownString(
      `**SAP landscape readiness**\n\n${plural(ready, 'system')} ready, ${withWarnings} with warnings, ${notReady} not ready\n\n` +
        `${plural(errors, 'error')} in ${plural(snapshot.files.length, 'landscape file')}` +
        (snapshot.bulkSuppressed > 0 ? `; ${plural(snapshot.bulkSuppressed, 'finding')} suppressed in bulk (sapready-suppressions.json)` : '') +
        `\n\nClick to show the Problems view; type "sapready" in its filter to see only landscape problems.`,
    );
    this.item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
    this.visible = true;
  }

  /** The text and the tooltip it shows (undefined while hidden: no landscape file). */
  get shown(): { text: string; tooltip: string } | undefined {
    return this.visible ? { text: this.item.text, tooltip: (this.item.tooltip as vscode.MarkdownString).value } : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
