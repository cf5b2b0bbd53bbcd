import { randomBytes } from 'node:crypto';
import { chmodSync, lstatSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, type Dirent, type Stats } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';

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
    } else if ((entry.isFile() || entry.isSymbolicLink()) && LANDSCAPE_FILE.test(entry.name)) found.add(path);
  }
}

/**
 * Writes a report or landscape. A regular file (or a new path) is written through a temporary
 * file in the same folder and renamed, so a reader never sees half a report, and keeps its
 * permissions. Anything else that exists (a device such as /dev/null, a FIFO, /dev/stdout, a
 * symbolic link) is written into and never replaced: renaming over /dev/null as root would
 * leave a regular file there for every later program.
 */
export function writeFileAtomically(path: string, content: string): void {
  let existing: Stats | undefined;
  try {
    existing = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw cannotWrite(path, error);
  }
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    try {
      writeFileSync(path, content);
    } catch (error) {
      throw cannotWrite(path, error);
    }
    return;
  }
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content, { flag: 'wx' });
    if (existing) chmodSync(temporary, existing.mode & 0o7777);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw cannotWrite(path, error);
  }
}

function cannotWrite(path: string, error: unknown): UsageError {
  return new UsageError(`Cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
}
