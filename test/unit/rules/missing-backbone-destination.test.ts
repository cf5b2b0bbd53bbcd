import { strict as assert } from 'assert';
import { applyFix, check, expectFindings, expectRule, prdSystem, yaml } from '../../helpers';

const RULE = 'missing-backbone-destination';
const PORTAL = 'SAP-SUPPORT_PORTAL: { type: H, host: apps.support.sap.com, port: 443, user: S0023456789 }';
const PARCELBOX = 'SAP-SUPPORT_PARCELBOX: { type: G, host: documents.support.sap.com, port: 443, user: S0023456789 }';
const NOTE_DOWNLOAD = 'SAP-SUPPORT_NOTE_DOWNLOAD: { type: G, host: notesdownloads.sap.com, port: 443, user: S0023456789 }';

const system = prdSystem;

describe(RULE, () => {
  it('reports each missing HTTPS destination of a direct system at rfcDestinations, naming the task list', () => {
    const [parcelBox, portal] = expectRule(RULE, system(['supportConnection: direct'], ['SAPOSS: { type: "3", status: deactivated }']), [
      { line: 6, severity: 'error', message: /System PRD has no HTTPS destination SAP-SUPPORT_PARCELBOX to documents\.support\.sap\.com.*SAP_BASIS_CONFIG_OSS_COMM in transaction STC01/ },
      { line: 6, severity: 'error', message: /SAP-SUPPORT_PORTAL to apps\.support\.sap\.com.*supportConnection: direct/ },
    ]);
    assert.equal(portal.sid, 'PRD');
    assert.deepEqual(portal.notes, ['2738426', '2827658']);
    assert.deepEqual(parcelBox.notes, ['2738426', '2827658']);
  });

  it('reports at the system key when rfcDestinations is missing, without a fix', () => {
    const findings = expectRule(RULE, system(['supportConnection: direct']), [{ line: 3 }, { line: 3 }]);
    assert.deepEqual(findings.map((finding) => finding.fixes.length), [0, 0]);
  });

  it('names the Solution Manager task list on Solution Manager', () => {
    const text = yaml('landscape: Test', 'systems:', '  SM1: { product: solman, release: "7.2", sps: 8, supportConnection: direct, communicationUser: S0023456789 }');
    expectRule(RULE, text, [
      { line: 3, message: /SM1 has no HTTPS destination SAP-SUPPORT_PARCELBOX.*SAP_SUPPORT_HUB_CONFIG/ },
      { line: 3, message: /SM1 has no HTTPS destination SAP-SUPPORT_PORTAL/ },
    ]);
  });

  it('reports SNOTE on SAP_BASIS 740 or higher without the note-download destination, whatever the connection', () => {
    const lines = ['components: { SAP_BASIS: { release: "754", sp: 5 } }', 'supportConnection: solman', 'noteAssistant: { used: true, digitallySignedNotes: true }'];
    const [finding] = expectRule(RULE, system(lines, [PORTAL]), [
      { line: 8, message: /PRD has no HTTPS destination SAP-SUPPORT_NOTE_DOWNLOAD to notesdownloads\.sap\.com, but SNOTE is used on SAP_BASIS 754/ },
    ]);
    assert.deepEqual(finding.notes, ['2408073', '2738426', '2827658']);
  });

  it('needs SAP-SUPPORT_PORTAL as well as SAP-SUPPORT_NOTE_DOWNLOAD for SNOTE over HTTPS: one finding each, with every reason', () => {
    expectRule(RULE, system(['components: { SAP_BASIS: { release: "740" } }', 'noteAssistant: { used: true }'], [NOTE_DOWNLOAD]), [
      { line: 7, message: /no HTTPS destination SAP-SUPPORT_PORTAL to apps\.support\.sap\.com, but SNOTE is used on SAP_BASIS 740, which downloads SAP Notes over HTTPS/ },
    ]);
    expectRule(RULE, system(['components: { SAP_BASIS: { release: "758" } }', 'noteAssistant: { used: true, procedure: https }'], []), [
      { line: 7, message: /SAP-SUPPORT_NOTE_DOWNLOAD.*noteAssistant\.procedure: https/ },
      { line: 7, message: /SAP-SUPPORT_PORTAL.*noteAssistant\.procedure: https/ },
    ]);
    const [portal] = expectRule(RULE, system(['supportConnection: direct', 'components: { SAP_BASIS: { release: "758" } }', 'noteAssistant: { used: true }'], [PARCELBOX, NOTE_DOWNLOAD]), [
      { line: 8, message: /SAP-SUPPORT_PORTAL.*supportConnection: direct\), and SNOTE is used on SAP_BASIS 758/ },
    ]);
    assert.deepEqual(portal.notes, ['2738426', '2827658', '2408073']);
  });

  it('needs no HTTPS destination for SNOTE with the Download Service or manual upload', () => {
    expectRule(RULE, system(['components: { SAP_BASIS: { release: "758" } }', 'noteAssistant: { used: true, procedure: download-service, downloadService: SM1 }'], []), []);
    expectRule(RULE, system(['components: { SAP_BASIS: { release: "731" } }', 'noteAssistant: { used: true, procedure: manual }'], []), []);
  });

  it('does not apply to a system SAP operates, nor to Java or HANA', () => {
    expectRule(RULE, system(['operatedBy: sap', 'supportConnection: direct', 'components: { SAP_BASIS: { release: "758" } }', 'noteAssistant: { used: true }'], []), []);
  });

  it('reports a deactivated backbone destination at its status', () => {
    expectRule(RULE, system(['supportConnection: direct'], [PARCELBOX, 'SAP-SUPPORT_PORTAL: { type: H, status: deactivated }']), [
      { line: 8, message: /SAP-SUPPORT_PORTAL is deactivated in system PRD.*activate it/ },
    ]);
  });

  it('does not report complete systems, non-ABAP products or systems not connected directly', () => {
    const snote = ['components: { SAP_BASIS: { release: "754" } }', 'supportConnection: direct', 'noteAssistant: { used: true }'];
    expectRule(RULE, system(snote, [PORTAL, PARCELBOX, NOTE_DOWNLOAD]), []);
    expectRule(RULE, system(['supportConnection: direct'], ['sap-support_portal: { type: H }', 'SAP-SUPPORT_PARCELBOX: { type: G, status: active }']), []);
    expectRule(RULE, system(['supportConnection: solman'], []), []);
    expectRule(RULE, system(['supportConnection: none'], []), []);
    expectRule(RULE, system([], []), []);
    expectRule(RULE, system(['components: { SAP_BASIS: { release: "731", sp: 20 } }', 'noteAssistant: { used: true }'], []), []);
    expectRule(RULE, system(['components: { SAP_BASIS: { release: "754" } }', 'noteAssistant: { used: false }'], []), []);
    expectRule(RULE, system(['noteAssistant: { used: true }'], []), []); // SAP_BASIS unknown
    expectRule(RULE, system(['components: { SAP_BASIS: { release: next } }', 'noteAssistant: { used: true }'], []), []);
    const java = yaml('landscape: Test', 'systems:', '  JPR: { product: java, supportConnection: direct }', '  HDB: { product: hana, supportConnection: direct }');
    expectRule(RULE, java, []);
    expectRule(RULE, yaml('landscape: Test', 'systems:', '  PRD: abap', '  QAS:', '    supportConnection: direct'), []);
  });

  it('takes names, hosts, products and the SAP_BASIS threshold from options', () => {
    const options = {
      rules: {
        [RULE]: {
          portal: { name: 'OUR_PORTAL', type: 'H', host: 'portal.example' },
          products: ['abap', 'other'],
          noteDownloadFromBasis: 750,
        },
      },
    };
    expectRule(RULE, system(['supportConnection: direct'], ['OUR_PORTAL: { type: H }', PARCELBOX]), [], { options });
    expectRule(RULE, system(['supportConnection: direct'], [PORTAL, PARCELBOX]), [{ line: 6, message: /OUR_PORTAL to portal\.example/ }], { options });
    expectRule(RULE, system(['components: { SAP_BASIS: { release: "740" } }', 'noteAssistant: { used: true }'], []), [], { options });
    const other = yaml('landscape: Test', 'systems:', '  OTH: { product: other, supportConnection: direct }');
    expectRule(RULE, other, [{ line: 3 }, { line: 3 }], { options });
  });

  it('fixes a block-style mapping by adding the destination with its /parcel/ path, without a user the file does not declare as technical', () => {
    const text = system(['supportConnection: direct', 'communicationUser: S0023456789'], ['# HTTPS to SAP', PORTAL]);
    const [finding] = expectRule(RULE, text, [{ line: 7 }]);
    assert.equal(finding.fixes[0].title, 'Add SAP-SUPPORT_PARCELBOX');
    const fixed = applyFix(text, finding);
    assert.equal(fixed, system(['supportConnection: direct', 'communicationUser: S0023456789'], ['# HTTPS to SAP', PORTAL, 'SAP-SUPPORT_PARCELBOX: { type: G, host: documents.support.sap.com, port: 443, path: "/parcel/" }']));
    expectRule(RULE, fixed, []);
  });

  it('fixes with the communication user only when it is a declared technical user, else with a declared technical user', () => {
    const withUsers = (users: string[], communicationUser: string): string =>
      yaml('landscape: Test', 'users:', ...users.map((user) => `  ${user}`), 'systems:', '  PRD:', '    product: abap', '    supportConnection: direct', `    communicationUser: ${communicationUser}`, '    rfcDestinations:', `      ${PORTAL}`);
    const fixedWith = (text: string): string => applyFix(text, check(text, { rules: [RULE] })[0]);
    assert.match(fixedWith(withUsers(['S0023456789: { kind: technical }'], 'S0023456789')), /SAP-SUPPORT_PARCELBOX: \{ .*path: "\/parcel\/", user: S0023456789 \}/);
    const otherTechnical = fixedWith(withUsers(['S0011111111: { kind: s-user }', 'S0022222222: { kind: technical }'], 'S0011111111'));
    assert.match(otherTechnical, /SAP-SUPPORT_PARCELBOX: \{ .*user: S0022222222 \}/);
    expectFindings(check(otherTechnical, { rules: ['technical-user-required'] }).filter((finding) => finding.message.includes('SAP-SUPPORT_PARCELBOX')), []);
    assert.doesNotMatch(fixedWith(withUsers(['S0011111111: { kind: s-user }'], 'S0011111111')), /SAP-SUPPORT_PARCELBOX: \{[^}]*user:/);
  });

  it('fixes an empty flow mapping, without a user when the system declares none', () => {
    const text = yaml('landscape: Test', 'systems:', '  PRD:', '    product: abap', '    components: { SAP_BASIS: { release: "758" } }', '    noteAssistant: { used: true }', '    rfcDestinations: {}   # none yet');
    const fixed = applyFix(text, expectRule(RULE, text, [{ line: 7 }, { line: 7 }])[0]);
    assert.equal(fixed, text.replace('{}', '{ SAP-SUPPORT_NOTE_DOWNLOAD: { type: G, host: notesdownloads.sap.com, port: 443 } }'));
    expectRule(RULE, fixed, [{ line: 7, message: /SAP-SUPPORT_PORTAL/ }]);
  });

  it('quotes option values YAML would misread', () => {
    const options = { rules: { [RULE]: { parcelBox: { name: 'SAP-SUPPORT_PARCELBOX', type: '3', host: 'documents.support.sap.com' } } } };
    const text = system(['supportConnection: direct'], [PORTAL]);
    const fixed = applyFix(text, expectRule(RULE, text, [{ line: 6 }], { options })[0]);
    assert.match(fixed, /SAP-SUPPORT_PARCELBOX: \{ type: "3", host: documents\.support\.sap\.com, port: 443 \}\n$/); // an option without a path: none written
  });
});
