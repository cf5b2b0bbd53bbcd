import * as http from 'node:http';
import { isIP, type Socket } from 'node:net';
import * as tls from 'node:tls';
import type { RfcCredentials } from '../rfc/client';
import type { LiveComponent } from '../rfc/live-data';
import { AdtFeedError, parseComponentFeed, readAdtException } from './adt-feed';
import { readCaBundle } from './ca-bundle';

/** What went wrong, so that faces (and tests) can tell the cases apart; `message` says what to do. */
export type AdtProblem =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'wrong-system'
  | 'redirect'
  | 'not-a-feed'
  | 'too-large'
  | 'timeout'
  | 'cancelled'
  | 'certificate'
  | 'connection'
  | 'proxy'
  | 'http-status';

export class AdtHttpError extends Error {
  constructor(
    readonly problem: AdtProblem,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AdtHttpError';
  }
}

/** A system as ADT addresses it: base URL (https://host:port), client and logon language. */
export interface AdtTarget {
  sid: string;
  url: string;
  client: string;
  language?: string;
}

export interface AdtRequestOptions {
  /** Extra trusted certificates (PEM, e.g. the company's CA bundle), added to Node's own roots. Verification is always on. */
  ca?: string;
  /** http://[user:password@]proxy:port, tunnelled with CONNECT (see proxyFor). */
  proxy?: string;
  /** For one request, from connecting to the last byte (default 30 s). */
  timeoutMs?: number;
  /** Until TLS is established, through the proxy if any (default 15 s): a firewall that drops packets fails fast, not after the whole deadline. */
  connectTimeoutMs?: number;
  /** Largest answer read (default 4 MiB); a larger one is refused while it is read. */
  maxBytes?: number;
  /** Aborts the request (cancel, the per-system timeout). */
  signal?: AbortSignal;
  userAgent?: string;
}

const COMPONENTS_RESOURCE = '/sap/bc/adt/system/components';
const ATOM_FEED = 'application/atom+xml;type=feed';
const SYSTEM_INFORMATION_RESOURCE = '/sap/bc/adt/core/http/systeminformation';
const SYSTEM_INFORMATION_JSON = 'application/vnd.sap.adt.core.http.systeminformation.v1+json';
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

/** TLS verification codes that mean "this certificate is not trusted here" rather than "no connection". */
const CERTIFICATE_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS_CERT_ALTNAME_INVALID/;

/**
 * The installed software components over ADT (`GET /sap/bc/adt/system/components`, read-only,
 * basic authentication, `sap-client`, `sap-language`). Throws AdtHttpError whose message says
 * what to do (SICF, S_ADT_RES, certificates, timeouts); never includes the password.
 */
export async function readComponentsOverAdt(target: AdtTarget, credentials: RfcCredentials, options: AdtRequestOptions = {}): Promise<LiveComponent[]> {
  const url = adtUrl(target, COMPONENTS_RESOURCE);
  const where = `${target.sid} (${url.origin})`;
  const response = await adtGet(url, credentials, options, ATOM_FEED);
  const { status } = response;
  const reason = status === 200 ? undefined : readAdtException(response.body);
  const sapSays = reason ? ` SAP says: ${reason}.` : '';
  if (status === 401) throw logonRejected(where, credentials, target);
  if (status === 403) {
    throw new AdtHttpError(
      'forbidden',
      `User ${credentials.user} may not read ${COMPONENTS_RESOURCE} in ${where} (HTTP 403). It needs ADT access: authorization object S_ADT_RES for this URI ` +
        `(SU53 after the call shows what was missing).${sapSays}` +
        (response.contentType.toLowerCase().includes('html') ? ' An HTML page instead of an ADT error can also mean that the ICF service /sap/bc/adt is not active (SICF).' : ''),
      status,
    );
  }
  if (status === 404) {
    throw new AdtHttpError(
      'not-found',
      `${where} has no ADT service at ${COMPONENTS_RESOURCE} (HTTP 404): activate the ICF service /sap/bc/adt in SICF (default_host > sap > bc > adt), ` +
        `or set adtUrl if ADT answers on another host or port than 443<instance>.${sapSays}`,
      status,
    );
  }
  if (status !== 200) throw new AdtHttpError('http-status', `${where} answered ${COMPONENTS_RESOURCE} with HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}.${sapSays}`, status);
  const contentType = response.contentType.toLowerCase();
  if (contentType.includes('html') || /^\s*(<!doctype html|<html)/i.test(response.body)) {
    throw new AdtHttpError(
      'not-a-feed',
      `${where} answered with an HTML page (Content-Type ${response.contentType || 'none'}) instead of ADT's Atom feed: usually a logon or error page of the system, ` +
        'a Web Dispatcher or a proxy. Check adtUrl (or host and instance) and that /sap/bc/adt allows logon with user and password.',
      status,
    );
  }
  try {
    return parseComponentFeed(response.body);
  } catch (error) {
    if (error instanceof AdtFeedError) throw new AdtHttpError('not-a-feed', `${where} answered ${COMPONENTS_RESOURCE} with something that is not ADT's component feed: ${error.message}.`, status);
    throw error;
  }
}

