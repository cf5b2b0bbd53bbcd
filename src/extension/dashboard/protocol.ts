/**
 * The messages between the dashboard panel (extension host) and its page (webview-ui/). Both
 * sides import this file, so it must not import `vscode`; each side validates what it receives
 * with the parser for the other side's messages, because a message is only `unknown` data.
 */
import type { Range } from '../../core/landscape/text';
import { SEVERITY_ORDER } from '../../core/findings';
import { CELL_LABEL, EXPIRY_LABEL, READINESS_LABEL, RFC_STAGE_LABEL } from '../../core/report/readiness-labels';
import type { ReadinessModel } from '../../core/report/readiness-model';

export type ReportFormat = 'html' | 'markdown';

/** Host to page: the model to show (after every check), with a revision that only grows. */
export type HostMessage = { type: 'model'; revision: number; model: ReadinessModel };

/** Page to host. */
export type PageMessage =
  | { type: 'ready' }
  /** Reveal a range of a checked file in the editor. */
  | { type: 'reveal'; path: string; range: Range }
  /** Ask where to save a report, then write it (the format follows the chosen file name). */
  | { type: 'export'; format?: ReportFormat };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10_000_000;

function isPosition(value: unknown): value is Range['start'] {
  return isObject(value) && isCount(value.line) && isCount(value.character) && Object.keys(value).length === 2;
}

function isRange(value: unknown): value is Range {
  return isObject(value) && isPosition(value.start) && isPosition(value.end) && Object.keys(value).length === 2;
}

/** What the host accepts from the page; anything else is dropped (and logged by the host). */
export function parsePageMessage(data: unknown): PageMessage | undefined {
  if (!isObject(data)) return undefined;
  const keys = Object.keys(data).sort().join(',');
  switch (data.type) {
    case 'ready':
      return keys === 'type' ? { type: 'ready' } : undefined;
    case 'reveal':
      return keys === 'path,range,type' && typeof data.path === 'string' && data.path.length > 0 && data.path.length < 4096 && isRange(data.range)
        ? { type: 'reveal', path: data.path, range: data.range }
        : undefined;
    case 'export':
      if (keys === 'type') return { type: 'export' };
      return keys === 'format,type' && (data.format === 'html' || data.format === 'markdown') ? { type: 'export', format: data.format } : undefined;
  }
  return undefined;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isOptionalText = (value: unknown): boolean => value === undefined || isText(value);
const isOneOf = (keys: Record<string, unknown>) => (value: unknown): boolean => isText(value) && Object.prototype.hasOwnProperty.call(keys, value);
const isListOf = (value: unknown, test: (entry: unknown) => boolean): boolean => Array.isArray(value) && value.every(test);
const isSeverity = isOneOf(SEVERITY_ORDER);
const isState = isOneOf(CELL_LABEL);
const isReadiness = isOneOf(READINESS_LABEL);
const isStage = isOneOf(RFC_STAGE_LABEL);
const isExpiryState = isOneOf(EXPIRY_LABEL);
const isSeverityCounts = (value: unknown): boolean => isObject(value) && isCount(value.error) && isCount(value.warning) && isCount(value.info);

/** Where an entry is declared: every row the page reveals carries one, with its file's landscape and customer. */
function located(entry: unknown): entry is Record<string, unknown> {
  return isObject(entry) && isText(entry.path) && isText(entry.file) && isRange(entry.range) && isScoped(entry);
}

function isScoped(entry: Record<string, unknown>): boolean {
  return isOptionalText(entry.landscape) && isOptionalText(entry.customer);
}

function isScope(value: unknown): boolean {
  return isObject(value) && isListOf(value.landscapes, isText) && isListOf(value.customers, isText) && typeof value.showLandscape === 'boolean' && typeof value.showCustomer === 'boolean';
}

function isCheck(value: unknown): boolean {
  return isObject(value) && isText(value.id) && isText(value.title) && isListOf(value.rules, isText);
}

function isCell(value: unknown): boolean {
  return isObject(value) && isText(value.check) && isState(value.state) && isListOf(value.findings, isCount) && isOptionalText(value.reason);
}

function isSystem(value: unknown): boolean {
  return located(value) && isText(value.sid) && isOptionalText(value.product) && isOptionalText(value.role) && isReadiness(value.readiness) && isListOf(value.cells, isCell);
}

function isFinding(value: unknown): boolean {
  return (
    located(value) &&
    isCount(value.id) &&
    isText(value.ruleId) &&
    isSeverity(value.severity) &&
    isText(value.message) &&
    isOptionalText(value.sid) &&
    isText(value.check) &&
    isListOf(value.notes, (note) => isObject(note) && isText(note.number) && isText(note.url))
  );
}

function isTimelineEntry(value: unknown): boolean {
  return (
    located(value) &&
    isText(value.sid) &&
    isText(value.destination) &&
    isStage(value.stage) &&
    typeof value.certain === 'boolean' &&
    isText(value.reason) &&
    isOptionalText(value.deactivatedOn) &&
    isOptionalText(value.removableFrom)
  );
}

function isExpiry(value: unknown): boolean {
  const daysLeft = located(value) ? value.daysLeft : undefined;
  return (
    located(value) &&
    isText(value.sid) &&
    (value.kind === 'logon-data' || value.kind === 'service-connection') &&
    isText(value.what) &&
    isOptionalText(value.date) &&
    (daysLeft === undefined || (typeof daysLeft === 'number' && Number.isInteger(daysLeft))) &&
    isExpiryState(value.state)
  );
}

function isSummary(value: unknown): boolean {
  return isObject(value) && isCount(value.files) && isCount(value.systems) && isCount(value.ready) && isCount(value.warnings) && isCount(value.notReady) && isSeverityCounts(value.findings) && isCount(value.bulkSuppressed);
}

/**
 * What the page accepts from the host: the whole shape it renders from, checked before it is
 * used, so a malformed part is refused instead of breaking the page halfway through a render.
 */
export function parseHostMessage(data: unknown): HostMessage | undefined {
  if (!isObject(data) || data.type !== 'model' || !isCount(data.revision) || !isObject(data.model)) return undefined;
  const model = data.model;
  const valid =
    isText(model.today) &&
    isText(model.toolVersion) &&
    isOptionalText(model.optionsPath) &&
    isSummary(model.summary) &&
    isListOf(model.checks, isCheck) &&
    isListOf(model.systems, isSystem) &&
    isListOf(model.findings, isFinding) &&
    isListOf(model.rfcTimeline, isTimelineEntry) &&
    isListOf(model.expiries, isExpiry) &&
    isListOf(model.files, (file) => isObject(file) && isText(file.path) && isText(file.file) && isScoped(file)) &&
    isScope(model.scope);
  return valid ? { type: 'model', revision: data.revision, model: model as unknown as ReadinessModel } : undefined;
}
