import { Worker } from 'node:worker_threads';
import type { ResolvedOptions } from '../../core/config/options';
import type { Finding } from '../../core/findings';
import type { SystemReadiness } from '../../core/readiness';
import type { FromWorker, ToWorker } from './protocol';

/** What one check in the worker gave: every file's findings, by file key, and readiness. */
export interface WorkerCheck {
  findingsByKey: ReadonlyMap<string, readonly Finding[]>;
  /** Files whose diagnostics look different from the last check's. */
  diagnosticsChanged: ReadonlySet<string>;
  readiness: SystemReadiness[];
  /** Findings sapready-suppressions.json hid. */
  bulkSuppressed: number;
  /** Paths of the files the landscape files named (a saprouttab) that the check read. */
  companions: readonly string[];
}

interface PendingCheck {
  resolve: (check: WorkerCheck) => void;
  reject: (error: Error) => void;
}

/**
 * The host's side of the check worker (see checkWorker.ts). Texts and options go over as they
 * change; `check` resolves once the worker has checked everything sent before it. Findings
 * arrive in parts, each decoded in a task of its own, and a file whose findings did not change
 * keeps the host's copy.
 */
export class CheckClient {
  private readonly worker: Worker;
  private nextId = 1;
  private stopped: Error | undefined;
  private readonly pending = new Map<number, PendingCheck>();
  private readonly findings = new Map<string, readonly Finding[]>();
  /** Parts of a file's findings received so far in the running check. */
  private readonly arriving = new Map<string, Finding[]>();

  constructor(workerScript: string, onError: (error: Error) => void) {
    this.worker = new Worker(workerScript);
    this.worker.on('message', (message: FromWorker) => this.receive(message));
    this.worker.on('error', (error) => {
      onError(error);
      this.failAll(error);
    });
  }

  setText(key: string, text: string, unreadable?: string): void {
    this.send({ kind: 'text', key, text, unreadable });
  }

  forget(key: string): void {
    this.findings.delete(key);
    this.send({ kind: 'forget', key });
  }

  setOptions(options: ResolvedOptions): void {
    this.send({ kind: 'options', options });
  }

  setBulkSuppressions(recorded: Extract<ToWorker, { kind: 'bulkSuppressions' }>['recorded']): void {
    this.send({ kind: 'bulkSuppressions', recorded });
  }

  /** Says that a file the worker read (one of a check's `companions`) changed on disk. */
  companionChanged(path: string): void {
    this.send({ kind: 'companionChanged', path });
  }

  check(): Promise<WorkerCheck> {
    // A stopped worker would never answer.
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ kind: 'check', id });
    });
  }

  dispose(): Promise<number> {
    this.stopped = new Error('The check worker was stopped.');
    this.failAll(this.stopped);
    return this.worker.terminate();
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    switch (message.kind) {
      case 'findings': {
        const parts = this.arriving.get(message.key) ?? [];
        for (const finding of message.findings) parts.push(finding);
        if (!message.last) this.arriving.set(message.key, parts);
        else {
          this.arriving.delete(message.key);
          this.findings.set(message.key, parts);
        }
        return;
      }
      case 'checked': {
        const findingsByKey = new Map<string, readonly Finding[]>();
        for (const key of message.keys) findingsByKey.set(key, this.findings.get(key) ?? []);
        this.settle(message.id)?.resolve({ findingsByKey, diagnosticsChanged: new Set(message.diagnosticsChanged), readiness: message.readiness, bulkSuppressed: message.bulkSuppressed, companions: message.companions });
        return;
      }
      case 'failed':
        this.settle(message.id)?.reject(new Error(message.message));
    }
  }

  private settle(id: number): PendingCheck | undefined {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    return pending;
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
