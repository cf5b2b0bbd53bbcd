import { strict as assert } from 'assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SAP_LOGON_COMMANDS } from '../../src/extension/commands';
import type { Prompts } from '../../src/extension/remote/opener';
import { checked, extensionApi, workspaceUri } from './host-helpers';

const SAP_LOGON = path.resolve(__dirname, '../../../test/fixtures/sap-logon');

/** Answers the command's questions from a script and records them. */
class ScriptedPrompts implements Prompts {
  readonly asked: string[] = [];
  readonly messages: string[] = [];
  constructor(private readonly picks: string[], private readonly confirmAnswer = true) {}
  async confirm(message: string): Promise<boolean> {
    this.asked.push(`confirm: ${message}`);
    return this.confirmAnswer;
  }
  async input(): Promise<string | undefined> {
    return undefined;
  }
  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    this.asked.push(`pick: ${options.title}: ${items.map((item) => item.label).join(' | ')}`);
    const label = this.picks.shift();
    return items.find((item) => item.label === label);
  }
  async info(message: string): Promise<string | undefined> {
    this.messages.push(`info: ${message}`);
    return undefined;
  }
  async error(message: string): Promise<string | undefined> {
    this.messages.push(`error: ${message}`);
    return undefined;
  }
}

describe('Import from SAP Logon... (a real host, a picked file)', () => {
  const showOpenDialog = vscode.window.showOpenDialog;
  afterEach(async () => {
    (vscode.window as { showOpenDialog: typeof showOpenDialog }).showOpenDialog = showOpenDialog;
    (await extensionApi()).sapLogon.testHooks.setPrompts(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  function pickFiles(...names: string[]): void {
    (vscode.window as { showOpenDialog: typeof showOpenDialog }).showOpenDialog = async () => names.map((name) => vscode.Uri.file(path.join(SAP_LOGON, name)));
  }

  it('previews the imported landscape as a new, unsaved landscape file', async () => {
    pickFiles('SAPUILandscape.xml', 'SAPUILandscapeGlobal.xml');
    const prompts = new ScriptedPrompts(['New landscape file']);
    (await extensionApi()).sapLogon.testHooks.setPrompts(prompts);
    await vscode.commands.executeCommand(SAP_LOGON_COMMANDS.importSapLogon.id);
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, 'a preview document is open');
    assert.equal(document.uri.scheme, 'untitled');
    assert.match(path.basename(document.uri.path), /^sap-logon(-\d+)?\.landscape\.yaml$/);
    const text = document.getText();
    assert.match(text, /^landscape: "ACME"$/m);
    for (const sid of ['BWP', 'DEV', 'PRD', 'QAS']) assert.match(text, new RegExp(`^  ${sid}:$`, 'm'));
    assert.doesNotMatch(text, /JDOE/);
    assert.match(prompts.messages.join('\n'), /4 system\(s\) from SAP Logon; save the file to keep it\. 6 note\(s\) on what was left out/);
    // An unsaved preview would make closing the editors ask whether to save it.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('adds the new systems to a chosen landscape file after the diff, and adds nothing the second time', async () => {
    const target = workspaceUri('landscapes/core.landscape.yaml');
    const original = readFileSync(target.fsPath, 'utf8');
    try {
      pickFiles('saplogon.ini');
      const prompts = new ScriptedPrompts(['landscapes/core.landscape.yaml']);
      (await extensionApi()).sapLogon.testHooks.setPrompts(prompts);
      await checked();
      await vscode.commands.executeCommand(SAP_LOGON_COMMANDS.importSapLogon.id);
      assert.deepEqual(prompts.asked.slice(-1), ['confirm: Add CRM, ERP to landscapes/core.landscape.yaml?']);
      const written = readFileSync(target.fsPath, 'utf8');
      assert.ok(written.startsWith(original.trimEnd()), 'the file is kept as it was, the systems added after it');
      assert.match(written.slice(original.trimEnd().length), /^\n {2}CRM:\n {4}product: abap/, prompts.messages.join('\n'));

      pickFiles('saplogon.ini');
      const again = new ScriptedPrompts(['landscapes/core.landscape.yaml']);
      (await extensionApi()).sapLogon.testHooks.setPrompts(again);
      await checked();
      await vscode.commands.executeCommand(SAP_LOGON_COMMANDS.importSapLogon.id);
      assert.match(again.messages.join('\n'), /nothing to add/);
      assert.equal(readFileSync(target.fsPath, 'utf8'), written);
    } finally {
      writeFileSync(target.fsPath, original);
    }
  });
});
