import { findConnectionType, sapNoteUrl, type ConnectionType } from '../catalog';
import { routeHops } from '../rules/legacy-destinations';
import { parseDateTime } from '../dates';
import { accessRouteOf, type AccessRouteContext } from '../landscape/access-route';
import { SID_PATTERN, type ServiceConnectionDeclaration, type SystemDeclaration } from '../landscape/model';
import { entryOf, writtenText } from '../landscape/sourceTree';
import { checkHost, checkPattern, checkUser, isRefusal, refuse, unsafeValue, type Refusal } from './validate';

/**
 * Pure "launch plans": what opening a service connection would do, as plain data (file contents,
 * argument arrays, URLs), computed from the landscape and checked before anything runs. The
 * extension executes a plan; tests read it. Nothing here touches a file, a process or a clipboard.
 */
interface PlanBase {
  sid: string;
  typeId: string;
  /** One line for the confirmation and the notification, e.g. "PRD: R/3 Support". */
  title: string;
  /** The declared open window, shown with the plan. */
  window: { from: string; until: string };
}

/** A SAP GUI shortcut (`.sap`) to write to a private temporary folder and open with the OS handler. */
export interface ShortcutFilePlan extends PlanBase {
  kind: 'shortcut-file';
  fileName: string;
  contents: string;
}

export interface UrlPlan extends PlanBase {
  kind: 'url';
  url: string;
}

/** A program run in a terminal with an argument array; no shell ever sees these values. */
export interface TerminalPlan extends PlanBase {
  kind: 'terminal';
  command: string;
  args: string[];
}

export interface UriPlan extends PlanBase {
  kind: 'uri';
  uri: string;
}

/** A Remote Desktop connection file, written like a shortcut. */
export interface RdpFilePlan extends PlanBase {
  kind: 'rdp-file';
  fileName: string;
  contents: string;
}

export interface ClipboardPlan extends PlanBase {
  kind: 'clipboard';
  text: string;
  /** What the text is, for the message ("JDBC URL"). */
  what: string;
}

/** No client we can start: the SAP Note(s) and the connection details to act on by hand. */
export interface NoteAndDetailsPlan extends PlanBase {
  kind: 'note-and-details';
  noteUrls: string[];
  details: string[];
}

export type LaunchPlan = ShortcutFilePlan | UrlPlan | TerminalPlan | UriPlan | RdpFilePlan | ClipboardPlan | NoteAndDetailsPlan;
export type LaunchPlanKind = LaunchPlan['kind'];

export interface ConnectOptions {
  /** Path of `sapshcut` (SAP GUI for Windows); when set, SAP GUI types run it instead of writing a `.sap` file. */
  sapshcut?: string;
  /** SAP GUI logon language for the shortcut (default EN). */
  language?: string;
  /** SAP user for the shortcut's `[User] Name` (never a password). */
  sapUser?: string;
  /** Client programs (default: ssh, telnet, hdbsql). */
  ssh?: string;
  telnet?: string;
  hdbsql?: string;
  /** HANA MDC: tenant database name for `hdbsql -d` (default SYSTEMDB). */
  hanaTenant?: string;
}

/** The landscape-wide values a plan needs: the fields the access route depends on. */
export type LandscapeContext = AccessRouteContext;

/** How each connection type opens; a type not listed gets its SAP Note and the details. */
type Opening = 'sap-gui' | 'url' | 'os-terminal' | 'vnc' | 'rdp' | 'hana' | 'clipboard';
const OPENING: Readonly<Record<string, Opening>> = {
  'r3-support': 'sap-gui',
  'r3-support-snc': 'sap-gui',
  'sapgui-browser': 'sap-gui',
  'sap-ni': 'sap-gui',
  'http-connect': 'url',
  'http-connect-snc': 'url',
  'http-tools': 'url',
  'business-client': 'url',
  'solution-manager': 'url',
  'solution-manager-diagnostics': 'url',
  'nw-mobile-java': 'url',
  ssh: 'os-terminal',
  telnet: 'os-terminal',
  vnc: 'vnc',
  wts: 'rdp',
  'wts-nla': 'rdp',
  hana: 'hana',
  'hana-mdc': 'hana',
  'jdbc-odbc': 'clipboard',
  'sap-db': 'clipboard',
};
const OPENING_KIND: Readonly<Record<Opening, LaunchPlanKind>> = { 'sap-gui': 'shortcut-file', url: 'url', 'os-terminal': 'terminal', vnc: 'uri', rdp: 'rdp-file', hana: 'terminal', clipboard: 'clipboard' };

