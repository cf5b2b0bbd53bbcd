import { strict as assert } from 'assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { parseHostMessage, parsePageMessage } from '../../../src/extension/dashboard/protocol';
import { build, LANDSCAPE } from './fixtures';

const range = { start: { line: 3, character: 2 }, end: { line: 3, character: 5 } };

describe('dashboard messages', () => {
  it('accepts exactly the messages the page sends', () => {
    assert.deepEqual(parsePageMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parsePageMessage({ type: 'reveal', path: 'file:///w/a.landscape.yaml', range }), { type: 'reveal', path: 'file:///w/a.landscape.yaml', range });
    assert.deepEqual(parsePageMessage({ type: 'export' }), { type: 'export' });
    assert.deepEqual(parsePageMessage({ type: 'export', format: 'markdown' }), { type: 'export', format: 'markdown' });
  });

  it('drops anything else: unknown types, extra keys, wrong shapes, hostile values', () => {
    for (const message of [
      null,
      'reveal',
      [],
      { type: 'run', command: 'rm -rf /' },
      { type: 'ready', extra: 1 },
      { type: 'reveal', path: 'a', range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } },
      { type: 'reveal', path: 'a', range: { start: { line: 0, character: 0 } } },
      { type: 'reveal', path: 42, range },
      { type: 'reveal', path: '', range },
      { type: 'reveal', path: 'a', range, command: 'x' },
      { type: 'reveal', path: 'a', range: { ...range, start: { line: 1.5, character: 0 } } },
      { type: 'export', format: 'pdf' },
      { type: 'export', format: 'html', target: '/etc/passwd' },
    ]) {
      assert.equal(parsePageMessage(message), undefined, JSON.stringify(message));
    }
  });

  it('lets the page accept a model from the host and refuse anything else', () => {
    const { model } = build({ 't.landscape.yaml': LANDSCAPE });
    const message = JSON.parse(JSON.stringify({ type: 'model', revision: 3, model }));
    assert.equal(parseHostMessage(message)?.model.systems.length, 3);
    assert.equal(parseHostMessage({ type: 'model', revision: -1, model }), undefined);
    assert.equal(parseHostMessage({ type: 'model', revision: 1, model: { ...model, systems: 'PRD' } }), undefined);
    assert.equal(parseHostMessage({ type: 'model', revision: 1, model: { ...model, findings: [{ message: 1 }] } }), undefined);
    assert.equal(parseHostMessage({ type: 'html', html: '<img src=x onerror=alert(1)>' }), undefined);
  });

  it('type-checks the dashboard page (webview-ui) with DOM types', function () {
    this.timeout(60_000);
    const root = path.resolve(__dirname, '../../../..');
    const run = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'webview-ui'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });
});
