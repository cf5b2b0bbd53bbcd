import { strict as assert } from 'assert';
import { formatHtml } from '../../../src/core/report/html';
import { formatMarkdown } from '../../../src/core/report/markdown';
import { build, HOSTILE, hostileLandscape, LANDSCAPE } from './fixtures';

/** Every tag a report writes; landscape text must never add one. */
const tagsOf = (html: string): string[] => [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)\b/g)].map((match) => match[1].toLowerCase());

describe('HTML report', () => {
  const { model } = build({ 't.landscape.yaml': LANDSCAPE }, {}, 'conf/.sapready.yaml');
  const html = formatHtml(model);

  it('is one self-contained page: inline CSS, no script, nothing remote, a CSP that forbids both', () => {
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.ok(!tagsOf(html).includes('script'));
    assert.ok(!tagsOf(html).includes('link'));
    assert.ok(!/\ssrc=/.test(html), 'no src attributes');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    assert.match(html, /<style>[^<]*prefers-color-scheme: dark/);
    // Links go only to SAP Notes and to anchors in the page itself.
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) assert.match(href, /^(#finding-\d+|https:\/\/me\.sap\.com\/notes\/\d+)$/);
  });

  it('says for which day and with which options file it was computed', () => {
    assert.match(html, /Computed for <strong>2026-11-23<\/strong> with options file <code>conf\/\.sapready\.yaml<\/code> by sapready 9\.9\.9\./);
    assert.match(formatHtml(build({ 't.landscape.yaml': LANDSCAPE }).model), /with default options \(no options file\)/);
  });

  it('has the summary, the matrix with the findings behind each cell, the RFC timeline, the expiries and the findings with SAP Note links', () => {
    assert.match(html, /<div class="card not-ready"><span class="count">2<\/span><span class="label">not ready<\/span><\/div>/);
    assert.match(html, /<div class="card error"><span class="count">3<\/span><span class="label">errors<\/span><\/div>/);
    assert.match(html, /<th scope="row">PRD<div class="where">t\.landscape\.yaml:5<\/div><\/th><td>abap<\/td><td>production<\/td>/);
    assert.match(html, /<td class="cell error"><span class="state">Error<\/span><div class="detail"><a href="#finding-0">SNOTE is used in system PRD/);
    assert.match(html, /<td class="cell na" title="SNOTE not used"><span class="state">n\/a<\/span><\/td>/);
    assert.match(html, /<tr class="stage-removable"><td>PRD<\/td><td><code>SDCC_OSS<\/code><\/td><td>May be deleted<\/td><td>2026-11-01<\/td><td>2026-11-15<\/td>/);
    assert.match(html, /<tr class="expiry-soon"><td>PRD<\/td><td>Logon data: user SAPSUPPORT, client 100<\/td><td>2026-11-25<\/td><td>2<\/td>/);
    assert.match(html, /<tr id="finding-0"><td class="num">15<\/td>.*<code>note-assistant-signed-notes<\/code>.*<a href="https:\/\/me\.sap\.com\/notes\/2836302">2836302<\/a>/);
  });

  it('renders hostile landscape text as text: no new tags, attributes or script breaking out', () => {
    const hostile = build({ 'x.landscape.yaml': hostileLandscape() });
    const page = formatHtml(hostile.model);
    const tags = new Set(tagsOf(page));
    assert.ok(!tags.has('img') && !tags.has('script'), `tags: ${[...tags].join(' ')}`);
    assert.ok(!page.includes('</script>'), 'no closing script tag');
    assert.ok(!/onerror=/i.test(page.replace(/onerror=&#34;/g, '')), 'onerror only escaped');
    // The hostile text is there, escaped, in the matrix, the timeline, the expiries and the findings.
    const escaped = HOSTILE.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
    assert.ok(page.split(escaped).length - 1 >= 4, `escaped hostile text appears in every section:\n${page}`);
  });
});

describe('Markdown report', () => {
  const { input } = build({ 't.landscape.yaml': LANDSCAPE }, {}, '.sapready.yaml');
  const markdown = formatMarkdown(input);
  const lines = markdown.split('\n');

  it('keeps the heading, the options line and the summary table of the findings report', () => {
    assert.equal(lines[0], '# SAP landscape readiness');
    assert.equal(lines[2], 'Checked on 2026-11-23 with options from `.sapready.yaml` by sapready 9.9.9.');
    assert.ok(lines.includes('| 3 | 2 | 1 | 1 | 3 |'), markdown);
  });

  it('adds the matrix, the RFC timeline and the expiries before the findings by file', () => {
    const matrix = lines.indexOf('## Readiness by system');
    const timeline = lines.indexOf('## RFC shutdown timeline');
    const expiries = lines.indexOf('## Upcoming expiries');
    const findings = lines.indexOf('## t.landscape.yaml');
    assert.ok(matrix > 0 && matrix < timeline && timeline < expiries && expiries < findings, markdown);
    assert.equal(lines[matrix + 2], '0 ready, 1 with warnings, 2 not ready.');
    assert.equal(
      lines[matrix + 4],
      '| System | Product | Role | Readiness | Backbone destinations | Technical user | ST-PI / ST-A/PI | SNOTE signed notes | Legacy RFC | Logon data | Service connections | Other |',
    );
    assert.ok(lines.includes('| PRD | abap | production | Not ready | OK | OK | OK | Error (line 15) | Error (line 20, 21) | OK | n/a | OK |'), markdown);
    assert.ok(lines.includes('| PRD | `SDCC_OSS` | May be deleted | 2026-11-01 | 2026-11-15 | t.landscape.yaml:21 |'), markdown);
    assert.ok(lines.includes('| HDB | Service connection: ssh | 2026-11-24T18:00:00Z | 1 | Within 7 days | t.landscape.yaml:28 |'), markdown);
    assert.ok(lines.some((line) => line.startsWith('| 15 | error | PRD | `note-assistant-signed-notes` |') && line.includes('[2836302](https://me.sap.com/notes/2836302)')), markdown);
  });

  it('escapes hostile text: no raw tags, no broken table rows', () => {
    const page = formatMarkdown(build({ 'x.landscape.yaml': hostileLandscape() }).input);
    // Inside code spans Markdown shows < as text (and would show &lt; literally); elsewhere it must be escaped.
    const outsideCode = page.replace(/`[^`\n]*`/g, '');
    assert.ok(!outsideCode.includes('<img'), page);
    assert.ok(!outsideCode.includes('<script'), page);
    assert.ok(!outsideCode.includes('</script'), page);
    assert.ok(page.split('\n').some((line) => line.startsWith('| PRD | `<img src=x')), 'a destination name is shown as written, in a code span');
    const matrixRow = page.split('\n').find((line) => line.startsWith('| PRD | &lt;img'));
    assert.ok(matrixRow, page);
    assert.equal(matrixRow.split(/(?<!\\)\|/).length - 2, 12, `twelve cells: ${matrixRow}`);
  });

  it('shows Markdown link, image and emphasis syntax in landscape text as written, and no control characters', () => {
    const text = LANDSCAPE.replace('role: production', 'role: "![x](https://tracker.example/p.png)"')
      .replace('user: SAPSUPPORT,', 'user: "[click](https://evil.example) *bold* _em_ `c` ~s~ \\u001b[2J",');
    const page = formatMarkdown(build({ 't.landscape.yaml': text }).input);
    const lines = page.split('\n');
    assert.ok(lines.some((line) => line.startsWith('| PRD | abap | \\!\\[x\\](https://tracker.example/p.png) | Not ready |')), page);
    assert.ok(lines.some((line) => line.startsWith('| PRD | Logon data: user \\[click\\](https://evil.example) \\*bold\\* \\_em\\_ \\`c\\` \\~s\\~ \uFFFD\\[2J, client 100 |')), page);
    assert.doesNotMatch(page, /[\u0000-\u0008\u000b-\u001f]/);
  });
});
