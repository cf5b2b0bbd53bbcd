import { strict as assert } from 'assert';
import { resolveOptions } from '../../../src/core/config/options';
import { checkLandscapes } from '../../../src/core/engine';
import type { LandscapeFile } from '../../../src/core/landscape/file';
import { connectionFor, describeConnection, importFragment, type LiveSystemData } from '../../../src/core/rfc';
import { compareWithLive } from '../../../src/core/rfc/live-checks';
import { parseRfcOptions, readLiveSystem } from '../../../src/core/rfc/live-data';
import { RULES } from '../../../src/core/rules/registry';
import { check, expectFindings, TODAY, yaml } from '../../helpers';
import { RecordedRfcClient } from './recorded-client';

const READING = { reading: { pageSize: 2 } };

function load(text: string): LandscapeFile {
  return checkLandscapes([{ path: 'prd.landscape.yaml', text }], resolveOptions(RULES, { now: TODAY }), []).files[0];
}

function system(file: LandscapeFile, sid = 'PRD') {
  return file.model!.systems.find((candidate) => candidate.sid === sid)!;
}

/** The landscape as it agrees with the recordings. */
const AGREEING = yaml(
  'landscape: ACME',
  'saprouter: /H/saprouter.acme.example/S/3299',
  'systems:',
  '  PRD:',
  '    product: abap',
  '    host: prd-ci.acme.example',
  '    instance: "00"',
  '    client: "100"',
  '    components:',
  '      SAP_BASIS: { release: "754", sp: 5 }',
  '      ST-PI: { release: "740", sp: 22 }',
  '      ST-A/PI: { release: "01V_731", sp: 3 }',
  '    noteAssistant: { used: true, digitallySignedNotes: true }',
  '    rfcDestinations:',
  '      SAPOSS: { type: "3", target: /H/saprouter.acme.example/S/sapdp99/H/147.204.2.5/S/sapdp99/H/oss001, status: deactivated, deactivatedOn: 2026-11-10 }',
  '      SDCC_OSS: { type: "3", status: deactivated }',
  '      SAP-SUPPORT_PORTAL: { type: H, host: apps.support.sap.com, port: 443 }',
  '      SAP-SUPPORT_NOTE_DOWNLOAD: { type: G, host: notesdownloads.sap.com, port: 443 }',
);

async function verify(text: string, ...fixtures: string[]) {
  const file = load(text);
  const client = RecordedRfcClient.from(...fixtures);
  // Read only the tables recorded for the case.
  const parts = (['destinations', 'components', 'notes'] as const).filter((part) => fixtures.some((name) => name.startsWith({ destinations: 'rfcdes', components: 'cvers', notes: 'cwbntcust' }[part])));
  const data = await readLiveSystem(client, system(file).sid, { ...READING, parts: [...parts] });
  return { data, findings: compareWithLive(file, system(file), data) };
}

