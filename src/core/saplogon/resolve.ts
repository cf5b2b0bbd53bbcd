import { SID_PATTERN } from '../landscape/model';
import type { ImportWarning, LogonEntry, LogonFileContent, MessageServerEntry, RouterEntry } from './entries';

/** Connection data of one system as SAP Logon knows it: what import writes and export reads. */
export interface LogonSystem {
  sid: string;
  description?: string;
  host?: string;
  instance?: string;
  messageServer?: string;
  messageServerPort?: string;
  logonGroup?: string;
  accessRoute?: string;
  sncName?: string;
  clients: Map<string, { language?: string }>;
  /** The workspace node of the first entry (export groups systems by it). */
  node?: string;
  /** Names of the SAP Logon entries merged into this system. */
  entries: string[];
}

export interface ResolvedLandscape {
  systems: LogonSystem[];
  warnings: ImportWarning[];
  /** The one workspace the systems were listed in, if there was exactly one besides "Local". */
  workspace?: string;
}

type ConnectionField = 'host' | 'instance' | 'messageServer' | 'messageServerPort' | 'logonGroup' | 'accessRoute' | 'sncName';
const CONNECTION_FIELDS: readonly ConnectionField[] = ['host', 'instance', 'messageServer', 'messageServerPort', 'logonGroup', 'accessRoute', 'sncName'];

/**
 * Resolves the entries of all given files against the message servers and routers of all of
 * them (a local file refers to those of the global one), then merges entries per SID: SAP GUI
 * allows many entries for one system, the landscape has one. What cannot be imported is named in
 * a warning with its file and entry, never dropped silently.
 */
export function resolveLandscape(files: readonly LogonFileContent[]): ResolvedLandscape {
  const warnings: ImportWarning[] = [];
  const messageServers = new Map<string, MessageServerEntry>();
  const routers = new Map<string, RouterEntry>();
  const connections = new Map<string, LogonEntry>();
  for (const file of files) {
    for (const server of file.messageServers) messageServers.set(server.uuid, server);
    for (const router of file.routers) routers.set(router.uuid, router);
    for (const entry of file.entries) if (entry.uuid) connections.set(entry.uuid, entry);
  }
  const systems = new Map<string, LogonSystem>();
  /** Which entry each kept connection value came from, for the warning when another differs. */
  const origins = new Map<string, Map<ConnectionField, string>>();
  const shortcuts: LogonEntry[] = [];
  const workspaces = new Set<string>();
  for (const entry of files.flatMap((file) => file.entries)) {
    const warn = (message: string): void => void warnings.push({ file: entry.file, entry: entry.name, message });
    if (isShortcut(entry)) {
      shortcuts.push(entry);
      continue;
    }
    if (entry.type.toUpperCase() !== 'SAPGUI') {
      warn(`a ${entry.type} entry, not a SAP GUI connection: left out`);
      continue;
    }
    const sid = entry.sid?.toUpperCase();
    if (!sid) {
      warn('no system ID (SID): left out; give the entry a system ID in SAP Logon and import again');
      continue;
    }
    if (!SID_PATTERN.test(sid)) {
      warn(`system ID "${entry.sid}" is not a SID (three letters and digits, starting with a letter): left out`);
      continue;
    }
    const connection = connectionOf(entry, messageServers, routers, warn);
    if (!connection) continue;
    if (entry.workspace && entry.workspace !== 'Local') workspaces.add(entry.workspace);
    let system = systems.get(sid);
    if (!system) {
      system = { sid, description: entry.description ?? entry.name, node: entry.node, clients: new Map(), entries: [] };
      systems.set(sid, system);
      origins.set(sid, new Map());
    }
    system.entries.push(entry.name);
    const origin = origins.get(sid)!;
    for (const field of CONNECTION_FIELDS) {
      const value = connection[field];
      if (value === undefined) continue;
      if (system[field] === undefined) {
        system[field] = value;
        origin.set(field, entry.name);
      } else if (system[field] !== value) warn(`${sid}: ${field} "${value}" differs from "${system[field]}" of entry "${origin.get(field)}"; the first entry's value is kept`);
    }
  }
  for (const shortcut of shortcuts) addClient(shortcut, systems, connections, warnings);
  return { systems: [...systems.values()], warnings, workspace: workspaces.size === 1 ? [...workspaces][0] : undefined };
}

function isShortcut(entry: LogonEntry): boolean {
  return entry.type.toLowerCase() === 'reference' || (entry.connectionId !== undefined && entry.server === undefined && entry.messageServerId === undefined);
}

