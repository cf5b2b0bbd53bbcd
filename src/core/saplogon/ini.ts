import { SapLogonFormatError, type LogonEntry, type LogonFileContent } from './entries';

/**
 * Reads saplogon.ini (SAP Logon before 7.50): an INI file whose sections are attributes and
 * whose keys `Item<n>` are entries, so entry n is the n-th key of [Description], [MSSysName],
 * [Server], ... (see docs/import-export.md for the sections used and how sure we are of them).
 * A line that is neither a section, a key=value pair, a comment nor blank stops the import with
 * its line and column.
 */
export function readSaplogonIni(text: string, path: string): LogonFileContent {
  const sections = new Map<string, Map<number, { value: string; line: number }>>();
  let current: Map<number, { value: string; line: number }> | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) return;
    const lineNumber = index + 1;
    const column = raw.length - raw.trimStart().length + 1;
    if (line.startsWith('[')) {
      const end = line.indexOf(']');
      if (end === -1) throw new SapLogonFormatError(path, lineNumber, column + line.length, `The section name [${line.slice(1)} has no closing "]".`);
      current = new Map();
      sections.set(line.slice(1, end).trim().toLowerCase(), current);
      return;
    }
    const equals = line.indexOf('=');
    if (equals === -1) throw new SapLogonFormatError(path, lineNumber, column, `"${truncate(line)}" is neither a [section] nor a key=value line.`);
    if (!current) throw new SapLogonFormatError(path, lineNumber, column, `"${truncate(line)}" stands before the first [section].`);
    const item = /^item(\d+)$/i.exec(line.slice(0, equals).trim());
    if (item) current.set(Number(item[1]), { value: line.slice(equals + 1).trim(), line: lineNumber });
  });
  const content: LogonFileContent = { path, entries: [], messageServers: [], routers: [], includes: [] };
  const value = (section: string, item: number): string | undefined => sections.get(section)?.get(item)?.value || undefined;
  const numbers = new Set<number>();
  for (const section of ['description', 'server', 'mssysname', 'database']) for (const item of sections.get(section)?.keys() ?? []) numbers.add(item);
  for (const item of [...numbers].sort((a, b) => a - b)) {
    const line = Math.min(...[...sections.values()].flatMap((section) => (section.has(item) ? [section.get(item)!.line] : [])));
    const server = value('server', item);
    const origin = value('origin', item)?.toUpperCase();
    const messageServer = value('mssrvname', item);
    const entry: LogonEntry = {
      file: path,
      line,
      name: value('description', item) ?? `Item${item}`,
      type: 'SAPGUI',
      sid: value('mssysname', item),
      route: value('router', item),
      sncName: value('sncname', item),
    };
    // Group logon (load balancing): [Server] holds the group, [MSSrvName] the message server.
    if (origin === 'MS_SEL_GROUPS' && server && messageServer) entry.group = { logonGroup: server, messageServer, messageServerPort: value('mssrvport', item) };
    else if (server) entry.direct = { host: server, instance: value('database', item) };
    content.entries.push(entry);
  }
  return content;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
