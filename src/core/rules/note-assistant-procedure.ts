import type { LandscapeFile } from '../landscape/file';
import type { SystemDeclaration } from '../landscape/model';
import { landscapesNamed } from '../landscape/workspace';
import { ABAP_PRODUCTS, ABAP_PRODUCTS_SCHEMA, basisRelease, findDestination, isAbapBased, KNOWN_BASIS_RELEASES, KNOWN_BASIS_RELEASES_SCHEMA } from './levels-shared';
import { defineRule, type RuleContext } from './rule';

export interface NoteProcedureOptions {
  products: string[];
  /** SAP_BASIS release from which SNOTE downloads over HTTPS (and no longer over RFC). */
  httpsFromBasis: number;
  /** The RFC destination through which SNOTE reaches the customer's Download Service system. */
  downloadServiceDestination: string;
  knownBasisReleases: string[];
}

export const NOTE_PROCEDURE_DEFAULTS: NoteProcedureOptions = {
  products: ABAP_PRODUCTS,
  httpsFromBasis: 740,
  downloadServiceDestination: 'SAPSNOTE',
  knownBasisReleases: KNOWN_BASIS_RELEASES,
};

/** SAP Notes on the procedures: Download Service (2928592), manual upload (2865380), HTTPS (2408073). */
const DOWNLOAD_SERVICE_NOTE = '2928592';
const MANUAL_UPLOAD_NOTE = '2865380';

export type NoteProcedure = 'https' | 'download-service' | 'manual';

/**
 * How SNOTE gets notes in `system`: the declared procedure, else https from SAP_BASIS 740 on
 * (the only procedure the file can imply); undefined when SNOTE is not used or nothing says.
 */
export function noteProcedureOf(system: SystemDeclaration, httpsFromBasis: number): NoteProcedure | undefined {
  const noteAssistant = system.noteAssistant;
  if (noteAssistant?.used?.value !== true) return undefined;
  const declared = noteAssistant.procedure?.value;
  if (declared === 'https' || declared === 'download-service' || declared === 'manual') return declared;
  if (declared !== undefined) return undefined; // another value: the schema reports it
  const basis = basisRelease(system, []);
  return basis && basis.number >= httpsFromBasis ? 'https' : undefined;
}

