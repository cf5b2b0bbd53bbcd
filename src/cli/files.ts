import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LandscapeText } from '../core/engine';
import { decodeLandscapeBytes } from '../core/landscape/decode';
import { oversizeMessage } from '../core/landscape/file';
import { readRegularFile } from '../core/regular-files';

/** A problem with how sapready was called or with its input files: exit code 2, no stack trace. */
export class UsageError extends Error {}

const LANDSCAPE_FILE = /\.landscape\.ya?ml$/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * Files named on the command line are checked whatever their name; folders are searched for
 * `*.landscape.yaml` / `*.landscape.yml` (symbolic links to folders are not followed, so a
 * link cycle cannot hang the search). The result is sorted and free of duplicates.
 */
export function findLandscapeFiles(paths: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const given of paths) {
    const path = resolve(cwd, given);
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      throw new UsageError(`No such file or folder: ${given}`);
    }
    if (!isFolder) {
      found.add(path);
      continue;
    }
    const before = found.size;
    walk(path, found);
    if (found.size === before) throw new UsageError(`No landscape files (*.landscape.yaml, *.landscape.yml) in ${given}.`);
  }
  return [...found].sort();
}

function walk(folder: string, found: Set<string>): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`Cannot read folder ${folder}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(path, found);
      // Whatever else carries the name (a link, a FIFO) is listed, and declined with a message when read.
    } else if (LANDSCAPE_FILE.test(entry.name)) found.add(path);
  }
}

/**
 * Reads the landscape files of a run. A file that cannot be read is a finding about that file,
 * not the end of the run: the other files are still checked.
 */
export function readLandscapeTexts(paths: readonly string[], maxFileBytes: number, displayPath: (path: string) => string): LandscapeText[] {
  return paths.map((path) => {
    const shown = displayPath(path);
    const read = readRegularFile(path, maxFileBytes);
    if ('oversize' in read) return { path: shown, text: '', unreadable: oversizeMessage(read.oversize, maxFileBytes) };
    if (!read.ok) return { path: shown, text: '', unreadable: `File not checked: ${read.problem}.` };
    const decoded = decodeLandscapeBytes(read.bytes);
    return decoded.ok ? { path: shown, text: decoded.text } : { path: shown, text: '', unreadable: decoded.message };
  });
}
