import { strict as assert } from 'assert';
import { resolveOptions } from '../../../src/core/config/options';
import { RuleCache, runRules } from '../../../src/core/engine';
import { loadLandscapeFile } from '../../../src/core/landscape/file';
import { RULES } from '../../../src/core/rules/registry';
import type { Rule } from '../../../src/core/rules/rule';
import { TODAY } from '../../helpers';

const options = resolveOptions(RULES, { now: TODAY });

describe('engine', () => {
  it('reports findings about a node two systems share through an alias once, with a rule cache as without', () => {
    const text = ['systems:', '  AAA: &base', '    product: abap', '    role: quality', '    sps: x', '  AAB: *base', ''].join('\n');
    const file = loadLandscapeFile('aliased.landscape.yaml', text, options.limits);
    const single = runRules([file], options);
    assert.ok(single.some((finding) => finding.ruleId === 'schema'), 'the file has a schema finding to compare');
    assert.deepEqual(runRules([file], options, RULES, new RuleCache()), single);
  });

  it('leaves a rule the options know nothing of off instead of failing on its missing setting', () => {
    const unknown: Rule = { ...RULES[0], id: 'not-in-the-options', check: () => assert.fail('ran') };
    const file = loadLandscapeFile('a.landscape.yaml', 'systems: {}\n', options.limits);
    assert.deepEqual(runRules([file], options, [unknown]), []);
  });
});
