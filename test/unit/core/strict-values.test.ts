import { strict as assert } from 'assert';
import { DEFAULT_FILE_LIMITS } from '../../../src/core/config/options';
import { isRefusal, planConnection } from '../../../src/core/connect';
import { parseDay } from '../../../src/core/dates';
import { loadLandscapeFile } from '../../../src/core/landscape/file';
import { check } from '../../helpers';

// #13 item 9: the schema, the rules and the launch plans read dates and ports with one reader,
// so none of them takes a value another refuses. Each value below is one on which ajv-formats'
// readings (or JavaScript's Number()) and ours used to differ, or a calendar edge.

function landscape(connection: string, extra: string[] = []): string {
  return [
    'landscape: Unit',
    'systems:',
    '  DEV:',
    '    product: abap',
    '    client: "100"',
    '    instance: "01"',
    '    host: dev-ci.acme.example',
    ...extra,
    '    serviceConnections:',
    `      ssh: { ${connection} }`,
    '',
  ].join('\n');
}

/** Schema findings on the given one-based line of the text. */
function schemaRefuses(text: string, line: number): boolean {
  return check(text, { rules: ['schema'] }).some((finding) => finding.range.start.line + 1 === line);
}

function plan(text: string, now: number): ReturnType<typeof planConnection> {
  const file = loadLandscapeFile('unit.landscape.yaml', text, DEFAULT_FILE_LIMITS);
  assert.ok(file.model, text);
  return planConnection(file.model.systems[0], 'ssh', file.model, {}, now);
}

describe('one reader for dates and ports (schema, rules, launch plans)', () => {
  it('date-times: the schema refuses exactly what a launch plan cannot read', () => {
    const values = [
      '2026-11-27T18:00:00Z', '2026-11-27t18:00:00z', '2026-11-27T18:00:00.250Z', '"2026-11-27 18:00:00Z"',
      '2026-11-27T18:00:00+01:00', '2026-11-27T18:00:00-0530', '2026-11-27T18:00:00+01', '2026-11-27T18:00Z',
      '2026-11-27T18:00:00', '2026-11-27T24:00:00Z', '2026-11-27T18:60:00Z', '2026-12-31T23:59:60Z', '2026-11-27T18:00:00+24:00',
      '2028-02-29T18:00:00Z', '2027-02-29T18:00:00Z', '2026-02-31T18:00:00Z', '2100-02-29T18:00:00Z', '2400-02-29T18:00:00Z',
    ];
    const now = Date.parse('2026-01-02T00:00:00Z');
    const disagreements = values.filter((until) => {
      const text = landscape(`window: { from: 2026-01-01T00:00:00Z, until: ${until} }`);
      const result = plan(text, now);
      const unreadable = isRefusal(result) && /is not a pair of ISO date-times/.test(result.reason);
      return schemaRefuses(text, 9) !== unreadable;
    });
    assert.deepEqual(disagreements, []);
  });

  it('dates: the schema refuses exactly what the rules cannot read (leap years, 2026-02-31)', () => {
    const values = ['2026-12-01', '2026-02-29', '2028-02-29', '2000-02-29', '2100-02-29', '2026-02-31', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-05', '"2026-12-01 "'];
    const disagreements = values.filter((expires) => {
      const text = landscape('host: x', ['    logonData:', `      - { user: SAPSUPPORT, client: "100", expires: ${expires}, secret: DEV/SAPSUPPORT }`]);
      const written = expires.startsWith('"') ? (JSON.parse(expires) as string) : expires;
      return schemaRefuses(text, 9) !== (parseDay(written) === undefined);
    });
    assert.deepEqual(disagreements, []);
  });

  it('ports: the schema refuses exactly what a launch plan refuses ("0x50", "8e3", " 80 ", quoted digits)', () => {
    const values = ['22', '0x50', '0o120', '8e3', '65535', '"22"', '"0x50"', '"8e3"', '" 80 "', '0', '65536', '-1', '22.5', '""'];
    const now = Date.parse('2026-01-02T00:00:00Z');
    const disagreements = values.filter((port) => {
      const text = landscape(`window: { from: 2026-01-01T00:00:00Z, until: 2026-01-03T00:00:00Z }, port: ${port}`);
      const result = plan(text, now);
      const refused = isRefusal(result) && /is not a port/.test(result.reason);
      return schemaRefuses(text, 9) !== refused;
    });
    assert.deepEqual(disagreements, []);
  });
});
