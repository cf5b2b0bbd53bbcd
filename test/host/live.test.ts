import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { resolveOptions } from '../../src/core/config/options';
import { checkLandscapes } from '../../src/core/engine';
import { RfcCallError, type RfcClient, type RfcConnectionParameters, type RfcCredentials } from '../../src/core/rfc';
import { RULES } from '../../src/core/rules/registry';
import { LIVE_COMMANDS } from '../../src/extension/commands';
import type { LiveOutcome, RfcConnector } from '../../src/extension/live';
import type { Prompts } from '../../src/extension/remote/opener';
import { AdtTestServer, makeTestPki, recorded } from '../unit/live/adt-test-server';
import { RecordedRfcClient } from '../unit/rfc/recorded-client';
import { checked, extensionApi, open, revert, setText, workspaceUri } from './host-helpers';

// The ERP system of the remote-support fixture: host, instance "01", client "100" and the landscape's saprouter route.
const SUPPORT = 'landscapes/support.landscape.yaml';
const USER = 'RFCTEST';
const PASSWORD = 'Never-Log-Me-7!';
const ONCE = 'Use it this time only';
const REMEMBER = 'Remember in VS Code secret storage';

/** Answers dialogs from queues and records every question and message. */
class ScriptedPrompts implements Prompts {
  readonly messages: string[] = [];
  readonly asked: string[] = [];
  inputs: string[] = [];
  picks: string[] = [];
  errorButton: string | undefined;
  async confirm(message: string): Promise<boolean> {
    this.asked.push(`confirm: ${message}`);
    return false;
  }
  async input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    this.asked.push(`input${options.password ? ' (password)' : ''}: ${options.title}`);
    return this.inputs.shift();
  }
  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    this.asked.push(`pick: ${options.title}`);
    const label = this.picks.shift();
    if (label === undefined) return undefined; // Escape
    const found = items.find((item) => item.label === label);
    assert.ok(found, `no item ${label} among ${items.map((item) => item.label).join(', ')}`);
    return found;
  }
  async info(message: string): Promise<string | undefined> {
    this.messages.push(`info: ${message}`);
    return undefined;
  }
  async error(message: string, ...buttons: string[]): Promise<string | undefined> {
    this.messages.push(`error: ${message}`);
    return this.errorButton && buttons.includes(this.errorButton) ? this.errorButton : undefined;
  }
}

/** Hands out clients replaying the recordings and keeps what it was asked to log on with. */
class RecordedConnector implements RfcConnector {
  readonly logons: Array<{ parameters: RfcConnectionParameters; credentials: RfcCredentials }> = [];
  readonly clients: RecordedRfcClient[] = [];
  failLogon = false;
  /** Systems whose logon fails (by SID). */
  readonly failLogonOf = new Set<string>();
  constructor(private readonly fixtures: string[]) {}
  load(): void {}
  async open(parameters: RfcConnectionParameters, credentials: RfcCredentials): Promise<RfcClient> {
    this.logons.push({ parameters, credentials });
    if (this.failLogon || this.failLogonOf.has(parameters.sid)) throw new RfcCallError('(logon)', 'RFC_LOGON_FAILURE', 'Name or password is incorrect (repeat logon)');
    const client = RecordedRfcClient.from(...this.fixtures);
    this.clients.push(client);
    return client;
  }
}

/** An RFC connection whose reads never answer until it is closed, as a hung system's would. */
class HungRfcClient implements RfcClient {
  closed = false;
  private readonly closing: Array<(error: Error) => void> = [];
  call(): Promise<Record<string, unknown>> {
    return new Promise((_, reject) => (this.closed ? reject(new Error('closed')) : this.closing.push(reject)));
  }
  async close(): Promise<void> {
    this.closed = true;
    for (const reject of this.closing.splice(0)) reject(new Error('closed'));
  }
}

async function live() {
  return (await extensionApi()).live;
}

async function run(command: keyof typeof LIVE_COMMANDS): Promise<LiveOutcome> {
  return await vscode.commands.executeCommand<LiveOutcome>(LIVE_COMMANDS[command].id);
}

