import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { AdtTestServer, makeTestPki, recorded, type TestPki } from '../unit/live/adt-test-server';
import { assertExit, assertUsageError, CLI_PATH, makeTempDir, NOW, parseJson, removeTempDir, type CliResult } from './run-cli';

const USER = 'RFCTEST';
const PRD_PASSWORD = 'Prd-Secret-1!';
const SHARED_PASSWORD = 'Shared-Secret-2!';

/** Like runCli, but without blocking this process: the HTTPS servers the CLI talks to run here. `terminal`: under script(1), so standard error is a TTY. */
function runCliAsync(args: string[], options: { cwd: string; env?: Record<string, string | undefined>; terminal?: boolean }): Promise<CliResult> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, SAPREADY_DEBUG: undefined, HTTPS_PROXY: undefined, https_proxy: undefined, SAPREADY_RFC_PASSWORD: undefined, SAPREADY_RFC_USER: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((resolve) => {
    const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;
    const [command, commandArgs] = options.terminal ? ['script', ['-qec', [process.execPath, CLI_PATH, ...args].map(quote).join(' '), '/dev/null']] : [process.execPath, [CLI_PATH, ...args]];
    const child = spawn(command, commandArgs, { cwd: options.cwd, env: env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

describe('cli: sapready verify --all over HTTPS (ADT) against local servers replaying recorded answers', function () {
  // Each run waits out a slow system's timeout; on a loaded machine that is slower still.
  this.timeout(60_000);
  let pki: TestPki;
  let folder: string;
  const servers: AdtTestServer[] = [];
  const basic = (password: string): string => `Basic ${Buffer.from(`${USER}:${password}`).toString('base64')}`;

  before(async () => {
    pki = makeTestPki();
    folder = makeTempDir();
    // PRD answers the recorded feed to its password; QAS only knows another password (401); DEV is too slow.
    const prd = await AdtTestServer.start(pki.server, (request) => (request.headers.authorization === basic(PRD_PASSWORD) ? recorded('components') : recorded('unauthorized')));
    const qas = await AdtTestServer.start(pki.server, (request) => (request.headers.authorization === basic('Qas-Other-3!') ? recorded('components') : recorded('unauthorized')));
    const dev = await AdtTestServer.start(pki.server, () => recorded('components', { delayMs: 60_000 }));
    servers.push(prd, qas, dev);
    writeFileSync(path.join(folder, '.sapready.yaml'), '');
    writeFileSync(path.join(folder, 'ca.pem'), pki.ca);
    // A valid PEM of a CA that signed none of the servers' certificates.
    writeFileSync(path.join(folder, 'other-ca.pem'), pki.selfSigned.cert);
    writeFileSync(
      path.join(folder, 'acme.landscape.yaml'),
      [
        'landscape: ACME',
        'systems:',
        '  PRD:',
        '    product: abap',
        '    client: "100"',
        `    adtUrl: ${prd.url}`,
        '    components:',
        '      SAP_BASIS: { release: "754", sp: 4 }',
        '  QAS:',
        '    product: abap',
        '    client: "100"',
        `    adtUrl: ${qas.url}`,
        '  DEV:',
        '    product: abap',
        '    client: "100"',
        `    adtUrl: ${dev.url}`,
        '  HDB:',
        '    product: hana',
        '',
      ].join('\n'),
    );
  });

  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
    removeTempDir(folder);
  });

  const passwords = { SAPREADY_RFC_PASSWORD_PRD: PRD_PASSWORD, SAPREADY_RFC_PASSWORD: SHARED_PASSWORD };

  it('verifies every system with connection data; a rejected logon, a timeout and a skipped system never stop the others', async () => {
    // DEV answers after 60 s: the run ends (mocha's timeout) only because DEV's timeout is 5 s.
    const result = await runCliAsync(['verify', '.', '--all', '--source', 'https', '--ca-file', 'ca.pem', '--user', USER, '--timeout', '5', '--format', 'json', '--now', NOW], { cwd: folder, env: passwords });
    assertExit(result, 1);
    const report = parseJson(result);
    assert.deepEqual(
      report.findings.map((finding) => `${finding.line} ${finding.ruleId} ${finding.severity} ${finding.sid}`),
      ['3 live-destination-drift info PRD', '8 live-component-drift warning PRD', '9 live-connection error QAS', '13 live-connection error DEV'],
    );
    const message = (sid: string, rule: string) => report.findings.find((finding) => finding.sid === sid && finding.ruleId === rule)!.message;
    assert.match(message('PRD', 'live-component-drift'), /SAP_BASIS is at SP 5 in PRD, the file says 4/);
    assert.match(message('PRD', 'live-destination-drift'), /RFC destinations of PRD not compared with the live system: .*cannot be read over HTTPS \(ADT\); verify with --source rfc/);
    assert.match(message('QAS', 'live-connection'), /did not accept user RFCTEST in client 100 \(HTTP 401\)/);
    assert.match(message('DEV', 'live-connection'), /DEV did not finish within 5 s \(per-system timeout\)|No complete answer from https:\/\/127\.0\.0\.1:\d+ within 5 s/);
    assert.equal(report.systems, 4);
    // The summary table on standard error: one row per declared system, with the source used.
    const rows = result.stderr.trimEnd().split('\n');
    assert.match(rows[0], /^System\s+Source\s+Time\s+File\s+Result$/);
    assert.match(result.stderr, /^PRD\s+https\s+\d+\.\d s\s+acme\.landscape\.yaml\s+0 error\(s\), 1 warning\(s\), 1 info$/m);
    assert.match(result.stderr, /^QAS\s+https\s+\d+\.\d s\s+acme\.landscape\.yaml\s+failed: QAS \(https:\/\/127\.0\.0\.1:\d+\) did not accept user RFCTEST/m);
    assert.match(result.stderr, /^DEV\s+https\s+\d+\.\d s\s+acme\.landscape\.yaml\s+failed: /m);
    assert.match(result.stderr, /^HDB\s+-\s+acme\.landscape\.yaml\s+skipped: System HDB declares no client/m);
    assert.doesNotMatch(result.stderr, /\[#/, 'no progress bar when standard error is not a terminal');
    for (const secret of [PRD_PASSWORD, SHARED_PASSWORD]) assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret), 'a password was printed');
  });

  it('draws a progress bar when standard error is a terminal', async () => {
    const result = await runCliAsync(['verify', '.', '--all', '--source', 'https', '--ca-file', 'ca.pem', '--user', USER, '--timeout', '2', '--format', 'json', '--now', NOW], { cwd: folder, env: passwords, terminal: true });
    assert.equal(result.status, 1, result.stdout);
    // script(1) hands the terminal's output on as stdout: the bar from empty to full, redrawn in place.
    assert.match(result.stdout, /\r\x1b\[2K\[\.{24}\] 0\/3 systems/);
    assert.match(result.stdout, /\r\x1b\[2K\[#{24}\] 3\/3 systems {2}(PRD|QAS|DEV) (verified|failed)\r?\n/);
  });

  it('--source auto on a machine without the RFC SDK reads over HTTPS and says so', async () => {
    const result = await runCliAsync(['verify', '.', '--system', 'PRD', '--ca-file', 'ca.pem', '--user', USER, '--now', NOW], { cwd: folder, env: passwords });
    assertExit(result, 0);
    assert.match(result.stderr, /^sapready: reading over HTTPS \(ADT\): node-rfc or the SAP NW RFC SDK cannot be loaded\.\n/);
    assert.match(result.stderr, /^PRD\s+https\s/m);
    assert.match(result.stdout, /SAP_BASIS is at SP 5 in PRD, the file says 4/);
  });

  it('without the company CA the certificate is refused: a finding that says what to do, exit 1', async () => {
    const result = await runCliAsync(['verify', '.', '--system', 'PRD', '--source', 'https', '--user', USER, '--format', 'json', '--now', NOW], { cwd: folder, env: passwords });
    assertExit(result, 1);
    const [finding] = parseJson(result).findings;
    assert.equal(finding.ruleId, 'live-connection');
    assert.match(finding.message, /The certificate of 127\.0\.0\.1:\d+ is not trusted .*--ca-file/);
    assert.equal(servers[0].received.filter((request) => request.headers.authorization === undefined).length, 0);
  });

  it('NODE_TLS_REJECT_UNAUTHORIZED=0 does not turn certificate verification off: the untrusted certificate is still refused before any request', async () => {
    const before = servers[0].received.length;
    const result = await runCliAsync(['verify', '.', '--system', 'PRD', '--source', 'https', '--user', USER, '--format', 'json', '--now', NOW], { cwd: folder, env: { ...passwords, NODE_TLS_REJECT_UNAUTHORIZED: '0' } });
    assertExit(result, 1);
    const [finding] = parseJson(result).findings;
    assert.equal(finding.ruleId, 'live-connection');
    assert.match(finding.message, /The certificate of 127\.0\.0\.1:\d+ is not trusted .*never turned off/);
    assert.equal(servers[0].received.length, before, 'no request (and so no password) reached the untrusted server');
    assert.match(result.stderr, /sapready: NODE_TLS_REJECT_UNAUTHORIZED=0 is ignored: sapready always verifies certificates/);
  });

  it('--ca-file adds to NODE_EXTRA_CA_CERTS instead of replacing it: a server signed by the CA there is still trusted', async () => {
    const result = await runCliAsync(['verify', '.', '--system', 'PRD', '--source', 'https', '--ca-file', 'other-ca.pem', '--user', USER, '--format', 'json', '--now', NOW], {
      cwd: folder,
      env: { ...passwords, NODE_EXTRA_CA_CERTS: path.join(folder, 'ca.pem') },
    });
    assertExit(result, 0);
    assert.match(parseJson(result).findings.find((finding) => finding.ruleId === 'live-component-drift')!.message, /SAP_BASIS is at SP 5 in PRD, the file says 4/);
  });

  it('a system without a password fails alone with --all; with --system it is a usage error', async () => {
    const all = await runCliAsync(['verify', '.', '--all', '--source', 'https', '--ca-file', 'ca.pem', '--user', USER, '--timeout', '5', '--format', 'json', '--now', NOW], {
      cwd: folder,
      env: { SAPREADY_RFC_PASSWORD_PRD: PRD_PASSWORD },
    });
    assertExit(all, 1);
    assert.match(parseJson(all).findings.find((finding) => finding.sid === 'QAS')!.message, /^No password for QAS: set SAPREADY_RFC_PASSWORD_QAS or SAPREADY_RFC_PASSWORD, or run sapready in a terminal/);
    assertUsageError(await runCliAsync(['verify', '.', '--system', 'QAS', '--source', 'https', '--user', USER], { cwd: folder }), /No password for QAS/);
  });

  it('refuses contradictory or bad options before reading anything', async () => {
    assertUsageError(await runCliAsync(['verify', '.', '--system', 'PRD', '--all'], { cwd: folder }), /either --system SID or --all/);
    assertUsageError(await runCliAsync(['verify', '.'], { cwd: folder }), /--system SID or --all is required/);
    assertUsageError(await runCliAsync(['verify', '.', '--all', '--source', 'ftp'], { cwd: folder }), /--source must be one of rfc, https, auto; got "ftp"/);
    assertUsageError(await runCliAsync(['verify', '.', '--all', '--timeout', '0'], { cwd: folder }), /--timeout must be at least 1/);
    assertUsageError(await runCliAsync(['verify', '.', '--all', '--ca-file', 'acme.landscape.yaml'], { cwd: folder }), /--ca-file acme\.landscape\.yaml: holds no PEM certificate/);
    assertUsageError(await runCliAsync(['verify', '.', '--all', '--source', 'rfc', '--user', USER], { cwd: folder, env: passwords }), /node-rfc is not installed .*SAPNWRFC_HOME/);
  });
});
