import { validateTree, type CompiledValidator } from '../schema/validate';
import { isPasswordKey } from './plaintext-secret';
import { defineRule, NO_OPTIONS_SCHEMA } from './rule';

let validator: CompiledValidator | undefined;

/** The validator is generated from schemas/landscape.schema.json at build time (scripts/build-schemas.mjs). */
function landscapeValidator(): CompiledValidator {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  validator ??= require('../schema/generated/landscape-validator.js') as CompiledValidator;
  return validator;
}

export const schema = defineRule({
  id: 'schema',
  title: 'The file must follow the landscape format (schemas/landscape.schema.json)',
  defaultSeverity: 'error',
  notes: [],
  description:
    'Checks the file against the landscape JSON Schema: required properties, unknown properties (with the closest ' +
    'known name suggested), value types, allowed values, SID / instance / client patterns and ISO dates. ' +
    'Instance numbers and clients must be quoted: YAML reads 08 as text but 010 as the number 10.',
  fixable: false,
  defaults: {},
  optionsSchema: NO_OPTIONS_SCHEMA,
  check(file, context) {
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
    for (const problem of validateTree(landscapeValidator(), root, isPasswordKey)) {
      context.report({ at: problem, message: problem.message });
    }
  },
});
