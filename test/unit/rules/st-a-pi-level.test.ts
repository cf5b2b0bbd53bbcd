import { strict as assert } from 'assert';
import { expectRule, yaml } from '../../helpers';

const RULE = 'st-a-pi-level';

/** System PRD with a connection; components from line 7. */
const system = (connection: string, components: string[], product = 'abap'): string =>
  yaml('landscape: Test', 'systems:', '  PRD:', `    product: ${product}`, `    supportConnection: ${connection}`, '    components:', ...components.map((line) => `      ${line}`));

describe(RULE, () => {
  it('reports an ST-A/PI release older than 01T on a direct system, at the release', () => {
    const text = system('direct', ['ST-A/PI: { release: "01S_731", sp: 5 }']);
    const [finding] = expectRule(RULE, text, [
      { line: 7, severity: 'error', message: /ST-A\/PI 01S_731 in system PRD is older than 01T: the system sends service data to SAP directly and needs ST-A\/PI 01T SP01 or higher/ },
    ]);
    assert.equal(finding.sid, 'PRD');
    assert.equal(finding.range.start.character, text.split('\n')[6].indexOf('"01S_731"'));
    expectRule(RULE, system('direct', ['ST-A/PI: { release: "01M_CRM570", sp: 1 }']), [{ line: 7, severity: 'error' }]);
  });

  it('reports 01T below SP01 at the sp, and warns when the sp is not declared', () => {
    expectRule(RULE, system('direct', ['ST-A/PI: { release: "01T_731", sp: 0 }']), [{ line: 7, severity: 'error', message: /ST-A\/PI 01T_731 SP0 in system PRD is too low/ }]);
    expectRule(RULE, system('direct', ['ST-A/PI: { release: "01T_700" }']), [{ line: 7, severity: 'warning', message: /has no sp/ }]);
  });

  it('with Focused Run, reports ST-A/PI below 01T SP02, and leaves ST-PI to st-pi-level', () => {
    const text = system('focused-run', ['ST-A/PI: { release: "01T_731", sp: 1 }', 'ST-PI: { release: "740", sp: 10 }'], 'solman');
    const [finding] = expectRule(RULE, text, [
      { line: 7, severity: 'error', message: /ST-A\/PI 01T_731 SP1 .*sends its data through Focused Run and needs ST-A\/PI 01T SP02 or higher/ },
    ]);
    assert.deepEqual(finding.notes, ['69455']);
    expectRule(RULE, system('focused-run', ['ST-A/PI: { release: "01V_731", sp: 0 }', 'ST-PI: { release: "740" }']), []);
  });

  it('reports an ST-A/PI release that does not read as one as unknown (info)', () => {
    expectRule(RULE, system('direct', ['ST-A/PI: { release: "new" }', 'ST-PI: { release: "740", sp: 1 }']), [{ line: 7, severity: 'info', message: /ST-A\/PI new in system PRD does not read as an ST-A\/PI release/ }]);
  });

  it('does not report current levels, other connections, undeclared or unreadable components', () => {
    expectRule(RULE, system('direct', ['ST-A/PI: { release: "01T_731", sp: 1 }']), []);
    expectRule(RULE, system('direct', ['ST-A/PI: { release: "01U_731", sp: 0 }']), []);
    expectRule(RULE, system('direct', ['ST-A/PI: { release: "01v_731" }']), []);
    expectRule(RULE, system('direct', ['ST-A/PI: { release: "02A_731", sp: 0 }']), []);
    expectRule(RULE, system('direct', ['SAP_BASIS: { release: "754" }']), []);
    expectRule(RULE, system('focused-run', ['ST-A/PI: { release: "01T_731", sp: 2 }', 'ST-PI: { release: "740", sp: 11 }']), []);
    expectRule(RULE, system('focused-run', ['ST-PI: { release: "2008_1_700", sp: 1 }']), []);
    expectRule(RULE, system('solman', ['ST-A/PI: { release: "01A_731", sp: 0 }', 'ST-PI: { release: "740", sp: 1 }']), []);
    expectRule(RULE, system('none', ['ST-A/PI: { release: "01A_731", sp: 0 }']), []);
    expectRule(RULE, system('direct', ['ST-A/PI: { release: "01A_731", sp: 0 }'], 'hana'), []);
    expectRule(RULE, yaml('landscape: Test', 'systems:', '  PRD: { product: abap, supportConnection: direct, components: { ST-A/PI: 01A } }'), []);
  });

  it('takes the minimums from options', () => {
    const options = { rules: { [RULE]: { directMinimum: { release: '01V', sp: 2 }, focusedRunMinimum: { release: '01W', sp: 0 } } } };
    expectRule(RULE, system('direct', ['ST-A/PI: { release: "01U_731", sp: 9 }']), [{ line: 7, message: /older than 01V/ }], { options });
    expectRule(RULE, system('direct', ['ST-A/PI: { release: "01V_731", sp: 1 }']), [{ line: 7, message: /needs ST-A\/PI 01V SP02/ }], { options });
    expectRule(RULE, system('focused-run', ['ST-A/PI: { release: "01V_731", sp: 29 }']), [{ line: 7, message: /older than 01W/ }], { options });
  });
});
