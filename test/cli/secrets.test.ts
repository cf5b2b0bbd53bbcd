import { strict as assert } from 'assert';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { assertExit, makeTempDir, NOW, removeTempDir, runCli } from './run-cli';

const FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown', 'html'];

describe('sapready check never echoes a password', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('masks /W/ and /P/ values of malformed routes (leading space, no leading slash) and a secret written where its name belongs, in every format', () => {
    writeFileSync(
      path.join(dir, 'leak.landscape.yaml'),
      [
        'landscape: Leak',
        'saprouter: " /H/router.example/S/3299/W/RouterPw1"',
        'systems:',
        '  PRD:',
        '    product: S/4HANA',
        '    rfcDestinations:',
        '      A: { type: "3", target: "H/host.example/S/3299/P/TargetPw2/H/x" }',
        '      B: { type: "3", target: "/H/r.example/S/3299/w/LowerPw3 trailing text" }',
        '    logonData: [{ user: SAPSUPPORT, client: "100", expires: 2026-12-01, secret: 12345678 }]',
        '',
      ].join('\n'),
    );
    for (const format of FORMATS) {
      const result = runCli(['check', '.', '--now', NOW, '--format', format], { cwd: dir });
      assertExit(result, 1);
      assert.match(result.stdout, /saprouter-route|outside a hop/, `${format}: the route findings are missing`);
      for (const password of ['RouterPw1', 'TargetPw2', 'LowerPw3', '12345678']) {
        assert.ok(!result.stdout.includes(password), `${format} output shows ${password}:\n${result.stdout.slice(0, 3000)}`);
      }
    }
  });
});
