import { strict as assert } from 'assert';
import type { Finding } from '../../../src/core/findings';
import { liveRefusal, rfcSecretKey, rfcUserProblem, UNTRUSTED_LIVE_MESSAGE, verifySummary } from '../../../src/extension/live/policy';

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
});
