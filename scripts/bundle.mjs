// Bundles the faces with esbuild: the CLI (the npm package's `sapready`), the extension, its worker
// and the dashboard page. `vscode:prepublish` runs it, so `vsce package` builds on a clean clone.
// `vscode` is provided by the host and node-rfc is optional (needs SAP's NW RFC SDK): both stay external.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: false, minify: true, keepNames: true, logLevel: 'warning', external: ['vscode', 'node-rfc'] };
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } });
await build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', banner: { js: '"use strict"; var sapreadyBundleStart = performance.now();' }, footer: { js: 'var sapreadyBundleEnd = performance.now();' } });
// The engine off the extension host's thread: the worker the extension starts (src/extension/worker).
await build({ ...common, entryPoints: ['src/extension/worker/checkWorker.ts'], outfile: 'dist/checkWorker.js' });
// The dashboard page: a browser bundle plus its stylesheet and the codicon font, the only files the
// webview may load (its localResourceRoots is dist/webview).
await build({ bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: false, minify: false, logLevel: 'warning', entryPoints: ['webview-ui/src/main.ts'], outfile: 'dist/webview/dashboard.js' });
mkdirSync('dist/webview', { recursive: true });
copyFileSync('webview-ui/src/dashboard.css', 'dist/webview/dashboard.css');
for (const name of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${name}`, `dist/webview/${name}`);
chmodSync('dist/cli.js', 0o755);
