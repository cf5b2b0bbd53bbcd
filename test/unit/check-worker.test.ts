import { strict as assert } from 'assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateLandscape } from '../../bench/generate';
import { resolveOptions } from '../../src/core/config/options';
import { checkLandscapes } from '../../src/core/engine';
import type { Finding } from '../../src/core/findings';
import { systemReadiness } from '../../src/core/readiness';
import { RULES } from '../../src/core/rules/registry';
import { CheckClient, type WorkerCheck } from '../../src/extension/worker/checkClient';

const WORKER = path.join(__dirname, '../../src/extension/worker/checkWorker.js');
const options = resolveOptions(RULES, { now: '2026-11-23' });

/** The worker's answer as the engine's: all findings in the engine's order, and readiness. */
function asEngine(check: WorkerCheck): { findings: Finding[]; readiness: unknown } {
  const keys = [...check.findingsByKey.keys()].sort();
  return { findings: keys.flatMap((key) => [...check.findingsByKey.get(key)!]), readiness: check.readiness };
}

function engine(texts: Record<string, string>): { findings: Finding[]; readiness: unknown } {
  const result = checkLandscapes(Object.entries(texts).map(([key, text]) => ({ path: key, text })), options);
  return { findings: result.findings, readiness: systemReadiness(result.files, result.findings) };
}

