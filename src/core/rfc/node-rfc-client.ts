import { RfcCallError, RfcUnavailableError, type RfcClient, type RfcConnectionParameters, type RfcCredentials } from './client';

/**
 * What to do when node-rfc cannot be loaded. The SAP NW RFC SDK comes only from SAP (SAP Support
 * Portal, Software Downloads; installation: SAP Note 2573790), so most machines do not have it;
 * every feature but live verification works without it.
 */
export const RFC_SDK_HOW_TO =
  'Live verification needs the SAP NetWeaver RFC SDK 7.50 and the node-rfc package. ' +
  'Download the SDK from the SAP Support Portal (Software Downloads, "SAP NW RFC SDK"; SAP Note 2573790), unpack it, ' +
  'set SAPNWRFC_HOME to its folder and add its lib folder to the library path ' +
  '(Linux: LD_LIBRARY_PATH=$SAPNWRFC_HOME/lib; macOS: DYLD_LIBRARY_PATH=$SAPNWRFC_HOME/lib; Windows: %SAPNWRFC_HOME%\\lib in PATH), ' +
  'then run "npm install node-rfc" where sapready is installed. Every other feature works without it.';

/** The part of node-rfc's module this adapter uses (node-rfc 3.x). */
interface NodeRfcModule {
  Client: new (connection: Record<string, string>) => {
    open(): Promise<unknown>;
    call(functionModule: string, parameters: Record<string, unknown>): Promise<Record<string, unknown>>;
    close(): Promise<unknown>;
  };
}

export type ModuleLoader = () => unknown;

/** node-rfc is required here, lazily, and never at module load: it is optional and stays outside the bundle. */
const requireNodeRfc: ModuleLoader = () => require('node-rfc');

/**
 * Loads node-rfc; throws RfcUnavailableError with the how-to when it (or the SDK's shared
 * library under it) cannot be loaded. `load` is for tests.
 */
export function loadNodeRfc(load: ModuleLoader = requireNodeRfc): NodeRfcModule {
  let loaded: unknown;
  try {
    loaded = load();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const cause =
      code === 'MODULE_NOT_FOUND' && /node-rfc/.test(detail)
        ? 'node-rfc is not installed (npm skips it when the SAP NW RFC SDK is missing at install time)'
        : `node-rfc could not load the SAP NW RFC library: ${detail}`;
    throw new RfcUnavailableError(`${cause}. ${RFC_SDK_HOW_TO}`, detail);
  }
  const module = loaded as Partial<NodeRfcModule> | undefined;
  if (!module || typeof module.Client !== 'function') {
    throw new RfcUnavailableError(`The installed node-rfc has no Client class (sapready needs node-rfc 3.x). ${RFC_SDK_HOW_TO}`);
  }
  return module as NodeRfcModule;
}

/** Connection parameters in node-rfc's (the RFC SDK's) terms. Contains the password: never log it. */
export function nodeRfcConnection(parameters: RfcConnectionParameters, credentials: RfcCredentials): Record<string, string> {
  const connection: Record<string, string> = {
    CLIENT: parameters.client,
    USER: credentials.user,
    PASSWD: credentials.password,
    LANG: parameters.language ?? 'EN',
  };
  if (parameters.target.kind === 'application-server') {
    connection.ASHOST = parameters.target.host;
    connection.SYSNR = parameters.target.instance;
  } else {
    connection.MSHOST = parameters.target.host;
    connection.R3NAME = parameters.sid;
    connection.GROUP = parameters.target.group;
  }
  if (parameters.saprouter) connection.SAPROUTER = parameters.saprouter;
  return connection;
}

/**
 * Opens a connection over node-rfc. Throws RfcUnavailableError when node-rfc or the SDK is
 * missing (before anything else happens), RfcCallError when the logon fails.
 * Not run against a real system by our tests (there is no SDK here): see docs/live-verification.md.
 */
export async function openNodeRfcClient(parameters: RfcConnectionParameters, credentials: RfcCredentials, load?: ModuleLoader): Promise<RfcClient> {
  const nodeRfc = loadNodeRfc(load);
  const client = new nodeRfc.Client(nodeRfcConnection(parameters, credentials));
  try {
    await client.open();
  } catch (error) {
    throw toCallError('(logon)', error);
  }
  let closed = false;
  return {
    async call(functionModule, callParameters) {
      try {
        return await client.call(functionModule, callParameters);
      } catch (error) {
        throw toCallError(functionModule, error);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.close().catch(() => undefined);
    },
  };
}

/** node-rfc rejects with objects carrying `key` (ABAP exception or RFC_* code) and `message`. */
function toCallError(functionModule: string, error: unknown): RfcCallError {
  const record = (typeof error === 'object' && error !== null ? error : {}) as { key?: unknown; codeString?: unknown; message?: unknown };
  const key = typeof record.key === 'string' && record.key ? record.key : typeof record.codeString === 'string' ? record.codeString : 'RFC_ERROR';
  const message = typeof record.message === 'string' && record.message ? record.message : String(error);
  return new RfcCallError(functionModule, key, message);
}
