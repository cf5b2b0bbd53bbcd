import { strict as assert } from 'assert';
import { check, expectFindings, expectRule, yaml } from '../../helpers';

const RULE = 'st-pi-level';

/** System PRD: product, connection, then components from line 6. */
const system = (connection: string | undefined, components: string[] | undefined, product = 'abap'): string =>
  yaml(
    'landscape: Test',
    'systems:',
    '  PRD:',
    `    product: ${product}`,
    connection ? `    supportConnection: ${connection}` : '    role: production',
    ...(components ? ['    components:', ...components.map((line) => `      ${line}`)] : []),
  );

describe(RULE, () => {
  it('reports a too-low ST-PI on a direct system as an error, at the sp', () => {
    const text = system('direct', ['SAP_BASIS: { release: "750", sp: 10 }', 'ST-PI: { release: "740", sp: 8 }']);
    const [finding] = expectRule(RULE, text, [
      { line: 8, severity: 'error', message: /ST-PI 740 SP8 in system PRD is below SP10, the minimum for direct connectivity.*Update ST-PI to SP10 or higher/ },
    ]);
    assert.equal(finding.sid, 'PRD');
    assert.equal(finding.range.start.character, text.split('\n')[7].indexOf('8 }'));
    assert.deepEqual(finding.notes, ['539977']);
    expectRule(RULE, system('direct', ['ST-PI: { release: "2008_1_700", sp: 19 }']), [{ line: 7, severity: 'error', message: /below SP20/ }]);
    expectRule(RULE, system('direct', ['ST-PI: { release: "2008_1_710", sp: 0 }'], 'solman'), [{ line: 7, severity: 'error' }]);
  });

  it('reports a components list without ST-PI on a direct system, at components', () => {
    expectRule(RULE, system('direct', ['SAP_BASIS: { release: "750", sp: 10 }']), [
      { line: 6, severity: 'error', message: /System PRD declares no ST-PI, which direct connectivity to SAP's support backbone needs/ },
    ]);
  });

  it('warns about an ST-PI without sp on a direct system', () => {
    expectRule(RULE, system('direct', ['ST-PI: { release: "740" }']), [{ line: 7, severity: 'warning', message: /has no sp.*SP10 or higher/ }]);
  });

  it('reports a too-low ST-PI behind Solution Manager as info only', () => {
    expectRule(RULE, system('solman', ['ST-PI: { release: "740", sp: 9 }']), [
      { line: 7, severity: 'info', message: /through Solution Manager, so no update is required, but SAP recommends keeping ST-PI current/ },
    ]);
  });

  it('behind Focused Run needs ST-PI 740 SP11 (an error here, not st-a-pi-level\'s), and gives no contrary advice', () => {
    expectRule(RULE, system('focused-run', ['ST-PI: { release: "740", sp: 10 }']), [
      { line: 7, severity: 'error', message: /ST-PI 740 SP10 in system PRD is below SP11, the minimum for sending data through SAP Focused Run/ },
    ]);
    const findings = check(system('focused-run', ['ST-A/PI: { release: "01T_731", sp: 2 }', 'ST-PI: { release: "740", sp: 10 }']), { rules: [RULE, 'st-a-pi-level'] });
    expectFindings(findings, [{ rule: RULE, line: 8, severity: 'error' }]);
    assert.doesNotMatch(findings[0].message, /no update is required/);
    expectRule(RULE, system('focused-run', ['ST-PI: { release: "2008_1_700", sp: 15 }']), []); // an SAP_BASIS 700 system has no ST-PI 740: not judged
  });

  it('needs ST-PI 740 SP17 for SAP Cloud ALM', () => {
    expectRule(RULE, system('cloud-alm', ['ST-PI: { release: "740", sp: 16 }']), [{ line: 7, severity: 'error', message: /below SP17, the minimum for SAP Cloud ALM's data collection/ }]);
    expectRule(RULE, system('cloud-alm', ['ST-PI: { release: "740", sp: 17 }']), []);
  });

  it('knows ST-PI 758 and reports a release its tables do not know as unknown (info), never passing it silently', () => {
    expectRule(RULE, system('direct', ['SAP_BASIS: { release: "758", sp: 2 }', 'ST-PI: { release: "758", sp: 0 }']), []);
    expectRule(RULE, system('focused-run', ['ST-PI: { release: "758", sp: 1 }']), []);
    expectRule(RULE, system('direct', ['ST-PI: { release: "2005_1_700", sp: 3 }']), [{ line: 7, severity: 'info', message: /ST-PI 2005_1_700 in system PRD is not in the level tables/ }]);
    expectRule(RULE, system('solman', ['ST-PI: { release: "759", sp: 3 }']), [{ line: 7, severity: 'info' }]);
  });

  it('does not apply to a system SAP operates', () => {
    expectRule(RULE, yaml('landscape: Test', 'systems:', '  PRD:', '    product: abap', '    operatedBy: sap', '    supportConnection: direct', '    components: { ST-PI: { release: "740", sp: 1 } }'), []);
  });

  it('does not report current levels, unknown releases, unrecorded levels or systems without direct need', () => {
    expectRule(RULE, system('direct', ['ST-PI: { release: "740", sp: 10 }']), []);
    expectRule(RULE, system('direct', ['ST-PI: { release: "2008_1_700", sp: 35 }']), []);
    expectRule(RULE, system('direct', ['ST-PI: { sp: 3 }']), []);
    expectRule(RULE, system('direct', undefined), []); // levels not recorded at all
    expectRule(RULE, system('solman', ['SAP_BASIS: { release: "750" }']), []);
    expectRule(RULE, system('solman', ['ST-PI: { release: "740" }']), []);
    expectRule(RULE, system('none', ['ST-PI: { release: "740", sp: 1 }']), []);
    expectRule(RULE, system(undefined, ['ST-PI: { release: "740", sp: 1 }']), []);
    expectRule(RULE, system('direct', ['ST-PI: { release: "740", sp: 1 }'], 'java'), []);
    expectRule(RULE, system('direct', ['ST-PI: { release: "constructor", sp: 1 }']), [{ line: 7, severity: 'info' }]); // unknown, and no inherited property
    expectRule(RULE, yaml('landscape: Test', 'systems:', '  PRD: { product: abap, supportConnection: direct, components: [ST-PI] }'), []); // the schema reports it
  });

  it('takes the minimums and products from options', () => {
    const options = { rules: { [RULE]: { minimumSp: { '740': 24, '750': 5 }, products: ['abap', 'other'] } } };
    expectRule(RULE, system('direct', ['ST-PI: { release: "740", sp: 22 }']), [{ line: 7, message: /below SP24/ }], { options });
    expectRule(RULE, system('direct', ['ST-PI: { release: "750", sp: 4 }'], 'other'), [{ line: 7, message: /ST-PI 750 SP4/ }], { options });
    expectRule(RULE, system('direct', ['ST-PI: { release: "2008_1_700", sp: 1 }']), [{ line: 7, severity: 'info', message: /not in the level tables/ }], { options }); // the table was replaced
    expectRule(RULE, system('focused-run', ['ST-PI: { release: "740", sp: 11 }']), [{ line: 7, message: /below SP12/ }], { options: { rules: { [RULE]: { focusedRunMinimumSp: { '740': 12 } } } } });
  });
});
