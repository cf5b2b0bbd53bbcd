import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { extensionApi, waitFor, workspaceUri } from './host-helpers';

const LANDSCAPE = 'routing/router.landscape.yaml';
const ROUTTAB = 'routing/saprouter/saprouttab';

/** The saprouttab-permission diagnostics of the test's landscape file, as `line rule severity: message`. */
function routtabDiagnostics(): string[] {
  const names = ['error', 'warning', 'info', 'hint'];
  return vscode.languages
    .getDiagnostics(workspaceUri(LANDSCAPE))
    .filter((diagnostic) => typeof diagnostic.code === 'object' && diagnostic.code.value === 'saprouttab-permission')
    .map((diagnostic) => `${diagnostic.range.start.line + 1} ${names[diagnostic.severity]}: ${diagnostic.message}`)
    .sort();
}

const write = (relative: string, text: string): Thenable<void> => vscode.workspace.fs.writeFile(workspaceUri(relative), new TextEncoder().encode(text));

/**
 * Writes a file until the diagnostics change. A file watcher starts listening some time after
 * it is created (the extension creates the saprouttab's once a check has read it), and a change
 * made before then is not reported: the host's file watching, not the extension, decides when.
 * With both cores busy, code-server's watcher once reported nothing for 20 s (seen with the
 * extension's own logging: watcher created, 20 writes, no event), so this keeps writing for a minute.
 */
async function writeUntilSeen(relative: string, text: string): Promise<void> {
  const before = JSON.stringify(routtabDiagnostics());
  for (let attempt = 0; attempt < 60 && JSON.stringify(routtabDiagnostics()) === before; attempt++) {
    await write(relative, text + '#'.repeat(attempt) + '\n');
    for (let poll = 0; poll < 10 && JSON.stringify(routtabDiagnostics()) === before; poll++) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the saprouttab a landscape names, in the extension host', () => {
  after(async () => {
    // The landscape file first, on its own: a folder's deletion reports the folder, which no landscape pattern matches.
    await vscode.workspace.fs.delete(workspaceUri(LANDSCAPE));
    const api = await extensionApi();
    await waitFor(() => [vscode.languages.getDiagnostics(workspaceUri(LANDSCAPE)).length, api.workspace.snapshot?.files.some((file) => file.path === workspaceUri(LANDSCAPE).toString())], [0, false]);
    await vscode.workspace.fs.delete(workspaceUri('routing'), { recursive: true });
  });

  it('is read by the check worker, checked again when it changes on disk, and never read when it is not a regular file', async function () {
    // A guard against a hang, not a speed limit: see writeUntilSeen.
    this.timeout(120_000);
    await write(ROUTTAB, '# SAP Support comes in through sapserv2\nP 194.39.131.34 rtr-ci.acme.example sapdp03\nP 194.39.131.34 sandbox.acme.example sapdp00\n');
    await write(
      LANDSCAPE,
      ['landscape: Host test (saprouttab)', 'saprouttab: saprouter/saprouttab', 'systems:', '  RTR:', '    product: abap', '    host: rtr-ci.acme.example', '    instance: "03"', '    supportConnection: none', ''].join('\n'),
    );
    const api = await extensionApi();
    await waitFor(() => api.workspace.snapshot?.files.some((file) => file.path === workspaceUri(LANDSCAPE).toString()), true);
    await waitFor(routtabDiagnostics, ['2 info: saprouter/saprouttab:3: "P 194.39.131.34 sandbox.acme.example sapdp00" permits connections to sandbox.acme.example, which no system of the landscape declares as its host, message server or service connection host.']);

    // Only the saprouttab changes: the file watcher has the worker check again.
    await writeUntilSeen(ROUTTAB, '# SAP Support comes in through sapserv2\nP 194.39.131.34 rtr-ci.acme.example sapdp03\nP * * *\n');
    await waitFor(routtabDiagnostics, ['2 warning: saprouter/saprouttab:3: "P * * *" permits connections to every host and every port from anywhere; name the hosts and ports SAP Support needs.']);

    await vscode.workspace.fs.delete(workspaceUri(ROUTTAB));
    await waitFor(() => routtabDiagnostics().map((line) => line.replace(/: ENOENT.*/, ': ENOENT')), ['2 error: The saprouttab saprouter/saprouttab cannot be read: ENOENT']);

    if (process.platform === 'win32') return; // no FIFOs
    // A FIFO would block a reader forever: the worker declines it, and the check still ends.
    execFileSync('mkfifo', [workspaceUri(ROUTTAB).fsPath]);
    await waitFor(routtabDiagnostics, ['2 error: The saprouttab saprouter/saprouttab cannot be read: it is a FIFO, not a regular file.']);
  });
});
