import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { formatDay } from '../core/dates';
import type { LandscapeFile } from '../core/landscape/file';
import {
  collectSapLogonFiles,
  describeDifference,
  describeWarning,
  exportedSystems,
  landscapeYaml,
  mergeIntoLandscape,
  MergeError,
  resolveLandscape,
  sapUiLandscapeXml,
  SapLogonFormatError,
  SapLogonReadError,
  type ExportedLandscape,
} from '../core/saplogon';
import { readCompanionFile } from '../core/landscape/companions';
import { writeFileAtomically } from '../core/regular-files';
import { SAP_LOGON_COMMANDS } from './commands';
import type { LandscapeWorkspace } from './landscapeWorkspace';
import { vsCodePrompts, type Prompts } from './remote/opener';

const PREVIEW_SCHEME = 'sapready-sap-logon';

/** Where SAP Logon keeps its landscape files: SAP GUI for Windows, and SAP GUI for Java on macOS and Linux. */
export function sapLogonFolder(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'SAP', 'Common');
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', 'SAP');
  return join(home, '.SAPGUI');
}

export interface SapLogonApi {
  /** Dialog answers in tests (undefined: VS Code's dialogs again). */
  testHooks: { setPrompts(prompts?: Prompts): void };
}

/**
 * "Import from SAP Logon...": pick SAPUILandscape.xml / saplogon.ini files, preview the
 * landscape as a new file or as a diff against an existing one, then write it. "Export to SAP
 * Logon...": every landscape of the workspace as one SAPUILandscape.xml. What the import leaves
 * out goes to the output channel, entry by entry.
 */
export function registerSapLogon(context: vscode.ExtensionContext, workspace: LandscapeWorkspace, log: vscode.LogOutputChannel): SapLogonApi {
  let prompts: Prompts = vsCodePrompts;
  const previews = new Map<string, string>();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, { provideTextDocumentContent: (uri) => previews.get(uri.toString()) ?? '' }),
    vscode.commands.registerCommand(SAP_LOGON_COMMANDS.importSapLogon.id, () => importFromSapLogon(workspace, log, prompts, previews)),
    vscode.commands.registerCommand(SAP_LOGON_COMMANDS.exportSapLogon.id, () => exportToSapLogon(workspace, prompts)),
  );
  return { testHooks: { setPrompts: (replacement) => void (prompts = replacement ?? vsCodePrompts) } };
}

async function importFromSapLogon(workspace: LandscapeWorkspace, log: vscode.LogOutputChannel, prompts: Prompts, previews: Map<string, string>): Promise<void> {
  const folder = sapLogonFolder();
  const picked = await vscode.window.showOpenDialog({
    title: 'Import from SAP Logon: SAPUILandscape.xml, the global landscape file, or saplogon.ini',
    canSelectMany: true,
    openLabel: 'Import',
    defaultUri: existsSync(folder) ? vscode.Uri.file(folder) : undefined,
    filters: { 'SAP Logon landscapes': ['xml', 'ini'], 'All files': ['*'] },
  });
  if (!picked || picked.length === 0) return;
  let collected: ReturnType<typeof collectSapLogonFiles>;
  try {
    collected = collectSapLogonFiles(picked.map((uri) => uri.fsPath), { read: (path) => readCompanionFile(path), show: (path) => vscode.workspace.asRelativePath(path) });
  } catch (error) {
    if (error instanceof SapLogonFormatError || error instanceof SapLogonReadError) {
      await prompts.error(`SAP Readiness: ${error.message}`);
      return;
    }
    throw error;
  }
  const resolved = resolveLandscape(collected.files);
  const warnings = [...collected.warnings, ...resolved.warnings];
  for (const warning of warnings) log.warn(`SAP Logon import: ${describeWarning(warning)}`);
  const snapshot = await workspace.whenChecked();
  const targets = snapshot.files.filter((file) => file.model && file.tree.problems.length === 0);
  const NEW = 'New landscape file';
  const choice = await prompts.pick([{ label: NEW, description: 'preview it as an unsaved file' }, ...targets.map((file) => ({ label: vscode.workspace.asRelativePath(vscode.Uri.parse(file.path)), description: 'add the systems it does not declare', file }))], {
    title: `Import ${resolved.systems.length} system(s) from SAP Logon into`,
  });
  if (!choice) return;
  const leftOut = warnings.length > 0 ? ` ${warnings.length} note(s) on what was left out are in the output (SAP Landscape Readiness).` : '';
  if (!('file' in choice) || !choice.file) {
    const text = landscapeYaml(resolved.systems, { sources: collected.files.map((file) => file.path), today: formatDay(snapshot.options.today), landscape: resolved.workspace ?? 'SAP Logon' });
    const document = await vscode.workspace.openTextDocument(await untitledLandscape());
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), text));
    void prompts.info(`SAP Readiness: ${resolved.systems.length} system(s) from SAP Logon; save the file to keep it.${leftOut}`);
    return;
  }
  await importInto(choice.file, resolved.systems, prompts, previews, log, leftOut);
}

