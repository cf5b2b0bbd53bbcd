import { strict as assert } from 'assert';
import { check, expectFindings, expectRule, yaml } from '../../helpers';

const RULE = 'support-route';
const landscape = (...systemLines: string[]): string => yaml('landscape: Test', 'systems:', ...systemLines.map((line) => `  ${line}`));

describe(RULE, () => {
  it('reports supportConnection solman or focused-run without naming the relay, at the value', () => {
    expectRule(RULE, landscape('PRD:', '  product: abap', '  supportConnection: solman', 'QAS: { product: abap, supportConnection: focused-run }'), [
      { line: 5, severity: 'error', message: /System PRD reaches SAP through SAP Solution Manager.*add solman: <SID>/ },
      { line: 6, message: /System QAS reaches SAP through SAP Focused Run.*add focusedRun: <SID>/ },
    ]);
  });

  it('reports a relay SID that no checked file declares', () => {
    const findings = expectRule(RULE, landscape('PRD: { product: abap, supportConnection: solman, solman: SM9 }', 'QAS: { product: abap, focusedRun: FR9 }'), [
      { line: 3, message: /PRD names SM9 as its SAP Solution Manager.*no checked landscape file declares SM9/ },
      { line: 4, message: /QAS names FR9 as its SAP Focused Run/ },
    ]);
    assert.equal(findings[0].sid, 'PRD');
  });

  it('reports a relay declared with another product, pointing at that declaration in its own file', () => {
    const findings = check(
      {
        'a.landscape.yaml': landscape('PRD: { product: abap, supportConnection: solman, solman: QAS }', 'DEV: { product: abap, focusedRun: SM1 }'),
        'b.landscape.yaml': landscape('QAS:', '  product: abap', 'SM1: { product: solman }'),
      },
      { rules: [RULE] },
    );
    expectFindings(findings, [
      { rule: RULE, path: 'a.landscape.yaml', line: 3, message: /QAS is declared with product: abap/ },
      { rule: RULE, path: 'a.landscape.yaml', line: 4, message: /SM1 is declared with product: solman/ },
    ]);
    assert.deepEqual(findings[0].related.map((related) => [related.path, related.range.start.line + 1]), [['b.landscape.yaml', 3]]);
  });

  it('accepts relays declared in any checked file with the right product', () => {
    const findings = check(
      {
        'a.landscape.yaml': landscape('PRD: { product: abap, supportConnection: solman, solman: SM1 }', 'QAS: { product: abap, supportConnection: focused-run, focusedRun: FR1 }'),
        'b.landscape.yaml': landscape('SM1: { product: solman, solman: SM1 }', 'FR1: { product: focused-run }'),
      },
      { rules: [RULE] },
    );
    expectFindings(findings, []);
  });

  it('resolves a relay within its own landscape first: two customers may each have an SM1', () => {
    const customer = (name: string, product: string): string => yaml(`landscape: ${name}`, 'systems:', '  PRD: { product: abap, supportConnection: solman, solman: SM1 }', `  SM1: { product: ${product} }`);
    expectFindings(check({ 'contoso.landscape.yaml': customer('Contoso', 'solman'), 'fabrikam.landscape.yaml': customer('Fabrikam', 'abap') }, { rules: [RULE] }), [
      { rule: RULE, path: 'fabrikam.landscape.yaml', line: 3, message: /SM1 is declared with product: abap/ },
    ]);
  });

  it('reports a relay that only several other landscapes declare as ambiguous, naming them', () => {
    const findings = check(
      {
        'contoso.landscape.yaml': yaml('landscape: Contoso', 'systems:', '  SM1: { product: solman }'),
        'fabrikam.landscape.yaml': yaml('landscape: Fabrikam', 'systems:', '  SM1: { product: solman }'),
        'northwind.landscape.yaml': yaml('landscape: Northwind', 'systems:', '  PRD: { product: abap, supportConnection: solman, solman: SM1 }'),
      },
      { rules: [RULE] },
    );
    expectFindings(findings, [
      { rule: RULE, path: 'northwind.landscape.yaml', line: 3, message: /SM1 is declared in landscapes "Contoso" \(contoso\.landscape\.yaml\) and "Fabrikam" \(fabrikam\.landscape\.yaml\), not in this landscape/ },
    ]);
    assert.equal(findings[0].related.length, 2);
  });

  it('leaves odd input to the schema', () => {
    expectRule(RULE, landscape('PRD: { product: abap, supportConnection: solman, solman: sm1 }', 'SM1: { role: x }', 'QAS: { product: abap, solman: SM1 }', 'DEV: { product: abap, supportConnection: direct }', 'SBX: 12'), []);
  });

  it('raises no false alarm on the example landscape of the issue', () => {
    const text = yaml(
      'landscape: ACME',
      'saprouter: /H/saprouter.acme.example/S/3299',
      'systems:',
      '  PRD:',
      '    product: abap',
      '    rfcDestinations:',
      '      SAPOSS: { type: "3", target: /H/saprouter.acme.example/S/sapdp99/H/147.204.2.5/S/sapdp99/H/oss001, status: deactivated, deactivatedOn: 2026-11-10 }',
      '    serviceConnections:',
      '      r3-support: { window: { from: 2026-11-20T08:00:00Z, until: 2026-11-27T18:00:00Z } }',
      '      ssh: { host: prd-ci.acme.example, user: sapsupport }',
      '    logonData:',
      '      - { user: SAPSUPPORT, client: "100", expires: 2026-12-01, secret: PRD/SAPSUPPORT }',
    );
    const ours = ['note-assistant-signed-notes', 'support-route', 'logon-data-expiry', 'service-connection-window', 'unknown-connection-type', 'saprouter-route', 'duplicate-declaration'];
    expectFindings(check(text, { rules: ours }), []);
  });

  it('reports a relay that has no connection to SAP itself (supportConnection: none): the data reaches nobody', () => {
    const findings = check(
      {
        'bw.landscape.yaml': landscape('BWP: { product: abap, supportConnection: focused-run, focusedRun: FRN }', 'PIJ: { product: java, supportConnection: solman, solman: SM2 }'),
        'alm.landscape.yaml': landscape('FRN: { product: focused-run, release: "4.0", supportConnection: none }', 'SM2: { product: solman, release: "7.2", sps: 14, supportConnection: solman, solman: SM3 }', 'SM3: { product: solman, release: "7.2", sps: 18, supportConnection: direct }'),
      },
      { rules: [RULE] },
    );
    expectFindings(findings, [
      { rule: RULE, path: 'bw.landscape.yaml', line: 3, severity: 'error', message: /BWP sends its data through SAP Focused Run FRN, but FRN has no connection to SAP \(supportConnection: none\): the data reaches nobody/ },
      { rule: RULE, path: 'bw.landscape.yaml', line: 4, severity: 'warning', message: /SM2, which itself declares supportConnection: solman/ },
    ]);
    assert.deepEqual(findings[0].related.map((related) => `${related.path}:${related.range.start.line + 1}`), ['alm.landscape.yaml:3']);
  });
});
