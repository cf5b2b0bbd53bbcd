import { compareFindings, countBySeverity, type Finding } from '../findings';
import type { LandscapeFile } from '../landscape/file';
import type { SystemDeclaration } from '../landscape/model';
import { compareWithLive, connectionFinding, type LiveCheckOptions } from '../rfc/live-checks';
import type { LiveSystemData } from '../rfc/live-data';
import { formatSeconds } from './adt-https-client';
import type { ConnectionChoice } from '../rfc/connection';
import { liveAccessFor, type LiveAccess, type LiveSourceName } from './source';

/** A declared system to verify, with the file that declares it. */
export interface LiveTarget {
  file: LandscapeFile;
  system: SystemDeclaration;
  /** The source it is read through, when chosen beforehand (so a failure still names it). */
  source?: LiveSourceName;
}

export interface SystemVerification {
  target: LiveTarget;
  /** `skipped`: its declaration lacks connection data (see `problem`); nothing was read. */
  status: 'verified' | 'failed' | 'skipped' | 'cancelled';
  source?: LiveSourceName;
  /** Drift, or the one live-connection finding of a failed read. */
  findings: Finding[];
  problem?: string;
  /** What the reader threw, for faces that act on it (a rejected stored password). */
  error?: unknown;
  durationMs: number;
}

/** A target whose declaration says how its source reaches it. */
export type ReachableTarget = LiveTarget & { access: Extract<LiveAccess, { ok: true }> };

/** Splits declared systems into those the source can reach and those it cannot (skipped, with the reason). */
export function planTargets(targets: readonly LiveTarget[], source: LiveSourceName, choice: ConnectionChoice = {}): { reachable: ReachableTarget[]; skipped: SystemVerification[] } {
  const reachable: ReachableTarget[] = [];
  const skipped: SystemVerification[] = [];
  for (const target of targets) {
    const access = liveAccessFor(target.file.model!, target.system, source, choice);
    if (access.ok) reachable.push({ ...target, source, access });
    else skipped.push({ target, status: 'skipped', findings: [], problem: access.problem, durationMs: 0 });
  }
  return { reachable, skipped };
}

/** Reads one system; it must stop when `signal` aborts (cancel, per-system timeout). Its errors become the system's failure. */
export type LiveReader<T extends LiveTarget = LiveTarget> = (target: T, signal: AbortSignal) => Promise<LiveSystemData>;

export interface VerifySystemsOptions<T extends LiveTarget = LiveTarget> {
  /** Systems read at the same time (default 4). */
  concurrency?: number;
  /** For one system, logon to last answer (default 120 s). */
  timeoutMs?: number;
  /** Cancels everything: running systems are aborted, waiting ones not started. */
  signal?: AbortSignal;
  check?: LiveCheckOptions;
  /** After each system, in the order they finish. */
  onSettled?: (result: SystemVerification, settled: number, total: number) => void;
  /** Describes a reader's error (default: its message). */
  describeError?: (error: unknown, target: T) => string;
}

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_SYSTEM_TIMEOUT_MS = 120_000;

/**
 * Verifies many systems with bounded concurrency. One system's failure (logon, timeout, a
 * certificate, anything its reader throws) is its own result and a live-connection finding;
 * it never stops the others. Results come back in the order of `targets`.
 */
export async function verifySystems<T extends LiveTarget>(targets: readonly T[], read: LiveReader<T>, options: VerifySystemsOptions<T> = {}): Promise<SystemVerification[]> {
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const timeoutMs = options.timeoutMs ?? DEFAULT_SYSTEM_TIMEOUT_MS;
  const results: SystemVerification[] = new Array(targets.length);
  let next = 0;
  let settled = 0;

  const verifyOne = async (target: T): Promise<SystemVerification> => {
    const started = Date.now();
    const elapsed = (): number => Date.now() - started;
    if (options.signal?.aborted) return { target, status: 'cancelled', findings: [], durationMs: 0 };
    const controller = new AbortController();
    const cancelled = new Error(`Verification of ${target.system.sid} was cancelled.`);
    const timedOut = new Error(`${target.system.sid} did not finish within ${formatSeconds(timeoutMs)} (per-system timeout); the other systems were verified.`);
    const onCancel = (): void => controller.abort(cancelled);
    options.signal?.addEventListener('abort', onCancel, { once: true });
    const timer = setTimeout(() => controller.abort(timedOut), timeoutMs);
    // A reader that ignores the signal still cannot hold the run: the abort settles the race.
    const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true }));
    try {
      const data = await Promise.race([read(target, controller.signal), aborted]);
      return { target, status: 'verified', source: data.source, findings: compareWithLive(target.file, target.system, data, options.check), durationMs: elapsed() };
    } catch (error) {
      if (controller.signal.reason === cancelled) return { target, status: 'cancelled', findings: [], durationMs: elapsed() };
      const problem = controller.signal.reason === timedOut ? timedOut.message : (options.describeError?.(error, target) ?? (error instanceof Error ? error.message : String(error)));
      const finding = connectionFinding(target.file, target.system, problem);
      return { target, status: 'failed', source: target.source, findings: finding ? [finding] : [], problem, error, durationMs: elapsed() };
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCancel);
      aborted.catch(() => undefined);
    }
  };

  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const index = next++;
      results[index] = await verifyOne(targets[index]);
      settled++;
      options.onSettled?.(results[index], settled, targets.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  return results;
}

/** All findings of a run, in report order. */
export function allFindings(results: readonly SystemVerification[]): Finding[] {
  return results.flatMap((result) => result.findings).sort(compareFindings);
}

/** The summary table after a run: one row per system, plain text with aligned columns. */
export function formatVerificationTable(results: readonly SystemVerification[]): string {
  const rows = results.map((result) => {
    const counts = countBySeverity(result.findings);
    const outcome =
      result.status === 'verified'
        ? result.findings.length === 0
          ? 'no drift'
          : `${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info`
        : result.status === 'failed' || result.status === 'skipped'
          ? `${result.status}: ${result.problem ?? ''}`
          : 'cancelled';
    const seconds = result.status === 'skipped' || result.status === 'cancelled' ? '' : `${(result.durationMs / 1000).toFixed(1)} s`;
    return [result.target.system.sid, result.source ?? '-', seconds, result.target.file.path, outcome];
  });
  const header = ['System', 'Source', 'Time', 'File', 'Result'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]): string => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd();
  // The last column is not padded, so its rule is as long as its title.
  return [line(header), line(widths.map((width, column) => '-'.repeat(column === widths.length - 1 ? header[column].length : width))), ...rows.map(line)].join('\n') + '\n';
}
