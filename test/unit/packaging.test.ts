import { strict as assert } from 'assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CATEGORY, COMMANDS } from '../../src/extension/commands';
import { RULES } from '../../src/core/rules/registry';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('packaging', () => {
  it('puts only the bundles (with the dashboard page), schemas, manifest, readme and licence into the VSIX', () => {
    const listed = spawnSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    assert.equal(listed.status, 0, listed.stderr);
    assert.deepEqual(listed.stdout.trim().split('\n').sort(), [
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/extension.js',
      'dist/webview/codicon.css',
      'dist/webview/codicon.ttf',
      'dist/webview/dashboard.css',
      'dist/webview/dashboard.js',
      'package.json',
      'schemas/landscape.schema.json',
      'schemas/sapready-config.schema.json',
    ]);
  });

  it('contributes exactly the commands of the command registry, in its category', () => {
    assert.deepEqual(
      manifest.contributes.commands,
      Object.values(COMMANDS).map((command) => ({ command: command.id, title: command.title, category: CATEGORY, ...('icon' in command ? { icon: command.icon } : {}) })),
    );
  });

  it('validates landscape and options files through the YAML extension with our schemas', () => {
    assert.deepEqual(manifest.contributes.yamlValidation.map((entry: { url: string }) => entry.url), ['./schemas/landscape.schema.json', './schemas/sapready-config.schema.json']);
  });

  it('lists every rule in docs/rules.md with its SAP Notes', () => {
    const rulesPage = readFileSync(path.join(root, 'docs', 'rules.md'), 'utf8');
    for (const rule of RULES) {
      const row = rulesPage.split('\n').find((line) => line.startsWith(`| \`${rule.id}\``));
      assert.ok(row, `docs/rules.md has no row for ${rule.id}`);
      for (const note of rule.notes) assert.ok(row.includes(note), `docs/rules.md row of ${rule.id} lacks SAP Note ${note}`);
    }
  });
});
