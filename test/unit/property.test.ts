import { strict as assert } from 'assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { resolveOptions } from '../../src/core/config/options';
import { checkLandscapes } from '../../src/core/engine';
import type { Finding } from '../../src/core/findings';
import { applyEdits, trailingComment } from '../../src/core/landscape/edits';
import { parseSourceTree } from '../../src/core/landscape/parseTree';
import { plainValue, writtenText, type SourceNode } from '../../src/core/landscape/sourceTree';
import { RULES } from '../../src/core/rules/registry';

const options = resolveOptions(RULES, { now: '2026-11-23' });
const EXAMPLE = readFileSync(path.resolve(__dirname, '../../../examples/not-ready/legacy.landscape.yaml'), 'utf8');

/** Values that exercise the rules: valid ones, near misses, wrong types, hostile text. */
const scalar = fc.oneof(
  fc.constantFrom('abap', 'solman', 'focused-run', 'java', 'hana', 'direct', 'solman', 'none', 'deactivated', 'active', 'technical', 's-user'),
  fc.constantFrom('"00"', '00', '010', '"100"', '7.2', '"7.10"', '2.0', '3', '"3"', 'H', 'G', '443', '8443', 'true', 'false', '~', '""'),
  fc.constantFrom('2026-11-10', '2020-06-01', '2026-02-30', '2026-11-20T08:00:00Z', 'tomorrow', '/H/oss001', '/H/sapserv3/S/sapdp99', '/h/x/s/99/W/secret', '"<img src=x onerror=alert(1)>"', '"</script>"', "'a: b'", '"#not a comment"'),
  fc.integer({ min: -5, max: 70000 }).map(String),
);
const key = fc.constantFrom(
  'product', 'release', 'sps', 'host', 'instance', 'client', 'supportConnection', 'solman', 'focusedRun', 'communicationUser', 'role',
  'type', 'target', 'port', 'user', 'status', 'deactivatedOn', 'expires', 'secret', 'password', 'kind', 'until', 'from', 'sp', 'unknownKey',
  // The same names with quotes and escapes: a fix must find them, not add them a second time.
  '"st\\x61tus"', "'host'", '"\\x68ost"', '"port"', "'deactivatedOn'",
);
/** A block scalar as the last value of a mapping whose keys sit at `indent`, sometimes with a blank line after it. */
const blockScalar = (indent: number) =>
  fc
    .tuple(fc.constantFrom('|', '>-', '|+', '>  # folded'), fc.constantFrom('sapserv3', 'two words', 'a: b'), fc.boolean())
    .map(([header, text, blank]) => `${header}\n${' '.repeat(indent + 2)}${text}\n${' '.repeat(indent + 2)}more${blank ? '\n' : ''}`);
const sid = fc.constantFrom('PRD', 'QAS', 'SM1', 'FR1', 'DEV', 'X1', 'prd');
const destination = fc.constantFrom('SAPOSS', 'SDCC_OSS', 'SAPNET_RFC', 'SAP-SUPPORT_PORTAL', 'SAP-SUPPORT_PARCELBOX', 'SAP-SUPPORT_NOTE_DOWNLOAD', 'SM_PRDCLNT100_BACK', 'OTHER');
const comment = fc.option(fc.constantFrom('# keep me', '# sapready-disable-next-line legacy-rfc-destination', '# note 2923799'), { nil: undefined });

