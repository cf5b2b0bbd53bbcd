import type { LandscapeFile } from '../landscape/file';
import type { Field, SystemDeclaration } from '../landscape/model';
import { landscapesNamed, type WorkspaceIndex } from '../landscape/workspace';
import { BACKBONE_DESTINATION_DEFAULTS, backboneSpecs, findDestination } from './levels-shared';
import { defineRule, type RuleContext } from './rule';

interface TechnicalUserOptions {
  /** Destinations whose `user` must be a technical communication user. */
  destinationNames: string[];
}

export const technicalUserRequired = defineRule<TechnicalUserOptions>({
  id: 'technical-user-required',
  title: 'Connections to SAP use a declared technical communication user',
  defaultSeverity: 'error',
  notes: ['2174416'],
  description:
    'Since 2020-01-08 connections to SAP\'s support backbone work only with a technical communication user; generic and ' +
    'personal S-users stopped working for system connectivity (SAP\'s backbone page, confidence S). Such a user is ' +
    'requested in SAP\'s Support User Management app (SAP Note 2174416); an existing S-user cannot be converted. Because ' +
    'its ID looks like any S-user ID, the landscape must say which IDs are technical: reports a system\'s ' +
    '`communicationUser` and the `user` of a backbone HTTPS destination (SAP-SUPPORT_PORTAL, SAP-SUPPORT_PARCELBOX, ' +
    'SAP-SUPPORT_NOTE_DOWNLOAD by default; the names are community-sourced, confidence C, and an option) when the ID ' +
    'is not declared under `users` in its landscape (or, when the landscape does not declare it, in exactly one other ' +
    'landscape of the run), or is declared with `kind: s-user`. Deactivated destinations are not checked.',
  fixable: false,
  scope: 'system',
  defaults: { destinationNames: backboneSpecs(BACKBONE_DESTINATION_DEFAULTS).map((spec) => spec.name) },
  optionsSchema: {
    type: 'object',
    properties: {
      destinationNames: {
        type: 'array',
        items: { type: 'string' },
        description: 'Destinations whose user must be a technical communication user. Default: SAP-SUPPORT_PORTAL, SAP-SUPPORT_PARCELBOX, SAP-SUPPORT_NOTE_DOWNLOAD.',
      },
    },
    additionalProperties: false,
  },
  check(file, context) {
    for (const system of file.model?.systems ?? []) {
      if (system.communicationUser) checkUser(file, context, system, system.communicationUser, `communicationUser of system ${system.sid}`);
      for (const name of context.options.destinationNames) {
        const destination = findDestination(system, name);
        if (destination?.user && destination.status?.value !== 'deactivated') {
          checkUser(file, context, system, destination.user, `user of ${destination.name} in system ${system.sid}`);
        }
      }
    }
  },
});

function checkUser(file: LandscapeFile, context: RuleContext<TechnicalUserOptions>, system: SystemDeclaration, user: Field<string>, role: string): void {
  const { declared, ambiguous } = context.workspace.resolveUser(user.value, file);
  if (ambiguous) {
    context.report({
      at: user.pair.value,
      sid: system.sid,
      message: `${user.value}, the ${role}, is declared in ${landscapesNamed(ambiguous)}, not in this landscape: declare it under users here.`,
    });
    return;
  }
  if (!declared) {
    context.report({
      at: user.pair.value,
      sid: system.sid,
      message:
        `${user.value}, the ${role}, is not declared under users. Declare it with kind: technical once it is a technical ` +
        'communication user (requested in SAP\'s Support User Management app, SAP Note 2174416).',
    });
    return;
  }
  if (declared.declaration.kind?.value !== 's-user') return;
  context.report({
    at: user.pair.value,
    sid: system.sid,
    message:
      `${user.value}, the ${role}, is an S-user: generic and personal S-users stopped working for system connectivity on ` +
      '2020-01-08. Request a technical communication user in SAP\'s Support User Management app (SAP Note 2174416) and use it here.',
    related: [{ file: declared.file, at: declared.declaration.pair.key, message: `${user.value} is declared as kind: s-user here.` }],
  });
}

/**
 * The user a fix may write into a backbone destination of `system` without this rule rejecting
 * it: the system's communicationUser when it is declared as technical, else the first technical
 * user the file declares; undefined when there is none (the fix then leaves the user out).
 */
export function technicalUserFor(file: LandscapeFile, workspace: WorkspaceIndex, system: SystemDeclaration): string | undefined {
  const own = system.communicationUser?.value;
  if (own !== undefined && workspace.resolveUser(own, file).declared?.declaration.kind?.value === 'technical') return own;
  return file.model?.users.find((user) => user.kind?.value === 'technical')?.id;
}
