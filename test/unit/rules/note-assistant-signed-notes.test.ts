import { strict as assert } from 'assert';
import { applyFix, expectRule, yaml } from '../../helpers';

const RULE = 'note-assistant-signed-notes';
const system = (...noteAssistantLines: string[]): string =>
  yaml('landscape: Test', 'systems:', '  PRD:', '    product: abap', ...noteAssistantLines.map((line) => `    ${line}`));

describe(RULE, () => {
  it('reports SNOTE in use without signed-note handling, at the false value', () => {
    const [finding] = expectRule(RULE, system('noteAssistant:', '  used: true', '  digitallySignedNotes: false'), [
      { line: 7, severity: 'error', message: /SNOTE is used in system PRD.*2020-01-08.*Note 2836302 \(report RCWB_TCI_DIGITSIGN_AUTOMATION\)/ },
    ]);
    assert.equal(finding.sid, 'PRD');
    assert.deepEqual(finding.notes, ['2836302', '2408073', '2546220', '2508268']);
  });

  it('reports a missing digitallySignedNotes at the noteAssistant key', () => {
    expectRule(RULE, system('noteAssistant: { used: true }'), [{ line: 5, message: /recorded as enabled/ }]);
    expectRule(RULE, system('noteAssistant:', '  used: true', '  digitallySignedNotes:'), [{ line: 5 }]);
  });

  it('does not report signed-note handling in place, SNOTE not used, or a value of the wrong type', () => {
    expectRule(RULE, system('noteAssistant: { used: true, digitallySignedNotes: true }'), []);
    expectRule(RULE, system('noteAssistant: { used: false }'), []);
    expectRule(RULE, system('noteAssistant: { digitallySignedNotes: false }'), []);
    expectRule(RULE, system('noteAssistant: { used: "yes" }'), []);
    expectRule(RULE, system('noteAssistant: { used: true, digitallySignedNotes: "yes" }'), []); // the schema reports it
    expectRule(RULE, system('noteAssistant: true'), []);
    expectRule(RULE, system('role: production'), []);
  });

  it('offers only a fix that records the change made in the system', () => {
    const text = system('noteAssistant:', '  used: true', '  digitallySignedNotes: false   # pending');
    const [finding] = expectRule(RULE, text, [{ line: 7 }]);
    assert.equal(finding.fixes.length, 1);
    assert.equal(finding.fixes[0].title, 'Mark signed-note handling as enabled (after implementing Note 2836302)');
    const fixed = applyFix(text, finding);
    assert.equal(fixed, system('noteAssistant:', '  used: true', '  digitallySignedNotes: true   # pending'));
    expectRule(RULE, fixed, []);
  });

  it('adds the missing flag in flow style', () => {
    const text = system('noteAssistant: { used: true }');
    const fixed = applyFix(text, expectRule(RULE, text, [{ line: 5 }])[0]);
    assert.equal(fixed, system('noteAssistant: { used: true, digitallySignedNotes: true }'));
    expectRule(RULE, fixed, []);
  });
});
