import { formatDay } from '../dates';
import { setMapValues } from '../landscape/edits';
import { LEGACY_DESTINATION_DEFAULTS, LEGACY_DESTINATION_SCHEMA, legacyVerdict } from './legacy-destinations';
import { basisRelease } from './levels-shared';
import { includesName } from '../text/names';
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
    'destinations are never reported. SAPSNOTE, whose role is uncertain, is not reported when its target is a host of ' +
    'the landscape (the customer\'s own Download Service system; option targetDecidesNames). On SAP_BASIS 700-731 the ' +
    'message for SNOTE\'s destinations (SAPOSS, SAPSNOTE) names what replaces them there: the Download Service (SAP Note ' +
    '2928592) or manual upload (SAP Note 2865380). Fix: record it as deactivated today, then watch for one to two weeks ' +
    '(see legacy-rfc-removable) before deleting it.',
  fixable: true,
  scope: 'system',
  defaults: LEGACY_DESTINATION_DEFAULTS,
  optionsSchema: { type: 'object', properties: LEGACY_DESTINATION_SCHEMA, additionalProperties: false },
  check(file, context) {
    for (const system of file.model?.systems ?? []) {
      for (const destination of system.rfcDestinations) {
        if (destination.status?.value === 'deactivated') continue;
        const verdict = legacyVerdict(
          destination,
          context.options,
          (sid) => context.workspace.system(sid, file) !== undefined,
          (host) => context.workspace.isOwnHost(host, file),
        );
        if (!verdict) continue;
        const today = formatDay(context.today);
        const basis = basisRelease(system, []);
        const replacedForSnote = includesName(SNOTE_RFC_NAMES, destination.name) && basis !== undefined && basis.number < 740;
        context.report({
          at: destination.pair.key,
          sid: system.sid,
          severity: verdict.certain ? 'error' : 'warning',
          notes: replacedForSnote ? ['2923799', '2928592', '2865380'] : undefined,
          message:
            `${verdict.reason} (system ${system.sid}); RFC to SAP is closed since 2020-11-30. Deactivate it, watch for one to two weeks, then delete it.` +
            (replacedForSnote
              ? ` On SAP_BASIS ${basis.release} SNOTE gets notes through the Download Service instead (SAP Note 2928592) or by manual upload (SAP Note 2865380).`
              : ''),
          fixes: destination.node
            ? [{ title: `Record ${destination.name} as deactivated in SM59 on ${today}`, edits: setMapValues(file, destination.node, [['status', 'deactivated'], ['deactivatedOn', today]]) }]
            : [],
        });
      }
    }
  },
});

/** The legacy destinations SNOTE downloaded notes through (backbone facts, confidence C). */
const SNOTE_RFC_NAMES = ['SAPOSS', 'SAPSNOTE'];
