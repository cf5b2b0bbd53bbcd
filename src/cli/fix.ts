import { chmodSync, lstatSync, readFileSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { ResolvedOptions } from '../core/config/options';
import { checkLandscapes, type CheckResult, type LandscapeText } from '../core/engine';
import { fixLandscapes, type FixOutcome } from '../core/fix';
import { decodeLandscapeBytes } from '../core/landscape/decode';
import { plural } from '../core/report/summary';
import type { Rule } from '../core/rules/rule';
import { CannotWriteError, writeFileAtomically } from '../core/regular-files';

/**
 * `check --fix` and `--fix-dry-run`: fixes the texts, writes them back (or prints the diff
 * instead), says on standard error what was done, and returns the check of what the files now
 * hold. A file that could not be written is reported as it is on disk.
 */
export function runFixes(texts: readonly LandscapeText[], options: ResolvedOptions, rules: readonly Rule[] | undefined, cwd: string, dryRun: boolean): CheckResult {
  const fixed = fixLandscapes(texts, options, rules);
  const unwritten = dryRun ? unwritableFiles(fixed, cwd) : writeFixedFiles(texts, fixed, cwd);
  for (const { message } of unwritten) process.stderr.write(`sapready: ${message}\n`);
  const applied = { ...fixed, changed: fixed.changed.filter((path) => !unwritten.some((entry) => entry.path === path)) };
  if (dryRun) process.stdout.write(fixDiff(texts, applied));
  process.stderr.write(`sapready: ${fixSummary(applied, dryRun)}\n`);
  if (unwritten.length === 0) return fixed.result;
  return checkLandscapes(fixed.texts.map((text, index) => (unwritten.some((entry) => entry.path === text.path) ? texts[index] : text)), options, rules);
}

const BYTE_ORDER_MARK = '\ufeff';

interface Unwritten {
  path: string;
  message: string;
}

/**
 * Why --fix leaves a file alone, or undefined when it may write it: only a regular file that
 * its owner can write is replaced. A symbolic link, a device or a FIFO named on the command
 * line is not ours to replace, a read-only file says "do not change me" (the atomic rename
 * would otherwise replace it, since that needs only the folder's permission), and a file with
 * several hard links would keep its old text under its other names.
 */
function whyNotWritable(path: string, stats: Stats | undefined): string | undefined {
  if (!stats?.isFile()) return `${path}: not fixed, it is not a regular file${stats?.isSymbolicLink() ? ' (a symbolic link: fix the file it points to)' : ''}.`;
  if ((stats.mode & 0o222) === 0) return `${path}: not fixed, it is read-only.`;
  if (stats.nlink > 1) return `${path}: not fixed, it has ${stats.nlink} hard links, which a new file would part.`;
  return undefined;
}

/** The changed files that --fix would not write (what --fix-dry-run leaves out of its diff). */
function unwritableFiles(outcome: FixOutcome, cwd: string): Unwritten[] {
  return outcome.changed.flatMap((path) => {
    const message = whyNotWritable(path, lstatSync(resolve(cwd, path), { throwIfNoEntry: false }));
    return message ? [{ path, message }] : [];
  });
}

/**
 * Writes the fixed texts back, each atomically and only where whyNotWritable allows, and not
 * onto a file that changed on disk since it was read (someone else's edit wins). A byte-order
 * mark and the file's mode are kept. A file that cannot be written does not stop the others.
 * Returns the files that were not written, and why.
 */
function writeFixedFiles(original: readonly LandscapeText[], outcome: FixOutcome, cwd: string): Unwritten[] {
  const problems: Unwritten[] = [];
  for (const path of outcome.changed) {
    const absolute = resolve(cwd, path);
    const before = original.find((text) => text.path === path)!;
    const after = outcome.texts.find((text) => text.path === path)!;
    const stats = lstatSync(absolute, { throwIfNoEntry: false });
    const notWritable = whyNotWritable(path, stats);
    if (notWritable || !stats) {
      problems.push({ path, message: notWritable ?? `${path}: not fixed, it is gone.` });
      continue;
    }
    const bytes = readFileSync(absolute);
    const now = decodeLandscapeBytes(bytes);
    if (!now.ok || now.text !== before.text) {
      problems.push({ path, message: `${path}: not fixed, it changed while sapready was checking it.` });
      continue;
    }
    const hadByteOrderMark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    try {
      writeFileAtomically(absolute, hadByteOrderMark ? BYTE_ORDER_MARK + after.text : after.text);
      chmodSync(absolute, stats.mode & 0o7777);
    } catch (error) {
      problems.push({ path, message: `${path}: not fixed (${error instanceof CannotWriteError ? error.message : String(error)}).` });
    }
  }
  return problems;
}

/** What `--fix` would change, as a unified diff that `git apply` and `patch -p1` take. */
function fixDiff(original: readonly LandscapeText[], outcome: FixOutcome): string {
  return outcome.changed
    .map((path) => {
      const before = original.find((text) => text.path === path)!.text;
      const after = outcome.texts.find((text) => text.path === path)!.text;
      return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
    })
    .join('');
}

/** One line for standard error: what --fix did. */
function fixSummary(outcome: Pick<FixOutcome, 'changed' | 'fixedCounts'>, dryRun: boolean): string {
  if (outcome.changed.length === 0) return 'Nothing fixed.';
  const problems = outcome.changed.reduce((sum, path) => sum + (outcome.fixedCounts.get(path) ?? 0), 0);
  return `${dryRun ? 'Would fix' : 'Fixed'} ${plural(problems, 'problem')} in ${plural(outcome.changed.length, 'file')}.`;
}