/** Live diagnostics as `line rule-id severity` (one-based lines). */
function liveDiagnostics(diagnostics: vscode.DiagnosticCollection, uri: vscode.Uri): string[] {
  const names = ['error', 'warning', 'info', 'hint'];
  return (diagnostics.get(uri) ?? []).map((diagnostic) => `${diagnostic.range.start.line + 1} ${typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code} ${names[diagnostic.severity]}`).sort();
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    assert.ok(waited < 3000, `timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('extension: live verification (RFC with a recorded client, HTTPS against a local server)', () => {
  let prompts: ScriptedPrompts;

  beforeEach(async () => {
    await checked();
    prompts = new ScriptedPrompts();
    (await live()).testHooks.setPrompts(prompts);
  });

  afterEach(async () => {
    const api = await live();
    api.testHooks.setPrompts();
    api.testHooks.setConnector();
    api.testHooks.setReadOptions();
    api.testHooks.setTrusted();
    api.testHooks.setWithProgress();
    // Other tests compare all diagnostics of the fixture files: leave no live ones behind.
    api.diagnostics.clear();
    await vscode.workspace.getConfiguration('sapReadiness.live').update('source', undefined, vscode.ConfigurationTarget.Global);
  });

  it('registers the commands and the machine-scoped user setting', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const { id } of Object.values(LIVE_COMMANDS)) assert.ok(commands.includes(id), id);
    const manifest = vscode.extensions.getExtension('sap-landscape-readiness.sap-landscape-readiness')!.packageJSON as { contributes: { configuration: { properties: Record<string, { scope?: string }> } } };
    assert.equal(manifest.contributes.configuration.properties['sapReadiness.live.user'].scope, 'machine');
  });

  it('with source rfc, without the SAP NW RFC SDK (this machine) says so and how to install it, before asking for a user or password', async () => {
    await vscode.workspace.getConfiguration('sapReadiness.live').update('source', 'rfc', vscode.ConfigurationTarget.Global);
    prompts.picks = ['ERP'];
    prompts.errorButton = 'Show details';
    const outcome = await run('verifyAgainstLiveSystem');
    assert.equal(outcome.kind, 'unavailable');
    assert.deepEqual(prompts.asked, ['pick: Verify System Against Live System']);
    assert.equal(prompts.messages.length, 1);
    assert.match(prompts.messages[0], /^error: SAP Readiness: node-rfc .*SAP NetWeaver RFC SDK.*SAPNWRFC_HOME.*LD_LIBRARY_PATH.*Every other feature works without it\.$/);
    // "Show details" writes the whole message and the loader's error to the output channel.
    const api = await live();
    await until(() => api.outputText().includes('Live verification is not available on this machine.'), 'the details in the output channel');
    assert.match(api.outputText(), /Live verification is not available on this machine\.\nnode-rfc .*SAPNWRFC_HOME.*\nLoading node-rfc failed with: .*node-rfc/);
    assert.deepEqual(liveDiagnostics(api.diagnostics, workspaceUri(SUPPORT)), []);

    // Import stops the same way; every other feature keeps working.
    prompts.picks = ['ERP'];
    prompts.errorButton = undefined;
    assert.equal((await run('importFromSystem')).kind, 'unavailable');
    assert.match(prompts.messages[1], /SAPNWRFC_HOME/);
    assert.ok((await checked()).files.length > 0);
  });

  it('reports live drift as live-* diagnostics on the declaring file, cleared by an edit or the next run', async () => {
    const api = await live();
    const connector = new RecordedConnector(['rfcdes-paged.json', 'cvers-paged.json', 'cwbntcust-incomplete.json']);
    api.testHooks.setConnector(connector);
    api.testHooks.setReadOptions({ reading: { pageSize: 2 } });
    prompts.picks = ['ERP', ONCE];
    prompts.inputs = [USER, PASSWORD];
    const outcome = await run('verifyAgainstLiveSystem');
    assert.equal(outcome.kind, 'verified', JSON.stringify(outcome));
    assert.deepEqual(prompts.asked, ['pick: Verify System Against Live System', 'input: RFC user', `input (password): Password of ${USER}`, `pick: Remember the password of ${USER} for ERP (erp-ci.acme.example, instance 01, client 100, via /H/saprouter.acme.example/S/3299)?`]);
    // Connection parameters from the landscape, the password from the prompt.
    assert.deepEqual(connector.logons, [
      { parameters: { sid: 'ERP', client: '100', target: { kind: 'application-server', host: 'erp-ci.acme.example', instance: '01' }, saprouter: '/H/saprouter.acme.example/S/3299' }, credentials: { user: USER, password: PASSWORD } },
    ]);
    assert.ok(connector.clients[0].closed, 'the client is closed after reading');
    assert.deepEqual([...new Set(connector.clients[0].received.map((call) => `${call.function} ${String(call.parameters.QUERY_TABLE)}`))], ['RFC_READ_TABLE RFCDES', 'RFC_READ_TABLE CVERS', 'RFC_READ_TABLE CWBNTCUST']);

    const uri = workspaceUri(SUPPORT);
    assert.deepEqual(liveDiagnostics(api.diagnostics, uri), [
      '19 live-note-assistant error',
      '20 live-destination-drift error',
      '21 live-destination-drift warning',
      '23 live-destination-drift error',
    ]);
    const diagnostics = api.diagnostics.get(uri)!;
    assert.ok(diagnostics.every((diagnostic) => diagnostic.source === 'sapready'));
    const byLine = (line: number) => diagnostics.find((diagnostic) => diagnostic.range.start.line === line - 1)!;
    assert.match(byLine(20).message, /SDCC_OSS is defined in ERP .* but not declared/);
    assert.match(byLine(23).message, /SAP-SUPPORT_PARCELBOX is declared but not defined in ERP/);
    assert.match(byLine(19).message, /SAP Note 2546220/);
    // They are in VS Code's diagnostics for the file (the Problems view), next to the static ones.
    assert.ok(vscode.languages.getDiagnostics(uri).some((diagnostic) => typeof diagnostic.code === 'object' && diagnostic.code.value === 'live-note-assistant'));
    assert.deepEqual(prompts.messages, ['info: SAP Readiness: ERP compared with the live system ERP (erp-ci.acme.example, instance 01, client 100, via /H/saprouter.acme.example/S/3299): 3 errors, 1 warning on the declaring file (Problems view).']);

    // An edit of the declaring file clears them: they describe the text that was compared.
    const document = await open(SUPPORT);
    try {
      await setText(document, document.getText().replace('role: production', 'role: production system'));
      await until(() => (api.diagnostics.get(uri) ?? []).length === 0, 'live diagnostics to clear after an edit');
    } finally {
      await revert(document);
    }

    // Running the command again clears them first, even when it is then cancelled.
    prompts.picks = ['ERP', ONCE];
    prompts.inputs = [USER, PASSWORD];
    assert.equal((await run('verifyAgainstLiveSystem')).kind, 'verified');
    assert.equal(liveDiagnostics(api.diagnostics, uri).length, 4);
    prompts.picks = [];
    assert.equal((await run('verifyAgainstLiveSystem')).kind, 'cancelled');
    assert.deepEqual(liveDiagnostics(api.diagnostics, uri), []);
  });

  it('keeps the password in SecretStorage only when asked to, and never writes it to the output channel or a message', async () => {
    const api = await live();
    const connector = new RecordedConnector(['rfcdes-paged.json', 'cvers-paged.json', 'cwbntcust-implemented.json']);
    api.testHooks.setConnector(connector);
    api.testHooks.setReadOptions({ reading: { pageSize: 2 } });

    // "Use it this time only": asked again next time.
    prompts.picks = ['ERP', ONCE, 'ERP', ONCE];
    prompts.inputs = [USER, PASSWORD, USER, PASSWORD];
    await run('verifyAgainstLiveSystem');
    await run('verifyAgainstLiveSystem');
    assert.equal(prompts.asked.filter((question) => question.startsWith('input (password)')).length, 2);

    // "Remember": the next logon takes it from SecretStorage without asking.
    prompts.asked.length = 0;
    prompts.picks = ['ERP', REMEMBER, 'ERP'];
    prompts.inputs = [USER, PASSWORD, USER];
    await run('verifyAgainstLiveSystem');
    assert.equal((await run('verifyAgainstLiveSystem')).kind, 'verified');
    assert.deepEqual(prompts.asked, [
      'pick: Verify System Against Live System',
      'input: RFC user',
      `input (password): Password of ${USER}`,
      `pick: Remember the password of ${USER} for ERP (erp-ci.acme.example, instance 01, client 100, via /H/saprouter.acme.example/S/3299)?`,
      'pick: Verify System Against Live System',
      'input: RFC user',
    ]);
    assert.deepEqual(connector.logons.map((logon) => logon.credentials), Array(4).fill({ user: USER, password: PASSWORD }));

    // A failed logon with the stored password removes it (and so cleans up after this test).
    connector.failLogon = true;
    prompts.picks = ['ERP'];
    prompts.inputs = [USER];
    const failed = await run('verifyAgainstLiveSystem');
    assert.equal(failed.kind, 'failed');
    assert.match(prompts.messages.at(-1)!, /^error: SAP Readiness: Logon to ERP .* as RFCTEST failed: RFC_LOGON_FAILURE: .*stored password was removed/);
    connector.failLogon = false;
    prompts.asked.length = 0;
    prompts.picks = ['ERP', ONCE];
    prompts.inputs = [USER, PASSWORD];
    await run('verifyAgainstLiveSystem');
    assert.ok(prompts.asked.includes(`input (password): Password of ${USER}`), 'asked for the password again');

    const output = api.outputText();
    assert.match(output, /logging on to ERP .* as RFCTEST/);
    assert.match(output, /Stored the password of RFCTEST for ERP client 100 in secret storage \(sapready\.rfc\/erp-ci\.acme\.example\/01\/ERP\/100\/RFCTEST\)/);
    assert.ok(!output.includes(PASSWORD), 'the password is not in the output channel');
    assert.ok(!prompts.messages.some((message) => message.includes(PASSWORD)), 'the password is in no message');
  });

  it('imports a landscape fragment into a new untitled YAML document that parses and validates', async () => {
    const api = await live();
    api.testHooks.setConnector(new RecordedConnector(['rfcdes-paged.json', 'cvers-paged.json']));
    api.testHooks.setReadOptions({ reading: { pageSize: 2 } });
    prompts.picks = ['ERP', ONCE];
    prompts.inputs = [USER, PASSWORD];
    const outcome = await run('importFromSystem');
    assert.equal(outcome.kind, 'imported', JSON.stringify(outcome));
    const document = outcome.kind === 'imported' ? outcome.document : undefined;
    try {
      assert.ok(document);
      assert.equal(document.uri.scheme, 'untitled');
      assert.equal(document.languageId, 'yaml');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString());
      const text = document.getText();
      assert.match(text, /^# Imported by sapready from the live system ERP \(ERP \(erp-ci\.acme\.example, instance 01, client 100, via \/H\/saprouter\.acme\.example\/S\/3299\)\) on \d{4}-\d{2}-\d{2}:/);
      assert.ok(!text.includes(PASSWORD));
      const validation = RULES.filter((rule) => rule.id === 'yaml-syntax' || rule.id === 'schema');
      assert.equal(validation.length, 2);
      const { files, findings } = checkLandscapes([{ path: 'imported.landscape.yaml', text }], resolveOptions(RULES), validation);
      assert.deepEqual(findings.map((finding) => `${finding.ruleId}: ${finding.message}`), []);
      const system = files[0].model!.systems[0];
      assert.equal(system.sid, 'ERP');
      assert.equal(system.product?.value, 'abap');
      assert.deepEqual([...system.components.keys()].sort(), ['SAP_ABA', 'SAP_BASIS', 'ST-A/PI', 'ST-PI']);
      assert.deepEqual(system.rfcDestinations.map((destination) => destination.name).sort(), ['SAP-SUPPORT_NOTE_DOWNLOAD', 'SAP-SUPPORT_PORTAL', 'SAPOSS', 'SDCC_OSS', 'SM_PRDCLNT100_BACK']);
    } finally {
      if (document) {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
  });

  it('Verify All Systems... reads every system with connection data; a rejected stored password is removed and asked for again, never stopping the others', async () => {
    const api = await live();
    const connector = new RecordedConnector(['rfcdes-paged.json', 'cvers-paged.json', 'cwbntcust-implemented.json']);
    api.testHooks.setConnector(connector);
    api.testHooks.setReadOptions({ reading: { pageSize: 2 } });
    await vscode.workspace.getConfiguration('sapReadiness.live').update('source', 'rfc', vscode.ConfigurationTarget.Global);
    // A second file with two more systems that have connection data, removed at the end (other tests count the fixture files).
    const extra = workspaceUri('landscapes/live-all.landscape.yaml');
    const extraText = ['landscape: Live all', 'systems:', '  DEV:', '    product: abap', '    host: dev-ci.acme.example', '    instance: "00"', '    client: "100"', '  TST:', '    product: abap', '    messageServer: tst-ascs.acme.example', '    client: "200"', ''].join('\n');
    await vscode.workspace.fs.writeFile(extra, Buffer.from(extraText, 'utf8'));
    try {
      for (let waited = 0; !(await checked()).files.some((file) => file.path.endsWith('live-all.landscape.yaml')); waited += 50) {
        assert.ok(waited < 10_000, 'the new landscape file was not checked');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const statuses = (outcome: LiveOutcome): string[] => (outcome.kind === 'verifiedAll' ? outcome.results.map((result) => `${result.target.system.sid} ${result.status}`).sort() : [JSON.stringify(outcome)]);

      // First run: one user, a password per system, all remembered.
      prompts.inputs = [USER, PASSWORD, PASSWORD, PASSWORD];
      prompts.picks = [REMEMBER, REMEMBER, REMEMBER];
      const first = await run('verifyAllSystems');
      assert.deepEqual(statuses(first), ['DEV verified', 'ERP verified', 'HDB skipped', 'JVA skipped', 'PRD skipped', 'QAS skipped', 'SM1 skipped', 'SM2 skipped', 'TST verified']);
      assert.deepEqual(connector.logons.map((logon) => logon.parameters.sid).sort(), ['DEV', 'ERP', 'TST']);
      assert.deepEqual(prompts.asked.filter((question) => question.startsWith('input')), ['input: RFC user', ...Array(3).fill(`input (password): Password of ${USER}`)]);
      assert.match(prompts.messages.at(-1)!, /^info: SAP Readiness: verified 3 of 9 systems \(.*of drift\); 6 without connection data\./);
      assert.match(api.outputText(), /Verify All Systems:\nSystem +Source +Time +File +Result\n/);
      assert.match(api.outputText(), /\nPRD +- +\S*core\.landscape\.yaml +skipped: System PRD declares no client/);

      // Second run: the stored passwords are used; DEV's is rejected and removed, the others are still verified.
      prompts.asked.length = 0;
      prompts.inputs = [USER];
      connector.failLogonOf.add('DEV');
      const second = await run('verifyAllSystems');
      assert.deepEqual(statuses(second).filter((status) => !status.endsWith('skipped')), ['DEV failed', 'ERP verified', 'TST verified']);
      assert.deepEqual(prompts.asked, ['input: RFC user']);
      const devDiagnostics = liveDiagnostics(api.diagnostics, extra);
      // TST's recorded RFCDES has legacy destinations that its declaration does not list (line 8, its key).
      assert.deepEqual(devDiagnostics, ['3 live-connection error', '8 live-destination-drift error', '8 live-destination-drift error']);
      assert.match(api.diagnostics.get(extra)![0].message, /^Logon to DEV \(dev-ci\.acme\.example, instance 00, client 100\) failed: RFC_LOGON_FAILURE/);
      assert.match(api.outputText(), /DEV: the stored password of RFCTEST was rejected and removed from secret storage/);

      // Third run: only DEV's password is asked for again, and now it works.
      prompts.asked.length = 0;
      prompts.inputs = [USER, PASSWORD];
      prompts.picks = [ONCE];
      connector.failLogonOf.clear();
      assert.deepEqual(statuses(await run('verifyAllSystems')).filter((status) => !status.endsWith('skipped')), ['DEV verified', 'ERP verified', 'TST verified']);
      assert.deepEqual(prompts.asked.filter((question) => question.startsWith('input')), ['input: RFC user', `input (password): Password of ${USER}`]);

      assert.ok(!api.outputText().includes(PASSWORD), 'the password is not in the output channel');
      assert.ok(!prompts.messages.some((message) => message.includes(PASSWORD)), 'the password is in no message');
    } finally {
      // Forget the stored passwords (a rejected logon removes them) and the extra file.
      connector.failLogon = true;
      prompts.inputs = [USER, PASSWORD];
      prompts.picks = [ONCE];
      await run('verifyAllSystems');
      await vscode.workspace.fs.delete(extra);
    }
  });

  it('Verify All Systems...: Cancel in its progress notification stops the running systems at once and closes their connections', async () => {
    const api = await live();
    const clients: HungRfcClient[] = [];
    api.testHooks.setConnector({
      load: () => undefined,
      open: async () => {
        const client = new HungRfcClient();
        clients.push(client);
        return client;
      },
    });
    await vscode.workspace.getConfiguration('sapReadiness.live').update('source', 'rfc', vscode.ConfigurationTarget.Global);
    // The notification as VS Code shows it, with a Cancel this test can press.
    let pressCancel: (() => void) | undefined;
    let cancellable: boolean | undefined;
    api.testHooks.setWithProgress((options, task) => {
      cancellable = options.cancellable;
      const cancel = new vscode.CancellationTokenSource();
      pressCancel = () => cancel.cancel();
      return task({ report: () => undefined }, cancel.token);
    });
    prompts.inputs = [USER, PASSWORD];
    prompts.picks = [ONCE];
    const running = run('verifyAllSystems');
    // The fixture has one system with connection data over RFC (ERP): wait until its connection is open and hangs.
    while (clients.length === 0) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(cancellable, true, 'the progress notification offers Cancel');
    pressCancel!();
    const outcome = await running;
    assert.equal(outcome.kind, 'verifiedAll');
    const results = outcome.kind === 'verifiedAll' ? outcome.results.filter((result) => result.status !== 'skipped') : [];
    assert.deepEqual(results.map((result) => `${result.target.system.sid} ${result.status}`), ['ERP cancelled']);
    assert.ok(clients.every((client) => client.closed), 'every connection opened was closed');
    assert.match(prompts.messages.at(-1)!, /1 cancelled/);
  });

  it('Verify All Systems... takes the defaults for a timeout or concurrency of 0 written into settings.json, instead of failing every system at once', async () => {
    const api = await live();
    const recorded = new RecordedConnector(['rfcdes-paged.json', 'cvers-paged.json', 'cwbntcust-implemented.json']);
    // A logon that takes a moment, as a real one does: a timeout of 0 s would end it first.
    api.testHooks.setConnector({
      load: () => undefined,
      open: async (parameters, credentials) => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return recorded.open(parameters, credentials);
      },
    });
    api.testHooks.setReadOptions({ reading: { pageSize: 2 } });
    const settings = vscode.workspace.getConfiguration('sapReadiness.live');
    await settings.update('source', 'rfc', vscode.ConfigurationTarget.Global);
    await settings.update('timeoutSeconds', 0, vscode.ConfigurationTarget.Global);
    await settings.update('concurrency', 0, vscode.ConfigurationTarget.Global);
    try {
      prompts.inputs = [USER, PASSWORD];
      prompts.picks = [ONCE];
      const outcome = await run('verifyAllSystems');
      const results = outcome.kind === 'verifiedAll' ? outcome.results.filter((result) => result.status !== 'skipped') : [];
      assert.deepEqual(results.map((result) => `${result.target.system.sid} ${result.status}`), ['ERP verified'], JSON.stringify(outcome));
    } finally {
      await settings.update('timeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
      await settings.update('concurrency', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('over HTTPS (ADT): trusts the CA bundle of the user setting, logs on with the prompted password and shows the drift, never the password', async () => {
    const api = await live();
    const pki = makeTestPki();
    const systemInformation = JSON.stringify({ systemID: 'HTS', userName: USER, userFullName: '', client: '100', language: 'EN' });
    const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
    const server = await AdtTestServer.start(pki.server, (request) =>
      request.headers.authorization !== basic ? recorded('unauthorized') : request.path.endsWith('/systeminformation') ? recorded('system-information', { body: undefined, text: systemInformation }) : recorded('components'),
    );
    const caFile = workspaceUri('live-https-ca.pem');
    const landscape = workspaceUri('landscapes/live-https.landscape.yaml');
    const text = ['landscape: Live over HTTPS', 'systems:', '  HTS:', '    product: abap', '    client: "100"', `    adtUrl: ${server.url}`, '    supportConnection: none', '    components:', '      SAP_BASIS: { release: "754", sp: 4 }', ''].join('\n');
    const settings = vscode.workspace.getConfiguration('sapReadiness.live');
    await vscode.workspace.fs.writeFile(caFile, Buffer.from(pki.ca, 'utf8'));
    await vscode.workspace.fs.writeFile(landscape, Buffer.from(text, 'utf8'));
    await settings.update('source', 'https', vscode.ConfigurationTarget.Global);
    await settings.update('caFile', caFile.fsPath, vscode.ConfigurationTarget.Global);
    try {
      while (!(await checked()).files.some((file) => file.path === landscape.toString())) await new Promise((resolve) => setTimeout(resolve, 50));
      prompts.picks = ['HTS', ONCE];
      prompts.inputs = [USER, PASSWORD];
      const outcome = await run('verifyAgainstLiveSystem');
      assert.equal(outcome.kind, 'verified', `${JSON.stringify(outcome)}\n${prompts.messages.join('\n')}\n${api.outputText()}`);
      // Who the system is first, then its components; client and language as ADT's URL parameters.
      assert.deepEqual(server.received.map((request) => `${request.path} client ${request.query.get('sap-client')}`), ['/sap/bc/adt/core/http/systeminformation client 100', '/sap/bc/adt/system/components client 100']);
      const found = liveDiagnostics(api.diagnostics, landscape);
      assert.ok(found.some((entry) => /^9 live-component-drift /.test(entry)), `SAP_BASIS SP 4 declared, 5 installed: ${found.join(', ')}`);
      const messages = (api.diagnostics.get(landscape) ?? []).map((diagnostic) => diagnostic.message).join('\n');
      assert.match(messages, /RFC destinations/, 'what HTTPS cannot read is said, not skipped');
      assert.ok(!api.outputText().includes(PASSWORD) && !prompts.messages.some((message) => message.includes(PASSWORD)) && !messages.includes(PASSWORD), 'the password is shown nowhere');
    } finally {
      await settings.update('caFile', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.delete(landscape);
      await vscode.workspace.fs.delete(caFile);
      await server.close();
    }
  });

  it('refuses in an untrusted workspace before asking anything', async () => {
    const api = await live();
    const connector = new RecordedConnector(['rfcdes-paged.json']);
    api.testHooks.setConnector(connector);
    api.testHooks.setTrusted(() => false);
    for (const command of ['verifyAgainstLiveSystem', 'verifyAllSystems', 'importFromSystem'] as const) {
      const outcome = await run(command);
      assert.equal(outcome.kind, 'refused');
    }
    assert.deepEqual(prompts.asked, []);
    assert.deepEqual(connector.logons, []);
    assert.equal(prompts.messages.length, 3);
    assert.match(prompts.messages[0], /^error: SAP Readiness: Live verification is turned off in Restricted Mode: opening an RFC connection loads native code .* logs on to a live SAP system\./);
  });
});