/** Paths appended to the system's HTTPS address (conventions, confidence C; "/" where none is known). */
const URL_PATHS: Record<string, string> = {
  'business-client': '/sap/bc/nwbc',
  'solution-manager': '/sap/bc/ui2/flp',
  'solution-manager-diagnostics': '/sap/bc/ui2/flp',
};

/** Ports by convention for instance number NN (SAP documentation, confidence S). */
export function conventionalPorts(instance: string): { dispatcher: number; https: number; hanaSystemDb: number; hanaSingle: number } {
  const nn = Number(instance);
  return {
    dispatcher: 3200 + nn,
    https: 44300 + nn,
    hanaSystemDb: 30013 + nn * 100,
    hanaSingle: 30015 + nn * 100,
  };
}

const INSTANCE = /^\d{2}$/;
const CLIENT = /^\d{3}$/;

/** The route prefix of one's own connections to `system` (see accessRouteOf), checked; '' for a direct connection. */
function checkedRouterPrefix(landscape: LandscapeContext, system: SystemDeclaration): string | Refusal {
  const access = accessRouteOf(landscape, system);
  if (!access.ok) return refuse(access.problem, access.fieldName);
  const route = access.route;
  const field = access.fieldName ?? 'accessRoute';
  if (route === '') return '';
  if (route.toUpperCase() === 'NO_CONNECTION') return refuse(`${field} is NO_CONNECTION, which blocks service connections.`, field);
  const unsafe = unsafeValue(field, route);
  if (unsafe) return unsafe;
  const hops = routeHops(route);
  const rebuilt = hops.map(([letter, value]) => `/${letter}/${value}`).join('');
  if (hops.length === 0 || hops.some(([, value]) => value === '') || rebuilt.toUpperCase() !== route.toUpperCase()) return refuse(`${field} ${JSON.stringify(route)} is not a route string (/H/host/S/service...).`, field);
  for (const [hop, value] of hops) {
    if (hop === 'W' || hop === 'P') return refuse(`${field} carries a /${hop}/ router password; it is never put into a shortcut or an argument. Remove it from the landscape file.`, field);
    if (hop === 'H') {
      const bad = checkHost(field, value);
      if (bad) return bad;
    } else if (hop === 'S') {
      if (!/^[A-Za-z0-9_]+$/.test(value)) return refuse(`${field} service ${JSON.stringify(value)} is not a port or service name.`, field);
    } else return refuse(`${field} hop /${hop}/ is not a router hop (/H/, /S/).`, field);
  }
  return rebuilt;
}

/**
 * The SAP router route to the system's dispatcher, as its SAP GUI service connection (if any)
 * declares it: the access route (accessRouteOf) + `/H/host/S/port`. "Copy SAP Router Route", the details
 * of a note plan and the SAP GUI shortcut all use this target, so they name the same address.
 */
export function sapRouterRoute(system: SystemDeclaration, landscape: LandscapeContext): string | Refusal {
  const gui = system.serviceConnections.find((connection) => OPENING[connection.typeId] === 'sap-gui');
  const target = resolveTarget(system, gui);
  if (isRefusal(target)) return target;
  return dispatcherRoute(system, landscape, target);
}

function dispatcherRoute(system: SystemDeclaration, landscape: LandscapeContext, target: Target): string | Refusal {
  const sid = system.sid;
  const prefix = checkedRouterPrefix(landscape, system);
  if (isRefusal(prefix)) return prefix;
  const host = need(target.host, 'host', sid);
  if (isRefusal(host)) return host;
  const instance = need(target.instance, 'instance', sid);
  if (isRefusal(instance)) return instance;
  return `${prefix}/H/${host}/S/${target.port ?? conventionalPorts(instance).dispatcher}`;
}

