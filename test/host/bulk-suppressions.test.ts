import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { checked, describeDiagnostics, waitFor, workspaceUri } from './host-helpers';

const CORE = 'landscapes/core.landscape.yaml';

describe('bulk suppressions in the extension host', () => {
  const file = workspaceUri('sapready-suppressions.json');
  after(() => vscode.workspace.fs.delete(file).then(undefined, () => undefined));

  it('hides what sapready-suppressions.json records, as sapready check does, and the check snapshot counts it', async () => {
    await checked();
    assert.deepEqual(describeDiagnostics(workspaceUri(CORE)), ['9:15 schema error', '13:7 legacy-rfc-destination error', '14:7 legacy-rfc-destination error']);
    // What `sapready check --suppress-rule legacy-rfc-destination` writes beside .sapready.yaml.
    const recorded = { [CORE]: { 'legacy-rfc-destination': { count: 2 } } };
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(recorded, null, 2) + '\n'));
    await waitFor(() => describeDiagnostics(workspaceUri(CORE)), ['9:15 schema error']);
    assert.equal((await checked()).bulkSuppressed, 2);

    await vscode.workspace.fs.delete(file);
    await waitFor(() => describeDiagnostics(workspaceUri(CORE)).length, 3);
    assert.equal((await checked()).bulkSuppressed, 0);
  });
});
