import { statSync } from 'node:fs';
import { dirname, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { companionPath, companionReader } from '../../core/landscape/companions';
import { applyBulkSuppressions } from '../../core/config/bulk-suppressions';
import { resolveOptions, type ResolvedOptions } from '../../core/config/options';
import { RuleCache, runRules } from '../../core/engine';
import type { Finding } from '../../core/findings';
import { loadLandscapeFile, type CompanionReader, type LandscapeFile } from '../../core/landscape/file';
import { reparseLandscapeFile } from '../../core/landscape/reparse';
import { systemReadiness } from '../../core/readiness';
import { RULES } from '../../core/rules/registry';
import { FINDINGS_PER_MESSAGE, type FromWorker, type ToWorker } from './protocol';

type RecordedBulkSuppressions = Extract<ToWorker, { kind: 'bulkSuppressions' }>['recorded'];

/**
 * The check worker (bundled as dist/checkWorker.js): parses landscape files, re-parses only the
 * edited system on a keystroke, and runs the rules with their cache, off the extension host's
 * thread. It answers each check with the findings of the files whose findings changed.
 */
export class CheckSession {
  private readonly files = new Map<string, LandscapeFile>();
  private readonly ruleCache = new RuleCache();
  private options: ResolvedOptions = resolveOptions(RULES);
  private bulkSuppressions: RecordedBulkSuppressions;
  /** Per file, what the host has of its findings (see identity), to send only what changed. */
  private readonly sent = new Map<string, string>();
  /** Per file, what its diagnostics show (see diagnosticIdentity), so the host sets them only when that changes. */
  private readonly shown = new Map<string, string>();
  /** Paths of the files the landscape files named (a saprouttab) that the running check read or tried to read. */
  private companions = new Set<string>();
  /**
   * What reading each of those files gave, per path and then per landscape file (which names it
   * relative to itself), with the file's stat at the time: a keystroke's check reads none, only
   * stats it. The host's watcher also reports changes, but a watcher can miss one (seen with
   * code-server under load), and a stat costs microseconds.
   */
  private readonly companionReads = new Map<string, Map<string, { stamp: string; read: ReturnType<CompanionReader> }>>();

  constructor(private readonly post: (message: FromWorker) => void) {}

  receive(message: ToWorker): void {
    switch (message.kind) {
      case 'text': {
        const previous = this.files.get(message.key);
        if (message.unreadable !== undefined) this.store(loadLandscapeFile(message.key, '', this.options.limits, message.unreadable));
        // While typing, only the edited system is parsed again (see reparseLandscapeFile).
        else if (previous) this.store(reparseLandscapeFile(previous, message.text, this.options.limits));
        else this.store(loadLandscapeFile(message.key, message.text, this.options.limits));
        return;
      }
      case 'forget':
        this.files.delete(message.key);
        this.sent.delete(message.key);
        this.shown.delete(message.key);
        return;
      case 'options': {
        const limitsChanged = JSON.stringify(message.options.limits) !== JSON.stringify(this.options.limits);
        this.options = message.options;
        // Files parsed under the old limits may have been declined, or accepted, wrongly now.
        if (limitsChanged) for (const [key, file] of this.files) this.store(loadLandscapeFile(key, file.text, this.options.limits));
        return;
      }
      case 'companionChanged':
        this.companionReads.delete(message.path);
        return;
      case 'bulkSuppressions':
        this.bulkSuppressions = message.recorded;
        return;
      case 'check':
        this.check(message.id);
    }
  }

  /** Keeps a parsed file, with the reader of the files it names (see companionReaderOf). */
  private store(file: LandscapeFile): void {
    file.readCompanion = this.companionReaderOf(file.path);
    this.files.set(file.path, file);
  }

  /**
   * A landscape file on disk reads the files it names (its saprouttab) as the CLI does: regular
   * files only, within the size limit, relative to itself. Each path read is recorded, so that
   * the host watches it and says when it changes; until then the worker keeps what the read gave.
   * Files that are not on disk (untitled) name nothing that can be read.
   */
  private companionReaderOf(key: string): CompanionReader | undefined {
    if (!key.startsWith('file:')) return undefined;
    const landscapePath = fileURLToPath(key);
    const read = companionReader(landscapePath, (path) => relative(dirname(landscapePath), path) || path);
    return (relativePath) => {
      const path = companionPath(landscapePath, relativePath);
      this.companions.add(path);
      let reads = this.companionReads.get(path);
      if (!reads) this.companionReads.set(path, (reads = new Map()));
      const readKey = `${landscapePath}\0${relativePath}`;
      // Stat before reading: a change between the two shows as a new stamp next time.
      const stamp = fileStamp(path);
      const kept = reads.get(readKey);
      if (kept?.stamp === stamp) return kept.read;
      const fresh = read(relativePath);
      reads.set(readKey, { stamp, read: fresh });
      return fresh;
    };
  }

  private check(id: number): void {
    let findings: Finding[];
    let bulkSuppressed = 0;
    const files = [...this.files.values()];
    this.companions = new Set();
    try {
      findings = runRules(files, this.options, RULES, this.ruleCache);
      if (this.bulkSuppressions) {
        // As sapready check hides them: counts per file (relative to the suppressions file) and rule.
        const { folderPath, counts } = this.bulkSuppressions;
        const keyOf = (key: string): string => posix.relative(folderPath, uriPath(key));
        const outcome = applyBulkSuppressions(findings, counts, keyOf, { files: new Set(files.map((file) => keyOf(file.path))) });
        findings = outcome.findings;
        bulkSuppressed = outcome.suppressedCount;
      }
    } catch (error) {
      this.post({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    const byKey = new Map<string, Finding[]>(files.map((file) => [file.path, []]));
    for (const finding of findings) byKey.get(finding.path)?.push(finding);
    const diagnosticsChanged: string[] = [];
    for (const [key, own] of byKey) {
      const shown = own.map(diagnosticIdentity).join('\n');
      if (this.shown.get(key) !== shown) {
        this.shown.set(key, shown);
        diagnosticsChanged.push(key);
      }
      const whole = own.map(identity).join('\n');
      if (this.sent.get(key) === whole) continue;
      this.sent.set(key, whole);
      for (let from = 0; from === 0 || from < own.length; from += FINDINGS_PER_MESSAGE) {
        this.post({ kind: 'findings', id, key, findings: own.slice(from, from + FINDINGS_PER_MESSAGE), last: from + FINDINGS_PER_MESSAGE >= own.length });
      }
    }
    // The host stops watching a file no check read: what it gave could go stale unnoticed.
    for (const path of this.companionReads.keys()) if (!this.companions.has(path)) this.companionReads.delete(path);
    this.post({ kind: 'checked', id, keys: [...byKey.keys()], diagnosticsChanged, readiness: systemReadiness(files, findings), bulkSuppressed, companions: [...this.companions] });
  }
}

/** What a file on disk is now (a stat never blocks, not even on a FIFO): equal stamps, same file content as far as the file system tells. */
function fileStamp(path: string): string {
  try {
    const stats = statSync(path);
    return `${stats.dev}:${stats.ino}:${stats.mode}:${stats.size}:${stats.mtimeMs}`;
  } catch (error) {
    return `unreadable:${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
}

/** The decoded path of a file key (a URI), as vscode.Uri's `path` gives it. */
function uriPath(key: string): string {
  return decodeURIComponent(new URL(key).pathname);
}

const at = (range: Finding['range']): string => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

/** Everything of a finding that its diagnostic shows; equal identities mean an equal diagnostic. */
function diagnosticIdentity(finding: Finding): string {
  const related = finding.related.map((entry) => `${entry.path}@${at(entry.range)}:${entry.message}`).join(';');
  return `${finding.ruleId}|${finding.severity}|${at(finding.range)}|${finding.notes.join(',')}|${finding.message}|${related}`;
}

/**
 * Everything of a finding any face uses; equal identities mean the host's copy is still right.
 * Offsets count: a finding after an edit keeps its line and column but not its offsets.
 */
function identity(finding: Finding): string {
  const related = finding.related.map((entry) => `${entry.span.start}-${entry.span.end}`).join(';');
  const fixes = finding.fixes.map((fix) => `${fix.title}@${fix.edits.map((edit) => `${edit.start}-${edit.end}:${edit.newText}`).join(',')}`).join(';');
  return `${diagnosticIdentity(finding)}|${finding.span.start}-${finding.span.end}|${related}|${fixes}|${finding.sid ?? ''}`;
}

if (parentPort) {
  const port = parentPort;
  const session = new CheckSession((message) => port.postMessage(message));
  port.on('message', (message: ToWorker) => session.receive(message));
}
