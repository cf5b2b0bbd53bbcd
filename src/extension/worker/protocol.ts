import type { BulkSuppressions } from '../../core/config/bulk-suppressions';
import type { ResolvedOptions } from '../../core/config/options';
import type { Finding } from '../../core/findings';
import type { SystemReadiness } from '../../core/readiness';

/**
 * Messages between the extension host and the check worker. The worker keeps every landscape
 * file parsed and the rule cache; the host sends texts and receives findings, so a check of a
 * large workspace never holds the host's thread. Everything here is plain data (structured clone).
 */
export type ToWorker =
  /** A file's current text; `unreadable` says why its bytes could not be read as text. */
  | { kind: 'text'; key: string; text: string; unreadable?: string }
  | { kind: 'forget'; key: string }
  /** New options; files parsed under other limits are parsed again. */
  | { kind: 'options'; options: ResolvedOptions }
  /** sapready-suppressions.json's counts and the folder (a URI path) its file paths are relative to; none when absent. */
  | { kind: 'bulkSuppressions'; recorded?: { folderPath: string; counts: BulkSuppressions } }
  /** A file a check read (see `companions` in 'checked') changed, was created or was deleted: the next check reads it again. */
  | { kind: 'companionChanged'; path: string }
  /** Check every file as it stands after the messages before this one. */
  | { kind: 'check'; id: number };

export type FromWorker =
  /**
   * The findings of one file whose findings changed since the last check, in parts of at most
   * FINDINGS_PER_MESSAGE (`last` on the final part), so the host decodes them a part at a time.
   */
  | { kind: 'findings'; id: number; key: string; findings: Finding[]; last: boolean }
  /**
   * The check ended: the files it covered (a file sent no findings for has the ones it had), the
   * files whose diagnostics look different now (a finding that only moved within its line
   * looks the same), readiness, how many findings sapready-suppressions.json hid, and the paths
   * of the files the landscape files named (a saprouttab) that the check read, to be watched.
   */
  | { kind: 'checked'; id: number; keys: string[]; diagnosticsChanged: string[]; readiness: SystemReadiness[]; bulkSuppressed: number; companions: string[] }
  | { kind: 'failed'; id: number; message: string };

/** Small enough that decoding one part takes the host a few milliseconds even for long messages. */
export const FINDINGS_PER_MESSAGE = 1_000;
