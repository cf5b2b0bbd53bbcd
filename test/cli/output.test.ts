import { strict as assert } from 'assert';
import { chmodSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import { execFileSync, spawn } from 'child_process';
import { assertExit, assertUsageError, CLI_PATH, FIXTURES, listFiles, makeTempDir, NOW, parseJson, removeTempDir, runCli } from './run-cli';

describe('sapready check --output', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('writes the report to the file, leaves stdout empty and no temporary file behind', () => {
    const report = path.join(dir, 'report.json');
    const result = runCli(['check', 'findings', '--now', NOW, '--format', 'json', '--output', report]);
    assertExit(result, 1);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, '');
    assert.deepEqual(listFiles(dir), ['report.json']);
    const toStdout = runCli(['check', 'findings', '--now', NOW, '--format', 'json']);
    assert.equal(readFileSync(report, 'utf8'), toStdout.stdout);
    assert.equal(parseJson({ ...toStdout, stdout: readFileSync(report, 'utf8') }).findings.length, 4);
  });

  it('takes a relative --output against the working folder and replaces an existing report', () => {
    const landscapes = path.join(dir, 'landscapes');
    mkdirSync(landscapes);
    writeFileSync(path.join(landscapes, 'a.landscape.yaml'), 'landscape: A\n');
    writeFileSync(path.join(dir, 'report.txt'), 'an old report, longer than the new one '.repeat(10));
    const result = runCli(['check', 'landscapes', '--now', NOW, '--output', 'report.txt'], { cwd: dir });
    assertExit(result, 0);
    assert.equal(result.stdout, '');
    assert.equal(readFileSync(path.join(dir, 'report.txt'), 'utf8'), 'No problems in 1 file (0 systems).\n');
    assert.deepEqual(listFiles(dir), ['landscapes', 'landscapes/a.landscape.yaml', 'report.txt']);
  });

  it('writes text without colours to a file, even with a report for every format', () => {
    for (const format of ['text', 'sarif', 'junit', 'markdown']) {
      const result = runCli(['check', 'findings', '--now', NOW, '--format', format, '--output', path.join(dir, `report.${format}`)]);
      assertExit(result, 1);
      assert.equal(result.stdout, '', format);
    }
    assert.deepEqual(listFiles(dir), ['report.junit', 'report.markdown', 'report.sarif', 'report.text']);
    assert.doesNotMatch(readFileSync(path.join(dir, 'report.text'), 'utf8'), /\u001b\[/);
  });

  it('exits 2 when the folder of --output does not exist, and leaves no temporary file', () => {
    const result = runCli(['check', 'findings', '--now', NOW, '--output', path.join(dir, 'missing', 'report.txt')]);
    assertUsageError(result, /^sapready: Cannot write .*missing\/report\.txt: ENOENT\n$/);
    assert.deepEqual(listFiles(dir), []);
  });

  it('exits 2 when --output is a folder, and leaves no temporary file in it or next to it', () => {
    mkdirSync(path.join(dir, 'report'));
    const result = runCli(['check', 'findings', '--now', NOW, '--output', path.join(dir, 'report')]);
    assertUsageError(result, /^sapready: Cannot write .*report: E[A-Z]+\n$/);
    assert.deepEqual(listFiles(dir), ['report']);
  });

  describe('onto what is not a regular file: written into, never replaced', () => {
    // CI runs as root, where renaming over /dev/null replaces the device for every later
    // program. The tests use a device made here, never the real /dev/null.
    const isRoot = process.getuid?.() === 0;

    it('writes into a character device and leaves it a character device', function () {
      if (!isRoot) this.skip();
      const device = path.join(dir, 'null');
      execFileSync('mknod', [device, 'c', '1', '3']);
      const result = runCli(['check', 'findings', '--now', NOW, '--output', device]);
      assertExit(result, 1);
      assert.ok(lstatSync(device).isCharacterDevice(), 'the device was replaced');
      assert.deepEqual(listFiles(dir), ['null']);
    });

    it('writes into a FIFO that a reader holds open, and leaves it a FIFO', async () => {
      const fifo = path.join(dir, 'report.fifo');
      execFileSync('mkfifo', [fifo]);
      const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
      let received = '';
      reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
      const closed = new Promise((resolve) => reader.on('close', resolve));
      // cat runs as its own process: it drains the FIFO while this one waits for the CLI.
      try {
        const result = runCli(['check', 'findings', '--now', NOW, '--output', fifo]);
        assertExit(result, 1);
      } finally {
        // Had the FIFO been replaced, cat would wait for a writer forever.
        if (!lstatSync(fifo).isFIFO()) reader.kill();
      }
      await closed;
      assert.ok(lstatSync(fifo).isFIFO(), 'the FIFO was replaced');
      assert.match(received, /problems? \(/);
    });

    it('writes through a symbolic link into the file it names, and keeps the link', () => {
      const target = path.join(dir, 'target.txt');
      writeFileSync(target, 'old');
      symlinkSync(target, path.join(dir, 'link.txt'));
      const result = runCli(['check', 'findings', '--now', NOW, '--output', path.join(dir, 'link.txt')]);
      assertExit(result, 1);
      assert.ok(lstatSync(path.join(dir, 'link.txt')).isSymbolicLink(), 'the link was replaced');
      assert.match(readFileSync(target, 'utf8'), /problems? \(/);
    });

    it('keeps the permissions of a report it replaces (0600 stays 0600)', () => {
      const report = path.join(dir, 'report.txt');
      writeFileSync(report, 'old');
      chmodSync(report, 0o600);
      assertExit(runCli(['check', 'findings', '--now', NOW, '--output', report]), 1);
      assert.equal(statSync(report).mode & 0o777, 0o600);
      assert.match(readFileSync(report, 'utf8'), /problems? \(/);
    });
  });

  it('ends quietly when stdout is closed early (sapready check | head): no stack trace, no exit 1 without errors', async () => {
    // warnings/ has one warning and no errors: exit 0 when the report is read, so 1 ("errors") would be wrong here.
    const child = spawn(process.execPath, [CLI_PATH, 'check', 'warnings', '--now', NOW], { cwd: FIXTURES, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first write: every write fails with EPIPE
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 15_000);
    const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, killed) => resolve([code, killed])));
    clearTimeout(timer);
    const described = `exit ${status} ${signal ?? ''}\n${stderr}`;
    assert.equal(signal, null, described);
    assert.doesNotMatch(stderr, /^\s+at /m, `stack trace: ${described}`);
    assert.doesNotMatch(stderr, /Unhandled 'error' event/, described);
    assert.ok(status === 0 || status === 2, `exit ${status}: ${described}`);
  });
});
