import { sapNoteUrl } from '../catalog';
import type { ResolvedOptions } from '../config/options';
import { dayOfTime, dayStartTime, formatDay, parseDateTime, parseDay } from '../dates';
import { countBySeverity, SEVERITY_ORDER, type Finding, type Severity, type SeverityCounts } from '../findings';
import type { LandscapeFile } from '../landscape/file';
import type { SystemDeclaration } from '../landscape/model';
import type { Range } from '../landscape/text';
import { landscapeKey } from '../landscape/workspace';
import { systemKey, systemReadiness, type Readiness, type SystemReadiness } from '../readiness';
import { LEGACY_DESTINATION_DEFAULTS, legacyVerdict, type LegacyDestinationOptions } from '../rules/legacy-destinations';
import { legacyRfcRemovable } from '../rules/legacy-rfc-removable';
import { ABAP_PRODUCTS, BACKBONE_DESTINATION_DEFAULTS, backboneSpecs, findDestination, isOperatedBySap, type BackboneDestinationOptions } from '../rules/levels-shared';
import { expiryState, type ExpiryState } from './expiry';

/**
 * The one readiness model the dashboard, the HTML report and the Markdown report render: a
 * summary, a matrix of systems x readiness checks, the RFC shutdown timeline and the upcoming
 * expiries. Plain JSON (no class instances, no functions), so the extension can post it to the
 * webview as it is.
 */
export interface ReadinessModel {
  /** ISO day the time-dependent rules took as today. */
  today: string;
  /** The options file the check used, as the face shows it; undefined for defaults. */
  optionsPath?: string;
  toolVersion: string;
  summary: ReadinessSummary;
  checks: readonly ReadinessCheckColumn[];
  systems: SystemRow[];
  rfcTimeline: RfcTimelineEntry[];
  expiries: ExpiryEntry[];
  findings: ModelFinding[];
  files: ModelFile[];
  /** The landscapes and customers of the run, and whether faces show them. */
  scope: ReadinessScope;
}

/**
 * Which landscapes (`landscape:` names) and customers (`customer:`) the run holds. A run of one
 * landscape without a customer looks as it always did; with several landscapes, or any customer,
 * the faces add a Landscape column (and a Customer column when a file names one), so that two
 * customers' PRD are two rows a reader tells apart.
 */
export interface ReadinessScope {
  /** Distinct landscape names, sorted (a file without a name counts as the unnamed landscape, ""). */
  landscapes: string[];
  /** Distinct customers, sorted. */
  customers: string[];
  showLandscape: boolean;
  showCustomer: boolean;
}

/** The landscape and customer of the file an entry is declared in (undefined when the file names none). */
export interface ScopeFields {
  landscape?: string;
  customer?: string;
}

export interface ReadinessSummary {
  files: number;
  systems: number;
  ready: number;
  warnings: number;
  notReady: number;
  findings: SeverityCounts;
  /** Findings the bulk suppressions file (sapready-suppressions.json) hid; not in `findings`. */
  bulkSuppressed: number;
}

export type CheckId = 'backbone' | 'technical-user' | 'st-pi' | 'snote' | 'legacy-rfc' | 'logon-data' | 'service-connections' | 'other';

export interface ReadinessCheckColumn {
  id: CheckId;
  title: string;
  /** Rule ids whose findings fill the column; `other` takes every rule no column names. */
  rules: readonly string[];
}

/** The matrix columns and the rules behind each. */
export const READINESS_CHECKS: readonly ReadinessCheckColumn[] = [
  { id: 'backbone', title: 'Backbone destinations', rules: ['missing-backbone-destination', 'backbone-destination-config', 'https-client'] },
  { id: 'technical-user', title: 'Technical user', rules: ['technical-user-required'] },
  { id: 'st-pi', title: 'ST-PI / ST-A/PI', rules: ['st-pi-level', 'st-a-pi-level'] },
  { id: 'snote', title: 'SNOTE signed notes', rules: ['note-assistant-signed-notes', 'note-assistant-procedure'] },
  { id: 'legacy-rfc', title: 'Legacy RFC', rules: ['legacy-rfc-destination', 'legacy-rfc-removable'] },
  { id: 'logon-data', title: 'Logon data', rules: ['logon-data-expiry'] },
  { id: 'service-connections', title: 'Service connections', rules: ['service-connection-window', 'unknown-connection-type'] },
  { id: 'other', title: 'Other', rules: [] },
];

/** ok: checked, nothing found; n/a: the check does not apply to the system; off: its rules are disabled. */
export type CellState = 'ok' | 'info' | 'warning' | 'error' | 'n/a' | 'off';

