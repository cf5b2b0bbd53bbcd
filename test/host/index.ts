import * as path from 'node:path';
import { readdirSync } from 'node:fs';
import Mocha from 'mocha';

/**
 * Entry point the extension host loads (`extensionTestsPath`): runs every compiled
 * test/host/*.test.js with mocha inside the real host, where `vscode` is the real API.
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  for (const name of readdirSync(__dirname).filter((file) => file.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, name));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed.`)) : resolve()));
  });
}
