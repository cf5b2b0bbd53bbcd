import { strict as assert } from 'assert';
import type { Finding } from '../../../src/core/findings';
import type { SystemVerification } from '../../../src/core/live';
import { liveRefusal, liveSecretKey, rfcSecretKey, rfcUserProblem, UNTRUSTED_LIVE_MESSAGE, verifyAllSummary, verifySummary } from '../../../src/extension/live/policy';

// The extension's live verification, the parts without `vscode` (the flow itself: test/host/live.test.ts).
describe('extension live verification: policy', () => {
  it('refuses in an untrusted workspace, saying why and what to do', () => {
    assert.equal(liveRefusal(true), undefined);
    assert.equal(liveRefusal(false), UNTRUSTED_LIVE_MESSAGE);
    assert.match(UNTRUSTED_LIVE_MESSAGE, /Restricted Mode.*native code.*live SAP system.*Trust this workspace/);
  });

  it('keys a stored password by system, client and user, never by the password', () => {
    assert.equal(rfcSecretKey('PRD', '100', 'rfcuser', 'PRD-CI.acme.example/00'), 'sapready.rfc/prd-ci.acme.example/00/PRD/100/RFCUSER');
    assert.notEqual(rfcSecretKey('PRD', '100', 'A', 'a/00'), rfcSecretKey('PRD', '200', 'A', 'a/00'));
    assert.notEqual(rfcSecretKey('PRD', '100', 'A', 'one.example/00'), rfcSecretKey('PRD', '100', 'A', 'other.example/00'));
  });

  it('checks an RFC user name', () => {
    assert.equal(rfcUserProblem('RFCUSER'), undefined);
    assert.match(rfcUserProblem('  ')!, /Enter/);
    assert.match(rfcUserProblem('A B')!, /blanks/);
    assert.match(rfcUserProblem('ABCDEFGHIJKLM')!, /12 characters/);
  });

  it('sums up a verification', () => {
    const finding = (severity: Finding['severity']) => ({ severity }) as Finding;
    assert.equal(verifySummary('PRD', 'PRD (h, instance 00, client 100)', []), 'SAP Readiness: PRD agrees with the live system PRD (h, instance 00, client 100): no drift found.');
    assert.equal(
      verifySummary('PRD', 'T', [finding('error'), finding('info'), finding('info')]),
      'SAP Readiness: PRD compared with the live system T: 1 error, 2 info on the declaring file (Problems view).',
    );
  });

  it('keys a password for either source: RFC by its logon target, HTTPS by host and port', () => {
    const rfc = { ok: true as const, source: 'rfc' as const, sid: 'PRD', client: '100', description: 'PRD', parameters: { sid: 'PRD', client: '100', target: { kind: 'message-server' as const, host: 'prd-ascs', group: 'PUBLIC' } } };
    assert.equal(liveSecretKey(rfc, 'rfcuser'), 'sapready.rfc/prd-ascs/public/PRD/100/RFCUSER');
    const https = { ok: true as const, source: 'https' as const, sid: 'PRD', client: '100', description: 'PRD', target: { sid: 'PRD', url: 'https://PRD-CI.acme.example:44300', client: '100' } };
    assert.equal(liveSecretKey(https, 'rfcuser'), 'sapready.rfc/prd-ci.acme.example:44300/PRD/100/RFCUSER');
  });

  it('sums up Verify All Systems: drift of the verified ones, and what could not be read', () => {
    const result = (status: SystemVerification['status'], severities: Finding['severity'][] = []) => ({ status, findings: severities.map((severity) => ({ severity }) as Finding) }) as SystemVerification;
    assert.equal(
      verifyAllSummary([result('verified', ['error', 'warning', 'warning']), result('verified'), result('failed', ['error']), result('skipped')]),
      'SAP Readiness: verified 2 of 4 systems (1 error, 2 warnings of drift); 1 could not be read, 1 without connection data. Findings are in the Problems view, the table in the output channel.',
    );
    assert.equal(verifyAllSummary([result('verified')]), 'SAP Readiness: verified 1 of 1 system (no drift). Findings are in the Problems view, the table in the output channel.');
    assert.equal(verifyAllSummary([result('cancelled'), result('cancelled')]), 'SAP Readiness: verified 0 of 2 systems; 2 cancelled. Findings are in the Problems view, the table in the output channel.');
  });
});