describe('the check worker', function () {
  this.timeout(60_000);
  let client: CheckClient;
  const errors: Error[] = [];
  beforeEach(() => {
    client = new CheckClient(WORKER, (error) => errors.push(error));
    client.setOptions(options);
  });
  afterEach(async () => {
    await client.dispose();
    assert.deepEqual(errors, []);
  });

  it('finds what the engine finds, across files, after edits and when a file goes', async () => {
    const texts: Record<string, string> = {
      'a.landscape.yaml': generateLandscape(40, 1, { everySystemHasFindings: true }),
      'b.landscape.yaml': generateLandscape(5, 2).replace(/ {2}SM0:.*\n/, '').replace(/solman: SM0/g, 'solman: SMX'),
    };
    for (const [key, text] of Object.entries(texts)) client.setText(key, text);
    assert.deepEqual(asEngine(await client.check()), engine(texts));
    // Edits inside one system (parsed again alone), a new line above others, and one across systems.
    const edits: Array<(text: string) => string> = [
      (text) => text.replace('role: quality', 'role: qualityX'),
      (text) => text.replace('    client: "100"\n', '    client: "100"\n\n'),
      (text) => text.replace('SAP-SUPPORT_PORTAL: { type: H', 'SAP-SUPPORT_PORTAL: { type: G'),
      (text) => text.replace(/ {2}# AAC:[^]*? {2}# AAD/, '  # AAD'),
    ];
    for (const edit of edits) {
      texts['a.landscape.yaml'] = edit(texts['a.landscape.yaml']);
      client.setText('a.landscape.yaml', texts['a.landscape.yaml']);
      assert.deepEqual(asEngine(await client.check()), engine(texts));
    }
    client.forget('b.landscape.yaml');
    delete texts['b.landscape.yaml'];
    assert.deepEqual(asEngine(await client.check()), engine(texts));
  });

  it('sends a file\'s findings only when they change, in parts', async () => {
    const big = generateLandscape(1_500, 1, { everySystemHasFindings: true });
    client.setText('big.landscape.yaml', big);
    client.setText('small.landscape.yaml', 'landscape: x\nsystems:\n  QAS: { product: abap, instance: 1 }\n');
    const first = await client.check();
    assert.deepEqual([...first.diagnosticsChanged].sort(), ['big.landscape.yaml', 'small.landscape.yaml']);
    assert.ok(first.findingsByKey.get('big.landscape.yaml')!.length > 1_500, 'more findings than one part holds');
    client.setText('small.landscape.yaml', 'landscape: x\nsystems:\n  QAS: { product: abap, instance: 2 }\n');
    const second = await client.check();
    assert.equal(second.findingsByKey.get('big.landscape.yaml'), first.findingsByKey.get('big.landscape.yaml'), 'the unchanged file kept its findings');
    assert.notEqual(second.findingsByKey.get('small.landscape.yaml'), first.findingsByKey.get('small.landscape.yaml'));
    assert.deepEqual([...second.diagnosticsChanged], ['small.landscape.yaml']);
    assert.deepEqual(asEngine(second), engine({ 'big.landscape.yaml': big, 'small.landscape.yaml': 'landscape: x\nsystems:\n  QAS: { product: abap, instance: 2 }\n' }));
    // Typing within a line moves the offsets of the findings after it, but no diagnostic.
    const typed = big.replace('role: quality', 'role: qualityX');
    client.setText('big.landscape.yaml', typed);
    const third = await client.check();
    assert.notEqual(third.findingsByKey.get('big.landscape.yaml'), second.findingsByKey.get('big.landscape.yaml'), 'moved findings are sent again');
    assert.deepEqual([...third.diagnosticsChanged], []);
    assert.deepEqual(asEngine(third), engine({ 'big.landscape.yaml': typed, 'small.landscape.yaml': 'landscape: x\nsystems:\n  QAS: { product: abap, instance: 2 }\n' }));
  });

  it('declines an unreadable file with one finding, as the engine does', async () => {
    client.setText('bad.landscape.yaml', '', 'File not checked: it is not UTF-8.');
    const check = await client.check();
    const expected = checkLandscapes([{ path: 'bad.landscape.yaml', text: '', unreadable: 'File not checked: it is not UTF-8.' }], options).findings;
    assert.deepEqual(check.findingsByKey.get('bad.landscape.yaml'), expected);
    assert.equal(expected.length, 1);
  });

  it('reads the saprouttab a landscape file on disk names, as the CLI does, says which file it read, and declines a FIFO', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sapready-worker-'));
    try {
      mkdirSync(path.join(dir, 'saprouter'));
      const routtab = path.join(dir, 'saprouter', 'saprouttab');
      writeFileSync(routtab, 'P * * *\n');
      const key = pathToFileURL(path.join(dir, 'acme.landscape.yaml')).href;
      client.setText(key, 'landscape: ACME\nsaprouttab: saprouter/saprouttab\nsystems: {}\n');
      client.setText('untitled:Untitled-1', 'landscape: Draft\nsaprouttab: saprouter/saprouttab\nsystems: {}\n');
      const wideOpen = await client.check();
      assert.deepEqual(wideOpen.findingsByKey.get(key)!.map((finding) => `${finding.ruleId} ${finding.severity}: ${finding.message}`), [
        `saprouttab-permission warning: ${path.join('saprouter', 'saprouttab')}:1: "P * * *" permits connections to every host and every port from anywhere; name the hosts and ports SAP Support needs.`,
      ]);
      assert.deepEqual(wideOpen.findingsByKey.get('untitled:Untitled-1'), [], 'a file that is not on disk names nothing readable');
      assert.deepEqual(wideOpen.companions, [routtab]);

      // The host's file watcher reports a changed table; the worker reads it in the next check.
      writeFileSync(routtab, '# nothing permitted\n');
      client.companionChanged(routtab);
      assert.deepEqual((await client.check()).findingsByKey.get(key), []);

      if (process.platform === 'win32') return;
      rmSync(routtab);
      execFileSync('mkfifo', [routtab]);
      client.companionChanged(routtab);
      const fifo = await client.check(); // a read of the FIFO would never end
      assert.deepEqual(fifo.findingsByKey.get(key)!.map((finding) => finding.message), [`The saprouttab ${path.join('saprouter', 'saprouttab')} cannot be read: it is a FIFO, not a regular file.`]);
      assert.deepEqual(fifo.companions, [routtab]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a saprouttab once, not on every keystroke, and again when its stat changes, the host says it changed or a landscape names it anew', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sapready-worker-'));
    try {
      const routtab = path.join(dir, 'saprouttab');
      const other = path.join(dir, 'other-saprouttab');
      writeFileSync(routtab, 'P * * *\n');
      // A whole second, so that the test can give the file this exact time again.
      const modified = new Date('2026-11-20T10:00:00Z');
      utimesSync(routtab, modified, modified);
      writeFileSync(other, '# nothing permitted\n');
      const key = pathToFileURL(path.join(dir, 'acme.landscape.yaml')).href;
      const landscape = 'landscape: ACME\nsaprouttab: saprouttab\nsystems:\n  AAA: { product: abap, role: quality }\n';
      const routtabMessages = (check: WorkerCheck): string[] => check.findingsByKey.get(key)!.filter((finding) => finding.ruleId === 'saprouttab-permission').map((finding) => finding.message);
      const wideOpen = ['saprouttab:1: "P * * *" permits connections to every host and every port from anywhere; name the hosts and ports SAP Support needs.'];
      client.setText(key, landscape);
      assert.deepEqual(routtabMessages(await client.check()), wideOpen);

      // Rewritten in place with the same size and time, unannounced: its stat is the same, so a
      // keystroke's check keeps what the first read gave; it read no file.
      writeFileSync(routtab, 'P x y z\n');
      utimesSync(routtab, modified, modified);
      client.setText(key, landscape.replace('role: quality', 'role: qualityX'));
      const typed = await client.check();
      assert.deepEqual(routtabMessages(typed), wideOpen);
      assert.deepEqual(typed.companions, [routtab], 'the table is still reported, so the host keeps watching it');
      // Announced by the host's watcher: read again.
      client.companionChanged(routtab);
      assert.notDeepEqual(routtabMessages(await client.check()), wideOpen);

      // Changed on disk without any word from the host (a watcher that missed it): the stat differs, so the next check reads it.
      writeFileSync(routtab, '# nothing permitted\n');
      client.setText(key, landscape);
      assert.deepEqual(routtabMessages(await client.check()), []);
      rmSync(routtab);
      client.companionChanged(routtab);
      assert.match(routtabMessages(await client.check())[0], /^The saprouttab saprouttab cannot be read: ENOENT/);

      // A table no check reads any more is no longer watched: naming it again reads it again.
      client.setText(key, landscape.replace('saprouttab: saprouttab', 'saprouttab: other-saprouttab'));
      assert.deepEqual((await client.check()).companions, [other]);
      writeFileSync(routtab, 'P * * *\n');
      client.setText(key, landscape);
      assert.deepEqual(routtabMessages(await client.check()), wideOpen);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
