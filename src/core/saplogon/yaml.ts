import type { LandscapeFile } from '../landscape/file';
import { entryOf, writtenText, type MapNode } from '../landscape/sourceTree';
import type { TextEdit } from '../findings';
import { applyEdits } from '../landscape/edits';
import type { LogonSystem } from './resolve';

export interface ImportHeader {
  /** The files read, as shown to the engineer. */
  sources: readonly string[];
  /** ISO day of the import. */
  today: string;
  landscape: string;
}

/**
 * The landscape file for the imported systems. Every value is written double-quoted (JSON
 * strings are YAML), so text from SAP Logon stays data: an entry called `# sapready-disable`
 * cannot become a directive, and `010` stays the text it was. Comments are fixed text only.
 */
export function landscapeYaml(systems: readonly LogonSystem[], header: ImportHeader): string {
  const lines = [
    `# Imported by sapready from SAP Logon on ${header.today}: ${header.sources.length} file(s).`,
    '# SAP Logon knows how to reach each system, not what it is. Per system, check `product` (SAP GUI',
    '# logs on to ABAP systems, so it says abap; solman for SAP Solution Manager) and add what readiness',
    '# needs: supportConnection, communicationUser, components (ST-PI, ST-A/PI) and rfcDestinations.',
    '# `sapready check` on this file lists what is still missing.',
    `landscape: ${quote(header.landscape)}`,
  ];
  if (systems.length === 0) lines.push('systems: {}');
  else lines.push('systems:', ...systemLines(systems, '  ', '  '));
  return lines.join('\n') + '\n';
}

function systemLines(systems: readonly LogonSystem[], indent: string, step: string): string[] {
  const lines: string[] = [];
  for (const system of [...systems].sort((a, b) => a.sid.localeCompare(b.sid))) {
    const inner = indent + step;
    lines.push(`${indent}${system.sid}:`);
    lines.push(`${inner}product: abap   # SAP Logon does not say; solman, java, hana, ... where that is what it is`);
    const field = (key: string, value: string | undefined): void => {
      if (value !== undefined) lines.push(`${inner}${key}: ${quote(value)}`);
    };
    field('description', system.description);
    field('host', system.host);
    field('instance', system.instance);
    field('messageServer', system.messageServer);
    field('messageServerPort', system.messageServerPort);
    field('logonGroup', system.logonGroup);
    field('accessRoute', system.accessRoute);
    field('sncName', system.sncName);
    if (system.clients.size === 1) field('client', [...system.clients.keys()][0]);
    if (system.clients.size > 0) {
      lines.push(`${inner}clients:`);
      for (const [client, { language }] of [...system.clients].sort(([a], [b]) => a.localeCompare(b))) {
        lines.push(`${inner}${step}${quote(client)}: ${language ? `{ language: ${quote(language)} }` : '{}'}`);
      }
    }
  }
  return lines;
}

function quote(value: string): string {
  return JSON.stringify(value);
}

/** A connection field whose value in the landscape file differs from SAP Logon's. */
export interface ConnectionDifference {
  sid: string;
  field: string;
  inFile?: string;
  inSapLogon?: string;
}

/** One line for the engineer: what differs, where, and that nothing was changed. */
export function describeDifference(difference: ConnectionDifference, fileName: string): string {
  const shown = (value: string | undefined): string => (value === undefined ? 'not set' : JSON.stringify(value));
  return `${difference.sid}: ${difference.field} is ${shown(difference.inFile)} in ${fileName} and ${shown(difference.inSapLogon)} in SAP Logon (not changed)`;
}

export interface MergeResult {
  /** The file's new text; equal to the old one when nothing was added. */
  text: string;
  added: string[];
  differences: ConnectionDifference[];
}

const COMPARED: ReadonlyArray<Extract<keyof LogonSystem, string>> = ['host', 'instance', 'messageServer', 'messageServerPort', 'logonGroup', 'accessRoute', 'sncName'];

/**
 * Adds the systems the landscape file does not declare yet, after its last system, in its own
 * indentation; nothing else in the file changes, so comments and formatting stay. Systems it
 * declares already are compared, not changed: differences in connection data are returned for
 * the engineer to decide. Importing the same files again therefore adds nothing.
 */
export function mergeIntoLandscape(file: LandscapeFile, systems: readonly LogonSystem[]): MergeResult {
  const root = file.model?.root;
  if (!root) throw new MergeError(`${file.path} is not a landscape file (no mapping at the top); check it with sapready check.`);
  const declared = new Map(file.model!.systems.map((system) => [system.sid, system.node]));
  const differences: ConnectionDifference[] = [];
  const missing: LogonSystem[] = [];
  for (const system of [...systems].sort((a, b) => a.sid.localeCompare(b.sid))) {
    const node = declared.get(system.sid);
    if (!node) missing.push(system);
    else differences.push(...compare(system, node));
  }
  if (missing.length === 0) return { text: file.text, added: [], differences };
  const newline = file.text.includes('\r\n') ? '\r\n' : '\n';
  const systemsPair = entryOf(root, 'systems');
  let edit: TextEdit;
  if (!systemsPair) {
    const end = file.text.length;
    const before = end > 0 && !file.text.endsWith('\n') ? newline : '';
    edit = { start: end, end, newText: `${before}systems:${newline}${systemLines(missing, '  ', '  ').join(newline)}${newline}` };
  } else {
    const map = systemsPair.value;
    const empty = map.kind === 'scalar' ? map.value === null : map.kind === 'map' && map.pairs.length === 0;
    if (empty) {
      const lines = systemLines(missing, '  ', '  ');
      // `systems:` with nothing after it, or `systems: {}`: the block replaces the empty value.
      const start = map.kind === 'scalar' && map.source === '' ? systemsPair.key.end + 1 : map.start;
      edit = { start, end: Math.max(start, map.end), newText: `${newline}${lines.join(newline)}` };
    } else if (map.kind !== 'map' || map.flow) {
      throw new MergeError(`${file.path}: systems is not a block mapping; write it as one (a key per line) to import into it.`);
    } else {
      const last = map.pairs[map.pairs.length - 1];
      const keyColumn = file.lines.positionAt(last.key.start).character;
      const step = indentStep(file, map);
      const lastLine = file.lines.positionAt(Math.max(last.value.end - 1, last.key.start)).line;
      const at = file.lines.lineEnd(lastLine);
      edit = { start: at, end: at, newText: newline + systemLines(missing, ' '.repeat(keyColumn), ' '.repeat(step)).join(newline) };
    }
  }
  return { text: applyEdits(file.text, [edit]), added: missing.map((system) => system.sid), differences };
}

export class MergeError extends Error {}

function indentStep(file: LandscapeFile, systems: MapNode): number {
  for (const pair of systems.pairs) {
    if (pair.value.kind === 'map' && !pair.value.flow && pair.value.pairs.length > 0) {
      const step = file.lines.positionAt(pair.value.pairs[0].key.start).character - file.lines.positionAt(pair.key.start).character;
      if (step > 0) return step;
    }
  }
  return 2;
}

function compare(system: LogonSystem, node: MapNode): ConnectionDifference[] {
  const differences: ConnectionDifference[] = [];
  for (const field of COMPARED) {
    const inSapLogon = system[field] as string | undefined;
    const pair = entryOf(node, field);
    const inFile = pair && pair.value.kind === 'scalar' && pair.value.value !== null ? writtenText(pair.value) : undefined;
    if (inSapLogon !== undefined && inFile !== inSapLogon) differences.push({ sid: system.sid, field, inFile, inSapLogon });
  }
  return differences;
}
