import { strict as assert } from 'assert';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { assertExit, assertUsageError, FIXTURES, makeTempDir, NOW, parseJson, positions, removeTempDir, runCli, VERSION } from './run-cli';

/*
 * test/fixtures/cli/options/.sapready.yaml says `now: 2026-06-10` and turns legacy-rfc-destination
 * off; options/alternative.yaml (for --config) turns legacy-rfc-removable off instead.
 * options/sub/options.landscape.yaml has an active SAPOSS (legacy-rfc-destination, error) and
 * SAPNET_RTCC deactivated on 2026-06-01 (legacy-rfc-removable: info until 2026-06-15, then a warning).
 */
const OPTIONS = path.join(FIXTURES, 'options');
const SUB = path.join(OPTIONS, 'sub');

function checkJson(args: string[], cwd: string, status: number) {
  const result = runCli(['check', ...args, '--format', 'json'], { cwd });
  assertExit(result, status);
  assert.equal(result.stderr, '');
  return parseJson(result);
}

describe('sapready options file (.sapready.yaml)', () => {
  it('uses .sapready.yaml from a parent folder: its rule severities and its "now"', () => {
    const report = checkJson([], SUB, 0);
    assert.equal(report.optionsFile, '../.sapready.yaml');
    assert.equal(report.today, '2026-06-10');
    assert.deepEqual(positions(report), ['options.landscape.yaml:11:7 legacy-rfc-removable']);
    assert.equal(report.findings[0].severity, 'info');
    assert.match(report.findings[0].message, /watch for failing jobs until 2026-06-15/);
  });

  it('uses .sapready.yaml from the working folder', () => {
    const report = checkJson(['sub'], OPTIONS, 0);
    assert.equal(report.optionsFile, '.sapready.yaml');
    assert.equal(report.today, '2026-06-10');
    assert.deepEqual(positions(report), ['sub/options.landscape.yaml:11:7 legacy-rfc-removable']);
  });

  it('lets --now win over the file\'s "now" and keeps the file\'s rule settings', () => {
    const report = checkJson(['--now', NOW], SUB, 0);
    assert.equal(report.today, NOW);
    assert.equal(report.optionsFile, '../.sapready.yaml');
    assert.deepEqual(positions(report), ['options.landscape.yaml:11:7 legacy-rfc-removable']);
    assert.equal(report.findings[0].severity, 'warning');
    assert.match(report.findings[0].message, /past the 14-day observation window/);
  });

  it('lets --config win over the discovered file', () => {
    const report = checkJson(['--now', NOW, '--config', '../alternative.yaml'], SUB, 1);
    assert.equal(report.optionsFile, '../alternative.yaml');
    assert.deepEqual(positions(report), ['options.landscape.yaml:10:7 legacy-rfc-destination']);
  });

  it('names the options file in the markdown report', () => {
    const result = runCli(['check', '--format', 'markdown'], { cwd: SUB });
    assertExit(result, 0);
    assert.equal(result.stdout.split('\n')[2], `Checked on 2026-06-10 with options from \`../.sapready.yaml\` by sapready ${VERSION}.`);
  });

  it('reads a severity set in the options file, and limits such as maxFileBytes', () => {
    const dir = makeTempDir();
    try {
      writeFileSync(path.join(dir, 'a.landscape.yaml'), 'landscape: Limits\nsystems: {}\n');
      writeFileSync(path.join(dir, '.sapready.yaml'), 'limits:\n  maxFileBytes: 20\nrules:\n  yaml-syntax: warning\n');
      const report = checkJson(['--now', NOW], dir, 0);
      assert.equal(report.optionsFile, '.sapready.yaml');
      assert.deepEqual(positions(report), ['a.landscape.yaml:1:1 yaml-syntax']);
      assert.equal(report.findings[0].severity, 'warning');
      assert.match(report.findings[0].message, /^File not checked: it is .*, over the limit of .*\. .*limits\.maxFileBytes/);
    } finally {
      removeTempDir(dir);
    }
  });

  it('says by how much a file is over a maxFileBytes limit: the two sizes in the message differ', () => {
    const dir = makeTempDir();
    try {
      // A 1 MiB limit and a file 100 bytes over it: "it is 1.0 MiB, over the limit of 1.0 MiB" would not say why.
      const limit = 1024 * 1024;
      writeFileSync(path.join(dir, 'a.landscape.yaml'), 'landscape: Limits\n' + '#'.repeat(limit + 100 - 19) + '\n');
      writeFileSync(path.join(dir, '.sapready.yaml'), `limits:\n  maxFileBytes: ${limit}\n`);
      const report = checkJson(['--now', NOW], dir, 1);
      assert.deepEqual(positions(report), ['a.landscape.yaml:1:1 yaml-syntax']);
      const sizes = /it is (.+?), over the limit of (.+?)\. /.exec(report.findings[0].message);
      assert.ok(sizes, report.findings[0].message);
      assert.notEqual(sizes[1], sizes[2], report.findings[0].message);
    } finally {
      removeTempDir(dir);
    }
  });

  describe('patterns that could hang the check', () => {
    let dir: string;
    beforeEach(() => {
      dir = makeTempDir();
      // A destination whose 32-character name makes ^(a+)+$ backtrack for far longer than the test waits.
      writeFileSync(path.join(dir, 'a.landscape.yaml'), `landscape: A\nsystems:\n  PRD:\n    product: abap\n    rfcDestinations:\n      ${'a'.repeat(31)}b: { type: "3", host: oss001 }\n`);
    });
    afterEach(() => removeTempDir(dir));

    it('refuses a pattern that can backtrack exponentially, naming its line and column, with exit 2 and without running it', () => {
      writeFileSync(path.join(dir, '.sapready.yaml'), 'rules:\n  legacy-rfc-destination:\n    ignoredNamePatterns:\n      - "^(a+)+$"\n');
      const result = runCli(['check', '.', '--now', NOW], { cwd: dir, timeout: 15_000 });
      assertUsageError(result, /^sapready: Invalid options file:\n\.sapready\.yaml:4:9  "\^\(a\+\)\+\$" could take exponential time to match/);
    });

    it('reports an invalid pattern as an options-file error with line and column, not an internal error', () => {
      writeFileSync(path.join(dir, '.sapready.yaml'), 'rules:\n  saprouter-route:\n    serviceNamePatterns: ["^sapdp[0-9]{2}$", "(unclosed"]\n');
      const result = runCli(['check', '.', '--now', NOW], { cwd: dir });
      assertUsageError(result, /^sapready: Invalid options file:\n\.sapready\.yaml:3:46  "\(unclosed" is not a valid regular expression: Unterminated group\.\n$/);
    });
  });
});
