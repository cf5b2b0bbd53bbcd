#!/usr/bin/env node
// Runs an extension's mocha tests inside a real VS Code extension host: code-server (VS Code with
// a Node extension host) opened by headless Chromium. scripts/host/test-host.mjs calls
// runHostTests(); run directly it takes explicit paths:
//   node scripts/host/run-host-tests.mjs --extension <dir> --tests <abs .../index.js> --workspace <dir>
//        [--screenshot-dir <dir>] [--timeout <sec>] [--env KEY=VALUE ...] [--verbose 1]
// The workspace is used as it is (not copied): give it a throwaway copy.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseArgs, startCodeServer, launchBrowser, enableSmokeDriverScript, workbenchUrl,
  installSignalHandlers, runCleanups, closeBrowser, info, elapsed } from './hostlib.mjs';

// Workbench and extension-host console output arrive through the same channel
// (codeAutomationLog). Known workbench chatter is kept out of the test output.
const NOISE = [/^Resolving connection token/, /^Resolved connection token/, /^Creating a socket/,
  /^\[reconnection-grace-time\]/, /^Updating additional builtin extensions cache/, /^\[Service Worker\]/,
  /^\[AgentHost/, /^\[AccountPolicyGate\]/, /^Extension host .* started/, /^Started local extension host/,
  /^Ignoring fetching additional builtin extensions/, /^No search provider registered for scheme/];
const WORKBENCH_STACK = /\/static\/out\/vs\/code\/browser\/workbench\//;

/**
 * Resolves to the tests' exit code (0 = all passed); 124 on timeout, 1-4 when the host failed.
 * Workbench chatter goes to stderr with `verbose`, and its last lines are printed on failure.
 */
export async function runHostTests({ extension, tests, workspace, env = {}, screenshotDir, timeoutSec = 180, verbose = false }) {
  installSignalHandlers();
  let server, browser, page, exitCode = null;
  let settle;
  const done = new Promise(r => { settle = r; });
  const timer = setTimeout(() => settle({ code: 124,
    why: `TIMEOUT: no exit code from the tests after ${timeoutSec}s (tests hung, extension host did not start, or the workbench failed to load)` }),
  timeoutSec * 1000);
  const workbenchLines = [];
  try {
    for (const [k, p] of [['extension', extension], ['tests', tests], ['workspace', workspace]]) {
      if (!p || !fs.existsSync(p)) throw new Error(`${k} ${p} does not exist`);
    }
    server = await startCodeServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.addInitScript(enableSmokeDriverScript);
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const text = Array.isArray(args) ? util.format(...args) : String(args);
      const line = text.endsWith('\n') ? text : text + '\n';
      // Browser-side errors carry workbench stack frames; after the exit code only teardown
      // chatter ("Canceled") follows.
      const workbench = exitCode !== null || WORKBENCH_STACK.test(text) || (level !== 'error' && NOISE.some(re => re.test(text)));
      if (!workbench) { process.stdout.write(line); return; }
      workbenchLines.push(line);
      if (workbenchLines.length > 60) workbenchLines.shift();
      if (verbose) process.stderr.write('[workbench] ' + line);
    });
    // The test runner in the extension host reports its result here (smoke-test driver protocol).
    await page.exposeFunction('codeAutomationExit', (code) => {
      if (exitCode === null) exitCode = code;
      settle({ code, why: `tests finished with code ${code}` });
    });
    page.on('pageerror', e => info(`page error: ${e.message}`));
    page.on('crash', () => settle({ code: 3, why: 'the workbench page crashed' }));
    server.proc.on('exit', (c, s) => settle({ code: 4, why: `code-server exited unexpectedly (${c ?? s})` }));
    await page.goto(workbenchUrl(server.url, server.port, {
      folder: workspace, extensionDevelopmentPath: extension, extensionTestsPath: tests, extensionEnvironment: env,
    }), { waitUntil: 'domcontentloaded' });
    info('workbench loading; tests run in its extension host');
  } catch (e) {
    settle({ code: 1, why: `ERROR: ${e.stack || e}` });
  }
  const { code, why } = await done;
  clearTimeout(timer);
  info(why);
  if (code !== 0 && !verbose && workbenchLines.length) {
    process.stderr.write(`last workbench log lines:\n${workbenchLines.map(l => '  ' + l).join('')}`);
  }
  if (code !== 0 && server) {
    try { process.stderr.write(`code-server log (tail):\n${fs.readFileSync(server.logFile, 'utf8').split('\n').slice(-20).join('\n')}\n`); } catch {}
  }
  if (page && screenshotDir) {
    try {
      fs.mkdirSync(screenshotDir, { recursive: true });
      const f = path.join(screenshotDir, `host-tests-${code === 0 ? 'pass' : 'fail'}.png`);
      await page.screenshot({ path: f, timeout: 5000 });
      info(`screenshot ${f}`);
    } catch (e) { info(`screenshot failed: ${e.message}`); }
  }
  await closeBrowser(browser);
  server?.stop();
  return code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2), { extension: true, tests: true, workspace: true, 'screenshot-dir': false, timeout: false, env: false, verbose: false });
  } catch (e) { console.error(e.message); process.exit(2); }
  const code = await runHostTests({
    extension: path.resolve(opts.extension), tests: path.resolve(opts.tests), workspace: path.resolve(opts.workspace),
    env: opts._env, screenshotDir: opts['screenshot-dir'], timeoutSec: Number(opts.timeout || 180),
    verbose: opts.verbose !== undefined && opts.verbose !== '0',
  });
  runCleanups();
  info(`exit ${code} after ${elapsed()}`);
  process.exit(code);
}
