import { portNumber } from '../ports';
import { entriesOf, entryOf, writtenText, type MapNode, type Pair, type SourceNode } from './sourceTree';

/** A system ID: three characters, A-Z and 0-9, starting with a letter (as the schema says). */
export const SID_PATTERN = /^[A-Z][A-Z0-9]{2}$/;

/**
 * The typed view of one landscape file. Every field keeps the YAML pair it came from, so a rule
 * can point at the exact key or value. Fields whose YAML has the wrong shape are left out here;
 * the schema check reports them, and rules see only what they can rely on.
 */
export interface Field<T> {
  value: T;
  pair: Pair;
}

export interface LandscapeModel {
  root: MapNode;
  name?: Field<string>;
  /** Whose landscape this is (informational; landscapes are scoped by `name`). */
  customer?: Field<string>;
  partner?: Field<boolean>;
  /** The customer's SAProuter route towards SAP: SAP Support's way in (remote support). */
  saprouter?: Field<string>;
  /** The route your own connections take to this file's systems (see accessRouteOf). */
  accessRoute?: Field<string>;
  users: UserDeclaration[];
  systems: SystemDeclaration[];
}

export interface UserDeclaration {
  id: string;
  pair: Pair;
  kind?: Field<string>;
}

export interface SystemDeclaration {
  sid: string;
  pair: Pair;
  node: MapNode;
  product?: Field<string>;
  role?: Field<string>;
  release?: Field<string>;
  sps?: Field<number>;
  host?: Field<string>;
  instance?: Field<string>;
  client?: Field<string>;
  /** Message server host for load-balanced logon (live verification); with `logonGroup`. */
  messageServer?: Field<string>;
  logonGroup?: Field<string>;
  /** "36NN" or "sapms<SID>", with `messageServer`. */
  messageServerPort?: Field<string>;
  sncName?: Field<string>;
  /** Overrides the file's `accessRoute` for this system. */
  accessRoute?: Field<string>;
  clients: ClientDeclaration[];
  /** With `systemNumber`, how SAP identifies the system, whatever its SID. */
  installationNumber?: Field<string>;
  systemNumber?: Field<string>;
  /** https://host:port where live verification reads the system over ADT (default: host and 443<instance>). */
  adtUrl?: Field<string>;
  /** `sap` for a system SAP operates (RISE with SAP): SAP maintains its SM59 and support connectivity. */
  operatedBy?: Field<string>;
  tenants: TenantDeclaration[];
  /** The S-user Focused Run uses next to its technical communication user. */
  supportUser?: Field<string>;
  sslClient?: SslClientDeclaration;
  supportConnection?: Field<string>;
  solman?: Field<string>;
  focusedRun?: Field<string>;
  communicationUser?: Field<string>;
  noteAssistant?: NoteAssistantDeclaration;
  components: Map<string, ComponentDeclaration>;
  componentsPair?: Pair;
  rfcDestinations: DestinationDeclaration[];
  rfcDestinationsPair?: Pair;
  serviceConnections: ServiceConnectionDeclaration[];
  logonData: LogonDataDeclaration[];
}

export interface ClientDeclaration {
  /** The three-digit client as written. */
  client: string;
  pair: Pair;
  description?: Field<string>;
  language?: Field<string>;
}

export interface TenantDeclaration {
  name: string;
  pair: Pair;
  sqlPort?: Field<number>;
}

export interface SslClientDeclaration {
  pair: Pair;
  commonCryptoLib?: Field<string>;
  sapRootCertificates?: Field<boolean>;
}

export interface NoteAssistantDeclaration {
  pair: Pair;
  used?: Field<boolean>;
  digitallySignedNotes?: Field<boolean>;
  /** https | download-service | manual */
  procedure?: Field<string>;
  /** SID of the Download Service system. */
  downloadService?: Field<string>;
}

export interface ComponentDeclaration {
  name: string;
  pair: Pair;
  release?: Field<string>;
  sp?: Field<number>;
}

export interface DestinationDeclaration {
  name: string;
  pair: Pair;
  node?: MapNode;
  type?: Field<string>;
  target?: Field<string>;
  host?: Field<string>;
  port?: Field<number>;
  path?: Field<string>;
  user?: Field<string>;
  /** An HTTP destination's SAProuter route or proxy, which SM59 allows. */
  saprouter?: Field<string>;
  proxyHost?: Field<string>;
  status?: Field<string>;
  deactivatedOn?: Field<string>;
}

