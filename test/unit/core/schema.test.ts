import { strict as assert } from 'assert';
import { check, expectFindings, expectRule, yaml } from '../../helpers';

describe('schema', () => {
  it('accepts the format of the issue\'s example', () => {
    expectRule('schema', yaml(
      'landscape: ACME Production',
      'partner: false',
      'saprouter: /H/saprouter.acme.example/S/3299',
      'users:',
      '  S0023456789: { kind: technical, description: backbone connectivity }',
      'systems:',
      '  PRD:',
      '    product: abap',
      '    instance: "00"',
      '    client: "100"',
      '    components:',
      '      ST-A/PI: { release: "01V_731", sp: 3 }',
      '    rfcDestinations:',
      '      SAPOSS: { type: "3", status: deactivated, deactivatedOn: 2026-11-10 }',
      '    serviceConnections:',
      '      r3-support: { window: { from: 2026-11-20T08:00:00Z, until: 2026-11-27T18:00:00Z } }',
      '    logonData:',
      '      - { user: SAPSUPPORT, client: "100", expires: 2026-12-01, secret: PRD/SAPSUPPORT }',
    ), []);
  });

  it('accepts the landscape scope, routes, clients and system identity of format v2', () => {
    expectRule('schema', yaml(
      'landscape: Contoso',
      'customer: "0001234567"',
      'saprouter: /H/saprouter.contoso.example/S/3299',
      'accessRoute: /H/saprouter.partner.example/S/3299/H/saprouter.contoso.example/S/3299',
      'systems:',
      '  PRD:',
      '    product: abap',
      '    messageServer: prd-ascs.contoso.example',
      '    messageServerPort: "3601"',
      '    logonGroup: PUBLIC',
      '    sncName: "p:CN=PRD, O=Contoso, C=DE"',
      '    accessRoute: ""',
      '    client: "100"',
      '    clients:',
      '      "100": { description: Production, language: EN }',
      '      "000": { description: Administration }',
      '    installationNumber: "0020123456"',
      '    systemNumber: "000000000312345678"',
      '  QAS: { product: abap, messageServer: qas-ascs.contoso.example, messageServerPort: sapmsQAS }',
    ), []);
  });

  it('reports a message server port, client key, language or installation number of the wrong shape', () => {
    expectRule('schema', yaml(
      'landscape: x',
      'systems:',
      '  PRD:',
      '    product: abap',
      '    messageServerPort: "3200"',
      '    clients:',
      '      "10": { language: ENG }',
      '    installationNumber: "12345"',
      '    systemNumber: "0000000003123456789"',
    ), [{ line: 5 }, { line: 7 }, { line: 7 }, { line: 8 }, { line: 9 }]);
  });

  it('reports a property indented as a system once, at its key, as no SID', () => {
    expectRule('schema', yaml('landscape: x', 'systems:', '  AAA:', '    product: abap', '  rfcDestinations:', '    SAPOSS: { type: "3" }'), [
      { line: 5, message: /"rfcDestinations" is not a valid name here: a SID has three characters/ },
      { line: 6, message: /Unknown property "SAPOSS"/ },
    ]);
  });

  it('says to quote a bare instance number, client or destination type, at the value', () => {
    expectRule('schema', yaml('landscape: x', 'systems:', '  PRD:', '    product: abap', '    instance: 08', '    client: 100', '    rfcDestinations:', '      X: { type: 3 }'), [
      { line: 5, message: /"instance" must be text: write it in quotes, "08"/ },
      { line: 6, message: /"client" must be text: write it in quotes, "100"/ },
      { line: 8, message: /"type" must be text: write it in quotes, "3"/ },
    ]);
  });

  it('points at the key of an unknown property and suggests the closest known one', () => {
    expectRule('schema', yaml('landscape: x', 'systems:', '  PRD:', '    product: abap', '    suportConnection: direct'), [
      { line: 5, message: /Unknown property "suportConnection".*Did you mean "supportConnection"\?/ },
    ]);
  });

  it('points at the parent key of a missing property', () => {
    expectRule('schema', yaml('landscape: x', 'systems:', '  PRD:', '    role: production'), [{ line: 3, message: /"PRD" is missing the required property "product"/ }]);
    expectRule('schema', yaml('systems: {}'), [{ line: 1, message: /The landscape is missing the required property "landscape"/ }]);
  });

  it('lists allowed values and suggests one for a typo', () => {
    expectRule('schema', yaml('landscape: x', 'systems:', '  PRD: { product: abpa }'), [{ line: 3, message: /allowed: abap, java, dual-stack, hana, solman, focused-run, other\. Did you mean "abap"\?/ }]);
  });

  it('explains SIDs, dates and date-times', () => {
    expectRule('schema', yaml('landscape: x', 'systems:', '  PRD1: { product: abap }', '  QAS:', '    product: abap', '    logonData: [{ user: A, expires: 01.12.2026 }]', '    serviceConnections:', '      ssh: { window: { from: tomorrow } }'), [
      { line: 3, message: /"PRD1" is not a valid name here: a SID has three characters/ },
      { line: 6, message: /"expires" must be an ISO date such as 2026-12-01/ },
      { line: 8, message: /"from" must be an ISO date-time/ },
    ]);
  });

  it('reports an empty file and a file that is not a mapping', () => {
    expectRule('schema', '', [{ line: 1, message: /The file is empty/ }]);
    expectRule('schema', '- a\n- b\n', [{ line: 1, message: /not a mapping/ }]);
  });

  it('leaves password keys to plaintext-secret', () => {
    expectRule('schema', yaml('landscape: x', 'systems:', '  PRD:', '    product: abap', '    logonData: [{ user: A, password: x }]'), []);
  });

  it('reports SNOTE, SM59 destinations and a direct connection on a Java system or HANA database, and tenants off HANA', () => {
    const findings = expectRule('schema', yaml(
      'landscape: x',
      'systems:',
      '  PIJ:',
      '    product: java',
      '    supportConnection: direct',
      '    noteAssistant: { used: true, digitallySignedNotes: false }',
      '    rfcDestinations: { SAPOSS: { type: "3" } }',
      '  HDB: { product: hana, supportConnection: solman, tenants: { HDB: { sqlPort: 30041 } } }',
      '  PRD: { product: abap, tenants: { HDB: {} } }',
      '  PIX: { product: dual-stack, supportConnection: direct, noteAssistant: { used: true } }',
    ), [
      { line: 5, message: /PIJ is a Java system: it has no direct HTTPS connection of its own.*solman, focused-run or cloud-alm/ },
      { line: 6, message: /PIJ is a Java system: SAP Note Assistant \(SNOTE\) exists only on ABAP.*product: dual-stack/ },
      { line: 7, message: /PIJ is a Java system: SM59 destinations exist only on ABAP/ },
      { line: 9, message: /PRD is product: abap: tenants belong to a SAP HANA database/ },
    ]);
    assert.equal(findings[0].sid, 'PIJ');
    // A Java system is not told to run an ABAP report.
    expectFindings(check(yaml('landscape: x', 'systems:', '  PIJ: { product: java, noteAssistant: { used: true } }'), { rules: ['note-assistant-signed-notes'] }), []);
  });

  it('reports an 8 MB unknown key, with the known names and no suggestion (its cost: closest.test.ts)', () => {
    const key = 'x'.repeat(8 * 1024 * 1024);
    expectRule('schema', yaml('landscape: x', `${key}: 1`), [{ line: 2, message: /^Unknown property "x+"\. Known here: / }]);
  });
});
