import { strict as assert } from 'assert';
import { applyFix, expectRule, prdSystem } from '../../helpers';

const RULE = 'legacy-rfc-removable';
const system = (...destinations: string[]): string => prdSystem([], destinations);

describe(RULE, () => {
  it('says until when to watch inside the observation window (info)', () => {
    expectRule(RULE, system('SAPOSS: { type: "3", status: deactivated, deactivatedOn: 2026-11-10 }'), [
      { line: 6, severity: 'info', message: /deactivated on 2026-11-10: watch for failing jobs until 2026-11-24/ },
    ]);
  });

  it('says it can be deleted past the window (warning), and the fix deletes it keeping its comment', () => {
    const text = system('SAPOSS: { type: "3", status: deactivated, deactivatedOn: 2026-11-01 }   # old OSS', 'SAP-SUPPORT_PORTAL: { type: H }');
    const [finding] = expectRule(RULE, text, [{ line: 6, severity: 'warning', message: /past the 14-day observation window: delete it/ }]);
    assert.equal(applyFix(text, finding), system('# old OSS', 'SAP-SUPPORT_PORTAL: { type: H }'));
  });

  it('asks for deactivatedOn when it is missing, and the fix records today', () => {
    const text = system('SDCC_OSS: { type: "3", status: deactivated }');
    const [finding] = expectRule(RULE, text, [{ line: 6, severity: 'warning', message: /deactivatedOn is missing/ }]);
    assert.equal(applyFix(text, finding), system('SDCC_OSS: { type: "3", status: deactivated, deactivatedOn: 2026-11-23 }'));
  });

  it('takes the observation window from its options', () => {
    expectRule(RULE, system('SAPOSS: { type: "3", status: deactivated, deactivatedOn: 2026-11-10 }'), [{ line: 6, severity: 'warning' }], {
      options: { rules: { [RULE]: { observationDays: 7 } } },
    });
  });

  it('recognises legacy destinations by legacy-rfc-destination\'s lists, so the two rules agree', () => {
    expectRule(RULE, system('OUR_OLD_OSS: { type: "3", status: deactivated, deactivatedOn: 2026-01-01 }'), [{ line: 6, severity: 'warning' }], {
      options: { rules: { 'legacy-rfc-destination': { legacyNames: ['OUR_OLD_OSS'] } } },
    });
  });

  it('does not report active, modern or non-legacy deactivated destinations', () => {
    expectRule(RULE, system('SAPOSS: { type: "3" }', 'SAP-SUPPORT_PORTAL: { type: H, status: deactivated, deactivatedOn: 2020-01-01 }', 'OWN: { type: "3", status: deactivated, deactivatedOn: 2020-01-01 }'), []);
  });
});
