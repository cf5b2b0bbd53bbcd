import { strict as assert } from 'assert';
import type { MapNode, SeqNode, SourceNode } from '../../../src/core/landscape/sourceTree';
import { plainValue } from '../../../src/core/landscape/sourceTree';
import { parseSourceTree } from '../../../src/core/landscape/parseTree';
import { valueOf } from '../../helpers';
import { resolvePlainScalar } from '../../../src/core/landscape/treeBuilder';
import { buildModel } from '../../../src/core/landscape/model';

const textOf = (text: string, node: { start: number; end: number }): string => text.slice(node.start, node.end);
const entry = (node: SourceNode | null, ...path: string[]): SourceNode => {
  let current = node;
  for (const key of path) {
    assert.ok(current && current.kind === 'map', `not a mapping at ${key}`);
    current = current.entries.get(key)?.value ?? null;
  }
  assert.ok(current, `nothing at ${path.join('.')}`);
  return current;
};

describe('source tree', () => {
  it('keeps exact ranges of keys and values in block and flow style', () => {
    const text = 'a: 1\nb: { c: "x y", d: [1, 2] }  # note\ne:\n  f: \'q\'\n';
    const tree = parseSourceTree(text);
    assert.deepEqual(tree.problems, []);
    const root = tree.root as MapNode;
    assert.equal(textOf(text, root.entries.get('a')!.key), 'a');
    assert.equal(textOf(text, entry(root, 'b')), '{ c: "x y", d: [1, 2] }');
    assert.equal(textOf(text, entry(root, 'b', 'c')), '"x y"');
    assert.equal(textOf(text, entry(root, 'b', 'd')), '[1, 2]');
    assert.equal(textOf(text, entry(root, 'e', 'f')), "'q'");
    assert.deepEqual(plainValue(root), { a: 1, b: { c: 'x y', d: [1, 2] }, e: { f: 'q' } });
  });

  it('gives a block scalar the range from its indicator to its last text, without the lines after it', () => {
    const text = 'a: >-  # folded\n  one\n  two\n\nb: &x |\n  z\nc: |\nd: 1\n';
    const tree = parseSourceTree(text);
    assert.deepEqual(tree.problems, []);
    assert.equal(textOf(text, entry(tree.root, 'a')), '>-  # folded\n  one\n  two');
    assert.equal(textOf(text, entry(tree.root, 'b')), '|\n  z');
    assert.equal(textOf(text, entry(tree.root, 'c')), '|');
  });

  it('ends a single-pair mapping in a flow sequence at its value, not at a later bracket', () => {
    const text = 'a: [b: c, d]\nz: { y: 1 }\n';
    const tree = parseSourceTree(text);
    const pairMap = (entry(tree.root, 'a') as SeqNode).items[0];
    assert.equal(textOf(text, pairMap), 'b: c');
    assert.deepEqual(plainValue(tree.root!), { a: [{ b: 'c' }, 'd'], z: { y: 1 } });
  });

  it('resolves plain scalars by the YAML 1.2 core schema, keeping dates and quoted numbers as text', () => {
    const tree = parseSourceTree('a: 2026-11-10\nb: "00"\nc: 00\nd: 010\ne: true\nf: ~\ng: 0x1F\nh: 1.5\ni: yes\n');
    assert.deepEqual(valueOf(tree.root), { a: '2026-11-10', b: '00', c: 0, d: 10, e: true, f: null, g: 31, h: 1.5, i: 'yes' });
    assert.equal(resolvePlainScalar('.inf'), Infinity);
    assert.ok(Number.isNaN(resolvePlainScalar('.nan')));
  });

  it('keeps the written text of plain keys, so a key "0001" stays "0001"', () => {
    const root = parseSourceTree('0001: a\n"0002": b\n').root as MapNode;
    assert.deepEqual([...root.entries.keys()], ['0001', '0002']);
  });

  it('gives an empty value a position at its key', () => {
    const text = 'a:\nb: 1\n';
    const root = parseSourceTree(text).root as MapNode;
    const value = entry(root, 'a');
    assert.equal(value.kind === 'scalar' && value.value, null);
    assert.equal(value.start, 1);
  });

  it('resolves aliases and merge keys; own keys win over merged ones', () => {
    const text = 'base: &b { product: abap, role: test }\nsys:\n  <<: *b\n  role: production\n';
    const root = parseSourceTree(text).root as MapNode;
    assert.deepEqual(plainValue(entry(root, 'sys')), { role: 'production', product: 'abap' });
    const merged = (entry(root, 'sys') as MapNode).entries.get('product')!;
    assert.equal(merged.merged, true);
    assert.equal(textOf(text, merged.value), 'abap');
  });

  it('merges into a mapping large enough to be indexed while read; own keys still win', () => {
    const own = Array.from({ length: 20 }, (_, index) => `  k${index}: ${index}`).join('\n');
    const root = parseSourceTree(`sys:\n  <<: { k3: merged, extra: merged }\n${own}\n  k19: last\n`).root;
    const sys = entry(root, 'sys') as MapNode;
    assert.equal(sys.entries.get('k3')?.merged, false);
    // k19 written twice: the duplicate finding points at the second, so the first is kept.
    assert.equal(plainValue(sys.entries.get('k19')!.value), 19);
    assert.equal(plainValue(sys.entries.get('extra')!.value), 'merged');
    assert.equal(sys.entries.size, 21);
  });

  it('reports duplicate keys at the second key, with the first as related', () => {
    const text = 'a: 1\nb: 2\na: 3\n';
    const [problem, ...rest] = parseSourceTree(text).problems;
    assert.deepEqual(rest, []);
    assert.equal(problem.start, 10);
    assert.match(problem.message, /Duplicate key "a"/);
    assert.equal(problem.related?.start, 0);
  });

  it('reports keys YAML resolves to the same value as duplicates, however they are written', () => {
    const text = '1: a\n01: b\ntrue: c\nTrue: d\n~: e\nnull: f\n0x1: g\n"true": h\n';
    const problems = parseSourceTree(text).problems;
    assert.deepEqual(
      problems.map((problem) => [textOf(text, problem), textOf(text, problem.related!)]),
      [['01', '1'], ['True', 'true'], ['null', '~'], ['0x1', '1']],
    );
    assert.match(problems[0].message, /Duplicate key "01" \(YAML reads it as the same key as "1"\)/);
    // A mapping large enough to be indexed while read finds them too.
    const own = Array.from({ length: 20 }, (_, index) => `k${index}: ${index}`).join('\n');
    assert.equal(parseSourceTree(`${own}\n1: a\n${own.replace(/k/g, 'j')}\n+1: b\n`).problems.length, 1);
  });

  it('keeps the first of two keys YAML reads as the same, in the tree\'s entries and in the model', () => {
    for (const own of [0, 20]) {
      // Small mappings are searched in place, large ones indexed while read: both keep the first.
      const filler = Array.from({ length: own }, (_, index) => `  k${index}: { product: abap }`);
      const text = ['systems:', ...filler, '  1: { product: abap, host: first }', '  01: { product: java, host: second }', '  PRD: { product: abap }', '  PRD: { product: java }', ''].join('\n');
      const tree = parseSourceTree(text);
      assert.equal(tree.problems.length, 2);
      const systems = entry(tree.root, 'systems') as MapNode;
      assert.deepEqual([...systems.entries.keys()].slice(own), ['1', 'PRD']);
      assert.deepEqual(plainValue(systems.entries.get('PRD')!.value), { product: 'abap' });
      const model = buildModel(tree.root)!;
      assert.deepEqual(model.systems.slice(own).map((system) => [system.sid, system.product?.value, system.host?.value]), [['1', 'abap', 'first'], ['PRD', 'abap', undefined]]);
    }
  });

  it('does not take text for a number or a boolean written alike ("01" beside 01, "true" beside true)', () => {
    for (const own of [0, 20]) {
      const filler = Array.from({ length: own }, (_, index) => `k${index}: ${index}`);
      const text = [...filler, '"01": a', '01: b', 'true: c', '"true": d', "'1': e", '1.0: f', ''].join('\n');
      const problems = parseSourceTree(text).problems;
      // Only 1.0 repeats a key: the number 1, written 01.
      assert.deepEqual(problems.map((problem) => [textOf(text, problem), textOf(text, problem.related!)]), [['1.0', '01']]);
    }
  });

  it('reads an empty !!str as the empty string, not null', () => {
    const root = parseSourceTree('a: !!str\nb: !!str ""\nc:\n').root;
    assert.deepEqual(valueOf(root), { a: '', b: '', c: null });
    const model = buildModel(parseSourceTree('systems:\n  PRD:\n    host: !!str\n').root);
    assert.equal(model?.systems[0].host?.value, '');
  });

  it('folds a plain scalar written over several lines into one line, in the model too', () => {
    const text = 'systems:\n  PRD:\n    host: sap\n      prd\n\n      example\n    role: production\n';
    const root = parseSourceTree(text).root;
    assert.deepEqual(valueOf(root), { systems: { PRD: { host: 'sap prd\nexample', role: 'production' } } });
    const host = buildModel(root)?.systems[0].host;
    assert.equal(host?.value, 'sap prd\nexample');
    assert.equal(textOf(text, host.pair.value), 'sap\n      prd\n\n      example');
  });

  it('stops an alias bomb at the expansion limit instead of expanding it', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 10; level++) lines.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
    const started = Date.now();
    const tree = parseSourceTree(lines.join('\n'));
    assert.ok(Date.now() - started < 2000);
    assert.equal(tree.root, null);
    assert.match(tree.problems[0].message, /Aliases expand to more than 100000 nodes/);
  });

  it('accepts moderate alias use below the limit', () => {
    const tree = parseSourceTree('d: &d { sp: 1 }\nx: [*d, *d, *d]\n');
    assert.deepEqual(tree.problems, []);
  });

  it('refuses an alias cycle and an unknown alias with a position', () => {
    assert.match(parseSourceTree('a: &a [1, *a]\n').problems[0].message, /cycle/);
    const unknown = parseSourceTree('a: 1\nb: *nope\n').problems[0];
    assert.match(unknown.message, /Unknown alias \*nope/);
    assert.equal(unknown.start, 8);
  });

  it('describes syntax errors with their position and never throws', () => {
    const text = 'a: 1\nb: [1, 2\nc: 3\n';
    const tree = parseSourceTree(text);
    assert.equal(tree.root, null);
    assert.ok(tree.problems.length > 0);
    for (const problem of tree.problems) assert.ok(problem.start >= 0 && problem.end <= text.length && problem.message.length > 0);
  });

  it('reports nesting deeper than the limit', () => {
    const tree = parseSourceTree(`a: ${'['.repeat(200)}${']'.repeat(200)}\n`);
    assert.equal(tree.root, null);
    assert.ok(tree.problems.length > 0);
  });

  it('reports a second document and ignores it', () => {
    const tree = parseSourceTree('a: 1\n---\nb: 2\n');
    assert.deepEqual(valueOf(tree.root), { a: 1 });
    assert.match(tree.problems[0].message, /one YAML document/);
  });

  it('keeps "__proto__" as an ordinary key', () => {
    const root = parseSourceTree('__proto__: { polluted: true }\n').root as MapNode;
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(Object.keys(plainValue(root) as object), ['__proto__']);
  });
});
