import { SID_PATTERN, type SystemDeclaration } from '../landscape/model';
import { plainValue, type MapNode, type Pair } from '../landscape/sourceTree';
import { pointerSegment, validateParts, type CompiledValidator, type ValidationPart } from '../schema/validate';
import { isPasswordKey } from '../secrets';
import { defineRule, NO_OPTIONS_SCHEMA } from './rule';
import { stackProblems } from './stack-fit';

let validators: { outline: CompiledValidator; system: CompiledValidator } | undefined;

/**
 * Generated from schemas/landscape.schema.json at build time (scripts/build-schemas.mjs): one for
 * the file with the systems' bodies left out, one for a single system.
 */
function landscapeValidators(): { outline: CompiledValidator; system: CompiledValidator } {
  validators ??= {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    outline: require('../schema/generated/landscape-outline-validator.js') as CompiledValidator,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    system: require('../schema/generated/system-validator.js') as CompiledValidator,
  };
  return validators;
}

/**
 * The file with its systems' bodies left out (each SID stands for null): what the outline
 * validator checks, while each system is validated on its own (see `check`).
 */
function outlinePart(root: MapNode): ValidationPart {
  const systemsPair = root.entries.get('systems');
  const systems = systemsPair?.value.kind === 'map' ? systemsPair.value : undefined;
  const value = Object.fromEntries(
    [...root.entries].map(([key, pair]: [string, Pair]) => [key, pair === systemsPair && systems ? Object.fromEntries([...systems.entries.keys()].map((sid) => [sid, null])) : plainValue(pair.value)]),
  );
  return { validate: landscapeValidators().outline, value, instancePath: '' };
}

/** Each system as plain values, built one at a time: a large file is never held twice. */
function* systemParts(systems: readonly SystemDeclaration[]): Generator<ValidationPart> {
  const { system } = landscapeValidators();
  for (const declaration of systems) {
    yield { validate: system, value: plainValue(declaration.pair.value), instancePath: `/systems${pointerSegment(declaration.sid)}` };
  }
}

export const schema = defineRule({
  id: 'schema',
  title: 'The file must follow the landscape format (schemas/landscape.schema.json)',
  defaultSeverity: 'error',
  notes: [],
  description:
    'Checks the file against the landscape JSON Schema: required properties, unknown properties (with the closest ' +
    'known name suggested), value types, allowed values, SID / instance / client patterns and ISO dates. ' +
    'Instance numbers and clients must be quoted: YAML reads 08 as text but 010 as the number 10. Also reports what a ' +
    'product cannot have: SNOTE (`noteAssistant`), SM59 destinations and `supportConnection: direct` on a Java system or ' +
    'a SAP HANA database (they exist on ABAP only), and `tenants` on anything but a SAP HANA database.',
  fixable: false,
  defaults: {},
  optionsSchema: NO_OPTIONS_SCHEMA,
  scope: 'system',
  checkOutsideSystems(file, context) {
    const root = file.tree.root;
    if (!root) {
      if (file.tree.problems.length === 0) {
        context.report({ at: { start: 0, end: 0 }, message: 'The file is empty: a landscape file needs at least `landscape: <name>`.' });
      }
      return;
    }
    if (root.kind !== 'map') {
      context.report({ at: root, message: 'A landscape file is a mapping with `landscape`, `users` and `systems`; this file is not a mapping.' });
      return;
    }
    // Password-like keys are reported by plaintext-secret; saying "unknown property" too would be noise.
    for (const problem of validateParts(root, [outlinePart(root)], isPasswordKey)) context.report({ at: problem, message: problem.message });
  },
  check(file, context) {
    const root = file.tree.root;
    if (!root || !file.model) return;
    for (const system of file.model.systems) {
      // A key that is no SID (often a system's property indented one level too little) is
      // reported by the outline; what its own check says at that key (a missing product) would be
      // a second message on one place. Only its own: an empty key after an empty system shares
      // the place where that system's value ends, and the editor checks one system at a time.
      const key = SID_PATTERN.test(system.sid) ? undefined : system.pair.key;
      for (const problem of validateParts(root, systemParts([system]), isPasswordKey)) {
        if (key && problem.start === key.start && problem.end === key.end) continue;
        context.report({ at: problem, message: problem.message });
      }
      for (const problem of stackProblems(system)) context.report({ at: problem.at, sid: system.sid, message: problem.message });
    }
  },
});
