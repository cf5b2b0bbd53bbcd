import { strict as assert } from 'assert';
import fc from 'fast-check';
import { resolveOptions } from '../../../src/core/config/options';
import { loadLandscapeFile } from '../../../src/core/landscape/file';
import { RULES } from '../../../src/core/rules/registry';
import { exportedSystems, landscapeYaml, readSapLogonText, resolveLandscape, sapUiLandscapeXml, type LogonSystem } from '../../../src/core/saplogon';
import { checkLandscapes } from '../../../src/core/engine';

const options = resolveOptions(RULES, { now: '2026-11-23' });

const sidArbitrary = fc.stringMatching(/^[A-Z][A-Z0-9]{2}$/);
const text = fc.string({ unit: 'binary', maxLength: 30 });
const host = fc.oneof(fc.domain(), fc.ipV4(), fc.ipV6());
const twoDigits = fc.integer({ min: 0, max: 99 }).map((value) => String(value).padStart(2, '0'));
const system = fc.record({
  description: fc.option(text, { nil: undefined }),
  server: fc.option(fc.record({ host, instance: fc.option(twoDigits, { nil: undefined }) }), { nil: undefined }),
  messageServer: fc.option(
    fc.record({ host, port: fc.option(fc.oneof(twoDigits.map((nn) => `36${nn}`), sidArbitrary.map((sid) => `sapms${sid}`)), { nil: undefined }), group: fc.constantFrom('PUBLIC', 'SPACE', 'FIN & CO', 'grp<1>') }),
    { nil: undefined },
  ),
  accessRoute: fc.option(fc.domain().map((router) => `/H/${router}/S/3299`), { nil: undefined }),
  sncName: fc.option(fc.string({ minLength: 1, maxLength: 30 }).map((name) => `p:CN=${name}, O="ACME & Co", C=DE`), { nil: undefined }),
  clients: fc.dictionary(fc.integer({ min: 0, max: 999 }).map((value) => String(value).padStart(3, '0')), fc.option(fc.stringMatching(/^[A-Z]{2}$/), { nil: undefined }), { maxKeys: 3 }),
});

/** Landscapes as the import writes them: every connection field SAP Logon can carry. */
const landscape = fc.record({
  name: fc.string({ minLength: 1, maxLength: 20 }).filter((name) => name.trim() !== '' && name.trim() !== 'Local'),
  systems: fc.uniqueArray(fc.tuple(sidArbitrary, system), { selector: ([sid]) => sid, minLength: 1, maxLength: 6 }),
}).map(({ name, systems }) => ({
  name,
  systems: systems
    .filter(([, data]) => data.server || data.messageServer)
    .map(
      ([sid, data]): LogonSystem => ({
        sid,
        description: data.description,
        host: data.server?.host,
        instance: data.server?.instance,
        messageServer: data.messageServer?.host,
        messageServerPort: data.messageServer?.port,
        logonGroup: data.messageServer?.group,
        accessRoute: data.accessRoute,
        sncName: data.sncName,
        clients: new Map(Object.entries(data.clients).map(([client, language]) => [client, { language }])),
        entries: [],
      }),
    ),
}))
  .filter((generated) => generated.systems.length > 0);

function connectionData(system: LogonSystem) {
  return {
    sid: system.sid,
    host: system.host,
    instance: system.instance,
    messageServer: system.messageServer,
    messageServerPort: system.messageServerPort,
    logonGroup: system.logonGroup,
    accessRoute: system.accessRoute,
    sncName: system.sncName,
    clients: [...system.clients].sort(([a], [b]) => a.localeCompare(b)).map(([client, { language }]) => `${client}:${language ?? ''}`),
  };
}

describe('SAP Logon round trip: import(export(landscape))', () => {
  it('keeps the connection data of every system, through the YAML writer, the landscape parser, the XML writer and the XML reader', () => {
    fc.assert(
      fc.property(landscape, ({ name, systems }) => {
        const yaml = landscapeYaml(systems, { sources: ['generated'], today: '2026-11-23', landscape: name });
        const file = loadLandscapeFile('generated.landscape.yaml', yaml, options.limits);
        assert.deepEqual(file.tree.problems, []);
        const xml = sapUiLandscapeXml([{ name, systems: exportedSystems(file.model!) }], 'sapready test');
        const imported = resolveLandscape([readSapLogonText(xml, 'SAPUILandscape.xml')]);
        // SAP Logon cannot hold a host without its instance number: the import says so, for exactly those systems.
        const withoutInstance = systems.filter((system) => system.host && !system.instance).map((system) => `${system.sid} ${system.host}`);
        assert.deepEqual(imported.warnings.map((warning) => warning.entry).sort(), withoutInstance.sort());
        assert.equal(imported.workspace, name);
        const byName = (a: { sid: string }, b: { sid: string }) => a.sid.localeCompare(b.sid);
        assert.deepEqual(imported.systems.map(connectionData).sort(byName), systems.map(connectionData).sort(byName));
      }),
      { numRuns: 150 },
    );
  });

  it('writes landscapes that the check accepts without yaml-syntax or schema findings', () => {
    fc.assert(
      fc.property(landscape, ({ name, systems }) => {
        const yaml = landscapeYaml(systems, { sources: ['generated'], today: '2026-11-23', landscape: name });
        const { findings } = checkLandscapes([{ path: 'generated.landscape.yaml', text: yaml }], options);
        assert.deepEqual(findings.filter((finding) => finding.ruleId === 'schema' || finding.ruleId === 'yaml-syntax').map((finding) => finding.message), []);
      }),
      { numRuns: 100 },
    );
  });

  it('derives the same uuids on every export, and different ones for another landscape', () => {
    const systems = [{ sid: 'PRD', host: 'prd.example', instance: '00', clients: new Map([['100', { language: 'EN' }]]), entries: [], group: 'production' }];
    const first = sapUiLandscapeXml([{ name: 'ACME', systems }], 'sapready test');
    assert.equal(sapUiLandscapeXml([{ name: 'ACME', systems }], 'sapready test'), first);
    const uuids = (xml: string) => [...xml.matchAll(/uuid="([^"]+)"/g)].map((match) => match[1]);
    // workspace, node, two services (connection and shortcut), an item for each
    assert.equal(uuids(first).length, 6);
    for (const uuid of uuids(first)) assert.match(uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const other = uuids(sapUiLandscapeXml([{ name: 'ACME test', systems }], 'sapready test'));
    assert.deepEqual(other.filter((uuid) => uuids(first).includes(uuid)), []);
  });
});
