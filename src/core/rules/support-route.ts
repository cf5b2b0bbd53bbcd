import type { LandscapeFile } from '../landscape/file';
import { SID_PATTERN, type Field, type SystemDeclaration } from '../landscape/model';
import { landscapesNamed, type Declared } from '../landscape/workspace';
import { defineRule, NO_OPTIONS_SCHEMA, type RuleContext } from './rule';

/** The two relays a system may send its support data through, as the landscape format names them. */
const RELAYS = [
  { connection: 'solman', key: 'solman', product: 'solman', name: 'SAP Solution Manager' },
  { connection: 'focused-run', key: 'focusedRun', product: 'focused-run', name: 'SAP Focused Run' },
] as const;

export const supportRoute = defineRule({
  id: 'support-route',
  title: 'A system connected through Solution Manager or Focused Run must name a declared one',
  defaultSeverity: 'error',
  notes: [],
  description:
    'A system whose data reaches SAP through SAP Solution Manager or SAP Focused Run depends on that system\'s own ' +
    'backbone connectivity (Solution Manager 7.2 SPS07+, Focused Run 2.0+; SAP\'s backbone page, confidence S), so the ' +
    'landscape must say which one. Reports `supportConnection: solman` without `solman:` and `supportConnection: ' +
    'focused-run` without `focusedRun:`, and a `solman:` / `focusedRun:` SID that no checked landscape file declares or ' +
    'that is declared with another product. A SID resolves within its landscape (the files sharing a `landscape:` name); ' +
    'one the landscape does not declare resolves to the single declaration in the other landscapes of the run, and is ' +
    'reported as ambiguous when several declare it. A relay that itself declares `supportConnection: none` reaches ' +
    'nobody: the systems behind it are reported at their reference (error); so is a relay that names a relay of its ' +
    'own, which SAP\'s data flow does not know (warning).',
  fixable: false,
  scope: 'system',
  defaults: {},
  optionsSchema: NO_OPTIONS_SCHEMA,
  check(file, context) {
    for (const system of file.model?.systems ?? []) {
      for (const relay of RELAYS) {
        const reference: Field<string> | undefined = system[relay.key];
        if (reference) checkReference(file, context, system, reference, relay);
        else if (system.supportConnection?.value === relay.connection) {
          context.report({
            at: system.supportConnection.pair.value,
            sid: system.sid,
            message: `System ${system.sid} reaches SAP through ${relay.name} (supportConnection: ${relay.connection}) but does not say which: add ${relay.key}: <SID>.`,
          });
        }
      }
    }
  },
});

function checkReference(
  file: LandscapeFile,
  context: RuleContext<object>,
  system: SystemDeclaration,
  reference: Field<string>,
  relay: (typeof RELAYS)[number],
): void {
  const sid = reference.value;
  if (!SID_PATTERN.test(sid)) return; // not a SID at all: the schema reports it
  const { declared, ambiguous } = context.workspace.resolveSystem(sid, file);
  if (ambiguous) {
    context.report({
      at: reference.pair.value,
      sid: system.sid,
      message: `System ${system.sid} names ${sid} as its ${relay.name} (${relay.key}: ${sid}), but ${sid} is declared in ${landscapesNamed(ambiguous)}, not in this landscape: give the files of one landscape the same landscape: name.`,
      related: ambiguous.map((entry) => ({ file: entry.file, at: entry.declaration.pair.key, message: `${sid} is declared here, in landscape ${JSON.stringify(entry.file.model?.name?.value ?? '')}.` })),
    });
    return;
  }
  if (!declared) {
    context.report({
      at: reference.pair.value,
      sid: system.sid,
      message: `System ${system.sid} names ${sid} as its ${relay.name} (${relay.key}: ${sid}), but no checked landscape file declares ${sid}: declare it under systems with product: ${relay.product}, or correct the SID.`,
    });
    return;
  }
  const product = declared.declaration.product?.value;
  if (product === undefined || product === relay.product) {
    checkRelayConnectivity(context, system, reference, relay, declared);
    return;
  }
  context.report({
    at: reference.pair.value,
    sid: system.sid,
    message: `System ${system.sid} names ${sid} as its ${relay.name} (${relay.key}: ${sid}), but ${sid} is declared with product: ${product}: correct the SID or ${sid}'s product.`,
    related: [{ file: declared.file, at: declared.declaration.pair.key, message: `${sid} is declared here with product: ${product}.` }],
  });
}

/** A relay passes data on only over its own connection to SAP: one without any reaches nobody. */
function checkRelayConnectivity(
  context: RuleContext<object>,
  system: SystemDeclaration,
  reference: Field<string>,
  relay: (typeof RELAYS)[number],
  declared: Declared<SystemDeclaration>,
): void {
  const connection = declared.declaration.supportConnection;
  if (!connection || connection.value === 'direct') return;
  const sid = reference.value;
  const related = [{ file: declared.file, at: connection.pair.value, message: `${sid} declares supportConnection: ${connection.value} here.` }];
  if (connection.value === 'none') {
    context.report({
      at: reference.pair.value,
      sid: system.sid,
      message: `System ${system.sid} sends its data through ${relay.name} ${sid}, but ${sid} has no connection to SAP (supportConnection: none): the data reaches nobody. Connect ${sid} to SAP's support backbone (supportConnection: direct, with its HTTPS destinations).`,
      related,
    });
  } else if (connection.value === 'solman' || connection.value === 'focused-run') {
    context.report({
      at: reference.pair.value,
      sid: system.sid,
      severity: 'warning',
      message: `System ${system.sid} sends its data through ${relay.name} ${sid}, which itself declares supportConnection: ${connection.value}: a relay sends to SAP directly. Check ${sid}'s supportConnection.`,
      related,
    });
  }
}
