import { formatDay, parseDay } from '../dates';
import { setMapValues } from '../landscape/edits';
import { entryOf } from '../landscape/sourceTree';
import { defineRule } from './rule';

interface LogonDataExpiryOptions {
  /** How far ahead an expiration date may lie. */
  maxDaysAhead: number;
}

export const logonDataExpiry = defineRule<LogonDataExpiryOptions>({
  id: 'logon-data-expiry',
  title: 'Logon data for SAP Support must expire soon',
  defaultSeverity: 'error',
  notes: ['2791304'],
  description:
    'SAP recommends never storing logon data in the Customer Remote Logon Depot (formerly Secure Area, SAP Note ' +
    '2791304) longer than necessary and always choosing an expiration date; expired logon data is deleted there ' +
    '(SAP\'s remote-support page, confidence S). Reports a logonData entry without `expires` (error; fix: expire it ' +
    'maxDaysAhead days from today), one already expired (warning: remove or renew it), and one expiring more than ' +
    'maxDaysAhead days from today (warning; default 30, our own threshold, not SAP\'s).',
  fixable: true,
  scope: 'system',
  defaults: { maxDaysAhead: 30 },
  optionsSchema: {
    type: 'object',
    properties: {
      maxDaysAhead: { type: 'integer', minimum: 0, description: 'How many days after today an expiration date may lie before it is reported (also the expiry the fix sets).' },
    },
    additionalProperties: false,
  },
  check(file, context) {
    const { maxDaysAhead } = context.options;
    for (const system of file.model?.systems ?? []) {
      for (const entry of system.logonData) {
        const who = `Logon data${entry.user ? ` for ${entry.user.value}` : ''}${entry.client ? ` in client ${entry.client.value}` : ''} (system ${system.sid})`;
        if (!entry.expires) {
          const written = entryOf(entry.node, 'expires');
          if (written && !(written.value.kind === 'scalar' && written.value.value === null)) continue; // wrong type: the schema reports it
          const expires = formatDay(context.today + maxDaysAhead);
          context.report({
            at: entry.user?.pair.key ?? entry.node,
            sid: system.sid,
            severity: 'error',
            message: `${who} has no expiration date. SAP recommends storing logon data no longer than necessary and always choosing an expiration date: add expires.`,
            fixes: [{ title: `Let it expire on ${expires}`, edits: setMapValues(file, entry.node, [['expires', expires]]) }],
          });
          continue;
        }
        const expires = parseDay(entry.expires.value);
        if (expires === undefined) continue; // not a date: the schema reports it
        if (expires < context.today) {
          context.report({
            at: entry.expires.pair.value,
            sid: system.sid,
            severity: 'warning',
            message: `${who} expired on ${formatDay(expires)}; the Customer Remote Logon Depot deletes expired logon data. Remove the entry, or store it again with a new expiration date if SAP Support still needs it.`,
          });
        } else if (expires > context.today + maxDaysAhead) {
          context.report({
            at: entry.expires.pair.value,
            sid: system.sid,
            severity: 'warning',
            message: `${who} expires on ${formatDay(expires)}, ${expires - context.today} days from today (more than ${maxDaysAhead}). SAP recommends storing logon data no longer than necessary: choose an earlier expiration date.`,
          });
        }
      }
    }
  },
});