const flowMap = fc.array(fc.tuple(key, scalar), { maxLength: 5 }).map((pairs) => `{ ${pairs.map(([name, value]) => `${name}: ${value}`).join(', ')} }`);
const systemBlock = fc
  .record({
    sid,
    fields: fc.array(fc.tuple(key, fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: blockScalar(4) }), comment), { maxLength: 8 }),
    destinations: fc.array(fc.tuple(destination, flowMap, comment, fc.option(fc.tuple(fc.constantFrom('description', 'host', 'target'), blockScalar(8)), { nil: undefined })), { maxLength: 4 }),
    components: fc.array(fc.tuple(fc.constantFrom('SAP_BASIS', 'ST-PI', 'ST-A/PI'), fc.constantFrom('"740"', '"754"', '"2008_1_700"', '"01T_731"', '"01V_731"', '740'), fc.integer({ min: 0, max: 30 })), { maxLength: 3 }),
    services: fc.array(fc.tuple(fc.constantFrom('r3-support', 'ssh', 'r3-suport', 'hana'), flowMap), { maxLength: 2 }),
    logon: fc.array(flowMap, { maxLength: 2 }),
    /** `logonData: [user: x, ...]`: every item a mapping of one pair, written without braces. */
    logonPairs: fc.array(fc.tuple(fc.constantFrom('user', 'client', 'expires'), scalar), { maxLength: 2 }),
    blockDestinations: fc.boolean(),
  })
  .map((system) => {
    const lines = [`  ${system.sid}:`, '    product: abap'];
    // A comment after a block scalar's text would be part of it.
    for (const [name, value, note] of system.fields) lines.push(`    ${name}: ${value}${note && !value.includes('\n') ? `   ${note}` : ''}`);
    if (system.components.length > 0) lines.push('    components:', ...system.components.map(([name, release, sp]) => `      ${name}: { release: ${release}, sp: ${sp} }`));
    if (system.destinations.length > 0) {
      lines.push('    rfcDestinations:');
      for (const [name, map, note, last] of system.destinations) {
        if (system.blockDestinations) {
          lines.push(`      ${name}:${note ? `   ${note}` : ''}`);
          const body = map.slice(2, -2).split(', ').filter(Boolean);
          lines.push(...(body.length > 0 ? body.map((pair) => `        ${pair}`) : ['        type: "3"']));
          if (last) lines.push(`        ${last[0]}: ${last[1]}`);
        } else lines.push(`      ${name}: ${map}${note ? `   ${note}` : ''}`);
      }
    }
    if (system.services.length > 0) lines.push('    serviceConnections:', ...system.services.map(([name, map]) => `      ${name}: ${map}`));
    if (system.logon.length > 0) lines.push('    logonData:', ...system.logon.map((map) => `      - ${map}`));
    else if (system.logonPairs.length > 0) lines.push(`    logonData: [${system.logonPairs.map(([name, value]) => `${name}: ${value}`).join(', ')}]`);
    return lines.join('\n');
  });
const landscape = fc
  .record({ partner: fc.boolean(), user: fc.constantFrom('technical', 's-user'), systems: fc.array(systemBlock, { maxLength: 4 }), header: comment })
  .map(({ partner, user, systems, header }) =>
    [header ?? '# generated', 'landscape: Generated', `partner: ${partner}`, 'users:', `  S0000000001: { kind: ${user} }`, 'systems:', ...(systems.length > 0 ? systems : ['  {}'])].join('\n') + '\n',
  );

/** A valid example with a line deleted, duplicated, or a character changed: broken in realistic ways. */
const mutatedExample = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('delete-line', 'duplicate-line', 'replace-char', 'insert-char'), fc.constantFrom(':', ' ', '{', '}', '[', '"', "'", '#', '\n', '&a', '*a', '-', '\t', 'x')).map(
  ([lineSeed, charSeed, mutation, character]) => {
    const lines = EXAMPLE.split('\n');
    const line = lineSeed % lines.length;
    if (mutation === 'delete-line') lines.splice(line, 1);
    else if (mutation === 'duplicate-line') lines.splice(line, 0, lines[line]);
    else {
      const text = lines[line];
      const at = text.length === 0 ? 0 : charSeed % text.length;
      lines[line] = text.slice(0, at) + character + text.slice(mutation === 'replace-char' ? at + 1 : at);
    }
    return lines.join('\n');
  },
);

function check(text: string): Finding[] {
  return checkLandscapes([{ path: 'generated.landscape.yaml', text }], options).findings;
}

function assertWellFormed(text: string, findings: Finding[]): void {
  for (const finding of findings) {
    assert.ok(finding.span.start >= 0 && finding.span.start <= finding.span.end && finding.span.end <= text.length, `span out of the file: ${JSON.stringify(finding)}`);
    assert.ok(finding.ruleId && finding.message, 'finding without rule id or message');
    for (const related of finding.related) assert.ok(related.span.end <= text.length && related.span.start >= 0);
    for (const fix of finding.fixes) for (const edit of fix.edits) assert.ok(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length, `edit out of the file: ${fix.title}`);
  }
}

/** Every key path of a parsed text with the value found there (collections as markers), by path. */
function keyPaths(text: string): Map<string, string> {
  const paths = new Map<string, string>();
  const walk = (node: unknown, path: string[]): void => {
    if (node !== null && typeof node === 'object') {
      paths.set(JSON.stringify(path), Array.isArray(node) ? '[]' : '{}');
      for (const [name, value] of Object.entries(node)) walk(value, [...path, name]);
    } else paths.set(JSON.stringify(path), JSON.stringify(node));
  };
  walk(plainValue(parseSourceTree(text).root!), []);
  return paths;
}

