// @vscode/test-cli config (`npx vscode-test`) for desktop VS Code: runs the extension-host tests
// (test/host, compiled to out/test/host) like `npm run test:host` does with
// VSCODE_EXECUTABLE_PATH set. Without that variable test-cli downloads VS Code, which needs
// internet; offline machines use `npm run test:host` (code-server) instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@vscode/test-cli';

// The tests create and delete files in their workspace: give them a copy, and keep the profile
// folders out of the repository (test-electron's default is ./.vscode-test).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sapready-vscode-test-'));
const workspaceFolder = path.join(tmp, 'workspace');
fs.cpSync(path.join(import.meta.dirname, 'test', 'fixtures', 'host-workspace'), workspaceFolder, { recursive: true });
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

export default defineConfig({
  files: 'out/test/host/**/*.test.js',
  workspaceFolder,
  launchArgs: ['--disable-extensions', `--user-data-dir=${path.join(tmp, 'user-data')}`, `--extensions-dir=${path.join(tmp, 'extensions')}`],
  mocha: { ui: 'bdd', timeout: 30_000, color: false },
  ...(process.env.VSCODE_EXECUTABLE_PATH ? { useInstallation: { fromPath: process.env.VSCODE_EXECUTABLE_PATH } } : {}),
});
