/**
 * The pure rules of the extension's live verification (no `vscode` import, so unit tests run
 * them under mocha): when it refuses, where a password is kept, how results are summed up.
 */
import { countBySeverity, type Finding } from '../../core/findings';
import type { LiveAccess, SystemVerification } from '../../core/live';
import { plural } from '../../core/report/summary';

/** Shown instead of connecting in an untrusted workspace (Restricted Mode). */
export const UNTRUSTED_LIVE_MESSAGE =
  'Live verification is turned off in Restricted Mode: opening an RFC connection loads native code (node-rfc, the SAP NW RFC SDK) and logs on to a live SAP system. ' +
  'Trust this workspace (Manage Workspace Trust) to use it; landscape files are still checked without it.';

/** Why live verification must not run now, or undefined when it may. */
export function liveRefusal(trusted: boolean): string | undefined {
  return trusted ? undefined : UNTRUSTED_LIVE_MESSAGE;
}

/**
 * The SecretStorage key of an RFC password: one per system, client and user. It names the
 * logon, never the password; the password itself is only ever handed to SecretStorage and the RFC client.
 */
export function rfcSecretKey(sid: string, client: string, user: string, server: string): string {
  // The server is part of the key: two landscapes may both have a PRD, and a password must never go to the other one.
  return `sapready.rfc/${server.toLowerCase()}/${sid}/${client}/${user.toUpperCase()}`;
}

/** The SecretStorage key for a system reached through either source: RFC by its logon target, HTTPS by its host and port. */
export function liveSecretKey(access: Extract<LiveAccess, { ok: true }>, user: string): string {
  if (access.source === 'https') return rfcSecretKey(access.sid, access.client, user, new URL(access.target.url).host);
  const { target } = access.parameters;
  return rfcSecretKey(access.sid, access.client, user, target.kind === 'message-server' ? `${target.host}/${target.group}` : `${target.host}/${target.instance}`);
}

/** An RFC user name as SAP accepts it (at most 12 characters, no blanks). */
export function rfcUserProblem(user: string): string | undefined {
  const trimmed = user.trim();
  if (trimmed === '') return 'Enter the RFC user.';
  if (/\s/.test(trimmed)) return 'An SAP user name contains no blanks.';
  if (trimmed.length > 12) return 'An SAP user name has at most 12 characters.';
  return undefined;
}

/** The summary notification after a verification. */
export function verifySummary(sid: string, target: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return `SAP Readiness: ${sid} agrees with the live system ${target}: no drift found.`;
  const counts = countBySeverity(findings);
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.info} info`].filter((part) => !part.startsWith('0 '));
  return `SAP Readiness: ${sid} compared with the live system ${target}: ${parts.join(', ')} on the declaring file (Problems view).`;
}

/** The notification after "Verify All Systems...": what was read, what failed, where the findings are. */
export function verifyAllSummary(results: readonly SystemVerification[]): string {
  const count = (status: SystemVerification['status']): number => results.filter((result) => result.status === status).length;
  const counts = countBySeverity(results.filter((result) => result.status === 'verified').flatMap((result) => result.findings));
  const drift = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.info} info`].filter((part) => !part.startsWith('0 '));
  const others = [count('failed') && `${count('failed')} could not be read`, count('skipped') && `${count('skipped')} without connection data`, count('cancelled') && `${count('cancelled')} cancelled`].filter(Boolean);
  return (
    `SAP Readiness: verified ${count('verified')} of ${plural(results.length, 'system')}` +
    `${drift.length > 0 ? ` (${drift.join(', ')} of drift)` : count('verified') > 0 ? ' (no drift)' : ''}` +
    `${others.length > 0 ? `; ${others.join(', ')}` : ''}. Findings are in the Problems view, the table in the output channel.`
  );
}
