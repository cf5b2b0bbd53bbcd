/**
 * What SAP Logon's files say about one connection entry, before entries are resolved against
 * the message servers and routers of all given files and merged per SID. SAPUILandscape.xml and
 * saplogon.ini are both read into this shape.
 */
export interface LogonEntry {
  /** The file the entry was read from, as the face shows it. */
  file: string;
  /** 1-based line of the entry in its file. */
  line: number;
  /** The entry's name in SAP Logon: what warnings call it. */
  name: string;
  /** SAPGUI for connection entries; FIORI, NWBC, HTTP, SEARCH, Reference, ... otherwise. */
  type: string;
  uuid?: string;
  sid?: string;
  description?: string;
  /** SAPUILandscape.xml: `host:port` of an application server, or a logon group's name with `messageServerId`. */
  server?: string;
  messageServerId?: string;
  routerId?: string;
  /** saplogon.ini names the connection directly instead of by id. */
  direct?: { host: string; instance?: string };
  group?: { logonGroup: string; messageServer: string; messageServerPort?: string };
  route?: string;
  sncName?: string;
  /** Shortcuts: the connection entry they start (SAPUILandscape.xml `sapguiid`), client and language. */
  connectionId?: string;
  client?: string;
  language?: string;
  /** The workspace node the entry sits in (SAPUILandscape.xml), e.g. "Production". */
  node?: string;
  workspace?: string;
}

export interface MessageServerEntry {
  uuid: string;
  name: string;
  host: string;
  port?: string;
}

export interface RouterEntry {
  uuid: string;
  name: string;
  route: string;
}

/** One file's content; several files given together are one landscape. */
export interface LogonFileContent {
  path: string;
  entries: LogonEntry[];
  messageServers: MessageServerEntry[];
  routers: RouterEntry[];
  /** `<Include url=...>` of SAPUILandscape.xml, in the order written. */
  includes: { url: string; line: number }[];
}

/** Something the import left out or decided, named with the file and entry it concerns. */
export interface ImportWarning {
  file: string;
  entry?: string;
  message: string;
}

/** `file: entry "name": message`, as both faces show a warning. */
export function describeWarning(warning: ImportWarning): string {
  return `${warning.file}${warning.entry !== undefined ? `: entry ${JSON.stringify(warning.entry)}` : ''}: ${warning.message}`;
}

/** A file SAP Logon could not have read: the import stops (exit code 2) with this position. */
export class SapLogonFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}
