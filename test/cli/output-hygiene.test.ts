import { strict as assert } from 'assert';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { assertExit, makeTempDir, NOW, removeTempDir, runCli } from './run-cli';

/** Legacy destinations whose names carry what a hostile pull request would put in output. */
const HOSTILE_NAMES = [
  'A\\nNo problems in 1 file (0 systems).',
  'B\\u2028forged line',
  'C\\u202eevil',
  'D\\e[2J',
  'E\\\\|![x](https://evil.example/i.png)',
  'F\\uFFFE\\uFFFF\\uD800',
];

describe('sapready check output hygiene', () => {
  let dir: string;
  before(() => {
    dir = makeTempDir();
    const destinations = HOSTILE_NAMES.map((name) => `      "${name}": { type: "3", host: oss001 }`);
    writeFileSync(path.join(dir, 'hostile.landscape.yaml'), ['landscape: Hostile', 'systems:', '  PRD:', '    product: abap', '    rfcDestinations:', ...destinations, ''].join('\n'));
  });
  after(() => removeTempDir(dir));

  const run = (format: string, file = 'hostile.landscape.yaml'): string => {
    const result = runCli(['check', file, '--now', NOW, '--format', format], { cwd: dir });
    assertExit(result, 1);
    return result.stdout;
  };

  it('text: every line is a finding or the summary; no line breaks, escape sequences or bidi controls from values', () => {
    const lines = run('text').trimEnd().split('\n');
    const summary = lines.pop()!;
    assert.match(summary, /^\d+ problems? \(/);
    for (const line of lines) assert.match(line, /^hostile\.landscape\.yaml:\d+:\d+  (error|warning|info) /, JSON.stringify(line));
    assert.doesNotMatch(lines.join('\n'), /[\u001b\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });

  it('markdown: a destination name cannot leave its code span (no image, no extra cell) under GFM', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { marked } = require('marked') as { marked: { parse(text: string, options: { gfm: boolean; async: false }): string } };
    const name = HOSTILE_NAMES[4];
    writeFileSync(path.join(dir, 'markdown.yaml'), ['landscape: Markdown', 'systems:', '  PRD:', '    product: abap', '    rfcDestinations:', `      "${name}": { type: "3", host: oss001 }`, ''].join('\n'));
    const html = marked.parse(run('markdown', 'markdown.yaml'), { gfm: true, async: false });
    assert.doesNotMatch(html, /<img/, 'an image was injected');
    assert.match(html, /evil\.example/, 'the hostile destination is missing from the report');
  });

  for (const format of ['junit', 'html']) {
    it(`${format}: drops characters XML forbids (U+FFFE, U+FFFF, lone surrogates)`, () => {
      const output = run(format);
      assert.match(output, /F/);
      assert.doesNotMatch(output, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    });
  }
});
