import type { Finding } from './findings';
import type { LandscapeFile } from './landscape/file';

export type Readiness = 'ready' | 'warnings' | 'not-ready';

export interface SystemReadiness {
  sid: string;
  path: string;
  readiness: Readiness;
  errors: number;
  warnings: number;
}

/**
 * A system is not ready with any error about it, has warnings with any warning, else is ready.
 * Info findings (advice, observation windows) never lower readiness.
 */
export function systemReadiness(files: readonly LandscapeFile[], findings: readonly Finding[]): SystemReadiness[] {
  const bySid = new Map<string, SystemReadiness>();
  for (const file of files) {
    for (const system of file.model?.systems ?? []) {
      const key = systemKey(file.path, system.sid);
      if (!bySid.has(key)) bySid.set(key, { sid: system.sid, path: file.path, readiness: 'ready', errors: 0, warnings: 0 });
    }
  }
  for (const finding of findings) {
    const entry = finding.sid === undefined ? undefined : bySid.get(systemKey(finding.path, finding.sid));
    if (!entry) continue;
    if (finding.severity === 'error') entry.errors++;
    else if (finding.severity === 'warning') entry.warnings++;
  }
  for (const entry of bySid.values()) entry.readiness = entry.errors > 0 ? 'not-ready' : entry.warnings > 0 ? 'warnings' : 'ready';
  return [...bySid.values()].sort((a, b) => (a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * A system's identity for readiness: its file and SID. Two customers' landscapes may each have
 * a PRD; a finding about a system is reported in the file that declares it.
 */
export function systemKey(path: string, sid: string): string {
  return `${path}\u0000${sid}`;
}
