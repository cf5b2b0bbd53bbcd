import type { Fix } from '../findings';
import { setMapValues, yamlScalar } from '../landscape/edits';
import type { LandscapeFile } from '../landscape/file';
import { asMap, type SystemDeclaration } from '../landscape/model';
import {
  ABAP_PRODUCTS,
  ABAP_PRODUCTS_SCHEMA,
  BACKBONE_DESTINATION_DEFAULTS,
  BACKBONE_DESTINATION_SCHEMA,
  findDestination,
  isAbapBased,
  type BackboneDestinationOptions,
  type BackboneDestinationSpec,
} from './levels-shared';
import { noteProcedureOf } from './note-assistant-procedure';
import { defineRule, type RuleContext } from './rule';
import { technicalUserFor } from './technical-user-required';

interface MissingDestinationOptions extends BackboneDestinationOptions {
  products: string[];
  /** SAP_BASIS release from which SNOTE downloads notes over HTTPS only. */
  noteDownloadFromBasis: number;
}

const TASK_LIST_NOTES = ['2738426', '2827658'];
const NOTE_DOWNLOAD_NOTES = ['2408073', ...TASK_LIST_NOTES];

export const missingBackboneDestination = defineRule<MissingDestinationOptions>({
  id: 'missing-backbone-destination',
  title: 'The HTTPS destinations to SAP\'s support backbone are in place',
  defaultSeverity: 'error',
  notes: [...TASK_LIST_NOTES, '2408073'],
  description:
    'Since the RFC shutdown an ABAP-based system (products abap, dual-stack and solman by default) reaches SAP\'s support ' +
    'backbone over HTTPS only. A system with `supportConnection: direct` needs SAP-SUPPORT_PORTAL and SAP-SUPPORT_PARCELBOX ' +
    '(one finding per missing destination); a system where SNOTE downloads over HTTPS (`noteAssistant.procedure: https`, ' +
    'or SNOTE used on SAP_BASIS 740 or higher without a procedure) needs SAP-SUPPORT_PORTAL and SAP-SUPPORT_NOTE_DOWNLOAD ' +
    '(SAP Note 2408073; SAP\'s EWA check on SNOTE names both destinations, confidence C), whatever its support ' +
    'connection; with the Download Service or manual upload it needs neither (see note-assistant-procedure). A system SAP ' +
    'operates (operatedBy: sap) is n/a. Task list SAP_BASIS_CONFIG_OSS_COMM ' +
    'in STC01 (SAP Notes 2738426, 2827658) creates them; on Solution Manager SAP_SUPPORT_HUB_CONFIG. A destination with ' +
    '`status: deactivated` is reported as not usable. The destination names, types and hosts and the SAP_BASIS threshold ' +
    'come from community sources (confidence C; PARCELBOX\'s type is uncertain, U) and are options. Fix: add the ' +
    'destination (type, host, port 443, the path where one is needed, and the system\'s communicationUser when it is ' +
    'declared as a technical user, else the first technical user the file declares, else no user) to rfcDestinations; ' +
    'there is no fix when the system has no rfcDestinations mapping.',
  fixable: true,
  scope: 'system',
  defaults: { ...BACKBONE_DESTINATION_DEFAULTS, products: ABAP_PRODUCTS, noteDownloadFromBasis: 740 },
  optionsSchema: {
    type: 'object',
    properties: {
      ...BACKBONE_DESTINATION_SCHEMA,
      products: ABAP_PRODUCTS_SCHEMA,
      noteDownloadFromBasis: {
        type: 'integer',
        minimum: 0,
        description: 'SAP_BASIS release from which SNOTE downloads notes over HTTPS only and needs the note-download destination. Default: 740.',
      },
    },
    additionalProperties: false,
  },
  check(file, context) {
    const options = context.options;
    for (const system of file.model?.systems ?? []) {
      if (!isAbapBased(system, options.products)) continue;
      // One finding per destination, with every reason the system needs it.
      const needed = new Map<BackboneDestinationSpec, { reasons: string[]; notes: Set<string> }>();
      const need = (spec: BackboneDestinationSpec, reason: string, notes: string[]): void => {
        const entry = needed.get(spec) ?? { reasons: [], notes: new Set<string>() };
        entry.reasons.push(reason);
        for (const note of notes) entry.notes.add(note);
        needed.set(spec, entry);
      };
      if (system.supportConnection?.value === 'direct') {
        for (const spec of [options.portal, options.parcelBox]) need(spec, 'it sends data to SAP directly (supportConnection: direct)', TASK_LIST_NOTES);
      }
      if (noteProcedureOf(system, options.noteDownloadFromBasis) === 'https') {
        const how = system.noteAssistant?.procedure
          ? 'SNOTE downloads SAP Notes over HTTPS (noteAssistant.procedure: https)'
          : `SNOTE is used on SAP_BASIS ${system.components.get('SAP_BASIS')?.release?.value}, which downloads SAP Notes over HTTPS (or through the Download Service: then say procedure: download-service)`;
        for (const spec of [options.portal, options.noteDownload]) need(spec, how, NOTE_DOWNLOAD_NOTES);
      }
      for (const [spec, { reasons, notes }] of needed) requireDestination(file, context, system, spec, reasons.join(', and '), [...notes]);
    }
  },
});

function requireDestination(
  file: LandscapeFile,
  context: RuleContext<MissingDestinationOptions>,
  system: SystemDeclaration,
  spec: BackboneDestinationSpec,
  because: string,
  notes: string[],
): void {
  const taskList =
    'Create it with task list SAP_BASIS_CONFIG_OSS_COMM in transaction STC01' +
    (system.product?.value === 'solman' ? ' (on Solution Manager: SAP_SUPPORT_HUB_CONFIG)' : '');
  const existing = findDestination(system, spec.name);
  if (existing) {
    if (existing.status?.value === 'deactivated') {
      context.report({
        at: existing.status.pair.value,
        sid: system.sid,
        notes,
        message: `${existing.name} is deactivated in system ${system.sid}, but ${because}: activate it in SM59 and set status: active.`,
      });
    }
    return;
  }
  const destinations = system.rfcDestinationsPair && asMap(system.rfcDestinationsPair.value);
  const fixes: Fix[] = [];
  if (destinations) {
    const user = technicalUserFor(file, context.workspace, system);
    const fields = [`type: ${yamlScalar(spec.type)}`, `host: ${yamlScalar(spec.host)}`, `port: ${context.options.port}`];
    if (spec.path) fields.push(`path: ${JSON.stringify(spec.path)}`);
    if (user !== undefined) fields.push(`user: ${yamlScalar(user)}`);
    fixes.push({ title: `Add ${spec.name}`, edits: setMapValues(file, destinations, [[spec.name, `{ ${fields.join(', ')} }`]]) });
  }
  context.report({
    at: (system.rfcDestinationsPair ?? system.pair).key,
    sid: system.sid,
    notes,
    message: `System ${system.sid} has no HTTPS destination ${spec.name} to ${spec.host}, but ${because}. ${taskList}, then enter the technical communication user.`,
    fixes,
  });
}
