import { ABAP_PRODUCTS, ABAP_PRODUCTS_SCHEMA, isAbapBased } from './levels-shared';
import { defineRule } from './rule';

interface StPiOptions {
  products: string[];
  /** Lowest ST-PI SP per ST-PI release for direct connectivity. */
  minimumSp: Record<string, number>;
}

export const stPiLevel = defineRule<StPiOptions>({
  id: 'st-pi-level',
  title: 'ST-PI is at the level SAP\'s support backbone needs',
  defaultSeverity: 'error',
  notes: [],
  description:
    'An ABAP-based system (products abap and solman by default) with direct connectivity to SAP needs a current ST-PI ' +
    'add-on (SAP\'s backbone page, confidence S). The minimums are ST-PI 2008_1_700 and 2008_1_710 SP20 and ST-PI 740 ' +
    'SP10, as community sources quote SAP\'s backbone update guide (confidence C); they are an option. With ' +
    '`supportConnection: direct` a lower ST-PI is an error, as is a `components` list without ST-PI, and an ST-PI ' +
    'without `sp` a warning (declare it so the level can be checked); a system that lists no components is not checked. A system connected through Solution Manager or Focused Run needs no update, but ' +
    'SAP recommends keeping ST-PI current, so a lower level is info. Systems with `supportConnection: none` or none ' +
    'declared are not checked, and an ST-PI release the table does not list is not reported.',
  fixable: false,
  scope: 'system',
  defaults: { products: ABAP_PRODUCTS, minimumSp: { '2008_1_700': 20, '2008_1_710': 20, '740': 10 } },
  optionsSchema: {
    type: 'object',
    properties: {
      products: ABAP_PRODUCTS_SCHEMA,
      minimumSp: {
        type: 'object',
        additionalProperties: { type: 'integer', minimum: 0 },
        description: 'Lowest ST-PI SP for direct connectivity, per ST-PI release (replaces the whole table). Default: 2008_1_700: 20, 2008_1_710: 20, 740: 10.',
      },
    },
    additionalProperties: false,
  },
  check(file, context) {
    for (const system of file.model?.systems ?? []) {
      if (!isAbapBased(system, context.options.products)) continue;
      const connection = system.supportConnection?.value;
      const direct = connection === 'direct';
      if (!direct && connection !== 'solman' && connection !== 'focused-run') continue;
      const stPi = system.components.get('ST-PI');
      if (!stPi) {
        // Without any components the file just does not record levels; with them, ST-PI is missing.
        if (direct && system.componentsPair?.value.kind === 'map') {
          context.report({
            at: system.componentsPair.key,
            sid: system.sid,
            message: `System ${system.sid} sends data to SAP directly but declares no ST-PI: direct connectivity needs a current ST-PI add-on. Declare the installed ST-PI (release and sp) under components.`,
          });
        }
        continue;
      }
      const release = stPi.release?.value;
      const minimum = release !== undefined && Object.prototype.hasOwnProperty.call(context.options.minimumSp, release) ? context.options.minimumSp[release] : undefined;
      if (minimum === undefined) continue;
      if (!stPi.sp) {
        if (direct) {
          context.report({
            at: stPi.pair.key,
            sid: system.sid,
            severity: 'warning',
            message: `ST-PI ${release} in system ${system.sid} has no sp: direct connectivity needs SP${minimum} or higher. Declare sp so the level can be checked.`,
          });
        }
        continue;
      }
      const sp = stPi.sp.value;
      if (sp >= minimum) continue;
      context.report({
        at: stPi.sp.pair.value,
        sid: system.sid,
        severity: direct ? 'error' : 'info',
        message: direct
          ? `ST-PI ${release} SP${sp} in system ${system.sid} is below SP${minimum}, the minimum for direct connectivity to SAP's support backbone. Update ST-PI to SP${minimum} or higher.`
          : `ST-PI ${release} SP${sp} in system ${system.sid} is below SP${minimum}. The system reaches SAP through ${connection === 'solman' ? 'Solution Manager' : 'Focused Run'}, so no update is required, but SAP recommends keeping ST-PI current.`,
      });
    }
  },
});
