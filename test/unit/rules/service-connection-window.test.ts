import { strict as assert } from 'assert';
import { applyFix, expectRule, yaml } from '../../helpers';

const RULE = 'service-connection-window';
const system = (...connectionLines: string[]): string =>
  yaml('landscape: Test', 'systems:', '  PRD:', '    product: abap', '    serviceConnections:', ...connectionLines.map((line) => `      ${line}`));

describe(RULE, () => {
  it('reports a window that opens but never ends, at the window key', () => {
    const [finding] = expectRule(RULE, system('r3-support:', '  window:', '    from: 2026-11-20T08:00:00Z', 'ssh: { window: { from: 2026-11-20T08:00:00Z, until: } }'), [
      { line: 7, severity: 'error', message: /The r3-support window of system PRD opens at 2026-11-20T08:00:00Z but has no end.*Add until/ },
      { line: 9, severity: 'error', message: /ssh window/ },
    ]);
    assert.equal(finding.sid, 'PRD');
  });

  it('reports a window that ends before it starts, at until', () => {
    expectRule(RULE, system('r3-support:', '  window:', '    from: 2026-11-24T08:00:00Z', '    until: 2026-11-23T18:00:00+02:00'), [
      { line: 9, severity: 'error', message: /ends \(2026-11-23T18:00:00\+02:00\) before it starts/ },
    ]);
  });

  it('warns about a window longer than maxWindowDays, which is an option', () => {
    const text = system('r3-support: { window: { from: 2026-11-20T08:00:00Z, until: 2026-12-05T08:00:00Z } }');
    expectRule(RULE, text, [{ line: 6, severity: 'warning', message: /open for 15 days, longer than 14/ }]);
    expectRule(RULE, text, [], { options: { rules: { [RULE]: { maxWindowDays: 21 } } } });
    expectRule(RULE, system('r3-support: { window: { from: 2026-11-20T08:00:00Z, until: 2026-12-04T08:00:00Z } }'), []);
  });

  it('says a window closed before today should be removed', () => {
    expectRule(RULE, system('r3-support: { window: { from: 2026-11-01T08:00:00Z, until: 2026-11-22T23:59:59Z } }'), [
      { line: 6, severity: 'info', message: /closed since 2026-11-22T23:59:59Z: remove the window/ },
    ]);
  });

  it('does not report open or current windows, connections without a window, or invalid date-times', () => {
    expectRule(RULE, system(
      'r3-support: { window: { from: 2026-11-20T08:00:00Z, until: 2026-11-27T18:00:00Z } }',
      'ssh: { host: prd-ci.acme.example, user: sapsupport }',
      'telnet: { window: { from: 2026-11-20T08:00:00Z, until: 2026-11-23T00:00:00Z } }',
      'vnc: { window: { from: yesterday, until: 2026-11-30T00:00:00Z } }',
      'wts: { window: { from: 2026-11-20T08:00:00Z, until: next week } }',
      'citrix: { window: { until: 2026-11-30T00:00:00Z } }',
      'hana: { window: null }',
      'sap-ni: 42',
    ), []);
  });

  it('fixes a closed flow-style window by removing it', () => {
    const text = system('r3-support: { window: { from: 2026-11-01T08:00:00Z, until: 2026-11-02T08:00:00Z }, host: prd-ci.acme.example }');
    const fixed = applyFix(text, expectRule(RULE, text, [{ line: 6 }])[0]);
    assert.equal(fixed, system('r3-support: { host: prd-ci.acme.example }'));
    expectRule(RULE, fixed, []);
    const only = system('r3-support: { window: { from: 2026-11-01T08:00:00Z, until: 2026-11-02T08:00:00Z } }');
    assert.equal(applyFix(only, expectRule(RULE, only, [{ line: 6 }])[0]), system('r3-support: {}'));
  });

  it('fixes a closed block-style window, keeping comments and the connection a mapping', () => {
    const text = system('r3-support:', '  window:   # incident 4711', '    from: 2026-11-01T08:00:00Z', '    until: 2026-11-02T08:00:00Z', 'ssh: { host: x }');
    const fixed = applyFix(text, expectRule(RULE, text, [{ line: 7 }])[0]);
    assert.equal(fixed, system('r3-support:', '  # incident 4711', '  {}', 'ssh: { host: x }'));
    expectRule(RULE, fixed, []);
  });
});
