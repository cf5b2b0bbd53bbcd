#!/usr/bin/env node
// Screenshots of the readiness dashboard in a real VS Code (code-server + headless Chromium from
// .tools/host, see scripts/host/install-tools.sh), once per theme: opens the fixture workspace with
// the extension installed from a freshly packaged VSIX, runs "SAP Readiness: Open Dashboard" from the command palette,
// waits until the webview has rendered the matrix, and saves
// test-results/screenshots/dashboard-{light,dark,high-contrast}.png. Needs `npm run build` first.
// Also checks, inside the webview, that the page shows the fixture's systems and that no element
// came from landscape text, and that it says how many findings a sapready-suppressions.json
// written afterwards suppresses in bulk. Options: --timeout <sec> (default 240).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, INSTALL_HINT, missingTools, checkBuilt, copyWorkspace, startCodeServer, launchBrowser,
  workbenchUrl, installSignalHandlers, info, runFromPalette, finishUiScript, WORKBENCH_LOAD_TIMEOUT } from './hostlib.mjs';

const args = process.argv.slice(2);
const timeoutArg = args.indexOf('--timeout');
const timeoutSec = timeoutArg >= 0 ? Number(args[timeoutArg + 1]) : 240;
const SHOTS = path.join(REPO, 'test-results', 'screenshots');
const THEMES = [['light', 'Default Light Modern'], ['dark', 'Default Dark Modern'], ['high-contrast', 'Default High Contrast']];

installSignalHandlers();
let browser;
const finish = (code, why) => finishUiScript('dashboard screenshots', browser, code, why);
setTimeout(() => finish(124, `TIMEOUT after ${timeoutSec}s`), timeoutSec * 1000).unref();

/** The frame of the dashboard page (webviews are nested iframes), once it has rendered the matrix. */
async function dashboardFrame(page, timeout = 30000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await frame.evaluate(() => !!document.querySelector('#app table.matrix'))) return frame;
      } catch {}
    }
    await page.waitForTimeout(250);
  }
  throw new Error('the dashboard did not render its matrix within 30 s');
}

try {
  const missing = missingTools();
  if (missing.length) throw new Error(`dashboard screenshots need code-server and chromium: ${INSTALL_HINT}; missing now: ${missing.join(', ')}`);
  checkBuilt([path.join(REPO, 'dist', 'extension.js'), path.join(REPO, 'dist', 'webview', 'dashboard.js')]);
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const f of fs.readdirSync(SHOTS)) if (/^dashboard-.*\.png$/.test(f)) fs.rmSync(path.join(SHOTS, f));
  // Installed from a VSIX, as users get it (code-server's workbench URL loads no development extension without tests).
  const vsixDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapready-vsix-'));
  const vsix = path.join(vsixDir, 'sap-landscape-readiness.vsix');
  const pack = spawnSync(process.execPath, [path.join(REPO, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], { cwd: REPO, encoding: 'utf8' });
  if (pack.status !== 0 || !fs.existsSync(vsix)) throw new Error(`vsce package failed:\n${pack.stdout}${pack.stderr}`);
  browser = await launchBrowser();
  for (const [name, theme] of THEMES) {
    const workspace = copyWorkspace();
    fs.mkdirSync(path.join(workspace.dir, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(workspace.dir, '.vscode', 'settings.json'), JSON.stringify({ 'sapReadiness.now': '2026-11-23' }, null, 2));
    const server = await startCodeServer({ install: [vsix], settings: { 'workbench.colorTheme': theme, 'workbench.activityBar.location': 'hidden' } });
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    await page.goto(workbenchUrl(server.url, server.port, { folder: workspace.dir }), { timeout: WORKBENCH_LOAD_TIMEOUT });
    await page.locator('.monaco-workbench').waitFor();
    // The extension's status bar item appears once it has checked the workspace.
    await page.locator('.statusbar-item', { hasText: /SAP \d+\/\d+ ready/ }).first().waitFor();
    try {
      await runFromPalette(page, 'SAP Readiness: Open Dashboard');
    } catch (error) {
      await page.screenshot({ path: path.join(SHOTS, `dashboard-${name}-FAILED.png`) });
      throw error;
    }
    const frame = await dashboardFrame(page);
    const seen = await frame.evaluate(() => ({
      systems: [...document.querySelectorAll('table.matrix tbody tr')].map((row) => row.dataset.sid),
      computed: document.getElementById('computed')?.textContent,
      images: document.querySelectorAll('#app img, #app script').length,
    }));
    info(`${name}: ${JSON.stringify(seen)}`);
    if (!seen.systems.includes('PRD')) throw new Error(`the dashboard does not list PRD: ${JSON.stringify(seen)}`);
    if (seen.images !== 0) throw new Error('the dashboard page holds img or script elements');
    await page.keyboard.press('Control+B'); // hide the side bar: more room for the dashboard
    await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    const file = path.join(SHOTS, `dashboard-${name}.png`);
    await page.screenshot({ path: file });
    info(`screenshot ${path.relative(REPO, file)}`);
    // What `sapready check --suppress-rule legacy-rfc-destination` records for core.landscape.yaml:
    // the page follows the check and says how many findings are suppressed in bulk.
    fs.writeFileSync(path.join(workspace.dir, 'sapready-suppressions.json'), JSON.stringify({ 'landscapes/core.landscape.yaml': { 'legacy-rfc-destination': { count: 2 } } }, null, 2) + '\n');
    const bulk = await frame.waitForFunction(() => document.querySelector('#app .bulk-suppressed')?.textContent, undefined, { timeout: 20000 })
      .then((handle) => handle.jsonValue(), () => undefined);
    if (bulk !== '2 more findings suppressed in bulk (sapready-suppressions.json)') throw new Error(`the dashboard does not say that 2 findings are suppressed in bulk: ${JSON.stringify(bulk)}`);
    info(`${name}: ${bulk}`);
    await context.close();
    server.stop();
    workspace.remove();
  }
  fs.rmSync(vsixDir, { recursive: true, force: true });
  await finish(0);
} catch (error) {
  console.error(error);
  await finish(1, error.message);
}
