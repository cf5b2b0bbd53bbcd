import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { checked, describeDiagnostics, open, revert } from './host-helpers';

const CORE = 'landscapes/core.landscape.yaml';

async function actionsAt(document: vscode.TextDocument, line: number, kind?: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  await checked();
  const range = document.lineAt(line - 1).range;
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, kind?.value)) ?? [];
}

async function apply(action: vscode.CodeAction | undefined): Promise<void> {
  assert.ok(action?.edit, 'no such action with an edit');
  assert.ok(await vscode.workspace.applyEdit(action.edit));
}

describe('code actions in the extension host', () => {
  afterEach(async () => {
    const document = await open(CORE);
    await revert(document);
    await checked();
  });

  it('offers the rule fix, disable line / file and Open SAP Note for a finding', async () => {
    const document = await open(CORE);
    const titles = (await actionsAt(document, 13)).map((action) => action.title);
    assert.deepEqual(titles.slice(0, 4), [
      'Record SAPOSS as deactivated in SM59 on 2026-11-23',
      'Disable legacy-rfc-destination for this line',
      'Disable legacy-rfc-destination for this file',
      'Open SAP Note 2923799',
    ]);
  });

  it('applies a quick fix as an undoable edit that keeps the comment', async () => {
    const document = await open(CORE);
    await apply((await actionsAt(document, 13)).find((action) => action.title.startsWith('Record SAPOSS as deactivated')));
    assert.equal(document.lineAt(12).text, '      SAPOSS: { type: "3", target: /H/oss001, status: deactivated, deactivatedOn: 2026-11-23 }   # still active');
    await checked();
    assert.deepEqual(describeDiagnostics(document.uri), ['9:15 schema error', '13:7 legacy-rfc-removable info', '14:7 legacy-rfc-destination error']);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.lineAt(12).text, '      SAPOSS: { type: "3", target: /H/oss001 }   # still active');
  });

  it('"disable for this line" silences exactly that rule on that line', async () => {
    const document = await open(CORE);
    await apply((await actionsAt(document, 13)).find((action) => action.title === 'Disable legacy-rfc-destination for this line'));
    assert.equal(document.lineAt(12).text, '      # sapready-disable-next-line legacy-rfc-destination');
    await checked();
    assert.deepEqual(describeDiagnostics(document.uri), ['9:15 schema error', '15:7 legacy-rfc-destination error']);
  });

  it('"disable for this file" silences the rule in the whole file only', async () => {
    const document = await open(CORE);
    await apply((await actionsAt(document, 14)).find((action) => action.title === 'Disable legacy-rfc-destination for this file'));
    assert.equal(document.lineAt(0).text, '# sapready-disable legacy-rfc-destination');
    await checked();
    assert.deepEqual(describeDiagnostics(document.uri), ['10:15 schema error']);
  });

  it('fixes all auto-fixable problems in one source action', async () => {
    const document = await open(CORE);
    const [fixAll] = await actionsAt(document, 1, vscode.CodeActionKind.SourceFixAll);
    assert.equal(fixAll?.title, 'Fix all auto-fixable landscape problems');
    await apply(fixAll);
    await checked();
    assert.deepEqual(describeDiagnostics(document.uri), ['9:15 schema error', '13:7 legacy-rfc-removable info', '14:7 legacy-rfc-removable info']);
  });
});
