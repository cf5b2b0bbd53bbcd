import type { LandscapeModel, SystemDeclaration } from '../landscape/model';
import { describeConnection, RfcCallError, RfcUnavailableError, type RfcClient, type RfcConnectionParameters, type RfcCredentials } from '../rfc/client';
import { connectionFor, type ConnectionChoice } from '../rfc/connection';
import { readLiveSystem, type LiveReadOptions, type LiveSection, type LiveSystemData } from '../rfc/live-data';
import { loadNodeRfc, openNodeRfcClient } from '../rfc/node-rfc-client';
import { AdtHttpError, proxyFor, readComponentsOverAdt, readSystemIdentityOverAdt, type AdtRequestOptions, type AdtTarget } from './adt-https-client';

/**
 * Where live data comes from: RFC (RFC_READ_TABLE through node-rfc and SAP's NW RFC SDK) or
 * HTTPS (ADT's REST API, nothing to install). The live checks see only LiveSystemData, so both
 * feed the same rules; what a source cannot read is a section that says so.
 */
export type LiveSourceName = 'rfc' | 'https';
export const LIVE_SOURCE_CHOICES = ['rfc', 'https', 'auto'] as const;
export type LiveSourceChoice = (typeof LIVE_SOURCE_CHOICES)[number];

/** `auto`: RFC when node-rfc and the SDK load, else HTTPS; `reason` says why HTTPS was taken. */
export function resolveSource(choice: LiveSourceChoice, load: () => unknown = loadNodeRfc): { source: LiveSourceName; reason?: string } {
  if (choice !== 'auto') return { source: choice };
  try {
    load();
    return { source: 'rfc' };
  } catch (error) {
    if (error instanceof RfcUnavailableError) return { source: 'https', reason: 'node-rfc or the SAP NW RFC SDK cannot be loaded' };
    throw error;
  }
}

/** The conventional ICM HTTPS port of an instance: 443 followed by the instance number. */
function icmHttpsPort(instance: string): number {
  return Number(`443${instance}`);
}

/** How one declared system is reached by a source, or why its declaration does not say enough. */
export type LiveAccess =
  | { ok: true; source: 'rfc'; sid: string; client: string; parameters: RfcConnectionParameters; description: string }
  | { ok: true; source: 'https'; sid: string; client: string; target: AdtTarget; description: string }
  | { ok: false; problem: string };

export function liveAccessFor(model: LandscapeModel, system: SystemDeclaration, source: LiveSourceName, choice: ConnectionChoice = {}): LiveAccess {
  if (source === 'rfc') {
    const connection = connectionFor(model, system, choice);
    return connection.ok ? { ok: true, source, sid: system.sid, client: connection.parameters.client, parameters: connection.parameters, description: describeConnection(connection.parameters) } : connection;
  }
  const client = system.client?.value;
  if (!client) return { ok: false, problem: `System ${system.sid} declares no client (e.g. client: "100"), which live verification needs to log on.` };
  let url: string;
  if (system.adtUrl?.value) {
    if (!/^https:\/\/[^/?#@\s]+$/.test(system.adtUrl.value)) return { ok: false, problem: `System ${system.sid}'s adtUrl must be https://host:port (no path, no user): ${system.adtUrl.value}` };
    url = system.adtUrl.value;
  } else if (system.host?.value && system.instance?.value && /^\d{2}$/.test(system.instance.value)) {
    url = `https://${system.host.value}:${icmHttpsPort(system.instance.value)}`;
  } else {
    return { ok: false, problem: `System ${system.sid} declares neither adtUrl nor host and instance, which live verification over HTTPS needs.` };
  }
  const target: AdtTarget = { sid: system.sid, url, client, ...(choice.language ? { language: choice.language } : {}) };
  return { ok: true, source, sid: system.sid, client, target, description: `${system.sid} (${url}, client ${client})` };
}

/** What RFCDES and CWBNTCUST become over HTTPS: ADT has no read-only resource for them. */
const NOT_OVER_ADT = (what: string): LiveSection<never> => ({
  ok: false,
  notReadable: true,
  error: `${what} cannot be read over HTTPS (ADT); verify with --source rfc (SAP NW RFC SDK) to compare them.`,
});

export interface LiveReadContext {
  credentials: RfcCredentials;
  /** Certificates, proxy (default: from HTTPS_PROXY / NO_PROXY), per-request timeout. */
  https?: Omit<AdtRequestOptions, 'signal'>;
  signal?: AbortSignal;
  /** The RFC door (default: node-rfc); the extension's host tests hand in a recorded one. */
  openRfc?: (parameters: RfcConnectionParameters, credentials: RfcCredentials) => Promise<RfcClient>;
  reading?: LiveReadOptions;
}

/** Reads one system through its source. Throws AdtHttpError / RfcCallError / RfcUnavailableError (see describeLiveError). */
export async function readLive(access: Extract<LiveAccess, { ok: true }>, context: LiveReadContext): Promise<LiveSystemData> {
  const parts = new Set(context.reading?.parts ?? ['destinations', 'components', 'notes']);
  if (access.source === 'https') {
    const options: AdtRequestOptions = { ...context.https, signal: context.signal };
    options.proxy ??= proxyFor(new URL(access.target.url));
    const identity = await readSystemIdentityOverAdt(access.target, context.credentials, options);
    if (identity && identity.sid !== access.sid.toUpperCase()) {
      throw new AdtHttpError(
        'wrong-system',
        `${access.target.url} is system ${identity.sid}${identity.client ? ` (client ${identity.client})` : ''}, not ${access.sid}: ` +
          `the adtUrl (or host and instance) of ${access.sid} leads to another system, so nothing was compared. Correct it in the landscape file.`,
      );
    }
    const data: LiveSystemData = { sid: access.sid, source: 'https' };
    if (parts.has('components')) data.components = { ok: true, rows: await readComponentsOverAdt(access.target, context.credentials, options), truncated: [], complete: true };
    if (parts.has('destinations')) data.destinations = NOT_OVER_ADT('RFC destinations (SM59, table RFCDES)');
    if (parts.has('notes')) data.notes = NOT_OVER_ADT('SNOTE implementation states (table CWBNTCUST)');
    return data;
  }
  const client = await (context.openRfc ?? openNodeRfcClient)(access.parameters, context.credentials);
  // node-rfc calls cannot be aborted: on cancel or timeout the connection is closed under them.
  const closeOnAbort = (): void => void client.close();
  context.signal?.addEventListener('abort', closeOnAbort, { once: true });
  try {
    return await readLiveSystem(client, access.sid, context.reading);
  } finally {
    context.signal?.removeEventListener('abort', closeOnAbort);
    await client.close();
  }
}

/** The logon itself was refused (wrong user or password), so a stored password should be forgotten. */
export function isLogonRejected(error: unknown): boolean {
  if (error instanceof AdtHttpError || (error instanceof Error && error.name === 'AdtHttpError')) return (error as AdtHttpError).problem === 'unauthorized';
  const key = (error as Partial<RfcCallError> | undefined)?.key;
  return error instanceof Error && error.name === 'RfcCallError' && typeof key === 'string' && /LOGON_FAILURE/.test(key);
}

/** One line for a failed read: HTTPS messages say what to do already; RFC errors get their target. */
export function describeLiveError(error: unknown, access: Extract<LiveAccess, { ok: true }>): string {
  if (error instanceof Error && error.name === 'RfcCallError') {
    const { functionModule, key, message } = error as RfcCallError;
    return functionModule === '(logon)' ? `Logon to ${access.description} failed: ${key}: ${message}` : `Reading ${access.sid} failed: ${functionModule}: ${key}: ${message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
