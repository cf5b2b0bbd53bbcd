import { strict as assert } from 'assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/commands';
import { checked, EXTENSION_ID, extensionApi, open, revert, setText } from './host-helpers';

const hoverText = (hovers: vscode.Hover[]): string =>
  hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))).join('\n');

describe('editor features in the extension host', () => {
  it('registers exactly the commands package.json contributes', async () => {
    await extensionApi();
    const manifest = JSON.parse(readFileSync(path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'package.json'), 'utf8'));
    const contributed = (manifest.contributes.commands as { command: string }[]).map((command) => command.command).sort();
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('sapReadiness.')).sort();
    assert.deepEqual(contributed, Object.values(COMMANDS).map((command) => command.id).sort());
    assert.deepEqual(registered, contributed);
  });

  it('shows the title and a link when hovering an SAP Note number', async () => {
    const document = await open('landscapes/core.landscape.yaml');
    try {
      await setText(document, `# RFC shutdown: SAP Note 2923799\n${document.getText()}`);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 28));
      assert.match(hoverText(hovers), /\*\*SAP Note 2923799\*\*: Final Shutdown of RFC Connections/);
      assert.match(hoverText(hovers), /https:\/\/me\.sap\.com\/notes\/2923799/);
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
      assert.deepEqual(links.map((link) => [link.range.start.line, link.range.start.character, link.target?.toString()]), [[0, 25, 'https://me.sap.com/notes/2923799']]);
    } finally {
      await revert(document);
    }
  });

  it('explains a rule id in a suppression comment on hover', async () => {
    const document = await open('landscapes/core.landscape.yaml');
    try {
      await setText(document, `# sapready-disable legacy-rfc-removable\n${document.getText()}`);
      await checked();
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 25));
      assert.match(hoverText(hovers), /\*\*legacy-rfc-removable\*\* \(info\)/);
    } finally {
      await revert(document);
    }
  });

  it('opens a rule\'s documentation as a read-only page', async () => {
    await vscode.commands.executeCommand(COMMANDS.showRuleDocumentation.id, 'legacy-rfc-destination');
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.scheme === 'sapready-rule');
    assert.ok(document);
    assert.match(document.getText(), /^# legacy-rfc-destination\n/);
    assert.match(document.getText(), /SAP Note 2923799/);
  });

  it('creates a new landscape file from the starter that checks without errors', async () => {
    await vscode.commands.executeCommand(COMMANDS.newLandscapeFile.id);
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document && document.uri.scheme === 'untitled' && document.fileName.endsWith('new.landscape.yaml'));
    assert.match(document.getText(), /^# SAP landscape kept as code/);
    const snapshot = await checked();
    // The starter's PRD shares its SID with the fixture's PRD, but the starter is a landscape of its own: no error at all.
    const errors = snapshot.findingsByUri.get(document.uri.toString())?.filter((finding) => finding.severity === 'error');
    assert.deepEqual(errors?.map((finding) => `${finding.ruleId} ${finding.sid}`), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('measures loading and activation, for the benchmark record', async () => {
    const { loadMs, activationMs } = await extensionApi();
    assert.ok(Number.isFinite(loadMs) && loadMs > 0 && Number.isFinite(activationMs) && activationMs > 0);
    console.log(`      activation: bundle load ${loadMs.toFixed(1)} ms + activate ${activationMs.toFixed(1)} ms = ${(loadMs + activationMs).toFixed(1)} ms`);
  });

  it('summarises readiness: systems ready and not ready', async () => {
    const snapshot = await checked();
    const bySid = Object.fromEntries(snapshot.readiness.map((system) => [system.sid, system.readiness]));
    assert.equal(bySid.PRD, 'not-ready');
    assert.equal(bySid.SM2, 'ready');
  });
});
