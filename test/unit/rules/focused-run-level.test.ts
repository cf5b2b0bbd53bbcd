import { strict as assert } from 'assert';
import { expectRule, yaml } from '../../helpers';

const RULE = 'focused-run-level';

const systems = (...lines: string[]): string => yaml('landscape: Test', 'systems:', ...lines.map((line) => `  ${line}`));

describe(RULE, () => {
  it('reports Focused Run below 2.0 at the release', () => {
    const text = systems('FR1: { product: focused-run, release: "1.0", sps: 3 }');
    const [finding] = expectRule(RULE, text, [{ line: 3, severity: 'error', message: /SAP Focused Run 1\.0 \(system FR1\) cannot connect.*update it to 2\.0 or higher/ }]);
    assert.equal(finding.sid, 'FR1');
    assert.equal(finding.range.start.character, text.split('\n')[2].indexOf('"1.0"'));
    expectRule(RULE, systems('FR1: { product: focused-run, release: 1.99 }'), [{ line: 3 }]);
  });

  it('warns at the system key when Focused Run declares no release; a Solution Manager without one is solman-level\'s', () => {
    const [focusedRun] = expectRule(RULE, systems('FR1: { product: focused-run, sps: 1 }', 'SM1:', '  product: solman'), [
      { line: 3, severity: 'warning', message: /SAP Focused Run system FR1 declares no release: declare release so readiness can be checked/ },
    ]);
    assert.equal(focusedRun.range.start.character, 2);
  });

  it('does not report 2.0 or later, Solution Manager releases, other products or unreadable releases', () => {
    expectRule(RULE, systems(
      'FR1: { product: focused-run, release: "2.0", sps: 1 }',
      'FR2: { product: focused-run, release: "3.0 FP02" }',
      'FR3: { product: focused-run, release: "10" }',
      'FR4: { product: focused-run, release: next }',
      'SM1: { product: solman, release: "7.1" }',
      'PRD: { product: abap }',
      'HDB: { product: hana }',
      'ODD: { product: constructor }',
      'XYZ: focused-run',
    ), []);
  });

  it('takes the minimum release from options', () => {
    const options = { rules: { [RULE]: { minimumRelease: 4 } } };
    expectRule(RULE, systems('FR1: { product: focused-run, release: "3.0" }'), [{ line: 3, message: /update it to 4\.0 or higher/ }], { options });
  });

  it('warns when a connected Focused Run lacks the technical communication user or the S-user', () => {
    expectRule(RULE, systems('FR1: { product: focused-run, release: "4.0", supportConnection: direct, communicationUser: S0012345678 }'), [
      { line: 3, severity: 'warning', message: /declares no S-user for SAP Support Portal services \(supportUser\)/ },
    ]);
    expectRule(RULE, systems('FR1: { product: focused-run, release: "4.0", supportConnection: direct, supportUser: S0099999999 }'), [
      { line: 3, severity: 'warning', message: /technical communication user \(communicationUser\)/ },
    ]);
    expectRule(RULE, systems('FR1: { product: focused-run, release: "4.0", supportConnection: direct, communicationUser: S1, supportUser: S2 }'), []);
    expectRule(RULE, systems('FR1: { product: focused-run, release: "4.0", supportConnection: none }'), []);
  });
});
