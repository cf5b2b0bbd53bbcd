import * as path from 'node:path';
import { readdirSync } from 'node:fs';
import Mocha from 'mocha';

/**
 * Entry point the extension host loads (`extensionTestsPath`): runs every compiled
 * test/host/*.test.js with mocha inside the real host, where `vscode` is the real API.
 */
export function run(): Promise<void> {
  // `npm run test:host -- --grep <text>` runs only the tests whose title contains the text.
  const grep = process.env.HOST_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  for (const name of readdirSync(__dirname).filter((file) => file.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, name));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed.`));
      // A grep that matches nothing would look like a pass.
      else if (runner.stats?.tests === 0) reject(new Error(`No extension-host test's title contains "${grep}".`));
      else resolve();
    });
  });
}
