import { strict as assert } from 'assert';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import { assertExit, assertUsageError, FIXTURES, makeTempDir, NOW, parseJson, removeTempDir, runCli } from './run-cli';

/*
 * The project: .sapready.yaml at the top, the landscape files of test/fixtures/cli/fixable in
 * landscapes/. Checked on 2026-11-23 they have five errors and one warning:
 *   routes.landscape.yaml   legacy-rfc-destination x1
 *   systems.landscape.yaml  legacy-rfc-destination x2, legacy-rfc-removable x1 (warning),
 *                           backbone-destination-config x1, unknown-connection-type x1
 */
const RECORDED = {
  'landscapes/routes.landscape.yaml': { 'legacy-rfc-destination': { count: 1 } },
  'landscapes/systems.landscape.yaml': {
    'backbone-destination-config': { count: 1 },
    'legacy-rfc-destination': { count: 2 },
    'legacy-rfc-removable': { count: 1 },
    'unknown-connection-type': { count: 1 },
  },
};

describe('sapready check bulk suppressions', () => {
  let dir: string;
  let landscapes: string;
  beforeEach(() => {
    dir = makeTempDir();
    landscapes = path.join(dir, 'landscapes');
    cpSync(path.join(FIXTURES, 'fixable'), landscapes, { recursive: true });
    writeFileSync(path.join(dir, '.sapready.yaml'), '');
  });
  afterEach(() => removeTempDir(dir));

  const suppressionsFile = (): unknown => JSON.parse(readFileSync(path.join(dir, 'sapready-suppressions.json'), 'utf8'));
  const edit = (file: string, change: (text: string) => string): void => {
    const target = path.join(landscapes, file);
    writeFileSync(target, change(readFileSync(target, 'utf8')));
  };
  const check = (...args: string[]) => runCli(['check', '--now', NOW, ...args], { cwd: dir });

  it('--suppress-all records counts per file and rule beside the options file; later runs pass and say how many are hidden', () => {
    const recording = runCli(['check', '--now', NOW, '--suppress-all'], { cwd: landscapes });
    assertExit(recording, 0);
    assert.equal(recording.stderr, 'sapready: Recorded ../sapready-suppressions.json: 6 findings suppressed in 2 files.\n');
    assert.deepEqual(suppressionsFile(), RECORDED);

    const later = check('--format', 'json');
    assertExit(later, 0);
    assert.equal(later.stderr, '');
    const report = parseJson<{ bulkSuppressed: number; findings: { severity: string }[] }>(later);
    assert.equal(report.bulkSuppressed, 6);
    assert.deepEqual(report.findings, []);
    assert.equal(check().stdout, 'No problems in 2 files (4 systems); 6 more suppressed in bulk.\n');
    assert.match(check('--format', 'markdown').stdout, /^No problems in 2 files \(4 systems\); 6 more suppressed in bulk\.$/m);
    assert.match(check('--format', 'html').stdout, /not ready\. 6 findings suppressed in bulk \(sapready-suppressions\.json\)\.<\/p>/);
  });

  it('keeps suppressing when lines move, and reports every finding of a rule in a file once there are more than recorded', () => {
    assertExit(check('--suppress-all'), 0);
    edit('systems.landscape.yaml', (text) => text.replace('systems:\n', 'systems:\n  # a comment that moves every system down\n'));
    assertExit(check(), 0);

    edit('routes.landscape.yaml', (text) => `${text}      SAP-OSS: { type: "3" }\n`);
    const result = check('--format', 'json');
    assertExit(result, 1);
    assert.deepEqual(
      parseJson(result).findings.filter((finding) => finding.severity !== 'info').map((finding) => `${finding.path}:${finding.line} ${finding.ruleId}`),
      ['landscapes/routes.landscape.yaml:13 legacy-rfc-destination', 'landscapes/routes.landscape.yaml:14 legacy-rfc-destination'],
    );
  });

  it('--suppress-rule records only the named rules; the others still fail the run', () => {
    const result = check('--suppress-rule', 'legacy-rfc-destination', '--suppress-rule', 'legacy-rfc-removable', '--format', 'json');
    assertExit(result, 1);
    assert.deepEqual(suppressionsFile(), {
      'landscapes/routes.landscape.yaml': RECORDED['landscapes/routes.landscape.yaml'],
      'landscapes/systems.landscape.yaml': { 'legacy-rfc-destination': { count: 2 }, 'legacy-rfc-removable': { count: 1 } },
    });
    assert.deepEqual(parseJson(result).findings.filter((finding) => finding.severity === 'error').map((finding) => finding.ruleId), ['backbone-destination-config', 'unknown-connection-type']);
  });

  it('says when recorded counts are higher than the findings, and --prune-suppressions lowers them', () => {
    assertExit(check('--suppress-all'), 0);
    edit('routes.landscape.yaml', (text) => text.replace('SAPOSS: { type: "3" }', 'SAPOSS: { type: "3", status: deactivated, deactivatedOn: 2026-11-20 }'));
    const stale = check();
    assertExit(stale, 0);
    assert.equal(stale.stderr, 'sapready: 1 count in sapready-suppressions.json is higher than the findings now: sapready check --prune-suppressions lowers it.\n');

    const pruned = check('--prune-suppressions');
    assertExit(pruned, 0);
    assert.equal(pruned.stderr, 'sapready: Pruned sapready-suppressions.json: 5 findings suppressed in 1 file.\n');
    assert.deepEqual(suppressionsFile(), { 'landscapes/systems.landscape.yaml': RECORDED['landscapes/systems.landscape.yaml'] });
    assert.equal(check().stderr, '');
  });

  it('with --fix records only what the fixes leave', () => {
    assertExit(check('--fix', '--suppress-all'), 0);
    assert.deepEqual(suppressionsFile(), {}, 'every error and warning of the fixture has a fix');
  });

  it('--suppressions-location reads and writes another file, resolving paths from its folder', () => {
    mkdirSync(path.join(dir, 'ci'));
    assertExit(check('--suppress-all', '--suppressions-location', 'ci/baseline.json'), 0);
    assert.equal(existsSync(path.join(dir, 'sapready-suppressions.json')), false);
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(path.join(dir, 'ci', 'baseline.json'), 'utf8'))), ['../landscapes/routes.landscape.yaml', '../landscapes/systems.landscape.yaml']);
    assertExit(check('--suppressions-location', 'ci/baseline.json'), 0);
    assertExit(check(), 1);
  });

  it('exits 2 with the file named for an invalid suppressions file, an unknown rule, or a location that is not a regular file', () => {
    writeFileSync(path.join(dir, 'sapready-suppressions.json'), '{ "landscapes/routes.landscape.yaml": { "schema": 3 } }');
    assertUsageError(check(), /^sapready: Invalid suppressions file sapready-suppressions\.json: "landscapes\/routes\.landscape\.yaml" › "schema" must be \{ "count": n \}/);
    assertUsageError(check('--suppress-rule', 'legacy-rfc-destinations'), /^sapready: --suppress-rule: unknown rule "legacy-rfc-destinations"\. Did you mean legacy-rfc-destination\?/);
    assertUsageError(check('--suppressions-location', 'landscapes'), /^sapready: The suppressions file landscapes is not a regular file\.$/m);
    symlinkSync(path.join(dir, 'elsewhere.json'), path.join(dir, 'linked.json'));
    assertUsageError(check('--suppress-all', '--suppressions-location', 'linked.json'), /^sapready: The suppressions file linked\.json is not a regular file; it is not replaced\.$/m);
    assert.equal(existsSync(path.join(dir, 'elsewhere.json')), false);
  });
});
