import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How a generated landscape differs from the usual one. */
export interface LandscapeShape {
  /**
   * Every system lacks SAP-SUPPORT_NOTE_DOWNLOAD, so every system has a finding with a fix: a
   * landscape at the start of the backbone update, where the cost of findings shows.
   */
  everySystemHasFindings?: boolean;
  /** The line break the file is written with (Windows editors write `\r\n`). */
  newline?: '\n' | '\r\n';
}

/**
 * Realistic landscapes for benchmarks: every system has components, destinations (some legacy,
 * some deactivated), service connections and logon data, and about one system in five has a
 * problem the rules report, as in a landscape mid-way through the backbone update.
 */
export function generateLandscape(systemCount: number, seed = 1, shape: LandscapeShape = {}): string {
  let state = seed;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const lines: string[] = [
    `landscape: Benchmark ${systemCount}`,
    'partner: false',
    'saprouter: /H/saprouter.bench.example/S/3299',
    'users:',
    '  S0000000001: { kind: technical, description: backbone connectivity }',
    '  S0000000002: { kind: s-user, description: a personal S-user }',
    'systems:',
    '  SM0: { product: solman, release: "7.2", sps: 8, supportConnection: direct, communicationUser: S0000000001 }',
  ];
  for (let index = 0; index < systemCount; index++) {
    const sid = sidFor(index);
    const problem = random() < 0.2;
    const direct = random() < 0.3;
    const user = problem && random() < 0.3 ? 'S0000000002' : 'S0000000001';
    lines.push(
      `  # ${sid}: system ${index + 1} of ${systemCount}`,
      `  ${sid}:`,
      '    product: abap',
      `    role: ${['production', 'quality', 'development'][index % 3]}`,
      `    host: ${sid.toLowerCase()}.bench.example`,
      `    instance: "${String(index % 100).padStart(2, '0')}"`,
      '    client: "100"',
      '    components:',
      '      SAP_BASIS: { release: "754", sp: 5 }',
      `      ST-PI: { release: "740", sp: ${problem ? 8 : 22} }`,
      '      ST-A/PI: { release: "01V_731", sp: 3 }',
      `    supportConnection: ${direct ? 'direct' : 'solman'}`,
      ...(direct ? [] : ['    solman: SM0']),
      `    communicationUser: ${user}`,
      `    noteAssistant: { used: true, digitallySignedNotes: ${problem ? 'false' : 'true'} }`,
      '    rfcDestinations:',
      `      SAPOSS: { type: "3", target: /H/saprouter.bench.example/S/sapdp99/H/147.204.2.5/S/sapdp99/H/oss001${problem ? '' : ', status: deactivated, deactivatedOn: 2026-11-10'} }`,
      `      SAP-SUPPORT_PORTAL: { type: H, host: apps.support.sap.com, port: 443, user: ${user} }`,
      `      SAP-SUPPORT_PARCELBOX: { type: G, host: documents.support.sap.com, port: 443, user: ${user} }`,
      ...(shape.everySystemHasFindings ? [] : [`      SAP-SUPPORT_NOTE_DOWNLOAD: { type: G, host: notesdownloads.sap.com, port: 443, user: ${user} }`]),
      '    serviceConnections:',
      '      r3-support: { window: { from: 2026-11-20T08:00:00Z, until: 2026-11-27T18:00:00Z } }',
      `      ssh: { host: ${sid.toLowerCase()}.bench.example, user: sapsupport }`,
      '    logonData:',
      `      - { user: SAPSUPPORT, client: "100", ${problem ? '' : 'expires: 2026-12-01, '}secret: ${sid}/SAPSUPPORT }`,
    );
  }
  const newline = shape.newline ?? '\n';
  return lines.join(newline) + newline;
}

/** Distinct valid SIDs (letter + two of A-Z0-9) for up to 26 * 36 * 36 = 33,696 systems; then suffixes repeat with a new letter range. */
function sidFor(index: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const first = String.fromCharCode(65 + (Math.floor(index / 1296) % 26));
  return first + alphabet[Math.floor(index / 36) % 36] + alphabet[index % 36];
}

/** Systems per file when a landscape is split, as a team would split a large one. */
export const SYSTEMS_PER_FILE = 10_000;

/** A landscape of `systemCount` systems as files of at most SYSTEMS_PER_FILE systems. */
export function landscapeTexts(systemCount: number, shape: LandscapeShape = {}): { path: string; text: string }[] {
  const texts: { path: string; text: string }[] = [];
  for (let offset = 0, part = 1; offset < systemCount; offset += SYSTEMS_PER_FILE, part++) {
    texts.push({ path: `part${part}.landscape.yaml`, text: generateLandscape(Math.min(SYSTEMS_PER_FILE, systemCount - offset), part, shape) });
  }
  return texts;
}

/** Writes landscapeTexts into `folder`; returns the paths. */
export function writeLandscapeFolder(folder: string, systemCount: number, shape: LandscapeShape = {}): string[] {
  mkdirSync(folder, { recursive: true });
  return landscapeTexts(systemCount, shape).map((input) => {
    const path = join(folder, input.path);
    writeFileSync(path, input.text);
    return path;
  });
}