function logonRejected(where: string, credentials: RfcCredentials, target: AdtTarget): AdtHttpError {
  return new AdtHttpError(
    'unauthorized',
    `${where} did not accept user ${credentials.user} in client ${target.client} (HTTP 401). Check user and password (and that the user is not locked, SU01); ` +
      'the ICF service /sap/bc/adt must allow logon with user and password (SICF, logon procedure).',
    401,
  );
}

/** Who answers at a URL, as the system says itself. */
export interface AdtSystemIdentity {
  sid: string;
  client?: string;
}

/**
 * The SID (and client) of the system behind the target's URL, from ADT's system information
 * (`GET /sap/bc/adt/core/http/systeminformation`, JSON with `systemID` and `client`), so that a
 * URL that leads to another system is not compared as if it were this one. Undefined when the
 * system does not offer that resource (older releases: 404, 406) or answers something else;
 * a rejected logon throws as for the components.
 */
export async function readSystemIdentityOverAdt(target: AdtTarget, credentials: RfcCredentials, options: AdtRequestOptions = {}): Promise<AdtSystemIdentity | undefined> {
  const url = adtUrl(target, SYSTEM_INFORMATION_RESOURCE);
  const response = await adtGet(url, credentials, options, SYSTEM_INFORMATION_JSON);
  if (response.status === 401) throw logonRejected(`${target.sid} (${url.origin})`, credentials, target);
  if (response.status !== 200 || !/json/i.test(response.contentType)) return undefined;
  let answer: unknown;
  try {
    answer = JSON.parse(response.body);
  } catch {
    return undefined;
  }
  const { systemID, client } = (answer ?? {}) as { systemID?: unknown; client?: unknown };
  if (typeof systemID !== 'string' || !/^[A-Z][A-Z0-9]{2}$/.test(systemID.trim().toUpperCase())) return undefined;
  return { sid: systemID.trim().toUpperCase(), ...(typeof client === 'string' && client.trim() ? { client: client.trim() } : {}) };
}

/** The resource's URL with ADT's logon parameters; `saml2=disabled` asks for basic authentication instead of a SAML redirect. */
function adtUrl(target: AdtTarget, resource: string): URL {
  const url = new URL(resource, target.url);
  url.searchParams.set('sap-client', target.client);
  url.searchParams.set('sap-language', target.language ?? 'EN');
  url.searchParams.set('saml2', 'disabled');
  return url;
}

interface AdtResponse {
  status: number;
  statusText: string;
  contentType: string;
  body: string;
}

/**
 * One GET over TLS (directly or through a CONNECT proxy), with a deadline for the whole
 * exchange and a size limit while reading. Redirects are not followed: they are reported.
 */
async function adtGet(url: URL, credentials: RfcCredentials, options: AdtRequestOptions, accept: string): Promise<AdtResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new AdtHttpError('timeout', `No complete answer from ${url.origin} within ${formatSeconds(timeoutMs)}.`)), timeoutMs);
  const cancel = (): void => deadline.abort(new AdtHttpError('cancelled', `Reading ${url.origin} was cancelled.`));
  if (options.signal?.aborted) cancel();
  options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    return await exchange(url, credentials, options, accept, deadline.signal);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}

