import { strict as assert } from 'assert';
import { applyFix, expectRule, prdSystem, yaml } from '../../helpers';

const RULE = 'backbone-destination-config';

/** System PRD with optional own lines; its destinations start on line 6 + own lines. */
const system = (destinations: string[], ownLines: string[] = []): string => prdSystem(ownLines, destinations);

describe(RULE, () => {
  it('reports a wrong host at the host, another port at the port, a missing user at the destination', () => {
    const text = system([
      'SAP-SUPPORT_PORTAL: { type: H, host: apps, port: 443, user: S0023456789 }',
      'SAP-SUPPORT_PARCELBOX: { type: G, host: documents.support.sap.com, port: 8443, user: S0023456789 }',
      'SAP-SUPPORT_NOTE_DOWNLOAD: { type: G, host: notesdownloads.sap.com, port: 443 }',
    ]);
    const lines = text.split('\n');
    const [host, port, user] = expectRule(RULE, text, [
      { line: 6, severity: 'error', message: /SAP-SUPPORT_PORTAL in system PRD points at apps, not apps\.support\.sap\.com: HTTPS needs SAP's fully qualified host name/ },
      { line: 7, severity: 'error', message: /SAP-SUPPORT_PARCELBOX in system PRD uses port 8443.*port 443/ },
      { line: 8, severity: 'error', message: /SAP-SUPPORT_NOTE_DOWNLOAD in system PRD has no logon user/ },
    ]);
    assert.equal(host.sid, 'PRD');
    assert.equal(host.range.start.character, lines[5].indexOf('apps,'), 'at the host value');
    assert.equal(port.range.start.character, lines[6].indexOf('8443'), 'at the port value');
    assert.equal(user.range.start.character, lines[7].indexOf('SAP-'), 'at the destination key');
    assert.deepEqual(user.fixes, [], 'no user to propose without a communicationUser');
  });

  it('reports several problems of one destination separately', () => {
    expectRule(RULE, system(['SAP-SUPPORT_PORTAL:', '  type: H', '  host: apps.support.sap.com.evil.example', '  port: 80']), [
      { line: 6, message: /has no logon user/ },
      { line: 8, message: /points at apps\.support\.sap\.com\.evil\.example/ },
      { line: 9, message: /uses port 80/ },
    ]);
  });

  it('does not report correct destinations, unrecorded host or port, deactivated or other destinations', () => {
    expectRule(RULE, system([
      'SAP-SUPPORT_PORTAL: { type: H, host: apps.support.sap.com, port: 443, user: S0023456789 }',
      'SAP-SUPPORT_PARCELBOX: { type: G, host: Documents.Support.SAP.com, user: S0023456789 }',
      'SAP-SUPPORT_NOTE_DOWNLOAD: { type: G, user: S0023456789 }',
      'SAPOSS: { type: "3", host: oss001, status: deactivated }',
      'OWN_HTTP: { type: G, host: intranet, port: 8080 }',
    ]), []);
    expectRule(RULE, system(['SAP-SUPPORT_PORTAL: { type: H, host: apps, port: 80, status: deactivated }']), []);
    expectRule(RULE, system(['SAP-SUPPORT_PORTAL: { type: H, host: apps.support.sap.com, port: "443", user: S0023456789 }']), []);
    expectRule(RULE, yaml('landscape: Test', 'systems:', '  PRD: { product: abap, rfcDestinations: [] }'), []);
  });

  it('takes names, hosts and port from options', () => {
    const options = { rules: { [RULE]: { portal: { name: 'SAP-SUPPORT_PORTAL', type: 'H', host: 'apps.example' }, port: 8443 } } };
    expectRule(RULE, system([
      'SAP-SUPPORT_PORTAL: { type: H, host: apps.example, port: 8443, user: S0023456789 }',
      'SAP-SUPPORT_PARCELBOX: { type: G, host: documents.support.sap.com, port: 443, user: S0023456789 }',
    ]), [{ line: 7, message: /uses port 443.*port 8443/ }], { options });
  });

  it('fixes host and port in place, keeping comments', () => {
    const text = system(['SAP-SUPPORT_PORTAL:   # HTTPS', '  type: H', '  host: apps   # short name', '  port: 8443', '  user: S0023456789']);
    const [host, port] = expectRule(RULE, text, [{ line: 8 }, { line: 9 }]);
    const fixedHost = applyFix(text, host);
    assert.equal(fixedHost, text.replace('host: apps   #', 'host: apps.support.sap.com   #'));
    const fixed = applyFix(fixedHost, expectRule(RULE, fixedHost, [{ line: 9 }])[0]);
    assert.equal(fixed, fixedHost.replace('port: 8443', 'port: 443'));
    expectRule(RULE, fixed, []);
    assert.equal(applyFix(text, port), text.replace('port: 8443', 'port: 443'));
  });

  it('fixes a missing user with the system\'s communication user once it is declared as technical, and offers none otherwise', () => {
    const declared = yaml('landscape: Test', 'users:', '  S0023456789: { kind: technical }', 'systems:', '  PRD:', '    product: abap', '    communicationUser: S0023456789', '    rfcDestinations:', '      SAP-SUPPORT_NOTE_DOWNLOAD: { type: G, host: notesdownloads.sap.com, port: 443 }');
    const [finding] = expectRule(RULE, declared, [{ line: 9, message: /enter the technical communication user in SM59 \(S0023456789, a declared technical communication user\)/ }]);
    const fixed = applyFix(declared, finding);
    assert.equal(fixed, declared.replace('port: 443 }', 'port: 443, user: S0023456789 }'));
    expectRule(RULE, fixed, []);
    const undeclared = system(['SAP-SUPPORT_NOTE_DOWNLOAD: { type: G, host: notesdownloads.sap.com, port: 443 }'], ['communicationUser: S0023456789']);
    assert.deepEqual(expectRule(RULE, undeclared, [{ line: 7, message: /no logon user.*record it as user\.$/ }])[0].fixes, []);
  });

  it('reports a PARCELBOX path prefix other than /parcel/, with a fix', () => {
    const text = system(['SAP-SUPPORT_PARCELBOX: { type: G, host: documents.support.sap.com, port: 443, path: /upload, user: S1 }']);
    const [finding] = expectRule(RULE, text, [{ line: 6, message: /has the path prefix \/upload: SAP's documents\.support\.sap\.com expects \/parcel\// }]);
    expectRule(RULE, applyFix(text, finding), []);
  });

  it('accepts a destination through a SAProuter or an HTTP proxy, and its fixes keep them', () => {
    const text = system([
      'SAP-SUPPORT_PORTAL: { type: H, host: apps.support.sap.com, port: 443, user: S1, saprouter: /H/saprouter.acme.example/S/3299 }',
      'SAP-SUPPORT_NOTE_DOWNLOAD: { type: G, host: notesdownloads.sap.com, port: 8443, user: S1, proxyHost: proxy.acme.example, proxyPort: 8080 }',
    ]);
    const [port] = expectRule(RULE, text, [{ line: 7, message: /uses port 8443/ }]);
    const fixed = applyFix(text, port);
    assert.match(fixed, /port: 443, user: S1, proxyHost: proxy\.acme\.example, proxyPort: 8080 \}/);
    assert.match(fixed, /saprouter: \/H\/saprouter\.acme\.example\/S\/3299 \}/);
    expectRule(RULE, fixed, []);
    expectRule('schema', fixed, []);
  });

  it('does not apply to a system SAP operates (SAP maintains its SM59)', () => {
    expectRule(RULE, system(['SAP-SUPPORT_PORTAL: { type: H, host: apps, port: 80 }'], ['operatedBy: sap']), []);
  });
});