async function importInto(file: LandscapeFile, systems: ReturnType<typeof resolveLandscape>['systems'], prompts: Prompts, previews: Map<string, string>, log: vscode.LogOutputChannel, leftOut: string): Promise<void> {
  let merge: ReturnType<typeof mergeIntoLandscape>;
  try {
    merge = mergeIntoLandscape(file, systems);
  } catch (error) {
    if (error instanceof MergeError) {
      await prompts.error(`SAP Readiness: ${error.message}`);
      return;
    }
    throw error;
  }
  const uri = vscode.Uri.parse(file.path);
  const name = vscode.workspace.asRelativePath(uri);
  for (const difference of merge.differences) log.info(`SAP Logon import: ${describeDifference(difference, name)}`);
  const differing = merge.differences.length > 0 ? ` ${new Set(merge.differences.map((difference) => difference.sid)).size} system(s) differ in connection data (listed in the output, not changed).` : '';
  if (merge.added.length === 0) {
    void prompts.info(`SAP Readiness: nothing to add, ${name} declares every system SAP Logon knows.${differing}${leftOut}`);
    return;
  }
  const preview = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${name}` });
  previews.set(preview.toString(), merge.text);
  await vscode.commands.executeCommand('vscode.diff', uri, preview, `${name} ↔ with ${merge.added.length} system(s) from SAP Logon`);
  const action = `Add ${merge.added.length} system(s)`;
  if (!(await prompts.confirm(`Add ${merge.added.join(', ')} to ${name}?`, `The diff shows the change; nothing else in the file changes.${differing}${leftOut}`, action))) return;
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() !== file.text) {
    await prompts.error(`SAP Readiness: ${name} changed since the preview; import again.`);
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  const { start, end, newText } = insertion(file.text, merge.text);
  edit.replace(uri, new vscode.Range(document.positionAt(start), document.positionAt(end)), newText);
  if (await vscode.workspace.applyEdit(edit)) await document.save();
  previews.delete(preview.toString());
}

/** The one changed stretch between two texts, so the editor keeps markers and undo precise. */
function insertion(before: string, after: string): { start: number; end: number; newText: string } {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < before.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}

async function untitledLandscape(): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  let name = 'sap-logon.landscape.yaml';
  for (let index = 2; folder?.scheme === 'file' && existsSync(join(folder.fsPath, name)); index++) name = `sap-logon-${index}.landscape.yaml`;
  return (folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(name)).with({ scheme: 'untitled' });
}

async function exportToSapLogon(workspace: LandscapeWorkspace, prompts: Prompts): Promise<void> {
  const snapshot = await workspace.whenChecked();
  const landscapes = new Map<string, ExportedLandscape>();
  for (const file of snapshot.files) {
    if (!file.model || file.tree.problems.length > 0) continue;
    const name = file.model.name?.value ?? vscode.workspace.asRelativePath(vscode.Uri.parse(file.path));
    const landscape = landscapes.get(name) ?? { name, systems: [] };
    landscape.systems.push(...exportedSystems(file.model));
    landscapes.set(name, landscape);
  }
  if (landscapes.size === 0) {
    await prompts.info('SAP Readiness: no readable landscape file in this workspace to export.');
    return;
  }
  const folder = sapLogonFolder();
  const target = await vscode.window.showSaveDialog({
    title: 'Export to SAP Logon: a SAPUILandscape.xml for SAP GUI (a central landscape file, or one to include)',
    defaultUri: vscode.Uri.file(join(existsSync(folder) ? folder : homedir(), 'SAPUILandscape-sapready.xml')),
    filters: { 'SAP UI landscape': ['xml'] },
  });
  if (!target) return;
  const xml = sapUiLandscapeXml([...landscapes.values()], 'SAP Landscape Readiness');
  try {
    if (target.scheme === 'file') writeFileAtomically(target.fsPath, xml);
    else await vscode.workspace.fs.writeFile(target, Buffer.from(xml, 'utf8'));
  } catch (error) {
    await prompts.error(`SAP Readiness: ${(error as Error).message}`);
    return;
  }
  const count = [...landscapes.values()].reduce((sum, landscape) => sum + landscape.systems.length, 0);
  void prompts.info(`SAP Readiness: exported ${count} system(s) of ${landscapes.size} landscape(s) to ${target.fsPath}.`);
}
