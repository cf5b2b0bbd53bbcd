import { resolveOptions, type OptionsFile } from '../../../src/core/config/options';
import { checkLandscapes } from '../../../src/core/engine';
import { buildReadinessModel, type ReadinessModel } from '../../../src/core/report/readiness-model';
import type { ReportInput } from '../../../src/core/report/summary';
import { RULES } from '../../../src/core/rules/registry';
import { TODAY, yaml } from '../../helpers';

/** Text that would run script or break out of markup if a report did not escape it. */
export const HOSTILE = `<img src=x onerror="document.body.setAttribute('data-pwned','1')"></script><script>document.body.setAttribute('data-pwned','2')</script>`;

/** A small landscape with one system per readiness state and an entry for every section. */
export const LANDSCAPE = yaml(
  'landscape: Test',
  'users:',
  '  S0001: { kind: technical, description: backbone }',
  'systems:',
  '  PRD:',
  '    product: abap',
  '    role: production',
  '    host: prd.example',
  '    supportConnection: direct',
  '    communicationUser: S0001',
  '    components:',
  '      SAP_BASIS: { release: "754", sp: 5 }',
  '      ST-PI: { release: "740", sp: 22 }',
  '      ST-A/PI: { release: "01V_731", sp: 3 }',
  '    noteAssistant: { used: true, digitallySignedNotes: false }',
  '    rfcDestinations:',
  '      SAP-SUPPORT_PORTAL: { type: H, host: apps.support.sap.com, port: 443, user: S0001 }',
  '      SAP-SUPPORT_PARCELBOX: { type: G, host: documents.support.sap.com, port: 443, user: S0001 }',
  '      SAP-SUPPORT_NOTE_DOWNLOAD: { type: G, host: notesdownloads.sap.com, port: 443, user: S0001 }',
  '      SAPOSS: { type: "3", target: /H/oss001 }',
  '      SDCC_OSS: { type: "3", target: /H/oss001, status: deactivated, deactivatedOn: 2026-11-01 }',
  '    logonData:',
  '      - { user: SAPSUPPORT, client: "100", expires: 2026-11-25, secret: PRD/SAPSUPPORT }',
  '  HDB:',
  '    product: hana',
  '    role: production',
  '    serviceConnections:',
  '      ssh: { host: hdb.example, window: { from: 2026-11-01T08:00:00Z, until: 2026-11-24T18:00:00Z } }',
  '  QAS:',
  '    product: abap',
  '    role: quality',
  '    host: qas.example',
  '    supportConnection: solman',
  '    rfcDestinations:',
  '      SAPNET_RTCC: { type: "3", target: /H/oss001, status: deactivated, deactivatedOn: 2026-11-20 }',
);

export interface Built {
  model: ReadinessModel;
  input: ReportInput;
}

export function build(texts: Record<string, string>, file?: OptionsFile, optionsPath?: string): Built {
  const options = resolveOptions(RULES, { file, now: TODAY, sourcePath: optionsPath });
  const result = checkLandscapes(Object.entries(texts).map(([path, text]) => ({ path, text })), options);
  const model = buildReadinessModel({ files: result.files, findings: result.findings, options, toolVersion: '9.9.9' });
  const input: ReportInput = {
    findings: result.findings,
    paths: Object.keys(texts),
    systemCount: model.summary.systems,
    rules: RULES,
    today: TODAY,
    optionsPath,
    toolVersion: '9.9.9',
    readiness: model,
  };
  return { model, input };
}

/** The landscape with hostile text in every place a report shows landscape text. */
export function hostileLandscape(): string {
  const q = JSON.stringify(HOSTILE);
  return yaml(
    `landscape: ${q}`,
    'users:',
    `  S0001: { kind: technical, description: ${q} }`,
    'systems:',
    '  PRD:',
    `    product: ${q}`,
    `    role: ${q}`,
    '    rfcDestinations:',
    `      ${q}: { type: "3", host: sapserv1 }`,
    '    serviceConnections:',
    `      ${q}: { host: x.example, window: { from: 2026-11-20T08:00:00Z, until: 2026-11-26T08:00:00Z } }`,
    '    logonData:',
    `      - { user: ${q}, client: "100", expires: 2026-11-30, secret: PRD/X }`,
  );
}
