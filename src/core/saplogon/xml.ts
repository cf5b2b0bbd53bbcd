import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { SapLogonFormatError, type LogonEntry, type LogonFileContent } from './entries';

/**
 * Reads a SAP UI landscape file (SAPUILandscape.xml, SAPUILandscapeGlobal.xml): its services,
 * message servers, routers and includes, and for each service the workspace node it is listed
 * in. A streaming parser keeps a 50 MB file to one pass; XML that is not well-formed, or a root
 * element other than <Landscape>, stops the import with the line and column.
 */
export function readLandscapeXml(text: string, path: string): LogonFileContent {
  const content: LogonFileContent = { path, entries: [], messageServers: [], routers: [], includes: [] };
  const parser = new SaxesParser({ position: true });
  const open: string[] = [];
  const nodeOfService = new Map<string, { workspace?: string; node?: string }>();
  let workspace: string | undefined;
  let node: string | undefined;
  const fail = (message: string): never => {
    throw new SapLogonFormatError(path, parser.line, parser.column + 1, message);
  };
  parser.on('error', (error) => fail(`not well-formed XML: ${error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')}`));
  parser.on('opentag', (tag) => {
    const name = tag.name.toLowerCase();
    const attributes = (tag as SaxesTagPlain).attributes;
    if (open.length === 0 && name !== 'landscape') fail(`The root element is <${tag.name}>; a SAP UI landscape file starts with <Landscape>.`);
    open.push(name);
    const line = parser.line;
    switch (name) {
      case 'workspace':
        workspace = attributes.name;
        node = undefined;
        break;
      case 'node':
        node = attributes.name;
        break;
      case 'item':
        if (attributes.serviceid) nodeOfService.set(attributes.serviceid, { workspace, node });
        break;
      case 'service':
        content.entries.push(serviceEntry(attributes, path, line));
        break;
      case 'messageserver':
        if (attributes.uuid && attributes.host) content.messageServers.push({ uuid: attributes.uuid, name: attributes.name ?? '', host: attributes.host.trim(), port: attributes.port?.trim() || undefined });
        break;
      case 'router':
        if (attributes.uuid && attributes.router) content.routers.push({ uuid: attributes.uuid, name: attributes.name ?? '', route: attributes.router.trim() });
        break;
      case 'include':
        if (attributes.url) content.includes.push({ url: attributes.url.trim(), line });
        break;
    }
  });
  // saxes reports a closing tag for self-closing elements too, so every open is matched.
  parser.on('closetag', () => {
    const name = open.pop();
    if (name === 'workspace') workspace = undefined;
    else if (name === 'node') node = undefined;
  });
  parser.write(text).close();
  for (const entry of content.entries) {
    const place = entry.uuid ? nodeOfService.get(entry.uuid) : undefined;
    entry.workspace = place?.workspace;
    entry.node = place?.node;
  }
  return content;
}

function serviceEntry(attributes: Record<string, string>, file: string, line: number): LogonEntry {
  const value = (name: string): string | undefined => {
    const found = attributes[name]?.trim();
    return found ? found : undefined;
  };
  // User text stays as written; only identifiers and addresses are trimmed.
  const description = attributes.description === '' ? undefined : attributes.description;
  return {
    file,
    line,
    name: value('name') ?? value('uuid') ?? `entry on line ${line}`,
    type: value('type') ?? 'SAPGUI',
    uuid: value('uuid'),
    sid: value('systemid'),
    description,
    server: value('server'),
    messageServerId: value('msid'),
    routerId: value('routerid'),
    sncName: value('sncname'),
    connectionId: value('sapguiid'),
    client: value('client'),
    language: value('language'),
  };
}
