/**
 * The messages between the dashboard panel (extension host) and its page (webview-ui/). Both
 * sides import this file, so it must not import `vscode`; each side validates what it receives
 * with the parser for the other side's messages, because a message is only `unknown` data.
 */
import type { Range } from '../../core/landscape/text';
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

/** What the page accepts from the host: the shape it renders from, checked before it is used. */
export function parseHostMessage(data: unknown): HostMessage | undefined {
  if (!isObject(data) || data.type !== 'model' || !isCount(data.revision) || !isObject(data.model)) return undefined;
  const model = data.model;
  const arrays = ['checks', 'systems', 'rfcTimeline', 'expiries', 'findings', 'files'] as const;
  if (typeof model.today !== 'string' || typeof model.toolVersion !== 'string' || !isObject(model.summary)) return undefined;
  if (model.optionsPath !== undefined && typeof model.optionsPath !== 'string') return undefined;
  if (!arrays.every((key) => Array.isArray(model[key]))) return undefined;
  const located = (entry: unknown): boolean => isObject(entry) && typeof entry.path === 'string' && typeof entry.file === 'string' && isRange(entry.range);
  const systems = model.systems as unknown[];
  if (!systems.every((system) => located(system) && isObject(system) && typeof system.sid === 'string' && Array.isArray(system.cells))) return undefined;
  if (!(model.findings as unknown[]).every((finding) => located(finding) && isObject(finding) && typeof finding.message === 'string' && typeof finding.ruleId === 'string')) return undefined;
  if (!(model.rfcTimeline as unknown[]).every(located) || !(model.expiries as unknown[]).every(located)) return undefined;
  return { type: 'model', revision: data.revision, model: model as unknown as ReadinessModel };
}
