import { dirname, isAbsolute, resolve } from 'node:path';
import type { CompanionReader } from './file';
import { readRegularFile } from '../regular-files';

/** Companion files (a saprouttab) and SAP Logon files beyond this size are declined. */
export const MAX_COMPANION_BYTES = 256 * 1024 * 1024;

/**
 * Reads a regular file only (never a FIFO or device that could block), with the size limit
 * enforced while reading; throws an error that says why in a few words (for "Cannot read X: ...").
 */
export function readCompanionFile(path: string, limit = MAX_COMPANION_BYTES): Buffer {
  const read = readRegularFile(path, limit);
  if (read.ok) return read.bytes;
  throw new Error('oversize' in read ? `larger than ${limit} bytes` : read.problem);
}

/** Where a file that the landscape file at `landscapePath` names (relative to itself, or absolute) is. */
export function companionPath(landscapePath: string, relativePath: string): string {
  return isAbsolute(relativePath) ? relativePath : resolve(dirname(landscapePath), relativePath);
}

/** The reader a landscape file at `landscapePath` uses for the files it names relative to itself. */
export function companionReader(landscapePath: string, shown: (path: string) => string): CompanionReader {
  return (relativePath) => {
    const path = companionPath(landscapePath, relativePath);
    try {
      return { ok: true, path: shown(path), text: readCompanionFile(path).toString('utf8') };
    } catch (error) {
      return { ok: false, path: shown(path), message: (error as Error).message };
    }
  };
}
