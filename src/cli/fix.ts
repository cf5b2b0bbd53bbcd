import { chmodSync, lstatSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { LandscapeText } from '../core/engine';
import type { FixOutcome } from '../core/fix';
import { decodeLandscapeBytes } from '../core/landscape/decode';
import { plural } from '../core/report/summary';
import { writeFileAtomically } from './files';

const BYTE_ORDER_MARK = '\ufeff';

/**
 * Writes the fixed texts back, each atomically and only onto a regular file: a symbolic link, a
 * device or a FIFO named on the command line is left alone, and so is a file that changed on
 * disk since it was read (someone else's edit wins). A byte-order mark and the file's mode are
 * kept. Returns one line per file that was not written, for standard error.
 */
export function writeFixedFiles(original: readonly LandscapeText[], outcome: FixOutcome, cwd: string): string[] {
  const problems: string[] = [];
  for (const path of outcome.changed) {
    const absolute = resolve(cwd, path);
    const before = original.find((text) => text.path === path)!;
    const after = outcome.texts.find((text) => text.path === path)!;
    const stats = lstatSync(absolute, { throwIfNoEntry: false });
    if (!stats?.isFile()) {
      problems.push(`${path}: not fixed, it is not a regular file${stats?.isSymbolicLink() ? ' (a symbolic link: fix the file it points to)' : ''}.`);
      continue;
    }
    const bytes = readFileSync(absolute);
    const now = decodeLandscapeBytes(bytes);
    if (!now.ok || now.text !== before.text) {
      problems.push(`${path}: not fixed, it changed while sapready was checking it.`);
      continue;
    }
    const hadByteOrderMark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    writeFileAtomically(absolute, hadByteOrderMark ? BYTE_ORDER_MARK + after.text : after.text);
    chmodSync(absolute, stats.mode & 0o7777);
  }
  return problems;
}

/** What `--fix` would change, as a unified diff that `git apply` and `patch -p1` take. */
export function fixDiff(original: readonly LandscapeText[], outcome: FixOutcome): string {
  return outcome.changed
    .map((path) => {
      const before = original.find((text) => text.path === path)!.text;
      const after = outcome.texts.find((text) => text.path === path)!.text;
      return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
    })
    .join('');
}

/** One line for standard error: what --fix did. */
export function fixSummary(outcome: FixOutcome, dryRun: boolean): string {
  if (outcome.changed.length === 0) return 'Nothing to fix.';
  return `${dryRun ? 'Would fix' : 'Fixed'} ${plural(outcome.fixedCount, 'problem')} in ${plural(outcome.changed.length, 'file')}.`;
}
