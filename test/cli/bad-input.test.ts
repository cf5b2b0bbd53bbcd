import { strict as assert } from 'assert';
import { randomBytes } from 'crypto';
import { execFileSync } from 'child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, statSync, symlinkSync, writeFileSync, writeSync } from 'fs';
import * as path from 'path';
import { assertExit, assertUsageError, FIXTURES, makeTempDir, NOW, parseJson, positions, removeTempDir, runCli, type JsonReport } from './run-cli';

/** Checks files as JSON, asserting exit 1 without a hang or a stack trace. */
function checkJson(args: string[], cwd = FIXTURES, timeout = 30_000): JsonReport {
  const result = runCli(['check', ...args, '--now', NOW, '--format', 'json'], { cwd, timeout });
  assertExit(result, 1);
  assert.equal(result.stderr, '');
  return parseJson(result);
}

describe('sapready check on bad input', () => {
  describe('files that are YAML but not landscapes', () => {
    it('reports an empty .landscape.yaml as a schema finding', () => {
      const report = checkJson(['bad-input/empty.landscape.yaml']);
      assert.deepEqual(positions(report), ['bad-input/empty.landscape.yaml:1:1 schema']);
      assert.match(report.findings[0].message, /empty/);
    });

    it('reports a list at the top as not a mapping', () => {
      const report = checkJson(['bad-input/list.landscape.yaml']);
      assert.deepEqual(positions(report), ['bad-input/list.landscape.yaml:1:1 schema']);
      assert.match(report.findings[0].message, /not a mapping/);
    });

    it('reports a Kubernetes manifest with schema findings for each foreign property', () => {
      const report = checkJson(['bad-input/kubernetes.landscape.yaml']);
      assert.deepEqual(positions(report), [
        'bad-input/kubernetes.landscape.yaml:1:1 schema',
        'bad-input/kubernetes.landscape.yaml:2:1 schema',
        'bad-input/kubernetes.landscape.yaml:3:1 schema',
        'bad-input/kubernetes.landscape.yaml:5:1 schema',
      ]);
      assert.match(report.findings[0].message, /missing the required property "landscape"/);
      assert.match(report.findings[1].message, /^Unknown property "kind"/);
      assert.match(report.findings[3].message, /^Unknown property "data"/);
    });
  });

  describe('malformed YAML', () => {
    it('reports a syntax error at its position', () => {
      const result = runCli(['check', 'bad-input/syntax-error.landscape.yaml', '--now', NOW]);
      assertExit(result, 1);
      const lines = result.stdout.split('\n');
      // Line 5 is `    host: "dev.example" extra`: the stray scalar starts at column 25.
      assert.match(lines[0], /^bad-input\/syntax-error\.landscape\.yaml:5:25  error    \S.*  yaml-syntax$/);
      assert.equal(lines[1], '1 problem (1 error, 0 warnings, 0 infos) in 1 file (0 systems).');
    });

    it('reports a duplicate key at the second one, pointing at the first', () => {
      const report = checkJson(['bad-input/duplicate-keys.landscape.yaml']);
      assert.deepEqual(positions(report), ['bad-input/duplicate-keys.landscape.yaml:6:5 yaml-syntax']);
      assert.match(report.findings[0].message, /^Duplicate key "host"/);
      assert.deepEqual(
        report.findings[0].related.map((related) => `${related.path}:${related.line}:${related.column}`),
        ['bad-input/duplicate-keys.landscape.yaml:5:5'],
      );
    });

    it('reports a second YAML document', () => {
      const report = checkJson(['bad-input/two-documents.landscape.yaml']);
      assert.deepEqual(report.findings.map((finding) => finding.ruleId), ['yaml-syntax']);
      assert.match(report.findings[0].message, /one YAML document; this second document is ignored/);
    });

    it('reports a second YAML document where it starts (the --- line), not at the end of the first', () => {
      // two-documents.landscape.yaml: line 1 `landscape: First document`, line 2 `---`, line 3 the second document.
      const report = checkJson(['bad-input/two-documents.landscape.yaml']);
      const [finding] = report.findings;
      assert.ok(finding.line === 2 || finding.line === 3, `the finding is at ${finding.line}:${finding.column}, in the first document (line 1 has 25 characters)`);
    });

    it('stops an alias bomb (10 levels of 10 aliases) quickly with a yaml-syntax finding', () => {
      const started = Date.now();
      const report = checkJson(['bad-input/alias-bomb.landscape.yaml'], FIXTURES, 10_000);
      assert.ok(Date.now() - started < 5_000, 'took longer than 5 s');
      assert.deepEqual(positions(report), ['bad-input/alias-bomb.landscape.yaml:7:63 yaml-syntax']);
      assert.match(report.findings[0].message, /^Aliases expand to more than 100000 nodes \(an alias bomb\?\)\. Raise limits\.maxAliasExpansion/);
    });

    it('reports nesting deeper than the limit (200 nested flow lists)', () => {
      const report = checkJson(['bad-input/deep-nesting.landscape.yaml']);
      // Line 3 is `systems: [[[...`: the root mapping is level 1, so the 64th bracket (column 10 + 63) is level 65.
      assert.deepEqual(positions(report), ['bad-input/deep-nesting.landscape.yaml:3:73 yaml-syntax']);
      assert.match(report.findings[0].message, /deeper than 64 levels; raise limits\.maxDepth/);
    });
  });

  describe('files that are not UTF-8 text, and huge files', () => {
    let dir: string;
    beforeEach(() => {
      dir = makeTempDir();
    });
    afterEach(() => removeTempDir(dir));

    it('declines a binary file named on the command line: "not a text file"', () => {
      const bytes = randomBytes(64);
      for (let index = 0; index < bytes.length; index++) if (bytes[index] === 0) bytes[index] = 1;
      bytes[16] = 0;
      const file = path.join(dir, 'blob.bin');
      writeBytes(file, bytes);
      const report = checkJson(['blob.bin'], dir);
      assert.deepEqual(positions(report), ['blob.bin:1:1 yaml-syntax']);
      assert.equal(report.findings[0].message, 'This is not a text file (a NUL byte at byte 16); a landscape file is UTF-8 YAML.');
    });

    it('declines invalid UTF-8 (a Latin-1 file)', () => {
      writeBytes(path.join(dir, 'latin1.landscape.yaml'), Buffer.from('landscape: Caf\xe9 M\xfcller\n', 'latin1'));
      const report = checkJson(['.'], dir);
      assert.deepEqual(positions(report), ['latin1.landscape.yaml:1:1 yaml-syntax']);
      assert.equal(report.findings[0].message, 'This file is not valid UTF-8; save it as UTF-8 YAML.');
    });

    it('declines a 50 MB landscape file with a finding that names the limit', function () {
      this.timeout(20_000);
      const file = path.join(dir, 'huge.landscape.yaml');
      const size = 50 * 1024 * 1024;
      const header = 'landscape: Huge\nusers:\n';
      const line = (index: number): string => `  S${String(index).padStart(10, '0')}: { kind: technical, description: generated user }\n`;
      const chunk = Array.from({ length: 10_000 }, (_, index) => line(index)).join('');
      const fd = openSync(file, 'w');
      try {
        let written = writeSync(fd, header);
        while (written + chunk.length <= size) written += writeSync(fd, chunk);
        writeSync(fd, '#'.repeat(size - written - 1) + '\n');
      } finally {
        closeSync(fd);
      }
      assert.equal(statSync(file).size, size);
      const started = Date.now();
      const report = checkJson(['huge.landscape.yaml'], dir, 20_000);
      assert.ok(Date.now() - started < 10_000, 'took longer than 10 s');
      assert.deepEqual(positions(report), ['huge.landscape.yaml:1:1 yaml-syntax']);
      assert.match(report.findings[0].message, /^File not checked: it is 50\.0 MiB, over the limit of 32\.0 MiB\. .*limits\.maxFileBytes/);
    });
  });
});