/** Undefined when the connection is open at `now`; else why not, with the window shown. */
export function windowRefusal(connection: ServiceConnectionDeclaration, sid: string, now: number): Refusal | undefined {
  const name = findConnectionType(connection.typeId)?.name ?? connection.typeId;
  if (!connection.from) return refuse(`The ${name} connection of ${sid} has no open window (serviceConnections.${connection.typeId}.window): it is closed.`, `serviceConnections.${connection.typeId}.window`);
  // An open end is an error for the service-connection-window rule; opening anyway would leave it open for good.
  if (!connection.until) return refuse(`The window of the ${name} connection of ${sid} has no until: a connection without an end is not opened. Add serviceConnections.${connection.typeId}.window.until.`, `serviceConnections.${connection.typeId}.window`);
  const from = parseDateTime(connection.from.value);
  const until = parseDateTime(connection.until.value);
  const shown = `${connection.from.value} - ${connection.until.value}`;
  if (from === undefined || until === undefined) return refuse(`The window of the ${name} connection of ${sid} (${shown}) is not a pair of ISO date-times.`, `serviceConnections.${connection.typeId}.window`);
  if (now < from) return refuse(`The ${name} connection of ${sid} is not open yet: its window is ${shown}.`, `serviceConnections.${connection.typeId}.window`);
  if (now >= until) return refuse(`The ${name} connection of ${sid} is closed: its window was ${shown}.`, `serviceConnections.${connection.typeId}.window`);
  return undefined;
}

/**
 * Undefined while the plan's window is still open at `now`; a confirmation can stay open for
 * hours, so a runner asks again right before it acts.
 */
export function closedSincePlanned(plan: LaunchPlan, now: number): Refusal | undefined {
  const until = parseDateTime(plan.window.until);
  if (until !== undefined && now < until) return undefined;
  return refuse(`The window of ${plan.title} closed at ${plan.window.until} while the confirmation was open: nothing was opened.`, `serviceConnections.${plan.typeId}.window`);
}

/**
 * The plan to open `typeId` for `system`, or why not. `now` is milliseconds since the epoch;
 * `trusted` is the workspace's trust (nothing opens from an untrusted workspace).
 */
