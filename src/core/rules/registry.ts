import { legacyRfcDestination } from './legacy-rfc-destination';
import { legacyRfcRemovable } from './legacy-rfc-removable';
import { plaintextSecret } from './plaintext-secret';
import type { Rule } from './rule';
import { schema } from './schema';
import { yamlSyntax } from './yaml-syntax';
// imports: backbone and software levels
import { missingBackboneDestination } from './missing-backbone-destination';
import { backboneDestinationConfig } from './backbone-destination-config';
import { technicalUserRequired } from './technical-user-required';
import { stPiLevel } from './st-pi-level';
import { stAPiLevel } from './st-a-pi-level';
import { solmanLevel } from './solman-level';
import { focusedRunLevel } from './focused-run-level';
import { httpsClient } from './https-client';

// imports: references, remote support and hygiene
import { noteAssistantSignedNotes } from './note-assistant-signed-notes';
import { noteAssistantProcedure } from './note-assistant-procedure';
import { supportRoute } from './support-route';
import { missingSupportConnection } from './missing-support-connection';
import { logonDataExpiry } from './logon-data-expiry';
import { serviceConnectionWindow } from './service-connection-window';
import { unknownConnectionType } from './unknown-connection-type';
import { saprouterRoute } from './saprouter-route';
import { saprouttabPermission } from './saprouttab-permission';
import { duplicateDeclaration } from './duplicate-declaration';

/** Every rule, in the order `sapready rules` lists them. Ids are part of the contract. */
export const RULES: readonly Rule[] = [
  yamlSyntax,
  schema,
  legacyRfcDestination,
  legacyRfcRemovable,
  // rules: backbone and software levels
  missingBackboneDestination,
  backboneDestinationConfig,
  technicalUserRequired,
  stPiLevel,
  stAPiLevel,
  solmanLevel,
  focusedRunLevel,
  httpsClient,
  // rules: references, remote support and hygiene
  noteAssistantSignedNotes,
  noteAssistantProcedure,
  missingSupportConnection,
  supportRoute,
  logonDataExpiry,
  serviceConnectionWindow,
  unknownConnectionType,
  saprouterRoute,
  saprouttabPermission,
  duplicateDeclaration,
  plaintextSecret,
] as Rule[];

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