describe('sapready check on what is not a regular file', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
    writeFileSync(path.join(dir, 'good.landscape.yaml'), 'landscape: Good\nsystems:\n  - sid: PRD\n    product: S/4HANA\n');
  });
  afterEach(() => removeTempDir(dir));

  /** The folder's findings by file, asserting the run ended by itself and still checked good.landscape.yaml. */
  function checkFolder(): Map<string, string[]> {
    const report = checkJson(['.'], dir, 15_000);
    assert.ok(report.files.includes('good.landscape.yaml'), `the good file was not checked: ${report.files.join(', ')}`);
    const byFile = new Map<string, string[]>();
    for (const finding of report.findings) byFile.set(finding.path, [...(byFile.get(finding.path) ?? []), finding.message]);
    return byFile;
  }

  it('declines a link to a FIFO without opening it (it would wait forever), and checks the other files', () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    symlinkSync(path.join(dir, 'pipe'), path.join(dir, 'fifo.landscape.yaml'));
    assert.deepEqual(checkFolder().get('fifo.landscape.yaml'), ['File not checked: it is a FIFO, not a regular file.']);
  });

  it('declines a link to /dev/zero (it never ends) with a message', () => {
    symlinkSync('/dev/zero', path.join(dir, 'zero.landscape.yaml'));
    assert.deepEqual(checkFolder().get('zero.landscape.yaml'), ['File not checked: it is a device, not a regular file.']);
  });

  it('declines a 3 GiB file by its size, without reading it, and checks the other files', () => {
    const huge = path.join(dir, 'huge.landscape.yaml');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 3 * 1024 * 1024 * 1024); // sparse: no disk space used
    closeSync(fd);
    const [message] = checkFolder().get('huge.landscape.yaml') ?? [];
    assert.match(message, /^File not checked: it is 3072\.0 MiB, over the limit of 32\.0 MiB\./);
  });

  it('reports a symbolic-link loop, a link to a folder and a file name that is not UTF-8 each as a finding, and checks the other files', () => {
    symlinkSync('loop.landscape.yaml', path.join(dir, 'loop.landscape.yaml'));
    mkdirSync(path.join(dir, 'folder.landscape.yaml'));
    symlinkSync(path.join(dir, 'folder.landscape.yaml'), path.join(dir, 'linked.landscape.yaml'));
    writeFileSync(Buffer.concat([Buffer.from(dir + '/caf'), Buffer.from([0xe9]), Buffer.from('.landscape.yaml')]), 'landscape: Latin-1 name\n');
    const byFile = checkFolder();
    assert.deepEqual(byFile.get('loop.landscape.yaml'), ['File not checked: ELOOP (a loop of symbolic links).']);
    assert.deepEqual(byFile.get('linked.landscape.yaml'), ['File not checked: it is a folder, not a regular file.']);
    assert.deepEqual(byFile.get('caf\ufffd.landscape.yaml'), ['File not checked: ENOENT (gone, a broken symbolic link, or a file name that is not UTF-8).']);
    assert.equal(byFile.has('folder.landscape.yaml'), false);
  });

  it('refuses a FIFO as the options file with exit 2 instead of waiting for a writer', () => {
    execFileSync('mkfifo', [path.join(dir, 'options.fifo')]);
    const result = runCli(['check', '.', '--now', NOW, '--config', 'options.fifo'], { cwd: dir, timeout: 15_000 });
    assertUsageError(result, /^sapready: Cannot read options file options\.fifo: it is a FIFO, not a regular file\n$/);
  });
});

function writeBytes(file: string, bytes: Uint8Array): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}
