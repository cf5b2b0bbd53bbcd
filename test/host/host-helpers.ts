import { strict as assert } from 'assert';
import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';
import type { SapReadinessApi } from '../../src/extension/extension';
import type { CheckSnapshot } from '../../src/extension/landscapeWorkspace';

export const EXTENSION_ID = 'sap-landscape-readiness.sap-landscape-readiness';

export async function extensionApi(): Promise<SapReadinessApi> {
  const extension = vscode.extensions.getExtension<SapReadinessApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this host`);
  return extension.isActive ? extension.exports : extension.activate();
}

/** Waits until the extension has checked every change made so far. */
export async function checked(): Promise<CheckSnapshot> {
  return (await extensionApi()).workspace.whenChecked();
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function open(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Diagnostics as `line:col rule-id severity` (one-based), sorted, for exact comparisons. */
export function describeDiagnostics(uri: vscode.Uri): string[] {
  const names = ['error', 'warning', 'info', 'hint'];
  return vscode.languages
    .getDiagnostics(uri)
    .map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code} ${names[diagnostic.severity]}`)
    .sort((a, b) => Number(a.split(':')[0]) - Number(b.split(':')[0]) || a.localeCompare(b));
}

/** Replaces the whole text of a document without saving it (the checks run on unsaved text). */
export async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

/** Undoes unsaved changes so the next test starts from the fixture on disk. */
export async function revert(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await untilCheckedAsSaved(document);
}

/**
 * A revert reaches this extension host as a document change some time after the command returns:
 * the next test must start from the fixture's text as checked, so this waits for the document to
 * be clean, for the extension to hold its text, and for the check of it.
 */
export async function untilCheckedAsSaved(document: vscode.TextDocument): Promise<void> {
  const { workspace } = await extensionApi();
  await waitFor(() => !document.isDirty && workspace.file(document.uri)?.text === document.getText(), true);
  await checked();
}

/** Polls a state that depends on file-system events, whose timing the test cannot control. */
export async function waitFor<T>(state: () => T, expected: T, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!isDeepStrictEqual(state(), expected)) {
    if (Date.now() - started > timeoutMs) assert.deepEqual(state(), expected, `not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await checked();
  }
}
