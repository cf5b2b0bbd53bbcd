import { strict as assert } from 'assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { resolveOptions } from '../../src/core/config/options';
import { checkLandscapes } from '../../src/core/engine';
import type { Finding } from '../../src/core/findings';
import { applyEdits, trailingComment } from '../../src/core/landscape/edits';
import { parseSourceTree } from '../../src/core/landscape/parseTree';
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
);
const sid = fc.constantFrom('PRD', 'QAS', 'SM1', 'FR1', 'DEV', 'X1', 'prd');
const destination = fc.constantFrom('SAPOSS', 'SDCC_OSS', 'SAPNET_RFC', 'SAP-SUPPORT_PORTAL', 'SAP-SUPPORT_PARCELBOX', 'SAP-SUPPORT_NOTE_DOWNLOAD', 'SM_PRDCLNT100_BACK', 'OTHER');
const comment = fc.option(fc.constantFrom('# keep me', '# sapready-disable-next-line legacy-rfc-destination', '# note 2923799'), { nil: undefined });

const flowMap = fc.array(fc.tuple(key, scalar), { maxLength: 5 }).map((pairs) => `{ ${pairs.map(([name, value]) => `${name}: ${value}`).join(', ')} }`);
const systemBlock = fc
  .record({
    sid,
    fields: fc.array(fc.tuple(key, scalar, comment), { maxLength: 8 }),
    destinations: fc.array(fc.tuple(destination, flowMap, comment), { maxLength: 4 }),
    components: fc.array(fc.tuple(fc.constantFrom('SAP_BASIS', 'ST-PI', 'ST-A/PI'), fc.constantFrom('"740"', '"754"', '"2008_1_700"', '"01T_731"', '"01V_731"', '740'), fc.integer({ min: 0, max: 30 })), { maxLength: 3 }),
    services: fc.array(fc.tuple(fc.constantFrom('r3-support', 'ssh', 'r3-suport', 'hana'), flowMap), { maxLength: 2 }),
    logon: fc.array(flowMap, { maxLength: 2 }),
    blockDestinations: fc.boolean(),
  })
  .map((system) => {
    const lines = [`  ${system.sid}:`, '    product: abap'];
    for (const [name, value, note] of system.fields) lines.push(`    ${name}: ${value}${note ? `   ${note}` : ''}`);
    if (system.components.length > 0) lines.push('    components:', ...system.components.map(([name, release, sp]) => `      ${name}: { release: ${release}, sp: ${sp} }`));
    if (system.destinations.length > 0) {
      lines.push('    rfcDestinations:');
      for (const [name, map, note] of system.destinations) {
        if (system.blockDestinations) {
          lines.push(`      ${name}:${note ? `   ${note}` : ''}`);
          const body = map.slice(2, -2).split(', ').filter(Boolean);
          lines.push(...(body.length > 0 ? body.map((pair) => `        ${pair}`) : ['        type: "3"']));
        } else lines.push(`      ${name}: ${map}${note ? `   ${note}` : ''}`);
      }
    }
    if (system.services.length > 0) lines.push('    serviceConnections:', ...system.services.map(([name, map]) => `      ${name}: ${map}`));
    if (system.logon.length > 0) lines.push('    logonData:', ...system.logon.map((map) => `      - ${map}`));
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
});
