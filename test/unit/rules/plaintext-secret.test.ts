import { strict as assert } from 'assert';
import { expectRule, yaml } from '../../helpers';

const RULE = 'plaintext-secret';

describe(RULE, () => {
  it('reports password-like keys anywhere in the file, at the key', () => {
    expectRule(RULE, yaml(
      'landscape: x',
      'systems:',
      '  PRD:',
      '    product: abap',
      '    logonData: [{ user: SAPSUPPORT, password: Welcome1 }]',
      '    rfcDestinations:',
      '      X: { type: "3", rfc_password: secret }',
      '    serviceConnections:',
      '      ssh: { user: sap, Passwd: x }',
      'credentials: { token: abc }',
    ), [
      { line: 5, severity: 'error', message: /"password" holds a password in plain text/ },
      { line: 7, message: /"rfc_password"/ },
      { line: 9, message: /"Passwd"/ },
      { line: 10, message: /"credentials"/ },
      { line: 10, message: /"token"/ },
    ]);
  });

  it('reports a /W/ router password in any route string, whatever the case of the letter', () => {
    expectRule(RULE, yaml(
      'landscape: x',
      'saprouter: /H/router.example/S/3299/W/secret',
      'systems:',
      '  PRD: { product: abap, rfcDestinations: { X: { type: "3", target: "/H/r.example/S/3299/w/secret99/H/x.example" } } }',
    ), [
      { line: 2, message: /\/W\/ router password/ },
      { line: 4, message: /\/W\/ router password/ },
    ]);
  });

  it('does not report secret names, empty password keys, or words that merely contain "pass"', () => {
    expectRule(RULE, yaml(
      'landscape: x',
      'systems:',
      '  PRD:',
      '    product: abap',
      '    description: passes EWA through Solution Manager; see /W/ in the router docs',
      '    logonData: [{ user: SAPSUPPORT, expires: 2026-12-01, secret: PRD/SAPSUPPORT }]',
      '    rfcDestinations: { PASSPORT: { type: "3", target: /H/wine.example/S/3299 } }',
      '    serviceConnections: { ssh: { user: sap, password: } }',
    ), []);
  });

  it('reports each written place once when aliases share it', () => {
    expectRule(RULE, yaml('landscape: x', 'logon: &l { user: A, password: x }', 'again: [*l, *l]'), [{ line: 2 }]);
  });

  it('reports a /P/ password hop (SAP\'s older form) like /W/, without citing the SAP GUI shortcut note for routes', () => {
    const findings = expectRule(RULE, yaml(
      'landscape: x',
      'accessRoute: /H/router.example/H/target.example/P/hunter2',
      'systems:',
      '  PRD: { product: abap, password: x }',
    ), [
      { line: 2, message: /carries a \/P\/ router password in plain text/ },
      { line: 4, message: /"password" holds a password/ },
    ]);
    assert.deepEqual(findings[0].notes, []);
    assert.deepEqual(findings[1].notes, ['146173']);
  });
});
