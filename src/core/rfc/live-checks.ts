import { compareFindings, type Finding, type Severity } from '../findings';
import { findingAt } from '../finding-at';
import type { LandscapeFile } from '../landscape/file';
import type { DestinationDeclaration, SystemDeclaration } from '../landscape/model';
import type { Span } from '../landscape/text';
import { LEGACY_DESTINATION_DEFAULTS, legacyVerdict, maskRouterPasswords, routeHops, type LegacyDestinationOptions } from '../rules/legacy-destinations';
import type { LiveDestination, LiveSection, LiveSystemData } from './live-data';
import { LIVE_TABLE_DEFAULTS, liveComponentDrift, liveConnection, liveDestinationDrift, liveNoteAssistant, type LiveRule, type LiveTableOptions } from './live-rules';

export interface LiveCheckOptions {
  /** Legacy names and hosts (default: legacy-rfc-destination's defaults, or the options file's). */
  legacy?: LegacyDestinationOptions;
  tables?: LiveTableOptions;
}

/** SNOTE's implementation states (CWBNTCUST-PRSTATUS; community-sourced, confidence C). */
const NOTE_STATUS: Record<string, string> = {
  E: 'completely implemented',
  O: 'obsolete',
  N: 'can be implemented (not implemented)',
  U: 'incompletely implemented',
  V: 'obsolete version implemented',
  '-': 'cannot be implemented (not relevant)',
};

/**
 * Compares one declared system with what the live system reported: pure, no I/O. Findings
 * point at the declaring file's exact key or value and have the same shape as `check`'s.
 */
export function compareWithLive(file: LandscapeFile, system: SystemDeclaration, data: LiveSystemData, options: LiveCheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const report = (rule: LiveRule, at: Span, message: string, severity: Severity = rule.defaultSeverity): void => {
    const finding = findingAt(file, at, { ruleId: rule.id, severity, message, notes: rule.notes, sid: system.sid });
    if (finding) findings.push(finding);
  };
  if (data.destinations) checkDestinations(system, data.destinations, options, report);
  if (data.components) checkComponents(system, data.components, report);
  if (data.notes) checkNotes(system, data.notes, options.tables ?? LIVE_TABLE_DEFAULTS, report);
  return findings.sort(compareFindings);
}

/** A system that could not be read at all: one finding at its key, saying why and what to do. */
export function connectionFinding(file: LandscapeFile, system: SystemDeclaration, problem: string): Finding | undefined {
  return findingAt(file, system.pair.key, { ruleId: liveConnection.id, severity: liveConnection.defaultSeverity, message: problem, notes: liveConnection.notes, sid: system.sid });
}

type Report = (rule: LiveRule, at: Span, message: string, severity?: Severity) => void;

function checkDestinations(system: SystemDeclaration, section: LiveSection<LiveDestination>, options: LiveCheckOptions, report: Report): void {
  const rule = liveDestinationDrift;
  const anchor = (system.rfcDestinationsPair ?? system.pair).key;
  if (!section.ok) {
    report(rule, anchor, `RFC destinations of ${system.sid} not compared with the live system: ${section.error}`, section.notReadable ? 'info' : 'warning');
    return;
  }
  const optionsField = (options.tables ?? LIVE_TABLE_DEFAULTS).destinations.options;
  const optionsTruncated = section.truncated.find((entry) => entry.field === optionsField);
  if (optionsTruncated) report(rule, anchor, `Target hosts of ${system.sid}'s destinations not compared: ${optionsTruncated.reason}.`, 'info');
  // SM59 shows names in upper case; a file may not: names match ignoring case, as in the rules.
  const live = new Map(section.rows.map((row) => [row.name.toUpperCase(), row]));
  const declared = new Set<string>();
  for (const destination of system.rfcDestinations) {
    declared.add(destination.name.toUpperCase());
    const found = live.get(destination.name.toUpperCase());
    const deactivated = destination.status?.value === 'deactivated';
    if (!found) {
      if (!section.complete) continue;
      if (deactivated) report(rule, destination.pair.key, `${destination.name} is no longer defined in ${system.sid} (RFCDES): it was deleted; remove it from the file.`, 'info');
      else report(rule, destination.pair.key, `${destination.name} is declared but not defined in ${system.sid} (no RFCDES entry): create it in SM59 or remove it from the file.`);
      continue;
    }
    if (destination.type && destination.type.value !== found.type) {
      report(rule, destination.type.pair.value, `${destination.name} has connection type ${found.type || '(none)'} in ${system.sid}, the file says ${destination.type.value}.`);
    }
    if (deactivated) {
      report(
        rule,
        destination.status!.pair.value,
        `${destination.name} is declared deactivated but is still defined in ${system.sid}${found.host ? ` (target ${maskRouterPasswords(found.host)})` : ''}. ` +
          'RFCDES does not record SM59 deactivation: confirm it is deactivated, and delete it after the observation period.',
        'warning',
      );
    }
    if (!optionsTruncated) compareTarget(system, destination, found, report);
  }
  const legacy = options.legacy ?? LEGACY_DESTINATION_DEFAULTS;
  for (const found of section.rows) {
    if (declared.has(found.name.toUpperCase())) continue;
    const verdict = legacyVerdict(asDeclaration(found), legacy);
    if (!verdict) continue;
    report(
      rule,
      anchor,
      `${found.name} is defined in ${system.sid} (type ${found.type}${found.host ? `, target ${maskRouterPasswords(found.host)}` : ''}) but not declared: ${verdict.reason}. ` +
        'Deactivate it in SM59 and declare it with status: deactivated, or delete it.',
      verdict.certain ? 'error' : 'warning',
    );
  }
}