export interface SourceLocation {
  /** The path or URI as the face knows it (the editor reveals it). */
  path: string;
  /** The path as a reader sees it (relative to the workspace or the current folder). */
  file: string;
  range: Range;
}

export interface ModelFinding extends SourceLocation, ScopeFields {
  /** Index into `ReadinessModel.findings`. */
  id: number;
  ruleId: string;
  severity: Severity;
  message: string;
  sid?: string;
  check: CheckId;
  notes: { number: string; url: string }[];
}

export interface MatrixCell {
  check: CheckId;
  state: CellState;
  /** Ids of the findings behind the state, worst first. */
  findings: number[];
  /** Why the cell is n/a or off. */
  reason?: string;
}

export interface SystemRow extends SourceLocation, ScopeFields {
  sid: string;
  product?: string;
  role?: string;
  readiness: Readiness;
  cells: MatrixCell[];
}

export type RfcStage = 'active' | 'watching' | 'removable' | 'undated';

export interface RfcTimelineEntry extends SourceLocation, ScopeFields {
  sid: string;
  destination: string;
  stage: RfcStage;
  /** A known legacy name or target (false: the name only suggests it). */
  certain: boolean;
  reason: string;
  deactivatedOn?: string;
  /** deactivatedOn plus the observation days of legacy-rfc-removable. */
  removableFrom?: string;
}

export interface ExpiryEntry extends SourceLocation, ScopeFields {
  sid: string;
  kind: 'logon-data' | 'service-connection';
  /** User and client of logon data, or the connection type id. */
  what: string;
  /** The day (logon data) or date-time (service connection) as written; undefined when missing. */
  date?: string;
  /** Whole days from today to the date (negative: past). */
  daysLeft?: number;
  state: ExpiryState;
}

export interface ModelFile extends ScopeFields {
  path: string;
  file: string;
}

export interface ReadinessModelInput {
  files: readonly LandscapeFile[];
  findings: readonly Finding[];
  options: ResolvedOptions;
  /** systemReadiness of files and findings, when the face has it already (the editor's snapshot does). */
  readiness?: readonly SystemReadiness[];
  toolVersion: string;
  /** The options file as the face shows it (defaults to options.sourcePath). */
  optionsPath?: string;
  /** How a path or URI is shown to a reader (default: unchanged). */
  displayPath?: (path: string) => string;
  /** Findings the bulk suppressions file hid (see applyBulkSuppressions). */
  bulkSuppressed?: number;
}

const COLUMN_OF_RULE = new Map<string, CheckId>(READINESS_CHECKS.flatMap((check) => check.rules.map((rule) => [rule, check.id] as [string, CheckId])));

export function checkOfRule(ruleId: string): CheckId {
  return COLUMN_OF_RULE.get(ruleId) ?? 'other';
}

