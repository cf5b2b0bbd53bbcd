import { expectRule, yaml } from '../../helpers';

const RULE = 'yaml-syntax';

describe(RULE, () => {
  it('reports a syntax error at its position', () => {
    expectRule(RULE, yaml('landscape: x', 'systems:', '  PRD: { product: abap', '  QAS: {}'), [{ line: 4, severity: 'error' }]);
  });

  it('reports a duplicate key at the second key, pointing at the first', () => {
    const [finding] = expectRule(RULE, yaml('landscape: x', 'systems:', '  PRD: { product: abap }', '  PRD: { product: java }'), [{ line: 4, message: /Duplicate key "PRD"/ }]);
    if (finding.related[0]?.range.start.line !== 2) throw new Error('the related location is not the first PRD');
  });

  it('reports a second document at its --- line', () => {
    expectRule(RULE, yaml('landscape: a', '---', 'landscape: b'), [{ line: 2, message: /one YAML document/ }]);
  });

  it('declines an alias bomb and names the limit, which the options can raise', () => {
    const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 5; level++) bomb.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
    expectRule(RULE, yaml(...bomb), [{ line: 5, message: /more than 100000 nodes.*limits\.maxAliasExpansion/ }]);
    expectRule(RULE, yaml(...bomb), [], { options: { limits: { maxAliasExpansion: 2_000_000 } } });
  });

  it('reports nothing for valid YAML, anchors and merge keys included', () => {
    expectRule(RULE, yaml('landscape: x', 'defaults: &abap { product: abap }', 'systems:', '  PRD: { <<: *abap, role: production }'), []);
  });
});
