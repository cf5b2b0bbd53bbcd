import { strict as assert } from 'assert';
import { findSuppressions } from '../../../src/core/config/suppressions';
import { parseSourceTree } from '../../../src/core/landscape/parseTree';
import { LineIndex } from '../../../src/core/landscape/text';
import { check, expectFindings, yaml } from '../../helpers';

const legacy = (prefix: string[], destination = '      SAPOSS: { type: "3" }'): string =>
  yaml('landscape: x', 'systems:', '  PRD:', '    product: abap', '    rfcDestinations:', ...prefix, destination, '      SDCC_OSS: { type: "3" }');

describe('inline suppressions', () => {
  it('disable-next-line silences exactly the named rule on the next line', () => {
    const findings = check(legacy(['      # sapready-disable-next-line legacy-rfc-destination -- removed in SM59 on Friday']), { rules: ['legacy-rfc-destination', 'plaintext-secret'] });
    expectFindings(findings, [{ rule: 'legacy-rfc-destination', line: 8, message: /SDCC_OSS/ }]);
  });

  it('does not silence other rules on that line', () => {
    const text = legacy(['      # sapready-disable-next-line schema'], '      SAPOSS: { type: "3", pasword: x }');
    expectFindings(check(text, { rules: ['legacy-rfc-destination'] }), [
      { rule: 'legacy-rfc-destination', line: 7 },
      { rule: 'legacy-rfc-destination', line: 8 },
    ]);
  });

  it('a file-wide directive silences the rule everywhere in that file only', () => {
    const findings = check(
      { 'a.landscape.yaml': legacy(['      # sapready-disable legacy-rfc-destination']), 'b.landscape.yaml': legacy([]).replace('PRD', 'QAS') },
      { rules: ['legacy-rfc-destination'] },
    );
    assert.deepEqual(findings.map((finding) => finding.path), ['b.landscape.yaml', 'b.landscape.yaml']);
  });

  it('ignores the marker inside values and quoted text', () => {
    const text = 'a: "# sapready-disable schema"\nb: x#sapready-disable schema\n';
    assert.deepEqual(findSuppressions(text, new LineIndex(text), parseSourceTree(text).root).directives, []);
  });

  it('ignores the marker inside a block scalar and a quoted string over several lines: a value cannot hide a password', () => {
    for (const hiding of [
      ['    description: |', '      # sapready-disable', '      nothing to see'],
      ['    description: >-', '      # sapready-disable plaintext-secret'],
      ['    description: "first line', '      # sapready-disable', '      last line"'],
      ["    description: 'first line", '      # sapready-disable-next-line', "      last line'"],
    ]) {
      const text = yaml('landscape: x', 'systems:', '  PRD:', '    product: abap', ...hiding, '    logon:', '      password: Geheim123');
      assert.deepEqual(findSuppressions(text, new LineIndex(text), parseSourceTree(text).root).directives, [], hiding.join('\n'));
      // Without a tree (a file that does not parse), the lexer decides: the same answer.
      assert.deepEqual(findSuppressions(text, new LineIndex(text), null).directives, [], hiding.join('\n'));
      expectFindings(check(text, { rules: ['plaintext-secret'] }), [{ rule: 'plaintext-secret', line: hiding.length + 6 }]);
    }
  });

  it('still reads a directive after a block scalar, and in a file that does not parse', () => {
    const afterBlock = 'a: |\n  text\n# sapready-disable schema\nb: 1\n';
    assert.deepEqual(findSuppressions(afterBlock, new LineIndex(afterBlock), parseSourceTree(afterBlock).root).directives.map((directive) => directive.line), [2]);
    const broken = '# sapready-disable-next-line yaml-syntax\na: "unclosed\n';
    assert.deepEqual(findSuppressions(broken, new LineIndex(broken), parseSourceTree(broken).root).directives.map((directive) => directive.ruleIds), [['yaml-syntax']]);
  });

  it('records where the rule ids are, for hovers', () => {
    const text = 'a: 1  # sapready-disable-next-line  schema, legacy-rfc-destination -- why\n';
    const [directive] = findSuppressions(text, new LineIndex(text), parseSourceTree(text).root).directives;
    assert.deepEqual(directive.ruleIds, ['schema', 'legacy-rfc-destination']);
    assert.equal(text.slice(directive.idsStart, directive.idsEnd), 'schema, legacy-rfc-destination');
  });
});
