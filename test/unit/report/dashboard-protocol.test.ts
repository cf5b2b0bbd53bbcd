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

  it('refuses a model with any malformed part the page renders from: cells, checks, summary, severities, notes, stages, expiries', () => {
    const { model } = build({ 't.landscape.yaml': LANDSCAPE });
    const plain = JSON.parse(JSON.stringify(model)) as Record<string, any>;
    assert.ok(parseHostMessage({ type: 'model', revision: 1, model: plain }), 'the real model passes');
    const broken: Array<[string, (copy: Record<string, any>) => void]> = [
      ['a cell without findings', (copy) => delete copy.systems[0].cells[0].findings],
      ['a cell state the page has no label for', (copy) => (copy.systems[0].cells[0].state = 'bogus')],
      ['cells that are not a list', (copy) => (copy.systems[0].cells = {})],
      ['a readiness the page has no label for', (copy) => (copy.systems[0].readiness = 'maybe')],
      ['a check without rules', (copy) => delete copy.checks[0].rules],
      ['a summary without counts', (copy) => (copy.summary = {})],
      ['a negative summary count', (copy) => (copy.summary.findings.error = -1)],
      ['an unknown severity', (copy) => (copy.findings[0].severity = 'fatal')],
      ['notes that are not a list', (copy) => (copy.findings[0].notes = 'x')],
      ['a note without a url', (copy) => (copy.findings.find((finding: any) => finding.notes.length > 0).notes[0] = { number: '1' })],
      ['an unknown RFC stage', (copy) => (copy.rfcTimeline[0].stage = 'gone')],
      ['an expiry of an unknown kind', (copy) => (copy.expiries[0].kind = 'certificate')],
      ['days left that are not a number', (copy) => (copy.expiries[0].daysLeft = '3')],
      ['a file without its display name', (copy) => delete copy.files[0].file],
    ];
    for (const [what, breakIt] of broken) {
      const copy = JSON.parse(JSON.stringify(model)) as Record<string, any>;
      breakIt(copy);
      assert.equal(parseHostMessage({ type: 'model', revision: 1, model: copy }), undefined, what);
    }
  });

  it('type-checks the dashboard page (webview-ui) with DOM types', function () {
    this.timeout(60_000);
    const root = path.resolve(__dirname, '../../../..');
    const run = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'webview-ui'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });
});
