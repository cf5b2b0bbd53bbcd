import { sameName } from '../text/names';
import type { DestinationDeclaration, SystemDeclaration } from '../landscape/model';
import type { SourceNode } from '../landscape/sourceTree';
import type { OptionsSchema } from './rule';

/**
 * The HTTPS destinations of SAP's updated support backbone and the software levels SAP
 * requires, shared by the backbone and software-level rules. Names, hosts and types are
 * community-sourced (backbone-facts.md, confidence C; PARCELBOX's type U), hence options.
 */
export interface BackboneDestinationSpec {
  name: string;
  /** SM59 connection type. */
  type: string;
  /** Fully qualified host name (HTTPS checks the certificate against it). */
  host: string;
  /** Path prefix the destination needs, where there is one (PARCELBOX: /parcel/). */
  path?: string;
}

export interface BackboneDestinationOptions {
  portal: BackboneDestinationSpec;
  parcelBox: BackboneDestinationSpec;
  noteDownload: BackboneDestinationSpec;
  /** HTTPS port of every backbone destination. */
  port: number;
}

export const BACKBONE_DESTINATION_DEFAULTS: BackboneDestinationOptions = {
  portal: { name: 'SAP-SUPPORT_PORTAL', type: 'H', host: 'apps.support.sap.com' },
  parcelBox: { name: 'SAP-SUPPORT_PARCELBOX', type: 'G', host: 'documents.support.sap.com', path: '/parcel/' },
  noteDownload: { name: 'SAP-SUPPORT_NOTE_DOWNLOAD', type: 'G', host: 'notesdownloads.sap.com' },
  port: 443,
};

const destinationSpec = (description: string): OptionsSchema => ({
  type: 'object',
  description: `${description} Give all of name, type and host.`,
  properties: {
    name: { type: 'string', minLength: 1, description: 'SM59 destination name.' },
    type: { type: 'string', minLength: 1, description: 'SM59 connection type.' },
    host: { type: 'string', minLength: 1, description: 'Fully qualified host name.' },
    path: { type: 'string', description: 'Path prefix the destination needs, if any.' },
  },
  required: ['name', 'type', 'host'],
  additionalProperties: false,
});

export const BACKBONE_DESTINATION_SCHEMA: Record<string, OptionsSchema> = {
  portal: destinationSpec('The SAP-SUPPORT_PORTAL destination (SNOTE, EWA, readiness check). Default: SAP-SUPPORT_PORTAL, type H, apps.support.sap.com.'),
  parcelBox: destinationSpec('The SAP-SUPPORT_PARCELBOX destination (EWA and service data upload). Default: SAP-SUPPORT_PARCELBOX, type G (one source says H), documents.support.sap.com, path /parcel/.'),
  noteDownload: destinationSpec('The SAP-SUPPORT_NOTE_DOWNLOAD destination (SNOTE downloads of digitally signed notes). Default: SAP-SUPPORT_NOTE_DOWNLOAD, type G, notesdownloads.sap.com.'),
  port: { type: 'integer', minimum: 1, maximum: 65535, description: 'HTTPS port of the backbone destinations. Default: 443.' },
};

export function backboneSpecs(options: BackboneDestinationOptions): BackboneDestinationSpec[] {
  return [options.portal, options.parcelBox, options.noteDownload];
}

export function findDestination(system: SystemDeclaration, name: string): DestinationDeclaration | undefined {
  return system.rfcDestinations.find((destination) => sameName(destination.name, name));
}

/** Products that run on ABAP, where SNOTE, ST-PI, ST-A/PI and the SM59 destinations exist. */
export const ABAP_PRODUCTS = ['abap', 'dual-stack', 'solman'];

export const ABAP_PRODUCTS_SCHEMA: OptionsSchema = {
  type: 'array',
  items: { type: 'string' },
  description: 'Products checked, as written in `product` (ABAP-based ones). Default: abap, dual-stack, solman.',
};

/**
 * Whether the customer's own backbone rules apply: an ABAP-based system the customer operates.
 * SAP maintains SM59, connectivity and add-ons of a system it operates (RISE with SAP).
 */
export function isAbapBased(system: SystemDeclaration, products: readonly string[]): boolean {
  return system.product !== undefined && products.includes(system.product.value) && !isOperatedBySap(system);
}

export function isOperatedBySap(system: SystemDeclaration): boolean {
  return system.operatedBy?.value === 'sap';
}

/** SAP_BASIS releases the level rules know (SAP NetWeaver 7.0 to ABAP Platform 2025; S/4HANA 2023 is 758). */
export const KNOWN_BASIS_RELEASES = ['700', '701', '702', '710', '711', '720', '730', '731', '740', '750', '751', '752', '753', '754', '755', '756', '757', '758', '816'];

export const KNOWN_BASIS_RELEASES_SCHEMA: OptionsSchema = {
  type: 'array',
  items: { type: 'string' },
  description: 'SAP_BASIS releases the rule knows; another one is reported as unknown (info) rather than judged. Default: 700 to 758 and 816.',
};

/** The declared SAP_BASIS release, and whether the rule's table knows it. */
export function basisRelease(system: SystemDeclaration, known: readonly string[]): { release: string; number: number; known: boolean; at: SourceNode } | undefined {
  const release = system.components.get('SAP_BASIS')?.release;
  const number = release && releaseNumber(release.value);
  if (!release || number === undefined) return undefined;
  return { release: release.value.trim(), number, known: known.includes(release.value.trim()), at: release.pair.value };
}

/**
 * The number a release starts with: 754 of "754", 7.2 of "7.2", 2 of "2.0 FP02"; undefined when
 * it starts with none. Decimal, as SAP counts: "7.10" is 7.1 (below 7.2) and "7.02" below it.
 */
export function releaseNumber(release: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)/.exec(release);
  return match ? Number(match[1]) : undefined;
}

/** A release number as SAP writes it: 2 as "2.0", 7.2 as "7.2". */
export function formatRelease(release: number): string {
  return Number.isInteger(release) ? release.toFixed(1) : String(release);
}
