// Writes package.json's `contributes.commands` from src/extension/commands.ts, the one place
// command ids and titles live; a test checks package.json and the registered commands agree.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const scratch = mkdtempSync(join(tmpdir(), 'sapready-commands-'));
try {
  const out = join(scratch, 'commands.cjs');
  await build({ entryPoints: ['src/extension/commands.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error' });
  const { COMMANDS, CATEGORY } = require(out);
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  manifest.contributes.commands = Object.values(COMMANDS).map(({ id, title, icon }) => ({ command: id, title, category: CATEGORY, ...(icon ? { icon } : {}) }));
  writeFileSync('package.json', JSON.stringify(manifest, null, 2) + '\n');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
