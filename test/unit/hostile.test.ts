import { strict as assert } from 'assert';
import { resolveOptions } from '../../src/core/config/options';
import { checkLandscapes } from '../../src/core/engine';
import { formatJson } from '../../src/core/report/json';
import { RULES } from '../../src/core/rules/registry';

/**
 * Inputs an attacker or an accident could produce. Each must finish (no hang, no crash) with
 * findings whose positions are right; alias bombs, deep nesting, huge and binary files are
 * covered through the CLI in test/cli/bad-input.test.ts.
 */
const options = resolveOptions(RULES, { now: '2026-11-23' });
const check = (text: string) => checkLandscapes([{ path: 'hostile.landscape.yaml', text }], options);

describe('hostile input', () => {
  it('checks 8,000 systems written on one line of over 300 KB (flow style) and places findings by column', () => {
    const systems = Array.from({ length: 8000 }, (_, index) => `S${String(index).padStart(2, '0').slice(-2).replace(/^(\d)/, 'A$1')}${index}: { product: abap, instance: 1 }`);
    const text = `landscape: one line\nsystems: { ${systems.join(', ')} }\n`;
    assert.ok(text.length > 300_000);
    const { findings } = check(text);
    const instance = findings.find((finding) => finding.ruleId === 'schema' && /"instance" must be text/.test(finding.message));
    assert.ok(instance, 'the unquoted instance number is reported');
    assert.equal(instance.range.start.line, 1);
    assert.equal(text.slice(instance.span.start, instance.span.end), '1');
  }).timeout(120_000);

  it('checks a value of 5 million characters', () => {
    const text = `landscape: long value\nsystems:\n  PRD: { product: abap, supportConnection: none, description: "${'x'.repeat(5_000_000)}", instance: 00 }\n`;
    const { findings } = check(text);
    assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.range.start.line]), [['schema', 2]]);
  });

  it('reports more than 100,000 findings and serialises them', () => {
    const lines = ['landscape: many findings', 'systems:'];
    for (let index = 0; index < 13_000; index++) {
      const sid = `A${(index % 1296).toString(36).toUpperCase().padStart(2, '0')}`;
      lines.push(`  ${sid}${index}:`, '    product: abap', '    instance: 00', '    client: 100', '    supportConnection: solman', '    rfcDestinations:', '      SAPOSS: { type: "3" }', '      SDCC_OSS: { type: "3" }', '    logonData: [{ user: X }]', '    serviceConnections: { bad-type: {} }');
    }
    const { findings } = check(lines.join('\n'));
    assert.ok(findings.length > 100_000, `only ${findings.length} findings`);
    const json = JSON.parse(formatJson({ findings, paths: ['hostile.landscape.yaml'], systemCount: 13_000, rules: RULES, today: '2026-11-23', toolVersion: 'test' }));
    assert.equal(json.findings.length, findings.length);
  }).timeout(120_000);
});
