import { strict as assert } from 'assert';
import { applyFix, expectRule, yaml } from '../../helpers';

const RULE = 'saprouter-route';
const router = (route: string): string => yaml('landscape: Test', `saprouter: ${route}`);
const targets = (...destinationLines: string[]): string =>
  yaml('landscape: Test', 'systems:', '  PRD:', '    product: abap', '    rfcDestinations:', ...destinationLines.map((line) => `      ${line}`));

describe(RULE, () => {
  it('accepts well-formed routes and the message-server forms of SM59 targets', () => {
    expectRule(RULE, router('/H/saprouter.acme.example/S/3299'), []);
    expectRule(RULE, router('"/H/saprouter.acme.example/S/sapdp99/H/10.0.0.1"'), []);
    expectRule(RULE, targets(
      'SAPOSS: { type: "3", target: /H/saprouter.acme.example/S/sapdp99/H/147.204.2.5/S/sapdp99/H/oss001, status: deactivated, deactivatedOn: 2026-11-10 }',
      'MS: { type: "3", target: /M/somehost/S/sapmsO01/G/PUBLIC }',
      'LB: { type: "3", target: /H/router/S/3299/M/msgserver/S/sapmsPRD/R/PRD/G/SPACE }',
      'GW: { type: "3", target: /H/router/S/sapgw00s/H/target.example/S/sapdp01s }',
      'PW: { type: "3", target: /H/router/W/secret/H/target.example }',
      'NOTROUTE: { type: H, target: not a route }',
      'NOTARGET: { type: "3", host: prd-ci.acme.example }',
    ), []);
  });

  it('reports lower-case hop letters at the letter and fixes them', () => {
    const text = router('/h/saprouter.acme.example/s/3299   # ours');
    const findings = expectRule(RULE, text, [
      { line: 2, severity: 'error', message: /The saprouter route writes the hop \/h\/ in lower case: write \/H\/\./ },
      { line: 2, message: /\/s\/ in lower case/ },
    ]);
    assert.equal(findings[0].range.start.character, 'saprouter: /'.length);
    assert.equal(findings[0].range.end.character, 'saprouter: /h'.length);
    const once = applyFix(text, findings[0]);
    assert.equal(once, router('/H/saprouter.acme.example/s/3299   # ours'));
    const twice = applyFix(once, expectRule(RULE, once, [{ line: 2 }])[0]);
    assert.equal(twice, router('/H/saprouter.acme.example/S/3299   # ours'));
    expectRule(RULE, twice, []);
  });

  it('fixes a lower-case letter inside quotes', () => {
    const text = targets('X: { type: "3", target: "/H/router/S/3299/h/target.example" }');
    const fixed = applyFix(text, expectRule(RULE, text, [{ line: 6, message: /The target of X \(system PRD\) writes the hop \/h\// }])[0]);
    assert.equal(fixed, targets('X: { type: "3", target: "/H/router/S/3299/H/target.example" }'));
  });

  it('reports unknown hop letters, hops without a value and text outside hops', () => {
    expectRule(RULE, router('/H/router/M/msgserver'), [{ line: 2, message: /unknown hop \/M\/: the hops are \/H\/, \/S\/, \/W\/\./ }]);
    expectRule(RULE, router('/H//S/3299'), [{ line: 2, message: /\/H\/ hop without a value/ }]);
    expectRule(RULE, router('/H/router/S'), [{ line: 2, message: /\/S\/ hop without a value/ }]);
    expectRule(RULE, router('saprouter.acme.example'), [{ line: 2, message: /"saprouter\.acme\.example" outside a hop/ }]);
    expectRule(RULE, router('/H/router/S/3299/'), [{ line: 2, message: /"\/" outside a hop/ }]);
    expectRule(RULE, targets('X: { type: "3", target: /Host/router }'), [{ line: 6, message: /"\/Host\/router" outside a hop/ }]);
    expectRule(RULE, targets('X: { type: "3", target: /H/router/X/y }'), [{ line: 6, message: /unknown hop \/X\// }]);
  });

  it('reports services that are no port and no SAP service name', () => {
    expectRule(RULE, router('/H/router/S/0'), [{ line: 2, severity: 'error', message: /service 0, which is not a port number/ }]);
    expectRule(RULE, router('/H/router/S/70000'), [{ line: 2, severity: 'error', message: /70000/ }]);
    const text = targets('X: { type: "3", target: /H/router/S/routerport }');
    expectRule(RULE, text, [{ line: 6, severity: 'warning', message: /"routerport", which is neither a port number nor an SAP service name/ }]);
    expectRule(RULE, text, [], { options: { rules: { [RULE]: { serviceNamePatterns: ['^routerport$'] } } } });
  });

  it('takes the accepted hop letters from options', () => {
    expectRule(RULE, router('/H/router/M/msgserver'), [], { options: { rules: { [RULE]: { routerHopLetters: ['H', 'S', 'W', 'M'] } } } });
    expectRule(RULE, targets('X: { type: "3", target: /M/ms/S/sapmsPRD }'), [{ line: 6, message: /unknown hop \/M\// }], {
      options: { rules: { [RULE]: { targetHopLetters: ['H', 'S'] } } },
    });
  });

  it('does not report the /W/ password itself', () => {
    expectRule(RULE, router('/H/router/W/'), []);
  });

  it('warns about /P/, SAP\'s obsolete password hop, instead of calling it unknown', () => {
    const [finding] = expectRule(RULE, router('/H/saprouter.acme.example/H/target.example/P/secret'), [
      { line: 2, severity: 'warning', message: /uses \/P\/, SAP's obsolete password hop \(before release 4\.0A; SAProuter still accepts it/ },
    ]);
    assert.doesNotMatch(finding.message, /unknown hop/);
  });

  it('checks accessRoute (file and system) and the saprouter of HTTP destinations', () => {
    const text = yaml(
      'landscape: Test',
      'accessRoute: /h/gw.partner.example',
      'systems:',
      '  PRD:',
      '    product: abap',
      '    accessRoute: /H/router/X/1',
      '    rfcDestinations:',
      '      SAP-SUPPORT_PORTAL: { type: H, host: apps.support.sap.com, saprouter: /H/saprouter.acme.example/S/99999 }',
    );
    expectRule(RULE, text, [
      { line: 2, message: /The accessRoute writes the hop \/h\/ in lower case/ },
      { line: 6, message: /The accessRoute of PRD has an unknown hop \/X\// },
      { line: 8, message: /The saprouter of SAP-SUPPORT_PORTAL \(system PRD\) has the service 99999/ },
    ]);
  });
});
