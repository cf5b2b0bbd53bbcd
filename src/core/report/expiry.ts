/**
 * When an expiry (logon data, a service connection's window) counts as soon: the readiness model
 * decides it, and the labels every face shows (the dashboard page bundles this file) name it.
 */

/** Days ahead within which an expiry counts as soon. */
export const SOON_DAYS = 7;

/** expired: in the past; soon: within SOON_DAYS from today; later: after that; missing: no date written. */
export type ExpiryState = 'expired' | 'soon' | 'later' | 'missing';

export function expiryState(daysLeft: number | undefined): ExpiryState {
  return daysLeft === undefined ? 'missing' : daysLeft < 0 ? 'expired' : daysLeft <= SOON_DAYS ? 'soon' : 'later';
}
