import { SapLogonFormatError, type LogonFileContent } from './entries';
import { readSaplogonIni } from './ini';
import { readLandscapeXml } from './xml';

/**
 * One SAP Logon file of either kind, told apart by its first character: `<` is a landscape
 * XML file, `[` or `;` saplogon.ini. An empty file holds no entries; anything else is not a
 * SAP Logon file and stops the import with its position.
 */
export function readSapLogonText(text: string, path: string): LogonFileContent {
  const start = text.search(/\S/);
  if (start === -1) return { path, entries: [], messageServers: [], routers: [], includes: [] };
  const first = text[start];
  if (first === '<') return readLandscapeXml(text, path);
  if (first === '[' || first === ';') return readSaplogonIni(text, path);
  const line = text.slice(0, start).split('\n').length;
  const column = start - text.lastIndexOf('\n', start - 1);
  throw new SapLogonFormatError(path, line, column, 'This is neither a SAP UI landscape file (XML, starts with "<") nor a saplogon.ini (starts with "[").');
}

/**
 * The local path an `<Include url>` names, for `file:` URLs only: SAP Logon also includes
 * landscapes over HTTP, which the import does not fetch.
 */
export function includedPath(url: string, platform: NodeJS.Platform = process.platform): string | undefined {
  const match = /^file:(?:\/\/([^/]*))?(\/.*)$/i.exec(url);
  if (!match) return undefined;
  const [, server, rest] = match;
  const path = decodeURIComponent(rest);
  if (server) return `//${server}${path}`;
  if (/^\/[A-Za-z]:[/\\]/.test(path)) return platform === 'win32' ? path.slice(1).replace(/\//g, '\\') : path.slice(1);
  return path;
}
