import { SAP_ROUTER_HOSTS } from '../catalog/sap-routers';
import { conventionalPorts } from '../connect/plan';
import { dayStartTime, parseDateTime } from '../dates';
import type { LandscapeFile } from '../landscape/file';
import type { ServiceConnectionDeclaration, SystemDeclaration } from '../landscape/model';
import { entryOf, writtenText } from '../landscape/sourceTree';
import { matchesPattern, parseRouttab, serviceMatches, type Routtab, type RouttabEntry } from '../saprouttab/parse';
import { defineRule, stringListSchema, type RuleContext } from './rule';

interface SaprouttabPermissionOptions {
  /** Hosts and addresses of SAP's SAProuters: the source of SAP Support's connections. */
  sapRouterHosts: string[];
  /** Patterns in the SNC names of SAP's SAProuters (KP / KS entries). */
  sapRouterSncNames: string[];
}

/**
 * Ports of connection types whose port follows from the connection type alone or from the
 * instance number (SAP documentation and IANA, confidence S for 32NN, C for the others).
 */
function defaultPort(typeId: string, instance: string | undefined): number | undefined {
  switch (typeId) {
    case 'r3-support':
    case 'r3-support-snc':
      return instance ? conventionalPorts(instance).dispatcher : undefined;
    case 'ssh':
      return 22;
    case 'telnet':
      return 23;
    case 'vnc':
      return 5900;
    case 'wts':
    case 'wts-nla':
      return 3389;
    default:
      return undefined;
  }
}

const PERMITTING = new Set(['P', 'S', 'KP', 'KS']);

export const saprouttabPermission = defineRule<SaprouttabPermissionOptions>({
  id: 'saprouttab-permission',
  title: "The saprouttab permits SAP's service connections, and no more",
  defaultSeverity: 'error',
  notes: [],
  description:
    'For a landscape that names its SAProuter permission table (`saprouttab: path`, relative to the landscape file), ' +
    'reads the table (P/S/D and KP/KS/KD/KT lines, `*` wildcards, first match decides; SAP documentation, confidence S\') ' +
    'and reports: a service connection whose window has not ended and whose host and port no P, S, KP or KS line ' +
    "permits from SAP's SAProuters (warning: the table may name the host by its address; host names are never resolved, " +
    "since a check must not depend on a name server, so an address matches only where the connection's `host` is that " +
    'address); a P or S line with a password (error: a plain-text secret, masked in every output); a permitting line to ' +
    'every host and every port, such as `P * * *` (warning); a permitted destination host that no system of the ' +
    'landscape declares (info); a table that cannot be read and lines that are not entries (error). SAP\'s SAProuter ' +
    'hosts and SNC names are options (sapRouterHosts, sapRouterSncNames; community sources, confidence C).',
  fixable: false,
  defaults: { sapRouterHosts: [...SAP_ROUTER_HOSTS], sapRouterSncNames: ['*CN=sapserv*'] },
  optionsSchema: {
    type: 'object',
    properties: {
      sapRouterHosts: stringListSchema("Host names and addresses of SAP's SAProuters, the source of SAP Support's connections (default sapserv1..9, 147.204.2.5, 194.39.131.34)."),
      sapRouterSncNames: stringListSchema("Patterns (* wildcard) of the SNC names of SAP's SAProuters in KP / KS lines (default *CN=sapserv*)."),
    },
    additionalProperties: false,
  },
  check(file, context) {
    const pair = file.model && entryOf(file.model.root, 'saprouttab');
    if (!pair || pair.value.kind !== 'scalar' || typeof pair.value.value !== 'string' || !file.readCompanion) return;
    const read = file.readCompanion(writtenText(pair.value));
    if (!read.ok) {
      context.report({ at: pair.value, message: `The saprouttab ${read.path} cannot be read: ${read.message}.` });
      return;
    }
    const routtab = parseRouttab(read.text);
    for (const problem of routtab.problems) context.report({ at: pair.value, severity: 'error', message: `${read.path}:${problem.line}: ${problem.message}.` });
    for (const entry of routtab.entries) {
      if (entry.hasPassword && (entry.action === 'P' || entry.action === 'S')) {
        context.report({ at: pair.value, severity: 'error', message: `${read.path}:${entry.line}: ${shown(entry)} carries a password in plain text; anyone who reads the table has it. Use SNC (KP/KS lines) or a route password kept elsewhere.` });
      }
      if (PERMITTING.has(entry.action) && entry.destination === '*' && entry.service === '*') {
        context.report({ at: pair.value, severity: 'warning', message: `${read.path}:${entry.line}: ${shown(entry)} permits connections to every host and every port${entry.source === '*' ? ' from anywhere' : ''}; name the hosts and ports SAP Support needs.` });
      }
    }
    checkServiceConnections(file, context, routtab, read.path);
    checkUndeclaredHosts(context, routtab, read.path, pair.value);
  },
});

