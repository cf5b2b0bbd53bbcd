import { strict as assert } from 'assert';
import { resolveOptions } from '../../../src/core/config/options';
import { checkLandscapes } from '../../../src/core/engine';
import type { LandscapeFile } from '../../../src/core/landscape/file';
import { AdtHttpError } from '../../../src/core/live/adt-https-client';
import { isLogonRejected, liveAccessFor, readLive, resolveSource } from '../../../src/core/live/source';
import { DEFAULT_CONCURRENCY, formatVerificationTable, verifySystems, type LiveTarget } from '../../../src/core/live/verify-systems';
import { RfcCallError, RfcUnavailableError } from '../../../src/core/rfc/client';
import { compareWithLive } from '../../../src/core/rfc/live-checks';
import type { LiveSystemData } from '../../../src/core/rfc/live-data';
import { RULES } from '../../../src/core/rules/registry';
import { expectFindings, TODAY, yaml } from '../../helpers';
import { RecordedRfcClient } from '../rfc/recorded-client';
import { AdtTestServer, makeTestPki, recorded } from './adt-test-server';

function load(text: string): LandscapeFile {
  return checkLandscapes([{ path: 'acme.landscape.yaml', text }], resolveOptions(RULES, { now: TODAY }), []).files[0];
}

function targets(file: LandscapeFile): LiveTarget[] {
  return file.model!.systems.map((system) => ({ file, system }));
}

const LANDSCAPE = yaml(
  'landscape: ACME',
  'systems:',
  '  DEV:',
  '    product: abap',
  '    host: dev-ci.acme.example',
  '    instance: "01"',
  '    client: "100"',
  '  QAS:',
  '    product: abap',
  '    messageServer: qas-ascs.acme.example',
  '    client: "100"',
  '    adtUrl: https://qas.acme.example:44300',
  '  PRD:',
  '    product: abap',
  '    messageServer: prd-ascs.acme.example',
  '    client: "100"',
  '  HDB:',
  '    product: hana',
);

/** The lines of a system read over HTTPS from `url`, followed by more of its declaration. */
const overHttps = (sid: string, url: string, ...more: string[]): string[] => [`  ${sid}:`, '    product: abap', '    client: "100"', `    adtUrl: ${url}`, ...more];

const components = (rows: Array<{ name: string; release: string; sp?: number }>): LiveSystemData => ({ sid: 'X', source: 'https', components: { ok: true, rows, truncated: [], complete: true } });

