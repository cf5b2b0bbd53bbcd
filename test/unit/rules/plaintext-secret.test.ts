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

  it('reports password keys however they are spelled: other languages, compounds, escapes, look-alike letters, zero-width characters', () => {
    const keys = ['passwort', 'kennwort', 'pw', 'pin', 'sapPassword', 'rfcPassword', 'db.password', 'password1', 'passwords', 'secretKey', 'private_key', 'access_token', 'apiToken', '"p\\x61ssword"', 'pаssword', 'pass\u200bword'];
    expectRule(RULE, yaml('landscape: x', 'systems:', '  PRD:', '    product: abap', '    logonData:', ...keys.map((key) => `      - { user: U, ${key}: x }`)), keys.map((_, index) => ({ line: 6 + index, message: /holds a password in plain text/ })));
  });

  it('reports values shaped like secrets whatever their key: a Basic credential, a URL with user:password@', () => {
    expectRule(RULE, yaml(
      'landscape: x',
      'systems:',
      '  PRD:',
      '    product: abap',
      '    serviceConnections:',
      '      http: { auth: "Basic dXNlcjpwYXNzd29yZA==" }',
      '      web: { url: "https://admin:Geheim123@sap.example/sap/bc" }',
    ), [
      { line: 6, message: /an HTTP Authorization credential/ },
      { line: 7, message: /a URL with a password/ },
    ]);
  });

  it('reports keys that arrive through merge keys, in a system and in systems itself', () => {
    expectRule(RULE, yaml(
      'landscape: x',
      'systems:',
      '  <<: { QAS: { product: abap, logonData: [{ user: U, password: x }] } }',
      '  PRD:',
      '    <<: { kennwort: y }',
      '    product: abap',
    ), [
      { line: 3, message: /"password"/ },
      { line: 5, message: /"kennwort"/ },
    ]);
  });

  it('keeps quiet on words that only contain a secret word: passenger, description, passport, spinner', () => {
    expectRule(RULE, yaml('landscape: x', 'systems:', '  PRD:', '    product: abap', '    x-notes: { passenger: a, description: b, passport: c, spinner: d, secret: PRD/U, keyboard: e }'), []);
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
