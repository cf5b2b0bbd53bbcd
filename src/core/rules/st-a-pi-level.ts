import type { SystemDeclaration } from '../landscape/model';
import { ABAP_PRODUCTS, ABAP_PRODUCTS_SCHEMA, isAbapBased } from './levels-shared';
import { defineRule, type OptionsSchema, type RuleContext } from './rule';

interface ComponentLevel {
  release: string;
  sp: number;
}

interface StAPiOptions {
  products: string[];
  /** Lowest ST-A/PI for `supportConnection: direct`. */
  directMinimum: ComponentLevel;
  /** Lowest ST-A/PI when data goes through Focused Run. */
  focusedRunMinimum: ComponentLevel;
}

const level = (description: string): OptionsSchema => ({
  type: 'object',
  description: `${description} Give both release and sp.`,
  properties: {
    release: { type: 'string', minLength: 1, description: 'Release as CVERS shows it (for ST-A/PI the part before "_", such as 01T).' },
    sp: { type: 'integer', minimum: 0, description: 'Support package.' },
  },
  required: ['release', 'sp'],
  additionalProperties: false,
});

export const stAPiLevel = defineRule<StAPiOptions>({
  id: 'st-a-pi-level',
  title: 'ST-A/PI is at the level the support backbone or Focused Run needs',
  defaultSeverity: 'error',
  notes: ['69455'],
  description:
    'ST-A/PI (SAP Note 69455, the note RTCCTOOL cites for it) carries the service tools. An ABAP-based system that sends ' +
    'service data to SAP directly needs ST-A/PI 01T SP01 or higher; one whose data goes through Focused Run needs 01T ' +
    'SP02 (community sources quoting SAP\'s backbone update guide, confidence C; options). The ST-PI that Focused Run ' +
    'needs is st-pi-level\'s finding. ST-A/PI releases such as 01V_731 are compared by the part before "_": first its ' +
    'number, then its letters (01T < 01U < 01V). A level below the minimum is an error; the minimum release without ' +
    '`sp` a warning (declare sp so the level can be checked); a release that does not read as digits and letters is ' +
    'reported as unknown (info). Not reported: other connections, an ST-A/PI that is not declared, non-ABAP systems ' +
    'and systems SAP operates.',
  fixable: false,
  scope: 'system',
  defaults: {
    products: ABAP_PRODUCTS,
    directMinimum: { release: '01T', sp: 1 },
    focusedRunMinimum: { release: '01T', sp: 2 },
  },
  optionsSchema: {
    type: 'object',
    properties: {
      products: ABAP_PRODUCTS_SCHEMA,
      directMinimum: level('Lowest ST-A/PI with supportConnection: direct. Default: 01T SP01.'),
      focusedRunMinimum: level('Lowest ST-A/PI with supportConnection: focused-run. Default: 01T SP02.'),
    },
    additionalProperties: false,
  },
  check(file, context) {
    const options = context.options;
    for (const system of file.model?.systems ?? []) {
      if (!isAbapBased(system, options.products)) continue;
      const connection = system.supportConnection?.value;
      if (connection === 'direct') checkLevel(context, system, options.directMinimum, 'sends service data to SAP directly');
      else if (connection === 'focused-run') checkLevel(context, system, options.focusedRunMinimum, 'sends its data through Focused Run');
    }
  },
});

function checkLevel(context: RuleContext<StAPiOptions>, system: SystemDeclaration, minimum: ComponentLevel, because: string): void {
  const name = 'ST-A/PI';
  const component = system.components.get(name);
  const release = component?.release;
  if (!component || !release) return;
  const order = compareStAPi(release.value, minimum.release);
  if (order === undefined) {
    context.report({
      at: release.pair.value,
      sid: system.sid,
      severity: 'info',
      message: `ST-A/PI ${release.value} in system ${system.sid} does not read as an ST-A/PI release (such as 01V_731), so its level is not judged; the system ${because} and needs ${name} ${minimum.release} SP${String(minimum.sp).padStart(2, '0')} or higher.`,
    });
    return;
  }
  if (order > 0) return;
  const needs = `${name} ${minimum.release} SP${String(minimum.sp).padStart(2, '0')} or higher`;
  const written = `${name} ${release.value}`;
  if (order < 0) {
    context.report({
      at: release.pair.value,
      sid: system.sid,
      message: `${written} in system ${system.sid} is older than ${minimum.release}: the system ${because} and needs ${needs}. Update ${name}.`,
    });
  } else if (!component.sp) {
    context.report({
      at: component.pair.key,
      sid: system.sid,
      severity: 'warning',
      message: `${written} in system ${system.sid} has no sp: the system ${because} and needs ${needs}. Declare sp so the level can be checked.`,
    });
  } else if (component.sp.value < minimum.sp) {
    context.report({
      at: component.sp.pair.value,
      sid: system.sid,
      message: `${written} SP${component.sp.value} in system ${system.sid} is too low: the system ${because} and needs ${needs}. Update ${name}.`,
    });
  }
}

/** Orders ST-A/PI releases such as 01T_731 by the part before "_": number, then letters. */
function compareStAPi(release: string, minimum: string): number | undefined {
  const parse = (text: string): [number, string] | undefined => {
    const match = /^(\d+)([A-Za-z]*)$/.exec(text.split('_')[0].trim());
    return match ? [Number(match[1]), match[2].toUpperCase()] : undefined;
  };
  const left = parse(release);
  const right = parse(minimum);
  if (!left || !right) return undefined;
  if (left[0] !== right[0]) return left[0] - right[0];
  return left[1] < right[1] ? -1 : left[1] > right[1] ? 1 : 0;
}