export function buildReadinessModel(input: ReadinessModelInput): ReadinessModel {
  const show = input.displayPath ?? ((path: string) => path);
  const { options } = input;
  const today = options.today;
  const declaredSids = new Set(input.files.flatMap((file) => file.model?.systems.map((system) => system.sid) ?? []));
  const scopeByPath = new Map(input.files.map((file) => [file.path, scopeOf(file)]));
  const findings: ModelFinding[] = input.findings.map((finding, id) => ({
    ...scopeByPath.get(finding.path),
    id,
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    path: finding.path,
    file: show(finding.path),
    range: finding.range,
    sid: finding.sid,
    check: checkOfRule(finding.ruleId),
    notes: finding.notes.filter((note) => /^\d+$/.test(note)).map((note) => ({ number: note, url: sapNoteUrl(note) })),
  }));
  // Grouped once: scanning every finding per system, destination and expiry made the model
  // quadratic (16,000 systems took 18 s to build, 25 times the check itself).
  const bySid = new Map<string, ModelFinding[]>();
  for (const finding of findings) {
    if (finding.sid === undefined) continue;
    const key = systemKey(finding.path, finding.sid);
    const group = bySid.get(key);
    if (group) group.push(finding);
    else bySid.set(key, [finding]);
  }

  const readiness = new Map((input.readiness ?? systemReadiness(input.files, input.findings)).map((entry) => [systemKey(entry.path, entry.sid), entry]));
  const systems: SystemRow[] = [];
  const rfcTimeline: RfcTimelineEntry[] = [];
  const expiries: ExpiryEntry[] = [];
  const legacyOptions = ruleOptions<LegacyDestinationOptions>(options, 'legacy-rfc-destination', LEGACY_DESTINATION_DEFAULTS);
  const { observationDays } = ruleOptions(options, legacyRfcRemovable.id, legacyRfcRemovable.defaults);
  const applicability = applicabilityOptions(options);
  const seen = new Set<string>();

  for (const file of input.files) {
    const scope = scopeByPath.get(file.path);
    const at = (span: { start: number; end: number }): SourceLocation & ScopeFields => ({ path: file.path, file: show(file.path), range: file.lines.rangeOf(span), ...scope });
    for (const system of file.model?.systems ?? []) {
      // Systems are told apart by file and SID (two customers may each have a PRD); a key
      // written twice in one file is a finding of its own, and the matrix shows the first.
      const key = systemKey(file.path, system.sid);
      if (seen.has(key)) continue;
      seen.add(key);
      const own = bySid.get(key) ?? [];
      const reasons = notApplicable(system, applicability);
      const cells = READINESS_CHECKS.map((check) => cellFor(check, own, reasons[check.id], options));
      const entry = readiness.get(key);
      systems.push({
        ...at(system.pair.key),
        sid: system.sid,
        product: system.product?.value,
        role: system.role?.value,
        readiness: entry?.readiness ?? 'ready',
        cells,
      });

      for (const destination of system.rfcDestinations) {
        const verdict = legacyVerdict(destination, legacyOptions, (sid) => declaredSids.has(sid));
        if (!verdict) continue;
        const location = at(destination.pair.key);
        const deactivated = destination.status?.value === 'deactivated';
        const day = destination.deactivatedOn && parseDay(destination.deactivatedOn.value);
        const removable = day === undefined ? undefined : day + observationDays;
        const stage: RfcStage = !deactivated ? 'active' : removable === undefined ? 'undated' : today < removable ? 'watching' : 'removable';
        rfcTimeline.push({
          ...location,
          sid: system.sid,
          destination: destination.name,
          stage,
          certain: verdict.certain,
          reason: verdict.reason,
          deactivatedOn: day === undefined ? undefined : formatDay(day),
          removableFrom: removable === undefined ? undefined : formatDay(removable),
        });
      }

      for (const logon of system.logonData) {
        const what = [logon.user && `user ${logon.user.value}`, logon.client && `client ${logon.client.value}`].filter(Boolean).join(', ') || 'logon data';
        const span = logon.expires?.pair.value ?? logon.user?.pair.key ?? logon.node;
        const location = at(span);
        const day = logon.expires && parseDay(logon.expires.value);
        const daysLeft = day === undefined ? undefined : day - today;
        expiries.push({
          ...location,
          sid: system.sid,
          kind: 'logon-data',
          what,
          date: logon.expires?.value,
          daysLeft,
          state: expiryState(daysLeft),
        });
      }

      for (const connection of system.serviceConnections) {
        if (connection.pair.merged || !connection.until) continue;
        const until = parseDateTime(connection.until.value);
        if (until === undefined || until < dayStartTime(today)) continue; // closed windows are a finding, not an expiry
        const daysLeft = dayOfTime(until) - today;
        expiries.push({
          ...at(connection.until.pair.value),
          sid: system.sid,
          kind: 'service-connection',
          what: connection.typeId,
          date: connection.until.value,
          daysLeft,
          state: expiryState(daysLeft),
        });
      }
    }
  }

  // Two customers' PRD: by SID, then by landscape, customer and file, so the order never depends on the file order.
  systems.sort((a, b) => compareText(a.sid, b.sid) || compareText(a.landscape ?? '', b.landscape ?? '') || compareText(a.customer ?? '', b.customer ?? '') || compareText(a.path, b.path));
  const stageOrder: Record<RfcStage, number> = { active: 0, undated: 1, removable: 2, watching: 3 };
  rfcTimeline.sort((a, b) => stageOrder[a.stage] - stageOrder[b.stage] || compareText(a.removableFrom ?? '', b.removableFrom ?? '') || compareText(a.sid, b.sid) || compareText(a.destination, b.destination));
  expiries.sort((a, b) => (a.daysLeft ?? -Infinity) - (b.daysLeft ?? -Infinity) || compareText(a.sid, b.sid) || compareText(a.what, b.what));

  const counts = { ready: 0, warnings: 0, notReady: 0 };
  for (const system of systems) {
    if (system.readiness === 'ready') counts.ready++;
    else if (system.readiness === 'warnings') counts.warnings++;
    else counts.notReady++;
  }
  const paths = input.files.map((file) => file.path);
  return {
    today: formatDay(today),
    optionsPath: input.optionsPath ?? options.sourcePath,
    toolVersion: input.toolVersion,
    summary: { files: paths.length, systems: systems.length, ...counts, findings: countBySeverity(input.findings), bulkSuppressed: input.bulkSuppressed ?? 0 },
    checks: READINESS_CHECKS,
    systems,
    rfcTimeline,
    expiries,
    findings,
    files: input.files.map((file) => ({ path: file.path, file: show(file.path), ...scopeByPath.get(file.path) })),
    scope: readinessScope(input.files),
  };
}