describe('live: sources and verifying a whole landscape', () => {
  it('finds where a system answers over HTTPS: adtUrl, else host and 443<instance>; says what is missing', () => {
    const file = load(LANDSCAPE);
    const [dev, qas, prd, hdb] = file.model!.systems;
    assert.deepEqual(liveAccessFor(file.model!, dev, 'https'), { ok: true, source: 'https', sid: 'DEV', client: '100', target: { sid: 'DEV', url: 'https://dev-ci.acme.example:44301', client: '100' }, description: 'DEV (https://dev-ci.acme.example:44301, client 100)' });
    const viaAdtUrl = liveAccessFor(file.model!, qas, 'https', { language: 'DE' });
    assert.ok(viaAdtUrl.ok && viaAdtUrl.source === 'https');
    assert.deepEqual(viaAdtUrl.target, { sid: 'QAS', url: 'https://qas.acme.example:44300', client: '100', language: 'DE' });
    assert.deepEqual(liveAccessFor(file.model!, prd, 'https'), { ok: false, problem: 'System PRD declares neither adtUrl nor host and instance, which live verification over HTTPS needs.' });
    assert.match((liveAccessFor(file.model!, hdb, 'https') as { problem: string }).problem, /HDB declares no client/);
    // RFC takes the message server where HTTPS cannot.
    const rfc = liveAccessFor(file.model!, prd, 'rfc');
    assert.ok(rfc.ok && rfc.source === 'rfc' && rfc.parameters.target.kind === 'message-server');
  });

  it('--source auto takes RFC when node-rfc loads, else HTTPS and says why', () => {
    assert.deepEqual(resolveSource('auto', () => undefined), { source: 'rfc' });
    assert.deepEqual(
      resolveSource('auto', () => {
        throw new RfcUnavailableError('no SDK');
      }),
      { source: 'https', reason: 'node-rfc or the SAP NW RFC SDK cannot be loaded' },
    );
    assert.deepEqual(resolveSource('https', () => assert.fail('not loaded for an explicit source')), { source: 'https' });
    // On this machine there is no SDK: the real loader fails, so auto means HTTPS.
    assert.equal(resolveSource('auto').source, 'https');
  });

  it('over HTTPS compares components and states that destinations and SNOTE states were not read', async () => {
    const pki = makeTestPki();
    const server = await AdtTestServer.start(pki.server, () => recorded('components'));
    try {
      const file = load(
        yaml(
          'landscape: ACME',
          'systems:',
          ...overHttps(
            'PRD',
            server.url,
            '    components:',
            '      SAP_BASIS: { release: "754", sp: 4 }',
            '      ST-PI: { release: "740", sp: 22 }',
            '    noteAssistant: { used: true, digitallySignedNotes: true }',
            '    rfcDestinations:',
            '      SAPOSS: { type: "3", status: deactivated }',
          ),
        ),
      );
      const system = file.model!.systems[0];
      const access = liveAccessFor(file.model!, system, 'https');
      assert.ok(access.ok);
      const data = await readLive(access, { credentials: { user: 'RFCTEST', password: 'secret' }, https: { ca: pki.ca } });
      assert.equal(data.source, 'https');
      expectFindings(compareWithLive(file, system, data), [
        { rule: 'live-component-drift', line: 8, severity: 'warning', message: /SAP_BASIS is at SP 5 in PRD, the file says 4/ },
        { rule: 'live-note-assistant', line: 10, severity: 'info', message: /SNOTE implementation states \(table CWBNTCUST\) cannot be read over HTTPS \(ADT\); verify with --source rfc/ },
        { rule: 'live-destination-drift', line: 11, severity: 'info', message: /RFC destinations \(SM59, table RFCDES\) cannot be read over HTTPS/ },
      ]);
    } finally {
      await server.close();
    }
  });

  it('over HTTPS asks the system who it is first: a URL that leads to another SID is a live-connection error and nothing is compared; an older release without that resource is still read', async () => {
    const pki = makeTestPki();
    // Answers as PRD; `offersIdentity` false: 404 for the system information, as a release without it would.
    let offersIdentity = true;
    const server = await AdtTestServer.start(pki.server, (request) =>
      request.path === '/sap/bc/adt/core/http/systeminformation' ? (offersIdentity ? recorded('system-information') : recorded('not-found')) : recorded('components'),
    );
    try {
      const file = load(
        yaml('landscape: ACME', 'systems:', ...overHttps('PRD', server.url), ...overHttps('QAS', server.url, '    components:', '      SAP_BASIS: { release: "754", sp: 4 }')),
      );
      const credentials = { user: 'RFCTEST', password: 'secret' };
      const read: Parameters<typeof verifySystems>[1] = (target, signal) => {
        const access = liveAccessFor(file.model!, target.system, 'https');
        assert.ok(access.ok);
        return readLive(access, { credentials, https: { ca: pki.ca }, signal, reading: { parts: ['components'] } });
      };
      const [prd, qas] = await verifySystems(targets(file), read, { concurrency: 1 });
      assert.equal(prd.status, 'verified');
      assert.equal(qas.status, 'failed');
      expectFindings(qas.findings, [{ rule: 'live-connection', line: 7, severity: 'error', message: /^https:\/\/127\.0\.0\.1:\d+ is system PRD \(client 100\), not QAS: the adtUrl \(or host and instance\) of QAS leads to another system, so nothing was compared/ }]);
      const identityRequests = server.received.filter((request) => request.path === '/sap/bc/adt/core/http/systeminformation');
      assert.equal(identityRequests.length, 2);
      assert.equal(identityRequests[0].headers.accept, 'application/vnd.sap.adt.core.http.systeminformation.v1+json');
      assert.deepEqual(Object.fromEntries(identityRequests[0].query), { 'sap-client': '100', 'sap-language': 'EN', saml2: 'disabled' });
      assert.equal(server.received.filter((request) => request.path === '/sap/bc/adt/system/components').length, 1, "QAS's components were not read");
      offersIdentity = false;
      const [, qasOnOlderRelease] = await verifySystems(targets(file), read, { concurrency: 1 });
      assert.equal(qasOnOlderRelease.status, 'verified');
      expectFindings(qasOnOlderRelease.findings, [{ rule: 'live-component-drift', line: 12, severity: 'warning', message: /SAP_BASIS is at SP 5 in QAS, the file says 4/ }]);
    } finally {
      await server.close();
    }
  });

  it('over RFC reads through the RFC door it is given and closes the connection', async () => {
    const file = load(yaml('landscape: ACME', 'systems:', '  PRD: { product: abap, host: prd-ci.acme.example, instance: "00", client: "100" }'));
    const access = liveAccessFor(file.model!, file.model!.systems[0], 'rfc');
    assert.ok(access.ok);
    const client = RecordedRfcClient.from('cvers-paged.json');
    const data = await readLive(access, { credentials: { user: 'U', password: 'p' }, openRfc: async () => client, reading: { parts: ['components'], reading: { pageSize: 2 } } });
    assert.equal(data.source, 'rfc');
    assert.ok(data.components?.ok && data.components.rows.some((row) => row.name === 'SAP_BASIS'));
    assert.ok(client.closed);
  });

  it('tells a rejected logon from other failures (a stored password is forgotten only then)', () => {
    assert.ok(isLogonRejected(new AdtHttpError('unauthorized', 'x', 401)));
    assert.ok(!isLogonRejected(new AdtHttpError('forbidden', 'x', 403)));
    assert.ok(isLogonRejected(new RfcCallError('(logon)', 'RFC_LOGON_FAILURE', 'x')));
    assert.ok(!isLogonRejected(new RfcCallError('RFC_READ_TABLE', 'NOT_AUTHORIZED', 'x')));
  });

  it('reads at most `concurrency` systems at a time; one failure does not stop the others; results keep the declared order', async () => {
    const file = load(LANDSCAPE);
    let running = 0;
    let most = 0;
    const settledOrder: string[] = [];
    const results = await verifySystems(
      targets(file),
      async (target) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, target.system.sid === 'DEV' ? 60 : 20));
        running--;
        if (target.system.sid === 'QAS') throw new AdtHttpError('unauthorized', 'QAS did not accept user U (HTTP 401).', 401);
        return components([{ name: 'SAP_BASIS', release: '754', sp: 5 }]);
      },
      { concurrency: 2, onSettled: (result, settled, total) => settledOrder.push(`${result.target.system.sid} ${settled}/${total}`) },
    );
    assert.equal(most, 2);
    assert.deepEqual(results.map((result) => `${result.target.system.sid} ${result.status}`), ['DEV verified', 'QAS failed', 'PRD verified', 'HDB verified']);
    assert.deepEqual(settledOrder, ['QAS 1/4', 'PRD 2/4', 'DEV 3/4', 'HDB 4/4']);
    const qas = results[1];
    assert.ok(qas.error instanceof AdtHttpError);
    expectFindings(qas.findings, [{ rule: 'live-connection', line: 8, severity: 'error', message: /^QAS did not accept user U \(HTTP 401\)\.$/ }]);
  });

  it('reads 4 systems at a time by default', async () => {
    const file = load(LANDSCAPE);
    const many = [...targets(file), ...targets(file), ...targets(file)];
    let running = 0;
    let most = 0;
    const waiting: Array<() => void> = [];
    const run = verifySystems(many, async () => {
      most = Math.max(most, ++running);
      await new Promise<void>((resolve) => waiting.push(resolve));
      running--;
      return components([]);
    });
    // Release the readers one by one, each once every free slot has been taken.
    for (let released = 0; released < many.length; released++) {
      while (waiting.length === 0) await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      waiting.shift()!();
    }
    assert.equal((await run).length, 12);
    assert.equal(DEFAULT_CONCURRENCY, 4);
    assert.equal(most, 4);
  });

  it('a reader that throws synchronously, or a TypeError from a bug, fails that system alone', async () => {
    const file = load(LANDSCAPE);
    const results = await verifySystems(targets(file), (target) => {
      if (target.system.sid === 'DEV') throw new TypeError("Cannot read properties of undefined (reading 'password')");
      if (target.system.sid === 'QAS') return Promise.reject(new RangeError('Invalid array length'));
      return Promise.resolve(components([{ name: 'SAP_BASIS', release: '754', sp: 5 }]));
    });
    assert.deepEqual(results.map((result) => `${result.target.system.sid} ${result.status}`), ['DEV failed', 'QAS failed', 'PRD verified', 'HDB verified']);
    expectFindings(results[0].findings, [{ rule: 'live-connection', line: 3, severity: 'error', message: /Cannot read properties of undefined/ }]);
  });

  it('a system that does not finish within the per-system timeout fails alone, even if its reader ignores the signal', async () => {
    const file = load(LANDSCAPE);
    // DEV's reader never settles: without the timeout this test would not end.
    const results = await verifySystems(
      targets(file).slice(0, 2),
      async (target) => {
        if (target.system.sid === 'DEV') await new Promise(() => undefined);
        return components([]);
      },
      { timeoutMs: 200 },
    );
    assert.equal(results[0].status, 'failed');
    assert.equal(results[0].problem, 'DEV did not finish within 0.2 s (per-system timeout); the other systems were verified.');
    assert.equal(results[1].status, 'verified');
  });

  it('cancel aborts the running systems and starts no more', async () => {
    const file = load(LANDSCAPE);
    const controller = new AbortController();
    const aborted: string[] = [];
    const results = await verifySystems(
      targets(file),
      (target, signal) =>
        new Promise<LiveSystemData>((_, reject) => {
          signal.addEventListener('abort', () => {
            aborted.push(target.system.sid);
            reject(signal.reason as Error);
          });
          setTimeout(() => controller.abort(), 20);
        }),
      { concurrency: 1, signal: controller.signal },
    );
    assert.deepEqual(results.map((result) => result.status), ['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    assert.deepEqual(aborted, ['DEV']);
  });

  it('sums up a run in a table: source, time, file and result per system', () => {
    const file = load(LANDSCAPE);
    const [dev, qas, prd] = targets(file);
    const finding = compareWithLive(file, dev.system, components([]));
    const table = formatVerificationTable([
      { target: dev, status: 'verified', source: 'https', findings: finding, durationMs: 1234 },
      { target: qas, status: 'failed', source: 'https', findings: [], problem: 'QAS did not accept user U (HTTP 401).', durationMs: 80 },
      { target: prd, status: 'skipped', findings: [], problem: 'System PRD declares neither adtUrl nor host and instance, which live verification over HTTPS needs.', durationMs: 0 },
    ]);
    assert.equal(
      table,
      [
        'System  Source  Time   File                 Result',
        '------  ------  -----  -------------------  ------',
        'DEV     https   1.2 s  acme.landscape.yaml  no drift',
        'QAS     https   0.1 s  acme.landscape.yaml  failed: QAS did not accept user U (HTTP 401).',
        'PRD     -              acme.landscape.yaml  skipped: System PRD declares neither adtUrl nor host and instance, which live verification over HTTPS needs.',
        '',
      ].join('\n'),
    );
  });
});
