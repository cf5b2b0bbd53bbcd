import { strict as assert } from 'assert';
import { check, expectFindings, yaml } from '../../helpers';

const RULE = 'duplicate-declaration';

describe(RULE, () => {
  it('reports a SID declared in two files of one landscape at each declaration, pointing at the other', () => {
    const findings = check(
      {
        'a.landscape.yaml': yaml('landscape: B', 'systems:', '  PRD: { product: abap }', '  QAS: { product: abap }'),
        'b.landscape.yaml': yaml('landscape: B', 'systems:', '  DEV: { product: abap }', '  PRD:', '    product: abap'),
      },
      { rules: [RULE] },
    );
    expectFindings(findings, [
      { rule: RULE, path: 'a.landscape.yaml', line: 3, severity: 'error', message: /System PRD is also declared in b\.landscape\.yaml: declare it in one file only/ },
      { rule: RULE, path: 'b.landscape.yaml', line: 4, message: /System PRD is also declared in a\.landscape\.yaml/ },
    ]);
    assert.equal(findings[0].sid, 'PRD');
    assert.deepEqual(findings[0].related.map((related) => [related.path, related.range.start.line + 1]), [['b.landscape.yaml', 4]]);
    assert.deepEqual(findings[1].related.map((related) => [related.path, related.range.start.line + 1]), [['a.landscape.yaml', 3]]);
  });

  it('reports a user ID declared in two files of one landscape, listing every other place', () => {
    const user = (name: string): string => yaml(`landscape: ${name}`, 'users:', '  S0012345678: { kind: technical }');
    const findings = check({ 'a.landscape.yaml': user('A'), 'b.landscape.yaml': user('A'), 'c.landscape.yaml': user('A'), 'd.landscape.yaml': user('D') }, { rules: [RULE] });
    expectFindings(findings, [
      { rule: RULE, path: 'a.landscape.yaml', line: 3, message: /User S0012345678 is also declared in b\.landscape\.yaml, c\.landscape\.yaml/ },
      { rule: RULE, path: 'b.landscape.yaml', line: 3, message: /a\.landscape\.yaml, c\.landscape\.yaml/ },
      { rule: RULE, path: 'c.landscape.yaml', line: 3, message: /a\.landscape\.yaml, b\.landscape\.yaml/ },
    ]);
    assert.equal(findings[0].related.length, 2);
  });

  it('leaves a key written twice in one file to yaml-syntax, and accepts distinct declarations', () => {
    expectFindings(check(yaml('landscape: A', 'systems:', '  PRD: { product: abap }', '  PRD: { product: abap }'), { rules: [RULE] }), []);
    expectFindings(
      check(
        {
          'a.landscape.yaml': yaml('landscape: A', 'users:', '  S1: { kind: technical }', 'systems:', '  PRD: { product: abap, solman: SM1 }'),
          'b.landscape.yaml': yaml('landscape: B', 'users:', '  S2: { kind: technical }', 'systems:', '  SM1: { product: solman }'),
        },
        { rules: [RULE] },
      ),
      [],
    );
  });

  it('lets two customers\' landscapes in one run each declare their own PRD and users', () => {
    const customer = (name: string, installation: string): string =>
      yaml(`landscape: ${name}`, 'users:', '  S0012345678: { kind: technical }', 'systems:', `  PRD: { product: abap, installationNumber: "${installation}", systemNumber: "000000000310000001" }`, '  QAS: { product: abap }');
    expectFindings(check({ 'contoso.landscape.yaml': customer('Contoso', '0020111111'), 'fabrikam.landscape.yaml': customer('Fabrikam', '0020222222') }, { rules: [RULE] }), []);
  });

  it('reports one SAP system (installation and system number) declared twice, across landscapes and SIDs too', () => {
    const findings = check(
      {
        'a.landscape.yaml': yaml('landscape: Contoso', 'systems:', '  PRD:', '    product: abap', '    installationNumber: "0020111111"', '    systemNumber: "000000000310000001"'),
        'b.landscape.yaml': yaml('landscape: Contoso (old copy)', 'systems:', '  P01: { product: abap, installationNumber: "0020111111", systemNumber: "310000001" }', '  Q01: { product: abap, installationNumber: "0020111111", systemNumber: "310000002" }'),
      },
      { rules: [RULE] },
    );
    expectFindings(findings, [
      { rule: RULE, path: 'a.landscape.yaml', line: 5, message: /System PRD has installation number 0020111111 and system number 000000000310000001, as P01 in b\.landscape\.yaml \(landscape "Contoso \(old copy\)"\) has: SAP knows them as one system/ },
      { rule: RULE, path: 'b.landscape.yaml', line: 3, message: /System P01 .* as PRD in a\.landscape\.yaml \(landscape "Contoso"\)/ },
    ]);
    assert.deepEqual(findings[0].related.map((related) => `${related.path}:${related.range.start.line + 1}`), ['b.landscape.yaml:3']);
  });
});