export const noteAssistantProcedure = defineRule<NoteProcedureOptions>({
  id: 'note-assistant-procedure',
  title: 'SNOTE uses a note download procedure its SAP_BASIS release supports, with what that procedure needs',
  defaultSeverity: 'error',
  notes: ['2408073', DOWNLOAD_SERVICE_NOTE, MANUAL_UPLOAD_NOTE],
  description:
    'Since 2020-11-30 SNOTE cannot download SAP Notes over RFC (SAP Note 2923799). From SAP_BASIS 740 it downloads over ' +
    'HTTPS (destinations SAP-SUPPORT_PORTAL and SAP-SUPPORT_NOTE_DOWNLOAD, reported by missing-backbone-destination) or ' +
    'through the Download Service; on SAP_BASIS 700-731 the Download Service (SAP Note 2928592) or manual upload (SAP ' +
    'Note 2865380) remain (SAP blog on digitally signed notes and community guides, confidence C). `noteAssistant.procedure` ' +
    'says which one a system uses. Reports `procedure: https` below SAP_BASIS 740 (error), a system where SNOTE is used ' +
    'on SAP_BASIS 700-731 without a procedure (warning: it cannot download over RFC any more), `procedure: download-service` ' +
    'without `downloadService: <SID>` or with a SID the landscape does not declare as an ABAP-based system (error), and ' +
    'a system with rfcDestinations but without the destination SNOTE reaches the Download Service through (SAPSNOTE by ' +
    'default; the name is community-sourced, confidence C/U, and an option; warning). An SAP_BASIS release the table ' +
    'does not know is reported as unknown (info) rather than judged. Systems SAP operates (operatedBy: sap) are n/a.',
  fixable: false,
  scope: 'system',
  defaults: NOTE_PROCEDURE_DEFAULTS,
  optionsSchema: {
    type: 'object',
    properties: {
      products: ABAP_PRODUCTS_SCHEMA,
      httpsFromBasis: { type: 'integer', minimum: 0, description: 'SAP_BASIS release from which SNOTE downloads over HTTPS instead of RFC. Default: 740.' },
      downloadServiceDestination: { type: 'string', minLength: 1, description: 'RFC destination through which SNOTE reaches the Download Service system. Default: SAPSNOTE.' },
      knownBasisReleases: KNOWN_BASIS_RELEASES_SCHEMA,
    },
    additionalProperties: false,
  },
  check(file, context) {
    for (const system of file.model?.systems ?? []) {
      const noteAssistant = system.noteAssistant;
      if (!isAbapBased(system, context.options.products) || noteAssistant?.used?.value !== true) continue;
      const options = context.options;
      const procedure = noteAssistant.procedure;
      const basis = basisRelease(system, options.knownBasisReleases);
      if (basis && !basis.known) {
        context.report({
          at: basis.at,
          sid: system.sid,
          severity: 'info',
          message: `SAP_BASIS ${basis.release} in system ${system.sid} is not in the table of known releases, so its SNOTE procedure is not judged. Add it to knownBasisReleases once you know it is right.`,
        });
        continue;
      }
      const beforeHttps = basis !== undefined && basis.number < options.httpsFromBasis;
      if (procedure?.value === 'https' && beforeHttps) {
        context.report({
          at: procedure.pair.value,
          sid: system.sid,
          message:
            `SNOTE in system ${system.sid} cannot download over HTTPS on SAP_BASIS ${basis.release}: that needs SAP_BASIS ${options.httpsFromBasis} or higher. ` +
            `Use the Download Service (procedure: download-service, SAP Note ${DOWNLOAD_SERVICE_NOTE}) or manual upload (procedure: manual, SAP Note ${MANUAL_UPLOAD_NOTE}).`,
        });
      } else if (!procedure && beforeHttps) {
        context.report({
          at: noteAssistant.pair.key,
          sid: system.sid,
          severity: 'warning',
          message:
            `SNOTE is used in system ${system.sid} on SAP_BASIS ${basis.release}, which cannot download SAP Notes over RFC since 2020-11-30. ` +
            `Declare how it gets them: procedure: download-service (SAP Note ${DOWNLOAD_SERVICE_NOTE}) or procedure: manual (SAP Note ${MANUAL_UPLOAD_NOTE}).`,
        });
      } else if (procedure?.value === 'download-service') {
        checkDownloadService(file, context, system);
      }
    }
  },
});

function checkDownloadService(file: LandscapeFile, context: RuleContext<NoteProcedureOptions>, system: SystemDeclaration): void {
  const noteAssistant = system.noteAssistant!;
  const reference = noteAssistant.downloadService;
  if (!reference) {
    context.report({
      at: noteAssistant.procedure!.pair.value,
      sid: system.sid,
      message: `SNOTE in system ${system.sid} gets notes through the Download Service, but the file does not say which system runs it: add downloadService: <SID> under noteAssistant (SAP Note ${DOWNLOAD_SERVICE_NOTE}).`,
    });
    return;
  }
  const { declared, ambiguous } = context.workspace.resolveSystem(reference.value, file);
  if (!declared || !isAbapBased(declared.declaration, context.options.products)) {
    context.report({
      at: reference.pair.value,
      sid: system.sid,
      message: ambiguous
        ? `The Download Service system ${reference.value} of ${system.sid} is declared in ${landscapesNamed(ambiguous)}, not in this landscape: declare it here.`
        : declared
          ? `The Download Service system ${reference.value} of ${system.sid} is declared with product: ${declared.declaration.product?.value ?? '(none)'}: the Download Service runs on an ABAP system.`
          : `The Download Service system ${reference.value} of ${system.sid} is not declared in this landscape: declare it under systems, or correct the SID.`,
    });
    return;
  }
  const destinationName = context.options.downloadServiceDestination;
  if (system.rfcDestinationsPair && !findDestination(system, destinationName)) {
    context.report({
      at: system.rfcDestinationsPair.key,
      sid: system.sid,
      severity: 'warning',
      message: `SNOTE in system ${system.sid} reaches the Download Service on ${reference.value} through RFC destination ${destinationName}, which rfcDestinations does not list: create it in SM59 pointing at ${reference.value} and record it here.`,
    });
  }
}
