import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import * as path from 'path';
import { parseDay } from '../../src/core/dates';
import { LandscapeWorkspace } from '../../src/extension/landscapeWorkspace';
import { checked, describeDiagnostics, EXTENSION_ID, open, revert, setText, waitFor, workspaceUri } from './host-helpers';

const CORE = 'landscapes/core.landscape.yaml';
const REMOTE = 'landscapes/remote.landscape.yaml';

describe('diagnostics in the extension host', () => {
  it('reports every landscape file of the workspace, open or not, with ranges and rule ids', async () => {
    await checked();
    assert.deepEqual(describeDiagnostics(workspaceUri(CORE)), ['9:15 schema error', '13:7 legacy-rfc-destination error', '14:7 legacy-rfc-destination error']);
    const [legacy] = vscode.languages.getDiagnostics(workspaceUri(CORE)).filter((diagnostic) => diagnostic.range.start.line === 12);
    assert.equal(legacy.source, 'sapready');
    assert.deepEqual(legacy.range, new vscode.Range(12, 6, 12, 12));
    assert.match(legacy.message, /SAPOSS .* \(SAP Note 2923799\)$/);
    const code = legacy.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.toString(), 'https://me.sap.com/notes/2923799');
  });

  it('checks under the workspace\'s options from the first check on, also one asked for before they are read', async () => {
    // A landscape opened while the extension starts asks for a check before the options file is
    // read; that check waited for nothing once, and showed fixes dated today instead of "now".
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const log = vscode.window.createOutputChannel('sapready start-up test', { log: true });
    const diagnostics = vscode.languages.createDiagnosticCollection('sapready-start-up-test');
    const starting = new LandscapeWorkspace(log, diagnostics, path.join(extension.extensionPath, 'dist', 'checkWorker.js'));
    try {
      const early = starting.checkNow();
      await starting.start();
      const snapshot = await early;
      assert.ok(snapshot, 'the early check failed: see the output channel "sapready start-up test"');
      assert.equal(snapshot.options.today, parseDay('2026-11-23'), 'the early check did not use the options file\'s now: 2026-11-23');
      assert.match(snapshot.options.sourcePath ?? '', /\.sapready\.yaml$/);
      // A check still running when the workspace goes (the extension stops) ends quietly: no
      // error into the closed log channel, no watcher that outlives the workspace.
      const late = starting.checkNow();
      starting.dispose();
      diagnostics.dispose();
      log.dispose();
      assert.equal(await late, undefined);
    } finally {
      starting.dispose();
      diagnostics.dispose();
      log.dispose();
    }
  });

  it('links rules without an SAP Note to their documentation', async () => {
    await checked();
    const schema = vscode.languages.getDiagnostics(workspaceUri(CORE)).find((diagnostic) => (diagnostic.code as { value: string }).value === 'schema');
    assert.equal((schema?.code as { target: vscode.Uri }).target.scheme, 'command');
  });

  it('resolves references across files: a SID and a user declared elsewhere count', async () => {
    await checked();
    assert.deepEqual(describeDiagnostics(workspaceUri(REMOTE)), []);
  });

  it('updates as you type, on the unsaved text, and again after undoing', async () => {
    const document = await open(CORE);
    try {
      await setText(document, document.getText().replace('instance: 00', 'instance: "00"').replace('SDCC_OSS: { type: "3" }', 'SDCC_OSS: { type: "3", status: deactivated, deactivatedOn: 2026-11-20 }'));
      await checked();
      assert.deepEqual(describeDiagnostics(document.uri), ['13:7 legacy-rfc-destination error', '14:7 legacy-rfc-removable info']);
    } finally {
      await revert(document);
    }
    await checked();
    assert.equal(describeDiagnostics(document.uri).length, 3);
  });

  it('reports a reference that breaks in another file', async () => {
    const solman = await open('landscapes/solman.landscape.yaml');
    try {
      await setText(solman, solman.getText().replace('SM2:', 'SM3:'));
      await checked();
      assert.deepEqual(describeDiagnostics(workspaceUri(REMOTE)), ['7:13 support-route error']);
    } finally {
      await revert(solman);
    }
    await checked();
    assert.deepEqual(describeDiagnostics(workspaceUri(REMOTE)), []);
  });

  it('reports a SID declared in two files at both places, each pointing at the other', async () => {
    const solman = await open('landscapes/solman.landscape.yaml');
    try {
      await setText(solman, solman.getText().replace('SM2:', 'SM1:'));
      await checked();
      const here = vscode.languages.getDiagnostics(solman.uri).filter((diagnostic) => (diagnostic.code as { value: string }).value === 'duplicate-declaration');
      const there = vscode.languages.getDiagnostics(workspaceUri(CORE)).filter((diagnostic) => (diagnostic.code as { value: string }).value === 'duplicate-declaration');
      assert.equal(here.length, 1);
      assert.equal(there.length, 1);
      assert.equal(here[0].relatedInformation?.[0].location.uri.toString(), workspaceUri(CORE).toString());
    } finally {
      await revert(solman);
    }
  });

  it('clears diagnostics of a deleted file and checks a created one', async () => {
    const created = workspaceUri('landscapes/created.landscape.yaml');
    await vscode.workspace.fs.writeFile(created, new TextEncoder().encode('landscape: created\nsystems:\n  NEW: { product: abap, instance: 1, supportConnection: none }\n'));
    await waitFor(() => describeDiagnostics(created), ['3:35 schema error']);
    await vscode.workspace.fs.delete(created);
    await waitFor(() => describeDiagnostics(created), []);
  });

  it('re-grades severities when the settings change', async () => {
    const config = vscode.workspace.getConfiguration('sapReadiness');
    try {
      await config.update('rules', { 'legacy-rfc-destination': 'warning', schema: 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => describeDiagnostics(workspaceUri(CORE)), ['13:7 legacy-rfc-destination warning', '14:7 legacy-rfc-destination warning']);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => describeDiagnostics(workspaceUri(CORE)).length, 3);
  });

  it('checks patterns from the settings as the options file\'s: an accepted one applies, one that could backtrack never runs', async () => {
    const config = vscode.workspace.getConfiguration('sapReadiness');
    const legacy = ['9:15 schema error', '13:7 legacy-rfc-destination error', '14:7 legacy-rfc-destination error'];
    try {
      await config.update('rules', { 'legacy-rfc-destination': { ignoredNamePatterns: ['^SAPOSS$'] } }, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => describeDiagnostics(workspaceUri(CORE)), ['9:15 schema error', '14:7 legacy-rfc-destination error']);
      // It would hide both destinations if it ran; refused, the default patterns apply.
      await config.update('rules', { 'legacy-rfc-destination': { ignoredNamePatterns: ['^(SAP|SDCC)(.+)+$'] } }, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => describeDiagnostics(workspaceUri(CORE)), legacy);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => describeDiagnostics(workspaceUri(CORE)), legacy);
  });
});
