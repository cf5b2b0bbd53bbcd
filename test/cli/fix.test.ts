import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { chmodSync, chownSync, cpSync, linkSync, lstatSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import { assertExit, assertUsageError, FIXTURES, listFiles, makeTempDir, NOW, parseJson, removeTempDir, runCli, type JsonReport } from './run-cli';

/*
 * test/fixtures/cli/fixable holds two files checked together (DEV in routes.landscape.yaml is
 * supported through SM1 in systems.landscape.yaml) with six fixable findings and comments on
 * the lines the fixes touch.
 */
const FILES = ['routes.landscape.yaml', 'systems.landscape.yaml'];

/** Each finding's first fix applied to the text, as the editor's "Fix all" does (no two overlap here). */
function applyFirstFixes(text: string, report: JsonReport, file: string): string {
  const edits = report.findings.filter((finding) => finding.path === file && finding.fixes.length > 0).flatMap((finding) => finding.fixes[0].edits);
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  sorted.forEach((edit, index) => assert.ok(index === 0 || sorted[index - 1].end <= edit.start, 'the fixture has no overlapping fixes'));
  let result = text;
  for (const edit of sorted.reverse()) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

function comments(text: string): string[] {
  return text.split('\n').flatMap((line) => (/#.*$/.exec(line) ?? []).map((comment) => comment));
}

describe('sapready check --fix', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
    cpSync(path.join(FIXTURES, 'fixable'), dir, { recursive: true });
    writeFileSync(path.join(dir, '.sapready.yaml'), '');
  });
  afterEach(() => removeTempDir(dir));

  const read = (file: string): string => readFileSync(path.join(dir, file), 'utf8');

  it("writes exactly the edits of every finding's first fix (the editor's Fix all), keeps every comment, and reports what remains", () => {
    const before = parseJson(runCli(['check', '--now', NOW, '--format', 'json'], { cwd: dir }));
    assert.equal(before.findings.filter((finding) => finding.fixes.length > 0).length, 6, JSON.stringify(before.findings, null, 2));
    const expected = Object.fromEntries(FILES.map((file) => [file, applyFirstFixes(read(file), before, file)]));
    const originalComments = FILES.flatMap((file) => comments(read(file)));

    const fixed = runCli(['check', '--now', NOW, '--fix'], { cwd: dir });
    assertExit(fixed, 0);
    assert.equal(fixed.stderr, 'sapready: Fixed 6 problems in 2 files.\n');
    for (const file of FILES) assert.equal(read(file), expected[file], file);
    assert.deepEqual(FILES.flatMap((file) => comments(read(file))), originalComments);
    // What remains: the two destinations just deactivated are to be watched (info), nothing else.
    assert.deepEqual(fixed.stdout.split('\n').slice(0, -2).map((line) => line.replace(/  .*  (\S+)  \S+$/, ' $1')), [
      'routes.landscape.yaml:13:7 legacy-rfc-removable',
      'systems.landscape.yaml:13:7 legacy-rfc-removable',
      'systems.landscape.yaml:22:7 legacy-rfc-removable',
    ]);
    const after = parseJson(runCli(['check', '--now', NOW, '--format', 'json'], { cwd: dir }));
    assert.deepEqual(after.findings.filter((finding) => finding.fixes.length > 0), []);
    assert.deepEqual(listFiles(dir), ['.sapready.yaml', ...FILES], 'no temporary file is left behind');
  });

  it('reports the remaining findings in the chosen format and exits by them', () => {
    writeFileSync(path.join(dir, 'schema.landscape.yaml'), 'landscape: Broken\nsystems:\n  BRK: { product: abap, supportConnection: none, colour: red }\n');
    const result = runCli(['check', '--now', NOW, '--fix', '--format', 'json'], { cwd: dir });
    assertExit(result, 1);
    const report = parseJson(result);
    assert.deepEqual(report.findings.map((finding) => `${finding.path} ${finding.severity} ${finding.ruleId}`), [
      'routes.landscape.yaml info legacy-rfc-removable',
      'schema.landscape.yaml error schema',
      'systems.landscape.yaml info legacy-rfc-removable',
      'systems.landscape.yaml info legacy-rfc-removable',
    ]);
  });

  it('fixes only the findings of the rules chosen with --rule', () => {
    const result = runCli(['check', '--now', NOW, '--fix', '--rule', 'unknown-connection-type'], { cwd: dir });
    assertExit(result, 0);
    assert.equal(result.stderr, 'sapready: Fixed 1 problem in 1 file.\n');
    assert.match(read('systems.landscape.yaml'), /^ {6}r3-support: \{ window/m);
    assert.match(read('systems.landscape.yaml'), /SAPOSS: \{ type: "3", target: \/H\/sapserv3\/S\/sapdp99 \}/);
  });

  it('keeps a byte-order mark and the file mode', () => {
    const file = path.join(dir, 'routes.landscape.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(file)]));
    chmodSync(file, 0o640);
    assertExit(runCli(['check', '--now', NOW, '--fix', 'routes.landscape.yaml', 'systems.landscape.yaml'], { cwd: dir }), 0);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(bytes.toString('utf8'), /SAPOSS: \{ type: "3", status: deactivated, deactivatedOn: 2026-11-23 \} {3}# keep this comment/);
    assert.equal(statSync(file).mode & 0o777, 0o640);
  });

  it('keeps the owner of the file it fixes (run as root, where it could change)', function () {
    if (process.getuid?.() !== 0) this.skip();
    const file = path.join(dir, 'routes.landscape.yaml');
    chownSync(file, 4321, 4322);
    assertExit(runCli(['check', '--now', NOW, '--fix'], { cwd: dir }), 0);
    assert.match(read('routes.landscape.yaml'), /status: deactivated/);
    assert.deepEqual([statSync(file).uid, statSync(file).gid], [4321, 4322]);
  });

  it('never replaces a symbolic link: it says so and reports the file as it is', () => {
    const target = path.join(dir, 'systems.landscape.yaml');
    const link = path.join(dir, 'linked.landscape.yaml');
    const original = read('systems.landscape.yaml');
    symlinkSync(target, link);
    const result = runCli(['check', '--now', NOW, '--fix', 'linked.landscape.yaml', 'routes.landscape.yaml'], { cwd: dir });
    assertExit(result, 1);
    assert.match(result.stderr, /^sapready: linked\.landscape\.yaml: not fixed, it is not a regular file \(a symbolic link: fix the file it points to\)\.\nsapready: Fixed 1 problem in 1 file\.\n$/);
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(readlinkSync(link), target);
    assert.equal(read('systems.landscape.yaml'), original);
    assert.match(result.stdout, /^linked\.landscape\.yaml:13:7  error +SAPOSS is routed/m);
  });

  it('leaves a read-only file alone, says so, and reports the file as it is', () => {
    const file = path.join(dir, 'systems.landscape.yaml');
    const original = read('systems.landscape.yaml');
    chmodSync(file, 0o444);
    const result = runCli(['check', '--now', NOW, '--fix'], { cwd: dir });
    assertExit(result, 1);
    assert.equal(result.stderr, 'sapready: systems.landscape.yaml: not fixed, it is read-only.\nsapready: Fixed 1 problem in 1 file.\n');
    assert.equal(read('systems.landscape.yaml'), original);
    assert.equal(statSync(file).mode & 0o777, 0o444);
    assert.match(result.stdout, /^systems\.landscape\.yaml:13:7  error +SAPOSS is routed/m);
  });

  it('leaves a file with a second hard link alone, so that both names keep one text', () => {
    const original = read('routes.landscape.yaml');
    linkSync(path.join(dir, 'routes.landscape.yaml'), path.join(dir, 'routes-copy.yaml'));
    const result = runCli(['check', '--now', NOW, '--fix'], { cwd: dir });
    assertExit(result, 1);
    assert.equal(result.stderr, 'sapready: routes.landscape.yaml: not fixed, it has 2 hard links, which a new file would part.\nsapready: Fixed 5 problems in 1 file.\n');
    assert.equal(read('routes.landscape.yaml'), original);
    assert.equal(statSync(path.join(dir, 'routes.landscape.yaml')).ino, statSync(path.join(dir, 'routes-copy.yaml')).ino);
  });

  it('--fix-dry-run leaves out what --fix would not write (a symbolic link, a read-only file), and exits as --fix would', () => {
    symlinkSync(path.join(dir, 'systems.landscape.yaml'), path.join(dir, 'linked.landscape.yaml'));
    chmodSync(path.join(dir, 'routes.landscape.yaml'), 0o444);
    const args = ['check', '--now', NOW, 'linked.landscape.yaml', 'routes.landscape.yaml'];
    const dryRun = runCli([...args, '--fix-dry-run'], { cwd: dir });
    assertExit(dryRun, 1);
    assert.equal(dryRun.stdout, '');
    const refusals = 'sapready: linked.landscape.yaml: not fixed, it is not a regular file (a symbolic link: fix the file it points to).\nsapready: routes.landscape.yaml: not fixed, it is read-only.\n';
    assert.equal(dryRun.stderr, `${refusals}sapready: Nothing fixed.\n`);
    const fixed = runCli([...args, '--fix'], { cwd: dir });
    assertExit(fixed, 1);
    assert.equal(fixed.stderr, dryRun.stderr);
  });

  it('fixes flow mappings, block scalars, quoted and escaped keys and CRLF lines in place, keeping their style', () => {
    const crlf = (lines: string[]): string => lines.map((line) => `${line}\r\n`).join('');
    const system = ['landscape: Odd shapes', 'systems:', '  "ODD":', '    product: abap', '    supportConnection: none', '    rfcDestinations:'];
    const blockScalar = ["      'SAPNET_RFC':", "        type: '3'", '        target: >-', '          /H/sapserv3/S/sapdp99'];
    const deactivated = `status: deactivated, deactivatedOn: ${NOW}`;
    writeFileSync(
      path.join(dir, 'odd.landscape.yaml'),
      crlf([
        ...system,
        '      "SAP\\u004FSS": {type: "3"}     # escaped key',
        ...blockScalar,
        '  QA2: {product: abap, supportConnection: none, rfcDestinations: {SDCC_OSS: {type: "3"}}}',
      ]),
    );
    const result = runCli(['check', '--now', NOW, '--fix', '--rule', 'legacy-rfc-destination', 'odd.landscape.yaml'], { cwd: dir });
    assertExit(result, 0);
    assert.equal(result.stderr, 'sapready: Fixed 3 problems in 1 file.\n');
    assert.equal(
      read('odd.landscape.yaml'),
      crlf([
        ...system,
        `      "SAP\\u004FSS": {type: "3", ${deactivated}}     # escaped key`,
        ...blockScalar,
        '        status: deactivated',
        `        deactivatedOn: ${NOW}`,
        `  QA2: {product: abap, supportConnection: none, rfcDestinations: {SDCC_OSS: {type: "3", ${deactivated}}}}`,
      ]),
    );
  });

  it('--fix-dry-run writes nothing and prints a diff that git apply turns into what --fix writes', () => {
    const originals = FILES.map(read);
    const dryRun = runCli(['check', '--now', NOW, '--fix-dry-run'], { cwd: dir });
    assertExit(dryRun, 0);
    assert.equal(dryRun.stderr, 'sapready: Would fix 6 problems in 2 files.\n');
    assert.deepEqual(FILES.map(read), originals, 'nothing was written');
    assert.match(dryRun.stdout, /^--- a\/routes\.landscape\.yaml\n\+\+\+ b\/routes\.landscape\.yaml\n@@ /);

    const applied = makeTempDir();
    try {
      cpSync(dir, applied, { recursive: true });
      writeFileSync(path.join(applied, 'fix.diff'), dryRun.stdout);
      const git = spawnSync('git', ['apply', '--whitespace=nowarn', 'fix.diff'], { cwd: applied, encoding: 'utf8' });
      assert.equal(git.status, 0, git.stderr);
      assertExit(runCli(['check', '--now', NOW, '--fix'], { cwd: dir }), 0);
      for (const file of FILES) assert.equal(readFileSync(path.join(applied, file), 'utf8'), read(file), file);
    } finally {
      removeTempDir(applied);
    }
  });

  it('says when there is nothing to fix, and prints no diff', () => {
    const result = runCli(['check', '--now', NOW, '--fix-dry-run', 'clean'], { cwd: FIXTURES });
    assertExit(result, 0);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, 'sapready: Nothing fixed.\n');
  });

  it('refuses --fix together with --fix-dry-run', () => {
    assertUsageError(runCli(['check', '--fix', '--fix-dry-run'], { cwd: dir }), /--fix and --fix-dry-run exclude each other/);
  });
});
