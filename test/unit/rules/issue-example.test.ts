import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { check, expectFindings } from '../../helpers';

/** The landscape of the format issue, verbatim: the contract every rule is held to at once. */
const ISSUE_EXAMPLE = readFileSync(path.resolve(__dirname, '../../../../test/fixtures/issue/example.landscape.yaml'), 'utf8');

describe('the issue\'s example landscape, with every rule', () => {
  it('reports exactly what is missing for the support backbone, and the observation window', () => {
    expectFindings(check(ISSUE_EXAMPLE), [
      { rule: 'missing-backbone-destination', line: 7, severity: 'error', message: /SM1 has no HTTPS destination SAP-SUPPORT_PARCELBOX/ },
      { rule: 'missing-backbone-destination', line: 7, severity: 'error', message: /SM1 has no HTTPS destination SAP-SUPPORT_PORTAL/ },
      { rule: 'missing-backbone-destination', line: 23, severity: 'error', message: /PRD has no HTTPS destination SAP-SUPPORT_NOTE_DOWNLOAD/ },
      { rule: 'legacy-rfc-removable', line: 24, severity: 'info', message: /watch for failing jobs until 2026-11-24/ },
    ]);
  });
});
