/**
 * Words for the states of the readiness model, shared by every face (reports and the dashboard
 * page, which bundles this file: it imports types only).
 */
import type { Readiness } from '../readiness';
import type { CellState, ExpiryState, RfcStage } from './readiness-model';

/** Days ahead within which an expiry counts as soon. */
export const SOON_DAYS = 7;

export const READINESS_LABEL: Record<Readiness, string> = { ready: 'Ready', warnings: 'Warnings', 'not-ready': 'Not ready' };
export const CELL_LABEL: Record<CellState, string> = { ok: 'OK', info: 'Info', warning: 'Warning', error: 'Error', 'n/a': 'n/a', off: 'Off' };
export const RFC_STAGE_LABEL: Record<RfcStage, string> = {
  active: 'Active: deactivate it',
  undated: 'Deactivated, no date recorded',
  watching: 'Deactivated, under observation',
  removable: 'May be deleted',
};
export const EXPIRY_LABEL: Record<ExpiryState, string> = { expired: 'Expired', soon: `Within ${SOON_DAYS} days`, later: 'Later', missing: 'No expiry date' };