export function planConnection(
  system: SystemDeclaration,
  typeId: string,
  landscape: LandscapeContext,
  options: ConnectOptions & { trusted?: boolean },
  now: number,
): LaunchPlan | Refusal {
  if (options.trusted === false) return refuse('This workspace is not trusted: no connection is opened from it. Trust the workspace first (Workspaces: Manage Workspace Trust).');
  const type = findConnectionType(typeId);
  if (!type) return refuse(`${JSON.stringify(typeId)} is not a known connection type.`);
  const sidBad = checkPattern('SID', system.sid, SID_PATTERN, 'a SID (three characters, A-Z/0-9, starting with a letter)');
  if (sidBad) return sidBad;
  const connection = system.serviceConnections.find((candidate) => candidate.typeId === typeId);
  if (!connection) return refuse(`${system.sid} declares no ${type.name} service connection (serviceConnections.${typeId}).`, `serviceConnections.${typeId}`);
  const closed = windowRefusal(connection, system.sid, now);
  if (closed) return closed;
  const base: PlanBase = {
    sid: system.sid,
    typeId,
    title: `${system.sid}: ${type.name}`,
    window: { from: connection.from!.value, until: connection.until!.value },
  };
  const context = resolveTarget(system, connection);
  if (isRefusal(context)) return context;
  for (const [field, value] of Object.entries({ language: options.language, sapUser: options.sapUser, hanaTenant: options.hanaTenant })) {
    if (value !== undefined) {
      const bad = field === 'sapUser' ? checkUser(field, value) : unsafeValue(field, value);
      if (bad) return bad;
    }
  }
  for (const [field, value] of Object.entries({ sapshcut: options.sapshcut, ssh: options.ssh, telnet: options.telnet, hdbsql: options.hdbsql })) {
    // Program paths come from settings, not the landscape; still, a path with a line break or a quote is a mistake.
    if (value !== undefined && (value.trim() === '' || /[\r\n"'`$;&|<>]/.test(value))) return refuse(`The ${field} program path ${JSON.stringify(value)} is not usable.`, field);
  }
  switch (OPENING[typeId]) {
    case 'sap-gui':
      return sapGuiPlan(base, system, type, landscape, context, options);
    case 'url':
      return urlPlan(base, system, context);
    case 'os-terminal':
      return osTerminalPlan(base, typeId, context, options);
    case 'vnc': {
      const host = need(context.host, 'host', system.sid);
      if (isRefusal(host)) return host;
      return { ...base, kind: 'uri', uri: `vnc://${bracketed(host)}:${context.port ?? 5900}` };
    }
    case 'rdp':
      return rdpPlan(base, typeId, system, context);
    case 'hana':
      return hanaPlan(base, typeId, system, context, { ...options, hanaTenant: connection.tenant?.value ?? options.hanaTenant });
    case 'clipboard':
      return clipboardPlan(base, typeId, system, context);
    default:
      return notePlan(base, type, system, landscape, context);
  }
}

interface Target {
  /** Service connection host, else the system's host; validated. */
  host?: string;
  instance?: string;
  client?: string;
  port?: number;
  user?: string;
}

function resolveTarget(system: SystemDeclaration, connection: ServiceConnectionDeclaration | undefined): Target | Refusal {
  const target: Target = {};
  const hostField = connection?.host ? `serviceConnections.${connection.typeId}.host` : 'host';
  const host = connection?.host?.value ?? system.host?.value;
  if (host !== undefined) {
    const bad = checkHost(hostField, host);
    if (bad) return bad;
    target.host = host;
  }
  if (system.instance) {
    const bad = checkPattern('instance', system.instance.value, INSTANCE, 'a two-digit instance number');
    if (bad) return bad;
    target.instance = system.instance.value;
  }
  if (system.client) {
    const bad = checkPattern('client', system.client.value, CLIENT, 'a three-digit client');
    if (bad) return bad;
    target.client = system.client.value;
  }
  // A port that is written but is no whole number must not quietly become the default port.
  const portPair = connection?.node && entryOf(connection.node, 'port');
  if (connection && portPair) {
    const port = connection.port?.value;
    if (port === undefined || port < 1 || port > 65535) {
      const written = portPair.value.kind === 'scalar' ? writtenText(portPair.value) : 'a collection';
      return refuse(`serviceConnections.${connection.typeId}.port ${written} is not a port (1-65535).`, `serviceConnections.${connection.typeId}.port`);
    }
    target.port = port;
  }
  if (connection?.user) {
    const bad = checkUser(`serviceConnections.${connection.typeId}.user`, connection.user.value);
    if (bad) return bad;
    target.user = connection.user.value;
  }
  return target;
}

function need(value: string | undefined, field: 'host' | 'instance', sid: string): string | Refusal {
  return value ?? refuse(`${sid} declares no ${field}; add it to the landscape file.`, field);
}

function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

function sapGuiPlan(base: PlanBase, system: SystemDeclaration, type: ConnectionType, landscape: LandscapeContext, target: Target, options: ConnectOptions): LaunchPlan | Refusal {
  const guiParm = dispatcherRoute(system, landscape, target);
  if (isRefusal(guiParm)) return guiParm;
  const language = options.language ?? 'EN';
  const title = `${system.sid} ${type.name}`;
  if (options.sapshcut) {
    // sapshcut's switches (community-documented, confidence C); each value is one argument.
    const args = [`-system=${system.sid}`, `-guiparm=${guiParm}`];
    if (target.client) args.push(`-client=${target.client}`);
    if (options.sapUser) args.push(`-user=${options.sapUser}`);
    args.push(`-language=${language}`, '-reuse=1');
    return { ...base, kind: 'terminal', command: options.sapshcut, args };
  }
  // The .sap shortcut format is community-documented (confidence C). There is deliberately no
  // password line: SAP Logon disables saved passwords by default (SAP Note 146173).
  const lines = [
    '[System]',
    `Name=${system.sid}`,
    `Description=${title}`,
    ...(target.client ? [`Client=${target.client}`] : []),
    `GuiParm=${guiParm}`,
    '[User]',
    `Name=${options.sapUser ?? ''}`,
    `Language=${language}`,
    '[Function]',
    'Command=',
    'Type=Transaction',
    `Title=${title}`,
    '[Configuration]',
    '[Options]',
    'Reuse=1',
    '',
  ];
  return { ...base, kind: 'shortcut-file', fileName: `${system.sid}-${base.typeId}.sap`, contents: lines.join('\r\n') };
}

function urlPlan(base: PlanBase, system: SystemDeclaration, target: Target): LaunchPlan | Refusal {
  const host = need(target.host, 'host', system.sid);
  if (isRefusal(host)) return host;
  let port = target.port;
  if (port === undefined) {
    const instance = need(target.instance, 'instance', system.sid);
    if (isRefusal(instance)) return refuse(`${system.sid} declares neither an instance (for HTTPS port 443NN) nor serviceConnections.${base.typeId}.port.`, 'instance');
    port = conventionalPorts(instance).https;
  }
  const scheme = port === 80 || (port >= 8000 && port <= 8099) ? 'http' : 'https';
  const defaultPort = scheme === 'http' ? 80 : 443;
  const url = `${scheme}://${bracketed(host)}${port === defaultPort ? '' : `:${port}`}${URL_PATHS[base.typeId] ?? '/'}`;
  // A second opinion from the URL parser: the host must come out exactly as validated.
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse(`host ${JSON.stringify(host)} does not make a valid URL.`, 'host');
  }
  if (parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase() !== host.replace(/^\[|\]$/g, '').toLowerCase() && !host.includes(':')) return refuse(`host ${JSON.stringify(host)} does not make a valid URL.`, 'host');
  return { ...base, kind: 'url', url };
}

function osTerminalPlan(base: PlanBase, typeId: string, target: Target, options: ConnectOptions): LaunchPlan | Refusal {
  if (!target.host) return refuse(`${base.sid} declares no host (nor serviceConnections.${typeId}.host).`, 'host');
  if (typeId === 'ssh') {
    const args = [...(target.user ? ['-l', target.user] : []), '-p', String(target.port ?? 22), '--', target.host];
    return { ...base, kind: 'terminal', command: options.ssh ?? 'ssh', args };
  }
  const args = [...(target.user ? ['-l', target.user] : []), target.host, String(target.port ?? 23)];
  return { ...base, kind: 'terminal', command: options.telnet ?? 'telnet', args };
}

function rdpPlan(base: PlanBase, typeId: string, system: SystemDeclaration, target: Target): LaunchPlan | Refusal {
  const host = need(target.host, 'host', system.sid);
  if (isRefusal(host)) return host;
  const nla = typeId === 'wts-nla' ? 1 : 0;
  // Remote Desktop file settings as Microsoft documents them; no password is ever written.
  const lines = [
    `full address:s:${bracketed(host)}:${target.port ?? 3389}`,
    ...(target.user ? [`username:s:${target.user}`] : []),
    'prompt for credentials:i:1',
    `enablecredsspsupport:i:${nla}`,
    `authentication level:i:${nla ? 2 : 0}`,
    'screen mode id:i:1',
    '',
  ];
  return { ...base, kind: 'rdp-file', fileName: `${system.sid}-${typeId}.rdp`, contents: lines.join('\r\n') };
}

function hanaPlan(base: PlanBase, typeId: string, system: SystemDeclaration, target: Target, options: ConnectOptions): LaunchPlan | Refusal {
  const host = need(target.host, 'host', system.sid);
  if (isRefusal(host)) return host;
  let port = target.port;
  if (port === undefined) {
    const instance = need(target.instance, 'instance', system.sid);
    if (isRefusal(instance)) return instance;
    const ports = conventionalPorts(instance);
    // Single container: 3NN15. MDC: the system database's SQL port 3NN13, which routes to a tenant named with -d.
    port = typeId === 'hana' ? ports.hanaSingle : ports.hanaSystemDb;
  }
  const args = ['-n', `${bracketed(host)}:${port}`];
  if (typeId === 'hana-mdc') {
    const tenant = options.hanaTenant ?? 'SYSTEMDB';
    const unsafe = unsafeValue('tenant', tenant);
    if (unsafe) return unsafe;
    // A tenant the system does not declare is a typo more often than a database: hdbsql would fail later, less clearly.
    if (tenant.toUpperCase() !== 'SYSTEMDB' && system.tenants.length > 0 && !system.tenants.some((declared) => declared.name.toUpperCase() === tenant.toUpperCase())) {
      return refuse(`${system.sid} declares no tenant ${tenant} (tenants: ${system.tenants.map((declared) => declared.name).join(', ')}).`, `serviceConnections.${typeId}.tenant`);
    }
    args.push('-d', tenant);
  }
  if (target.user) args.push('-u', target.user);
  return { ...base, kind: 'terminal', command: options.hdbsql ?? 'hdbsql', args };
}

function clipboardPlan(base: PlanBase, typeId: string, system: SystemDeclaration, target: Target): LaunchPlan | Refusal {
  const host = need(target.host, 'host', system.sid);
  if (isRefusal(host)) return host;
  if (typeId === 'sap-db') {
    // SAP MaxDB (SAP DB) JDBC URL; X Server port 7210 by default (confidence C).
    return { ...base, kind: 'clipboard', what: 'SAP MaxDB JDBC URL', text: `jdbc:sapdb://${bracketed(host)}:${target.port ?? 7210}/${system.sid}` };
  }
  if (system.product?.value === 'hana' || target.port === undefined) {
    if (target.port === undefined && system.product?.value !== 'hana') return refuse(`${system.sid} is not a HANA database and serviceConnections.jdbc-odbc declares no port: the connection string needs one.`, 'serviceConnections.jdbc-odbc.port');
    let port = target.port;
    if (port === undefined) {
      const instance = need(target.instance, 'instance', system.sid);
      if (isRefusal(instance)) return instance;
      port = conventionalPorts(instance).hanaSingle;
    }
    return { ...base, kind: 'clipboard', what: 'SAP HANA JDBC URL', text: `jdbc:sap://${bracketed(host)}:${port}/` };
  }
  return { ...base, kind: 'clipboard', what: 'database address (host:port)', text: `${bracketed(host)}:${target.port}` };
}

function notePlan(base: PlanBase, type: ConnectionType, system: SystemDeclaration, landscape: LandscapeContext, target: Target): LaunchPlan | Refusal {
  const details = [`System: ${system.sid}${system.product ? ` (${system.product.value})` : ''}`, `Connection type: ${type.name} (${type.id})`];
  if (target.host) details.push(`Host: ${target.host}`);
  if (target.instance) details.push(`Instance: ${target.instance}`);
  if (target.client) details.push(`Client: ${target.client}`);
  if (target.port !== undefined) details.push(`Port: ${target.port}`);
  if (target.user) details.push(`User: ${target.user}`);
  const route = sapRouterRoute(system, landscape);
  if (!isRefusal(route)) details.push(`SAP router route: ${route}`);
  details.push(`Open: ${base.window.from} - ${base.window.until}`);
  return { ...base, kind: 'note-and-details', noteUrls: type.notes.map((note) => sapNoteUrl(note)), details };
}

/** The kind of plan `typeId` makes with these options, for the Connection Types view's tooltip. */
export function planKindOf(typeId: string, options: ConnectOptions = {}): LaunchPlanKind {
  const opening = OPENING[typeId];
  if (opening === 'sap-gui' && options.sapshcut) return 'terminal';
  return opening ? OPENING_KIND[opening] : 'note-and-details';
}
