import { strict as assert } from 'assert';
import * as path from 'path';
import { assertExit, FIXTURES, NOW, parseJson, positions, runCli } from './run-cli';

describe('sapready check on several files', () => {
  it('reports a SID declared in two files at both declarations (duplicate-declaration)', () => {
    const result = runCli(['check', '--now', NOW, '--format', 'json'], { cwd: path.join(FIXTURES, 'multi-duplicate') });
    assertExit(result, 1);
    const report = parseJson(result);
    assert.deepEqual(report.files, ['first.landscape.yaml', 'second.landscape.yaml']);
    assert.deepEqual(positions(report), ['first.landscape.yaml:3:3 duplicate-declaration', 'second.landscape.yaml:10:3 duplicate-declaration']);
    const [first, second] = report.findings;
    assert.equal(first.message, 'System QAS is also declared in second.landscape.yaml: declare it in one file only and refer to it from the others.');
    assert.equal(second.message, 'System QAS is also declared in first.landscape.yaml: declare it in one file only and refer to it from the others.');
    assert.deepEqual([first.sid, second.sid], ['QAS', 'QAS']);
    assert.deepEqual(first.related.map((related) => `${related.path}:${related.line}:${related.column}`), ['second.landscape.yaml:10:3']);
    assert.deepEqual(second.related.map((related) => `${related.path}:${related.line}:${related.column}`), ['first.landscape.yaml:3:3']);
  });

  it('prints both duplicate declarations in the text report', () => {
    const result = runCli(['check', 'multi-duplicate', '--now', NOW]);
    assertExit(result, 1);
    assert.deepEqual(result.stdout.split('\n'), [
      'multi-duplicate/first.landscape.yaml:3:3  error    System QAS is also declared in multi-duplicate/second.landscape.yaml: declare it in one file only and refer to it from the others.  duplicate-declaration',
      'multi-duplicate/second.landscape.yaml:10:3  error    System QAS is also declared in multi-duplicate/first.landscape.yaml: declare it in one file only and refer to it from the others.  duplicate-declaration',
      '2 problems (2 errors, 0 warnings, 0 infos) in 2 files (3 systems).',
      '',
    ]);
  });

  it('does not report a SID that is declared once when only one file is checked', () => {
    const result = runCli(['check', 'multi-duplicate/first.landscape.yaml', '--now', NOW]);
    assertExit(result, 0);
    assert.equal(result.stdout, 'No problems in 1 file (1 system).\n');
  });

  it('checks a file named twice (as a file and through its folder) once', () => {
    const result = runCli(['check', 'multi-duplicate', 'multi-duplicate/first.landscape.yaml', '--now', NOW, '--format', 'json']);
    assertExit(result, 1);
    assert.deepEqual(parseJson(result).files, ['multi-duplicate/first.landscape.yaml', 'multi-duplicate/second.landscape.yaml']);
  });

  it('resolves solman: and communicationUser references across the files of a folder', () => {
    const result = runCli(['check', 'multi-solman', '--now', NOW]);
    assertExit(result, 0);
    assert.equal(result.stdout, 'No problems in 2 files (2 systems).\n');
  });

  it('reports the same references when the file that declares them is not checked', () => {
    const result = runCli(['check', 'multi-solman/managed.landscape.yaml', '--now', NOW, '--format', 'json']);
    assertExit(result, 1);
    assert.deepEqual(positions(parseJson(result)), [
      'multi-solman/managed.landscape.yaml:15:13 support-route',
      'multi-solman/managed.landscape.yaml:16:24 technical-user-required',
    ]);
  });
});
