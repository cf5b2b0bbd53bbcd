import { createHash } from 'node:crypto';
import type { LandscapeModel, SystemDeclaration } from '../landscape/model';
import { entriesOf, entryOf, writtenText, type MapNode } from '../landscape/sourceTree';
import type { LogonSystem } from './resolve';

/** The systems of one landscape (all files sharing a `landscape:` name) to export. */
export interface ExportedLandscape {
  name: string;
  systems: Array<LogonSystem & { group: string }>;
}

/**
 * The connection data of a landscape file's systems, as SAP Logon needs it. A system's own
 * `accessRoute` wins over the file's. Groups (workspace nodes) are the role, else the product.
 */
export function exportedSystems(model: LandscapeModel): Array<LogonSystem & { group: string }> {
  const fileRoute = text(model.root, 'accessRoute');
  return model.systems.map((system) => {
    const clients = new Map<string, { language?: string }>();
    const clientsNode = entryOf(system.node, 'clients')?.value;
    if (clientsNode?.kind === 'map') {
      for (const pair of entriesOf(clientsNode)) clients.set(writtenText(pair.key), { language: pair.value.kind === 'map' ? text(pair.value, 'language') : undefined });
    }
    if (system.client && !clients.has(system.client.value)) clients.set(system.client.value, {});
    return {
      sid: system.sid,
      description: system.node && text(system.node, 'description'),
      host: system.host?.value,
      instance: system.instance?.value,
      messageServer: system.messageServer?.value,
      messageServerPort: text(system.node, 'messageServerPort'),
      logonGroup: system.logonGroup?.value,
      accessRoute: text(system.node, 'accessRoute') ?? fileRoute,
      sncName: text(system.node, 'sncName'),
      clients,
      entries: [],
      group: groupOf(system),
    };
  });
}

function groupOf(system: SystemDeclaration): string {
  return system.role?.value ?? system.product?.value ?? 'systems';
}

function text(map: MapNode, key: string): string | undefined {
  const pair = entryOf(map, key);
  return pair && pair.value.kind === 'scalar' && pair.value.value !== null ? writtenText(pair.value) : undefined;
}

/**
 * A SAP UI landscape file (SAPUILandscape.xml) that SAP GUI can use as a central landscape
 * file: a workspace per landscape, a node per role or product, message servers and routers as
 * elements of their own. Every uuid is derived from the landscape name and what the element
 * stands for, so exporting again gives the same uuids and SAP Logon replaces entries instead of
 * duplicating them.
 */
export function sapUiLandscapeXml(landscapes: readonly ExportedLandscape[], generator: string): string {
  const workspaces: string[] = [];
  const services: string[] = [];
  const messageServers = new Map<string, string>();
  const routers = new Map<string, string>();
  for (const landscape of landscapes) {
    const nodes = new Map<string, string[]>();
    const id = (...parts: string[]): string => derivedUuid(landscape.name, ...parts);
    for (const system of [...landscape.systems].sort((a, b) => a.sid.localeCompare(b.sid))) {
      const common: Record<string, string | undefined> = { type: 'SAPGUI', systemid: system.sid, description: system.description, sncname: system.sncName, sncop: system.sncName ? '9' : undefined };
      if (system.accessRoute) {
        const routerId = id('router', system.accessRoute);
        common.routerid = routerId;
        routers.set(routerId, element('Router', { uuid: routerId, name: system.accessRoute, router: system.accessRoute }));
      }
      const own: string[] = [];
      if (system.messageServer) {
        const serverId = id('messageserver', system.messageServer, system.messageServerPort ?? '');
        messageServers.set(serverId, element('Messageserver', { uuid: serverId, name: system.sid, host: system.messageServer, port: system.messageServerPort }));
        const uuid = id('service', system.sid, 'group');
        own.push(uuid);
        services.push(element('Service', { uuid, name: `${system.sid} [${system.logonGroup ?? 'PUBLIC'}]`, ...common, msid: serverId, server: system.logonGroup ?? 'PUBLIC' }));
      }
      if (system.host) {
        const uuid = id('service', system.sid, 'server');
        own.push(uuid);
        const host = system.host.includes(':') ? `[${system.host}]` : system.host;
        services.push(element('Service', { uuid, name: `${system.sid} ${system.host}`, ...common, mode: '1', server: system.instance ? `${host}:32${system.instance}` : host }));
      }
      for (const [client, { language }] of [...system.clients].sort(([a], [b]) => a.localeCompare(b))) {
        if (own.length === 0) break;
        const uuid = id('shortcut', system.sid, client);
        own.push(uuid);
        services.push(element('Service', { uuid, name: `${system.sid} ${client}`, type: 'Reference', systemid: system.sid, sapguiid: own[0], client, language }));
      }
      const items = nodes.get(system.group) ?? [];
      items.push(...own.map((serviceId) => `        ${element('Item', { uuid: id('item', serviceId), serviceid: serviceId })}`));
      nodes.set(system.group, items);
    }
    const nodeElements = [...nodes].map(([name, items]) => [`      <Node ${attributes({ uuid: id('node', name), name })}>`, ...items, '      </Node>'].join('\n'));
    workspaces.push([`    <Workspace ${attributes({ uuid: id('workspace'), name: landscape.name })}>`, ...nodeElements, '    </Workspace>'].join('\n'));
  }
  const section = (name: string, items: Iterable<string>): string[] => {
    const list = [...items];
    return list.length === 0 ? [] : [`  <${name}>`, ...list.map((item) => `    ${item}`), `  </${name}>`];
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Landscape ${attributes({ version: '1', generator })}>`,
    '  <Workspaces>',
    ...workspaces,
    '  </Workspaces>',
    ...section('Services', services),
    ...section('Messageservers', messageServers.values()),
    ...section('Routers', routers.values()),
    '</Landscape>',
    '',
  ].join('\n');
}

function element(name: string, values: Record<string, string | undefined>): string {
  return `<${name} ${attributes(values)}/>`;
}

function attributes(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
    .join(' ');
}

/**
 * Attribute values are user text (descriptions): markup characters become references, and so do
 * tabs and line breaks, which XML would otherwise turn into spaces. Characters XML 1.0 cannot
 * carry at all become U+FFFD, so the file stays well-formed.
 */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"'\t\n\r]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (char) => {
    switch (char) {
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '"': return '&quot;';
      case "'": return '&apos;';
      case '\t': return '&#9;';
      case '\n': return '&#10;';
      case '\r': return '&#13;';
      default: return '\ufffd';
    }
  });
}

/** A name-based uuid (version 5 layout, SHA-1) in sapready's own namespace. */
function derivedUuid(...parts: string[]): string {
  const hash = createHash('sha1').update(['sapready-sap-logon', ...parts].join('\u0000')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
