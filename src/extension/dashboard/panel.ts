import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { version } from '../../../package.json';
import { formatDay } from '../../core/dates';
import type { Range } from '../../core/landscape/text';
import { formatHtml } from '../../core/report/html';
import { formatMarkdown } from '../../core/report/markdown';
import { buildReadinessModel, type ReadinessModel } from '../../core/report/readiness-model';
import { RULES } from '../../core/rules/registry';
import { DASHBOARD_COMMANDS } from '../commands';
import type { CheckSnapshot, LandscapeWorkspace } from '../landscapeWorkspace';
import { parsePageMessage, type HostMessage, type PageMessage, type ReportFormat } from './protocol';

const DASHBOARD_VIEW_TYPE = 'sapReadiness.dashboard';

/** What the host tests reach: the page's DOM is not reachable through the API, the messages are. */
export interface DashboardApi {
  readonly isOpen: boolean;
  /** The model last posted to the open panel's page, and its revision; undefined once the panel closes. */
  readonly lastPosted: { revision: number; model: ReadinessModel } | undefined;
  /** The page's HTML (to check its Content-Security-Policy). */
  readonly html: string | undefined;
  /** Resolves with the first model posted after `revision`. */
  whenPosted(afterRevision: number): Promise<{ revision: number; model: ReadinessModel }>;
  /** Handles a message as if the page had sent it (validated like one). */
  receive(message: unknown): Promise<void>;
  /** Writes a report without asking where. */
  exportReport(format: ReportFormat, target: vscode.Uri): Promise<void>;
}

/**
 * The readiness dashboard: one webview panel over the workspace's check results. It follows
 * every check (no reload button), reveals findings in the editor, exports reports, and comes
 * back after a window reload through its serializer.
 */
class Dashboard implements DashboardApi, vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private revision = 0;
  private posted: { revision: number; model: ReadinessModel } | undefined;
  private readonly postedEmitter = new vscode.EventEmitter<{ revision: number; model: ReadinessModel }>();
  private readonly root: vscode.Uri;
  html: string | undefined;

  constructor(
    context: vscode.ExtensionContext,
    private readonly workspace: LandscapeWorkspace,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.root = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  get lastPosted(): { revision: number; model: ReadinessModel } | undefined {
    return this.posted;
  }

  open(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'SAP Readiness', vscode.ViewColumn.Active, this.webviewOptions());
    this.attach(panel);
  }

  /** Serializer: the panel was open before the window reloaded; the page restores its own view state. */
  restore(panel: vscode.WebviewPanel): void {
    if (this.panel) this.panel.dispose();
    panel.webview.options = this.webviewOptions();
    this.attach(panel);
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    // Scripts only from the built front end, nothing else loadable.
    return { enableScripts: true, localResourceRoots: [this.root], enableFindWidget: true };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.html = this.pageHtml(panel.webview);
    panel.webview.html = this.html;
    // Each panel cleans up only what is its own: a late dispose of a replaced panel must not
    // detach the panel that replaced it (restore after a reload).
    const own: vscode.Disposable[] = [
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      this.workspace.onDidCheck((snapshot) => void this.post(snapshot)),
    ];
    own.push(
      panel.onDidDispose(() => {
        own.forEach((disposable) => disposable.dispose());
        if (this.panel === panel) {
          this.panel = undefined;
          this.posted = undefined;
        }
      }),
    );
    // No post here: the page cannot take a message before its script runs, and it asks with `ready`.
  }

  async receive(data: unknown): Promise<void> {
    const message = parsePageMessage(data);
    if (!message) {
      this.log.warn(`Dashboard: ignored a message that is not one the page sends: ${safeDescribe(data)}`);
      return;
    }
    try {
      await this.handle(message);
    } catch (error) {
      this.log.error(`Dashboard: ${message.type} failed: ${String(error)}`);
      void vscode.window.showErrorMessage(`SAP Readiness: ${String(error instanceof Error ? error.message : error)}`);
    }
  }

  private async handle(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.post(this.workspace.snapshot ?? (await this.workspace.whenChecked()));
        return;
      case 'reveal':
        await this.reveal(message.path, message.range);
        return;
      case 'export':
        await this.exportWithDialog(message.format);
        return;
    }
  }

  private async post(snapshot: CheckSnapshot): Promise<void> {
    // A hidden panel's page is gone (no retainContextWhenHidden); shown again, it reloads and asks with `ready`.
    if (!this.panel?.visible) return;
    const model = modelOf(snapshot);
    const message: HostMessage = { type: 'model', revision: ++this.revision, model };
    this.posted = { revision: message.revision, model };
    this.postedEmitter.fire(this.posted);
    await this.panel.webview.postMessage(message);
  }

  whenPosted(afterRevision: number): Promise<{ revision: number; model: ReadinessModel }> {
    if (this.posted && this.posted.revision > afterRevision) return Promise.resolve(this.posted);
    return new Promise((resolve) => {
      const subscription = this.postedEmitter.event((posted) => {
        if (posted.revision <= afterRevision) return;
        subscription.dispose();
        resolve(posted);
      });
    });
  }

  /** Opens a checked file at the range; other paths are refused (the page names only checked files). */
  private async reveal(path: string, range: Range): Promise<void> {
    const known = this.workspace.snapshot?.files.some((file) => file.path === path);
    if (!known) {
      this.log.warn(`Dashboard: not revealing ${path}: not a checked landscape file.`);
      return;
    }
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(path));
    const besidePanel = vscode.window.visibleTextEditors.find((editor) => editor.viewColumn !== undefined && editor.viewColumn !== this.panel?.viewColumn)?.viewColumn;
    await vscode.window.showTextDocument(document, { selection, viewColumn: besidePanel ?? vscode.ViewColumn.Beside, preserveFocus: false });
    vscode.window.activeTextEditor?.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  async exportWithDialog(format?: ReportFormat): Promise<void> {
    const snapshot = await this.workspace.whenChecked();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const today = formatDay(snapshot.options.today);
    const name = `landscape-readiness-${today}.${format === 'markdown' ? 'md' : 'html'}`;
    const filters: Record<string, string[]> =
      format === 'markdown' ? { 'Markdown report': ['md'] } : format === 'html' ? { 'HTML report': ['html'] } : { 'HTML report': ['html'], 'Markdown report': ['md'] };
    const target = await vscode.window.showSaveDialog({ title: 'Export readiness report', defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined, filters, saveLabel: 'Export' });
    if (!target) return;
    const chosen = format ?? (/\.(md|markdown)$/i.test(target.path) ? 'markdown' : 'html');
    await this.exportReport(chosen, target);
    const open = await vscode.window.showInformationMessage(`SAP Readiness: report written to ${vscode.workspace.asRelativePath(target)}.`, 'Open');
    if (open) await vscode.commands.executeCommand('vscode.open', target);
  }

  async exportReport(format: ReportFormat, target: vscode.Uri): Promise<void> {
    const snapshot = await this.workspace.whenChecked();
    const text = renderReport(format, snapshot);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    this.log.info(`Dashboard: wrote the ${format} report to ${target.toString()}.`);
  }

  private pageHtml(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const asset = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(this.root, name)).toString();
    const source = webview.cspSource;
    return [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="UTF-8">',
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${source}; font-src ${source}; img-src ${source}; script-src 'nonce-${nonce}';">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
      `<link rel="stylesheet" href="${asset('codicon.css')}" id="vscode-codicon-stylesheet">`,
      `<link rel="stylesheet" href="${asset('dashboard.css')}">`,
      '<title>SAP Readiness</title>',
      '</head>',
      '<body>',
      '<main id="app" aria-live="polite"><p class="loading">Checking the landscape…</p></main>',
      `<script nonce="${nonce}" src="${asset('dashboard.js')}"></script>`,
      '</body>',
      '</html>',
    ].join('\n');
  }

  dispose(): void {
    this.panel?.dispose();
    this.postedEmitter.dispose();
  }
}

