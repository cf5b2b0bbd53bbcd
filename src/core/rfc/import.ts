import { maskRouterPasswords } from '../rules/legacy-destinations';
import type { LiveComponent, LiveDestination, LiveSystemData } from './live-data';

/** Connection types the landscape format knows (schema: rfcDestinations.*.type). */
const KNOWN_TYPES = new Set(['3', 'H', 'G', 'T', 'L', 'I', 'X', 'W']);
const DESTINATION_NAME = /^[A-Za-z0-9_./-]{1,32}$/;
const COMPONENT_NAME = /^[A-Z0-9][A-Z0-9_/-]*$/;

export interface ImportContext {
  /** ISO day written into the header comment. */
  today: string;
  /** Where it came from, for the header (e.g. "prd-ci.acme.example, client 100"); no credentials. */
  source?: string;
  product?: string;
}

/**
 * A landscape file fragment from a live system: the system with its software components and
 * RFC destinations. It is a complete, valid landscape document on its own (so it can be
 * checked as is) and its `systems.<SID>` part can be merged into an existing file.
 * Destinations of types the format does not know, and names it does not accept, are listed in
 * comments instead. Nothing secret is read: RFCDES holds no passwords.
 */
export function importFragment(data: LiveSystemData, context: ImportContext): string {
  const lines: string[] = [
    `# Imported by sapready from the live system ${data.sid}${context.source ? ` (${context.source})` : ''} on ${context.today}:`,
    '# software components (CVERS) and RFC destinations (RFCDES). Review it, then merge systems.' + data.sid + ' into your landscape file;',
    '# add status: deactivated / deactivatedOn for destinations you have deactivated in SM59 (RFCDES does not record that).',
    `landscape: ${quote(`${data.sid} (imported)`)}`,
    'systems:',
    `  ${data.sid}:`,
    `    product: ${context.product ?? 'abap'}`,
  ];
  const problems: string[] = [];
  const components = data.components;
  if (components && !components.ok) problems.push(`software components not read: ${components.error}`);
  if (components?.ok && components.rows.length > 0) {
    lines.push('    components:');
    for (const component of [...components.rows].sort((a, b) => a.name.localeCompare(b.name))) {
      if (!COMPONENT_NAME.test(component.name)) {
        lines.push(`      # skipped ${JSON.stringify(component.name)}: not a component name the format accepts`);
        continue;
      }
      lines.push(`      ${key(component.name)}: ${componentValue(component)}`);
    }
  }
  const destinations = data.destinations;
  if (destinations && !destinations.ok) problems.push(`RFC destinations not read: ${destinations.error}`);
  if (destinations?.ok && destinations.truncated.length > 0) problems.push(...destinations.truncated.map((entry) => `${entry.reason}; targets left out`));
  if (destinations?.ok && destinations.rows.length > 0) {
    lines.push('    rfcDestinations:');
    for (const destination of [...destinations.rows].sort((a, b) => a.name.localeCompare(b.name))) {
      if (!DESTINATION_NAME.test(destination.name) || !KNOWN_TYPES.has(destination.type)) {
        lines.push(`      # skipped ${JSON.stringify(destination.name)} (type ${JSON.stringify(destination.type)}): not a name or type the format accepts`);
        continue;
      }
      lines.push(`      ${key(destination.name)}: ${destinationValue(destination)}`);
    }
  }
  if (problems.length > 0) lines.splice(3, 0, ...problems.map((problem) => `# Note: ${problem}`));
  return lines.join('\n') + '\n';
}

function componentValue(component: LiveComponent): string {
  const parts = [`release: ${quote(component.release)}`];
  if (component.sp !== undefined) parts.push(`sp: ${component.sp}`);
  return `{ ${parts.join(', ')} }`;
}

function destinationValue(destination: LiveDestination): string {
  const parts = [`type: ${quote(destination.type)}`];
  const host = destination.host;
  if (host) {
    if (host.includes('/')) parts.push(`target: ${quote(maskRouterPasswords(host))}`);
    else parts.push(`host: ${quote(host)}`);
  }
  if ((destination.type === 'H' || destination.type === 'G') && destination.service && /^\d{1,5}$/.test(destination.service)) {
    const port = Number(destination.service);
    if (port >= 1 && port <= 65535) parts.push(`port: ${port}`);
  }
  return `{ ${parts.join(', ')} }`;
}

/** Always double-quoted (JSON strings are valid YAML): releases and types stay text. */
function quote(value: string): string {
  return JSON.stringify(value);
}

function key(name: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(name) ? name : JSON.stringify(name);
}
