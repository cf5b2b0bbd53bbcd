import { escapeMarkup } from './xml';
import { findingNoteUrls, type ReportInput } from './summary';

/**
 * JUnit XML, the format CI servers chart: a test suite per file, a failing test case per error
 * or warning, a passing one per info finding, and one passing case for a file without findings.
 */
export function formatJunit(input: ReportInput): string {
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  for (const path of input.paths) {
    const findings = input.findings.filter((finding) => finding.path === path);
    const cases: string[] = [];
    let failures = 0;
    for (const finding of findings) {
      const where = `${path}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      const name = escapeMarkup(`${finding.ruleId} at ${where}`);
      const detail = escapeMarkup([`${where} ${finding.severity}: ${finding.message}`, ...findingNoteUrls(finding)].join('\n'));
      if (finding.severity === 'info') {
        cases.push(`    <testcase name="${name}" classname="${escapeMarkup(finding.ruleId)}"><system-out>${detail}</system-out></testcase>`);
      } else {
        failures++;
        cases.push(`    <testcase name="${name}" classname="${escapeMarkup(finding.ruleId)}"><failure message="${escapeMarkup(finding.message)}" type="${finding.severity}">${detail}</failure></testcase>`);
      }
    }
    if (findings.length === 0) cases.push(`    <testcase name="${escapeMarkup(path)}" classname="sapready"/>`);
    totalTests += cases.length;
    totalFailures += failures;
    suites.push(`  <testsuite name="${escapeMarkup(path)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="sapready" tests="${totalTests}" failures="${totalFailures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}