/** The entry as written, with `********` for a password. */
function shown(entry: RouttabEntry): string {
  const source = entry.action.startsWith('K') ? `"${entry.source}"` : entry.source;
  return `"${entry.action} ${source} ${entry.destination} ${entry.service}${entry.hasPassword ? ' ********' : ''}"`;
}

function fromSap(entry: RouttabEntry, options: SaprouttabPermissionOptions): boolean {
  if (entry.action.startsWith('K')) return options.sapRouterSncNames.some((pattern) => matchesPattern(entry.source, pattern) || matchesPattern(pattern, entry.source));
  return options.sapRouterHosts.some((host) => matchesPattern(entry.source, host));
}

function checkServiceConnections(file: LandscapeFile, context: RuleContext<SaprouttabPermissionOptions>, routtab: Routtab, path: string): void {
  for (const system of file.model?.systems ?? []) {
    for (const connection of system.serviceConnections) {
      if (!stillOpen(connection, context.today)) continue;
      const host = connection.host?.value ?? system.host?.value;
      const port = connection.port?.value ?? defaultPort(connection.typeId, system.instance?.value);
      if (!host || port === undefined) continue;
      const decision = routtab.entries.find((entry) => entry.action !== 'KT' && fromSap(entry, context.options) && matchesPattern(entry.destination, host) && serviceMatches(entry.service, port));
      if (decision && PERMITTING.has(decision.action)) continue;
      context.report({
        at: connection.pair.key,
        sid: system.sid,
        severity: 'warning',
        message:
          `The ${connection.typeId} connection of ${system.sid} goes to ${host} port ${port}, which ${decision ? `${path}:${decision.line} denies (${shown(decision)})` : `no P, S, KP or KS line of ${path} permits from SAP's SAProuters`}. ` +
          `${decision ? `Put a permitting line before line ${decision.line}` : 'Add a line'} such as "P ${context.options.sapRouterHosts.find((candidate) => /^\d/.test(candidate)) ?? '<SAP router>'} ${host} ${port}" (sapready resolves no host names: where the table names the host by its address, write that address as the connection's host).`,
      });
    }
  }
}

function stillOpen(connection: ServiceConnectionDeclaration, today: number): boolean {
  const until = connection.until && parseDateTime(connection.until.value);
  return until !== undefined && until >= dayStartTime(today);
}

function checkUndeclaredHosts(context: RuleContext<SaprouttabPermissionOptions>, routtab: Routtab, path: string, at: { start: number; end: number }): void {
  const declared = new Set<string>();
  for (const entries of context.workspace.systems.values()) {
    for (const { declaration } of entries) for (const host of hostsOf(declaration)) declared.add(host.toLowerCase());
  }
  const reported = new Set<string>();
  for (const entry of routtab.entries) {
    const destination = entry.destination.toLowerCase();
    if (!PERMITTING.has(entry.action) || destination.includes('*') || declared.has(destination) || reported.has(destination)) continue;
    if (context.options.sapRouterHosts.some((host) => host.toLowerCase() === destination)) continue;
    reported.add(destination);
    context.report({ at, severity: 'info', message: `${path}:${entry.line}: ${shown(entry)} permits connections to ${entry.destination}, which no system of the landscape declares as its host, message server or service connection host.` });
  }
}

function hostsOf(system: SystemDeclaration): string[] {
  const hosts = [system.host?.value, system.messageServer?.value, ...system.serviceConnections.map((connection) => connection.host?.value)];
  return hosts.filter((host): host is string => host !== undefined);
}
