import { strict as assert } from 'assert';
import fc from 'fast-check';
import { generateLandscape } from '../../../bench/generate';
import { resolveOptions } from '../../../src/core/config/options';
import { RuleCache, runRules } from '../../../src/core/engine';
import type { Finding } from '../../../src/core/findings';
import { loadLandscapeFile, type LandscapeFile } from '../../../src/core/landscape/file';
import { reparseLandscapeFile } from '../../../src/core/landscape/reparse';
import type { MapNode } from '../../../src/core/landscape/sourceTree';
import { dumpTree } from '../../helpers';
import { RULES } from '../../../src/core/rules/registry';

const options = resolveOptions(RULES, { now: '2026-11-23' });
const PATH = 'edited.landscape.yaml';
/**
 * AAB without destinations, so that its key line carries findings for a directive above it to
 * silence, and with a technical user, so that none of its findings points elsewhere: they are cached.
 */
const withoutDestinationsOfAAB = (text: string): string =>
  text.replace(/(\n  AAB:\n(?: {4}.*\n)*?) {4}rfcDestinations:\n(?: {6}.*\n)*/, '$1').replace(/(\n  AAB:\n(?: {4}.*\n)*? {4}communicationUser: )S0000000002/, '$1S0000000001');
const BASE = withoutDestinationsOfAAB(generateLandscape(12)).replace('  # AAB: system 2 of 12', '  # sapready-disable-next-line missing-backbone-destination');
const USERS = /\nusers:\n(?: {2}.*\n)*/;
/** AAC and AAL with an S-user, whose findings point at its declaration; they are cached too. */
const S_USERS = BASE.replace(/(\n {2}AAC:\n(?: {4}.*\n)*? {4}communicationUser: )S0000000001/, '$1S0000000002').replace(/(\n {2}AAL:\n(?: {4}.*\n)*? {4}communicationUser: )S0000000001/, '$1S0000000002');
/** The users after the systems: an edit in a system then moves the declaration those findings point at. */
const USERS_LAST = ((users: string) => `${S_USERS.replace(users, '\n')}${users.slice(1)}`)(USERS.exec(S_USERS)![0]);

const systemsOf = (file: LandscapeFile): MapNode => (file.tree.root as MapNode).entries.get('systems')!.value as MapNode;