function connectionOf(
  entry: LogonEntry,
  messageServers: ReadonlyMap<string, MessageServerEntry>,
  routers: ReadonlyMap<string, RouterEntry>,
  warn: (message: string) => void,
): Partial<Record<ConnectionField, string>> | undefined {
  const connection: Partial<Record<ConnectionField, string>> = { sncName: entry.sncName };
  if (entry.routerId) {
    const router = routers.get(entry.routerId);
    if (!router) {
      warn(`refers to router ${entry.routerId}, which none of the given files defines: left out (give the global landscape file too)`);
      return undefined;
    }
    connection.accessRoute = normalRoute(router.route);
  } else if (entry.route) connection.accessRoute = normalRoute(entry.route);
  if (entry.group) {
    connection.messageServer = entry.group.messageServer;
    connection.messageServerPort = messageServerPort(entry.group.messageServerPort, warn);
    connection.logonGroup = entry.group.logonGroup;
  } else if (entry.direct) {
    connection.host = entry.direct.host;
    if (entry.direct.instance !== undefined && /^\d{2}$/.test(entry.direct.instance)) connection.instance = entry.direct.instance;
  } else if (entry.messageServerId) {
    const server = messageServers.get(entry.messageServerId);
    if (!server) {
      warn(`refers to message server ${entry.messageServerId}, which none of the given files defines: left out (give the global landscape file too)`);
      return undefined;
    }
    connection.messageServer = server.host;
    connection.messageServerPort = messageServerPort(server.port, warn);
    connection.logonGroup = entry.server ?? 'PUBLIC';
  } else if (entry.server) {
    const { host, port } = splitServer(entry.server);
    connection.host = host;
    const instance = instanceOfPort(port);
    if (instance) connection.instance = instance;
    else warn(`server "${entry.server}" has no dispatcher port 32NN or sapdpNN: instance number left for you to fill in`);
  } else {
    warn('neither a server nor a message server: left out');
    return undefined;
  }
  return connection;
}

/**
 * `host:3200`, `[fd00::5]:3200`, or an IPv6 address written without brackets, whose last group
 * is then the port only when it is a dispatcher port (32NN).
 */
export function splitServer(server: string): { host: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(server);
  if (bracketed) return { host: bracketed[1], port: bracketed[2] };
  const colon = server.lastIndexOf(':');
  if (colon === -1) return { host: server };
  const port = server.slice(colon + 1);
  const host = server.slice(0, colon);
  if (host.includes(':') && !/^32\d\d$/.test(port)) return { host: server };
  return { host, port };
}

/** The landscape format knows message-server ports 36NN and sapms<SID>; others are named, not written. */
function messageServerPort(port: string | undefined, warn: (message: string) => void): string | undefined {
  if (port === undefined || /^(36\d\d|sapms[A-Z][A-Z0-9]{2})$/.test(port)) return port;
  warn(`message server port "${port}" is neither 36NN nor sapms<SID>: left for you to fill in`);
  return undefined;
}

function instanceOfPort(port: string | undefined): string | undefined {
  return /^32(\d\d)$/.exec(port ?? '')?.[1] ?? /^sapdp(\d\d)$/i.exec(port ?? '')?.[1];
}

/**
 * SAP Logon's routers are route prefixes, written with or without the trailing `/H/` that the
 * system's own hop follows; the landscape keeps the route without it.
 */
function normalRoute(route: string): string {
  const trimmed = route.trim().replace(/\/H\/?$/i, '');
  return trimmed.startsWith('/') ? trimmed : `/H/${trimmed}`;
}

function addClient(shortcut: LogonEntry, systems: ReadonlyMap<string, LogonSystem>, connections: ReadonlyMap<string, LogonEntry>, warnings: ImportWarning[]): void {
  const warn = (message: string): void => void warnings.push({ file: shortcut.file, entry: shortcut.name, message });
  const sid = (shortcut.sid ?? (shortcut.connectionId ? connections.get(shortcut.connectionId)?.sid : undefined))?.toUpperCase();
  const system = sid ? systems.get(sid) : undefined;
  if (!system) {
    warn(`a shortcut for ${sid ?? 'no system ID'}, which no imported connection entry declares: left out`);
    return;
  }
  if (!shortcut.client || !/^\d{3}$/.test(shortcut.client)) {
    if (shortcut.client) warn(`client "${shortcut.client}" is not three digits: left out`);
    return;
  }
  const known = system.clients.get(shortcut.client);
  const language = shortcut.language && /^[A-Za-z]{2}$/.test(shortcut.language) ? shortcut.language.toUpperCase() : undefined;
  if (shortcut.language && !language) warn(`logon language "${shortcut.language}" is not a two-letter code: left out`);
  if (!known) system.clients.set(shortcut.client, { language });
  else if (!known.language) known.language = language;
}
