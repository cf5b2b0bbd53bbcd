import type { LandscapeFile } from '../landscape/file';
import type { SystemDeclaration } from '../landscape/model';
import type { Pair } from '../landscape/sourceTree';
import { landscapeKey, systemIdentity, type Declared } from '../landscape/workspace';
import { defineRule, NO_OPTIONS_SCHEMA, type RuleContext } from './rule';

export const duplicateDeclaration = defineRule({
  id: 'duplicate-declaration',
  title: 'Each system and user is declared once in its landscape, and each SAP system once in the run',
  defaultSeverity: 'error',
  notes: [],
  description:
    'The files that share a `landscape:` name form one landscape, and references such as `solman: SM1` or ' +
    '`communicationUser` resolve to a single declaration in it. Reports a SID or user ID declared in more than one file ' +
    'of one landscape, at each declaration, pointing at the others; declare each once and refer to it from the other ' +
    'files. Different landscapes (two customers in a partner\'s repository) may each have their own PRD. SAP identifies ' +
    'a system by installation number and system number, not by SID (SAP Support Portal, system data; confidence S\'): ' +
    'two declarations with the same `installationNumber` and `systemNumber` are one system, reported across ' +
    'landscapes too. Changed from format v1: a SID in two files with different `landscape:` names was a duplicate in v1 ' +
    'and is now two systems (docs/format.md, "From format v1"); give the files one name to check them as one landscape. ' +
    '(A key written twice in one file is a YAML duplicate key, reported by yaml-syntax.)',
  fixable: false,
  defaults: {},
  optionsSchema: NO_OPTIONS_SCHEMA,
  check(file, context) {
    const landscape = landscapeKey(file);
    const sameLandscape = (declared: Declared<unknown>): boolean => landscapeKey(declared.file) === landscape;
    for (const system of file.model?.systems ?? []) {
      const sameSid = (context.workspace.systems.get(system.sid) ?? []).filter(sameLandscape);
      if (reportElsewhere(file, context, system.pair, sameSid, `System ${system.sid}`, system.sid)) continue;
      reportSameIdentity(context, system);
    }
    for (const user of file.model?.users ?? []) {
      reportElsewhere(file, context, user.pair, (context.workspace.users.get(user.id) ?? []).filter(sameLandscape), `User ${user.id}`);
    }
  },
});

/** Reports `pair` when `declarations` holds others than itself; true when it did. */
function reportElsewhere(file: LandscapeFile, context: RuleContext<object>, pair: Pair, declarations: readonly Declared<{ pair: Pair }>[], what: string, sid?: string): boolean {
  if (pair.merged) return false; // written, and reported, where its anchor is
  const elsewhere = declarations.filter((declared) => declared.file !== file && !declared.declaration.pair.merged);
  if (elsewhere.length === 0) return false;
  const paths = [...new Set(elsewhere.map((declared) => declared.file.path))].join(', ');
  context.report({
    at: pair.key,
    sid,
    message: `${what} is also declared in ${paths}: declare it in one file only and refer to it from the others.`,
    related: elsewhere.map((declared) => ({ file: declared.file, at: declared.declaration.pair.key, message: `${what} is also declared here.` })),
  });
  return true;
}

/** The same installation and system number under another SID, or in another landscape: one SAP system declared twice. */
function reportSameIdentity(context: RuleContext<object>, system: SystemDeclaration): void {
  const identity = systemIdentity(system);
  if (!identity || system.pair.merged) return;
  const others = (context.workspace.identities.get(identity) ?? []).filter((declared) => declared.declaration !== system && !declared.declaration.pair.merged);
  if (others.length === 0) return;
  const where = others.map((declared) => `${declared.declaration.sid} in ${declared.file.path} (landscape ${JSON.stringify(landscapeKey(declared.file))})`).join(', ');
  context.report({
    at: system.installationNumber!.pair.value,
    sid: system.sid,
    message: `System ${system.sid} has installation number ${system.installationNumber!.value} and system number ${system.systemNumber!.value}, as ${where} has: SAP knows them as one system. Declare it once, or correct the numbers.`,
    related: others.map((declared) => ({ file: declared.file, at: declared.declaration.pair.key, message: `The same installation and system number are declared here.` })),
  });
}
