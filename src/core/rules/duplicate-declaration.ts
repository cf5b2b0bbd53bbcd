import type { LandscapeFile } from '../landscape/file';
import type { Pair } from '../landscape/sourceTree';
import type { Declared } from '../landscape/workspace';
import { defineRule, NO_OPTIONS_SCHEMA, type RuleContext } from './rule';

export const duplicateDeclaration = defineRule({
  id: 'duplicate-declaration',
  title: 'Each system and user is declared in one file only',
  defaultSeverity: 'error',
  notes: [],
  description:
    'Landscape files checked together form one landscape, and references such as `solman: SM1` or ' +
    '`communicationUser` resolve to a single declaration. Reports a SID or user ID declared in more than one file, at ' +
    'each declaration, pointing at the others; declare each once and refer to it from the other files. (A key written ' +
    'twice in one file is a YAML duplicate key, reported by yaml-syntax.)',
  fixable: false,
  defaults: {},
  optionsSchema: NO_OPTIONS_SCHEMA,
  check(file, context) {
    for (const system of file.model?.systems ?? []) {
      reportElsewhere(file, context, system.pair, context.workspace.systems.get(system.sid), `System ${system.sid}`, system.sid);
    }
    for (const user of file.model?.users ?? []) {
      reportElsewhere(file, context, user.pair, context.workspace.users.get(user.id), `User ${user.id}`);
    }
  },
});

function reportElsewhere(
  file: LandscapeFile,
  context: RuleContext<object>,
  pair: Pair,
  declarations: readonly Declared<{ pair: Pair }>[] | undefined,
  what: string,
  sid?: string,
): void {
  if (pair.merged) return; // written, and reported, where its anchor is
  const elsewhere = (declarations ?? []).filter((declared) => declared.file !== file && !declared.declaration.pair.merged);
  if (elsewhere.length === 0) return;
  const paths = [...new Set(elsewhere.map((declared) => declared.file.path))].join(', ');
  context.report({
    at: pair.key,
    sid,
    message: `${what} is also declared in ${paths}: declare it in one file only and refer to it from the others.`,
    related: elsewhere.map((declared) => ({ file: declared.file, at: declared.declaration.pair.key, message: `${what} is also declared here.` })),
  });
}
