import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_FILE_LIMITS } from '../../src/core/config/options';
import { loadLandscapeFile } from '../../src/core/landscape/file';
import { COMMANDS } from '../../src/extension/commands';
import { ConnectionTypesTree, type ConnectionTypeNode } from '../../src/extension/remote/connectionTypesTree';
import { LandscapeTree, type LandscapeNode } from '../../src/extension/remote/landscapeTree';
import { VsCodeSystemOpener, type Prompts, type SystemOpener } from '../../src/extension/remote/opener';
import { checked, EXTENSION_ID, extensionApi, open, revert, setText, workspaceUri } from './host-helpers';

const SUPPORT = 'landscapes/support.landscape.yaml';
const SUPPORT_LANDSCAPE = 'Host test (remote support)';
const NOW = Date.parse('2026-11-23T12:00:00Z');

/** Records what would have reached the operating system. */
class RecordingOpener implements SystemOpener {
  readonly calls: string[] = [];
  readonly files = new Map<string, string>();
  clipboard = '';
  async openExternal(uri: vscode.Uri): Promise<boolean> {
    this.calls.push(`open ${uri.scheme === 'file' ? `file:${uri.path.split('/').pop()}` : uri.toString(true)}`);
    return true;
  }
  async writeTempFile(fileName: string, contents: string): Promise<vscode.Uri> {
    this.calls.push(`write ${fileName}`);
    this.files.set(fileName, contents);
    return vscode.Uri.file(`/tmp/sapready-test/${fileName}`);
  }
  createTerminal(name: string, command: string, args: readonly string[]): void {
    this.calls.push(`terminal ${name}: ${command} ${JSON.stringify(args)}`);
  }
  async writeClipboard(text: string): Promise<void> {
    this.calls.push(`clipboard ${text}`);
    this.clipboard = text;
  }
}

/** Answers dialogs as told and records every message. */
class ScriptedPrompts implements Prompts {
  readonly messages: string[] = [];
  confirmations: string[] = [];
  confirmAnswer = true;
  inputs: Array<string | undefined> = [];
  picks: string[] = [];
  button: string | undefined;
  /** Runs while the confirmation is "open", e.g. to move the clock past the window. */
  whileConfirming: (() => void) | undefined;
  async confirm(message: string, detail: string): Promise<boolean> {
    this.confirmations.push(`${message}\n${detail}`);
    this.whileConfirming?.();
    return this.confirmAnswer;
  }
  async input(): Promise<string | undefined> {
    return this.inputs.shift();
  }
  async pick<T extends vscode.QuickPickItem>(items: readonly T[]): Promise<T | undefined> {
    const label = this.picks.shift();
    const found = items.find((item) => item.label === label);
    assert.ok(found, `no item ${label} among ${items.map((item) => item.label).join(', ')}`);
    return found;
  }
  async info(message: string, ...buttons: string[]): Promise<string | undefined> {
    this.messages.push(`info: ${message}`);
    return this.button && buttons.includes(this.button) ? this.button : undefined;
  }
  async error(message: string): Promise<string | undefined> {
    this.messages.push(`error: ${message}`);
    return undefined;
  }
}

