import { strict as assert } from 'assert';
import { NOW, parseJson, runCli, type JsonReport } from './run-cli';

/**
 * Landscapes written after real ones (SAP's EWA wording, SAP Help, SAP Community), checked by the
 * built CLI as a user runs it: each finding is the one the scenario is about, and nothing else.
 */
function check(folder: string): { status: number | null; found: string[]; report: JsonReport } {
  const result = runCli(['check', `../real-landscapes/${folder}`, '--now', NOW, '--format', 'json']);
  const report = parseJson(result);
  const found = report.findings.map((finding) => `${finding.path.split('/').pop()}:${finding.line} ${finding.ruleId} ${finding.severity}`);
  return { status: result.status, found, report };
}

const messageOf = (report: JsonReport, ruleId: string): string => report.findings.find((finding) => finding.ruleId === ruleId)?.message ?? '';

describe('real landscapes, checked by the built CLI', () => {
  it('S/4HANA 2023 on SAP_BASIS 758 with ST-PI 758, HANA MDC and a Solution Manager: ready, nothing to report', () => {
    const { status, found } = check('s4hana-2023');
    assert.deepEqual(found, []);
    assert.equal(status, 0);
  });

  it('ECC 6.0 on 740, 731 and 702: HTTPS SNOTE without SAP-SUPPORT_PORTAL, Download Service through SAPSNOTE, RFC still active on 702', () => {
    const { status, found, report } = check('ecc-releases');
    assert.deepEqual(found, [
      'ecc.landscape.yaml:20 missing-backbone-destination error',
      'ecc.landscape.yaml:33 legacy-rfc-removable warning',
      'ecc.landscape.yaml:41 note-assistant-procedure warning',
      'ecc.landscape.yaml:43 legacy-rfc-destination error',
    ]);
    assert.match(messageOf(report, 'missing-backbone-destination'), /EC7 has no HTTPS destination SAP-SUPPORT_PORTAL/);
    assert.match(messageOf(report, 'legacy-rfc-destination'), /On SAP_BASIS 702 SNOTE gets notes through the Download Service/);
    assert.equal(status, 1);
  });

  it('BW/4HANA behind Focused Run 4.0 that never connected to SAP: ST-PI below 740 SP11, and the data reaches nobody', () => {
    const { found, report } = check('bw4-focused-run');
    assert.deepEqual(found, ['bw4.landscape.yaml:12 st-pi-level error', 'bw4.landscape.yaml:15 support-route error']);
    assert.doesNotMatch(messageOf(report, 'st-pi-level'), /no update is required/);
  });

  it('PI/PO Java and a PI 7.0 dual stack behind Solution Manager 7.2 SPS14 (with an HTTP proxy): SNOTE only where there is ABAP', () => {
    const { found, report } = check('pipo-solman');
    assert.deepEqual(found, ['pipo.landscape.yaml:11 schema error']);
    assert.match(messageOf(report, 'schema'), /POP is a Java system: SAP Note Assistant \(SNOTE\) exists only on ABAP/);
  });

  it('a partner\'s repository with two customers\' PRD and SM1: no duplicates, partner status stays with the partner', () => {
    const { found } = check('partner-repository');
    assert.deepEqual(found, ['fabrikam.landscape.yaml:4 support-route error', 'fabrikam.landscape.yaml:5 solman-level warning']);
  });
});
