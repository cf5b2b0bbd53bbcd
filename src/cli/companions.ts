import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { CompanionReader } from '../core/landscape/file';

/** Companion files (a saprouttab) and SAP Logon files beyond this size are declined. */
export const MAX_COMPANION_BYTES = 256 * 1024 * 1024;

/**
 * Reads a regular file only (never a FIFO or device that could block), with the size limit
 * enforced while reading. Errors say why in a few words (for "Cannot read X: ...").
 */
export function readRegularFile(path: string, limit = MAX_COMPANION_BYTES): Buffer {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw new Error((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : ((error as NodeJS.ErrnoException).code ?? String(error)), { cause: error });
  }
  if (!stats.isFile()) throw new Error('not a regular file');
  const descriptor = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(fstatSync(descriptor).size, limit) + 1);
    let length = 0;
    for (let read; length < buffer.length && (read = readSync(descriptor, buffer, length, buffer.length - length, null)) > 0; ) length += read;
    if (length > limit) throw new Error(`larger than ${limit} bytes`);
    return buffer.subarray(0, length);
  } finally {
    closeSync(descriptor);
  }
}

/** The reader a landscape file at `landscapePath` uses for the files it names relative to itself. */
export function companionReader(landscapePath: string, shown: (path: string) => string): CompanionReader {
  return (relativePath) => {
    const path = isAbsolute(relativePath) ? relativePath : resolve(dirname(landscapePath), relativePath);
    try {
      return { ok: true, path: shown(path), text: readRegularFile(path).toString('utf8') };
    } catch (error) {
      return { ok: false, path: shown(path), message: (error as Error).message };
    }
  };
}
