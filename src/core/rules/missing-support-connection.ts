import { isAbapBased } from './levels-shared';
import { defineRule, type OptionsSchema } from './rule';

interface MissingSupportConnectionOptions {
  products: string[];
}

/** What each value of `supportConnection` means and needs, as the message lists it. */
const CHOICES =
  'direct (the system sends EWA data and downloads SAP Notes itself over HTTPS: SAP-SUPPORT_PORTAL and ' +
  'SAP-SUPPORT_PARCELBOX destinations, a technical communicationUser, ST-PI 740 SP10 or higher), ' +
  'solman (with solman: <SID> of an SAP Solution Manager 7.2 SPS07 or higher), ' +
  'focused-run (with focusedRun: <SID> of an SAP Focused Run 2.0 or higher; ST-PI 740 SP11), ' +
  'cloud-alm (monitored by SAP Cloud ALM; ST-PI 740 SP17, set up with /SDF/ALM_SETUP) ' +
  'or none (it sends nothing to SAP)';

export const missingSupportConnection = defineRule<MissingSupportConnectionOptions>({
  id: 'missing-support-connection',
  title: 'Each ABAP system says how it reaches SAP\'s support backbone',
  defaultSeverity: 'warning',
  notes: ['2923799', '2738426'],
  description:
    'Since SAP closed the RFC connections to its support backbone (2020-11-30, SAP Note 2923799; SAP\'s backbone ' +
    'page, confidence S) every ABAP system reaches SAP in one of the ways `supportConnection` names: `direct` over ' +
    'HTTPS (task list SAP_BASIS_CONFIG_OSS_COMM, SAP Notes 2738426, 2827658), through SAP Solution Manager (`solman`, ' +
    'with `solman: <SID>`) or SAP Focused Run (`focused-run`, with `focusedRun: <SID>`), monitored by SAP Cloud ALM ' +
    '(`cloud-alm`), or `none`. The level, destination and user rules judge a system by that value, so a system that ' +
    'declares none is not judged at all: reported once per system, at its SID, with what each value needs (warning: ' +
    'the file does not say, which is not yet a fault; a landscape imported from SAP Logon has this finding for every ' +
    'system until it is filled in). A system that names its relay (`solman:` or `focusedRun:`) has declared its route ' +
    'and is not reported here (support-route checks the relay); neither are systems SAP operates (`operatedBy: sap`), ' +
    'Java systems and SAP HANA databases (their data reaches SAP through Solution Manager, Focused Run or Cloud ALM), ' +
    'nor SAP Solution Manager and Focused Run themselves by default (solman-level and focused-run-level check them; ' +
    'add solman to `products` to have them reported). A `supportConnection` with a wrong value is the schema rule\'s. ' +
    'There is no fix: the format has no placeholder value, and writing any of the five would state something only the ' +
    'engineer knows.',
  fixable: false,
  scope: 'system',
  defaults: { products: ['abap', 'dual-stack'] },
  optionsSchema: {
    type: 'object',
    properties: {
      products: {
        type: 'array',
        items: { type: 'string' },
        description: 'Products reported when they declare no supportConnection, as written in `product`. Default: abap, dual-stack.',
      },
    } satisfies Record<string, OptionsSchema>,
    additionalProperties: false,
  },
  check(file, context) {
    for (const system of file.model?.systems ?? []) {
      if (!isAbapBased(system, context.options.products)) continue;
      const entries = system.node.entries;
      if (entries.has('supportConnection') || entries.has('solman') || entries.has('focusedRun')) continue;
      context.report({
        at: system.pair.key,
        sid: system.sid,
        message: `System ${system.sid} does not say how it reaches SAP's support backbone, so its readiness cannot be checked: add supportConnection: ${CHOICES}.`,
      });
    }
  },
});
