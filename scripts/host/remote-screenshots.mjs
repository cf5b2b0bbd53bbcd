#!/usr/bin/env node
// Screenshots of the remote-support views (Connection Types, Landscape) in a real VS Code
// (code-server + headless Chromium from ~/.cache/sap-landscape-readiness/host-tools), saved to test-results/screenshots/remote-*.png.
// Installs the extension from a freshly packaged VSIX, as users get it (code-server does not load
// a development extension from the URL payload without the test driver), so run `npm run build` first.
// Every step waits for what it expects in the DOM and fails with a message (and a -FAILED shot).
// Option: --timeout <sec> (default 180).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, INSTALL_HINT, missingTools, checkBuilt, copyWorkspace, startCodeServer, launchBrowser,
  workbenchUrl, installSignalHandlers, info, runFromPalette, finishUiScript, WORKBENCH_LOAD_TIMEOUT } from './hostlib.mjs';

const args = process.argv.slice(2);
const timeoutArg = args.indexOf('--timeout');
const timeoutSec = Number(timeoutArg >= 0 ? args[timeoutArg + 1] : 180);
const SHOTS = path.join(REPO, 'test-results', 'screenshots');

installSignalHandlers();
let browser, page;

const finish = (code, why) => finishUiScript('remote screenshots', browser, code, why);
setTimeout(() => finish(124, `TIMEOUT after ${timeoutSec}s`), timeoutSec * 1000);

async function shot(name) {
  const file = path.join(SHOTS, `remote-${name}.png`);
  await page.screenshot({ path: file, timeout: 10000 });
  info(`screenshot ${path.relative(REPO, file)}`);
}

async function waitFor(what, fn, arg, timeout = 20000) {
  try {
    return await (await page.waitForFunction(fn, arg, { timeout, polling: 100 })).jsonValue();
  } catch {
    throw new Error(`${what}: not seen within ${timeout} ms`);
  }
}

/** Rows of the tree in the sidebar pane titled `title`, as their visible text. */
const paneRows = (title) => waitFor(`rows in the ${title} view`, (t) => {
  const pane = [...document.querySelectorAll('.part.sidebar .pane')].find((p) => p.querySelector('.pane-header')?.textContent.includes(t));
  const rows = pane ? [...pane.querySelectorAll('.monaco-list-row')].map((r) => r.textContent.trim()) : [];
  return rows.length ? rows : null;
}, title);

async function clickRow(title, text) {
  const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: title }) });
  await pane.locator('.monaco-list-row', { hasText: text }).first().click();
}

/** Expands a collapsed row by its twistie (a click on the label runs the item's reveal command instead). */
async function expandRow(title, text) {
  const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: title }) });
  const row = pane.locator('.monaco-list-row', { hasText: text }).first();
  if (await row.getAttribute('aria-expanded') !== 'true') await row.locator('.monaco-tl-twistie').click();
}

try {
  const missing = missingTools();
  if (missing.length) throw new Error(`screenshots need code-server and chromium: ${INSTALL_HINT}; missing now: ${missing.join(', ')}`);
  checkBuilt([path.join(REPO, 'dist', 'extension.js')]);
  fs.mkdirSync(SHOTS, { recursive: true });
  const vsix = path.join(REPO, 'sap-landscape-readiness.vsix');
  const repoUrl = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).repository?.url ?? 'https://example.invalid/';
  fs.rmSync(vsix, { force: true });
  const pack = spawnSync('npm', ['run', 'package', '--', '--baseContentUrl', repoUrl, '--baseImagesUrl', repoUrl], { cwd: REPO, encoding: 'utf8' });
  if (pack.status !== 0 || !fs.existsSync(vsix)) throw new Error(`npm run package failed:\n${pack.stdout}${pack.stderr}`);
  const workspace = copyWorkspace();
  const server = await startCodeServer({ install: [vsix], settings: { 'sapReadiness.now': '2026-11-23', 'workbench.startupEditor': 'none' } });
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  page.setDefaultTimeout(20000);
  await page.goto(workbenchUrl(server.url, server.port, { folder: workspace.dir }), { timeout: WORKBENCH_LOAD_TIMEOUT });
  await page.locator('.monaco-workbench').waitFor();
  info('workbench loaded');

  await page.locator('.activitybar .action-item a[aria-label^="SAP Readiness"], .activitybar .action-item[aria-label^="SAP Readiness"]').first().click();
  await paneRows('Landscape'); // the first check is in
  const types = await paneRows('Connection Types');
  if (!types.some((row) => row.includes('R/3 Support') && row.includes('SAP Note 812732'))) throw new Error(`Connection Types rows: ${JSON.stringify(types)}`);
  console.log(`  Connection Types: ${types.length} rows visible, first: ${types.slice(0, 3).join(' | ')}`);
  await clickRow('Connection Types', 'R/3 Support');
  await page.waitForTimeout(300);
  await shot('connection-types');

  await runFromPalette(page, 'SAP Readiness: Filter Connection Types...');
  const filterInput = page.locator('.quick-input-widget input');
  await filterInput.fill('hana');
  await page.keyboard.press('Enter');
  await waitFor('the filtered Connection Types view', () => {
    const pane = [...document.querySelectorAll('.part.sidebar .pane')].find((p) => p.querySelector('.pane-header')?.textContent.includes('Connection Types'));
    const rows = pane ? [...pane.querySelectorAll('.monaco-list-row')].map((r) => r.textContent) : [];
    return rows.length === 3 && rows.some((r) => r.includes('SAP HANA MDC'));
  });
  await shot('connection-types-filtered');

  // Collapse Connection Types so the Landscape view has the room.
  await page.locator('.part.sidebar .pane-header', { hasText: 'Connection Types' }).first().click();
  const systems = await paneRows('Landscape');
  console.log(`  Landscape: ${systems.join(' | ')}`);
  if (!systems.some((row) => row.includes('ERP') && row.includes('ready'))) throw new Error(`Landscape rows: ${JSON.stringify(systems)}`);
  await expandRow('Landscape', 'ERP');
  for (const group of ['Logon data', 'Service connections', 'RFC destinations']) {
    await waitFor(`group ${group}`, (g) => [...document.querySelectorAll('.part.sidebar .monaco-list-row')].some((r) => r.textContent.includes(g)), group);
    await expandRow('Landscape', group);
  }
  await clickRow('Landscape', 'SAPOSS');
  await waitFor('service connection time left', () => [...document.querySelectorAll('.part.sidebar .monaco-list-row')].some((r) => /R\/3 Support.*open, \d+d \d+h left/.test(r.textContent)));
  await waitFor('the YAML revealed in an editor', () => document.querySelector('.tabs-container .tab.active')?.textContent.includes('support.landscape.yaml'));
  await page.locator('.part.sidebar .monaco-list-row', { hasText: 'SAPOSS' }).first().hover();
  await page.waitForTimeout(300);
  await shot('landscape');
  console.log(`  Landscape expanded: ${(await paneRows('Landscape')).join(' | ')}`);
  await finish(0);
} catch (e) {
  console.log(`  ✘ ${e.message}`);
  if (page) await shot('FAILED').catch(() => {});
  await finish(1);
}
