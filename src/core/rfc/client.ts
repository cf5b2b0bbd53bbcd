import { maskRouterPasswords } from '../rules/legacy-destinations';

/**
 * The one door to a live SAP system. The core talks to this interface only; the node-rfc
 * adapter (node-rfc-client.ts) implements it when SAP's NW RFC SDK is installed, and tests
 * replay recorded results through it. Everything the live checks do is read-only.
 */
export interface RfcClient {
  /** Calls a remote-enabled function module; resolves with its exporting and table parameters. */
  call(functionModule: string, parameters: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Closes the connection; safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Where and how to log on, taken from the landscape (never the password). Either an application
 * server (`host` + `instance`) or load balancing over a message server (`messageServer` +
 * `logonGroup`). `saprouter` is the landscape's top-level route, used unless turned off.
 */
export interface RfcConnectionParameters {
  sid: string;
  client: string;
  target: { kind: 'application-server'; host: string; instance: string } | { kind: 'message-server'; host: string; group: string };
  saprouter?: string;
  language?: string;
}

/** Logon credentials: from secret storage (extension) or the environment / a prompt (CLI). */
export interface RfcCredentials {
  user: string;
  password: string;
}

/** A failed RFC call: `key` is the ABAP exception or RFC library key (NOT_AUTHORIZED, RFC_LOGON_FAILURE). */
export class RfcCallError extends Error {
  constructor(
    readonly functionModule: string,
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = 'RfcCallError';
  }
}

/** node-rfc or the SAP NW RFC SDK cannot be loaded on this machine; `message` says how to install them. */
export class RfcUnavailableError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'RfcUnavailableError';
  }
}

/** Describes the target for messages and logs; never contains credentials (connectionFor refuses /W/ routes, a caller building parameters itself may not). */
export function describeConnection(parameters: RfcConnectionParameters): string {
  const target =
    parameters.target.kind === 'application-server'
      ? `${parameters.target.host}, instance ${parameters.target.instance}`
      : `message server ${parameters.target.host}, logon group ${parameters.target.group}`;
  return `${parameters.sid} (${target}, client ${parameters.client}${parameters.saprouter ? `, via ${maskRouterPasswords(parameters.saprouter)}` : ''})`;
}
