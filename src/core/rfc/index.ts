/**
 * Live verification over RFC: the API the faces (CLI `verify` / `import`, the extension's
 * "Verify System Against Live System...") use. Nothing here imports node-rfc at load time.
 *
 *   const connection = connectionFor(file.model, system);          // from the landscape
 *   const client = await openNodeRfcClient(connection.parameters, { user, password });
 *   try { data = await readLiveSystem(client, system.sid); } finally { await client.close(); }
 *   const findings = compareWithLive(file, system, data);          // same shape as check's
 *   const fragment = importFragment(data, { today });              // "Import from system"
 */
export { describeConnection, RfcCallError, RfcUnavailableError, type RfcClient, type RfcConnectionParameters, type RfcCredentials } from './client';
export { connectionFor, type ConnectionChoice, type ConnectionResult } from './connection';
export { importFragment, type ImportContext } from './import';
export { compareWithLive, type LiveCheckOptions } from './live-checks';
export { parseRfcOptions, readLiveSystem, type LiveReadOptions, type LiveSystemData } from './live-data';
export { LIVE_RULES, LIVE_TABLE_DEFAULTS, type LiveRule, type LiveTableOptions } from './live-rules';
export { loadNodeRfc, openNodeRfcClient, RFC_SDK_HOW_TO } from './node-rfc-client';
export { readTable, TableReadError, type ReadTableRequest, type TableRows } from './read-table';
