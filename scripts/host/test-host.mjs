#!/usr/bin/env node
// `npm run test:host`: runs the extension-host tests (out/test/host/index.js, mocha inside the
// host) in whichever real VS Code is available:
//   1. desktop VS Code when VSCODE_EXECUTABLE_PATH names its executable (@vscode/test-electron);
//   2. else code-server + headless Chromium from ~/.cache/sap-landscape-readiness/host-tools (scripts/host/install-tools.sh);
//   3. else it fails and says how to get either: a test command that skips looks like a pass.
// Each run gets a fresh copy of test/fixtures/host-workspace (the tests create and delete files
// there), removed afterwards. Exit code = the tests' result.
// Options: --verbose (workbench log too), --timeout <sec> (default 420: a guard against a hung
// host, not a speed limit; the suite takes about 70 s on a quiet machine and over 180 s with both
// cores busy), --grep <text> (only the tests whose full title contains it, as mocha's --grep).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { REPO, INSTALL_HINT, missingTools, checkBuilt, copyWorkspace, installSignalHandlers, runCleanups,
  info, elapsed } from './hostlib.mjs';
import { runHostTests } from './run-host-tests.mjs';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || process.env.HOST_TEST_VERBOSE === '1';
const timeoutArg = args.indexOf('--timeout');
const timeoutSec = timeoutArg >= 0 ? Number(args[timeoutArg + 1]) : 420;
const grepArg = args.indexOf('--grep');
// test/host/index.ts reads it inside the extension host.
const testEnv = grepArg >= 0 ? { HOST_TEST_GREP: args[grepArg + 1] ?? '' } : {};

const tests = path.join(REPO, 'out', 'test', 'host', 'index.js');
const desktop = process.env.VSCODE_EXECUTABLE_PATH;

async function runDesktop(workspace) {
  if (!fs.existsSync(desktop)) throw new Error(`VSCODE_EXECUTABLE_PATH=${desktop} does not exist`);
  const { runTests } = createRequire(import.meta.url)('@vscode/test-electron');
  // Profile folders in the temp dir too: by default test-electron puts them in ./.vscode-test.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sapready-vscode-profile-'));
  try {
    return await runTests({
      vscodeExecutablePath: desktop,
      extensionDevelopmentPath: REPO,
      extensionTestsPath: tests,
      extensionTestsEnv: testEnv,
      launchArgs: [workspace, '--disable-extensions',
        `--user-data-dir=${path.join(profile, 'user-data')}`, `--extensions-dir=${path.join(profile, 'extensions')}`],
    });
  } catch (e) {
    // runTests rejects with TestRunFailedError (code / signal) when the tests fail.
    info(e.message);
    return typeof e.code === 'number' && e.code !== 0 ? e.code : 1;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

installSignalHandlers();
let code;
try {
  checkBuilt([tests, path.join(REPO, 'dist', 'extension.js')]);
  const missing = missingTools();
  if (!desktop && missing.length) {
    throw new Error('no VS Code to run the extension-host tests in. Either\n' +
      `  - ${INSTALL_HINT}; missing now: ${missing.join(', ')}\n` +
      '  - or set VSCODE_EXECUTABLE_PATH to a desktop VS Code executable (e.g. /usr/share/code/code).');
  }
  const workspace = copyWorkspace();
  if (desktop) {
    info(`host: desktop VS Code ${desktop} (@vscode/test-electron), workspace ${workspace.dir}`);
    code = await runDesktop(workspace.dir);
  } else {
    info(`host: code-server + headless Chromium from ~/.cache/sap-landscape-readiness/host-tools, workspace ${workspace.dir}`);
    code = await runHostTests({ extension: REPO, tests, workspace: workspace.dir, env: testEnv, timeoutSec, verbose });
  }
  workspace.remove();
} catch (e) {
  console.error(`test:host: ${e.message}`);
  code = 1;
}
runCleanups();
info(`extension-host tests: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} after ${elapsed()}`);
process.exit(code);
