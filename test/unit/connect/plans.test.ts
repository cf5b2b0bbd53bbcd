import { strict as assert } from 'assert';
import { connectionTypes } from '../../../src/core/catalog';
import { DEFAULT_FILE_LIMITS } from '../../../src/core/config/options';
import {
  closedSincePlanned,
  conventionalPorts,
  isRefusal,
  planConnection,
  planKindOf,
  sapRouterRoute,
  type ConnectOptions,
  type LaunchPlan,
  type Refusal,
} from '../../../src/core/connect';
import { loadLandscapeFile } from '../../../src/core/landscape/file';
import type { LandscapeModel, SystemDeclaration } from '../../../src/core/landscape/model';

const NOW = Date.parse('2026-11-23T12:00:00Z');

interface SystemSpec {
  host?: string;
  instance?: string;
  client?: string;
  product?: string;
  saprouter?: string | null;
  connection?: Record<string, string | number>;
  window?: string;
}

/** A one-system landscape (SID DEV) declaring `typeId`, parsed by the engine exactly as the extension sees it. */
function landscape(typeId: string, spec: SystemSpec = {}): { model: LandscapeModel; system: SystemDeclaration } {
  const q = (value: string): string => JSON.stringify(value);
  const conn = Object.entries(spec.connection ?? {}).map(([key, value]) => `, ${key}: ${typeof value === 'number' ? value : q(value)}`).join('');
  const window = spec.window ?? `window: { from: 2026-11-20T08:00:00Z, until: 2026-11-27T18:00:00Z }`;
  const saprouter = spec.saprouter === undefined ? '/H/saprouter.acme.example/S/3299' : spec.saprouter;
  const text = [
    'landscape: Unit',
    ...(saprouter === null ? [] : [`saprouter: ${q(saprouter)}`]),
    'systems:',
    '  DEV:',
    `    product: ${spec.product ?? 'abap'}`,
    `    host: ${q(spec.host ?? 'dev-ci.acme.example')}`,
    `    instance: ${q(spec.instance ?? '01')}`,
    `    client: ${q(spec.client ?? '100')}`,
    '    serviceConnections:',
    `      ${typeId}: { ${window}${conn} }`,
    '',
  ].join('\n');
  const file = loadLandscapeFile('unit.landscape.yaml', text, DEFAULT_FILE_LIMITS);
  assert.ok(file.model, text);
  return { model: file.model, system: file.model.systems[0] };
}

function plan(typeId: string, spec: SystemSpec = {}, options: ConnectOptions & { trusted?: boolean } = {}, now = NOW): LaunchPlan | Refusal {
  const { model, system } = landscape(typeId, spec);
  return planConnection(system, typeId, model, options, now);
}

function planned<K extends LaunchPlan['kind']>(kind: K, typeId: string, spec: SystemSpec = {}, options: ConnectOptions = {}): Extract<LaunchPlan, { kind: K }> {
  const result = plan(typeId, spec, options);
  assert.ok(!isRefusal(result), `refused: ${isRefusal(result) ? result.reason : ''}`);
  assert.equal(result.kind, kind);
  return result as Extract<LaunchPlan, { kind: K }>;
}

function refused(result: LaunchPlan | Refusal | string, field: string | undefined, reason: RegExp): void {
  assert.ok(isRefusal(result), `expected a refusal, got ${JSON.stringify(result)}`);
  assert.equal(result.field, field, result.reason);
  assert.match(result.reason, reason);
}

/** Every plan's visible output: what would reach a file, a program, a URL or the clipboard. */
function output(result: LaunchPlan): string {
  switch (result.kind) {
    case 'shortcut-file':
    case 'rdp-file':
      return result.contents;
    case 'terminal':
      return [result.command, ...result.args].join('\n');
    case 'url':
      return result.url;
    case 'uri':
      return result.uri;
    case 'clipboard':
      return result.text;
    case 'note-and-details':
      return [...result.noteUrls, ...result.details].join('\n');
  }
}

