import { strict as assert } from 'assert';
import { check, expectFindings, expectRule, yaml } from '../../helpers';

const RULE = 'missing-support-connection';
const landscape = (...systemLines: string[]): string => yaml('landscape: Test', 'systems:', ...systemLines.map((line) => `  ${line}`));

describe(RULE, () => {
  it('reports an ABAP or dual-stack system without supportConnection at its SID, saying what each value needs', () => {
    const findings = expectRule(RULE, landscape('PRD:', '  product: abap', '  host: prd.acme.example', 'PI1: { product: dual-stack }'), [
      { line: 3, severity: 'warning', message: /^System PRD does not say how it reaches SAP's support backbone.*add supportConnection: direct/ },
      { line: 6, severity: 'warning', message: /^System PI1 / },
    ]);
    assert.equal(findings[0].sid, 'PRD');
    assert.deepEqual(findings[0].notes, ['2923799', '2738426']);
    assert.deepEqual(findings[0].fixes, [], 'no value is safe to write for the engineer');
    for (const needs of [/direct \(.*SAP-SUPPORT_PORTAL.*communicationUser.*ST-PI 740 SP10/, /solman \(with solman: <SID>/, /focused-run \(with focusedRun: <SID>/, /cloud-alm \(.*\/SDF\/ALM_SETUP/, /or none \(/]) {
      assert.match(findings[0].message, needs);
    }
    // At the key, not the whole system.
    assert.equal(findings[0].range.end.character - findings[0].range.start.character, 3);
  });

  it('does not report a system that declares any supportConnection, even a wrong one (that is the schema rule\'s)', () => {
    expectRule(RULE, landscape(...['direct', 'solman', 'focused-run', 'cloud-alm', 'none', 'sometimes', '""'].map((value, index) => `S0${index}: { product: abap, supportConnection: ${value} }`)), []);
    expectRule(RULE, landscape('PRD:', '  product: abap', '  supportConnection:'), []);
  });

  it('does not report a system that names its relay instead (support-route judges that)', () => {
    expectRule(RULE, landscape('PRD: { product: abap, solman: SM1 }', 'QAS: { product: abap, focusedRun: FR1 }', 'SM1: { product: solman, supportConnection: direct }', 'FR1: { product: focused-run, supportConnection: direct }'), []);
  });

  it('does not report Java systems, HANA databases, other products, systems without product or systems SAP operates', () => {
    expectRule(
      RULE,
      landscape('J01: { product: java }', 'HDB: { product: hana }', 'OTH: { product: other }', 'NOP: { host: nop.acme.example }', 'RIS: { product: abap, operatedBy: sap }', 'SM1: { product: solman }', 'FR1: { product: focused-run }'),
      [],
    );
  });

  it('reports Solution Manager too when products names it, and respects suppressions and severity settings', () => {
    const text = landscape('SM1: { product: solman }', '# sapready-disable-next-line missing-support-connection', 'PRD: { product: abap }');
    expectRule(RULE, text, [{ line: 3, message: /System SM1/ }], { options: { rules: { [RULE]: { products: ['solman'] } } } });
    expectFindings(check(text, { rules: [RULE], options: { rules: { [RULE]: 'error' } } }), []);
    expectFindings(check(landscape('PRD: { product: abap }'), { rules: [RULE], options: { rules: { [RULE]: 'error' } } }), [{ rule: RULE, line: 3, severity: 'error' }]);
  });
});
