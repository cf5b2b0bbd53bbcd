import { strict as assert } from 'assert';
import { applyFix, expectRule, yaml } from '../../helpers';

const RULE = 'unknown-connection-type';
const system = (...connectionLines: string[]): string =>
  yaml('landscape: Test', 'systems:', '  PRD:', '    product: abap', '    serviceConnections:', ...connectionLines.map((line) => `      ${line}`));

describe(RULE, () => {
  it('reports unknown ids at the key, suggesting the closest one', () => {
    const [finding] = expectRule(RULE, system('r3support: { host: x }', '"R/3 Support": {}', 'teamviewer: {}'), [
      { line: 6, severity: 'error', message: /"r3support" \(system PRD\) is not a service connection type id\. Did you mean r3-support\?/ },
      { line: 7, message: /"R\/3 Support".*Did you mean r3-support\?/ },
      { line: 8, message: /"teamviewer".*Use one of the ids/ },
    ]);
    assert.equal(finding.sid, 'PRD');
  });

  it('does not report catalog ids or the additional types of the options', () => {
    expectRule(RULE, system('r3-support: {}', 'ssh: { host: prd-ci.acme.example, user: sapsupport }', 'hana-mdc: {}', 'windows-remote-debug: {}'), []);
    expectRule(RULE, system('teamviewer: {}', 'ssh: {}'), [], { options: { rules: { [RULE]: { additionalTypes: ['teamviewer'] } } } });
  });

  it('is exact about case: the catalog ids are lower case', () => {
    const text = system('SSH: {}');
    const fixed = applyFix(text, expectRule(RULE, text, [{ line: 6, message: /Did you mean ssh\?/ }])[0]);
    assert.equal(fixed, system('ssh: {}'));
  });

  it('renames the key to the suggestion, editing only the key', () => {
    const text = system('r3support:   # main link', '  host: prd-ci.acme.example', '"R/3 Support": { host: y }');
    const findings = expectRule(RULE, text, [{ line: 6 }, { line: 8 }]);
    assert.equal(findings[0].fixes[0].title, 'Rename to r3-support');
    const fixed = applyFix(text, findings[0]);
    assert.equal(fixed, system('r3-support:   # main link', '  host: prd-ci.acme.example', '"R/3 Support": { host: y }'));
    expectRule(RULE, fixed, [{ line: 8 }]);
    assert.equal(applyFix(text, findings[1]), system('r3support:   # main link', '  host: prd-ci.acme.example', 'r3-support: { host: y }'));
  });

  it('offers no fix when nothing is close or the suggested key is already there', () => {
    const [finding] = expectRule(RULE, system('teamviewer: {}'), [{ line: 6 }]);
    assert.deepEqual(finding.fixes, []);
    const [duplicate] = expectRule(RULE, system('r3-support: {}', 'r3support: {}'), [{ line: 7, message: /Did you mean r3-support\?/ }]);
    assert.deepEqual(duplicate.fixes, []);
  });
});