async function remote() {
  return (await extensionApi()).remote;
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

async function landscapeRows(node?: LandscapeNode): Promise<Array<{ node: LandscapeNode; item: vscode.TreeItem }>> {
  const tree = (await remote()).landscape;
  return tree.getChildren(node).map((child) => ({ node: child, item: tree.getTreeItem(child) }));
}

async function find(path: string[]): Promise<{ node: LandscapeNode; item: vscode.TreeItem }> {
  let parent: LandscapeNode | undefined;
  let found: { node: LandscapeNode; item: vscode.TreeItem } | undefined;
  for (const step of path) {
    const rows = await landscapeRows(parent);
    found = rows.find((row) => label(row.item) === step);
    assert.ok(found, `no "${step}" among ${rows.map((row) => label(row.item)).join(', ')}`);
    parent = found.node;
  }
  return found!;
}

describe('remote support: views, launch plans, logon depot (extension host)', () => {
  let opener: RecordingOpener;
  let prompts: ScriptedPrompts;

  before(async () => {
    const api = await remote();
    api.testHooks.setClock(() => NOW);
    await checked();
  });

  beforeEach(async () => {
    opener = new RecordingOpener();
    prompts = new ScriptedPrompts();
    const api = await remote();
    api.testHooks.setOpener(opener);
    api.testHooks.setPrompts(prompts);
  });

  after(async () => {
    const api = await remote();
    api.testHooks.setOpener();
    api.testHooks.setPrompts();
    api.testHooks.setClock();
  });

  describe('Connection Types view', () => {
    it('lists every connection type by the seed\'s categories, with description, SAP Note and codicon', async () => {
      const api = await remote();
      await vscode.commands.executeCommand('sapReadinessConnectionTypes.focus');
      const tree = api.connectionTypes;
      const categories = tree.getChildren();
      assert.deepEqual(categories.map((node) => label(tree.getTreeItem(node))), [
        'SAP GUI based connection',
        'Connection to SAP Solution Manager',
        'Java / HTTP-based connection types',
        'Application sharing and OS-level access',
        'Further connection types',
      ]);
      const types = categories.flatMap((category) => tree.getChildren(category));
      assert.equal(types.length, 33);
      const r3 = tree.getTreeItem(types[0]);
      assert.equal(label(r3), 'R/3 Support');
      assert.equal(r3.description, 'SAP Note 812732 · Enables remote access to an SAP system via SAP GUI');
      assert.equal((r3.iconPath as vscode.ThemeIcon).id, 'window');
      assert.equal(r3.contextValue, 'connectionType.withNote');
      const snc = tree.getTreeItem(types.find((node) => node.kind === 'type' && node.type.id === 'http-connect-snc')!);
      assert.equal(snc.contextValue, 'connectionType', 'no SAP Note on the page: no "Open SAP Note" action');
    });

    it('says in the tooltip how a type opens with the launch settings (sapshcut runs a program)', () => {
      const tooltip = (options: { sapshcut?: string }): string => {
        const tree = new ConnectionTypesTree(() => options);
        const r3 = tree.getChildren(tree.getChildren()[0])[0];
        return (tree.getTreeItem(r3).tooltip as vscode.MarkdownString).value;
      };
      assert.match(tooltip({}), /SAP Note \[812732\]\(https:\/\/me\.sap\.com\/notes\/812732\)[\s\S]*Open connection: opens a SAP GUI shortcut\.$/);
      assert.match(tooltip({ sapshcut: 'C:/SAP/sapshcut.exe' }), /Open connection: runs a client in a terminal\.$/);
    });

    it('filters the types through a command, shown in the view\'s description and message', async () => {
      const api = await remote();
      await vscode.commands.executeCommand(COMMANDS.filterConnectionTypes.id, 'hana');
      const tree = api.connectionTypes;
      const shown = tree.getChildren().flatMap((category) => tree.getChildren(category)).map((node) => label(tree.getTreeItem(node)));
      assert.deepEqual(shown, ['SAP HANA database', 'SAP HANA MDC']);
      assert.equal(api.connectionTypesView.description, 'filter: hana');
      assert.equal(api.connectionTypesView.message, '2 connection types match "hana".');
      prompts.inputs = ['no-such-type'];
      await vscode.commands.executeCommand(COMMANDS.filterConnectionTypes.id);
      assert.deepEqual(tree.getChildren(), []);
      assert.equal(api.connectionTypesView.message, 'No connection type matches "no-such-type".');
      await vscode.commands.executeCommand(COMMANDS.clearConnectionTypeFilter.id);
      assert.equal(api.connectionTypesView.description, undefined);
      assert.equal(tree.getChildren().length, 5);
    });

    it('opens the SAP Note of a type, and a connection of that type on a system that declares it', async () => {
      const tree = (await remote()).connectionTypes;
      const ssh = tree.getChildren().flatMap((category) => tree.getChildren(category)).find((node): node is Extract<ConnectionTypeNode, { kind: 'type' }> => node.kind === 'type' && node.type.id === 'ssh')!;
      await vscode.commands.executeCommand(COMMANDS.openConnectionTypeNote.id, ssh);
      assert.deepEqual(opener.calls, ['open https://me.sap.com/notes/1275351']);
      prompts.picks = ['ERP'];
      await vscode.commands.executeCommand(COMMANDS.openConnectionOfType.id, ssh);
      assert.deepEqual(opener.calls.slice(1), ['terminal ERP: SSH Connection: ssh ["-l","sapsupport","-p","22","--","erp-os.acme.example"]']);
    });
  });

  describe('Landscape view', () => {
    it('groups systems by landscape, then by product, with readiness from the engine\'s findings', async () => {
      await vscode.commands.executeCommand('sapReadinessLandscape.focus');
      // The workspace holds three landscapes, so they are the top level, as in the reports' Landscape column.
      const landscapes = (await landscapeRows()).map((row) => `${label(row.item)}: ${row.item.description}`);
      assert.deepEqual(landscapes, ['Host test: 3 systems', 'Host test (remote support): 3 systems', 'Host test (remote): 1 system']);
      const own = (await landscapeRows((await find(['Host test'])).node)).map((row) => label(row.item));
      assert.deepEqual(own, ['ABAP systems', 'SAP Solution Manager'], 'core.landscape.yaml and solman.landscape.yaml name the same landscape: one node');
      const products = (await landscapeRows((await find([SUPPORT_LANDSCAPE])).node)).map((row) => label(row.item));
      assert.deepEqual(products, ['ABAP systems', 'Java systems', 'SAP HANA databases']);
      const abap = (await landscapeRows((await find(['Host test', 'ABAP systems'])).node)).map((row) => `${label(row.item)} ${(row.item.iconPath as vscode.ThemeIcon).id} ${row.item.description}`);
      assert.deepEqual(abap.map((row) => row.replace(/\(\d+ errors?\)/, '(n errors)')), ['PRD error not ready (n errors)']);
      const erp = (await find([SUPPORT_LANDSCAPE, 'ABAP systems', 'ERP'])).item;
      assert.equal(erp.description, 'ready · production');
      assert.equal((erp.iconPath as vscode.ThemeIcon).id, 'pass-filled');
      const hdb = (await find([SUPPORT_LANDSCAPE, 'SAP HANA databases', 'HDB'])).item;
      assert.equal((hdb.iconPath as vscode.ThemeIcon).id, 'warning');
      assert.equal(hdb.description, 'warnings (1) · database of ERP');
      const jva = (await find([SUPPORT_LANDSCAPE, 'Java systems', 'JVA'])).item;
      assert.match(String(jva.description), /^not ready \(\d+ errors?\) · portal$/);
      assert.equal((jva.iconPath as vscode.ThemeIcon).id, 'error');
    });

    it('shows the customer beside its landscape, and only products when one landscape without a customer is open', async () => {
      const snapshot = await checked();
      const file = (name: string, text: string) => loadLandscapeFile(`file:///tmp/${name}.landscape.yaml`, text, DEFAULT_FILE_LIMITS);
      const acme = file('acme', ['landscape: Production', 'customer: ACME Corp', 'systems:', '  PRD: { product: abap, supportConnection: none }', ''].join('\n'));
      const beta = file('beta', ['landscape: Production (Beta)', 'customer: Beta GmbH', 'systems:', '  PRD: { product: abap, supportConnection: none }', ''].join('\n'));
      const partner = new LandscapeTree(() => ({ ...snapshot, files: [acme, beta] }), () => NOW);
      const rows = partner.getChildren().map((node) => partner.getTreeItem(node));
      assert.deepEqual(rows.map((item) => `${label(item)}: ${item.description}`), ['Production: ACME Corp · 1 system', 'Production (Beta): Beta GmbH · 1 system']);
      assert.notEqual(rows[0].id, rows[1].id);
      const [acmeProducts, betaProducts] = partner.getChildren().map((node) => partner.getChildren(node));
      assert.notEqual(partner.getTreeItem(acmeProducts[0]).id, partner.getTreeItem(betaProducts[0]).id, 'tree item ids must be unique across landscapes');
      const single = new LandscapeTree(() => ({ ...snapshot, files: [file('one', ['landscape: Production', 'systems:', '  PRD: { product: abap, supportConnection: none }', ''].join('\n'))] }), () => NOW);
      assert.deepEqual(single.getChildren().map((node) => label(single.getTreeItem(node))), ['ABAP systems']);
    });

    it('shows destinations, users, components, service connections and logon data of a system', async () => {
      const erp = (await find([SUPPORT_LANDSCAPE, 'ABAP systems', 'ERP'])).node;
      assert.deepEqual((await landscapeRows(erp)).map((row) => `${label(row.item)} ${row.item.description}`), [
        'RFC destinations 4',
        'Communication users 1',
        'Software components 3',
        'Service connections 3',
        'Logon data 1',
      ]);
      const describe = async (group: string): Promise<string[]> => (await landscapeRows((await find([SUPPORT_LANDSCAPE, 'ABAP systems', 'ERP', group])).node)).map((row) => `${label(row.item)}: ${row.item.description}`);
      assert.deepEqual((await describe('RFC destinations'))[0], 'SAPOSS: legacy, deactivated: may be deleted from 2026-11-30 · type 3');
      assert.deepEqual((await describe('RFC destinations'))[1], 'SAP-SUPPORT_PORTAL: type H · apps.support.sap.com');
      assert.deepEqual(await describe('Communication users'), ['S0000000042: technical communication user']);
      assert.deepEqual(await describe('Software components'), ['SAP_BASIS: release 754 SP 5', 'ST-PI: release 740 SP 22', 'ST-A/PI: release 01V_731 SP 3']);
      assert.deepEqual(await describe('Service connections'), ['R/3 Support: open, 4d 6h left', 'SSH Connection: open, 4d 6h left', 'HTTP Connect - URL access: closed, opens in 7d 20h']);
      assert.deepEqual(await describe('Logon data'), ['SAPSUPPORT (client 100): expires 2026-12-01 (in 8 days) · secret ERP/SAPSUPPORT']);
    });

    it('reveals an item\'s range in the YAML when it is selected', async () => {
      const saposs = (await find([SUPPORT_LANDSCAPE, 'ABAP systems', 'ERP', 'RFC destinations', 'SAPOSS'])).item;
      assert.ok(saposs.command);
      await vscode.commands.executeCommand(saposs.command.command, ...(saposs.command.arguments ?? []));
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), workspaceUri(SUPPORT).toString());
      assert.deepEqual([editor.selection.start.line + 1, editor.selection.start.character + 1, editor.selection.end.character + 1], [21, 7, 13]);
      assert.equal(editor.document.getText(editor.selection), 'SAPOSS');
    });

    it('offers "Create Landscape File" when the workspace has none (contributed empty state)', async () => {
      const manifest = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { viewsContainers: unknown; views: Record<string, Array<{ id: string; name: string }>>; viewsWelcome: Array<{ view: string; contents: string }> } }).contributes;
      assert.deepEqual(manifest.viewsContainers, { activitybar: [{ id: 'sapReadiness', title: 'SAP Readiness', icon: '$(remote-explorer)' }] });
      assert.deepEqual(manifest.views.sapReadiness.map((view) => `${view.id} ${view.name}`), ['sapReadinessConnectionTypes Connection Types', 'sapReadinessLandscape Landscape']);
      const welcome = manifest.viewsWelcome.find((entry) => entry.view === 'sapReadinessLandscape');
      assert.match(welcome?.contents ?? '', /\[Create Landscape File\]\(command:sapReadiness\.newLandscapeFile\)/);
    });

    it('reads the readiness list once per check, not once per system or destination item', async () => {
      const snapshot = await checked();
      let reads = 0;
      const counted = { ...snapshot, get readiness() { reads++; return snapshot.readiness; } };
      const tree = new LandscapeTree(() => counted, () => NOW);
      const walk = (node?: LandscapeNode): number => tree.getChildren(node).reduce((count, child) => (tree.getTreeItem(child), count + 1 + walk(child)), 0);
      assert.ok(walk() > 40);
      walk();
      assert.equal(reads, 1);
    });

    it('shows a service connection whose window has no until as closed, as opening refuses it', async () => {
      const snapshot = await checked();
      const text = ['landscape: T', 'systems:', '  DEV:', '    product: abap', '    host: dev.acme.example', '    serviceConnections:', '      ssh: { window: { from: 2026-11-20T08:00:00Z } }', ''].join('\n');
      const file = loadLandscapeFile('file:///tmp/no-until.landscape.yaml', text, DEFAULT_FILE_LIMITS);
      const tree = new LandscapeTree(() => ({ ...snapshot, files: [file] }), () => NOW);
      const [product] = tree.getChildren();
      const [system] = tree.getChildren(product);
      const group = tree.getChildren(system).find((node) => node.kind === 'group' && node.group === 'connections')!;
      const [ssh] = tree.getChildren(group);
      const item = tree.getTreeItem(ssh);
      assert.equal(item.description, 'closed (window has no until)');
      assert.equal(item.contextValue, 'serviceConnection.closed');
    });

    it('refreshes when a landscape file changes', async () => {
      const document = await open(SUPPORT);
      let changes = 0;
      const subscription = (await remote()).landscape.onDidChangeTreeData(() => changes++);
      try {
        await setText(document, document.getText().replace('  HDB:\n', '  HDX:\n'));
        await checked();
        assert.ok(changes > 0);
        assert.ok((await landscapeRows((await find([SUPPORT_LANDSCAPE, 'SAP HANA databases'])).node)).some((row) => label(row.item) === 'HDX'));
      } finally {
        subscription.dispose();
        await revert(document);
        await checked();
      }
      assert.ok((await landscapeRows((await find([SUPPORT_LANDSCAPE, 'SAP HANA databases'])).node)).some((row) => label(row.item) === 'HDB'));
    });
  });

  describe('opening connections', () => {
    it('writes a .sap shortcut (no password) and opens it with the OS handler, after confirmation', async () => {
      const r3 = (await find([SUPPORT_LANDSCAPE, 'ABAP systems', 'ERP', 'Service connections', 'R/3 Support'])).node;
      await vscode.commands.executeCommand(COMMANDS.openServiceConnection.id, r3);
      assert.deepEqual(opener.calls, ['write ERP-r3-support.sap', 'open file:ERP-r3-support.sap']);
      const contents = opener.files.get('ERP-r3-support.sap')!;
      assert.match(contents, /^\[System\]\r\nName=ERP\r\nDescription=ERP R\/3 Support\r\nClient=100\r\nGuiParm=\/H\/saprouter\.acme\.example\/S\/3299\/H\/erp-ci\.acme\.example\/S\/3201\r\n/);
      assert.doesNotMatch(contents, /password/i);
      assert.equal(prompts.confirmations.length, 1);
      assert.match(prompts.confirmations[0], /Open window: 2026-11-20T08:00:00Z - 2026-11-27T18:00:00Z/);
    });

    it('removes the private folder of written shortcuts when disposed, before dispose returns', async () => {
      const real = new VsCodeSystemOpener();
      const file = await real.writeTempFile('DEV-r3-support.sap', '[System]');
      assert.ok(fs.existsSync(file.fsPath));
      if (process.platform !== 'win32') assert.equal(fs.statSync(path.dirname(file.fsPath)).mode & 0o777, 0o700);
      real.dispose();
      assert.ok(!fs.existsSync(path.dirname(file.fsPath)));
    });

    it('does nothing when the confirmation is declined', async () => {
      prompts.confirmAnswer = false;
      await vscode.commands.executeCommand(COMMANDS.openServiceConnection.id, (await find([SUPPORT_LANDSCAPE, 'ABAP systems', 'ERP', 'Service connections', 'SSH Connection'])).node);
      assert.equal(prompts.confirmations.length, 1);
      assert.match(prompts.confirmations[0], /^Run ERP: SSH Connection in a terminal\?/);
      assert.deepEqual(opener.calls, []);
      assert.deepEqual((await remote()).lastOutcome(), { ran: false, reason: 'Cancelled.' });
    });

    it('refuses when the window closes while the confirmation is open', async () => {
      const api = await remote();
      prompts.whileConfirming = () => api.testHooks.setClock(() => Date.parse('2026-11-27T18:00:00Z'));
      try {
        await vscode.commands.executeCommand(COMMANDS.openServiceConnection.id, (await find([SUPPORT_LANDSCAPE, 'ABAP systems', 'ERP', 'Service connections', 'SSH Connection'])).node);
      } finally {
        api.testHooks.setClock(() => NOW);
      }
      assert.equal(prompts.confirmations.length, 1);
      assert.deepEqual(opener.calls, []);
      assert.deepEqual(prompts.messages, ['error: Not opened: The window of ERP: SSH Connection closed at 2026-11-27T18:00:00Z while the confirmation was open: nothing was opened.']);
      assert.equal(api.lastOutcome()?.ran, false);
    });

    it('asks for system and type from the command palette, and runs hdbsql with an argument array', async () => {
      prompts.picks = ['HDB', 'SAP HANA database'];
      await vscode.commands.executeCommand(COMMANDS.openServiceConnection.id);
      assert.deepEqual(opener.calls, ['terminal HDB: SAP HANA database: hdbsql ["-n","hdb.acme.example:30215","-u","SUPPORT"]']);
    });

    it('refuses outside the declared window, showing it, and opens nothing', async () => {
      await vscode.commands.executeCommand(COMMANDS.openServiceConnection.id, (await find([SUPPORT_LANDSCAPE, 'ABAP systems', 'ERP', 'Service connections', 'HTTP Connect - URL access'])).node);
      assert.deepEqual(opener.calls, []);
      assert.deepEqual(prompts.messages, ['error: Not opened: The HTTP Connect - URL access connection of ERP is not open yet: its window is 2026-12-01T08:00:00Z - 2026-12-02T18:00:00Z.']);
    });

    it('refuses a host that could inject, naming the field', async () => {
      await vscode.commands.executeCommand(COMMANDS.openServiceConnection.id, (await find([SUPPORT_LANDSCAPE, 'Java systems', 'JVA', 'Service connections', 'Telnet Connection'])).node);
      assert.deepEqual(opener.calls, []);
      assert.deepEqual(prompts.messages, ['error: Not opened: host "jva-ci.acme.example;reboot" contains ";"; it is not used to open a connection. Correct it in the landscape file.']);
      assert.equal((await remote()).lastOutcome()?.ran, false);
    });

    it('copies the SAP router route of a system', async () => {
      await vscode.commands.executeCommand(COMMANDS.copySapRouterRoute.id, (await find([SUPPORT_LANDSCAPE, 'ABAP systems', 'ERP'])).node);
      assert.equal(opener.clipboard, '/H/saprouter.acme.example/S/3299/H/erp-ci.acme.example/S/3201');
    });
  });

  describe('Customer Remote Logon Depot', () => {
    it('stores, shows masked, copies, rotates and deletes logon data in secret storage', async () => {
      const api = await remote();
      const logon = (await find([SUPPORT_LANDSCAPE, 'ABAP systems', 'ERP', 'Logon data', 'SAPSUPPORT (client 100)'])).node;
      prompts.inputs = ['first-Secret'];
      assert.equal(await vscode.commands.executeCommand(COMMANDS.storeLogonData.id, logon), true);
      assert.equal(await api.depot.get('ERP/SAPSUPPORT'), 'first-Secret');
      assert.equal(api.depot.stored()['ERP/SAPSUPPORT']?.expires, '2026-12-01');

      prompts.button = 'Copy Password';
      await vscode.commands.executeCommand(COMMANDS.showLogonData.id, logon);
      assert.match(prompts.messages.at(-2)!, /^info: ERP\/SAPSUPPORT: user SAPSUPPORT, client 100, password •{8}, expires 2026-12-01\.$/);
      assert.ok(!prompts.messages.some((message) => message.includes('first-Secret')), 'the password is never shown');
      assert.equal(opener.clipboard, 'first-Secret');

      prompts.inputs = ['second-Secret'];
      assert.equal(await vscode.commands.executeCommand(COMMANDS.rotateLogonData.id, logon), true);
      assert.equal(await api.depot.get('ERP/SAPSUPPORT'), 'second-Secret');

      assert.equal(await vscode.commands.executeCommand(COMMANDS.deleteLogonData.id, logon), true);
      assert.equal(await api.depot.get('ERP/SAPSUPPORT'), undefined);
      assert.equal(api.depot.stored()['ERP/SAPSUPPORT'], undefined);
    });

    it('refuses to store an entry without a secret name (picked from the palette)', async () => {
      prompts.picks = ['JVA SUPPORT2 (client 100)'];
      assert.equal(await vscode.commands.executeCommand(COMMANDS.storeLogonData.id), false);
      assert.match(prompts.messages[0], /^error: Not stored: JVA logon data for SUPPORT2 has no secret name/);
    });

    it('deletes expired logon data and says which', async () => {
      const depot = (await remote()).depot;
      await depot.put('OLD/SAPSUPPORT', 'x', '2026-11-22');
      await depot.put('NEW/SAPSUPPORT', 'y', '2026-11-23');
      assert.deepEqual(await depot.sweep(), ['OLD/SAPSUPPORT']);
      assert.deepEqual(prompts.messages, ['info: Deleted expired logon data from secret storage: OLD/SAPSUPPORT (expired 2026-11-22).']);
      assert.equal(await depot.get('OLD/SAPSUPPORT'), undefined);
      assert.equal(await depot.get('NEW/SAPSUPPORT'), 'y');
      await depot.remove('NEW/SAPSUPPORT');
    });

    it('quick fix for plaintext-secret: moves the password into secret storage, undoably', async () => {
      const document = await open(SUPPORT);
      try {
        await checked();
        const line = document.lineAt(45);
        assert.equal(line.text, '      - { user: SUPPORT2, client: "100", expires: 2026-12-05, password: hunter2 }');
        const diagnostic = vscode.languages.getDiagnostics(document.uri).find((candidate) => candidate.range.start.line === 45);
        assert.ok(diagnostic);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        const move = actions.find((action) => action.title === 'Move the password to secret storage (secret: JVA/SUPPORT2)');
        assert.ok(move?.command, actions.map((action) => action.title).join(', '));
        await vscode.commands.executeCommand(move.command.command, ...(move.command.arguments ?? []));
        assert.equal(document.lineAt(45).text, '      - { user: SUPPORT2, client: "100", expires: 2026-12-05, secret: JVA/SUPPORT2 }');
        assert.equal(await (await remote()).depot.get('JVA/SUPPORT2'), 'hunter2');
        await checked();
        assert.ok(!vscode.languages.getDiagnostics(document.uri).some((candidate) => candidate.range.start.line === 45));
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('undo');
        assert.equal(document.lineAt(45).text, line.text);
        assert.equal(await (await remote()).depot.get('JVA/SUPPORT2'), 'hunter2', 'the secret stays stored');
      } finally {
        await (await remote()).depot.remove('JVA/SUPPORT2');
        await revert(document);
        await checked();
      }
    });

    it('quick fix never replaces another entry\'s stored password: SID/CLIENT/USER when SID/USER is taken, refused when both are', async () => {
      const document = await open(SUPPORT);
      const depot = (await remote()).depot;
      const line = document.lineAt(45).text;
      const moveAction = async (): Promise<vscode.CodeAction | undefined> => {
        const diagnostic = vscode.languages.getDiagnostics(document.uri).find((candidate) => candidate.range.start.line === 45)!;
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        return actions.find((action) => action.title.startsWith('Move the password to secret storage'));
      };
      try {
        await checked();
        await depot.put('JVA/SUPPORT2', 'other-entry', '2026-12-05');
        const move = await moveAction();
        assert.equal(move?.title, 'Move the password to secret storage (secret: JVA/100/SUPPORT2)');
        await vscode.commands.executeCommand(move.command!.command, ...(move.command!.arguments ?? []));
        assert.equal(document.lineAt(45).text, '      - { user: SUPPORT2, client: "100", expires: 2026-12-05, secret: JVA/100/SUPPORT2 }');
        assert.equal(await depot.get('JVA/SUPPORT2'), 'other-entry');
        assert.equal(await depot.get('JVA/100/SUPPORT2'), 'hunter2');

        await revert(document);
        await checked();
        await depot.put('JVA/100/SUPPORT2', 'third-entry', '2026-12-05');
        const refused = await moveAction();
        assert.equal(refused?.title, 'Move the password to secret storage (add a secret name first)');
        assert.equal(await vscode.commands.executeCommand(refused.command!.command, ...(refused.command!.arguments ?? [])), false);
        assert.equal(document.lineAt(45).text, line);
        assert.match(prompts.messages.at(-1)!, /^error: Password not moved: the secret names JVA\/SUPPORT2 and JVA\/100\/SUPPORT2 already hold stored passwords/);
        assert.equal(await depot.get('JVA/SUPPORT2'), 'other-entry');
        assert.equal(await depot.get('JVA/100/SUPPORT2'), 'third-entry');
      } finally {
        await depot.remove('JVA/SUPPORT2');
        await depot.remove('JVA/100/SUPPORT2');
        await revert(document);
        await checked();
      }
    });
  });
});
