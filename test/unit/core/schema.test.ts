import { strict as assert } from 'assert';
import { expectRule, yaml } from '../../helpers';

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
    expectRule('schema', yaml('landscape: x', 'systems:', '  PRD: { product: abpa }'), [{ line: 3, message: /allowed: abap, java, hana, solman, focused-run, other\. Did you mean "abap"\?/ }]);
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

  it('reports an 8 MB unknown key quickly: no suggestion is searched for a key far longer than every known one', () => {
    const key = 'x'.repeat(8 * 1024 * 1024);
    const started = Date.now();
    expectRule('schema', yaml('landscape: x', `${key}: 1`), [{ line: 2, message: /^Unknown property "x+"\. Known here: / }]);
    assert.ok(Date.now() - started < 3_000, `took ${Date.now() - started} ms`);
  });
});
