import { strict as assert } from 'assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReadinessModel } from '../../src/core/report/readiness-model';
import { COMMANDS } from '../../src/extension/commands';
import { extensionApi, open, setText, untilCheckedAsSaved, workspaceUri } from './host-helpers';

const CORE = 'landscapes/core.landscape.yaml';

async function dashboard(): Promise<{ api: Awaited<ReturnType<typeof extensionApi>>['dashboard']; model: ReadinessModel; revision: number }> {
  const api = (await extensionApi()).dashboard;
  const wasOpen = api.isOpen;
  const before = api.lastPosted?.revision ?? 0;
  await vscode.commands.executeCommand(COMMANDS.openDashboard.id);
  // A panel that was open keeps the model it was posted; a new one must get a new post.
  const posted = wasOpen && api.lastPosted ? api.lastPosted : await api.whenPosted(before);
  return { api, model: posted.model, revision: posted.revision };
}

/** Opens a landscape file in the other editor column, so that the dashboard stays visible. */
async function openBeside(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
  return document;
}

/** Reverts unsaved changes where the document is shown, so that the dashboard stays visible. */
async function revertBeside(document: vscode.TextDocument): Promise<void> {
  const shown = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
  await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.Beside });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await untilCheckedAsSaved(document);
}

/** Resolves with a model posted after `revision` within `ms`, else undefined. */
function postedWithin(api: Awaited<ReturnType<typeof dashboard>>['api'], revision: number, ms: number): Promise<{ revision: number } | undefined> {
  return Promise.race([api.whenPosted(revision), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);
}

/** Waits for a model that satisfies `test`, posted after `revision` (the dashboard follows every check). */
async function postedModel(api: Awaited<ReturnType<typeof dashboard>>['api'], revision: number, test: (model: ReadinessModel) => boolean): Promise<ReadinessModel> {
  const deadline = Date.now() + 15_000;
  let after = revision;
  for (;;) {
    const remaining = deadline - Date.now();
    assert.ok(remaining > 0, `no matching model posted after revision ${revision}; last: ${JSON.stringify(api.lastPosted?.model.rfcTimeline)}`);
    const posted = await Promise.race([api.whenPosted(after), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), remaining))]);
    if (!posted) continue;
    if (test(posted.model)) return posted.model;
    after = posted.revision;
  }
}

