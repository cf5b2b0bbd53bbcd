import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/extension/commands';
import { checked, describeDiagnostics, extensionApi, waitFor, workspaceUri } from './host-helpers';

const CORE = 'landscapes/core.landscape.yaml';

describe('bulk suppressions in the extension host', () => {
  const file = workspaceUri('sapready-suppressions.json');
  after(async () => {
    await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('hides what sapready-suppressions.json records, as sapready check does, and the snapshot and dashboard count it', async () => {
    await checked();
    assert.deepEqual(describeDiagnostics(workspaceUri(CORE)), ['9:15 schema error', '13:7 legacy-rfc-destination error', '14:7 legacy-rfc-destination error']);
    // What `sapready check --suppress-rule legacy-rfc-destination` writes beside .sapready.yaml.
    const recorded = { [CORE]: { 'legacy-rfc-destination': { count: 2 } } };
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(recorded, null, 2) + '\n'));
    await waitFor(() => describeDiagnostics(workspaceUri(CORE)), ['9:15 schema error']);
    assert.equal((await checked()).bulkSuppressed, 2);

    const dashboard = (await extensionApi()).dashboard;
    const before = dashboard.lastPosted?.revision ?? 0;
    await vscode.commands.executeCommand(COMMANDS.openDashboard.id);
    const posted = dashboard.isOpen && dashboard.lastPosted && dashboard.lastPosted.revision > before ? dashboard.lastPosted : await dashboard.whenPosted(before);
    assert.equal(posted.model.summary.bulkSuppressed, 2);

    await vscode.workspace.fs.delete(file);
    await waitFor(() => describeDiagnostics(workspaceUri(CORE)).length, 3);
    assert.equal((await checked()).bulkSuppressed, 0);
  });
});