describe('launch plans (src/core/connect)', () => {
  it('computes ports from the instance number by SAP convention', () => {
    assert.deepEqual(conventionalPorts('07'), { dispatcher: 3207, https: 44307, hanaSystemDb: 30713, hanaSingle: 30715 });
  });

  describe('SAP GUI types', () => {
    it('writes a .sap shortcut with SID, client and the full route, and no password', () => {
      const result = planned('shortcut-file', 'r3-support');
      assert.equal(result.fileName, 'DEV-r3-support.sap');
      assert.equal(
        result.contents,
        [
          '[System]',
          'Name=DEV',
          'Description=DEV R/3 Support',
          'Client=100',
          'GuiParm=/H/saprouter.acme.example/S/3299/H/dev-ci.acme.example/S/3201',
          '[User]',
          'Name=',
          'Language=EN',
          '[Function]',
          'Command=',
          'Type=Transaction',
          'Title=DEV R/3 Support',
          '[Configuration]',
          '[Options]',
          'Reuse=1',
          '',
        ].join('\r\n'),
      );
      assert.doesNotMatch(result.contents, /password/i);
      assert.deepEqual(result.window, { from: '2026-11-20T08:00:00Z', until: '2026-11-27T18:00:00Z' });
    });

    for (const typeId of ['r3-support-snc', 'sapgui-browser', 'sap-ni']) {
      it(`${typeId} opens as a shortcut too`, () => {
        assert.match(planned('shortcut-file', typeId).contents, /^GuiParm=\/H\/saprouter\.acme\.example\/S\/3299\/H\/dev-ci\.acme\.example\/S\/3201$/m);
      });
    }

    it('goes straight to the host without a saprouter, and takes user and language from options', () => {
      const result = planned('shortcut-file', 'r3-support', { saprouter: null }, { sapUser: 'BASIS01', language: 'DE' });
      assert.match(result.contents, /^GuiParm=\/H\/dev-ci\.acme\.example\/S\/3201$/m);
      assert.match(result.contents, /^\[User\]\r\nName=BASIS01\r\nLanguage=DE$/m);
    });

    it('builds sapshcut arguments where configured, one value per argument', () => {
      const result = planned('terminal', 'r3-support', {}, { sapshcut: 'C:/Program Files/SAP/FrontEnd/SAPgui/sapshcut.exe' });
      assert.equal(result.command, 'C:/Program Files/SAP/FrontEnd/SAPgui/sapshcut.exe');
      assert.deepEqual(result.args, ['-system=DEV', '-guiparm=/H/saprouter.acme.example/S/3299/H/dev-ci.acme.example/S/3201', '-client=100', '-language=EN', '-reuse=1']);
      assert.ok(!result.args.some((arg) => /^-p(w|assword)?=/i.test(arg)));
    });

    it('refuses a route with a /W/ password, NO_CONNECTION, and a missing instance', () => {
      refused(plan('r3-support', { saprouter: '/H/rt.acme.example/W/secret/S/3299' }), 'saprouter', /\/W\/ router password/);
      refused(plan('r3-support', { saprouter: 'NO_CONNECTION' }), 'saprouter', /blocks service connections/);
      refused(plan('r3-support', { instance: '1' }), 'instance', /two-digit instance/);
      refused(plan('r3-support', { client: '10' }), 'client', /three-digit client/);
    });

    it('builds the SAP router route for "Copy SAP Router Route"', () => {
      const { model, system } = landscape('r3-support');
      assert.equal(sapRouterRoute(system, model), '/H/saprouter.acme.example/S/3299/H/dev-ci.acme.example/S/3201');
      refused(sapRouterRoute(system, { saprouter: { ...model.saprouter!, value: '/H/x;rm/S/1' } }), 'saprouter', /";"/);
    });

    it('routes the shortcut and "Copy SAP Router Route" to the service connection\'s own host and port alike', () => {
      const { model, system } = landscape('r3-support', { connection: { host: 'gui-gw.acme.example', port: 3211 } });
      const route = '/H/saprouter.acme.example/S/3299/H/gui-gw.acme.example/S/3211';
      assert.equal(sapRouterRoute(system, model), route);
      const result = planConnection(system, 'r3-support', model, {}, NOW);
      assert.ok(!isRefusal(result) && result.kind === 'shortcut-file');
      assert.match(result.contents, new RegExp(`^GuiParm=${route.replace(/\./g, '\\.')}$`, 'm'));
    });
  });

  describe('URL types', () => {
    const expected: Record<string, string> = {
      'http-connect': 'https://dev-ci.acme.example:44301/',
      'http-connect-snc': 'https://dev-ci.acme.example:44301/',
      'http-tools': 'https://dev-ci.acme.example:44301/',
      'business-client': 'https://dev-ci.acme.example:44301/sap/bc/nwbc',
      'solution-manager': 'https://dev-ci.acme.example:44301/sap/bc/ui2/flp',
      'solution-manager-diagnostics': 'https://dev-ci.acme.example:44301/sap/bc/ui2/flp',
      'nw-mobile-java': 'https://dev-ci.acme.example:44301/',
    };
    for (const [typeId, url] of Object.entries(expected)) {
      it(`${typeId} opens ${url}`, () => assert.equal(planned('url', typeId).url, url));
    }
    it('keeps a service connection user as written (0123 stays 0123) and refuses a port out of range', () => {
      const window = 'window: { from: 2026-11-20T08:00:00Z, until: 2026-11-27T18:00:00Z }';
      assert.deepEqual(planned('terminal', 'ssh', { window: `${window}, user: 0123` }).args, ['-l', '0123', '-p', '22', '--', 'dev-ci.acme.example']);
      refused(plan('ssh', { connection: { port: 70000 } }), 'serviceConnections.ssh.port', /70000 is not a port/);
    });

    it('refuses a port that is written but no number, instead of opening the default port', () => {
      refused(plan('ssh', { connection: { port: 'abc' } }), 'serviceConnections.ssh.port', /abc is not a port/);
      refused(plan('ssh', { connection: { port: '22.5' } }), 'serviceConnections.ssh.port', /22\.5 is not a port/);
    });

    it('uses a declared port, http for 80NN and no port for 443', () => {
      assert.equal(planned('url', 'http-connect', { connection: { port: 8001 } }).url, 'http://dev-ci.acme.example:8001/');
      assert.equal(planned('url', 'http-connect', { connection: { port: 443 } }).url, 'https://dev-ci.acme.example/');
      assert.equal(planned('url', 'http-connect', { connection: { host: 'web.acme.example', port: 50001 } }).url, 'https://web.acme.example:50001/');
    });
  });

  describe('OS-level types', () => {
    it('ssh: an argument array with user, port and "--" before the host', () => {
      const result = planned('terminal', 'ssh', { connection: { user: 'sapsupport' } });
      assert.equal(result.command, 'ssh');
      assert.deepEqual(result.args, ['-l', 'sapsupport', '-p', '22', '--', 'dev-ci.acme.example']);
      assert.deepEqual(planned('terminal', 'ssh', { connection: { host: 'jump.acme.example', port: 2222 } }, { ssh: '/usr/bin/ssh' }).args, ['-p', '2222', '--', 'jump.acme.example']);
    });

    it('telnet: host and port as separate arguments', () => {
      const result = planned('terminal', 'telnet');
      assert.equal(result.command, 'telnet');
      assert.deepEqual(result.args, ['dev-ci.acme.example', '23']);
    });

    it('vnc: a vnc:// URI', () => {
      assert.equal(planned('uri', 'vnc').uri, 'vnc://dev-ci.acme.example:5900');
      assert.equal(planned('uri', 'vnc', { connection: { port: 5901 } }).uri, 'vnc://dev-ci.acme.example:5901');
    });

    it('wts and wts-nla: an .rdp file without a password', () => {
      const wts = planned('rdp-file', 'wts', { connection: { user: 'ACME/support' } });
      assert.equal(wts.fileName, 'DEV-wts.rdp');
      assert.equal(wts.contents, ['full address:s:dev-ci.acme.example:3389', 'username:s:ACME/support', 'prompt for credentials:i:1', 'enablecredsspsupport:i:0', 'authentication level:i:0', 'screen mode id:i:1', ''].join('\r\n'));
      const nla = planned('rdp-file', 'wts-nla');
      assert.match(nla.contents, /^enablecredsspsupport:i:1$/m);
      assert.match(nla.contents, /^authentication level:i:2$/m);
      assert.doesNotMatch(nla.contents + wts.contents, /password/i);
    });
  });

  describe('database types', () => {
    it('hana-mdc opens the tenant the connection declares, and refuses one the system does not declare', () => {
      const text = [
        'landscape: Unit',
        'systems:',
        '  HS4:',
        '    product: hana',
        '    host: hs4-db.acme.example',
        '    instance: "02"',
        '    tenants: { S4P: { sqlPort: 30241 } }',
        '    serviceConnections:',
        '      hana-mdc: { tenant: TENANT, window: { from: 2026-11-20T08:00:00Z, until: 2026-11-27T18:00:00Z } }',
        '',
      ].join('\n');
      const planFor = (tenant: string): LaunchPlan | Refusal => {
        const model = loadLandscapeFile('unit.landscape.yaml', text.replace('TENANT', tenant), DEFAULT_FILE_LIMITS).model!;
        return planConnection(model.systems[0], 'hana-mdc', model, {}, NOW);
      };
      const opened = planFor('S4P');
      assert.ok(!isRefusal(opened) && opened.kind === 'terminal');
      assert.deepEqual(opened.args, ['-n', 'hs4-db.acme.example:30213', '-d', 'S4P']);
      refused(planFor('S4X'), 'serviceConnections.hana-mdc.tenant', /HS4 declares no tenant S4X \(tenants: S4P\)/);
    });

    it('hana: hdbsql to 3NN15; hana-mdc: the system database 3NN13 with -d', () => {
      const single = planned('terminal', 'hana', { product: 'hana', instance: '02', connection: { user: 'SUPPORT' } });
      assert.equal(single.command, 'hdbsql');
      assert.deepEqual(single.args, ['-n', 'dev-ci.acme.example:30215', '-u', 'SUPPORT']);
      assert.deepEqual(planned('terminal', 'hana-mdc', { product: 'hana', instance: '02' }).args, ['-n', 'dev-ci.acme.example:30213', '-d', 'SYSTEMDB']);
      assert.deepEqual(planned('terminal', 'hana-mdc', { product: 'hana', instance: '02', connection: { port: 30241 } }, { hanaTenant: 'HXE' }).args, ['-n', 'dev-ci.acme.example:30241', '-d', 'HXE']);
      assert.deepEqual(planned('terminal', 'hana-mdc', { product: 'hana', instance: '02', connection: { tenant: 'S4P' } }, { hanaTenant: 'HXE' }).args, ['-n', 'dev-ci.acme.example:30213', '-d', 'S4P']);
      assert.ok(!single.args.includes('-p'));
    });

    it('jdbc-odbc and sap-db: a connection string for the clipboard', () => {
      const hana = planned('clipboard', 'jdbc-odbc', { product: 'hana', instance: '02' });
      assert.equal(hana.text, 'jdbc:sap://dev-ci.acme.example:30215/');
      assert.equal(planned('clipboard', 'jdbc-odbc', { connection: { port: 1433 } }).text, 'dev-ci.acme.example:1433');
      refused(plan('jdbc-odbc'), 'serviceConnections.jdbc-odbc.port', /needs one/);
      assert.equal(planned('clipboard', 'sap-db').text, 'jdbc:sapdb://dev-ci.acme.example:7210/DEV');
    });
  });

  it('the other types: the SAP Note and the host details', () => {
    const result = planned('note-and-details', 'gotoassist');
    assert.deepEqual(result.noteUrls, ['https://me.sap.com/notes/2016077']);
    assert.deepEqual(result.details, [
      'System: DEV (abap)',
      'Connection type: GoToAssist (gotoassist)',
      'Host: dev-ci.acme.example',
      'Instance: 01',
      'Client: 100',
      'SAP router route: /H/saprouter.acme.example/S/3299/H/dev-ci.acme.example/S/3201',
      'Open: 2026-11-20T08:00:00Z - 2026-11-27T18:00:00Z',
    ]);
  });

  it('plans every connection type of the catalog as planKindOf says', () => {
    for (const type of connectionTypes) {
      const result = plan(type.id, { product: 'hana', instance: '00' });
      assert.ok(!isRefusal(result), `${type.id}: ${isRefusal(result) ? result.reason : ''}`);
      assert.equal(result.kind, planKindOf(type.id), type.id);
      assert.equal(result.title, `DEV: ${type.name}`);
      const sapshcut = { sapshcut: 'C:/SAP/sapshcut.exe' };
      const withSapshcut = plan(type.id, { product: 'hana', instance: '00' }, sapshcut);
      assert.ok(!isRefusal(withSapshcut) && withSapshcut.kind === planKindOf(type.id, sapshcut), type.id);
    }
  });

  describe('refusals', () => {
    it('outside the declared window, with the window shown', () => {
      refused(plan('ssh', {}, {}, Date.parse('2026-11-19T00:00:00Z')), 'serviceConnections.ssh.window', /not open yet: its window is 2026-11-20T08:00:00Z - 2026-11-27T18:00:00Z/);
      refused(plan('ssh', {}, {}, Date.parse('2026-11-27T18:00:00Z')), 'serviceConnections.ssh.window', /is closed: its window was 2026-11-20T08:00:00Z - 2026-11-27T18:00:00Z/);
      refused(plan('ssh', { window: 'description: closed' }), 'serviceConnections.ssh.window', /has no open window/);
      refused(plan('ssh', { window: 'window: { from: 2026-11-20T08:00:00Z }' }), 'serviceConnections.ssh.window', /has no until: a connection without an end is not opened/);
    });

    it('for a window that ends on a day that does not exist (2026-02-31) or at 24:00, which Date.parse would roll over', () => {
      for (const until of ['2026-02-31T18:00:00Z', '2026-11-27T24:00:00Z', '2026-11-27T18:60:00Z']) {
        const result = plan('ssh', { window: `window: { from: 2026-02-20T08:00:00Z, until: ${until} }` }, {}, Date.parse('2026-03-02T00:00:00Z'));
        assert.ok(isRefusal(result), `${until} opened a plan`);
      }
    });

    it('for a quoted port that only JavaScript reads as a number ("0x50", "8e3", " 80 ")', () => {
      for (const port of ['0x50', '8e3', ' 80 ']) refused(plan('ssh', { connection: { port } }), 'serviceConnections.ssh.port', /is not a port/);
    });

    it('when the window has closed since the plan was made', () => {
      const ssh = planned('terminal', 'ssh');
      assert.equal(closedSincePlanned(ssh, Date.parse('2026-11-27T17:59:59Z')), undefined);
      refused(closedSincePlanned(ssh, Date.parse('2026-11-27T18:00:00Z'))!, 'serviceConnections.ssh.window', /closed at 2026-11-27T18:00:00Z while the confirmation was open/);
    });

    it('in an untrusted workspace, for an undeclared or unknown type', () => {
      refused(plan('ssh', {}, { trusted: false }), undefined, /not trusted/);
      const { model, system } = landscape('ssh');
      refused(planConnection(system, 'vnc', model, {}, NOW), 'serviceConnections.vnc', /declares no VNC Connection/);
      refused(planConnection(system, 'carrier-pigeon', model, {}, NOW), undefined, /not a known connection type/);
    });

    it('without a host', () => {
      const { model, system } = landscape('ssh');
      refused(planConnection({ ...system, host: undefined }, 'ssh', model, {}, NOW), 'host', /declares no host/);
    });

    // Every character that could inject, in every landscape value a plan uses, for every plan kind.
    const INJECTIONS = ['prd ci', 'prd;reboot', 'a&b', 'a|b', '$(id)', '${HOME}', 'a`id`', 'a"b', "a'b", 'a<b', 'a>b', 'a\nb', '-oProxyCommand=x', 'a\\b'];
    const REPRESENTATIVES = ['r3-support', 'http-connect', 'ssh', 'telnet', 'vnc', 'wts', 'hana', 'jdbc-odbc', 'sap-db', 'gotoassist'];

    it('covers every plan kind with the representatives', () => {
      assert.deepEqual([...new Set(REPRESENTATIVES.map((id) => planKindOf(id)))].sort(), ['clipboard', 'note-and-details', 'rdp-file', 'shortcut-file', 'terminal', 'uri', 'url']);
    });

    for (const typeId of REPRESENTATIVES) {
      it(`${typeId}: refuses injected values in host, service-connection host, user, instance, client and saprouter`, () => {
        for (const bad of INJECTIONS) {
          refused(plan(typeId, { host: bad }), 'host', /contains|starts with "-"/);
          refused(plan(typeId, { connection: { host: bad } }), `serviceConnections.${typeId}.host`, /contains|starts with "-"/);
          refused(plan(typeId, { connection: { user: bad } }), `serviceConnections.${typeId}.user`, /contains|starts with "-"/);
          refused(plan(typeId, { instance: bad }), 'instance', /contains|starts with "-"/);
          refused(plan(typeId, { client: bad }), 'client', /contains|starts with "-"/);
          if (typeId === 'r3-support' || typeId === 'gotoassist') {
            // The route is used by SAP GUI plans, and shown by the details plan only when valid.
            const result = plan(typeId, { saprouter: `/H/${bad}/S/3299` });
            if (typeId === 'r3-support') refused(result, 'saprouter', /contains|starts with "-"/);
            else assert.ok(!isRefusal(result) && !output(result).includes(bad));
          }
        }
      });
    }

    it('refuses injected option values (SAP user, language, tenant) and program paths', () => {
      refused(plan('r3-support', {}, { sapUser: 'a;b' }), 'sapUser', /";"/);
      refused(plan('r3-support', {}, { language: '$(x)' }), 'language', /"\$"/);
      refused(plan('hana-mdc', {}, { hanaTenant: '-c' }), 'hanaTenant', /starts with "-"/);
      refused(plan('hana-mdc', { connection: { tenant: '-c' } }), 'tenant', /starts with "-"/);
      refused(plan('ssh', {}, { ssh: 'ssh; rm -rf ~' }), 'ssh', /not usable/);
    });

    it('makes no plan of any type, not even SAP Note and details, for a host that could inject', () => {
      for (const type of connectionTypes) {
        for (const bad of INJECTIONS) refused(plan(type.id, { host: bad, product: 'hana' }), 'host', /contains|starts with "-"/);
      }
    });
  });
});