describe('readiness dashboard in the extension host', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens a webview with a strict Content-Security-Policy, scripts by nonce and nothing remote', async () => {
    const { api } = await dashboard();
    assert.ok(api.isOpen);
    const html = api.html ?? '';
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}';/);
    assert.ok(!/unsafe-inline|unsafe-eval|\*(?!\.vscode-cdn\.net)/.test(csp), csp);
    // Besides the nonce, only VS Code's own resource origin (webview.cspSource) for styles, fonts and images.
    for (const source of csp.split(';').flatMap((directive) => directive.trim().split(/\s+/).slice(1))) {
      assert.match(source, /^('none'|'self'|'nonce-[^']+'|https:\/\/\*\.vscode-cdn\.net|vscode-webview-resource:|vscode-resource:)$/, csp);
    }
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1]);
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0].includes(`nonce="${nonce}"`) && /src="[^"]*\/dist\/webview\/dashboard\.js"/.test(scripts[0]), scripts[0]);
    assert.ok(!/(src|href)="https?:\/\/(?!.*vscode-(cdn|resource|webview))/.test(html), 'no remote content');
  });

  it('shows the fixture landscape: summary, matrix cells with the findings behind them, RFC timeline', async () => {
    const { model } = await dashboard();
    // The fixture workspace as `sapready check --format markdown test/fixtures/host-workspace` reports it.
    assert.deepEqual(model.summary, { files: 4, systems: 7, ready: 4, warnings: 1, notReady: 2, findings: { error: 6, warning: 1, info: 1 }, bulkSuppressed: 0 }); // JVA, a Java system, has no SM59: its rfcDestinations are a schema error too
    assert.deepEqual(model.systems.map((system) => `${system.sid} ${system.readiness}`), ['ERP ready', 'HDB warnings', 'JVA not-ready', 'PRD not-ready', 'QAS ready', 'SM1 ready', 'SM2 ready']);
    const prd = model.systems.find((system) => system.sid === 'PRD');
    assert.ok(prd, JSON.stringify(model.systems.map((system) => system.sid)));
    assert.equal(prd.readiness, 'not-ready');
    assert.equal(prd.file, CORE);
    assert.equal(prd.range.start.line, 6);
    const legacy = prd.cells.find((cell) => cell.check === 'legacy-rfc')!;
    assert.equal(legacy.state, 'error');
    assert.deepEqual(legacy.findings.map((id) => `${model.findings[id].range.start.line + 1} ${model.findings[id].ruleId}`), ['13 legacy-rfc-destination', '14 legacy-rfc-destination']);
    assert.equal(prd.cells.find((cell) => cell.check === 'snote')!.state, 'n/a');
    assert.equal(model.systems.find((system) => system.sid === 'SM1')?.product, 'solman');
    assert.deepEqual(
      model.rfcTimeline.filter((entry) => entry.sid === 'PRD').map((entry) => [entry.destination, entry.stage, entry.range.start.line + 1]),
      [['SAPOSS', 'active', 13], ['SDCC_OSS', 'active', 14]],
    );
  });

  it('reveals a finding in the editor when the page says it was clicked', async () => {
    const { api, model } = await dashboard();
    const finding = model.findings.find((candidate) => candidate.file === CORE && candidate.ruleId === 'legacy-rfc-destination' && candidate.range.start.line === 12)!;
    await api.receive({ type: 'reveal', path: finding.path, range: finding.range });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is active');
    assert.equal(editor.document.uri.toString(), workspaceUri(CORE).toString());
    assert.deepEqual(
      [editor.selection.start.line, editor.selection.start.character, editor.selection.end.line, editor.selection.end.character],
      [12, 6, 12, 12],
    );
    assert.equal(editor.document.getText(editor.selection), 'SAPOSS');
  });

  it('ignores messages that are not the page\'s and reveals only checked files', async () => {
    const { api } = await dashboard();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.receive({ type: 'reveal', path: 'file:///etc/passwd', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });
    await api.receive({ type: 'reveal', path: workspaceUri(CORE).toString(), range: { start: { line: -1, character: 0 } } });
    await api.receive({ type: 'run', command: 'workbench.action.quit' });
    assert.equal(vscode.window.activeTextEditor, undefined);
  });

  it('updates live as the file changes, and back when the change is undone', async () => {
    const { api, revision } = await dashboard();
    const document = await openBeside(CORE);
    const original = document.getText();
    try {
      await setText(document, document.getText().replace('SAPOSS: { type: "3", target: /H/oss001 }', 'SAPOSS: { type: "3", target: /H/oss001, status: deactivated, deactivatedOn: 2020-12-01 }'));
      const changed = await postedModel(api, revision, (model) => model.rfcTimeline.some((entry) => entry.sid === 'PRD' && entry.destination === 'SAPOSS' && entry.stage === 'removable'));
      const entry = changed.rfcTimeline.find((candidate) => candidate.sid === 'PRD' && candidate.destination === 'SAPOSS')!;
      assert.equal(entry.deactivatedOn, '2020-12-01');
      assert.equal(entry.removableFrom, '2020-12-15');
      const cell = changed.systems.find((system) => system.sid === 'PRD')!.cells.find((candidate) => candidate.check === 'legacy-rfc')!;
      assert.deepEqual(cell.findings.map((id) => changed.findings[id].ruleId).sort(), ['legacy-rfc-destination', 'legacy-rfc-removable']);
    } finally {
      const before = api.lastPosted?.revision ?? 0;
      // The panel may take the focus when its page loads: put the text back explicitly, then revert.
      await setText(document, original);
      await revertBeside(document);
      await postedModel(api, before, (model) => model.rfcTimeline.some((entry) => entry.sid === 'PRD' && entry.destination === 'SAPOSS' && entry.stage === 'active'));
    }
  });

  it('shows landscape and customer where they tell systems apart, and drops them again when the customer goes', async () => {
    const { api, model, revision } = await dashboard();
    // The fixture workspace has three landscape names and no customer: a Landscape column only.
    assert.deepEqual([model.scope.showLandscape, model.scope.showCustomer, model.scope.customers], [true, false, []]);
    assert.equal(model.systems.find((system) => system.sid === 'PRD')?.landscape, 'Host test');
    const document = await openBeside(CORE);
    const original = document.getText();
    try {
      await setText(document, original.replace('landscape: Host test\n', 'landscape: Host test\ncustomer: "0001234567"\n'));
      const changed = await postedModel(api, revision, (candidate) => candidate.scope.showCustomer);
      assert.deepEqual(changed.scope.customers, ['0001234567']);
      const prd = changed.systems.find((system) => system.sid === 'PRD')!;
      assert.deepEqual([prd.landscape, prd.customer], ['Host test', '0001234567']);
      assert.ok(changed.rfcTimeline.filter((entry) => entry.sid === 'PRD').every((entry) => entry.customer === '0001234567'));
    } finally {
      const before = api.lastPosted?.revision ?? 0;
      await setText(document, original);
      await revertBeside(document);
      await postedModel(api, before, (candidate) => !candidate.scope.showCustomer);
    }
  });

  it('posts nothing while the panel is hidden, and the current model once when it is shown again', async () => {
    const { api } = await dashboard();
    await open(CORE); // same column: the dashboard is hidden behind it
    const hidden = api.lastPosted?.revision ?? 0;
    await (await extensionApi()).workspace.checkNow();
    assert.equal(await postedWithin(api, hidden, 1500), undefined, 'a hidden panel was posted a model');
    await vscode.commands.executeCommand(COMMANDS.openDashboard.id);
    const shown = await api.whenPosted(hidden);
    assert.ok(shown.model.systems.some((system) => system.sid === 'PRD'));
    assert.equal(await postedWithin(api, shown.revision, 1500), undefined, 'posted more than once when shown');
  });

  it('exports the same model as HTML and Markdown reports', async () => {
    const { api } = await dashboard();
    const folder = mkdtempSync(path.join(tmpdir(), 'sapready-export-'));
    try {
      await api.exportReport('html', vscode.Uri.file(path.join(folder, 'r.html')));
      await api.exportReport('markdown', vscode.Uri.file(path.join(folder, 'r.md')));
      const html = readFileSync(path.join(folder, 'r.html'), 'utf8');
      const markdown = readFileSync(path.join(folder, 'r.md'), 'utf8');
      assert.match(html, /Computed for <strong>\d{4}-\d{2}-\d{2}<\/strong> with (default options|options file <code>[^<]+<\/code>)/);
      assert.match(html, /<th scope="row">PRD<div class="where">landscapes\/core\.landscape\.yaml:7<\/div><\/th>/);
      assert.ok(!/<script/i.test(html));
      assert.ok(markdown.includes('## Readiness by system'));
      // The fixture workspace holds three landscapes: each row names its landscape.
      assert.ok(markdown.includes('| PRD | Host test | `SAPOSS` | Active: deactivate it |'), markdown);
      assert.match(html, /<th>System<\/th><th>Landscape<\/th><th>Product<\/th>/);
      assert.ok(markdown.includes(`## ${CORE}`), 'findings by workspace-relative path');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('comes back after a window reload: a serializer and its activation event are contributed', async () => {
    const manifest = JSON.parse(readFileSync(path.join(vscode.extensions.all.find((extension) => extension.id.endsWith('sap-landscape-readiness'))!.extensionPath, 'package.json'), 'utf8'));
    assert.ok(manifest.activationEvents.includes('onWebviewPanel:sapReadiness.dashboard'));
    // The panel closes and opens again cleanly, with the current model.
    const { api } = await dashboard();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(api.isOpen, false);
    assert.equal(api.lastPosted, undefined, 'a closed panel has no model');
    const reopened = await dashboard();
    assert.ok(reopened.api.isOpen);
    assert.ok(reopened.model.systems.some((system) => system.sid === 'PRD'));
    assert.equal(await postedWithin(api, reopened.revision, 1500), undefined, 'a new panel is posted its model once');
  });
});