function exchange(url: URL, credentials: RfcCredentials, options: AdtRequestOptions, accept: string, signal: AbortSignal): Promise<AdtResponse> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  const endpoint = `${host}:${port}`;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise<AdtResponse>((resolve, reject) => {
    const open: Array<{ destroy(): unknown }> = [];
    let settled = false;
    const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const connectTimer = setTimeout(
      () =>
        fail(
          new AdtHttpError(
            'timeout',
            `No TLS connection to ${endpoint}${options.proxy ? ' through the proxy' : ''} within ${formatSeconds(connectTimeoutMs)}: a firewall may drop the packets, or it is not the system's ICM HTTPS port (443<instance>, or adtUrl).`,
          ),
        ),
      connectTimeoutMs,
    );
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      for (const stream of open) stream.destroy();
      outcome();
    };
    const fail = (error: Error): void => settle(() => reject(error));
    if (signal.aborted) return fail(signal.reason as Error);
    signal.addEventListener('abort', () => fail(signal.reason as Error), { once: true });

    const request = (socket: tls.TLSSocket): void => {
      const headers: http.OutgoingHttpHeaders = {
        Accept: accept,
        'Accept-Encoding': 'identity',
        Authorization: `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`, 'utf8').toString('base64')}`,
        'User-Agent': options.userAgent ?? 'sapready',
      };
      // A ClientRequest, not http.request: VS Code's extension host replaces http.request (its proxy
      // support), which drops createConnection and sent plain HTTP to the TLS port (ECONNRESET).
      const outgoing = new http.ClientRequest({ host, port, method: 'GET', path: `${url.pathname}${url.search}`, headers, createConnection: () => socket });
      open.push(outgoing);
      outgoing.on('error', (error) => fail(connectionError(error, endpoint)));
      outgoing.on('response', (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          const location = response.headers.location;
          return fail(
            new AdtHttpError(
              'redirect',
              `${url.origin} answered with a redirect (HTTP ${status}${location ? ` to ${location.split('?')[0]}` : ''}), which sapready does not follow: ` +
                'usually a logon page (SAML, SPNego) or a moved service. Allow logon with user and password for /sap/bc/adt (SICF), or set adtUrl.',
              status,
            ),
          );
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) return fail(new AdtHttpError('too-large', `${url.origin} sent more than ${maxBytes} bytes for ${url.pathname}; refused.`, status));
          chunks.push(chunk);
        });
        response.on('error', () => undefined);
        response.on('close', () => {
          if (!response.complete) return fail(new AdtHttpError('connection', `${url.origin} closed the connection before the answer was complete (HTTP ${status}).`, status));
          const contentType = response.headers['content-type'] ?? '';
          settle(() => resolve({ status, statusText: response.statusMessage ?? '', contentType, body: Buffer.concat(chunks).toString('utf8') }));
        });
      });
      outgoing.end();
    };

    const secure = (tunnel?: Socket): void => {
      const socket = tls.connect({
        host,
        port,
        socket: tunnel,
        servername: isIP(host) ? undefined : host,
        secureContext: options.ca ? secureContextTrusting(options.ca) : undefined,
        rejectUnauthorized: true,
        ALPNProtocols: ['http/1.1'],
      });
      open.push(socket);
      socket.once('error', (error) => fail(connectionError(error, endpoint)));
      socket.once('secureConnect', () => {
        clearTimeout(connectTimer);
        request(socket);
      });
    };

    if (!options.proxy) return secure();
    let proxy: URL;
    try {
      proxy = new URL(options.proxy);
    } catch {
      return fail(new AdtHttpError('proxy', 'HTTPS_PROXY is not a URL (http://host:port).'));
    }
    const proxyName = maskUrlPassword(proxy);
    // The tunnel is asked for in plain HTTP; TLS to the proxy itself (https://) is not spoken here.
    if (proxy.protocol !== 'http:') return fail(new AdtHttpError('proxy', `The proxy ${proxyName} is not an http:// proxy; sapready tunnels through http:// proxies with CONNECT.`));
    // The proxy HTTPS_PROXY names, asked directly: not through the extension host's own proxy handling either.
    const connect = new http.ClientRequest({
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: Number(proxy.port || 80),
      method: 'CONNECT',
      path: endpoint,
      headers: {
        Host: endpoint,
        ...(proxy.username ? { 'Proxy-Authorization': `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}` } : {}),
      },
    });
    open.push(connect);
    connect.on('error', (error) => fail(new AdtHttpError('proxy', `Cannot reach the proxy ${proxyName} (${(error as NodeJS.ErrnoException).code ?? error.message}).`)));
    connect.on('connect', (response, tunnel) => {
      open.push(tunnel);
      if (response.statusCode !== 200) return fail(new AdtHttpError('proxy', `The proxy ${proxyName} refused the tunnel to ${endpoint} (HTTP ${response.statusCode}).`, response.statusCode));
      secure(tunnel);
    });
    connect.end();
  });
}

