import { formatDay, parseDay } from '../dates';
import { removeMapEntry, setMapValues } from '../landscape/edits';
import { asMap } from '../landscape/model';
import { legacyVerdict, type LegacyDestinationOptions } from './legacy-destinations';
import { defineRule } from './rule';

interface RemovableOptions {
  /** Days to watch a deactivated destination before deleting it (SAP: one to two weeks). */
  observationDays: number;
}

export const legacyRfcRemovable = defineRule<RemovableOptions>({
  id: 'legacy-rfc-removable',
  title: 'A deactivated legacy RFC destination: watch it, then delete it',
  defaultSeverity: 'info',
  notes: ['2923799'],
  description:
    'SAP\'s procedure for the RFC shutdown: deactivate the legacy destinations to SAP (and only those), check for one to ' +
    'two weeks that everything still works so that rare background jobs show up, then remove them (SAP Note 2923799). ' +
    'Inside the observation window (default 14 days after deactivatedOn) this says until when to watch (info); past it, ' +
    'that the destination can be deleted (warning, fix: delete the entry; comments on its lines are kept). A deactivated ' +
    'legacy destination without deactivatedOn is reported too (fix: record today). Which destinations are legacy comes from ' +
    'the options of legacy-rfc-destination (names, hosts), so the two rules always agree.',
  fixable: true,
  scope: 'system',
  defaults: { observationDays: 14 },
  optionsSchema: {
    type: 'object',
    properties: {
      observationDays: { type: 'integer', minimum: 0, description: 'Days to watch a deactivated legacy destination before it may be deleted.' },
    },
    additionalProperties: false,
  },
  check(file, context) {
    for (const system of file.model?.systems ?? []) {
      const destinations = system.rfcDestinationsPair && asMap(system.rfcDestinationsPair.value);
      // Which destinations are legacy is legacy-rfc-destination's list, so both rules always agree.
      const legacy = context.optionsOf('legacy-rfc-destination') as LegacyDestinationOptions;
      for (const destination of system.rfcDestinations) {
        if (destination.status?.value !== 'deactivated' || !legacyVerdict(destination, legacy, (sid) => context.workspace.system(sid, file) !== undefined, (host) => context.workspace.isOwnHost(host, file))) continue;
        const deactivatedOn = destination.deactivatedOn && parseDay(destination.deactivatedOn.value);
        if (deactivatedOn === undefined) {
          if (destination.deactivatedOn) continue; // an invalid date: the schema reports it
          const today = formatDay(context.today);
          context.report({
            at: destination.status.pair.value,
            sid: system.sid,
            severity: 'warning',
            message: `${destination.name} (system ${system.sid}) is deactivated but deactivatedOn is missing: record the day to know when it may be deleted.`,
            fixes: destination.node ? [{ title: `Record deactivatedOn: ${today}`, edits: setMapValues(file, destination.node, [['deactivatedOn', today]]) }] : [],
          });
          continue;
        }
        const removableFrom = deactivatedOn + context.options.observationDays;
        if (context.today < removableFrom) {
          context.report({
            at: destination.pair.key,
            sid: system.sid,
            severity: 'info',
            message: `${destination.name} (system ${system.sid}) was deactivated on ${formatDay(deactivatedOn)}: watch for failing jobs until ${formatDay(removableFrom)}, then delete it.`,
          });
        } else {
          context.report({
            at: destination.pair.key,
            sid: system.sid,
            severity: 'warning',
            message: `${destination.name} (system ${system.sid}) has been deactivated since ${formatDay(deactivatedOn)}, past the ${context.options.observationDays}-day observation window: delete it in SM59 and here.`,
            fixes: destinations ? [{ title: `Delete ${destination.name}`, edits: [removeMapEntry(file, destinations, destination.pair)] }] : [],
          });
        }
      }
    }
  },
});
