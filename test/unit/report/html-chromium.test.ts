import { strict as assert } from 'assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
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
    const run = spawnSync(process.execPath, [CLI, 'check', 'examples/acme', '--now', '2026-11-23', '--format', 'html', '--output', report], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const dom = chromium(['--dump-dom', `file://${report}`]);
    const text = visibleText(dom);
    assert.match(text, /^SAP landscape readiness Computed for 2026-11-23 with default options \(no options file\) by sapready \d+\.\d+\.\d+\./);
    assert.match(text, /Summary 5 ready 0 with warnings 0 not ready 0 errors 0 warnings 1 info 5 systems in 2 files: 5 ready, 0 with warnings, 0 not ready\./);
    assert.match(text, /System Product Role Readiness Backbone destinations Technical user ST-PI \/ ST-A\/PI SNOTE signed notes Legacy RFC Logon data Service connections Other/);
    assert.match(text, /PRD examples\/acme\/core\.landscape\.yaml:34 abap production Ready OK OK OK OK Info SAPOSS \(system PRD\) was deactivated on 2026-11-10/);
    assert.match(text, /FR1 examples\/acme\/core\.landscape\.yaml:\d+ focused-run Ready n\/a n\/a n\/a n\/a n\/a n\/a n\/a OK/);
    assert.match(text, /RFC shutdown timeline .* PRD SAPOSS Deactivated, under observation 2026-11-10 2026-11-24 /);
    assert.match(text, /Upcoming expiries .* PRD Service connection: r3-support 2026-11-27T18:00:00Z 4 Within 7 days .* PRD Logon data: user SAPSUPPORT, client 100 2026-12-01 8 Later /);
    assert.match(text, /Findings examples\/acme\/core\.landscape\.yaml Line Severity System Rule Finding SAP Notes 50 info PRD legacy-rfc-removable .* 2923799$/);
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

  it('saves screenshots of the example report in light and dark colours (test-results/screenshots)', () => {
    const report = path.join(scratch, 'acme.html');
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
    }
  });
});
