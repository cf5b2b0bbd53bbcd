import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, constants, fstatSync, lstatSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// Reading and writing files on disk for the CLI and the extension alike (the extension host
// reads landscape files through VS Code's file system; its worker and SAP Logon import and
// export come here).

/** A file could not be written; the message names the file and the system's error code. */
export class CannotWriteError extends Error {}

export type ReadFile = { ok: true; bytes: Buffer } | { ok: false; problem: string } | { ok: false; oversize: number };

const READ_CHUNK = 1024 * 1024;

/**
 * Reads an input file: only a regular file, since a FIFO, socket or device may block or never
 * end (a link to /dev/zero grew without bound), and never more than `maxBytes` of it, so an
 * oversized file is declined without being held in memory. The type is checked before opening
 * (opening a device can have effects) and again on the open file, which may have been swapped.
 */
export function readRegularFile(path: string, maxBytes: number): ReadFile {
  let fd: number | undefined;
  try {
    const before = statSync(path);
    if (!before.isFile()) return { ok: false, problem: notRegular(before) };
    if (before.size > maxBytes) return { ok: false, oversize: before.size };
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { ok: false, problem: notRegular(opened) };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) return { ok: false, oversize: Math.max(total, fstatSync(fd).size) };
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { ok: false, problem: describeReadError(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function notRegular(stats: Stats): string {
  const kind = stats.isDirectory()
    ? 'a folder'
    : stats.isFIFO()
      ? 'a FIFO'
      : stats.isSocket()
        ? 'a socket'
        : stats.isCharacterDevice() || stats.isBlockDevice()
          ? 'a device'
          : 'not a file';
  return `it is ${kind}, not a regular file`;
}

const READ_ERRORS: Record<string, string> = {
  ELOOP: 'ELOOP (a loop of symbolic links)',
  ENOENT: 'ENOENT (gone, a broken symbolic link, or a file name that is not UTF-8)',
  EACCES: 'EACCES (no permission to read it)',
};

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? (READ_ERRORS[code] ?? code) : String(error);
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
    if (existing) {
      keepOwner(temporary, existing);
      chmodSync(temporary, existing.mode & 0o7777);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw cannotWrite(path, error);
  }
}

/**
 * The renamed file would be the writer's: run as root (CI, a container) sapready would take the
 * file from its owner. Without the right to give a file away (EPERM, not root) the new file stays
 * the writer's, as after any editor's save by rename.
 */
function keepOwner(path: string, owner: Stats): void {
  try {
    chownSync(path, owner.uid, owner.gid);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}

function cannotWrite(path: string, error: unknown): CannotWriteError {
  return new CannotWriteError(`Cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
}