export interface ServiceConnectionDeclaration {
  typeId: string;
  pair: Pair;
  node?: MapNode;
  host?: Field<string>;
  port?: Field<number>;
  user?: Field<string>;
  /** For hana-mdc: the tenant database to open. */
  tenant?: Field<string>;
  windowPair?: Pair;
  from?: Field<string>;
  until?: Field<string>;
}

export interface LogonDataDeclaration {
  node: MapNode;
  user?: Field<string>;
  client?: Field<string>;
  expires?: Field<string>;
  secret?: Field<string>;
}

/** Builds the model; returns null when the document is not a mapping at all. */
export function buildModel(root: SourceNode | null): LandscapeModel | null {
  if (!root || root.kind !== 'map') return null;
  const model: LandscapeModel = {
    root,
    name: text(root, 'landscape'),
    customer: text(root, 'customer'),
    partner: flag(root, 'partner'),
    saprouter: text(root, 'saprouter'),
    accessRoute: text(root, 'accessRoute'),
    users: [],
    systems: [],
  };
  for (const pair of mapEntries(root, 'users')) {
    const map = asMap(pair.value);
    model.users.push({ id: writtenText(pair.key), pair, kind: map ? text(map, 'kind') : undefined });
  }
  for (const pair of mapEntries(root, 'systems')) model.systems.push(buildSystem(pair));
  return model;
}

export function buildSystem(pair: Pair): SystemDeclaration {
  const node = asMap(pair.value) ?? emptyMap(pair.value);
  const system: SystemDeclaration = {
    sid: writtenText(pair.key),
    pair,
    node,
    product: text(node, 'product'),
    role: text(node, 'role'),
    release: text(node, 'release'),
    sps: whole(node, 'sps'),
    host: text(node, 'host'),
    instance: text(node, 'instance'),
    client: text(node, 'client'),
    messageServer: text(node, 'messageServer'),
    logonGroup: text(node, 'logonGroup'),
    messageServerPort: text(node, 'messageServerPort'),
    sncName: text(node, 'sncName'),
    accessRoute: text(node, 'accessRoute'),
    clients: [],
    installationNumber: text(node, 'installationNumber'),
    systemNumber: text(node, 'systemNumber'),
    adtUrl: text(node, 'adtUrl'),
    operatedBy: text(node, 'operatedBy'),
    tenants: [],
    supportUser: text(node, 'supportUser'),
    supportConnection: text(node, 'supportConnection'),
    solman: text(node, 'solman'),
    focusedRun: text(node, 'focusedRun'),
    communicationUser: text(node, 'communicationUser'),
    components: new Map(),
    componentsPair: entryOf(node, 'components'),
    rfcDestinations: [],
    rfcDestinationsPair: entryOf(node, 'rfcDestinations'),
    serviceConnections: [],
    logonData: [],
  };
  const noteAssistant = entryOf(node, 'noteAssistant');
  const noteAssistantMap = noteAssistant && asMap(noteAssistant.value);
  if (noteAssistant && noteAssistantMap) {
    system.noteAssistant = {
      pair: noteAssistant,
      used: flag(noteAssistantMap, 'used'),
      digitallySignedNotes: flag(noteAssistantMap, 'digitallySignedNotes'),
      procedure: text(noteAssistantMap, 'procedure'),
      downloadService: text(noteAssistantMap, 'downloadService'),
    };
  }
  const sslClient = entryOf(node, 'sslClient');
  const sslClientMap = sslClient && asMap(sslClient.value);
  if (sslClient && sslClientMap) {
    system.sslClient = { pair: sslClient, commonCryptoLib: text(sslClientMap, 'commonCryptoLib'), sapRootCertificates: flag(sslClientMap, 'sapRootCertificates') };
  }
  for (const tenantPair of mapEntries(node, 'tenants')) {
    const map = asMap(tenantPair.value);
    system.tenants.push({ name: writtenText(tenantPair.key), pair: tenantPair, sqlPort: map && port(map, 'sqlPort') });
  }
  for (const clientPair of mapEntries(node, 'clients')) {
    const map = asMap(clientPair.value);
    system.clients.push({
      client: writtenText(clientPair.key),
      pair: clientPair,
      description: map && text(map, 'description'),
      language: map && text(map, 'language'),
    });
  }
  for (const componentPair of mapEntries(node, 'components')) {
    const map = asMap(componentPair.value);
    const name = writtenText(componentPair.key);
    system.components.set(name, {
      name,
      pair: componentPair,
      release: map ? text(map, 'release') : undefined,
      sp: map ? whole(map, 'sp') : undefined,
    });
  }
  for (const destinationPair of mapEntries(node, 'rfcDestinations')) {
    const map = asMap(destinationPair.value);
    system.rfcDestinations.push({
      name: writtenText(destinationPair.key),
      pair: destinationPair,
      node: map,
      type: map && text(map, 'type'),
      target: map && text(map, 'target'),
      host: map && text(map, 'host'),
      port: map && port(map, 'port'),
      path: map && text(map, 'path'),
      user: map && text(map, 'user'),
      saprouter: map && text(map, 'saprouter'),
      proxyHost: map && text(map, 'proxyHost'),
      status: map && text(map, 'status'),
      deactivatedOn: map && text(map, 'deactivatedOn'),
    });
  }
  for (const connectionPair of mapEntries(node, 'serviceConnections')) {
    const map = asMap(connectionPair.value);
    const windowPair = map && entryOf(map, 'window');
    const window = windowPair && asMap(windowPair.value);
    system.serviceConnections.push({
      typeId: writtenText(connectionPair.key),
      pair: connectionPair,
      node: map,
      host: map && text(map, 'host'),
      port: map && port(map, 'port'),
      user: map && text(map, 'user'),
      tenant: map && text(map, 'tenant'),
      windowPair,
      from: window && text(window, 'from'),
      until: window && text(window, 'until'),
    });
  }
  const logonData = entryOf(node, 'logonData');
  if (logonData?.value.kind === 'seq') {
    for (const item of logonData.value.items) {
      if (item.kind !== 'map') continue;
      system.logonData.push({
        node: item,
        user: text(item, 'user'),
        client: text(item, 'client'),
        expires: text(item, 'expires'),
        secret: text(item, 'secret'),
      });
    }
  }
  return system;
}

