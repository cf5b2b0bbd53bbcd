import { strict as assert } from 'assert';
import { cpSync, writeFileSync } from 'fs';
import * as path from 'path';
import { assertExit, assertUsageError, FIXTURES, makeTempDir, NOW, parseJson, removeTempDir, runCli, VERSION } from './run-cli';

const COMMANDS = ['check', 'rules', 'init', 'verify', 'import', 'export'];

/** The options of check that CI scripts call (issue #15): part of the contract. */
const CHECK_CONTRACT = ['--format', '--output', '--quiet', '--rule', '--fix', '--fix-dry-run', '--suppress-all', '--suppress-rule', '--prune-suppressions', '--suppressions-location', '--max-warnings', '--config', '--now'];

describe('sapready command-line conventions', () => {
  describe('--help and --version', () => {
    for (const command of COMMANDS) {
      it(`${command} --help and -h print the command's usage and exit 0, whatever else is given`, () => {
        for (const args of [[command, '--help'], [command, '-h'], [command, 'findings', '--format', 'nonsense', '--help']]) {
          const result = runCli(args);
          assertExit(result, 0);
          assert.equal(result.stderr, '');
          assert.match(result.stdout, new RegExp(`^Usage: sapready ${command} `), args.join(' '));
        }
      });
    }

    it('check --help names every option of the contract, and each is accepted', () => {
      const help = runCli(['check', '--help']).stdout;
      for (const option of CHECK_CONTRACT) assert.match(help, new RegExp(`^ +${option}[ ,<]`, 'm'), `${option} is not described`);
      assert.match(help, /gitlab \(GitLab Code Quality\), checkstyle .*\n.*github/);
      const dir = makeTempDir();
      try {
        cpSync(path.join(FIXTURES, 'clean'), dir, { recursive: true });
        writeFileSync(path.join(dir, '.sapready.yaml'), '');
        const values: Record<string, string[]> = {
          '--format': ['json'],
          '--output': ['report.txt'],
          '--rule': ['schema'],
          '--suppress-rule': ['schema'],
          '--suppressions-location': ['baseline.json'],
          '--max-warnings': ['0'],
          '--config': ['.sapready.yaml'],
          '--now': [NOW],
        };
        for (const option of CHECK_CONTRACT) assertExit(runCli(['check', '--now', NOW, option, ...(values[option] ?? [])], { cwd: dir }), 0);
        assertUsageError(runCli(['check', '--now', NOW, '--frobnicate'], { cwd: dir }), /Unknown option '--frobnicate'/);
      } finally {
        removeTempDir(dir);
      }
    });

    it('sapready help <command> prints that command\'s usage, as <command> --help does', () => {
      for (const command of COMMANDS) {
        const result = runCli(['help', command]);
        assertExit(result, 0);
        assert.equal(result.stdout, runCli([command, '--help']).stdout, command);
      }
      assert.equal(runCli(['help', 'nonsense']).stdout, runCli(['--help']).stdout);
    });

    it('a help argument after -- is a path, not a request for help', () => {
      assertUsageError(runCli(['check', '--', '--help']), /^sapready: No such file or folder: --help$/m);
    });

    it('--version and -v print the version of package.json', () => {
      for (const flag of ['--version', '-v']) {
        const result = runCli([flag]);
        assertExit(result, 0);
        assert.equal(result.stdout, `${VERSION}\n`);
      }
    });

    it('the general help lists the commands and how to get their help', () => {
      const result = runCli(['--help']);
      assertExit(result, 0);
      for (const command of COMMANDS) assert.match(result.stdout, new RegExp(`^  sapready ${command} `, 'm'));
      assert.match(result.stdout, /sapready <command> --help/);
    });
  });

  describe('--quiet', () => {
    it('reports errors only, so warnings neither show nor count', () => {
      const quiet = runCli(['check', 'findings', '--now', NOW, '--quiet', '--format', 'json']);
      assertExit(quiet, 1);
      assert.deepEqual(parseJson(quiet).findings.map((finding) => `${finding.severity} ${finding.ruleId}`), ['error schema', 'error legacy-rfc-destination']);
      const warningsOnly = runCli(['check', 'warnings', '--now', NOW, '--quiet', '--max-warnings', '0']);
      assertExit(warningsOnly, 0);
      assert.equal(warningsOnly.stdout, 'No problems in 1 file (1 system).\n');
      assertExit(runCli(['check', 'warnings', '--now', NOW, '--max-warnings', '0']), 1);
    });
  });

  describe('--rule', () => {
    it('runs only the named rules (repeatable)', () => {
      const one = parseJson(runCli(['check', 'findings', '--now', NOW, '--rule', 'legacy-rfc-removable', '--format', 'json']));
      assert.deepEqual(one.findings.map((finding) => finding.ruleId), ['legacy-rfc-removable', 'legacy-rfc-removable']);
      const two = runCli(['check', 'findings', '--now', NOW, '--rule', 'legacy-rfc-removable', '--rule', 'schema', '--format', 'json']);
      assertExit(two, 1);
      assert.deepEqual(parseJson(two).findings.map((finding) => finding.ruleId), ['schema', 'legacy-rfc-removable', 'legacy-rfc-removable']);
    });

    it('runs a rule named twice once', () => {
      const twice = parseJson(runCli(['check', 'findings', '--now', NOW, '--rule', 'legacy-rfc-removable', '--rule', 'legacy-rfc-removable', '--format', 'json']));
      assert.deepEqual(twice.findings.map((finding) => `${finding.line} ${finding.ruleId}`), ['13 legacy-rfc-removable', '14 legacy-rfc-removable']);
    });

    it('runs a named rule that the options file turns off', () => {
      const off = runCli(['check', 'warnings', '--now', NOW, '--config', 'options/alternative.yaml', '--format', 'json']);
      assert.deepEqual(parseJson(off).findings, [], 'the options file turns legacy-rfc-removable off');
      const named = runCli(['check', 'warnings', '--now', NOW, '--config', 'options/alternative.yaml', '--rule', 'legacy-rfc-removable', '--format', 'json']);
      assert.deepEqual(parseJson(named).findings.map((finding) => `${finding.severity} ${finding.ruleId}`), ['warning legacy-rfc-removable']);
    });

    it('exits 2 for a rule of sapready verify, saying that verify checks it', () => {
      for (const option of ['--rule', '--suppress-rule']) {
        assertUsageError(runCli(['check', 'findings', option, 'live-destination-drift']), new RegExp(`^sapready: ${option}: live-destination-drift compares with the live system: sapready verify checks it, not sapready check\\.$`, 'm'));
      }
    });

    it('exits 2 for an unknown rule, suggesting the closest', () => {
      assertUsageError(runCli(['check', 'findings', '--rule', 'legacy-rfc-destinaton']), /^sapready: --rule: unknown rule "legacy-rfc-destinaton"\. Did you mean legacy-rfc-destination\?/);
    });
  });
});