type Edit = { line: number; column: number; kind: 'insert' | 'delete' | 'replace-line' | 'delete-line' | 'duplicate-line' | 'join-line' | 'indent' | 'dedent'; token: string };
const edit = fc.record({
  line: fc.nat(),
  column: fc.nat(),
  // Joining a line to the one before it is a backspace at a line's start; indenting and dedenting move a line's key in or out of its mapping.
  kind: fc.constantFrom('insert', 'delete', 'replace-line', 'delete-line', 'duplicate-line', 'join-line', 'indent', 'dedent'),
  token: fc.constantFrom('x', ' ', ':', '"', '#', '{', '}', '\n', '  ', '8', 'SAPOSS: { type: "3" }', '    sps: 7', '    product: solman', '  NEW:', '&a', '*a', 'status: deactivated', '# sapready-disable schema', '    password: Init1234', '/W/pw', 'target: /h/host/s/99', '    rfcDestinations: { R: { type: "3", target: /x/y } }',
    // Shapes whose ranges a block read alone could get wrong: a block scalar, an escaped key, a pair in a flow sequence.
    '    description: |', '    note: >-  # folded', '      text of it', '    "st\\x61tus": x', '    tags: [a: b, c]',
    // What fuzzing found wrong once: a comment typed into a value, a CRLF in an LF file, an empty key.
    ' #', '\r\n', ': x',
    // Indicators a typist passes through: a sequence item, a document marker, a tab, a single quote, a block scalar header, a key of its own, an SID that may exist already.
    '- ', '---', '\t', "'", '|', '>', '? ', '!!str ', '  AAB:', '  AAC: { product: abap }', '  aab:'),
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
  else if (change.kind === 'join-line') {
    if (line > 0) lines.splice(line - 1, 2, lines[line - 1] + current);
  }
  else if (change.kind === 'indent') lines[line] = `  ${current}`;
  else if (change.kind === 'dedent') lines[line] = current.replace(/^ {1,2}/, '');
  else lines.splice(line, 0, current);
  return lines.join('\n');
}

describe('incremental re-check while typing', () => {
  it('gives exactly the findings and tree (node ranges included) of a full parse and check, over any sequence of edits', () => {
    fc.assert(
      // The last base has no final line break: there the last system's block ends where the text does.
      fc.property(fc.constantFrom(BASE, S_USERS, USERS_LAST, BASE.slice(0, -1)), fc.array(edit, { minLength: 1, maxLength: 6 }), (base, edits) => {
        const cache = new RuleCache();
        let file = loadLandscapeFile(PATH, base, options.limits);
        runRules([file], options, RULES, cache);
        let text = base;
        for (const change of edits) {
          text = applyEdit(text, change);
          file = reparseLandscapeFile(file, text, options.limits);
          const incremental = runRules([file], options, RULES, cache);
          const full = loadLandscapeFile(PATH, text, options.limits);
          assert.deepEqual(dumpTree(file.tree), dumpTree(full.tree));
          assert.deepEqual(incremental, runRules([full], options));
        }
      }),
      { numRuns: 120 },
    );
  }).timeout(120_000);

  it('reports an empty system whose place an empty key after it shares, as a full check does (fast-check seed 6074)', () => {
    const before = 'landscape: Odd\nsystems:\n  AAA:\n    product: abap\n  1:\n  # between\n    product: abap\n';
    const after = before.replace('  # between\n', '  : # between\n');
    const cache = new RuleCache();
    runRules([loadLandscapeFile(PATH, before, options.limits)], options, RULES, cache);
    const incremental = runRules([loadLandscapeFile(PATH, after, options.limits)], options, RULES, cache);
    const full = runRules([loadLandscapeFile(PATH, after, options.limits)], options);
    assert.deepEqual(incremental, full);
    assert.ok(full.some((finding) => finding.ruleId === 'schema' && finding.message.startsWith('"1" must be a mapping, not empty')));
  });

  it('keeps findings that point at a declaration elsewhere, moved with it, and checks them again when it was parsed again', () => {
    assert.ok(USERS_LAST.endsWith('  S0000000002: { kind: s-user, description: a personal S-user }\n') && !USERS_LAST.includes('\n\n'));
    assert.equal(S_USERS.match(/communicationUser: S0000000002/g)?.length, 2);
    const cache = new RuleCache();
    const users = (text: string): LandscapeFile => loadLandscapeFile('users.landscape.yaml', text, options.limits);
    const usersText = 'landscape: Benchmark 12\nusers:\n  S0000000002: { kind: s-user }\n';
    let systems = loadLandscapeFile(PATH, S_USERS.replace(USERS, '\n'), options.limits);
    const texts = [usersText, usersText, `# moved\n${usersText}`, `# moved\n${usersText}`];
    const sUserFindings = (findings: Finding[]): Finding[] => findings.filter((finding) => finding.related.length > 0);
    texts.forEach((usersNow, step) => {
      // Step 1 edits a system, which must keep the cached findings of the others; steps 2 and 3 move the user in its own file.
      if (step === 1) systems = reparseLandscapeFile(systems, systems.text.replace('role: quality', 'role: quality # edited'), options.limits);
      const files = [systems, users(usersNow)];
      const incremental = runRules(files, options, RULES, cache);
      assert.notEqual(sUserFindings(incremental).length, 0);
      assert.deepEqual(incremental, runRules(files, options), `step ${step}`);
      assert.equal(sUserFindings(incremental)[0].related[0].range.start.line, step < 2 ? 2 : 3);
    });
  });

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

  it('checks a system again when a directive above its key, in the previous system\'s lines, changes', () => {
    const text = withoutDestinationsOfAAB(generateLandscape(3));
    const cache = new RuleCache();
    const before = loadLandscapeFile(PATH, text, options.limits);
    const keyLineFindings = (findings: Finding[]): Finding[] => findings.filter((finding) => finding.ruleId === 'missing-backbone-destination' && finding.sid === 'AAB');
    assert.notEqual(keyLineFindings(runRules([before], options, RULES, cache)).length, 0);
    const aab = systemsOf(before).pairs[2];
    const silenced = text.replace('  # AAB: system 2 of 3', '  # sapready-disable-next-line missing-backbone-destination');
    const after = reparseLandscapeFile(before, silenced, options.limits);
    assert.equal(systemsOf(after).pairs[2], aab, 'AAB was not parsed again');
    const incremental = runRules([after], options, RULES, cache);
    assert.deepEqual(keyLineFindings(incremental), []);
    assert.deepEqual(incremental, runRules([loadLandscapeFile(PATH, silenced, options.limits)], options));
  });

  it('checks a managed system again when its relay in another file changes how it reaches SAP, or its landscape', () => {
    const cache = new RuleCache();
    const managed = loadLandscapeFile('bw.landscape.yaml', 'landscape: A\nsystems:\n  BWP: { product: abap, supportConnection: focused-run, focusedRun: FRN }\n', options.limits);
    const relay = (text: string): LandscapeFile => loadLandscapeFile('frn.landscape.yaml', text, options.limits);
    const routeFindings = (files: LandscapeFile[]): string[] => runRules(files, options, RULES, cache).filter((finding) => finding.ruleId === 'support-route').map((finding) => finding.message);
    assert.deepEqual(routeFindings([managed, relay('landscape: A\nsystems:\n  FRN: { product: focused-run, release: "4.0", supportConnection: direct }\n')]), []);
    assert.match(routeFindings([managed, relay('landscape: A\nsystems:\n  FRN: { product: focused-run, release: "4.0", supportConnection: none }\n')])[0], /reaches nobody/);
    assert.deepEqual(routeFindings([managed, relay('landscape: A\nsystems:\n  FRN: { product: focused-run, release: "4.0", supportConnection: direct }\n')]), []);
  });

  it('gives the tree of a full parse where a block alone would read differently', () => {
    const limits = { ...options.limits, maxDepth: 5 };
    const cases: [string, string, string, typeof limits?][] = [
      // (a) A document end marker that closes the block closes the file's document there.
      ['document end', BASE, BASE.replace('  # AAC: system 3 of 12\n', '...\n  # AAC: system 3 of 12\n')],
      // (b) Merged entries' nodes, in the edited system or after it, must move with the text too.
      ['merge in the edited system', BASE, BASE.replace('    role: quality\n', '    role: quality\n    <<: { description: merged }\n')],
      ['merge after the edit', BASE.replace('    role: development\n', '    role: development\n    <<: { description: merged }\n'), BASE.replace('    role: development\n', '    role: development\n    <<: { description: merged }\n').replace('role: quality', 'role: quality # edited')],
      // (d) The block's mapping is a level below the file's: nesting one level too deep is refused.
      ['nesting', 'systems:\n  AAA:\n    a: 1\n', 'systems:\n  AAA:\n    a:\n      b:\n        c: 1\n', limits],
      // (f) A pair in a flow sequence is a mapping without brackets: it must not reach for a later one.
      ['flow pair', BASE.replace('    role: quality\n', '    role: quality\n    tags: [a: b]\n'), BASE.replace('    role: quality\n', '    role: quality # edited\n    tags: [a: b]\n')],
      // (e) Comment lines after the last system belong to its block but not to any node.
      ['trailing comment', 'systems:\n  AAA:\n    product: abap\n  # note\n', 'systems:\n  AAA:\n    product: abap\n  # a longer note\n'],
    ];
    for (const [name, before, after, given = options.limits] of cases) {
      const full = loadLandscapeFile(PATH, after, given);
      assert.deepEqual(dumpTree(reparseLandscapeFile(loadLandscapeFile(PATH, before, given), after, given).tree), dumpTree(full.tree), name);
    }
    assert.equal(loadLandscapeFile(PATH, 'systems:\n  AAA:\n    a:\n      b:\n        c: 1\n', limits).tree.problems.length, 1, 'the nesting case exceeds the limit');
  });

  it('ends the mappings where a full parse does when a comment is typed into the last line of a file without a final line break', () => {
    // Found by fuzzing the property above: the last system's last node ended at the end of the
    // text, which is also where its block ends, so `systems` and the root were moved by the edit's
    // length instead of ending with the replacement (63 against 56 in the small case).
    const cases: [string, string][] = [
      ['systems:\n  AAA:\n    product: abap\n  AAB:\n    role: production', 'systems:\n  AAA:\n    product: abap\n  AAB:\n    role: produ #ction'],
      [`${BASE}    description: reviewed`, `${BASE}    description: re #viewed`],
    ];
    for (const [before, after] of cases) {
      const cache = new RuleCache();
      const previous = loadLandscapeFile(PATH, before, options.limits);
      runRules([previous], options, RULES, cache);
      const first = systemsOf(previous).pairs[0];
      const file = reparseLandscapeFile(previous, after, options.limits);
      const full = loadLandscapeFile(PATH, after, options.limits);
      assert.equal(systemsOf(file).pairs[0], first, 'only the last system was parsed again');
      assert.deepEqual(dumpTree(file.tree), dumpTree(full.tree), after.slice(-40));
      assert.deepEqual(runRules([file], options, RULES, cache), runRules([full], options));
    }
  });

  it('reads the whole entry before a top-level key written empty (`: x`), whose node sits on the line before it', () => {
    // Found by fuzzing: the empty key's node sits where the node before it ends, so the edited
    // system's block ended a line early and its last line (here `tags`) was lost.
    const before = 'systems:\n  AAA:\n    product: abap\n    description: first\n    tags: [a]\n: x\n';
    const after = before.replace('description: first', 'description: second');
    const full = loadLandscapeFile(PATH, after, options.limits);
    assert.deepEqual(full.tree.problems, []);
    assert.deepEqual(dumpTree(reparseLandscapeFile(loadLandscapeFile(PATH, before, options.limits), after, options.limits).tree), dumpTree(full.tree));
  });

  it('checks everything again when an edit changes the line break that fixes write (LF to CRLF and back)', () => {
    // Found by fuzzing: a CRLF typed into an LF file made the full check's fixes write CRLF, while
    // the cached findings of the other systems kept fixes that write LF.
    // AAA lacks a destination: the fix that adds it writes a line break.
    const lf = withoutDestinationsOfAAB(generateLandscape(3)).replace(/\n {6}SAP-SUPPORT_PORTAL: .*/, '');
    const crlf = lf.replace('  AAB:\n', '  AAB:\r\n');
    for (const [before, after] of [[lf, crlf], [crlf, lf]]) {
      const cache = new RuleCache();
      const previous = loadLandscapeFile(PATH, before, options.limits);
      runRules([previous], options, RULES, cache);
      const file = reparseLandscapeFile(previous, after, options.limits);
      const full = loadLandscapeFile(PATH, after, options.limits);
      assert.equal(file.lines.newline, full.lines.newline);
      const findings = runRules([full], options);
      assert.ok(findings.some((finding) => finding.sid === 'AAA' && finding.fixes.some((fix) => fix.edits.some((edit) => edit.newText.includes(full.lines.newline)))));
      assert.deepEqual(runRules([file], options, RULES, cache), findings);
    }
  });

  it('declines a file that an edit took over the size limit in bytes, not characters', () => {
    const text = 'systems:\n  AAA:\n    product: abap\n    description: x\n';
    const limits = { ...options.limits, maxFileBytes: text.length + 2 };
    const after = reparseLandscapeFile(loadLandscapeFile(PATH, text, limits), text.replace('x', 'ßß'), limits);
    assert.match(after.tree.problems[0]?.message ?? '', /File not checked/);
  });

  it('takes the full parse for an edit outside the systems and for a new duplicate SID', () => {
    const before = loadLandscapeFile(PATH, BASE, options.limits);
    const renamed = reparseLandscapeFile(before, BASE.replace('landscape: Benchmark 12', 'landscape: Renamed'), options.limits);
    assert.notEqual(systemsOf(renamed).pairs[1], systemsOf(before).pairs[1]);
    const duplicate = reparseLandscapeFile(loadLandscapeFile(PATH, BASE, options.limits), BASE.replace('  AAB:', '  AAC:'), options.limits);
    assert.match(duplicate.tree.problems[0]?.message ?? '', /Duplicate key "AAC"/);
    // The edit starts after the key's first character, where the splice would otherwise take it.
    const numbered = BASE.replace('  AAB:', '  1:').replace('  AAC:', '  0C:');
    const sameNumber = reparseLandscapeFile(loadLandscapeFile(PATH, numbered, options.limits), numbered.replace('  0C:', '  01:'), options.limits);
    assert.match(sameNumber.tree.problems[0]?.message ?? '', /Duplicate key "01" \(YAML reads it as the same key as "1"\)/);
    // The model keeps the first, as the full parse does: the finding points at the second.
    const sids = (file: LandscapeFile): string[] => file.model!.systems.map((system) => system.sid);
    assert.deepEqual(sids(sameNumber), sids(loadLandscapeFile(PATH, numbered.replace('  0C:', '  01:'), options.limits)));
    assert.ok(sids(sameNumber).includes('1') && !sids(sameNumber).includes('01'));
    // Text written like a number is another key: "01" beside 1 and 01 is no duplicate.
    const quoted = reparseLandscapeFile(loadLandscapeFile(PATH, numbered.replace('  0C:', '  01:'), options.limits), numbered.replace('  0C:', '  "01":'), options.limits);
    assert.deepEqual(quoted.tree.problems, []);
  });
});
