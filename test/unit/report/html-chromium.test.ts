import { strict as assert } from 'assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import { formatHtml } from '../../../src/core/report/html';
import { build, hostileLandscape } from './fixtures';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const CHROMIUM = process.env.SAPREADY_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Opens a file in headless Chromium and returns the DOM after loading (scripts, if any could
 * run, would have run). Fails, never skips, without Chromium: the report must be proven to render.
 */
function chromium(args: string[]): string {
  assert.ok(existsSync(CHROMIUM), `Chromium is needed to render the HTML report and was not found at ${CHROMIUM}: install it (apt-get install chromium) or point SAPREADY_CHROMIUM at it.`);
  const profile = mkdtempSync(path.join(tmpdir(), 'sapready-chromium-'));
  try {
    const run = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', `--user-data-dir=${profile}`, ...args], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, `chromium failed (${run.status} ${run.signal ?? ''}): ${run.error ?? ''}\n${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The text a reader sees: the body without tags, entities decoded, white space collapsed. */
function visibleText(dom: string): string {
  const body = dom.replace(/^[\s\S]*?<body[^>]*>/, '').replace(/<\/body>[\s\S]*$/, '');
  return body
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Writes the example landscape's report (sapready check examples/acme --format html) to `report`. */
function writeAcmeReport(report: string): void {
  assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build first`);
  const run = spawnSync(process.execPath, [CLI, 'check', 'examples/acme', '--now', '2026-11-23', '--format', 'html', '--output', report], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
}

/** Width, height and RGB pixels of an 8-bit RGB or RGBA PNG, as Chromium writes screenshots. */
function readPng(file: string): { width: number; height: number; pixel(x: number, y: number): [number, number, number] } {
  const bytes = readFileSync(file);
  assert.equal(bytes.toString('latin1', 1, 4), 'PNG', `${file} is not a PNG`);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [depth, colour] = [bytes[24], bytes[25]];
  assert.ok(depth === 8 && (colour === 2 || colour === 6), `unexpected PNG format: depth ${depth}, colour type ${colour}`);
  const channels = colour === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      const paeth = (): number => {
        const p = left + up - upLeft;
        const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return a <= b && a <= c ? left : b <= c ? up : upLeft;
      };
      const predicted = [0, left, up, (left + up) >> 1, 0][filter] ?? 0;
      pixels[y * stride + x] = (raw[y * (stride + 1) + 1 + x] + (filter === 4 ? paeth() : predicted)) & 0xff;
    }
  }
  return { width, height, pixel: (x, y) => [pixels[y * stride + x * channels], pixels[y * stride + x * channels + 1], pixels[y * stride + x * channels + 2]] };
}

describe('HTML report in headless Chromium', function () {
  this.timeout(90_000);
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'sapready-html-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('renders the example landscape\'s report (sapready check examples/acme --format html) with its summary, matrix, timeline and expiries', () => {
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build first`);
    const report = path.join(scratch, 'acme.html');
    writeAcmeReport(report);
    const dom = chromium(['--dump-dom', `file://${report}`]);
    const text = visibleText(dom);
    assert.match(text, /^SAP landscape readiness Computed for 2026-11-23 with default options \(no options file\) by sapready \d+\.\d+\.\d+\./);
    // The example's two files carry two landscape names (ACME Production and its analytics part), so a Landscape column tells them apart.
    assert.match(text, /Summary 5 ready 0 with warnings 0 not ready 0 errors 0 warnings 1 info 5 systems in 2 files \(2 landscapes\): 5 ready, 0 with warnings, 0 not ready\./);
    assert.match(text, /System Landscape Product Role Readiness Backbone destinations Technical user ST-PI \/ ST-A\/PI SNOTE signed notes Legacy RFC Logon data Service connections Other/);
    assert.match(text, /BWP examples\/acme\/analytics\.landscape\.yaml:\d+ ACME Production \(analytics\) abap production Ready/);
    assert.match(text, /PRD examples\/acme\/core\.landscape\.yaml:34 ACME Production abap production Ready OK OK OK OK Info SAPOSS \(system PRD\) was deactivated on 2026-11-10/);
    assert.match(text, /FR1 examples\/acme\/core\.landscape\.yaml:\d+ ACME Production focused-run Ready n\/a n\/a n\/a n\/a n\/a n\/a n\/a OK/);
    assert.match(text, /RFC shutdown timeline .* PRD ACME Production SAPOSS Deactivated, under observation 2026-11-10 2026-11-24 /);
    assert.match(text, /Upcoming expiries .* PRD ACME Production Service connection: r3-support 2026-11-27T18:00:00Z 4 Within 7 days .* PRD ACME Production Logon data: user SAPSUPPORT, client 100 2026-12-01 8 Later /);
    assert.match(text, /Findings examples\/acme\/core\.landscape\.yaml ACME Production Line Severity System Rule Finding SAP Notes 50 info PRD legacy-rfc-removable .* 2923799$/);
    assert.ok(!/<script/i.test(dom), 'no script element');
  });

  it('runs nothing from hostile landscape text: no element, attribute or script comes from it', () => {
    const report = path.join(scratch, 'hostile.html');
    writeFileSync(report, formatHtml(build({ 'x.landscape.yaml': hostileLandscape() }).model));
    const dom = chromium(['--dump-dom', `file://${report}`]);
    assert.ok(!/<img/i.test(dom), 'no img element in the DOM');
    assert.ok(!/<script/i.test(dom), 'no script element in the DOM');
    assert.ok(!/<body[^>]*data-pwned/.test(dom), 'no script ran');
    assert.ok(visibleText(dom).includes(`<img src=x onerror="document.body.setAttribute('data-pwned','1')"></script>`), 'the text is shown as written');
  });

  it('saves screenshots of the example report in light and dark colours (test-results/screenshots) that show the page', () => {
    const report = path.join(scratch, 'acme-shots.html');
    writeAcmeReport(report);
    const shots = path.join(ROOT, 'test-results', 'screenshots');
    mkdirSync(shots, { recursive: true });
    for (const [name, extra] of [['report-light.png', []], ['report-dark.png', ['--force-dark-mode', '--blink-settings=preferredColorScheme=0']]] as const) {
      const target = path.join(shots, name);
      rmSync(target, { force: true });
      // Under load headless Chromium now and then exits before it has written the file: try again.
      for (let attempt = 0; attempt < 3 && !existsSync(target); attempt++) {
        chromium([...extra, '--hide-scrollbars', '--window-size=1400,1100', '--virtual-time-budget=2000', `--screenshot=${target}`, `file://${report}`]);
      }
      assert.ok(existsSync(target), `no screenshot at ${target}`);
      const png = readPng(target);
      assert.deepEqual([png.width, png.height], [1400, 1100]);
      // The page's own background, and enough pixels unlike it that text and tables were drawn.
      const brightness = (rgb: number[]): number => rgb[0] + rgb[1] + rgb[2];
      const background = png.pixel(2, 2);
      if (name === 'report-light.png') assert.ok(brightness(background) > 600, `light background: ${background.join(',')}`);
      else assert.ok(brightness(background) < 150, `dark background: ${background.join(',')}`);
      let drawn = 0;
      for (let y = 0; y < png.height; y += 4) for (let x = 0; x < png.width; x += 4) if (Math.abs(brightness(png.pixel(x, y)) - brightness(background)) > 90) drawn++;
      assert.ok(drawn > 2000, `${name}: only ${drawn} sampled pixels differ from the background`);
    }
  });
});
