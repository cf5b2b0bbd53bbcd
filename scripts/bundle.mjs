// Bundles the faces with esbuild: the CLI now, the extension once src/extension exists.
// `vscode` is provided by the host and node-rfc is optional (needs SAP's NW RFC SDK): both stay external.
import { build } from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: false, minify: false, logLevel: 'warning', external: ['vscode', 'node-rfc'] };
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } });
if (existsSync('src/extension/extension.ts')) await build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' });
chmodSync('dist/cli.js', 0o755);
