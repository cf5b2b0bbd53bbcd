import { strict as assert } from 'assert';
import { check, expectFindings, expectRule, yaml } from '../../helpers';

const RULE = 'note-assistant-procedure';

/** PRD on a SAP_BASIS release with SNOTE used (noteAssistant on line 6), plus SM1, an ABAP Download Service system. */
const landscape = (basis: string, noteAssistant: string, extra: string[] = []): string =>
  yaml(
    'landscape: Test',
    'systems:',
    '  PRD:',
    '    product: abap',
    `    components: { SAP_BASIS: { release: "${basis}", sp: 20 } }`,
    `    noteAssistant: { used: true, digitallySignedNotes: true${noteAssistant} }`,
    ...extra,
    '  SM1: { product: solman, release: "7.2", sps: 18 }',
  );

describe(RULE, () => {
  it('reports procedure: https below SAP_BASIS 740, naming the Download Service and manual upload', () => {
    const [finding] = expectRule(RULE, landscape('731', ', procedure: https'), [
      { line: 6, severity: 'error', message: /SNOTE in system PRD cannot download over HTTPS on SAP_BASIS 731.*procedure: download-service, SAP Note 2928592.*procedure: manual, SAP Note 2865380/ },
    ]);
    assert.deepEqual(finding.notes, ['2408073', '2928592', '2865380']);
  });

  it('warns when SNOTE is used on SAP_BASIS 700-731 without a procedure: RFC is closed', () => {
    expectRule(RULE, landscape('702', ''), [{ line: 6, severity: 'warning', message: /SAP_BASIS 702, which cannot download SAP Notes over RFC since 2020-11-30.*procedure: download-service/ }]);
    expectRule(RULE, landscape('731', ', procedure: manual'), []);
  });

  it('needs a declared ABAP Download Service system with procedure: download-service', () => {
    expectRule(RULE, landscape('731', ', procedure: download-service'), [{ line: 6, message: /does not say which system runs it: add downloadService: <SID>/ }]);
    expectRule(RULE, landscape('731', ', procedure: download-service, downloadService: SM9'), [{ line: 6, message: /Download Service system SM9 of PRD is not declared in this landscape/ }]);
    const hana = yaml('landscape: Test', 'systems:', '  PRD:', '    product: abap', '    noteAssistant: { used: true, procedure: download-service, downloadService: HDB }', '  HDB: { product: hana }');
    expectRule(RULE, hana, [{ line: 5, message: /declared with product: hana: the Download Service runs on an ABAP system/ }]);
    expectRule(RULE, landscape('740', ', procedure: download-service, downloadService: SM1'), []);
  });

  it('warns when the system lists its RFC destinations but not SAPSNOTE, the way to the Download Service', () => {
    const without = landscape('731', ', procedure: download-service, downloadService: SM1', ['    rfcDestinations:', '      SM_SM1CLNT100_BACK: { type: "3" }']);
    expectRule(RULE, without, [{ line: 7, severity: 'warning', message: /reaches the Download Service on SM1 through RFC destination SAPSNOTE, which rfcDestinations does not list/ }]);
    const withIt = landscape('731', ', procedure: download-service, downloadService: SM1', ['    rfcDestinations:', '      SAPSNOTE: { type: "3", target: /H/sm1-ci.acme.example/S/sapgw00 }']);
    expectRule(RULE, withIt, []);
  });

  it('reports an SAP_BASIS release the table does not know as unknown (info), and knows 758 and 816', () => {
    expectRule(RULE, landscape('759', ''), [{ line: 5, severity: 'info', message: /SAP_BASIS 759 in system PRD is not in the table of known releases/ }]);
    expectRule(RULE, landscape('758', ''), []);
    expectRule(RULE, landscape('816', ', procedure: https'), []);
  });

  it('does not apply to Java, HANA, unused SNOTE or systems SAP operates', () => {
    const others = yaml(
      'landscape: Test',
      'systems:',
      '  JPR: { product: java, noteAssistant: { used: true, procedure: https } }',
      '  PRD: { product: abap, components: { SAP_BASIS: { release: "731" } }, noteAssistant: { used: false, procedure: https } }',
      '  RIS: { product: abap, operatedBy: sap, components: { SAP_BASIS: { release: "731" } }, noteAssistant: { used: true } }',
    );
    expectRule(RULE, others, []);
  });

  it('resolves the Download Service within the landscape, as relays are', () => {
    const findings = check(
      {
        'a.landscape.yaml': yaml('landscape: A', 'systems:', '  PRD: { product: abap, noteAssistant: { used: true, procedure: download-service, downloadService: DLS } }'),
        'b.landscape.yaml': yaml('landscape: B', 'systems:', '  DLS: { product: abap }'),
        'c.landscape.yaml': yaml('landscape: C', 'systems:', '  DLS: { product: abap }'),
      },
      { rules: [RULE] },
    );
    expectFindings(findings, [{ rule: RULE, path: 'a.landscape.yaml', line: 3, message: /DLS of PRD is declared in landscapes "B" \(b\.landscape\.yaml\) and "C" \(c\.landscape\.yaml\)/ }]);
  });
});