/** Every scalar of a parsed text by key path, with its value and where it is written. */
function scalarsOf(text: string): Array<{ path: string; value: string; start: number; end: number }> {
  const found: Array<{ path: string; value: string; start: number; end: number }> = [];
  const walk = (node: SourceNode, path: string[]): void => {
    if (node.kind === 'scalar') found.push({ path: JSON.stringify(path), value: JSON.stringify(node.value), start: node.start, end: node.end });
    else if (node.kind === 'seq') node.items.forEach((item, index) => walk(item, [...path, String(index)]));
    else for (const pair of node.pairs) walk(pair.value, [...path, writtenText(pair.key)]);
  };
  const root = parseSourceTree(text).root;
  if (root) walk(root, []);
  return found;
}

/** The key a fix that sets values means to change, as the end of its path, read from its title. */
function intendedKey(title: string): string[] | undefined {
  const set = /^Set (\w+) to /.exec(title);
  if (set) return [set[1]];
  const deactivated = /^Record (\S+) as deactivated/.exec(title);
  if (deactivated) return [deactivated[1], 'status'];
  if (title.startsWith('Record deactivatedOn')) return ['deactivatedOn'];
  if (title.startsWith('Let it expire')) return ['expires'];
  if (title.startsWith('Mark signed-note handling')) return ['digitallySignedNotes'];
  const added = /^Add (\S+)$/.exec(title);
  return added ? [added[1]] : undefined;
}

const comments = (text: string): string[] => text.split(/\r?\n/).map((line) => trailingComment(line)).filter((found): found is string => found !== undefined).sort();

describe('properties of the engine', () => {
  it('never throws, keeps every range inside its file and is deterministic, on generated landscapes', () => {
    fc.assert(
      fc.property(landscape, (text) => {
        const findings = check(text);
        assertWellFormed(text, findings);
        assert.deepEqual(check(text), findings);
      }),
      { numRuns: 300 },
    );
  }).timeout(120_000);

  it('never throws and keeps ranges inside the file on broken variants of a real landscape', () => {
    fc.assert(
      fc.property(mutatedExample, (text) => {
        assertWellFormed(text, check(text));
      }),
      { numRuns: 400 },
    );
  }).timeout(120_000);

  it('applying any offered fix leaves parseable YAML and keeps every comment', () => {
    fc.assert(
      fc.property(fc.oneof(landscape, mutatedExample), (text) => {
        if (parseSourceTree(text).problems.length > 0) return; // fixes are offered on parseable files only
        const before = comments(text);
        for (const finding of check(text)) {
          for (const fix of finding.fixes) {
            const fixed = applyEdits(text, fix.edits);
            assert.deepEqual(parseSourceTree(fixed).problems, [], `fix "${fix.title}" broke the YAML:\n${fixed}`);
            const after = comments(fixed);
            for (const kept of before) assert.ok(after.includes(kept), `fix "${fix.title}" dropped the comment ${kept}:\n${fixed}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  }).timeout(120_000);

  it('a fix that sets values loses no key, changes the key it names and no other value, also after block scalars, escaped keys and flow pairs', () => {
    fc.assert(
      fc.property(landscape, (text) => {
        if (parseSourceTree(text).problems.length > 0) return;
        const before = keyPaths(text);
        for (const finding of check(text)) {
          for (const fix of finding.fixes) {
            const intended = intendedKey(fix.title);
            if (!intended) continue; // renames and removals take keys away on purpose
            const fixed = applyEdits(text, fix.edits);
            assert.deepEqual(parseSourceTree(fixed).problems, [], `fix "${fix.title}" broke the YAML:\n${fixed}`);
            const after = keyPaths(fixed);
            // A key under a value the fix replaced by a scalar goes with it.
            const replaced = (path: string[]): boolean => path.some((_, length) => !['{}', '[]'].includes(after.get(JSON.stringify(path.slice(0, length))) ?? '{}'));
            for (const path of before.keys()) assert.ok(after.has(path) || replaced(JSON.parse(path) as string[]), `fix "${fix.title}" lost ${path}:\n${fixed}`);
            // Every other scalar keeps its value (a |+ block scalar keeps its trailing blank lines).
            const touched = (node: { start: number; end: number }): boolean =>
              fix.edits.some((edit) => (edit.start === edit.end ? edit.start > node.start && edit.start < node.end : edit.start < node.end && edit.end > node.start));
            for (const scalar of scalarsOf(text)) {
              if (!touched(scalar) && after.has(scalar.path)) assert.equal(after.get(scalar.path), scalar.value, `fix "${fix.title}" changed ${scalar.path}:\n${fixed}`);
            }
            const changed = [...after].filter(([path, value]) => before.get(path) !== value).map(([path]) => JSON.parse(path) as string[]);
            assert.ok(changed.some((path) => intended.every((name, at) => path[path.length - intended.length + at] === name)), `fix "${fix.title}" did not change ${intended.join('.')}:\n${fixed}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  }).timeout(120_000);
});
