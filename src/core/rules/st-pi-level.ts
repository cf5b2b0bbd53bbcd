import type { SystemDeclaration } from '../landscape/model';
import { ABAP_PRODUCTS, ABAP_PRODUCTS_SCHEMA, isAbapBased } from './levels-shared';
import { defineRule, type OptionsSchema, type RuleReport } from './rule';

interface StPiOptions {
  products: string[];
  /** Lowest ST-PI SP per ST-PI release for direct connectivity. */
  minimumSp: Record<string, number>;
  /** Lowest ST-PI SP per release when data goes through Focused Run. */
  focusedRunMinimumSp: Record<string, number>;
  /** Lowest ST-PI SP per release for SAP Cloud ALM's data collection. */
  cloudAlmMinimumSp: Record<string, number>;
}

const spTable = (description: string): OptionsSchema => ({
  type: 'object',
  additionalProperties: { type: 'integer', minimum: 0 },
  description: `${description} (replaces the whole table).`,
});

/** The connection a table applies to, with how messages name it. */
const REQUIREMENTS = {
  direct: { table: 'minimumSp', because: 'direct connectivity to SAP\'s support backbone' },
  'focused-run': { table: 'focusedRunMinimumSp', because: 'sending data through SAP Focused Run' },
  'cloud-alm': { table: 'cloudAlmMinimumSp', because: 'SAP Cloud ALM\'s data collection (/SDF/ALM_SETUP)' },
} as const;

export const stPiLevel = defineRule<StPiOptions>({
  id: 'st-pi-level',
  title: 'ST-PI is at the level SAP\'s support backbone, Focused Run or Cloud ALM needs',
  defaultSeverity: 'error',
  notes: ['539977'],
  description:
    'ST-PI (SAP Note 539977, the note RTCCTOOL cites for it) carries the service data collectors. A system with direct ' +
    'connectivity to SAP needs a current ST-PI (SAP\'s backbone page, confidence S): 2008_1_700 and 2008_1_710 SP20, ' +
    '740 SP10 (community sources quoting SAP\'s backbone update guide, confidence C), any 758. One whose data goes ' +
    'through Focused Run needs ST-PI 740 SP11 (same sources, C); one monitored by SAP Cloud ALM needs ST-PI 740 SP17 ' +
    '(SAP blog on Cloud ALM\'s prerequisites, C). Below the minimum is an error, as is a `components` list without ST-PI ' +
    'for a direct connection; the minimum release without `sp` is a warning. A system connected through Solution ' +
    'Manager needs no update, but SAP recommends keeping ST-PI current, so a level below the direct minimum is info. ' +
    'An ST-PI release the tables do not know is reported as unknown (info), never passed silently; a release the ' +
    'direct table knows but the Focused Run or Cloud ALM table does not (2008_1_700) is not judged there. Systems with ' +
    '`supportConnection: none` or none declared, non-ABAP systems and systems SAP operates are not checked. The tables ' +
    'are options.',
  fixable: false,
  scope: 'system',
  defaults: {
    products: ABAP_PRODUCTS,
    minimumSp: { '2008_1_700': 20, '2008_1_710': 20, '740': 10, '758': 0 },
    focusedRunMinimumSp: { '740': 11, '758': 0 },
    cloudAlmMinimumSp: { '740': 17, '758': 0 },
  },
  optionsSchema: {
    type: 'object',
    properties: {
      products: ABAP_PRODUCTS_SCHEMA,
      minimumSp: spTable('Lowest ST-PI SP for direct connectivity, per ST-PI release. Default: 2008_1_700: 20, 2008_1_710: 20, 740: 10, 758: 0'),
      focusedRunMinimumSp: spTable('Lowest ST-PI SP when data goes through Focused Run, per release. Default: 740: 11, 758: 0'),
      cloudAlmMinimumSp: spTable('Lowest ST-PI SP for SAP Cloud ALM, per release. Default: 740: 17, 758: 0'),
    },
    additionalProperties: false,
  },
  check(file, context) {
    const options = context.options;
    const known = (release: string): boolean => [options.minimumSp, options.focusedRunMinimumSp, options.cloudAlmMinimumSp].some((table) => has(table, release));
    for (const system of file.model?.systems ?? []) {
      if (!isAbapBased(system, options.products)) continue;
      const connection = system.supportConnection?.value;
      if (connection !== 'direct' && connection !== 'solman' && connection !== 'focused-run' && connection !== 'cloud-alm') continue;
      const stPi = system.components.get('ST-PI');
      if (!stPi) {
        // Without any components the file just does not record levels; with them, ST-PI is missing.
        if (connection !== 'solman' && system.componentsPair?.value.kind === 'map') {
          context.report({
            at: system.componentsPair.key,
            sid: system.sid,
            message: `System ${system.sid} declares no ST-PI, which ${REQUIREMENTS[connection].because} needs. Declare the installed ST-PI (release and sp) under components.`,
          });
        }
        continue;
      }
      const release = stPi.release?.value.trim();
      if (release === undefined) continue;
      if (!known(release)) {
        context.report({
          at: stPi.release!.pair.value,
          sid: system.sid,
          severity: 'info',
          message: `ST-PI ${release} in system ${system.sid} is not in the level tables, so its level is not judged. If it is a current release, add it to the tables of st-pi-level.`,
        });
        continue;
      }
      if (connection === 'solman') {
        recommendCurrent(context.report, system, release, stPi.sp?.value, options.minimumSp);
        continue;
      }
      const table = options[REQUIREMENTS[connection].table];
      if (!has(table, release)) continue;
      const minimum = table[release];
      const because = REQUIREMENTS[connection].because;
      if (!stPi.sp) {
        if (minimum > 0) {
          context.report({
            at: stPi.pair.key,
            sid: system.sid,
            severity: 'warning',
            message: `ST-PI ${release} in system ${system.sid} has no sp: ${because} needs SP${minimum} or higher. Declare sp so the level can be checked.`,
          });
        }
        continue;
      }
      if (stPi.sp.value >= minimum) continue;
      context.report({
        at: stPi.sp.pair.value,
        sid: system.sid,
        message: `ST-PI ${release} SP${stPi.sp.value} in system ${system.sid} is below SP${minimum}, the minimum for ${because}. Update ST-PI to SP${minimum} or higher.`,
      });
    }
  },
});

function recommendCurrent(report: (found: RuleReport) => void, system: SystemDeclaration, release: string, sp: number | undefined, table: Record<string, number>): void {
  if (sp === undefined || !has(table, release) || sp >= table[release]) return;
  const stPi = system.components.get('ST-PI')!;
  report({
    at: stPi.sp!.pair.value,
    sid: system.sid,
    severity: 'info',
    message: `ST-PI ${release} SP${sp} in system ${system.sid} is below SP${table[release]}. The system reaches SAP through Solution Manager, so no update is required, but SAP recommends keeping ST-PI current.`,
  });
}

function has(table: Record<string, number>, release: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, release);
}
