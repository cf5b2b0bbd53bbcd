import { decodeSapLogonBytes } from './decode';
import type { ImportWarning, LogonFileContent } from './entries';
import { includedPath, readSapLogonText } from './read';

/** How a face reads files: bytes of a regular file, or an Error saying why not in a few words. */
export interface SapLogonFileAccess {
  read(path: string): Uint8Array;
  /** The path as the engineer sees it (relative to the working folder, say). */
  show(path: string): string;
}

export class SapLogonReadError extends Error {}

/**
 * Reads the given SAP Logon files and, after each, the local files its `<Include url>` name,
 * each once. A given file that cannot be read (SapLogonReadError), or any file that is not
 * well-formed (SapLogonFormatError), stops the import; an include that cannot be read is a warning,
 * as SAP Logon itself goes on without it.
 */
export function collectSapLogonFiles(paths: readonly string[], access: SapLogonFileAccess): { files: LogonFileContent[]; warnings: ImportWarning[] } {
  const files: LogonFileContent[] = [];
  const warnings: ImportWarning[] = [];
  const seen = new Set<string>();
  const queue: Array<{ path: string; includedBy?: string; url?: string }> = paths.map((path) => ({ path }));
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { path, includedBy, url } = next;
    if (seen.has(path)) continue;
    seen.add(path);
    const shown = access.show(path);
    let bytes: Uint8Array;
    try {
      bytes = access.read(path);
    } catch (error) {
      if (includedBy === undefined) throw new SapLogonReadError(`Cannot read ${shown}: ${(error as Error).message}`);
      warnings.push({ file: includedBy, message: `<Include url="${url}"> not followed: ${(error as Error).message}` });
      continue;
    }
    const content = readSapLogonText(decodeSapLogonBytes(bytes), shown);
    files.push(content);
    if (content.entries.length === 0 && content.messageServers.length === 0 && content.routers.length === 0) warnings.push({ file: shown, message: 'holds no SAP Logon entries' });
    for (const include of content.includes) {
      const local = includedPath(include.url);
      if (local === undefined) warnings.push({ file: shown, message: `<Include url="${include.url}"> on line ${include.line} not followed: only local file: URLs are read` });
      else queue.push({ path: local, includedBy: shown, url: include.url });
    }
  }
  return { files, warnings };
}
