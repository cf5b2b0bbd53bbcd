import { strict as assert } from 'assert';
import { assertExit, NOW, parseJson, positions, runCli } from './run-cli';

describe('sapready check with a saprouttab', () => {
  it('reads the saprouttab the landscape names, relative to the landscape file', () => {
    const result = runCli(['check', 'saprouttab', '--now', NOW, '--format', 'json']);
    assertExit(result, 1);
    const report = parseJson(result);
    const own = report.findings.filter((finding) => finding.ruleId === 'saprouttab-permission');
    assert.deepEqual(positions({ ...report, findings: own }), [
      'saprouttab/remote.landscape.yaml:2:13 saprouttab-permission',
      'saprouttab/remote.landscape.yaml:2:13 saprouttab-permission',
      'saprouttab/remote.landscape.yaml:2:13 saprouttab-permission',
      'saprouttab/remote.landscape.yaml:2:13 saprouttab-permission',
      'saprouttab/remote.landscape.yaml:10:7 saprouttab-permission',
      'saprouttab/remote.landscape.yaml:23:7 saprouttab-permission',
    ]);
    const expected = [
      /^The r3-support connection of DEV goes to dev-ci\.acme\.example port 3200, which no P, S, KP or KS line of saprouttab\/saprouttab permits/,
      /^The ssh connection of PRD goes to prd-db\.acme\.example port 22, which saprouttab\/saprouttab:9 denies/,
      /^saprouttab\/saprouttab:12: "P 194\.39\.131\.34 sandbox\.acme\.example sapdp00" permits connections to sandbox\.acme\.example, which no system/,
      /^saprouttab\/saprouttab:16: "P 10\.0\.0\.0 \* \*" permits connections to every host and every port;/,
      /^saprouttab\/saprouttab:17: "this" is not an entry type/,
      /^saprouttab\/saprouttab:7: "P 194\.39\.131\.34 qas-ci\.acme\.example 3210 \*{8}" carries a password in plain text/,
    ];
    const messages = own.map((finding) => finding.message).sort();
    assert.equal(messages.length, expected.length);
    messages.forEach((message, index) => assert.match(message, expected[index]));
  });

  it('never prints the password of a P line, in any format', () => {
    for (const format of ['text', 'json', 'sarif', 'junit', 'markdown', 'html']) {
      const result = runCli(['check', 'saprouttab', '--now', NOW, '--format', format]);
      assertExit(result, 1);
      assert.doesNotMatch(result.stdout + result.stderr, /s3cr3tRoutePw/, format);
      if (format !== 'markdown' && format !== 'html') assert.match(result.stdout, /qas-ci\.acme\.example 3210 \*{8}/, format);
    }
  });
});