export function asMap(node: SourceNode): MapNode | undefined {
  return node.kind === 'map' ? node : undefined;
}

function emptyMap(at: SourceNode): MapNode {
  return { kind: 'map', flow: false, start: at.start, end: at.end, pairs: [], entries: new Map(), distinct: true };
}

function mapEntries(map: MapNode, key: string): Iterable<Pair> {
  const value = entryOf(map, key)?.value;
  return value?.kind === 'map' ? entriesOf(value) : [];
}

/**
 * Text fields accept any scalar and keep what was written: `instance: 00` is reported by the
 * schema (quote it), yet the rules still see "00" rather than the number 0.
 */
function text(map: MapNode, key: string): Field<string> | undefined {
  const pair = entryOf(map, key);
  if (!pair || pair.value.kind !== 'scalar' || pair.value.value === null) return undefined;
  return { value: writtenText(pair.value), pair };
}

function flag(map: MapNode, key: string): Field<boolean> | undefined {
  const pair = entryOf(map, key);
  if (!pair || pair.value.kind !== 'scalar' || typeof pair.value.value !== 'boolean') return undefined;
  return { value: pair.value.value, pair };
}

/** A port as src/core/ports.ts reads it (the schema's `port` format asks the same reader). */
function port(map: MapNode, key: string): Field<number> | undefined {
  const pair = entryOf(map, key);
  if (!pair || pair.value.kind !== 'scalar') return undefined;
  const value = portNumber(pair.value.value);
  return value === undefined ? undefined : { value, pair };
}

function whole(map: MapNode, key: string): Field<number> | undefined {
  const pair = entryOf(map, key);
  if (!pair || pair.value.kind !== 'scalar') return undefined;
  // Quoted, only decimal digits count: Number() would read "0x50" as 80, "8e3" as 8000 and " 80 " as 80.
  const written = pair.value.value;
  const value = typeof written === 'string' ? (/^[0-9]+$/.test(written) ? Number(written) : undefined) : written;
  if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
  return { value, pair };
}
