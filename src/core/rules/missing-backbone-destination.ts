import type { Fix } from '../findings';
import { setMapValues } from '../landscape/edits';
import type { LandscapeFile } from '../landscape/file';
import { asMap, type SystemDeclaration } from '../landscape/model';
import {
  ABAP_PRODUCTS,
  ABAP_PRODUCTS_SCHEMA,
  BACKBONE_DESTINATION_DEFAULTS,
  BACKBONE_DESTINATION_SCHEMA,
  findDestination,
  isAbapBased,
  releaseNumber,
  yamlScalar,
  type BackboneDestinationOptions,
  type BackboneDestinationSpec,
} from './levels-shared';
import { defineRule, type RuleContext } from './rule';

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
    'Since the RFC shutdown an ABAP-based system (products abap and solman by default) reaches SAP\'s support backbone ' +
    'over HTTPS only. A system with `supportConnection: direct` needs SAP-SUPPORT_PORTAL and SAP-SUPPORT_PARCELBOX ' +
    '(one finding per missing destination); a system where SNOTE is used (`noteAssistant.used: true`) on SAP_BASIS 740 ' +
    'or higher needs SAP-SUPPORT_NOTE_DOWNLOAD for digitally signed notes (SAP Note 2408073), whatever its support ' +
    'connection; a system without a declared SAP_BASIS release is not checked for it. Task list SAP_BASIS_CONFIG_OSS_COMM ' +
    'in STC01 (SAP Notes 2738426, 2827658) creates them; on Solution Manager SAP_SUPPORT_HUB_CONFIG. A destination with ' +
    '`status: deactivated` is reported as not usable. The destination names, types and hosts and the SAP_BASIS threshold ' +
    'come from community sources (confidence C; PARCELBOX\'s type is uncertain, U) and are options. Fix: add the ' +
    'destination (type, host, port 443 and the system\'s communicationUser) to rfcDestinations; there is no fix when the ' +
    'system has no rfcDestinations mapping.',
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
      if (system.supportConnection?.value === 'direct') {
        for (const spec of [options.portal, options.parcelBox]) {
          requireDestination(file, context, system, spec, 'it sends data to SAP directly (supportConnection: direct)', TASK_LIST_NOTES);
        }
      }
      const basis = system.components.get('SAP_BASIS')?.release?.value;
      const httpsOnly = basis !== undefined && (releaseNumber(basis) ?? -1) >= options.noteDownloadFromBasis;
      if (system.noteAssistant?.used?.value === true && httpsOnly) {
        requireDestination(file, context, system, options.noteDownload, `SNOTE is used on SAP_BASIS ${basis}, which downloads SAP Notes over HTTPS only`, NOTE_DOWNLOAD_NOTES);
      }
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
    const user = system.communicationUser?.value;
    const fields = [`type: ${yamlScalar(spec.type)}`, `host: ${yamlScalar(spec.host)}`, `port: ${context.options.port}`];
    if (user !== undefined) fields.push(`user: ${yamlScalar(user)}`);
    fixes.push({ title: `Add ${spec.name}`, edits: setMapValues(file, destinations, [[yamlScalar(spec.name), `{ ${fields.join(', ')} }`]]) });
  }
  context.report({
    at: (system.rfcDestinationsPair ?? system.pair).key,
    sid: system.sid,
    notes,
    message: `System ${system.sid} has no HTTPS destination ${spec.name} to ${spec.host}, but ${because}. ${taskList}, then enter the technical communication user.`,
    fixes,
  });
}
