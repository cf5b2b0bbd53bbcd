import type { Finding, Severity } from '../findings';
import type { Range } from '../landscape/text';
import { sapNoteUrl } from '../catalog';
import { ruleHelpUrl, type ReportInput } from './summary';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 for code-scanning tools. Paths are relative to %SRCROOT% (the directory the
 * check ran in), regions are one-based with UTF-16 columns, fixes carry their replacements.
 */
export function formatSarif(input: ReportInput, sourceRoot: string): string {
  const ruleIndex = new Map(input.rules.map((rule, index) => [rule.id, index]));
  const artifactUri = (path: string): string => path.split('\\').join('/').split('/').map(encodeURIComponent).join('/');
  const region = (range: Range) => ({
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  });
  const location = (path: string, range: Range) => ({ physicalLocation: { artifactLocation: { uri: artifactUri(path), uriBaseId: 'SRCROOT' }, region: region(range) } });
  const result = (finding: Finding) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId),
    level: LEVEL[finding.severity],
    message: { text: finding.notes.length > 0 ? `${finding.message} (SAP Note ${finding.notes.join(', ')})` : finding.message },
    locations: [location(finding.path, finding.range)],
    ...(finding.related.length > 0
      ? { relatedLocations: finding.related.map((related, index) => ({ id: index + 1, ...location(related.path, related.range), message: { text: related.message } })) }
      : {}),
    ...(finding.fixes.length > 0
      ? {
          fixes: finding.fixes.map((fix) => ({
            description: { text: fix.title },
            artifactChanges: [
              {
                artifactLocation: { uri: artifactUri(finding.path), uriBaseId: 'SRCROOT' },
                replacements: fix.edits.map((edit) => ({ deletedRegion: { charOffset: edit.start, charLength: edit.end - edit.start }, insertedContent: { text: edit.newText } })),
              },
            ],
          })),
        }
      : {}),
    ...(finding.sid ? { properties: { sid: finding.sid } } : {}),
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sapready',
            fullName: 'SAP Landscape Readiness (sapready)',
            version: input.toolVersion,
            semanticVersion: input.toolVersion,
            rules: input.rules.map((rule) => {
              const helpUri = ruleHelpUrl(rule);
              const notes = rule.notes.map((note) => `SAP Note ${note}: ${sapNoteUrl(note)}`).join('\n');
              return {
                id: rule.id,
                name: rule.id.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
                shortDescription: { text: rule.title },
                fullDescription: { text: rule.description },
                ...(helpUri ? { helpUri } : {}),
                help: { text: notes ? `${rule.description}\n\n${notes}` : rule.description },
                defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
                properties: { tags: ['sap', 'support-backbone'], fixable: rule.fixable, sapNotes: rule.notes },
              };
            }),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileUri(sourceRoot) } },
        columnKind: 'utf16CodeUnits',
        artifacts: input.paths.map((path) => ({ location: { uri: artifactUri(path), uriBaseId: 'SRCROOT' }, mimeType: 'application/yaml' })),
        results: input.findings.map(result),
        properties: { today: input.today, optionsFile: input.optionsPath ?? null },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function pathToFileUri(directory: string): string {
  const slashed = directory.split('\\').join('/');
  const withRoot = slashed.startsWith('/') ? slashed : `/${slashed}`;
  return `file://${withRoot.split('/').map(encodeURIComponent).join('/')}${withRoot.endsWith('/') ? '' : '/'}`;
}
