import type { RuleDocumentation } from '../rules/rule';

/**
 * Rules of `sapready verify` (and the extension's live verification): they compare a landscape
 * file with what a live system reports over RFC, so they never run during `check`. Same
 * documentation shape as the rules in the registry, listed by `sapready rules` as verify-only.
 */
export interface LiveRule extends RuleDocumentation {
  /** What it reads from the system (tables and fields; see LIVE_TABLE_DEFAULTS). */
  reads: string;
}

export const liveDestinationDrift: LiveRule = {
  id: 'live-destination-drift',
  title: 'RFC destinations in the system (RFCDES) differ from the landscape file',
  defaultSeverity: 'error',
  notes: ['2923799'],
  description:
    'Reads the SM59 destinations of the live system (table RFCDES: RFCDEST, RFCTYPE, RFCOPTIONS) and reports a declared ' +
    'destination missing in the system, a different connection type, a different target host or port, a destination to SAP\'s ' +
    'legacy RFC infrastructure that exists in the system but is not declared, and one declared `deactivated` that is still ' +
    'defined (RFCDES does not record SM59 deactivation, so that one is a warning to confirm). The host is read from RFCOPTIONS, ' +
    'a comma-separated list of `H=host,S=service,...`; this layout is community-sourced (confidence C). Legacy names and hosts ' +
    'are the defaults of legacy-rfc-destination. Destinations in the system that are neither declared nor legacy are not reported.',
  fixable: false,
  reads: 'RFCDES (RFCDEST, RFCTYPE, RFCOPTIONS)',
};

export const liveComponentDrift: LiveRule = {
  id: 'live-component-drift',
  title: 'Software component levels in the system (CVERS) differ from the landscape file',
  defaultSeverity: 'error',
  notes: [],
  description:
    'Reads the installed software components of the live system (table CVERS: COMPONENT, RELEASE, EXTRELEASE = the support ' +
    'package level) and reports a declared component that is not installed, a different release (error) and a different ' +
    'support package level (warning: the file is out of date, and the level rules judged the written one). Components ' +
    'installed but not declared are not reported; `sapready import` lists them all.',
  fixable: false,
  reads: 'CVERS (COMPONENT, RELEASE, EXTRELEASE)',
};

export const liveNoteAssistant: LiveRule = {
  id: 'live-note-assistant',
  title: 'Signed-note SAP Notes are not implemented although the file says digitallySignedNotes: true',
  defaultSeverity: 'error',
  notes: ['2408073', '2546220', '2508268', '2836302'],
  description:
    'Reads the SNOTE implementation state of SAP Notes 2408073, 2546220 and 2508268 (table CWBNTCUST: NUMM, PRSTATUS) and ' +
    'reports a system whose file says `noteAssistant.digitallySignedNotes: true` where one of them is not completely ' +
    'implemented (E), obsolete (O) or not relevant (-, cannot be implemented: on current SAP_BASIS releases the ' +
    'support package already contains the corrections, so that is not missing); and, as info, a system where all are ' +
    'done but the file does not say so. ' +
    'The table, its fields and the status values are community-sourced (confidence C/U): they are options of the live checks. ' +
    'A system that took the transport-based route (SAP Note 2576306) may show the notes as not implemented.',
  fixable: false,
  reads: 'CWBNTCUST (NUMM, PRSTATUS)',
};

export const liveConnection: LiveRule = {
  id: 'live-connection',
  title: 'The live system could not be read',
  defaultSeverity: 'error',
  notes: [],
  description:
    'Reported at the system\'s key when verification could not read it at all: the logon failed (RFC, or HTTP 401 over ADT), ' +
    'the user lacks authorization (HTTP 403: S_ADT_RES), the ICF service /sap/bc/adt is not active (HTTP 404), the server ' +
    'certificate is not trusted, the system did not answer within the timeout, or it answered with something else than ADT\'s ' +
    'feed (an HTML logon page, a redirect). The message says what to do. With `verify --all` the other systems are still verified.',
  fixable: false,
  reads: 'the logon (RFC) or GET /sap/bc/adt/system/components (HTTPS)',
};

/** The verify-only rules, in the order `sapready rules` lists them. */
export const LIVE_RULES: readonly LiveRule[] = [liveDestinationDrift, liveComponentDrift, liveNoteAssistant, liveConnection];

/** Tables and fields the live checks read; one place, all overridable (several names are uncertain). */
export interface LiveTableOptions {
  destinations: { table: string; name: string; type: string; options: string };
  components: { table: string; name: string; release: string; sp: string };
  notes: {
    table: string;
    number: string;
    status: string;
    /** The signed-note notes SNOTE needs. */
    required: string[];
    /** PRSTATUS values that count as done: E completely implemented, O obsolete, - not relevant (contained in the SP level). */
    implementedStatuses: string[];
  };
}

export const LIVE_TABLE_DEFAULTS: LiveTableOptions = {
  destinations: { table: 'RFCDES', name: 'RFCDEST', type: 'RFCTYPE', options: 'RFCOPTIONS' },
  components: { table: 'CVERS', name: 'COMPONENT', release: 'RELEASE', sp: 'EXTRELEASE' },
  notes: { table: 'CWBNTCUST', number: 'NUMM', status: 'PRSTATUS', required: ['2408073', '2546220', '2508268'], implementedStatuses: ['E', 'O', '-'] },
};
