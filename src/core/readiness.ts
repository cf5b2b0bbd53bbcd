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
      if (!bySid.has(system.sid)) bySid.set(system.sid, { sid: system.sid, path: file.path, readiness: 'ready', errors: 0, warnings: 0 });
    }
  }
  for (const finding of findings) {
    const entry = finding.sid === undefined ? undefined : bySid.get(finding.sid);
    if (!entry) continue;
    if (finding.severity === 'error') entry.errors++;
    else if (finding.severity === 'warning') entry.warnings++;
  }
  for (const entry of bySid.values()) entry.readiness = entry.errors > 0 ? 'not-ready' : entry.warnings > 0 ? 'warnings' : 'ready';
  return [...bySid.values()].sort((a, b) => (a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0));
}