let lastContext: { ca: string; context: tls.SecureContext } | undefined;

/** Node's CAs plus the company's bundle, built once per bundle: building it parses every root certificate (about 0.1 s). */
function secureContextTrusting(ca: string): tls.SecureContext {
  if (lastContext?.ca !== ca) lastContext = { ca, context: tls.createSecureContext({ ca: [...tls.rootCertificates, ...extraCaCertificates(), ca] }) };
  return lastContext.context;
}

let extraCertificates: string[] | undefined;

/**
 * What NODE_EXTRA_CA_CERTS adds to Node's CAs. Node drops it for a connection that names its own
 * `ca`, so a company CA bundle given to sapready would otherwise take away the one already
 * trusted machine-wide (often the proxy's). Read once, as Node does; one Node could not read is left out, as Node leaves it out.
 */
function extraCaCertificates(): string[] {
  if (!extraCertificates) {
    const path = process.env.NODE_EXTRA_CA_CERTS;
    try {
      extraCertificates = path ? [readCaBundle(path)] : [];
    } catch {
      extraCertificates = [];
    }
  }
  return extraCertificates;
}

function connectionError(error: Error, endpoint: string): AdtHttpError {
  if (error instanceof AdtHttpError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (CERTIFICATE_CODES.test(code)) {
    return new AdtHttpError(
      'certificate',
      `The certificate of ${endpoint} is not trusted (${code}: ${error.message}). If it is issued by your company's CA, give its bundle ` +
        '(--ca-file, the setting sapReadiness.live.caFile, or NODE_EXTRA_CA_CERTS); TLS verification is never turned off.',
    );
  }
  return new AdtHttpError('connection', `Cannot connect to ${endpoint} (${code || error.message}): is it the system's ICM HTTPS port (443<instance>, or adtUrl)?`);
}

/**
 * The proxy for an https URL from the environment, as curl and most tools read it:
 * HTTPS_PROXY / https_proxy, except for hosts NO_PROXY / no_proxy lists (suffixes, or *).
 */
export function proxyFor(url: URL, environment: NodeJS.ProcessEnv = process.env): string | undefined {
  const proxy = environment.HTTPS_PROXY ?? environment.https_proxy;
  if (!proxy) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const exceptions = (environment.NO_PROXY ?? environment.no_proxy ?? '').split(',').map((entry) => entry.trim().toLowerCase().replace(/:\d+$/, '')).filter(Boolean);
  const excepted = exceptions.some((entry) => entry === '*' || host === entry.replace(/^\./, '') || host.endsWith(entry.startsWith('.') ? entry : `.${entry}`));
  return excepted ? undefined : proxy;
}

/** A URL for messages: a password in it is shown as ***. */
function maskUrlPassword(url: URL): string {
  if (!url.password) return url.origin;
  return `${url.protocol}//${url.username}:***@${url.host}`;
}

/** 30000 -> "30 s", 300 -> "0.3 s". */
export function formatSeconds(milliseconds: number): string {
  return milliseconds % 1000 === 0 ? `${milliseconds / 1000} s` : `${(milliseconds / 1000).toFixed(1)} s`;
}
