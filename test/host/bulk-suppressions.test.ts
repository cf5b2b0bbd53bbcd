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

  it('hides what sapready-suppressions.json records, as sapready check does, and the status bar and the dashboard say how many', async () => {
    const api = await extensionApi();
    await checked();
    assert.deepEqual(describeDiagnostics(workspaceUri(CORE)), ['9:15 schema error', '13:7 legacy-rfc-destination error', '14:7 legacy-rfc-destination error']);
    assert.doesNotMatch(api.status.shown?.tooltip ?? '', /suppressed in bulk/);
    await vscode.commands.executeCommand(COMMANDS.openDashboard.id);
    const bulkSuppressedOnDashboard = (): number | undefined => api.dashboard.lastPosted?.model.summary.bulkSuppressed;
    await waitFor(bulkSuppressedOnDashboard, 0);

    // What `sapready check --suppress-rule legacy-rfc-destination` writes beside .sapready.yaml.
    const recorded = { [CORE]: { 'legacy-rfc-destination': { count: 2 } } };
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(recorded, null, 2) + '\n'));
    await waitFor(() => describeDiagnostics(workspaceUri(CORE)), ['9:15 schema error']);
    assert.equal((await checked()).bulkSuppressed, 2);
    const bulkLine = (): string | undefined => /[^;]*suppressed in bulk[^\n]*/.exec(api.status.shown?.tooltip ?? '')?.[0];
    await waitFor(bulkLine, ' 2 findings suppressed in bulk (sapready-suppressions.json)');
    await waitFor(bulkSuppressedOnDashboard, 2);

    await vscode.workspace.fs.delete(file);
    await waitFor(() => describeDiagnostics(workspaceUri(CORE)).length, 3);
    assert.equal((await checked()).bulkSuppressed, 0);
    await waitFor(bulkLine, undefined);
    await waitFor(bulkSuppressedOnDashboard, 0);
  });
});
