/**
 * Live verification through either source, for one system or the whole landscape:
 *
 *   const { source } = resolveSource('auto');                       // RFC if node-rfc loads, else HTTPS
 *   const access = liveAccessFor(file.model, system, source);         // connection data from the landscape
 *   const results = await verifySystems(targets, (target, signal) => readLive(access, { credentials, signal }));
 *   formatVerificationTable(results);                                  // one row per system
 */
export { readCaBundle } from './ca-bundle';
export { AdtFeedError, parseComponentFeed, readAtomEntries } from './adt-feed';
export { AdtHttpError, COMPONENTS_RESOURCE, proxyFor, readComponentsOverAdt, type AdtProblem, type AdtRequestOptions, type AdtTarget } from './adt-https-client';
export { describeLiveError, icmHttpsPort, isLogonRejected, LIVE_SOURCE_CHOICES, liveAccessFor, readLive, resolveSource, type LiveAccess, type LiveReadContext, type LiveSourceChoice, type LiveSourceName } from './source';
export { allFindings, DEFAULT_CONCURRENCY, DEFAULT_SYSTEM_TIMEOUT_MS, formatVerificationTable, planTargets, verifySystems, type LiveReader, type LiveTarget, type ReachableTarget, type SystemVerification, type VerifySystemsOptions } from './verify-systems';
