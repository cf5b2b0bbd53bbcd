import { strict as assert } from 'assert';
import { resolveOptions } from '../../../src/core/config/options';
import { chooseFixes, fixLandscapes, MAX_FIX_PASSES } from '../../../src/core/fix';
import { NO_OPTIONS_SCHEMA, type Rule, type RuleContext } from '../../../src/core/rules/rule';
import type { LandscapeFile } from '../../../src/core/landscape/file';
import { RULES } from '../../../src/core/rules/registry';
import { check, TODAY, yaml } from '../../helpers';

/** A rule for these tests: reports where `pattern` matches the text, with a fix computed from the match. */
function textRule(id: string, pattern: RegExp, replace: (match: RegExpExecArray) => string): Rule {
  return {
    id,
    title: id,
    defaultSeverity: 'error',
    notes: [],
    description: id,
    fixable: true,
    defaults: {},
    optionsSchema: NO_OPTIONS_SCHEMA,
    check(file: LandscapeFile, context: RuleContext<object>) {
      const match = pattern.exec(file.text);
      if (!match) return;
      const at = { start: match.index, end: match.index + match[0].length };
      context.report({ at, message: `${id} at ${match[0]}`, fixes: [{ title: id, edits: [{ ...at, newText: replace(match) }] }] });
    },
  };
}

function fix(text: string, rules: Rule[]) {
  return fixLandscapes([{ path: 'a.landscape.yaml', text }], resolveOptions(rules, { now: TODAY }), rules);
}

describe('fixing every finding (check --fix, Fix all)', () => {
  it('leaves an edit that overlaps one already chosen for the next pass, after a new check', () => {
    const capitalA = textRule('capital-a', /(?<=value: )a/, () => 'A');
    const bracket = textRule('bracket', /(?<=value: )[^[\n]+/, (match) => `[${match[0]}]`);
    const outcome = fix('value: ab\n', [capitalA, bracket]);
    assert.equal(outcome.texts[0].text, 'value: [Ab]\n', 'capital-a in the first pass, bracket (which overlapped it) in the second');
    assert.deepEqual(outcome.changed, ['a.landscape.yaml']);
    assert.equal(outcome.fixedCounts.get('a.landscape.yaml'), 2);
    assert.deepEqual(outcome.result.findings, [], 'nothing is left to fix afterwards');
  });

  it(`stops after ${MAX_FIX_PASSES} passes when fixes keep producing new fixable findings`, () => {
    const increment = textRule('increment', /(?<=count: )\d+/, (match) => String(Number(match[0]) + 1));
    const outcome = fix('count: 0\n', [increment]);
    assert.equal(outcome.texts[0].text, `count: ${MAX_FIX_PASSES}\n`);
    assert.equal(outcome.fixedCounts.get('a.landscape.yaml'), MAX_FIX_PASSES);
    assert.deepEqual(outcome.result.findings.map((finding) => finding.message), [`increment at ${MAX_FIX_PASSES}`], 'the result is the check of the final text');
  });

  it('does not count a file as changed when the passes bring it back to what it was', () => {
    const toggle = textRule('toggle', /(?<=flag: )(on|off)/, (match) => (match[0] === 'on' ? 'off' : 'on'));
    const outcome = fix('flag: on\n', [toggle]);
    assert.equal(MAX_FIX_PASSES % 2, 0, 'an even number of passes toggles back');
    assert.equal(outcome.texts[0].text, 'flag: on\n');
    assert.deepEqual(outcome.changed, []);
  });

  it('takes the first fix of each finding, as the editor does, and no other edit', () => {
    const text = yaml('landscape: T', 'systems:', '  PRD:', '    product: abap', '    rfcDestinations:', '      SAPOSS: { type: "3" }   # old', '      SDCC_OSS: { type: "3" }');
    const findings = check(text, { rules: ['legacy-rfc-destination'] });
    const chosen = chooseFixes(findings);
    assert.deepEqual(chosen.fixed, findings);
    assert.deepEqual(chosen.edits, findings.flatMap((finding) => finding.fixes[0].edits));
    const outcome = fixLandscapes([{ path: 'a.landscape.yaml', text }], resolveOptions(RULES, { now: TODAY }), RULES.filter((rule) => rule.id === 'legacy-rfc-destination'));
    assert.equal(
      outcome.texts[0].text,
      text
        .replace('SAPOSS: { type: "3" }', `SAPOSS: { type: "3", status: deactivated, deactivatedOn: ${TODAY} }`)
        .replace('SDCC_OSS: { type: "3" }', `SDCC_OSS: { type: "3", status: deactivated, deactivatedOn: ${TODAY} }`),
    );
  });
});
