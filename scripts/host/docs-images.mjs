#!/usr/bin/env node
// Regenerates the committed pictures (`npm run docs:images`): images/icon.png (the marketplace
// icon) from images/icon.svg, rendered by headless Chromium, and docs/images/*.png from the shots
// that the screenshot scripts take of a real VS Code (ui-tests, remote-screenshots,
// dashboard-screenshots), palette-compressed with pngquant so that the README stays light.
// Needs the host tools (bash scripts/host/install-tools.sh), pngquant (Debian: apt-get install
// pngquant) and `npm run build`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, info, launchBrowser, closeBrowser, runCleanups, installSignalHandlers } from './hostlib.mjs';

const SHOTS = path.join(REPO, 'test-results', 'screenshots');
const DOC_IMAGES = path.join(REPO, 'docs', 'images');
const SCRIPTS = ['ui-tests.mjs', 'remote-screenshots.mjs', 'dashboard-screenshots.mjs'];
/** docs/images name <- the screenshot it is made from. */
const PICTURES = {
  'quick-fix.png': 'ui-b-quickfix-menu.png',
  'dashboard.png': 'dashboard-light.png',
  'landscape-view.png': 'remote-landscape.png',
  'connection-types.png': 'remote-connection-types.png',
};
const ICON_SIZE = 256;

installSignalHandlers();

if (spawnSync('pngquant', ['--version'], { encoding: 'utf8' }).status !== 0) {
  console.error('docs:images needs pngquant: apt-get install pngquant');
  process.exit(2);
}

info('icon: images/icon.svg -> images/icon.png');
const svg = fs.readFileSync(path.join(REPO, 'images', 'icon.svg'), 'utf8');
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: ICON_SIZE / 128 });
  await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  await page.screenshot({ path: path.join(REPO, 'images', 'icon.png'), omitBackground: true });
} finally {
  await closeBrowser(browser);
  runCleanups();
}

for (const script of SCRIPTS) {
  info(`screenshots: ${script}`);
  const run = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'host', script)], { cwd: REPO, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`${script} failed (exit ${run.status}); docs/images left as they were`);
    process.exit(1);
  }
}

fs.mkdirSync(DOC_IMAGES, { recursive: true });
for (const [picture, shot] of Object.entries(PICTURES)) {
  const target = path.join(DOC_IMAGES, picture);
  const quantized = spawnSync('pngquant', ['--quality', '60-90', '--speed', '1', '--strip', '--force', '--output', target, path.join(SHOTS, shot)], { encoding: 'utf8' });
  if (quantized.status !== 0) {
    console.error(`pngquant ${shot} failed (exit ${quantized.status}): ${quantized.stderr}`);
    process.exit(1);
  }
  info(`${path.relative(REPO, target)} (${Math.round(fs.statSync(target).size / 1024)} KB) from ${shot}`);
}
