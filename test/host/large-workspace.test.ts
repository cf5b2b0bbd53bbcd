import { strict as assert } from 'assert';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { generateLandscape } from '../../bench/generate';
import { checkLandscapes } from '../../src/core/engine';
import type { Finding } from '../../src/core/findings';
import type { CheckSnapshot } from '../../src/extension/landscapeWorkspace';
import { extensionApi, workspaceUri } from './host-helpers';

const BIG = 'landscapes/bench-10000.landscape.yaml';
const SYSTEMS = 10_000;

/** Resolves with the first snapshot (the current one, or one still to come) that `wanted` accepts. */
async function snapshotWhere(wanted: (snapshot: CheckSnapshot) => boolean): Promise<CheckSnapshot> {
  const { workspace } = await extensionApi();
  const now = await workspace.whenChecked();
  if (wanted(now)) return now;
  return new Promise((resolve) => {
    const subscription = workspace.onDidCheck((snapshot) => {
      if (!wanted(snapshot)) return;
      subscription.dispose();
      resolve(snapshot);
    });
  });
}

/** The longest time the extension host's event loop could not run anything while `work` ran, in ms. */
async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  // Samples every 10 ms: a block of n ms shows as a delay of about n ms.
  const delays = monitorEventLoopDelay({ resolution: 10 });
  delays.enable();
  try {
    await work();
  } finally {
    delays.disable();
  }
  return delays.max / 1e6;
}

/** The extension's findings for one file as `line:character rule-id`, and the engine's on the same texts. */
function ourFindingsAndTheEngines(snapshot: CheckSnapshot, key: string): [string[], string[]] {
  const describe = (findings: readonly Finding[]): string[] => findings.map((finding) => `${finding.range.start.line}:${finding.range.start.character} ${finding.ruleId}`);
  const engine = checkLandscapes(
    snapshot.files.map((file) => ({ path: file.path, text: file.text })),
    snapshot.options,
  ).findings.filter((finding) => finding.path === key);
  return [describe(snapshot.findingsByUri.get(key) ?? []), describe(engine)];
}

/**
 * A 10,000-system landscape (11 MB, every system with a finding) added to the workspace on
 * disk, then opened in an editor and typed in: the test asserts that the extension's findings
 * are the engine's on the same texts, and records how long the extension host was blocked at
 * most (for bench/RESULTS.md; no time limit is asserted, since a loaded machine would make such
 * a limit flaky). The editor's copy is an untitled document, which closing drops for good.
 */
describe('a large workspace in the extension host', function () {
  this.timeout(600_000);
  const text = generateLandscape(SYSTEMS, 1, { everySystemHasFindings: true });
  const onDisk = workspaceUri(BIG);
  const inEditor = onDisk.with({ scheme: 'untitled' });
  const has = (uri: vscode.Uri) => (snapshot: CheckSnapshot): boolean => snapshot.files.some((file) => file.path === uri.toString());

  after(async () => {
    await vscode.workspace.fs.delete(onDisk).then(undefined, () => undefined);
    await snapshotWhere((snapshot) => !has(onDisk)(snapshot) && !has(inEditor)(snapshot));
  });

  it('checks it as the engine does, and records the longest block of the host while it reads, opens and re-checks it after a keystroke', async () => {
    let snapshot: CheckSnapshot | undefined;
    const read = await longestBlock(async () => {
      await vscode.workspace.fs.writeFile(onDisk, Buffer.from(text));
      snapshot = await snapshotWhere(has(onDisk));
    });
    const [ours, engine] = ourFindingsAndTheEngines(snapshot!, onDisk.toString());
    assert.ok(ours.length >= SYSTEMS, `every system has a finding: ${ours.length}`);
    assert.deepEqual(ours, engine);
    await vscode.workspace.fs.delete(onDisk);
    await snapshotWhere((candidate) => !has(onDisk)(candidate));
    assert.equal(vscode.languages.getDiagnostics(onDisk).length, 0);

    const document = await vscode.workspace.openTextDocument(inEditor);
    await vscode.window.showTextDocument(document);
    try {
      const opened = await longestBlock(async () => {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(inEditor, new vscode.Position(0, 0), text);
        assert.ok(await vscode.workspace.applyEdit(edit));
        await snapshotWhere(has(inEditor));
      });
      const typed = await longestBlock(async () => {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(inEditor, document.lineAt(20).range.end, ' ');
        assert.ok(await vscode.workspace.applyEdit(edit));
        snapshot = await snapshotWhere((candidate) => candidate.files.some((file) => file.path === inEditor.toString() && file.text === document.getText()));
      });
      const [afterTyping, engineAfterTyping] = ourFindingsAndTheEngines(snapshot!, inEditor.toString());
      assert.deepEqual(afterTyping, engineAfterTyping);
      console.log(
        `      longest block of the extension host, ${SYSTEMS.toLocaleString('en')} systems (${ours.length} findings): ` +
          `${read.toFixed(0)} ms reading and checking the file from disk, ${opened.toFixed(0)} ms opening it in an editor, ${typed.toFixed(0)} ms re-checking after a keystroke`,
      );
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
