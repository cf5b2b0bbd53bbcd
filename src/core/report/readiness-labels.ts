/**
 * Words for the states of the readiness model, shared by every face (reports and the dashboard
 * page, which bundles this file: besides types it imports only the small `expiry` module).
 */
import type { Readiness } from '../readiness';
import { SOON_DAYS, type ExpiryState } from './expiry';
import type { CellState, ExpiryEntry, ReadinessScope, RfcStage, RfcTimelineEntry, ScopeFields } from './readiness-model';

export const READINESS_LABEL: Record<Readiness, string> = { ready: 'Ready', warnings: 'Warnings', 'not-ready': 'Not ready' };
export const CELL_LABEL: Record<CellState, string> = { ok: 'OK', info: 'Info', warning: 'Warning', error: 'Error', 'n/a': 'n/a', off: 'Off' };
export const RFC_STAGE_LABEL: Record<RfcStage, string> = {
  active: 'Active: deactivate it',
  undated: 'Deactivated, no date recorded',
  watching: 'Deactivated, under observation',
  removable: 'May be deleted',
};
export const EXPIRY_LABEL: Record<ExpiryState, string> = { expired: 'Expired', soon: `Within ${SOON_DAYS} days`, later: 'Later', missing: 'No expiry date' };

/** A matrix cell's label, with the number of findings behind it when there is more than one. */
export function cellLabel(state: CellState, findingCount: number): string {
  return `${CELL_LABEL[state]}${findingCount > 1 ? ` (${findingCount})` : ''}`;
}

/** A timeline entry's stage; a destination only its name suggests is marked as such. */
export function rfcStageLabel(entry: Pick<RfcTimelineEntry, 'stage' | 'certain'>): string {
  return `${RFC_STAGE_LABEL[entry.stage]}${entry.certain ? '' : ' (probably legacy)'}`;
}

/** What expires: logon data (user and client) or a service connection (its type). */
export function expiryWhat(entry: Pick<ExpiryEntry, 'kind' | 'what'>): string {
  return entry.kind === 'logon-data' ? `Logon data: ${entry.what}` : `Service connection: ${entry.what}`;
}

export interface ScopeColumn {
  key: keyof ScopeFields;
  title: 'Landscape' | 'Customer';
  value: (entry: ScopeFields) => string;
}

/**
 * The columns that tell landscapes and customers apart, after the System column of every table:
 * none for a run of one landscape without a customer (it looks as it always did), Landscape when
 * the run has several landscapes or any customer, Customer when any file names one.
 */
export function scopeColumns(scope: ReadinessScope | undefined): ScopeColumn[] {
  const columns: ScopeColumn[] = [];
  if (scope?.showLandscape) columns.push({ key: 'landscape', title: 'Landscape', value: (entry) => entry.landscape ?? '' });
  if (scope?.showCustomer) columns.push({ key: 'customer', title: 'Customer', value: (entry) => entry.customer ?? '' });
  return columns;
}

/** "2 landscapes, 1 customer": what the Landscape and Customer columns tell apart. */
export function scopeSummary(scope: ReadinessScope): string {
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [count(scope.landscapes.length, 'landscape'), ...(scope.customers.length > 0 ? [count(scope.customers.length, 'customer')] : [])].join(', ');
}
