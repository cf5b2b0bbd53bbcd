import { strict as assert } from 'assert';
import { check, expectFindings, expectRule, yaml } from '../../helpers';

const RULE = 'technical-user-required';

const landscape = (users: string[], systemLines: string[]): string =>
  yaml(
    'landscape: Test',
    ...(users.length ? ['users:', ...users.map((line) => `  ${line}`)] : []),
    'systems:',
    '  PRD:',
    '    product: abap',
    ...systemLines.map((line) => `    ${line}`),
  );

describe(RULE, () => {
  it('reports a communication user and a destination user that no file declares, at the value', () => {
    const text = landscape([], [
      'communicationUser: S0023456789',
      'rfcDestinations:',
      '  SAP-SUPPORT_PORTAL: { type: H, host: apps.support.sap.com, port: 443, user: S0099999999 }',
    ]);
    const [system, destination] = expectRule(RULE, text, [
      { line: 5, severity: 'error', message: /S0023456789, the communicationUser of system PRD, is not declared under users\. Declare it with kind: technical/ },
      { line: 7, severity: 'error', message: /S0099999999, the user of SAP-SUPPORT_PORTAL in system PRD, is not declared/ },
    ]);
    assert.equal(system.sid, 'PRD');
    assert.deepEqual(system.notes, ['2174416']);
    assert.equal(system.range.start.character, text.split('\n')[4].indexOf('S00'));
    assert.equal(destination.range.start.character, text.split('\n')[6].indexOf('S0099999999'));
  });

  it('reports an S-user, pointing at its declaration in another file', () => {
    const findings = check({
      'users.landscape.yaml': yaml('landscape: Users', 'users:', '  S0001112223: { kind: s-user, description: Basis lead }'),
      'prd.landscape.yaml': landscape([], [
        'communicationUser: S0001112223',
        'rfcDestinations:',
        '  SAP-SUPPORT_NOTE_DOWNLOAD: { type: G, user: S0001112223 }',
      ]),
    }, { rules: [RULE] });
    expectFindings(findings, [
      { rule: RULE, path: 'prd.landscape.yaml', line: 5, message: /S0001112223, the communicationUser of system PRD, is an S-user: .*stopped working for system connectivity on 2020-01-08/ },
      { rule: RULE, path: 'prd.landscape.yaml', line: 7, message: /the user of SAP-SUPPORT_NOTE_DOWNLOAD in system PRD, is an S-user/ },
    ]);
    assert.deepEqual(findings[0].related.map((related) => [related.path, related.range.start.line + 1, related.message]), [
      ['users.landscape.yaml', 3, 'S0001112223 is declared as kind: s-user here.'],
    ]);
  });

  it('does not report technical users declared in any file, other destinations, deactivated ones, or odd input', () => {
    expectRule(RULE, landscape(['S0023456789: { kind: technical }'], [
      'communicationUser: S0023456789',
      'rfcDestinations:',
      '  SAP-SUPPORT_PORTAL: { type: H, host: apps.support.sap.com, port: 443, user: S0023456789 }',
      '  sap-support_parcelbox: { type: G, user: S0023456789 }',
      '  SM_PRDCLNT100_BACK: { type: "3", user: SOLMAN_BTC }',
      '  SAP-SUPPORT_NOTE_DOWNLOAD: { type: G, user: S0001112223, status: deactivated }',
    ]), []);
    const findings = check({
      'users.landscape.yaml': yaml('landscape: Users', 'users:', '  S0023456789: { kind: technical }'),
      'prd.landscape.yaml': landscape([], ['communicationUser: S0023456789']),
    }, { rules: [RULE] });
    expectFindings(findings, []);
    expectRule(RULE, landscape(['S0023456789: { description: kind missing, the schema reports it }'], ['communicationUser: S0023456789']), []);
    expectRule(RULE, landscape([], ['communicationUser:', 'rfcDestinations: { SAP-SUPPORT_PORTAL: { type: H } }']), []);
    expectRule(RULE, yaml('landscape: Test', 'users: [S0023456789]', 'systems: { PRD: abap }'), []);
  });

  it('takes the destination names from options', () => {
    const text = landscape([], ['rfcDestinations:', '  SAP-SUPPORT_PORTAL: { type: H, user: S1 }', '  OUR_PORTAL: { type: H, user: S2 }']);
    expectRule(RULE, text, [{ line: 7, message: /S2, the user of OUR_PORTAL/ }], { options: { rules: { [RULE]: { destinationNames: ['OUR_PORTAL'] } } } });
  });
});
