import { strict as assert } from 'assert';
import { resolveOptions } from '../../../src/core/config/options';
import { checkLandscapes } from '../../../src/core/engine';
import { RULES } from '../../../src/core/rules/registry';
import { matchesPattern, parseRouttab, serviceMatches } from '../../../src/core/saprouttab/parse';
import { yaml } from '../../helpers';

const RULE = 'saprouttab-permission';
const options = resolveOptions(RULES, { now: '2026-11-23' });

function findings(landscape: string, routtab: string | undefined) {
  const readCompanion = (relativePath: string) => (routtab === undefined ? { ok: false as const, path: relativePath, message: 'no such file' } : { ok: true as const, path: relativePath, text: routtab });
  return checkLandscapes([{ path: 'a.landscape.yaml', text: landscape, readCompanion }], options).findings.filter((finding) => finding.ruleId === RULE);
}

const landscape = (...connections: string[]) =>
  yaml('landscape: Test', 'saprouttab: saprouttab', 'systems:', '  PRD:', '    product: abap', '    host: prd-ci.acme.example', '    instance: "00"', '    serviceConnections:', ...connections.map((line) => `      ${line}`));
const OPEN = 'window: { from: 2026-11-20T08:00:00Z, until: 2026-11-27T18:00:00Z }';

describe(RULE, () => {
  it('reports an open service connection that no line permits from SAP, and one a D line denies first', () => {
    const found = findings(landscape(`r3-support: { ${OPEN} }`, `ssh: { ${OPEN} }`), 'D 194.39.131.34 prd-ci.acme.example 22\nP 194.39.131.34 prd-ci.acme.example *\nP 10.1.1.1 prd-ci.acme.example 3200\n');
    assert.deepEqual(
      found.map((finding) => [finding.range.start.line + 1, finding.severity, finding.message]),
      [[10, 'warning', 'The ssh connection of PRD goes to prd-ci.acme.example port 22, which saprouttab:1 denies ("D 194.39.131.34 prd-ci.acme.example 22"). Put a permitting line before line 1 such as "P 147.204.2.5 prd-ci.acme.example 22" (sapready resolves no host names: where the table names the host by its address, write that address as the connection\'s host).']],
    );
  });

  it('resolves no host names: a table that names the host by address permits the connections whose own host is that address', () => {
    const byAddress = 'P 194.39.131.34 10.20.30.40 3200\n';
    assert.match(findings(landscape(`r3-support: { ${OPEN} }`), byAddress).map((finding) => finding.message).join('\n'), /goes to prd-ci\.acme\.example port 3200, which no P, S, KP or KS line/);
    assert.deepEqual(findings(landscape(`r3-support: { host: 10.20.30.40, ${OPEN} }`), byAddress).map((finding) => finding.message), []);
  });

  it('accepts connections permitted by P, S, KP and KS lines from SAP, by port, range, sapdpNN or *', () => {
    for (const line of [
      'P 194.39.131.34 prd-ci.acme.example 3200',
      'S sapserv3 prd-ci.acme.example sapdp00',
      'P 194.39.*.* prd-ci.acme.example 3200-3299',
      'KP "p:CN=sapserv2, OU=SAProuter, O=SAP, C=DE" prd-ci.acme.example 3200',
      'KS * PRD-CI.acme.example *',
    ]) {
      assert.deepEqual(findings(landscape(`r3-support: { ${OPEN} }`), `${line}\n`).map((finding) => finding.message), [], line);
    }
  });

  it('leaves out connections whose window has ended, that have no host, or whose port it cannot know', () => {
    const text = landscape('r3-support: { window: { from: 2026-11-01T08:00:00Z, until: 2026-11-02T18:00:00Z } }', `vnc: { host: prd-ci.acme.example, port: 5901, ${OPEN} }`, `hana: { ${OPEN} }`);
    assert.deepEqual(findings(text, 'P 194.39.131.34 prd-ci.acme.example 5901\n').map((finding) => finding.message), []);
  });

  it('reports P lines with a password as errors, masking the password everywhere', () => {
    const found = findings(landscape(), 'P 194.39.131.34 prd-ci.acme.example 3200 MySecret1\n');
    assert.deepEqual(found.map((finding) => [finding.severity, finding.message]), [
      ['error', 'saprouttab:1: "P 194.39.131.34 prd-ci.acme.example 3200 ********" carries a password in plain text; anyone who reads the table has it. Use SNC (KP/KS lines) or a route password kept elsewhere.'],
    ]);
    assert.doesNotMatch(JSON.stringify(found), /MySecret1/);
  });

  it('warns about permissions to every host and port, and names hosts the landscape does not declare (info)', () => {
    const found = findings(landscape(), '# comment\nP * * *\nP 194.39.131.34 sandbox.acme.example 3200\nP 194.39.131.34 sandbox.acme.example 3201\nD * * *\n');
    assert.deepEqual(found.map((finding) => [finding.severity, finding.message]), [
      ['warning', 'saprouttab:2: "P * * *" permits connections to every host and every port from anywhere; name the hosts and ports SAP Support needs.'],
      ['info', 'saprouttab:3: "P 194.39.131.34 sandbox.acme.example 3200" permits connections to sandbox.acme.example, which no system of the landscape declares as its host, message server or service connection host.'],
    ]);
  });

  it('reports a table it cannot read and lines that are not entries, at the saprouttab value', () => {
    const [missing] = findings(landscape(), undefined);
    assert.equal(missing.message, 'The saprouttab saprouttab cannot be read: no such file.');
    assert.equal(missing.range.start.line, 1);
    assert.deepEqual(findings(landscape(), 'X 1 2 3\nKP "unclosed prd 3200\nP onlysource\n').map((finding) => finding.message), [
      'saprouttab:1: "X" is not an entry type (P, S, D, KP, KS, KD, KT).',
      'saprouttab:2: a quoted SNC name is not closed.',
      'saprouttab:3: a P entry needs at least a source and a destination.',
    ]);
  });

  it('says nothing for a landscape without saprouttab', () => {
    assert.deepEqual(findings(yaml('landscape: Test', 'systems:', '  PRD: { product: abap, host: h, serviceConnections: { ssh: { window: { from: 2026-11-20T08:00:00Z, until: 2026-11-27T18:00:00Z } } } }'), 'P * * *\n'), []);
  });

  it('matches patterns in linear time and services by number, range and name', () => {
    assert.ok(matchesPattern('10.*.*.5', '10.1.2.5'));
    assert.ok(!matchesPattern('10.*.*.5', '10.1.2.6'));
    assert.ok(matchesPattern('*.acme.example', 'PRD.ACME.example'));
    assert.ok(!matchesPattern('a*a', 'a'));
    const started = Date.now();
    assert.ok(!matchesPattern('*a'.repeat(2000) + 'b', 'a'.repeat(20000)));
    assert.ok(Date.now() - started < 2000);
    assert.ok(serviceMatches('sapdp05', 3205) && serviceMatches('sapgw05', 3305) && serviceMatches('3200-3299', 3250) && !serviceMatches('3200', 3201));
    assert.deepEqual(parseRouttab('KT "p:CN=sapserv2, OU=SAProuter, O=SAP, C=DE" 194.39.131.34 *').entries[0], {
      line: 1, action: 'KT', source: 'p:CN=sapserv2, OU=SAProuter, O=SAP, C=DE', destination: '194.39.131.34', service: '*', hasPassword: false,
    });
  });
});
