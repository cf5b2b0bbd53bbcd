import { strict as assert } from 'assert';
import { READINESS_CHECKS, checkOfRule } from '../../../src/core/report/readiness-model';
import { RULES } from '../../../src/core/rules/registry';
import { yaml } from '../../helpers';
import { build, LANDSCAPE } from './fixtures';

const cellsOf = (model: ReturnType<typeof build>['model'], sid: string): Record<string, string> => {
  const system = model.systems.find((entry) => entry.sid === sid);
  assert.ok(system, `no system ${sid}`);
  return Object.fromEntries(system.cells.map((cell) => [cell.check, cell.state]));
};

describe('readiness model', () => {
  it('counts systems by readiness and findings by severity, and says for which day and options file', () => {
    const { model } = build({ 't.landscape.yaml': LANDSCAPE }, {}, '.sapready.yaml');
    assert.deepEqual(model.summary, { files: 1, systems: 3, ready: 0, warnings: 1, notReady: 2, findings: { error: 3, warning: 2, info: 1 }, bulkSuppressed: 0 });
    assert.equal(model.today, '2026-11-23');
    assert.equal(model.optionsPath, '.sapready.yaml');
    assert.deepEqual(model.systems.map((system) => [system.sid, system.product, system.role, system.readiness]), [
      ['HDB', 'hana', 'production', 'warnings'],
      ['PRD', 'abap', 'production', 'not-ready'],
      ['QAS', 'abap', 'quality', 'not-ready'],
    ]);
  });

  it('maps every rule that concerns readiness to one matrix column, the rest to "other"', () => {
    const named = READINESS_CHECKS.flatMap((check) => check.rules);
    for (const rule of named) assert.ok(RULES.some((candidate) => candidate.id === rule), `no rule ${rule}`);
    assert.equal(checkOfRule('st-a-pi-level'), 'st-pi');
    assert.equal(checkOfRule('unknown-connection-type'), 'service-connections');
    assert.equal(checkOfRule('support-route'), 'other');
    assert.equal(checkOfRule('missing-support-connection'), 'other');
  });

  it('keeps two customers\' PRD apart: one row each, with its own findings and readiness', () => {
    const { model } = build({
      'contoso.landscape.yaml': yaml('landscape: Contoso', 'systems:', '  PRD: { product: abap, supportConnection: none }'),
      'fabrikam.landscape.yaml': yaml('landscape: Fabrikam', 'systems:', '  PRD:', '    product: abap', '    rfcDestinations: { SAPOSS: { type: "3" } }'),
    });
    assert.deepEqual(model.systems.map((system) => [system.sid, system.path, system.readiness]), [
      ['PRD', 'contoso.landscape.yaml', 'ready'],
      ['PRD', 'fabrikam.landscape.yaml', 'not-ready'],
    ]);
    assert.equal(model.summary.systems, 2);
  });

  it('shows n/a, with the reason, for the checks SAP takes care of on a system it operates (RISE with SAP)', () => {
    const { model } = build({ 'r.landscape.yaml': yaml('landscape: RISE', 'systems:', '  S4R: { product: abap, operatedBy: sap, supportConnection: direct, noteAssistant: { used: true } }') });
    assert.deepEqual(cellsOf(model, 'S4R'), {
      backbone: 'n/a', 'technical-user': 'n/a', 'st-pi': 'n/a', snote: 'n/a', 'legacy-rfc': 'n/a', 'logon-data': 'n/a', 'service-connections': 'n/a', other: 'ok',
    });
    const reason = model.systems.find((system) => system.sid === 'S4R')!.cells.find((cell) => cell.check === 'backbone')!.reason;
    assert.equal(reason, 'operated by SAP (operatedBy: sap)');
  });

  it('fills each cell with the worst finding behind it, n/a where the check does not apply', () => {
    const { model } = build({ 't.landscape.yaml': LANDSCAPE });
    assert.deepEqual(cellsOf(model, 'PRD'), {
      backbone: 'ok', 'technical-user': 'ok', 'st-pi': 'ok', snote: 'error', 'legacy-rfc': 'error', 'logon-data': 'ok', 'service-connections': 'n/a', other: 'ok',
    });
    assert.deepEqual(cellsOf(model, 'HDB'), {
      backbone: 'n/a', 'technical-user': 'n/a', 'st-pi': 'n/a', snote: 'n/a', 'legacy-rfc': 'n/a', 'logon-data': 'n/a', 'service-connections': 'warning', other: 'ok',
    });
    assert.equal(cellsOf(model, 'QAS').snote, 'n/a', 'no SNOTE use: n/a');
    const prd = model.systems.find((system) => system.sid === 'PRD')!;
    const legacy = prd.cells.find((cell) => cell.check === 'legacy-rfc')!;
    assert.deepEqual(legacy.findings.map((id) => [model.findings[id].ruleId, model.findings[id].range.start.line + 1]), [
      ['legacy-rfc-destination', 20],
      ['legacy-rfc-removable', 21],
    ]);
    assert.equal(prd.cells.find((cell) => cell.check === 'service-connections')!.reason, 'no service connections');
  });

  it('says "off" for a column whose rules are all disabled', () => {
    const { model } = build({ 't.landscape.yaml': LANDSCAPE }, { rules: { 'note-assistant-signed-notes': 'off', 'note-assistant-procedure': 'off' } });
    assert.equal(cellsOf(model, 'PRD').snote, 'off');
  });

  it('puts legacy destinations on the RFC shutdown timeline with the observation window from the options', () => {
    const { model } = build({ 't.landscape.yaml': LANDSCAPE }, { rules: { 'legacy-rfc-removable': { observationDays: 10 } } });
    assert.deepEqual(
      model.rfcTimeline.map((entry) => [entry.sid, entry.destination, entry.stage, entry.deactivatedOn, entry.removableFrom, entry.range.start.line + 1]),
      [
        ['PRD', 'SAPOSS', 'active', undefined, undefined, 20],
        ['PRD', 'SDCC_OSS', 'removable', '2026-11-01', '2026-11-11', 21],
        ['QAS', 'SAPNET_RTCC', 'watching', '2026-11-20', '2026-11-30', 35],
      ],
    );
  });

  it('finds legacy destinations with the configured names', () => {
    const text = yaml('systems:', '  PRD:', '    product: abap', '    rfcDestinations:', '      MY_OLD_OSS: { type: "3", target: /H/host.example }');
    assert.deepEqual(build({ 'a.landscape.yaml': text }).model.rfcTimeline, []);
    const { model } = build({ 'a.landscape.yaml': text }, { rules: { 'legacy-rfc-destination': { legacyNames: ['MY_OLD_OSS'] } } });
    assert.deepEqual(model.rfcTimeline.map((entry) => [entry.destination, entry.stage]), [['MY_OLD_OSS', 'active']]);
  });

  it('lists logon data expiries and open service connection windows, soonest first', () => {
    const text = yaml(
      'systems:',
      '  PRD:',
      '    product: abap',
      '    serviceConnections:',
      '      r3-support: { window: { from: 2026-11-20T08:00:00Z, until: 2026-11-27T18:00:00Z } }',
      '      ssh: { window: { from: 2026-11-01T08:00:00Z, until: 2026-11-10T18:00:00Z } }',
      '    logonData:',
      '      - { user: A, expires: 2026-11-20 }',
      '      - { user: B, client: "100", expires: 2026-12-20 }',
      '      - { user: C }',
    );
    const { model } = build({ 'a.landscape.yaml': text });
    assert.deepEqual(
      model.expiries.map((entry) => [entry.kind, entry.what, entry.date, entry.daysLeft, entry.state, entry.range.start.line + 1]),
      [
        ['logon-data', 'user C', undefined, undefined, 'missing', 10],
        ['logon-data', 'user A', '2026-11-20', -3, 'expired', 8],
        ['service-connection', 'r3-support', '2026-11-27T18:00:00Z', 4, 'soon', 5],
        ['logon-data', 'user B, client 100', '2026-12-20', 27, 'later', 9],
      ],
    );
  });

  it('is plain data: objects, arrays, strings, numbers (the extension posts it to the webview)', () => {
    const { model } = build({ 't.landscape.yaml': LANDSCAPE });
    const walk = (value: unknown, at: string): void => {
      if (value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value)) return;
      assert.ok(Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype, `not plain data at ${at}`);
      for (const [key, inner] of Object.entries(value as object)) walk(inner, `${at}.${key}`);
    };
    walk(model, 'model');
  });
});
