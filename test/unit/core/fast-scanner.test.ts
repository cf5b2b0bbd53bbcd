import { strict as assert } from 'assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateLandscape } from '../../../bench/generate';
import { scanPlainYaml } from '../../../src/core/landscape/fastScanner';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../../../src/core/landscape/sourceTree';
import { parseWithJsYaml } from '../../../src/core/landscape/parseTree';
import { dumpTree } from '../../helpers';

/**
 * The scanner for plain block YAML must give exactly the tree js-yaml's events give, or decline
 * the file. Every comparison here covers nodes, ranges, values, entries and problems (dumpTree).
 */

/** True when the scanner read the text; it then must agree with js-yaml. */
function readsLikeJsYaml(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): boolean {
  const scanned = scanPlainYaml(text, limits);
  if (scanned) assert.deepStrictEqual(dumpTree(scanned), dumpTree(parseWithJsYaml(text, limits)), `the scanner and js-yaml disagree on:\n${text}`);
  return scanned !== undefined;
}

function landscapeFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return landscapeFiles(full);
    return name.endsWith('.landscape.yaml') ? [full] : [];
  });
}

const root = path.resolve(__dirname, '../../../..');

describe('plain block YAML scanner', () => {
  it('reads every bundled example and generated landscape exactly as js-yaml does', () => {
    const files = landscapeFiles(path.join(root, 'examples'));
    assert.ok(files.length >= 3);
    for (const file of files) assert.ok(readsLikeJsYaml(readFileSync(file, 'utf8')), `${file} should be read by the scanner`);
    for (const seed of [1, 2, 3]) assert.ok(readsLikeJsYaml(generateLandscape(200, seed)));
  });

  it('reads the forms landscapes are written in', () => {
    const accepted = [
      'a: 1\nb: { c: "x y", d: [1, 2] }  # note\ne:\n  f: \'q\'\n',
      'systems:\n  PRD:\n    product: abap\n    instance: "00"\n    client: 100\n',
      'list:\n- a\n- b\nnext: 1\n',
      'list:\n  - a: 1\n    b: 2\n  - c: 3\n',
      'nested:\n  - - a\n    - b\n  - - c\n',
      'item:\n  -\n    a: 1\n  -\n  - x\n',
      'empty:\nalso: \nlast:',
      'a: 1\r\nb:\r\n  c: 2\r\n',
      "quote: 'it''s'\nsingle: 'a'\ndouble: \"b\"\n",
      'url: http://x.example:8080/path\nwhen: 2026-11-20T08:00:00Z\nroute: /H/a/S/3299/H/b\n',
      'flow: { window: { from: 2026-11-20T08:00:00Z, until: 2026-11-27T18:00:00Z } }\n',
      'seq: [a, "b", \'c\', [d], {e: f}]\nempty: {}\nnone: []\nspaced: { }\n',
      'values: [~, null, true, False, 0x1F, 0o17, 010, 1.5, .inf, -.Inf, .nan, "7.2"]\n',
      'key with spaces: value with spaces   \n"quoted key": 1\n\'single key\': 2\n',
      'hash: a#b\ncolon: a:b\ndash: -a\nquestion: ?a\n',
      'dup: 1\ndup: 2\n',
      '1: a\n01: b\ntrue: c\nTrue: d\n~: e\nnull: f\n0x1: g\n"true": h\nflow: { 0o1: a, +1: b, 1.0: c }\n',
      '__proto__: { polluted: true }\n',
      '# only a comment first\n\n\nkey: value # trailing\n  # indented comment\nother: 1\n',
      '  indented: root\n  second: 2\n',
      'umlaut: Müller GmbH\n',
    ];
    for (const text of accepted) assert.ok(readsLikeJsYaml(text), `should be read by the scanner:\n${text}`);
  });

  it('leaves everything else to js-yaml', () => {
    const declined = [
      '', '# nothing\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: !!str\n', 'a: |\n  text\n', 'a: >\n  text\n', 'a: "tab\\tescape"\n',
      'a: multi\n  line\n', 'a: "multi\n  line"\n', '---\na: 1\n', 'a: 1\n---\nb: 2\n', '%YAML 1.2\n---\na: 1\n', 'a:\tb\n', '\ta: 1\n',
      'a: b: c\n', 'a: 1\n  b: 2\n', 'a:\n  b: 1\n c: 2\n', '- a\nb: 1\n', 'a: [1,\n  2]\n', 'a: [1, 2,]\n', 'a: {b}\n', 'a: [b: c]\n',
      '? complex\n: key\n', '<<: { a: 1 }\n', 'a: "unterminated\n', "a: 'unterminated\n", 'a: x\rb: y\n', '\uFEFFa: 1\n', 'a: \u0007\n',
      'a: 😀\n', ' ---\n', '  ...\n', 'a:\n  ---x: 1\n', `a: ${'['.repeat(40)}${']'.repeat(40)}\n`, 'a: 1 # ok\nb: "x"#not a comment\n', '"a":b\n', 'a: @x\n', 'a: `x\n',
    ];
    for (const text of declined) assert.equal(readsLikeJsYaml(text), false, `should be left to js-yaml:\n${text}`);
  });

  it('agrees with js-yaml under every nesting limit, down to 1', () => {
    const texts = ['a', '"x"', 'a: 1', 'a:\n  b: 1', 'a:\n  - b: [1, {c: 2}]', '- - - a', 'a: { b: { c: { d: 1 } } }'];
    for (let maxDepth = 1; maxDepth <= 10; maxDepth++) {
      for (const text of texts) readsLikeJsYaml(text, { maxAliasExpansion: DEFAULT_PARSE_LIMITS.maxAliasExpansion, maxDepth });
    }
  });

  it('agrees with js-yaml on random sequences of YAML tokens', () => {
    const token = fc.constantFrom('a', 'b', '1', '0', 'x y', ' ', '  ', ':', ': ', '-', '- ', '\n', '\n  ', '\n    ', '#', ' #', '{', '}', '[', ']', ', ', '"', "'", '?', '.', '~', '\r\n', 'null', 'true', '2026-01-01', 'a:b', '-1', '---', '...');
    let read = 0;
    fc.assert(
      fc.property(fc.array(token, { maxLength: 25 }), (tokens) => {
        if (readsLikeJsYaml(tokens.join(''))) read++;
      }),
      { numRuns: 20_000 },
    );
    assert.ok(read > 2_000, `only ${read} of the texts were read by the scanner: the comparison would prove little`);
  }).timeout(120_000);

  it('agrees with js-yaml on generated landscapes broken at random', () => {
    const base = generateLandscape(3, 4);
    const lines = base.split('\n');
    const fragments = [':', ': ', ' ', '  ', '-', '- ', '#', ' #', '{', '}', '[', ']', ',', '"', "'", '\n', '\r\n', '\t', '&a ', '*a', '!', '|', '>', '?', '~', '%', '\\', 'ä', '\u2028'];
    const edit = fc.tuple(fc.nat(lines.length - 1), fc.nat(200), fc.constantFrom(...fragments), fc.constantFrom('insert', 'replace', 'delete-line', 'duplicate-line', 'indent', 'dedent'));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const edited = [...lines];
        for (const [lineIndex, column, fragment, kind] of edits) {
          const line = Math.min(lineIndex, edited.length - 1);
          const text = edited[line] ?? '';
          const at = text.length === 0 ? 0 : column % text.length;
          if (kind === 'insert') edited[line] = text.slice(0, at) + fragment + text.slice(at);
          else if (kind === 'replace') edited[line] = text.slice(0, at) + fragment + text.slice(at + 1);
          else if (kind === 'delete-line') edited.splice(line, 1);
          else if (kind === 'duplicate-line') edited.splice(line, 0, text);
          else if (kind === 'indent') edited[line] = ` ${text}`;
          else edited[line] = text.replace(/^ /, '');
        }
        readsLikeJsYaml(edited.join('\n'));
      }),
      { numRuns: 2000 },
    );
  }).timeout(120_000);
});
