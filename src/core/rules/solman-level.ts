import { formatRelease, releaseNumber } from './levels-shared';
import { defineRule } from './rule';

interface SolmanOptions {
  /** Lowest Solution Manager release that works with the updated backbone. */
  minimumRelease: number;
  /** Lowest SPS at that release for customers. */
  minimumSps: number;
  /** Lowest SPS at that release for SAP partners. */
  minimumPartnerSps: number;
}

export const solmanLevel = defineRule<SolmanOptions>({
  id: 'solman-level',
  title: 'SAP Solution Manager is at 7.2 SPS07 (partners SPS08) or higher',
  defaultSeverity: 'error',
  notes: [],
  description:
    'SAP Solution Manager reaches SAP\'s updated support backbone only from release 7.2 Support Package Stack 07, or ' +
    'SPS08 for SAP partners (SAP\'s backbone page, confidence S); 7.1 must move to 7.2. Reports a system with ' +
    '`product: solman` whose release is below 7.2 (at the release) or that is at 7.2 below the SPS (at sps; the partner ' +
    'minimum applies when a file of the Solution Manager\'s own landscape, the files sharing its `landscape:` name, ' +
    'says `partner: true`). Releases compare as decimal numbers, as SAP counts ' +
    '("7.10" is 7.1). A release below 7.2 is an error, or a warning for a Solution Manager with `supportConnection: none` ' +
    '(it does not talk to SAP, yet 7.1 is out of maintenance). At 7.2 without `sps` it warns (declare sps so the level can ' +
    'be checked), and a Solution Manager without `release` is a warning (its readiness cannot be checked). Options: minimumRelease (7.2), minimumSps (7), minimumPartnerSps (8).',
  fixable: false,
  scope: 'system',
  defaults: { minimumRelease: 7.2, minimumSps: 7, minimumPartnerSps: 8 },
  optionsSchema: {
    type: 'object',
    properties: {
      minimumRelease: { type: 'number', minimum: 0, description: 'Lowest Solution Manager release, as a decimal number. Default: 7.2.' },
      minimumSps: { type: 'integer', minimum: 0, description: 'Lowest support package stack at that release for customers. Default: 7.' },
      minimumPartnerSps: { type: 'integer', minimum: 0, description: 'Lowest support package stack at that release for SAP partners (partner: true). Default: 8.' },
    },
    additionalProperties: false,
  },
  check(file, context) {
    const { minimumRelease, minimumSps, minimumPartnerSps } = context.options;
    let partner: boolean | undefined;
    for (const system of file.model?.systems ?? []) {
      if (system.product?.value !== 'solman') continue;
      if (!system.release) {
        context.report({
          at: system.pair.key,
          sid: system.sid,
          severity: 'warning',
          message: `SAP Solution Manager system ${system.sid} declares no release: declare release (and sps) so readiness can be checked.`,
        });
        continue;
      }
      const release = releaseNumber(system.release.value);
      if (release === undefined || release > minimumRelease) continue;
      if (release < minimumRelease) {
        const unconnected = system.supportConnection?.value === 'none';
        context.report({
          at: system.release.pair.value,
          sid: system.sid,
          severity: unconnected ? 'warning' : undefined,
          message: `SAP Solution Manager ${system.release.value} (system ${system.sid}) cannot connect to SAP's updated support backbone: move it to ${formatRelease(minimumRelease)} at SPS${pad(minimumSps)} or higher (SPS${pad(minimumPartnerSps)} for partners).`,
        });
        continue;
      }
      partner ??= context.workspace.partnerOf(file);
      const needed = partner ? minimumPartnerSps : minimumSps;
      const who = partner ? 'an SAP partner (partner: true)' : 'a customer';
      if (!system.sps) {
        context.report({
          at: system.release.pair.value,
          sid: system.sid,
          severity: 'warning',
          message: `SAP Solution Manager ${system.release.value} (system ${system.sid}) declares no sps: as ${who} it needs SPS${pad(needed)} or higher. Declare sps so the level can be checked.`,
        });
      } else if (system.sps.value < needed) {
        context.report({
          at: system.sps.pair.value,
          sid: system.sid,
          message: `SAP Solution Manager ${system.release.value} SPS${pad(system.sps.value)} (system ${system.sid}) is below SPS${pad(needed)}, which ${who} needs for SAP's updated support backbone. Update it to SPS${pad(needed)} or higher.`,
        });
      }
    }
  },
});

const pad = (sps: number): string => String(sps).padStart(2, '0');
