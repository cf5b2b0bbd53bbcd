import { strict as assert } from 'assert';
import { applyFix, expectRule, prdSystem, yaml } from '../../helpers';

const system = (...destinationLines: string[]): string => prdSystem([], destinationLines);

describe('legacy-rfc-destination', () => {
  it('reports active destinations with a legacy name as errors', () => {
    expectRule('legacy-rfc-destination', system('SAPOSS: { type: "3" }', 'SDCC_OSS: { type: "3", status: active }'), [
      { line: 6, severity: 'error', message: /SAPOSS .*legacy RFC.*system PRD/ },
      { line: 7, severity: 'error', message: /SDCC_OSS/ },
    ]);
  });

  it('reports possibly legacy names as warnings', () => {
    expectRule('legacy-rfc-destination', system('SAPNET_RFC: { type: "3" }'), [{ line: 6, severity: 'warning', message: /probably/ }]);
  });

  it('reports any destination routed to SAP\'s old support system, whatever its name', () => {
    expectRule('legacy-rfc-destination', system(
      'MY_OSS: { type: "3", target: /H/saprouter.acme.example/S/sapdp99/H/147.204.2.5/S/sapdp99/H/oss001/S/sapdp01 }',
      'OLD_MS: { type: "3", target: /M/somehost/S/sapmsO01/G/PUBLIC }',
      'OLD_SID: { type: "3", target: /R/O01/G/SPACE }',
      'DIRECT: { type: "3", host: sapserv3 }',
    ), [
      { line: 6, message: /routed to 147\.204\.2\.5/ },
      { line: 7, message: /sapmsO01/ },
      { line: 8, message: /system O01/ },
      { line: 9, message: /sapserv3/ },
    ]);
  });

  it('does not report deactivated, modern or Solution Manager destinations', () => {
    expectRule('legacy-rfc-destination', system(
      'SAPOSS: { type: "3", status: deactivated, deactivatedOn: 2026-11-10 }',
      'SAP-SUPPORT_PORTAL: { type: H, host: apps.support.sap.com, port: 443 }',
      'SM_PRDCLNT100_BACK: { type: "3", target: /H/solman.acme.example/S/sapdp00 }',
      'SAPOSS_HELPER: { type: "3", target: /H/sapserv33.acme.example/S/3299 }',
    ), []);
  });

  it('takes names and hosts from options', () => {
    expectRule('legacy-rfc-destination', system('SAPOSS: { type: "3" }', 'OUR_OLD: { type: "3" }'), [{ line: 7 }], {
      options: { rules: { 'legacy-rfc-destination': { legacyNames: ['OUR_OLD'] } } },
    });
  });

  it('fixes a flow-style destination by marking it deactivated today, keeping comments', () => {
    const text = system('SAPOSS: { type: "3", target: /H/oss001 }   # keep this comment');
    const [finding] = expectRule('legacy-rfc-destination', text, [{ line: 6 }]);
    const fixed = applyFix(text, finding);
    assert.match(fixed, /SAPOSS: \{ type: "3", target: \/H\/oss001, status: deactivated, deactivatedOn: 2026-11-23 \}   # keep this comment/);
    expectRule('legacy-rfc-destination', fixed, []);
  });

  it('fixes a block-style destination by replacing its status and adding the date', () => {
    const text = system('SAPOSS:', '  type: "3"   # ABAP', '  status: active', '  description: old OSS link');
    const [finding] = expectRule('legacy-rfc-destination', text, [{ line: 6 }]);
    const fixed = applyFix(text, finding);
    assert.equal(fixed, system('SAPOSS:', '  type: "3"   # ABAP', '  status: deactivated', '  description: old OSS link', '  deactivatedOn: 2026-11-23'));
  });

  it('does not take a customer system named O01 for SAP\'s old support system', () => {
    const text = yaml('landscape: x', 'systems:', '  O01: { product: abap }', '  PRD:', '    product: abap', '    rfcDestinations:', '      O01CLNT100: { type: "3", target: /M/o01-ms.acme.example/S/sapmsO01/G/PUBLIC }', '      O01SYS: { type: "3", target: /R/O01/G/SPACE }');
    expectRule('legacy-rfc-destination', text, []);
  });

  it('titles the fix by what it records', () => {
    const [finding] = expectRule('legacy-rfc-destination', system('SAPOSS: { type: "3" }'), [{ line: 6 }]);
    assert.equal(finding.fixes[0].title, 'Record SAPOSS as deactivated in SM59 on 2026-11-23');
  });

  it('on SAP_BASIS 700-731 names what replaces SNOTE\'s RFC: the Download Service or manual upload', () => {
    const text = prdSystem(['components: { SAP_BASIS: { release: "731", sp: 20 } }'], ['SAPOSS: { type: "3" }', 'SDCC_OSS: { type: "3" }']);
    const [saposs, sdcc] = expectRule('legacy-rfc-destination', text, [
      { line: 7, message: /On SAP_BASIS 731 SNOTE gets notes through the Download Service instead \(SAP Note 2928592\) or by manual upload \(SAP Note 2865380\)/ },
      { line: 8 },
    ]);
    assert.deepEqual(saposs.notes, ['2923799', '2928592', '2865380']);
    assert.doesNotMatch(sdcc.message, /Download Service/);
    expectRule('legacy-rfc-destination', prdSystem(['components: { SAP_BASIS: { release: "750" } }'], ['SAPOSS: { type: "3" }']), [{ line: 7, message: /then delete it\.$/ }]);
  });

  it('does not call SAPSNOTE legacy when it points at the landscape\'s own Download Service system', () => {
    const text = yaml(
      'landscape: Test',
      'systems:',
      '  ECC:',
      '    product: abap',
      '    noteAssistant: { used: true, procedure: download-service, downloadService: DLS }',
      '    rfcDestinations:',
      '      SAPSNOTE: { type: "3", target: /H/saprouter.acme.example/S/3299/H/dls-ci.acme.example/S/sapgw00 }',
      '  DLS: { product: abap, host: dls-ci.acme.example }',
    );
    expectRule('legacy-rfc-destination', text, []);
    expectRule('legacy-rfc-destination', text.replace('/H/dls-ci.acme.example', '/H/147.204.2.5/S/sapdp99/H/oss001'), [{ line: 7, severity: 'error', message: /routed to 147\.204\.2\.5/ }]);
    expectRule('legacy-rfc-destination', text.replace('/H/dls-ci.acme.example/S/sapgw00', '/H/somewhere.example'), [{ line: 7, severity: 'error', message: /SAPSNOTE is a destination to SAP's legacy RFC/ }]);
  });
});
