import { strict as assert } from 'assert';
import { check, expectFindings, expectRule, yaml } from '../../helpers';

const RULE = 'solman-level';

/** Solution Manager SM1 on line 3 (flow style), optionally in a partner landscape (then on line 4). */
const solman = (fields: string, partner?: boolean): string =>
  yaml('landscape: Test', ...(partner === undefined ? [] : [`partner: ${partner}`]), 'systems:', `  SM1: { product: solman, ${fields} }`);

describe(RULE, () => {
  it('reports a release below 7.2 at the release: it must move to 7.2', () => {
    const text = solman('release: "7.1", sps: 14');
    const [finding] = expectRule(RULE, text, [
      { line: 3, severity: 'error', message: /SAP Solution Manager 7\.1 \(system SM1\) cannot connect.*move it to 7\.2 at SPS07 or higher \(SPS08 for partners\)/ },
    ]);
    assert.equal(finding.sid, 'SM1');
    assert.deepEqual(finding.notes, []);
    assert.equal(finding.range.start.character, text.split('\n')[2].indexOf('"7.1"'));
    expectRule(RULE, solman('release: "7.10"'), [{ line: 3 }]);
    expectRule(RULE, solman('release: 7.01'), [{ line: 3 }]);
  });

  it('reports 7.2 below SPS07 for customers, at the sps', () => {
    const text = solman('release: "7.2", sps: 6');
    const [finding] = expectRule(RULE, text, [{ line: 3, severity: 'error', message: /7\.2 SPS06 \(system SM1\) is below SPS07, which a customer needs/ }]);
    assert.equal(finding.range.start.character, text.split('\n')[2].indexOf('6 }'));
    expectRule(RULE, solman('release: "7.2", sps: 7', false), []);
  });

  it('needs SPS08 when a file of the Solution Manager\'s own landscape says partner: true', () => {
    expectRule(RULE, solman('release: "7.2", sps: 7', true), [{ line: 4, message: /below SPS08, which an SAP partner \(partner: true\) needs/ }]);
    const findings = check({
      'a.landscape.yaml': yaml('landscape: Test', 'partner: true'),
      'b.landscape.yaml': solman('release: "7.2", sps: 7'),
    }, { rules: [RULE] });
    expectFindings(findings, [{ rule: RULE, path: 'b.landscape.yaml', line: 3, message: /SPS08/ }]);
  });

  it('keeps a partner\'s partner: true to its own landscape: a customer\'s Solution Manager in the same run needs SPS07', () => {
    const findings = check({
      'partner.landscape.yaml': yaml('landscape: Partner Ltd', 'partner: true', 'systems:', '  PSM: { product: solman, release: "7.2", sps: 7 }'),
      'customer.landscape.yaml': solman('release: "7.2", sps: 7'),
    }, { rules: [RULE] });
    expectFindings(findings, [{ rule: RULE, path: 'partner.landscape.yaml', line: 4, message: /PSM\) is below SPS08, which an SAP partner/ }]);
  });

  it('warns when 7.2 declares no sps', () => {
    expectRule(RULE, solman('release: "7.2"'), [{ line: 3, severity: 'warning', message: /declares no sps: as a customer it needs SPS07 or higher/ }]);
  });

  it('warns when a Solution Manager declares no release (the rule, not focused-run-level, reports it)', () => {
    const [finding] = expectRule(RULE, solman('sps: 3'), [{ line: 3, severity: 'warning', message: /SAP Solution Manager system SM1 declares no release/ }]);
    assert.equal(finding.sid, 'SM1');
  });

  it('warns, not errs, about Solution Manager 7.1 that does not connect to SAP (supportConnection: none)', () => {
    expectRule(RULE, solman('release: "7.1", sps: 14, supportConnection: none'), [{ line: 3, severity: 'warning', message: /7\.1 \(system SM1\) cannot connect/ }]);
    expectRule(RULE, solman('release: "7.1", sps: 14, supportConnection: direct'), [{ line: 3, severity: 'error' }]);
  });

  it('does not report current levels, later releases, other products or an unreadable release', () => {
    expectRule(RULE, solman('release: "7.2", sps: 8', true), []);
    expectRule(RULE, solman('release: "7.2", sps: 12'), []);
    expectRule(RULE, solman('release: "7.3"'), []);
    expectRule(RULE, solman('release: unknown, sps: 3'), []);
    expectRule(RULE, yaml('landscape: Test', 'systems:', '  PRD: { product: abap, release: "7.1", sps: 1 }', '  FR1: { product: focused-run, release: "1.0" }'), []);
  });

  it('takes the minimums from options', () => {
    const options = { rules: { [RULE]: { minimumSps: 10, minimumPartnerSps: 12 } } };
    expectRule(RULE, solman('release: "7.2", sps: 9'), [{ line: 3, message: /below SPS10/ }], { options });
    expectRule(RULE, solman('release: "7.2", sps: 11', true), [{ line: 4, message: /below SPS12/ }], { options });
    expectRule(RULE, solman('release: "7.1", sps: 7'), [], { options: { rules: { [RULE]: { minimumRelease: 7.1 } } } });
  });
});
