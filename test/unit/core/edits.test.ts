import { strict as assert } from 'assert';
import { DEFAULT_FILE_LIMITS } from '../../../src/core/config/options';
import { disableRuleEdit } from '../../../src/core/config/suppressions';
import { applyEdits, removeMapEntry, setMapValues } from '../../../src/core/landscape/edits';
import { loadLandscapeFile } from '../../../src/core/landscape/file';
import type { MapNode } from '../../../src/core/landscape/sourceTree';
import { valueOf } from '../../helpers';
import { parseSourceTree } from '../../../src/core/landscape/parseTree';

const load = (text: string) => loadLandscapeFile('t.landscape.yaml', text, DEFAULT_FILE_LIMITS);
const mapAt = (text: string, key: string): MapNode => ((load(text).tree.root as MapNode).entries.get(key)!.value as MapNode);
const parsesCleanly = (text: string): string => {
  assert.deepEqual(parseSourceTree(text).problems, [], text);
  return text;
};

describe('edits', () => {
  it('adds pairs to a flow mapping and replaces existing values', () => {
    const text = 'd: { type: "3", status: active }  # c\n';
    const file = load(text);
    const edits = setMapValues(file, mapAt(text, 'd'), [['status', 'deactivated'], ['deactivatedOn', '2026-11-23']]);
    assert.equal(parsesCleanly(applyEdits(text, edits)), 'd: { type: "3", status: deactivated, deactivatedOn: 2026-11-23 }  # c\n');
  });

  it('fills an empty flow mapping', () => {
    const text = 'd: {}\n';
    assert.equal(applyEdits(text, setMapValues(load(text), mapAt(text, 'd'), [['a', '1']])), 'd: { a: 1 }\n');
  });

  it('adds pairs to a block mapping at its indentation, after a trailing comment', () => {
    const text = 'd:\n    type: "3"  # abap\nnext: 1\n';
    assert.equal(parsesCleanly(applyEdits(text, setMapValues(load(text), mapAt(text, 'd'), [['status', 'x']]))), 'd:\n    type: "3"  # abap\n    status: x\nnext: 1\n');
  });

  it('fills an empty value after its colon', () => {
    const text = 'd:\n  status:\n  a: 1\n';
    assert.equal(applyEdits(text, setMapValues(load(text), mapAt(text, 'd'), [['status', 'x']])), 'd:\n  status: x\n  a: 1\n');
  });

  it('adds pairs after a block scalar that ends the mapping, not under the next key', () => {
    const text = 'd:\n  A:\n    note: |\n      line\n\n  B:\n    type: "3"\nnext: 1\n';
    const file = load(text);
    const a = (mapAt(text, 'd').entries.get('A')!.value as MapNode);
    const fixed = parsesCleanly(applyEdits(text, setMapValues(file, a, [['status', 'deactivated']])));
    assert.deepEqual(valueOf(parseSourceTree(fixed).root), { d: { A: { note: 'line\n', status: 'deactivated' }, B: { type: '3' } }, next: 1 });
    const last = 'd:\n  note: |\n    line\nnext: 1\n';
    assert.equal(parsesCleanly(applyEdits(last, setMapValues(load(last), mapAt(last, 'd'), [['status', 'x']]))), 'd:\n  note: |\n    line\n  status: x\nnext: 1\n');
  });

  it('adds pairs after the blank lines a |+ block scalar keeps, so its value stays the same', () => {
    const text = 'd:\n  A:\n    note: |+\n      line\n\n   \n  B:\n    note: >2+\n      last\n\n';
    const a = mapAt(text, 'd').entries.get('A')!.value as MapNode;
    const fixed = parsesCleanly(applyEdits(text, setMapValues(load(text), a, [['status', 'deactivated']])));
    assert.deepEqual(valueOf(parseSourceTree(fixed).root), { d: { A: { note: 'line\n\n\n', status: 'deactivated' }, B: { note: 'last\n\n' } } });
    // At the end of the file and under a nested mapping. (Without a final line break the value
    // cannot stay the same: the pair after it needs one, and |+ keeps it.)
    for (const end of ['\n\n', '\n']) {
      const last = `d:\n  A:\n    inner:\n      note: |+\n        line${end}`;
      const added = parsesCleanly(applyEdits(last, setMapValues(load(last), mapAt(last, 'd'), [['status', 'x']])));
      assert.deepEqual(valueOf(parseSourceTree(added).root), { d: { A: { inner: { note: `line${end}` } }, status: 'x' } });
    }
  });

  it('replaces a block scalar value as a whole, keeping the line after it and its comment', () => {
    const text = 'd:\n  host: >  # old one\n    old\n\n  port: 1\n';
    assert.equal(parsesCleanly(applyEdits(text, setMapValues(load(text), mapAt(text, 'd'), [['host', 'new']]))), 'd:\n  host: new  # old one\n\n  port: 1\n');
  });

  it('finds a key written with escapes or quotes instead of adding it twice', () => {
    const text = 'd:\n  "st\\x61tus": a\n  \'host\': b\n';
    const fixed = parsesCleanly(applyEdits(text, setMapValues(load(text), mapAt(text, 'd'), [['status', 'x'], ['host', 'y']])));
    assert.equal(fixed, 'd:\n  "st\\x61tus": x\n  \'host\': y\n');
  });

  it('gives a pair written in a flow sequence braces before adding to it, and leaves {} when it goes', () => {
    const text = 'l: [user: a, x]  # c\n';
    const file = load(text);
    const pairMap = ((file.tree.root as MapNode).entries.get('l')!.value as unknown as { items: MapNode[] }).items[0];
    const added = parsesCleanly(applyEdits(text, setMapValues(file, pairMap, [['user', 'b'], ['expires', '2026-12-01']])));
    assert.equal(added, 'l: [{ user: b, expires: 2026-12-01 }, x]  # c\n');
    assert.equal(parsesCleanly(applyEdits(text, [removeMapEntry(file, pairMap, pairMap.pairs[0])])), 'l: [{}, x]  # c\n');
  });

  it('keeps CRLF line ends', () => {
    const text = 'd:\r\n  a: 1\r\n';
    assert.equal(applyEdits(text, setMapValues(load(text), mapAt(text, 'd'), [['b', '2']])), 'd:\r\n  a: 1\r\n  b: 2\r\n');
  });

  it('writes CRLF when any line of the file ends so, also for removals and suppressions', () => {
    // The line-break style is a fact of the file, taken once, wherever its first CRLF stands.
    const text = 'x: 1\nm:\n  A: 1  # keep\n  B: 2\r\n';
    const file = load(text);
    assert.equal(file.lines.newline, '\r\n');
    const map = mapAt(text, 'm');
    assert.equal(applyEdits(text, [removeMapEntry(file, map, map.entries.get('A')!)]), 'x: 1\nm:\n  # keep\r\n  B: 2\r\n');
    assert.equal(applyEdits(text, [disableRuleEdit(text, file.lines, 'schema', 3, 'line')]), 'x: 1\nm:\n  A: 1  # keep\n  # sapready-disable-next-line schema\r\n  B: 2\r\n');
    assert.equal(load('d:\n  a: 1\n').lines.newline, '\n');
  });

  it('removes a block entry but keeps the comments written on its lines', () => {
    const text = 'm:\n  A: { x: 1 }  # keep me\n  B:\n    y: 2   # and me\n  C: 3\n';
    const file = load(text);
    const map = mapAt(text, 'm');
    assert.equal(parsesCleanly(applyEdits(text, [removeMapEntry(file, map, map.entries.get('A')!)])), 'm:\n  # keep me\n  B:\n    y: 2   # and me\n  C: 3\n');
    assert.equal(parsesCleanly(applyEdits(text, [removeMapEntry(file, map, map.entries.get('B')!)])), 'm:\n  A: { x: 1 }  # keep me\n  # and me\n  C: 3\n');
  });

  it('leaves {} when the last entry of a block mapping goes, so it stays a mapping', () => {
    const text = 'm:\n  A: 1\nz: 2\n';
    const file = load(text);
    const map = mapAt(text, 'm');
    const fixed = parsesCleanly(applyEdits(text, [removeMapEntry(file, map, map.entries.get('A')!)]));
    assert.deepEqual(valueOf(parseSourceTree(fixed).root), { m: {}, z: 2 });
  });

  it('removes the first key of a list item but keeps the item, the next key and the comment', () => {
    const text = 'l:\n  - password: Init1234   # temp\n    user: SAPSUPPORT\n    secret: PRD/SAPSUPPORT\n';
    const file = load(text);
    const item = ((file.tree.root as MapNode).entries.get('l')!.value as unknown as { items: MapNode[] }).items[0];
    const fixed = parsesCleanly(applyEdits(text, [removeMapEntry(file, item, item.entries.get('password')!)]));
    assert.equal(fixed, 'l:\n  - # temp\n    user: SAPSUPPORT\n    secret: PRD/SAPSUPPORT\n');
    assert.deepEqual(valueOf(parseSourceTree(fixed).root), { l: [{ user: 'SAPSUPPORT', secret: 'PRD/SAPSUPPORT' }] });
    const only = 'l:\n  - password: x   # temp\n';
    const onlyFile = load(only);
    const onlyItem = ((onlyFile.tree.root as MapNode).entries.get('l')!.value as unknown as { items: MapNode[] }).items[0];
    assert.equal(parsesCleanly(applyEdits(only, [removeMapEntry(onlyFile, onlyItem, onlyItem.entries.get('password')!)])), 'l:\n  - {}   # temp\n');
  });

  it('removes flow entries with their separators', () => {
    const text = 'm: { A: 1, B: 2, C: 3 }\n';
    const file = load(text);
    const map = mapAt(text, 'm');
    assert.equal(applyEdits(text, [removeMapEntry(file, map, map.entries.get('A')!)]), 'm: { B: 2, C: 3 }\n');
    assert.equal(applyEdits(text, [removeMapEntry(file, map, map.entries.get('C')!)]), 'm: { A: 1, B: 2 }\n');
  });
});
