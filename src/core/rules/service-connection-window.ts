import { dayStartTime, parseDateTime } from '../dates';
import { removeMapEntry } from '../landscape/edits';
import { asMap } from '../landscape/model';
import { entryOf } from '../landscape/sourceTree';
import { defineRule } from './rule';

interface ServiceConnectionWindowOptions {
  /** Longest window a service connection may stay open. */
  maxWindowDays: number;
}

const DAY_MS = dayStartTime(1);

export const serviceConnectionWindow = defineRule<ServiceConnectionWindowOptions>({
  id: 'service-connection-window',
  title: 'A service connection is open for a bounded time frame',
  defaultSeverity: 'error',
  notes: [],
  description:
    'A service connection is opened for SAP Support for a time frame (SAP\'s remote-support page, confidence S). Reports ' +
    'a window with `from` but no `until` and a window ending before it starts (errors), a window longer than ' +
    'maxWindowDays (warning; default 14, our own threshold, not SAP\'s), and a window already closed before today ' +
    '(info; fix: remove the window). Date-times that are not valid are left to the schema check.',
  fixable: true,
  scope: 'system',
  defaults: { maxWindowDays: 14 },
  optionsSchema: {
    type: 'object',
    properties: {
      maxWindowDays: { type: 'number', exclusiveMinimum: 0, description: 'Longest time, in days, a service connection window may stay open before it is reported.' },
    },
    additionalProperties: false,
  },
  check(file, context) {
    const { maxWindowDays } = context.options;
    for (const system of file.model?.systems ?? []) {
      for (const connection of system.serviceConnections) {
        const windowPair = connection.windowPair;
        const window = windowPair && asMap(windowPair.value);
        if (connection.pair.merged || !windowPair || !window) continue;
        const name = `The ${connection.typeId} window of system ${system.sid}`;
        const from = connection.from && parseDateTime(connection.from.value);
        const untilPair = entryOf(window, 'until');
        if (!untilPair || (untilPair.value.kind === 'scalar' && untilPair.value.value === null)) {
          if (!entryOf(window, 'from')) continue; // a window without from: the schema reports it
          context.report({
            at: windowPair.key,
            sid: system.sid,
            severity: 'error',
            message: `${name} opens${connection.from ? ` at ${connection.from.value}` : ''} but has no end: an opened service connection needs one. Add until.`,
          });
          continue;
        }
        const until = connection.until && parseDateTime(connection.until.value);
        if (until === undefined || !connection.until) continue; // not a date-time: the schema reports it
        if (from !== undefined && until < from) {
          context.report({
            at: connection.until.pair.value,
            sid: system.sid,
            severity: 'error',
            message: `${name} ends (${connection.until.value}) before it starts (${connection.from?.value}): correct until.`,
          });
        } else if (until < dayStartTime(context.today)) {
          const connectionMap = connection.node;
          context.report({
            at: windowPair.key,
            sid: system.sid,
            severity: 'info',
            message: `${name} is closed since ${connection.until.value}: remove the window.`,
            fixes:
              connectionMap && connectionMap.pairs.includes(windowPair)
                ? [{ title: `Remove the closed ${connection.typeId} window`, edits: [removeMapEntry(file, connectionMap, windowPair)] }]
                : [],
          });
        } else if (from !== undefined && until - from > maxWindowDays * DAY_MS) {
          context.report({
            at: connection.until.pair.value,
            sid: system.sid,
            severity: 'warning',
            message: `${name} is open for ${formatDays(until - from)} days, longer than ${maxWindowDays}: open service connections only for as long as SAP Support needs them.`,
          });
        }
      }
    }
  },
});

function formatDays(ms: number): string {
  return String(Math.round((ms / DAY_MS) * 10) / 10);
}
