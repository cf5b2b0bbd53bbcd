import { strict as assert } from 'assert';
import {
  applyBulkSuppressions,
  parseBulkSuppressions,
  pruneSuppressions,
  recordSuppressions,
  serializeBulkSuppressions,
  type BulkSuppressions,
} from '../../../src/core/config/bulk-suppressions';
import { check, yaml } from '../../helpers';

const same = (path: string): string => path;

/** Two legacy destinations in PRD (errors), one removable one (warning), one to watch (info). */
const LANDSCAPE = yaml(
  'landscape: T',
  'systems:',
  '  PRD:',
  '    product: abap',
  '    rfcDestinations:',
  '      SAPOSS: { type: "3" }',
  '      SDCC_OSS: { type: "3" }',
  '      SAPNET_RTCC: { type: "3", status: deactivated, deactivatedOn: 2026-06-01 }',
  '      SAP-OSS: { type: "3", status: deactivated, deactivatedOn: 2026-11-20 }',
);

describe('bulk suppressions (sapready-suppressions.json)', () => {
  const findings = check({ 'a.landscape.yaml': LANDSCAPE }, { rules: ['legacy-rfc-destination', 'legacy-rfc-removable'] });
  const scope = { files: new Set(['a.landscape.yaml']) };

  it('records errors and warnings per file and rule, not infos (they never fail a run)', () => {
    assert.deepEqual(
      findings.map((finding) => `${finding.ruleId} ${finding.severity}`),
      ['legacy-rfc-destination error', 'legacy-rfc-destination error', 'legacy-rfc-removable warning', 'legacy-rfc-removable info'],
    );
    const recorded = recordSuppressions({}, findings, same, scope);
    assert.equal(serializeBulkSuppressions(recorded), JSON.stringify({ 'a.landscape.yaml': { 'legacy-rfc-destination': { count: 2 }, 'legacy-rfc-removable': { count: 1 } } }, null, 2) + '\n');
  });

  it('hides findings up to the recorded count and reports all of a rule in a file beyond it', () => {
    const atCount = applyBulkSuppressions(findings, { 'a.landscape.yaml': { 'legacy-rfc-destination': { count: 2 } } }, same, scope);
    assert.equal(atCount.suppressedCount, 2);
    assert.deepEqual(atCount.findings.map((finding) => finding.ruleId), ['legacy-rfc-removable', 'legacy-rfc-removable']);
    assert.deepEqual(atCount.unused, []);

    const beyond = applyBulkSuppressions(findings, { 'a.landscape.yaml': { 'legacy-rfc-destination': { count: 1 } } }, same, scope);
    assert.equal(beyond.suppressedCount, 0, 'which of the two is new cannot be told from a count');
    assert.equal(beyond.findings.length, findings.length);
  });

  it('says which recorded counts are higher than what occurs, within the files and rules of the run', () => {
    const recorded: BulkSuppressions = {
      'a.landscape.yaml': { 'legacy-rfc-destination': { count: 5 }, 'plaintext-secret': { count: 1 } },
      'not-checked.landscape.yaml': { 'legacy-rfc-destination': { count: 3 } },
    };
    const outcome = applyBulkSuppressions(findings, recorded, same, scope);
    assert.deepEqual(outcome.unused, [
      { file: 'a.landscape.yaml', ruleId: 'legacy-rfc-destination', recorded: 5, occurring: 2 },
      { file: 'a.landscape.yaml', ruleId: 'plaintext-secret', recorded: 1, occurring: 0 },
    ]);
    assert.deepEqual(applyBulkSuppressions(findings, recorded, same, { ...scope, rules: new Set(['legacy-rfc-destination']) }).unused.map((entry) => entry.ruleId), ['legacy-rfc-destination']);
    assert.deepEqual(JSON.parse(serializeBulkSuppressions(pruneSuppressions(recorded, outcome.unused))), {
      'a.landscape.yaml': { 'legacy-rfc-destination': { count: 2 } },
      'not-checked.landscape.yaml': { 'legacy-rfc-destination': { count: 3 } },
    });
  });

  it('records only the chosen rules and files, keeping the other entries', () => {
    const existing: BulkSuppressions = { 'a.landscape.yaml': { 'plaintext-secret': { count: 1 } }, 'b.landscape.yaml': { schema: { count: 4 } } };
    const recorded = recordSuppressions(existing, findings, same, { ...scope, rules: new Set(['legacy-rfc-removable']) });
    assert.deepEqual(JSON.parse(serializeBulkSuppressions(recorded)), {
      'a.landscape.yaml': { 'legacy-rfc-removable': { count: 1 }, 'plaintext-secret': { count: 1 } },
      'b.landscape.yaml': { schema: { count: 4 } },
    });
    assert.deepEqual(existing['a.landscape.yaml'], { 'plaintext-secret': { count: 1 } }, 'the given suppressions are not changed');
  });

  it('reads what it writes, keeps a file named __proto__ as a key, and explains a bad file', () => {
    const text = '{ "__proto__": { "schema": { "count": 2 } }, "a.landscape.yaml": { "schema": { "count": 1 } } }';
    const parsed = parseBulkSuppressions(text);
    assert.ok(parsed.ok);
    assert.deepEqual(Object.keys(parsed.suppressions), ['__proto__', 'a.landscape.yaml']);
    assert.equal(({} as Record<string, unknown>).schema, undefined, 'no prototype was changed');
    assert.deepEqual(parseBulkSuppressions(serializeBulkSuppressions(parsed.suppressions)), parsed);
    const problems = ['[]', '{ "a": 1 }', '{ "a": { "schema": { "count": 0 } } }', '{ "a": { "schema": { "count": 1.5 } } }', '{ "a": { "schema": {} } }', '{'].map((bad) => parseBulkSuppressions(bad));
    for (const problem of problems) assert.equal(problem.ok, false, JSON.stringify(problem));
    assert.deepEqual(problems.map((problem) => !problem.ok && problem.message.split(' ')[0]), ['expected', '"a"', '"a"', '"a"', '"a"', 'not']);
  });
});
