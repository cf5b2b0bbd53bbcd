import { strict as assert } from 'assert';
import { checkSettingPatterns } from '../../../src/core/config/patterns';
import { check, yaml } from '../../helpers';

// #13 item 6: patterns from VS Code's sapReadiness.rules (a workspace's .vscode/settings.json can
// set them) are checked as an options file's are; a refused one never reaches a rule.
describe('patterns from settings', () => {
  const landscape = yaml('landscape: x', 'systems:', '  PRD:', '    product: abap', '    rfcDestinations:', '      SAPOSS: { type: "3" }', '      SDCC_OSS: { type: "3" }');

  it('leaves out an option with a pattern that could backtrack or is invalid, naming the setting, option and pattern', () => {
    const { rules, problems } = checkSettingPatterns(
      {
        'legacy-rfc-destination': { severity: 'warning', ignoredNamePatterns: ['^SAPOSS$', '^(S+)+$'], legacyNames: ['SAPOSS'] },
        'saprouter-route': { serviceNamePatterns: ['('] },
        schema: 'off',
      },
      'sapReadiness.rules',
    );
    assert.deepEqual(rules, { 'legacy-rfc-destination': { severity: 'warning', legacyNames: ['SAPOSS'] }, 'saprouter-route': {}, schema: 'off' });
    assert.equal(problems.length, 2);
    assert.match(problems[0], /^Setting sapReadiness\.rules, legacy-rfc-destination\.ignoredNamePatterns: "\^\(S\+\)\+\$" could take exponential time to match .* not used\.$/);
    assert.match(problems[1], /^Setting sapReadiness\.rules, saprouter-route\.serviceNamePatterns: "\(" is not a valid regular expression/);
  });

  it('keeps what it accepts, and a refused pattern never runs: the rule reports as without the setting', () => {
    const run = (ignoredNamePatterns: string[]) => {
      const { rules } = checkSettingPatterns({ 'legacy-rfc-destination': { ignoredNamePatterns } }, 'sapReadiness.rules');
      return check(landscape, { rules: ['legacy-rfc-destination'], options: { rules } }).map((finding) => finding.range.start.line + 1);
    };
    assert.deepEqual(run(['^SAPOSS$']), [7]);
    // Would hide both, and hang on a long name, if it ran.
    assert.deepEqual(run(['^(S|SAP|SDCC|[A-Z_])+$']), [6, 7]);
  });
});
