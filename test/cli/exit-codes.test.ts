import { strict as assert } from 'assert';
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { assertExit, assertUsageError, makeTempDir, NOW, REPO_ROOT, removeTempDir, runCli, VERSION } from './run-cli';

describe('sapready exit codes', () => {
  describe('0 and 1: the verdict on the landscape', () => {
    it('exits 0 for examples/acme, which is support-ready (one info finding)', () => {
      const result = runCli(['check', 'examples/acme', '--now', NOW], { cwd: REPO_ROOT });
      assertExit(result, 0);
      assert.equal(result.stderr, '');
      const lines = result.stdout.trimEnd().split('\n');
      assert.equal(lines.at(-1), '1 problem (0 errors, 0 warnings, 1 info) in 2 files (5 systems).');
      assert.match(lines[0], /^examples\/acme\/core\.landscape\.yaml:50:7  info     SAPOSS \(system PRD\) was deactivated on 2026-11-10: .*  legacy-rfc-removable  https:\/\/me\.sap\.com\/notes\/2923799$/);
    });

    it('exits 1 for examples/not-ready, which has errors', () => {
      const result = runCli(['check', 'examples/not-ready', '--now', NOW], { cwd: REPO_ROOT });
      assertExit(result, 1);
      assert.equal(result.stderr, '');
      assert.equal(result.stdout.trimEnd().split('\n').at(-1), '17 problems (16 errors, 1 warning, 0 infos) in 1 file (2 systems).');
    });

    it('exits 0 for a fixture with a warning and no errors', () => {
      const result = runCli(['check', 'warnings', '--now', NOW]);
      assertExit(result, 0);
      assert.equal(result.stderr, '');
      assert.equal(result.stdout.trimEnd().split('\n').at(-1), '1 problem (0 errors, 1 warning, 0 infos) in 1 file (1 system).');
    });

    it('exits 1 for the same fixture with --max-warnings 0, and says why on stderr', () => {
      const result = runCli(['check', 'warnings', '--now', NOW, '--max-warnings', '0']);
      assertExit(result, 1);
      assert.match(result.stderr, /^sapready: 1 warnings?, more than --max-warnings 0\.\n$/);
      assert.equal(result.stdout.trimEnd().split('\n').at(-1), '1 problem (0 errors, 1 warning, 0 infos) in 1 file (1 system).');
    });

    it('exits 0 with --max-warnings 1 (as many warnings as allowed)', () => {
      const result = runCli(['check', 'warnings', '--now', NOW, '--max-warnings', '1']);
      assertExit(result, 0);
      assert.equal(result.stderr, '');
    });

    it('prints the version with --version and exits 0', () => {
      const result = runCli(['--version']);
      assertExit(result, 0);
      assert.equal(result.stdout, `${VERSION}\n`);
    });

    it('prints the help with --help and exits 0, but exits 2 without a command', () => {
      const help = runCli(['--help']);
      assertExit(help, 0);
      assert.match(help.stdout, /^sapready \S+: checks SAP landscape files/);
      assert.match(help.stdout, /Exit codes: 0 no errors, 1 errors/);
      const bare = runCli([]);
      assertExit(bare, 2);
      assert.equal(bare.stdout, help.stdout);
    });
  });

  describe('2: usage and I/O errors, with a one-line message and no stack trace', () => {
    const usageErrors: { name: string; args: string[]; message: RegExp }[] = [
      { name: 'an unknown command', args: ['chek', 'clean'], message: /^sapready: Unknown command "chek"\. Run sapready --help/ },
      { name: 'an unknown option', args: ['check', 'clean', '--frobnicate'], message: /^sapready: Unknown option '--frobnicate'\. Run sapready --help for the options\.\n$/ },
      { name: 'an option without its value', args: ['check', 'clean', '--format'], message: /^sapready: .*--format/ },
      { name: 'a bad --format', args: ['check', 'clean', '--format', 'xml'], message: /^sapready: --format must be one of text, json, sarif, junit, markdown, html, gitlab, checkstyle, github; got "xml"\.\n$/ },
      { name: 'a --format that rules does not offer', args: ['rules', '--format', 'sarif'], message: /^sapready: --format must be one of text, json, markdown; got "sarif"\.\n$/ },
      { name: 'a --now that is not a date', args: ['check', 'clean', '--now', 'yesterday'], message: /^sapready: .*"yesterday"/ },
      { name: 'a --now that is not a real day', args: ['check', 'clean', '--now', '2026-02-30'], message: /^sapready: .*ISO date.*"2026-02-30"/ },
      { name: 'a --now in another format', args: ['check', 'clean', '--now', '23.11.2026'], message: /^sapready: .*"23\.11\.2026"/ },
      { name: 'a --max-warnings that is not a number', args: ['check', 'clean', '--max-warnings', 'many'], message: /^sapready: --max-warnings takes a whole number; got "many"\.\n$/ },
      { name: 'a negative --max-warnings', args: ['check', 'clean', '--max-warnings=-1'], message: /^sapready: --max-warnings takes a whole number; got "-1"\.\n$/ },
      { name: 'a fractional --max-warnings', args: ['check', 'clean', '--max-warnings', '1.5'], message: /^sapready: --max-warnings takes a whole number; got "1\.5"\.\n$/ },
      { name: 'a path that does not exist', args: ['check', 'no-such-folder', '--now', NOW], message: /^sapready: No such file or folder: no-such-folder\n$/ },
      { name: 'a missing --config file', args: ['check', 'clean', '--now', NOW, '--config', 'no-such-options.yaml'], message: /^sapready: Options file not found: no-such-options\.yaml\n$/ },
      { name: 'a --config that is a folder', args: ['check', 'clean', '--now', NOW, '--config', 'clean'], message: /^sapready: Cannot read options file clean: it is a folder, not a regular file\n$/ },
      { name: 'init with two file names', args: ['init', 'a.landscape.yaml', 'b.landscape.yaml'], message: /^sapready: init takes one file name\.\n$/ },
    ];
    for (const { name, args, message } of usageErrors) {
      it(`exits 2 for ${name}`, () => assertUsageError(runCli(args), message));
    }

    it('exits 2 for a folder with no landscape files', () => {
      const dir = makeTempDir();
      try {
        writeFileSync(path.join(dir, 'notes.yaml'), 'landscape: not picked up, wrong name\n');
        mkdirSync(path.join(dir, 'empty'));
        assertUsageError(runCli(['check', 'empty', '--now', NOW], { cwd: dir }), /^sapready: No landscape files \(\*\.landscape\.yaml, \*\.landscape\.yml\) in empty\.\n$/);
        assertUsageError(runCli(['check', '--now', NOW], { cwd: dir }), /^sapready: No landscape files \(\*\.landscape\.yaml, \*\.landscape\.yml\) in \.\.\n$/);
      } finally {
        removeTempDir(dir);
      }
    });

    it('exits 2 for a --config file with an unknown rule id, naming the file with line:column', () => {
      const result = runCli(['check', 'clean', '--now', NOW, '--config', 'bad-options/unknown-rule.yaml']);
      assertUsageError(result, /^sapready: Invalid options file:\nbad-options\/unknown-rule\.yaml:4:3  Unknown property "no-such-rule" \(in rules\)\./);
    });

    it('exits 2 for a --config file with a value of the wrong type, naming the file with line:column', () => {
      const result = runCli(['check', 'clean', '--now', NOW, '--config', 'bad-options/wrong-type.yaml']);
      assertUsageError(result, /^sapready: Invalid options file:\nbad-options\/wrong-type\.yaml:3:13  "maxDepth" must be a whole number, not text "deep"/);
    });

    it('exits 2 for a discovered .sapready.yaml that is not valid YAML or has a bad date, with line:column', () => {
      const dir = makeTempDir();
      try {
        writeFileSync(path.join(dir, 'a.landscape.yaml'), 'landscape: A\n');
        writeFileSync(path.join(dir, '.sapready.yaml'), 'rules: [\n');
        assertUsageError(runCli(['check'], { cwd: dir }), /^sapready: Invalid options file:\n\.sapready\.yaml:\d+:\d+  \S/);
        writeFileSync(path.join(dir, '.sapready.yaml'), '# a day that does not exist\nnow: 2026-02-30\n');
        assertUsageError(runCli(['check'], { cwd: dir }), /^sapready: Invalid options file:\n\.sapready\.yaml:2:6  "now" must be an ISO date/);
      } finally {
        removeTempDir(dir);
      }
    });
  });
});
