import * as vscode from 'vscode';
import { allSapNotes, sapNoteUrl } from '../core/catalog';
import { dayOfTime } from '../core/dates';
import { RULES } from '../core/rules/registry';
import { starterLandscape } from '../core/starter';
import { LandscapeCodeActions } from './codeActions';
import { CATEGORY, COMMANDS, type CommandName } from './commands';
import { registerDashboard, type DashboardApi } from './dashboard/panel';
import { LandscapeWorkspace } from './landscapeWorkspace';
import { LANDSCAPE_DOCUMENTS } from './settings';
import { NoteLinks } from './noteLinks';
import { registerLiveVerification, type LiveVerificationApi } from './live';
import { registerRemoteSupport, type RemoteSupportApi } from './remote';
import { registerSapLogon, type SapLogonApi } from './sapLogon';
import { RULE_DOCUMENTATION_SCHEME, RuleDocumentation, showRuleDocumentation } from './ruleDocumentation';
import { ReadinessStatus } from './statusBar';

/** Set by the bundle's first and last lines (scripts/bundle.mjs): how long loading the code took. */
declare const sapreadyBundleStart: number | undefined;
declare const sapreadyBundleEnd: number | undefined;

/** What the extension offers other extensions and its own integration tests. */
export interface SapReadinessApi {
  workspace: LandscapeWorkspace;
  /** Milliseconds spent evaluating the bundle (its first to its last line). */
  loadMs: number;
  /** Milliseconds spent in `activate` (the workspace scan runs afterwards, in the background). */
  activationMs: number;
  /** The readiness dashboard (its last posted model and simulated page messages, for tests). */
  dashboard: DashboardApi;
  /** Remote support: the two tree views, launch-plan runner, logon depot and test hooks. */
  remote: RemoteSupportApi;
  /** Live verification over RFC: the `sapready-live` diagnostics and test hooks (prompts, RFC connector, trust). */
  live: LiveVerificationApi;
  /** Import from and export to SAP Logon (test hooks for the dialogs). */
  sapLogon: SapLogonApi;
  /** The status bar item: what it shows now. */
  status: ReadinessStatus;
}


/**
 * Activation registers providers and starts the workspace scan without waiting for it, so the
 * editor stays responsive; the first diagnostics follow as soon as the files are read.
 */
export function activate(context: vscode.ExtensionContext): SapReadinessApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('SAP Landscape Readiness', { log: true });
  const diagnostics = vscode.languages.createDiagnosticCollection('sapready');
  const workspace = new LandscapeWorkspace(log, diagnostics);
  const status = new ReadinessStatus();
  const noteLinks = new NoteLinks(workspace);
  context.subscriptions.push(
    log,
    diagnostics,
    workspace,
    status,
    workspace.onDidCheck((snapshot) => status.update(snapshot)),
    vscode.languages.registerCodeActionsProvider(LANDSCAPE_DOCUMENTS, new LandscapeCodeActions(workspace), LandscapeCodeActions.metadata),
    vscode.languages.registerHoverProvider(LANDSCAPE_DOCUMENTS, noteLinks),
    vscode.languages.registerDocumentLinkProvider(LANDSCAPE_DOCUMENTS, noteLinks),
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOCUMENTATION_SCHEME, new RuleDocumentation()),
  );
  const handlers: Record<CommandName, (...args: unknown[]) => unknown> = {
    checkWorkspace: async () => {
      await workspace.rescan();
      const snapshot = await workspace.whenChecked();
      const errors = snapshot.findings.filter((finding) => finding.severity === 'error').length;
      void vscode.window.showInformationMessage(`SAP Readiness: ${snapshot.files.length} landscape file(s), ${snapshot.readiness.length} system(s), ${errors} error(s).`);
    },
    newLandscapeFile: () => newLandscapeFile(workspace.snapshot?.options.today ?? dayOfTime(Date.now())),
    openSapNote: () => openSapNote(),
    showRuleDocumentation: (ruleId) => showRuleDocumentation(typeof ruleId === 'string' ? ruleId : undefined),
    // VS Code lets no extension set the Problems filter text: open the view with its filter focused.
    showProblems: async () => {
      await vscode.commands.executeCommand('workbench.action.problems.focus');
      await vscode.commands.executeCommand('problems.action.focusFilter').then(undefined, () => undefined);
    },
  };
  for (const [name, handler] of Object.entries(handlers) as [CommandName, (...args: unknown[]) => unknown][]) {
    context.subscriptions.push(vscode.commands.registerCommand(COMMANDS[name].id, handler));
  }

  void workspace.start().catch((error: unknown) => log.error(`Scanning the workspace failed: ${String(error)}`));
  const api = { workspace, dashboard: registerDashboard(context, workspace, log), remote: registerRemoteSupport(context, workspace), live: registerLiveVerification(context, workspace, log), sapLogon: registerSapLogon(context, workspace, log) };
  const activationMs = performance.now() - started;
  const loadMs = typeof sapreadyBundleStart === 'number' && typeof sapreadyBundleEnd === 'number' ? sapreadyBundleEnd - sapreadyBundleStart : NaN;
  log.info(`Loaded in ${loadMs.toFixed(1)} ms, activated in ${activationMs.toFixed(1)} ms, with ${RULES.length} rules (${CATEGORY}).`);
  return { ...api, status, loadMs, activationMs };
}

export function deactivate(): void {}

async function newLandscapeFile(today: number): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  let name = 'new.landscape.yaml';
  for (let index = 2; folder && (await exists(vscode.Uri.joinPath(folder, name))); index++) name = `new-${index}.landscape.yaml`;
  const target = folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(name);
  const document = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), starterLandscape(today)));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function openSapNote(): Promise<void> {
  const cited = new Set(RULES.flatMap((rule) => rule.notes));
  const picked = await vscode.window.showQuickPick(
    allSapNotes().map((note) => ({ label: `SAP Note ${note.number}`, description: note.title, detail: `${cited.has(note.number) ? 'Cited by a rule. ' : ''}${note.about}`, note: note.number })),
    { title: 'Open SAP Note', matchOnDescription: true, matchOnDetail: true },
  );
  if (picked) await vscode.env.openExternal(vscode.Uri.parse(sapNoteUrl(picked.note)));
}
