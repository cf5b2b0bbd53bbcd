import { strict as assert } from 'assert';
import fc from 'fast-check';
import { generateLandscape } from '../../../bench/generate';
import { resolveOptions } from '../../../src/core/config/options';
import { RuleCache, runRules } from '../../../src/core/engine';
import { loadLandscapeFile, type LandscapeFile } from '../../../src/core/landscape/file';
import { reparseLandscapeFile } from '../../../src/core/landscape/reparse';
import type { MapNode } from '../../../src/core/landscape/sourceTree';
import { valueOf } from '../../helpers';
import { RULES } from '../../../src/core/rules/registry';

const options = resolveOptions(RULES, { now: '2026-11-23' });
const PATH = 'edited.landscape.yaml';
const BASE = generateLandscape(12).replace('  # AAB: system 2 of 12', '  # sapready-disable-next-line legacy-rfc-destination');

const systemsOf = (file: LandscapeFile): MapNode => (file.tree.root as MapNode).entries.get('systems')!.value as MapNode;

type Edit = { line: number; column: number; kind: 'insert' | 'delete' | 'replace-line' | 'delete-line' | 'duplicate-line'; token: string };
const edit = fc.record({
  line: fc.nat(),
  column: fc.nat(),
  kind: fc.constantFrom('insert', 'delete', 'replace-line', 'delete-line', 'duplicate-line'),
  token: fc.constantFrom('x', ' ', ':', '"', '#', '{', '}', '\n', '  ', '8', 'SAPOSS: { type: "3" }', '    sps: 7', '    product: solman', '  NEW:', '&a', '*a', 'status: deactivated', '# sapready-disable schema', '    password: Init1234', '/W/pw', 'target: /h/host/s/99', '    rfcDestinations: { R: { type: "3", target: /x/y } }'),
}) as fc.Arbitrary<Edit>;

function applyEdit(text: string, change: Edit): string {
  const lines = text.split('\n');
  const line = change.line % lines.length;
  const current = lines[line];
  const column = current.length === 0 ? 0 : change.column % (current.length + 1);
  if (change.kind === 'insert') lines[line] = current.slice(0, column) + change.token + current.slice(column);
  else if (change.kind === 'delete') lines[line] = current.slice(0, column) + current.slice(column + 1);
  else if (change.kind === 'replace-line') lines[line] = change.token;
  else if (change.kind === 'delete-line') lines.splice(line, 1);
  else lines.splice(line, 0, current);
  return lines.join('\n');
}

describe('incremental re-check while typing', () => {
  it('gives exactly the findings and values of a full parse and check, over any sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const cache = new RuleCache();
        let file = loadLandscapeFile(PATH, BASE, options.limits);
        runRules([file], options, RULES, cache);
        let text = BASE;
        for (const change of edits) {
          text = applyEdit(text, change);
          file = reparseLandscapeFile(file, text, options.limits);
          const incremental = runRules([file], options, RULES, cache);
          const full = loadLandscapeFile(PATH, text, options.limits);
          assert.deepEqual(file.tree.problems, full.tree.problems);
          assert.deepEqual(valueOf(file.tree.root), valueOf(full.tree.root));
          assert.deepEqual(incremental, runRules([full], options));
        }
      }),
      { numRuns: 120 },
    );
  }).timeout(120_000);

  it('parses only the edited system: the others keep their nodes', () => {
    const before = loadLandscapeFile(PATH, BASE, options.limits);
    const [first, second, third] = systemsOf(before).pairs.slice(1, 4);
    const after = reparseLandscapeFile(before, BASE.replace('role: quality', 'role: quality   # edited'), options.limits);
    const pairs = systemsOf(after).pairs;
    assert.equal(pairs[1], first);
    assert.notEqual(pairs[2], second);
    assert.equal(pairs[3], third);
    assert.equal(after.text.slice(pairs[3].key.start, pairs[3].key.end), 'AAC');
  });

  it('takes the full parse for an edit outside the systems and for a new duplicate SID', () => {
    const before = loadLandscapeFile(PATH, BASE, options.limits);
    const renamed = reparseLandscapeFile(before, BASE.replace('landscape: Benchmark 12', 'landscape: Renamed'), options.limits);
    assert.notEqual(systemsOf(renamed).pairs[1], systemsOf(before).pairs[1]);
    const duplicate = reparseLandscapeFile(loadLandscapeFile(PATH, BASE, options.limits), BASE.replace('  AAB:', '  AAC:'), options.limits);
    assert.match(duplicate.tree.problems[0]?.message ?? '', /Duplicate key "AAC"/);
  });
});
