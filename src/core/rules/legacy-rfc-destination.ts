import { formatDay } from '../dates';
import { setMapValues } from '../landscape/edits';
import { LEGACY_DESTINATION_DEFAULTS, LEGACY_DESTINATION_SCHEMA, legacyVerdict } from './legacy-destinations';
import { defineRule } from './rule';

export const legacyRfcDestination = defineRule({
  id: 'legacy-rfc-destination',
  title: 'No active RFC destination to SAP\'s legacy RFC infrastructure',
  defaultSeverity: 'error',
  notes: ['2923799'],
  description:
    'SAP closed all RFC communication from customer systems to SAP on 2020-11-30 (SAP Note 2923799). An active ' +
    'destination to the old infrastructure causes errors, dumps and needless load. Reported by name (SAPOSS, SDCC_OSS, ' +
    'SAPNET_RTCC, SAP-OSS, SAPSNOTE as errors; SAPNET_RFC and SAP-OSS-LIST-O01 as warnings) or by target (oss001, ' +
    'system O01 / sapmsO01, sapserv1-9, 147.204.2.5, 194.39.131.34). The names come from community sources ' +
    '(confidence C/U) and are options. Solution Manager\'s own SM_<SID>CLNT<nnn>_BACK/_READ/_TRUSTED/_TMW ' +
    'destinations are never reported. Fix: mark it deactivated today, then watch for one to two weeks ' +
    '(see legacy-rfc-removable) before deleting it.',
  fixable: true,
  scope: 'system',
  defaults: LEGACY_DESTINATION_DEFAULTS,
  optionsSchema: { type: 'object', properties: LEGACY_DESTINATION_SCHEMA, additionalProperties: false },
  check(file, context) {
    for (const system of file.model?.systems ?? []) {
      for (const destination of system.rfcDestinations) {
        if (destination.status?.value === 'deactivated') continue;
        const verdict = legacyVerdict(destination, context.options, (sid) => context.workspace.system(sid, file) !== undefined);
        if (!verdict) continue;
        const today = formatDay(context.today);
        context.report({
          at: destination.pair.key,
          sid: system.sid,
          severity: verdict.certain ? 'error' : 'warning',
          message: `${verdict.reason} (system ${system.sid}); RFC to SAP is closed since 2020-11-30. Deactivate it, watch for one to two weeks, then delete it.`,
          fixes: destination.node
            ? [{ title: `Mark ${destination.name} deactivated on ${today}`, edits: setMapValues(file, destination.node, [['status', 'deactivated'], ['deactivatedOn', today]]) }]
            : [],
        });
      }
    }
  },
});
