/**
 * Live verification through either source, for one system or the whole landscape:
 *
 *   const { source } = resolveSource('auto');                             // RFC if node-rfc loads, else HTTPS
 *   const { reachable, skipped } = planTargets(targets, source);          // connection data from the landscape
 *   const results = await verifySystems(reachable, (target, signal) => readLive(target.access, { credentials, signal }));
 *   formatVerificationTable([...results, ...skipped]);                      // one row per system
 */
export { readCaBundle } from './ca-bundle';
export { AdtHttpError, proxyFor, readComponentsOverAdt, type AdtProblem, type AdtRequestOptions, type AdtTarget } from './adt-https-client';
export { describeLiveError, isLogonRejected, LIVE_SOURCE_CHOICES, liveAccessFor, readLive, resolveSource, type LiveAccess, type LiveReadContext, type LiveSourceChoice, type LiveSourceName } from './source';
export { allFindings, DEFAULT_CONCURRENCY, DEFAULT_SYSTEM_TIMEOUT_MS, formatVerificationTable, planTargets, verifySystems, type LiveReader, type LiveTarget, type ReachableTarget, type SystemVerification, type VerifySystemsOptions } from './verify-systems';
