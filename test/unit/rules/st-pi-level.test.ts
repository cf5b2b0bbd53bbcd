import { strict as assert } from 'assert';
import { expectRule, yaml } from '../../helpers';

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
    expectRule(RULE, system('direct', ['ST-PI: { release: "2008_1_700", sp: 19 }']), [{ line: 7, severity: 'error', message: /below SP20/ }]);
    expectRule(RULE, system('direct', ['ST-PI: { release: "2008_1_710", sp: 0 }'], 'solman'), [{ line: 7, severity: 'error' }]);
  });

  it('reports a components list without ST-PI on a direct system, at components', () => {
    expectRule(RULE, system('direct', ['SAP_BASIS: { release: "750", sp: 10 }']), [
      { line: 6, severity: 'error', message: /System PRD sends data to SAP directly but declares no ST-PI/ },
    ]);
  });

  it('warns about an ST-PI without sp on a direct system', () => {
    expectRule(RULE, system('direct', ['ST-PI: { release: "740" }']), [{ line: 7, severity: 'warning', message: /has no sp.*SP10 or higher/ }]);
  });

  it('reports a too-low ST-PI behind Solution Manager or Focused Run as info only', () => {
    expectRule(RULE, system('solman', ['ST-PI: { release: "740", sp: 9 }']), [
      { line: 7, severity: 'info', message: /through Solution Manager, so no update is required, but SAP recommends keeping ST-PI current/ },
    ]);
    expectRule(RULE, system('focused-run', ['ST-PI: { release: "2008_1_700", sp: 15 }']), [{ line: 7, severity: 'info', message: /through Focused Run/ }]);
  });

  it('does not report current levels, unknown releases, unrecorded levels or systems without direct need', () => {
    expectRule(RULE, system('direct', ['ST-PI: { release: "740", sp: 10 }']), []);
    expectRule(RULE, system('direct', ['ST-PI: { release: "2008_1_700", sp: 35 }']), []);
    expectRule(RULE, system('direct', ['ST-PI: { release: "2005_1_700", sp: 3 }']), []); // not in the table
    expectRule(RULE, system('direct', ['ST-PI: { sp: 3 }']), []);
    expectRule(RULE, system('direct', undefined), []); // levels not recorded at all
    expectRule(RULE, system('solman', ['SAP_BASIS: { release: "750" }']), []);
    expectRule(RULE, system('solman', ['ST-PI: { release: "740" }']), []);
    expectRule(RULE, system('none', ['ST-PI: { release: "740", sp: 1 }']), []);
    expectRule(RULE, system(undefined, ['ST-PI: { release: "740", sp: 1 }']), []);
    expectRule(RULE, system('direct', ['ST-PI: { release: "740", sp: 1 }'], 'java'), []);
    expectRule(RULE, system('direct', ['ST-PI: { release: "constructor", sp: 1 }']), []);
    expectRule(RULE, yaml('landscape: Test', 'systems:', '  PRD: { product: abap, supportConnection: direct, components: [ST-PI] }'), []); // the schema reports it
  });

  it('takes the minimums and products from options', () => {
    const options = { rules: { [RULE]: { minimumSp: { '740': 24, '750': 5 }, products: ['abap', 'other'] } } };
    expectRule(RULE, system('direct', ['ST-PI: { release: "740", sp: 22 }']), [{ line: 7, message: /below SP24/ }], { options });
    expectRule(RULE, system('direct', ['ST-PI: { release: "750", sp: 4 }'], 'other'), [{ line: 7, message: /ST-PI 750 SP4/ }], { options });
    expectRule(RULE, system('direct', ['ST-PI: { release: "2008_1_700", sp: 1 }']), [], { options });
  });
});