/** The model as the editor shows it: paths relative to the workspace, today's options file. */
function modelOf(snapshot: CheckSnapshot): ReadinessModel {
  return buildReadinessModel({
    files: snapshot.files,
    findings: snapshot.findings,
    options: snapshot.options,
    readiness: snapshot.readiness,
    toolVersion: version,
    optionsPath: snapshot.options.sourcePath ? vscode.workspace.asRelativePath(snapshot.options.sourcePath) : undefined,
    displayPath,
    bulkSuppressed: snapshot.bulkSuppressed,
  });
}

function displayPath(path: string): string {
  try {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(path, true));
  } catch {
    return path;
  }
}

function renderReport(format: ReportFormat, snapshot: CheckSnapshot): string {
  const model = modelOf(snapshot);
  if (format === 'html') return formatHtml(model);
  return formatMarkdown({
    findings: snapshot.findings.map((finding) => ({ ...finding, path: displayPath(finding.path) })),
    paths: snapshot.files.map((file) => displayPath(file.path)),
    systemCount: model.summary.systems,
    rules: RULES,
    today: model.today,
    optionsPath: model.optionsPath,
    toolVersion: version,
    readiness: model,
  });
}

function safeDescribe(data: unknown): string {
  try {
    return JSON.stringify(data)?.slice(0, 200) ?? String(data);
  } catch {
    return typeof data;
  }
}

/** Registers the dashboard's commands and serializer; returns the test API. */
export function registerDashboard(context: vscode.ExtensionContext, workspace: LandscapeWorkspace, log: vscode.LogOutputChannel): DashboardApi {
  const dashboard = new Dashboard(context, workspace, log);
  context.subscriptions.push(
    dashboard,
    vscode.commands.registerCommand(DASHBOARD_COMMANDS.openDashboard.id, () => dashboard.open()),
    vscode.commands.registerCommand(DASHBOARD_COMMANDS.exportReport.id, () => dashboard.exportWithDialog()),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => dashboard.restore(panel),
    }),
  );
  return dashboard;
}
