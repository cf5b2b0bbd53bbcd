import { strict as assert } from 'assert';
import { check, expectFindings, yaml } from '../../helpers';

const RULE = 'duplicate-declaration';

describe(RULE, () => {
  it('reports a SID declared in two files at each declaration, pointing at the other', () => {
    const findings = check(
      {
        'a.landscape.yaml': yaml('landscape: A', 'systems:', '  PRD: { product: abap }', '  QAS: { product: abap }'),
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

  it('reports a user ID declared in two files, listing every other place', () => {
    const user = (name: string): string => yaml(`landscape: ${name}`, 'users:', '  S0012345678: { kind: technical }');
    const findings = check({ 'a.landscape.yaml': user('A'), 'b.landscape.yaml': user('B'), 'c.landscape.yaml': user('C') }, { rules: [RULE] });
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
});
