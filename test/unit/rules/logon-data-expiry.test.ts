import { strict as assert } from 'assert';
import { applyFix, expectRule, yaml } from '../../helpers';

const RULE = 'logon-data-expiry';
const system = (...entryLines: string[]): string =>
  yaml('landscape: Test', 'systems:', '  PRD:', '    product: abap', '    logonData:', ...entryLines.map((line) => `      ${line}`));

describe(RULE, () => {
  it('reports logon data without an expiration date as an error, at its user', () => {
    const [finding] = expectRule(RULE, system('- { user: SAPSUPPORT, client: "100", secret: PRD/SAPSUPPORT }', '- client: "200"'), [
      { line: 6, severity: 'error', message: /Logon data for SAPSUPPORT in client 100 \(system PRD\) has no expiration date.*always choosing an expiration date/ },
      { line: 7, severity: 'error', message: /Logon data in client 200 \(system PRD\)/ },
    ]);
    assert.deepEqual(finding.notes, ['2791304']);
    assert.equal(finding.sid, 'PRD');
  });

  it('warns about expired logon data and about expiry too far ahead', () => {
    expectRule(RULE, system('- { user: A, expires: 2026-11-22 }', '- { user: B, expires: 2026-12-24 }'), [
      { line: 6, severity: 'warning', message: /A .*expired on 2026-11-22.*deletes expired logon data/ },
      { line: 7, severity: 'warning', message: /B .*expires on 2026-12-24, 31 days from today \(more than 30\)/ },
    ]);
  });

  it('accepts expiry from today up to maxDaysAhead days ahead, and leaves invalid dates to the schema', () => {
    expectRule(RULE, system('- { user: A, expires: 2026-11-23 }', '- { user: B, expires: 2026-12-23 }', '- { user: C, expires: 2026-02-30 }', '- { user: D, expires: [2026-12-01] }', '- just text'), []);
  });

  it('takes maxDaysAhead from options', () => {
    const text = system('- { user: A, expires: 2026-12-01 }');
    expectRule(RULE, text, []);
    expectRule(RULE, text, [{ line: 6, message: /more than 7/ }], { options: { rules: { [RULE]: { maxDaysAhead: 7 } } } });
  });

  it('fixes a flow-style entry in a list by adding expires maxDaysAhead days from today', () => {
    const text = system('- { user: SAPSUPPORT, client: "100" }   # for incident 4711');
    const fixed = applyFix(text, expectRule(RULE, text, [{ line: 6 }])[0]);
    assert.equal(fixed, system('- { user: SAPSUPPORT, client: "100", expires: 2026-12-23 }   # for incident 4711'));
    expectRule(RULE, fixed, []);
  });

  it('fixes a block-style entry and an empty expires', () => {
    const block = system('- user: SAPSUPPORT', '  client: "100"', '- user: OTHER');
    const fixed = applyFix(block, expectRule(RULE, block, [{ line: 6 }, { line: 8 }])[0]);
    assert.equal(fixed, system('- user: SAPSUPPORT', '  client: "100"', '  expires: 2026-12-23', '- user: OTHER'));
    const empty = system('- user: SAPSUPPORT', '  expires:');
    const fixedEmpty = applyFix(empty, expectRule(RULE, empty, [{ line: 6 }], { options: { rules: { [RULE]: { maxDaysAhead: 3 } } } })[0]);
    assert.equal(fixedEmpty, system('- user: SAPSUPPORT', '  expires: 2026-11-26'));
    expectRule(RULE, fixedEmpty, []);
  });
});
