import { strict as assert } from 'assert';
import { expectRule, yaml } from '../../helpers';

const RULE = 'https-client';

/** PRD with a connection and an sslClient line (line 6). */
const system = (connection: string, sslClient: string, extra: string[] = []): string =>
  yaml('landscape: Test', 'systems:', '  PRD:', '    product: abap', `    supportConnection: ${connection}`, `    sslClient: ${sslClient}`, ...extra);

describe(RULE, () => {
  it('reports an SSL client PSE without SAP\'s root certificates on a system that talks HTTPS to SAP', () => {
    const [finding] = expectRule(RULE, system('direct', '{ sapRootCertificates: false }'), [{ line: 6, severity: 'error', message: /lacks SAP's root certificates.*STRUST.*SAP Note 2631190/ }]);
    assert.deepEqual(finding.notes, ['2631190']);
    const snote = system('solman', '{ sapRootCertificates: false }', ['    components: { SAP_BASIS: { release: "758" } }', '    noteAssistant: { used: true }']);
    expectRule(RULE, snote, [{ line: 6, severity: 'error' }]);
  });

  it('warns about a CommonCryptoLib below the minimum, comparing versions part by part', () => {
    expectRule(RULE, system('direct', '{ commonCryptoLib: "8.4.47" }'), [{ line: 6, severity: 'warning', message: /CommonCryptoLib 8\.4\.47 in system PRD is below 8\.4\.48.*confidence C/ }]);
    expectRule(RULE, system('direct', '{ commonCryptoLib: "8.5.9", sapRootCertificates: true }'), []);
    expectRule(RULE, system('direct', '{ commonCryptoLib: "8.5.9" }'), [{ line: 6 }], { options: { rules: { [RULE]: { minimumCommonCryptoLib: '8.5.10' } } } });
  });

  it('does not report systems that do not talk HTTPS to SAP themselves, unrecorded values, or systems SAP operates', () => {
    expectRule(RULE, system('solman', '{ commonCryptoLib: "8.4.30", sapRootCertificates: false }'), []);
    expectRule(RULE, system('direct', '{}'), []);
    expectRule(RULE, system('direct', '{ sapRootCertificates: false }', ['    operatedBy: sap']), []);
    expectRule(RULE, system('solman', '{ sapRootCertificates: false }', ['    components: { SAP_BASIS: { release: "731" } }', '    noteAssistant: { used: true, procedure: manual }']), []);
  });
});
