import { formatRelease, releaseNumber } from './levels-shared';
import { defineRule } from './rule';

interface FocusedRunOptions {
  /** Lowest Focused Run release that works with the updated backbone. */
  minimumRelease: number;
}

export const focusedRunLevel = defineRule<FocusedRunOptions>({
  id: 'focused-run-level',
  title: 'SAP Focused Run is at 2.0 or higher, declares its release, and has both users its backbone connection needs',
  defaultSeverity: 'error',
  notes: [],
  description:
    'SAP Focused Run reaches SAP\'s updated support backbone only from release 2.0 (SAP\'s backbone page, confidence S). ' +
    'Reports a system with `product: focused-run` whose release, read as a decimal number, is below the option ' +
    'minimumRelease (default 2.0), at the release. A Focused Run system without `release` gets a warning, since its ' +
    'readiness cannot be checked (solman-level does the same for Solution Manager); a release that does not start with ' +
    'a number is not reported. A Focused Run connected to SAP (`supportConnection: direct`) needs two users: a technical ' +
    'communication user (`communicationUser`) and an S-user (`supportUser`) for SAP Support Portal services (SAP\'s ' +
    'Focused Run expert portal, "Migration of Support Backbone Connectivity", confidence S); a missing one is a warning.',
  fixable: false,
  scope: 'system',
  defaults: { minimumRelease: 2.0 },
  optionsSchema: {
    type: 'object',
    properties: {
      minimumRelease: { type: 'number', minimum: 0, description: 'Lowest Focused Run release, as a decimal number. Default: 2.0.' },
    },
    additionalProperties: false,
  },
  check(file, context) {
    const minimum = context.options.minimumRelease;
    for (const system of file.model?.systems ?? []) {
      if (system.product?.value !== 'focused-run') continue;
      if (system.supportConnection?.value === 'direct') {
        for (const [field, what] of [['communicationUser', 'technical communication user (communicationUser)'], ['supportUser', 'S-user for SAP Support Portal services (supportUser)']] as const) {
          if (system[field]) continue;
          context.report({
            at: system.supportConnection.pair.value,
            sid: system.sid,
            severity: 'warning',
            message: `SAP Focused Run ${system.sid} connects to SAP's support backbone with two users, but declares no ${what}. Add ${field}: <user ID> and declare the user under users.`,
          });
        }
      }
      if (!system.release) {
        context.report({
          at: system.pair.key,
          sid: system.sid,
          severity: 'warning',
          message: `SAP Focused Run system ${system.sid} declares no release: declare release so readiness can be checked.`,
        });
        continue;
      }
      const release = releaseNumber(system.release.value);
      if (release === undefined || release >= minimum) continue;
      context.report({
        at: system.release.pair.value,
        sid: system.sid,
        message: `SAP Focused Run ${system.release.value} (system ${system.sid}) cannot connect to SAP's updated support backbone: update it to ${formatRelease(minimum)} or higher.`,
      });
    }
  },
});