describe('rfc: live checks against recorded RFC_READ_TABLE data', () => {
  it('reports no drift when the file agrees with the system (only the deactivated-but-defined legacy ones)', async () => {
    const { findings } = await verify(AGREEING, 'rfcdes-paged.json', 'cvers-paged.json', 'cwbntcust-implemented.json');
    // RFCDES cannot show SM59 deactivation: the two declared-deactivated legacy destinations are warnings to confirm.
    expectFindings(findings, [
      { rule: 'live-destination-drift', line: 15, severity: 'warning', message: /SAPOSS is declared deactivated but is still defined in PRD .*confirm/ },
      { rule: 'live-destination-drift', line: 16, severity: 'warning', message: /SDCC_OSS is declared deactivated/ },
    ]);
  });

  it('reports a destination missing in the system, a type and a host mismatch, and an undeclared legacy one', async () => {
    const text = yaml(
      'landscape: ACME',
      'systems:',
      '  PRD:',
      '    product: abap',
      '    rfcDestinations:',
      '      SAPOSS: { type: "3", status: deactivated }',
      '      SAP-SUPPORT_PORTAL: { type: G, host: apps.support.sap.com, port: 443 }',
      '      SAP-SUPPORT_NOTE_DOWNLOAD: { type: G, host: notesdownloads.example.com, port: 8443 }',
      '      SAP-SUPPORT_PARCELBOX: { type: G, host: documents.support.sap.com, port: 443 }',
      '      OLD_PARTNER: { type: "3", status: deactivated }',
    );
    const { findings } = await verify(text, 'rfcdes-paged.json');
    expectFindings(findings, [
      { rule: 'live-destination-drift', line: 5, severity: 'error', message: /SDCC_OSS is defined in PRD \(type 3, target \/H\/saprouter.*oss001\) but not declared: .*legacy/ },
      { rule: 'live-destination-drift', line: 6, severity: 'warning', message: /SAPOSS is declared deactivated but is still defined/ },
      { rule: 'live-destination-drift', line: 7, severity: 'error', message: /SAP-SUPPORT_PORTAL has connection type H in PRD, the file says G/ },
      { rule: 'live-destination-drift', line: 8, severity: 'error', message: /SAP-SUPPORT_NOTE_DOWNLOAD points at notesdownloads.sap.com in PRD, the file says notesdownloads.example.com/ },
      { rule: 'live-destination-drift', line: 8, severity: 'error', message: /uses port 443 in PRD, the file says 8443/ },
      { rule: 'live-destination-drift', line: 9, severity: 'error', message: /SAP-SUPPORT_PARCELBOX is declared but not defined in PRD \(no RFCDES entry\)/ },
      { rule: 'live-destination-drift', line: 10, severity: 'info', message: /OLD_PARTNER is no longer defined in PRD .*deleted/ },
    ]);
    assert.ok(findings.every((finding) => finding.sid === 'PRD' && finding.path === 'prd.landscape.yaml' && finding.notes[0] === '2923799'));
  });

  it('does not compare hosts when RFCOPTIONS was truncated, and says so', async () => {
    const { findings } = await verify(yaml('landscape: ACME', 'systems:', '  PRD:', '    product: abap', '    rfcDestinations:', '      SAP-SUPPORT_PORTAL: { type: H, host: elsewhere.example }'), 'rfcdes-buffer-exceeded.json');
    // No host comparison for SAP-SUPPORT_PORTAL; legacy destinations are still found by name.
    expectFindings(findings, [
      { rule: 'live-destination-drift', line: 5, severity: 'error', message: /^SAPOSS is defined in PRD \(type 3\) but not declared/ },
      { rule: 'live-destination-drift', line: 5, severity: 'error', message: /^SDCC_OSS is defined in PRD \(type 3\) but not declared/ },
      { rule: 'live-destination-drift', line: 5, severity: 'info', message: /Target hosts of PRD's destinations not compared: RFCOPTIONS \(1024 characters\) does not fit/ },
    ]);
  });

  it('reports component release and SP drift and a component not installed', async () => {
    const text = yaml(
      'landscape: ACME',
      'systems:',
      '  PRD:',
      '    product: abap',
      '    components:',
      '      SAP_BASIS: { release: "750", sp: 5 }',
      '      ST-PI: { release: "740", sp: 20 }',
      '      ST-A/PI: { release: "01V_731", sp: 3 }',
      '      SAP_UI: { release: "754", sp: 1 }',
    );
    const { findings } = await verify(text, 'cvers-paged.json');
    expectFindings(findings, [
      { rule: 'live-component-drift', line: 6, severity: 'error', message: /SAP_BASIS has release 754 in PRD, the file says 750/ },
      { rule: 'live-component-drift', line: 7, severity: 'warning', message: /ST-PI is at SP 22 in PRD, the file says 20/ },
      { rule: 'live-component-drift', line: 9, severity: 'error', message: /SAP_UI is declared but not installed in PRD \(no CVERS entry\)/ },
    ]);
  });

  it('reports signed-note SAP Notes not implemented while the file says digitallySignedNotes: true', async () => {
    const text = yaml('landscape: ACME', 'systems:', '  PRD:', '    product: abap', '    noteAssistant: { used: true, digitallySignedNotes: true }');
    const file = load(text);
    const client = RecordedRfcClient.from('cwbntcust-incomplete.json');
    const data = await readLiveSystem(client, 'PRD', { parts: ['notes'], ...READING });
    assert.deepEqual(client.received[0].parameters.OPTIONS, [{ TEXT: "NUMM EQ '0002408073' OR NUMM EQ '0002546220' OR NUMM EQ '0002508268'" }]);
    expectFindings(compareWithLive(file, system(file), data), [
      { rule: 'live-note-assistant', line: 5, severity: 'error', message: /SNOTE shows SAP Note 2546220 not downloaded, 2508268 can be implemented \(not implemented\)/ },
    ]);
  });

  it('counts notes SNOTE shows as not relevant (contained in the support package) as done, not missing', async () => {
    const signed = yaml('landscape: ACME', 'systems:', '  PRD:', '    product: abap', '    noteAssistant: { used: true, digitallySignedNotes: true }');
    expectFindings((await verify(signed, 'cwbntcust-contained.json')).findings, []);
    const unsigned = yaml('landscape: ACME', 'systems:', '  PRD:', '    product: abap', '    noteAssistant: { used: true }');
    expectFindings((await verify(unsigned, 'cwbntcust-contained.json')).findings, [{ rule: 'live-note-assistant', line: 5, severity: 'info', message: /set digitallySignedNotes: true/ }]);
  });

  it('suggests digitallySignedNotes: true when the notes are implemented but the file does not say so', async () => {
    const { findings } = await verify(yaml('landscape: ACME', 'systems:', '  PRD:', '    product: abap', '    noteAssistant: { used: true }'), 'cwbntcust-implemented.json');
    expectFindings(findings, [{ rule: 'live-note-assistant', line: 5, severity: 'info', message: /set digitallySignedNotes: true/ }]);
  });

  it('turns a table it may not read into one clear warning and still compares the rest', async () => {
    const { findings } = await verify(AGREEING, 'cvers-table-not-available.json', 'cwbntcust-not-authorized.json', 'rfcdes-paged.json');
    const messages = findings.filter((finding) => finding.ruleId !== 'live-destination-drift').map((finding) => `${finding.ruleId} ${finding.severity}: ${finding.message}`);
    assert.deepEqual(messages, [
      'live-component-drift warning: Software components of PRD not compared with the live system: Table CVERS does not exist in the system (RFC_READ_TABLE raised TABLE_NOT_AVAILABLE).',
      'live-note-assistant warning: SNOTE\'s signed-note notes in PRD not checked against the live system: The RFC user may not read table CWBNTCUST (RFC_READ_TABLE raised NOT_AUTHORIZED): it needs display authorization (ACTVT 03) in S_TABU_DIS for the table\'s authorization group, or in S_TABU_NAM for CWBNTCUST.',
    ]);
  });

  it('honours suppression comments in the declaring file', async () => {
    const text = yaml('landscape: ACME', 'systems:', '  PRD:', '    product: abap', '    components:', '      # sapready-disable-next-line live-component-drift -- upgrade this weekend', '      SAP_BASIS: { release: "750" }');
    const { findings } = await verify(text, 'cvers-paged.json');
    expectFindings(findings, []);
  });

  it('masks /W/ router passwords of live routes in its messages', async () => {
    const file = load(yaml('landscape: ACME', 'systems:', '  PRD:', '    product: abap', '    rfcDestinations:', '      SAPOSS: { type: "3", status: deactivated }'));
    const data = await readLiveSystem(RecordedRfcClient.from('rfcdes-router-password.json'), 'PRD', { parts: ['destinations'], reading: { pageSize: 10 } });
    const findings = compareWithLive(file, system(file), data);
    expectFindings(findings, [
      { rule: 'live-destination-drift', line: 5, severity: 'error', message: /^SAPNET_RFC is defined in PRD \(type 3, target \/H\/saprouter.acme.example\/S\/sapdp99\/w\/\*\*\*\/H\/sapserv3\) but not declared/ },
      { rule: 'live-destination-drift', line: 6, severity: 'warning', message: /^SAPOSS is declared deactivated but is still defined in PRD \(target \/H\/saprouter.acme.example\/W\/\*\*\*\/S\/sapdp99\// },
    ]);
    assert.doesNotMatch(JSON.stringify(findings), /s3cret|an0ther/);
  });

  it('parses RFCOPTIONS (community-sourced layout)', () => {
    assert.deepEqual(parseRfcOptions('H=/H/r/S/sapdp99/H/oss001,S=sapgw01,M=001,U=OSS_RFC'), { H: '/H/r/S/sapdp99/H/oss001', S: 'sapgw01', M: '001', U: 'OSS_RFC' });
    assert.deepEqual(parseRfcOptions(''), {});
  });
});

describe('rfc: connection parameters from the landscape', () => {
  it('takes host, instance, client and the saprouter route; never a password', () => {
    const file = load(AGREEING);
    const result = connectionFor(file.model!, system(file));
    assert.ok(result.ok);
    assert.deepEqual(result.parameters, { sid: 'PRD', client: '100', target: { kind: 'application-server', host: 'prd-ci.acme.example', instance: '00' }, saprouter: '/H/saprouter.acme.example/S/3299' });
    assert.equal(describeConnection(result.parameters), 'PRD (prd-ci.acme.example, instance 00, client 100, via /H/saprouter.acme.example/S/3299)');
    const direct = connectionFor(file.model!, system(file), { useSaprouter: false });
    assert.ok(direct.ok && direct.parameters.saprouter === undefined);
  });

  it('refuses a saprouter route that carries a /W/ password, which prompts and messages would echo', () => {
    const file = load(AGREEING.replace('/H/saprouter.acme.example/S/3299', '/H/saprouter.acme.example/S/3299/W/routerpass'));
    const result = connectionFor(file.model!, system(file));
    assert.ok(!result.ok);
    assert.match(result.problem, /\/W\/ router password/);
    assert.doesNotMatch(result.problem, /routerpass/);
  });

  it('masks a /W/ password in a route it describes, for parameters not built by connectionFor', () => {
    const described = describeConnection({ sid: 'PRD', client: '100', target: { kind: 'application-server', host: 'prd', instance: '00' }, saprouter: '/H/r/W/s3cret/H/x' });
    assert.equal(described, 'PRD (prd, instance 00, client 100, via /H/r/W/***/H/x)');
  });

  it('prefers messageServer and logonGroup (default PUBLIC)', () => {
    const text = yaml('landscape: ACME', 'systems:', '  PRD:', '    product: abap', '    client: "100"', '    messageServer: prd-ascs.acme.example', '    supportConnection: none', '  QAS:', '    product: abap', '    client: "200"', '    messageServer: qas-ascs.acme.example', '    logonGroup: SPACE', '    supportConnection: none');
    const file = load(text);
    const prd = connectionFor(file.model!, system(file, 'PRD'));
    const qas = connectionFor(file.model!, system(file, 'QAS'));
    assert.ok(prd.ok && qas.ok);
    assert.deepEqual(prd.parameters.target, { kind: 'message-server', host: 'prd-ascs.acme.example', group: 'PUBLIC' });
    assert.deepEqual(qas.parameters.target, { kind: 'message-server', host: 'qas-ascs.acme.example', group: 'SPACE' });
    expectFindings(check(text), []);
  });

  it('says what is missing', () => {
    const file = load(yaml('landscape: ACME', 'systems:', '  PRD:', '    product: abap', '    host: prd', '    client: "100"', '  QAS: { product: abap, host: qas, instance: "00" }'));
    assert.deepEqual(connectionFor(file.model!, system(file, 'PRD')), { ok: false, problem: 'System PRD declares no instance (e.g. instance: "00"), which live verification needs to log on.' });
    assert.deepEqual(connectionFor(file.model!, system(file, 'QAS')), { ok: false, problem: 'System QAS declares no client (e.g. client: "100"), which live verification needs to log on.' });
  });

  it('the schema rejects a logonGroup that is not text', () => {
    expectFindings(check(yaml('landscape: ACME', 'systems:', '  PRD: { product: abap, messageServer: ms, logonGroup: [a] }'), { rules: ['schema'] }), [{ rule: 'schema', line: 3 }]);
  });
});

describe('rfc: import from a live system', () => {
  async function imported(): Promise<{ text: string; data: LiveSystemData }> {
    const data = await readLiveSystem(RecordedRfcClient.from('rfcdes-paged.json', 'cvers-paged.json'), 'PRD', { parts: ['destinations', 'components'], ...READING });
    return { text: importFragment(data, { today: TODAY, source: 'prd-ci.acme.example, client 100' }), data };
  }

  it('writes components and destinations as a landscape fragment', async () => {
    const { text } = await imported();
    assert.match(text, /^# Imported by sapready from the live system PRD \(prd-ci.acme.example, client 100\) on 2026-11-23:/);
    assert.match(text, /\n {6}SAP_BASIS: \{ release: "754", sp: 5 \}\n/);
    assert.match(text, /\n {6}ST-A\/PI: \{ release: "01V_731", sp: 3 \}\n/);
    assert.match(text, /\n {6}SAP-SUPPORT_PORTAL: \{ type: "H", host: "apps.support.sap.com", port: 443 \}\n/);
    assert.match(text, /\n {6}SAPOSS: \{ type: "3", target: "\/H\/saprouter.acme.example\/S\/sapdp99\/H\/147.204.2.5\/S\/sapdp99\/H\/oss001" \}\n/);
  });

  it('writes routes with /W/ router passwords masked', async () => {
    const data = await readLiveSystem(RecordedRfcClient.from('rfcdes-router-password.json'), 'PRD', { parts: ['destinations'], reading: { pageSize: 10 } });
    const text = importFragment(data, { today: TODAY });
    assert.match(text, /\n {6}SAPOSS: \{ type: "3", target: "\/H\/saprouter.acme.example\/W\/\*\*\*\/S\/sapdp99\/H\/147.204.2.5\/S\/sapdp99\/H\/oss001" \}\n/);
    assert.match(text, /\n {6}SAPNET_RFC: \{ type: "3", target: "\/H\/saprouter.acme.example\/S\/sapdp99\/w\/\*\*\*\/H\/sapserv3" \}\n/);
    assert.doesNotMatch(text, /s3cret|an0ther/);
  });

  it('parses back with the engine, validates against the schema, and agrees with the system it came from', async () => {
    const { text, data } = await imported();
    const findings = check({ 'imported.landscape.yaml': text }, { rules: ['yaml-syntax', 'schema'] });
    expectFindings(findings, []);
    const file = load(text);
    // The imported destinations and components are the live ones: no drift but the legacy ones (not declared deactivated).
    const drift = compareWithLive(file, system(file), data);
    assert.deepEqual(drift.map((finding) => finding.ruleId), []);
    // And the full rule set sees the legacy destinations it brought in.
    assert.ok(check({ 'imported.landscape.yaml': text }).some((finding) => finding.ruleId === 'legacy-rfc-destination'));
  });
});