function compareTarget(system: SystemDeclaration, destination: DestinationDeclaration, found: LiveDestination, report: Report): void {
  const declaredField = destination.host ?? destination.target;
  const declaredHost = declaredField && finalHost(declaredField.value);
  const liveHost = found.host && finalHost(found.host);
  if (declaredField && declaredHost && liveHost && declaredHost.toLowerCase() !== liveHost.toLowerCase()) {
    report(liveDestinationDrift, declaredField.pair.value, `${destination.name} points at ${liveHost} in ${system.sid}, the file says ${declaredHost}.`);
  }
  if (destination.port && found.service && /^\d+$/.test(found.service) && Number(found.service) !== destination.port.value) {
    report(liveDestinationDrift, destination.port.pair.value, `${destination.name} uses port ${found.service} in ${system.sid}, the file says ${destination.port.value}.`);
  }
}

/** The host a route ends at (`/H/a/S/x/H/b` -> b), or the text itself when it is no route. */
function finalHost(text: string): string | undefined {
  if (!text.includes('/')) return text.trim() || undefined;
  const hosts = routeHops(text).filter(([kind]) => kind === 'H');
  return hosts.length > 0 ? hosts[hosts.length - 1][1] : undefined;
}

/** legacyVerdict reads names and values only; a live row is shaped like a declaration for it. */
function asDeclaration(found: LiveDestination): DestinationDeclaration {
  const field = (value: string | undefined) => (value ? { value, pair: undefined as never } : undefined);
  const isRoute = found.host?.includes('/') ?? false;
  return { name: found.name, pair: undefined as never, host: field(isRoute ? undefined : found.host), target: field(isRoute ? found.host : undefined) };
}

function checkComponents(system: SystemDeclaration, section: LiveSection<{ name: string; release: string; sp?: number }>, report: Report): void {
  const rule = liveComponentDrift;
  const anchor = (system.componentsPair ?? system.pair).key;
  if (system.components.size === 0) return;
  if (!section.ok) {
    report(rule, anchor, `Software components of ${system.sid} not compared with the live system: ${section.error}`, section.notReadable ? 'info' : 'warning');
    return;
  }
  for (const entry of section.truncated) report(rule, anchor, `Not compared: ${entry.reason}.`, 'info');
  const live = new Map(section.rows.map((row) => [row.name, row]));
  for (const component of system.components.values()) {
    const found = live.get(component.name);
    if (!found) {
      if (section.complete) report(rule, component.pair.key, `${component.name} is declared but not installed in ${system.sid} (no CVERS entry).`);
      continue;
    }
    if (component.release && component.release.value !== found.release) {
      report(rule, component.release.pair.value, `${component.name} has release ${found.release} in ${system.sid}, the file says ${component.release.value}.`);
      continue;
    }
    if (component.sp && found.sp !== undefined && component.sp.value !== found.sp) {
      report(rule, component.sp.pair.value, `${component.name} is at SP ${found.sp} in ${system.sid}, the file says ${component.sp.value}: update the file (the level rules judged SP ${component.sp.value}).`, 'warning');
    }
  }
}

function checkNotes(system: SystemDeclaration, section: LiveSection<{ number: string; status: string }>, tables: LiveTableOptions, report: Report): void {
  const rule = liveNoteAssistant;
  const noteAssistant = system.noteAssistant;
  if (!noteAssistant) return;
  const signed = noteAssistant.digitallySignedNotes;
  const at = signed ? signed.pair.value : noteAssistant.pair.key;
  if (!section.ok) {
    report(rule, at, `SNOTE's signed-note notes in ${system.sid} not checked against the live system: ${section.error}`, section.notReadable ? 'info' : 'warning');
    return;
  }
  const missing = tables.notes.required.filter((note) => !section.rows.some((row) => row.number === note.replace(/^0+/, '') && tables.notes.implementedStatuses.includes(row.status)));
  if (signed?.value === true && missing.length > 0) {
    const states = missing.map((note) => {
      const row = section.rows.find((candidate) => candidate.number === note.replace(/^0+/, ''));
      return `${note} ${row ? NOTE_STATUS[row.status] ?? `status ${row.status || '(empty)'}` : 'not downloaded'}`;
    });
    report(
      rule,
      at,
      `The file says SNOTE handles digitally signed notes in ${system.sid}, but SNOTE shows SAP Note ${states.join(', ')}. ` +
        'Implement them (guided procedure of SAP Note 2836302), or set digitallySignedNotes: false.',
    );
  } else if (signed?.value !== true && missing.length === 0 && noteAssistant.used?.value !== false) {
    report(rule, at, `SAP Notes ${tables.notes.required.join(', ')} are implemented or contained in the support package in ${system.sid}: set digitallySignedNotes: true.`, 'info');
  }
}
