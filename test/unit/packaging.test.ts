import { strict as assert } from 'assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { commandHelp } from '../../src/cli/help';
import { CATEGORY, COMMANDS } from '../../src/extension/commands';
import { RULES } from '../../src/core/rules/registry';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
/** Pictures are screenshots compressed by `npm run docs:images`; a bigger one was not compressed. */
const MAX_PICTURE_BYTES = 120 * 1024;

/** The files `vsce package` would put into the VSIX. */
function vsixFiles(): string[] {
  const listed = spawnSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  return listed.stdout.trim().split('\n').sort();
}

interface WalkthroughStep {
  id: string;
  description: string;
  media: { image?: string; markdown?: string };
  completionEvents?: string[];
}

describe('packaging', () => {
  it('puts only the bundles (with the dashboard page), schemas, manifest, docs, icon and walkthrough media into the VSIX', () => {
    assert.deepEqual(vsixFiles(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/checkWorker.js',
      'dist/cli.js',
      'dist/extension.js',
      'dist/webview/codicon.css',
      'dist/webview/codicon.ttf',
      'dist/webview/dashboard.css',
      'dist/webview/dashboard.js',
      'docs/images/dashboard.png',
      'docs/images/quick-fix.png',
      'images/icon.png',
      'media/walkthrough/landscape-file.md',
      'package.json',
      'schemas/landscape.schema.json',
      'schemas/sapready-config.schema.json',
    ]);
  });

  it('walks through steps that link only registered commands (or VS Code\'s own) and whose media ship in the VSIX', () => {
    const ours = new Set<string>(Object.values(COMMANDS).map((command) => command.id));
    const vscodeOwn = new Set(['workbench.action.files.openFolder']);
    const shipped = new Set(vsixFiles());
    const steps: WalkthroughStep[] = manifest.contributes.walkthroughs.flatMap((walkthrough: { steps: WalkthroughStep[] }) => walkthrough.steps);
    assert.ok(steps.length >= 3, 'the walkthrough lost its steps');
    for (const step of steps) {
      const linked = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((match) => match[1]);
      const completedBy = (step.completionEvents ?? []).filter((event) => event.startsWith('onCommand:')).map((event) => event.slice('onCommand:'.length));
      assert.ok(linked.length > 0, `step ${step.id} offers no command`);
      for (const id of [...linked, ...completedBy]) assert.ok(ours.has(id) || vscodeOwn.has(id), `step ${step.id} names ${id}, which is no registered command`);
      const media = step.media.image ?? step.media.markdown;
      assert.ok(media && shipped.has(media), `step ${step.id}: its media ${media} is not in the VSIX`);
    }
  });

  it('shows only pictures that exist and are compressed, and keeps no picture nobody shows', () => {
    const pages = ['README.md', ...readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
    const shown = new Set<string>([manifest.icon, ...manifest.contributes.walkthroughs.flatMap((walkthrough: { steps: WalkthroughStep[] }) => walkthrough.steps.map((step) => step.media.image).filter(Boolean))]);
    for (const page of pages) {
      for (const [, target] of readFileSync(path.join(root, page), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
        shown.add(path.posix.join(path.posix.dirname(page), target));
      }
    }
    for (const picture of shown) {
      assert.ok(existsSync(path.join(root, picture)), `${picture} is shown but does not exist`);
      const bytes = statSync(path.join(root, picture)).size;
      assert.ok(bytes <= MAX_PICTURE_BYTES, `${picture} has ${bytes} bytes: regenerate it with npm run docs:images`);
    }
    for (const name of readdirSync(path.join(root, 'docs', 'images'))) assert.ok(shown.has(`docs/images/${name}`), `docs/images/${name} is shown nowhere`);
  });

  it('contributes exactly the commands of the command registry, in its category', () => {
    assert.deepEqual(
      manifest.contributes.commands,
      Object.values(COMMANDS).map((command) => ({ command: command.id, title: command.title, category: CATEGORY, ...('icon' in command ? { icon: command.icon } : {}) })),
    );
  });

  it('validates landscape and options files through the YAML extension with our schemas', () => {
    assert.deepEqual(manifest.contributes.yamlValidation.map((entry: { url: string }) => entry.url), ['./schemas/landscape.schema.json', './schemas/sapready-config.schema.json']);
  });

  it('docs/development.md names every step of npm test, and none as left out of it', () => {
    const page = readFileSync(path.join(root, 'docs', 'development.md'), 'utf8');
    const steps: string[] = [...(manifest.scripts.test as string).matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1]);
    assert.ok(steps.includes('lint:cycles'), manifest.scripts.test);
    for (const step of steps) assert.ok(page.includes(`\`npm run ${step}\``), `docs/development.md does not mention npm run ${step}`);
    assert.doesNotMatch(page.replace(/\s+/g, ' '), /not (yet )?(a )?part of `npm test`/, 'docs/development.md says a step of npm test is not part of it');
  });

  it('README: CI (.ci/run) runs its test command, and its commands name only sapready commands and options that exist', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const lines = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) => block[1].split('\n')).map((line) => line.replace(/\s+#.*$/, '').trim());
    const testCommand = [...readme.matchAll(/^(\S.*?)\s+# builds, lints and runs all tests$/gm)].map((match) => match[1]);
    assert.deepEqual(testCommand, ['npm test'], 'the README names its test command once');
    const ciRun = readFileSync(path.join(root, '.ci', 'run'), 'utf8').split('\n').map((line) => line.trim());
    assert.ok(ciRun.includes(testCommand[0]), `.ci/run does not run ${testCommand[0]}`);
    const calls = lines.flatMap((line) => line.split(/&&|;/)).map((call) => call.trim()).filter((call) => /^(sapready|node dist\/cli\.js) /.test(call));
    assert.ok(calls.length >= 5, calls.join('\n'));
    for (const call of calls) {
      const [command, ...args] = call.replace(/^(sapready|node dist\/cli\.js) /, '').split(/\s+/);
      const help = commandHelp(command);
      assert.ok(help, `README calls sapready ${command}, which is no command`);
      for (const option of args.filter((arg) => arg.startsWith('--'))) assert.match(help, new RegExp(`${option}\\b`), `README: sapready ${command} has no option ${option}`);
    }
  });

  it('README, CHANGELOG and docs/ link only to files and headings that exist', () => {
    /** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
    const anchor = (heading: string): string => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, '').replace(/ /g, '-');
    const pages = ['README.md', 'CHANGELOG.md', ...readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
    let checked = 0;
    for (const page of pages) {
      for (const [, target] of readFileSync(path.join(root, page), 'utf8').matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const [file, fragment] = target.split('#');
        const linked = file ? path.posix.normalize(path.posix.join(path.posix.dirname(page), file)) : page;
        assert.ok(existsSync(path.join(root, linked)), `${page} links to ${target}, which does not exist`);
        if (fragment && linked.endsWith('.md')) {
          const headings = [...readFileSync(path.join(root, linked), 'utf8').matchAll(/^#+\s+(.*)$/gm)].map((match) => anchor(match[1]));
          assert.ok(headings.includes(fragment), `${page} links to ${target}: ${linked} has no such heading`);
        }
        checked++;
      }
    }
    assert.ok(checked > 20, `only ${checked} links found`);
  });

  it('lists every rule in docs/rules.md with its SAP Notes', () => {
    const rulesPage = readFileSync(path.join(root, 'docs', 'rules.md'), 'utf8');
    for (const rule of RULES) {
      const row = rulesPage.split('\n').find((line) => line.startsWith(`| \`${rule.id}\``));
      assert.ok(row, `docs/rules.md has no row for ${rule.id}`);
      for (const note of rule.notes) assert.ok(row.includes(note), `docs/rules.md row of ${rule.id} lacks SAP Note ${note}`);
    }
  });
});