/** A file's landscape and customer, as written (trimmed); a missing or empty one is left out. */
function scopeOf(file: LandscapeFile): ScopeFields {
  const landscape = landscapeKey(file);
  const customer = customerOf(file);
  return { ...(landscape ? { landscape } : {}), ...(customer ? { customer } : {}) };
}

/** The `customer:` a file names, trimmed; "" for none. */
function customerOf(file: LandscapeFile): string {
  return file.model?.customer?.value.trim() ?? '';
}

/** The distinct customers the files name, in code-point order. */
export function customersOf(files: readonly LandscapeFile[]): string[] {
  return [...new Set(files.map(customerOf).filter(Boolean))].sort(compareText);
}

export function readinessScope(files: readonly LandscapeFile[]): ReadinessScope {
  const withModel = files.filter((file) => file.model);
  const landscapes = [...new Set(withModel.map((file) => landscapeKey(file)))].sort(compareText);
  const customers = customersOf(withModel);
  return { landscapes, customers, showLandscape: landscapes.length > 1 || customers.length > 0, showCustomer: customers.length > 0 };
}

function cellFor(check: ReadinessCheckColumn, own: readonly ModelFinding[], reason: string | undefined, options: ResolvedOptions): MatrixCell {
  const ids = own
    .filter((finding) => finding.check === check.id)
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.id - b.id)
    .map((finding) => finding.id);
  if (ids.length > 0) return { check: check.id, state: own.find((finding) => finding.id === ids[0])!.severity, findings: ids };
  if (check.rules.length > 0 && check.rules.every((rule) => options.rules.get(rule)?.severity === 'off')) {
    return { check: check.id, state: 'off', findings: [], reason: `${check.rules.join(', ')} ${check.rules.length === 1 ? 'is' : 'are'} off` };
  }
  return reason ? { check: check.id, state: 'n/a', findings: [], reason } : { check: check.id, state: 'ok', findings: [] };
}

/** What decides whether a check applies: the same for every system, so read from the options once. */
interface Applicability {
  products: readonly string[];
  backbone: BackboneDestinationOptions;
}

function applicabilityOptions(options: ResolvedOptions): Applicability {
  return {
    products: ruleOptions<{ products: string[] }>(options, 'missing-backbone-destination', { products: ABAP_PRODUCTS }).products,
    backbone: ruleOptions<BackboneDestinationOptions>(options, 'backbone-destination-config', BACKBONE_DESTINATION_DEFAULTS),
  };
}

/** Why each check does not apply to a system (undefined where it does). */
function notApplicable(system: SystemDeclaration, { products, backbone }: Applicability): Record<CheckId, string | undefined> {
  if (isOperatedBySap(system)) {
    // SAP maintains SM59, connectivity, add-ons and SNOTE of a system it operates (RISE with SAP).
    const bySap = 'operated by SAP (operatedBy: sap)';
    return { backbone: bySap, 'technical-user': bySap, 'st-pi': bySap, snote: bySap, 'legacy-rfc': bySap, 'logon-data': system.logonData.length > 0 ? undefined : 'no logon data stored', 'service-connections': system.serviceConnections.length > 0 ? undefined : 'no service connections', other: undefined };
  }
  const abap = system.product !== undefined && products.includes(system.product.value);
  const hasBackbone = backboneSpecs(backbone).some((spec) => findDestination(system, spec.name));
  const notAbap = `not ABAP-based (${system.product ? `product ${system.product.value}` : 'no product'})`;
  return {
    backbone: abap || hasBackbone ? undefined : notAbap,
    'technical-user': system.communicationUser || hasBackbone ? undefined : 'no communication user or backbone destination',
    'st-pi': abap ? undefined : notAbap,
    snote: system.noteAssistant?.used?.value === true ? undefined : 'SNOTE not used',
    'legacy-rfc': abap || system.rfcDestinations.length > 0 ? undefined : 'no RFC destinations',
    'logon-data': system.logonData.length > 0 ? undefined : 'no logon data stored',
    'service-connections': system.serviceConnections.length > 0 ? undefined : 'no service connections',
    other: undefined,
  };
}

function ruleOptions<T>(options: ResolvedOptions, ruleId: string, fallback: T): T {
  const setting = options.rules.get(ruleId);
  return setting && setting.severity !== 'off' ? (setting.options as T) : fallback;
}

/** Code-point order: the same on every machine and locale, so reports and views list alike. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
