import { strict as assert } from 'assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, input: '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli: sapready verify / import without the SAP NW RFC SDK (this machine)', () => {
  const secret = 'pw-that-must-never-appear';

  it('verify --source rfc exits 2 with the SDK how-to, before asking for a password', () => {
    const result = run(['verify', 'examples/acme', '--system', 'PRD', '--source', 'rfc', '--user', 'RFCUSER'], { SAPREADY_RFC_PASSWORD: secret });
    assert.equal(result.code, 2, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^sapready: node-rfc is not installed .*SAP NetWeaver RFC SDK.*SAPNWRFC_HOME.*LD_LIBRARY_PATH.*npm install node-rfc.*Every other feature works without it\.\n$/);
    assert.ok(!result.stderr.includes(secret));
  });

  it('import exits 2 with the same message', () => {
    const result = run(['import', 'examples/acme', '--system', 'PRD']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /SAPNWRFC_HOME/);
  });

  it('usage errors come first: no --system, an undeclared system, a system without logon data', () => {
    assert.match(run(['verify', 'examples/acme']).stderr, /--system SID or --all is required/);
    assert.match(run(['verify', 'examples/acme', '--system', 'XYZ']).stderr, /System XYZ is not declared in/);
    const folder = mkdtempSync(join(tmpdir(), 'sapready-verify-'));
    try {
      writeFileSync(join(folder, 'a.landscape.yaml'), 'landscape: A\nsystems:\n  PRD: { product: abap, host: prd }\n');
      const result = run(['verify', join(folder, 'a.landscape.yaml'), '--system', 'PRD']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /System PRD declares no client/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    assert.match(run(['verify', 'examples/acme', '--system', 'PRD', '--password', 'x']).stderr, /Unknown option '--password'/);
  });

  it('check keeps working and `rules` lists the live rules as verify-only', () => {
    assert.equal(run(['check', 'examples/acme', '--now', '2026-11-23']).code, 0);
    const text = run(['rules']).stdout;
    assert.match(text, /Only with sapready verify[^\n]*\n(live-[a-z-]+ .*\n){4}$/);
    const json = JSON.parse(run(['rules', '--format', 'json']).stdout) as Array<{ id: string; command?: string }>;
    assert.deepEqual(json.filter((rule) => rule.command === 'verify').map((rule) => rule.id), ['live-destination-drift', 'live-component-drift', 'live-note-assistant', 'live-connection']);
  });
});
