import { strict as assert } from 'assert';
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { CLI_PATH, FIXTURES, makeTempDir, NOW, REPO_ROOT, removeTempDir, VERSION } from './run-cli';

/*
 * How Basis teams get sapready: the npm package (npm pack, then npm install of the tarball),
 * the GitHub Action (action.yml), the GitLab CI template (ci/sapready.gitlab-ci.yml) and the
 * pre-commit hook (.pre-commit-hooks.yaml). Each one's command lines run here as their runner
 * would run them, on a copy of a fixture project.
 */

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function sh(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: options.cwd, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...options.env }, encoding: 'utf8', timeout: 180_000 });
}

function describeRun(result: SpawnSyncReturns<string>): string {
  return `exit ${result.status}${result.error ? ` (${result.error.message})` : ''}\n--- stdout ---\n${result.stdout?.slice(0, 3000)}\n--- stderr ---\n${result.stderr?.slice(0, 3000)}`;
}

/** A project with one landscape file that has errors, or one that is clean. */
function project(fixture: 'findings' | 'clean'): string {
  const dir = makeTempDir();
  cpSync(path.join(FIXTURES, fixture), path.join(dir, 'landscapes'), { recursive: true });
  writeFileSync(path.join(dir, '.sapready.yaml'), `now: ${NOW}\n`);
  return dir;
}

describe('distribution', function () {
  this.timeout(300_000);
  let work: string;
  let tarball: string;

  before(() => {
    work = makeTempDir();
    // The tests run on the build under test: packing must not build again (prepare), since that
    // would replace out/ and dist/ while they run.
    const packed = sh(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: REPO_ROOT });
    assert.equal(packed.status, 0, describeRun(packed));
    tarball = path.join(work, JSON.parse(packed.stdout)[0].filename);
  });
  after(() => removeTempDir(work));

  describe('npm package', () => {
    it('holds the CLI bundle, the schemas, README and LICENSE, and no sources, tests or dependencies', () => {
      const listed = sh('tar', ['-tzf', tarball], { cwd: work });
      assert.equal(listed.status, 0, describeRun(listed));
      const files = listed.stdout.trim().split('\n').map((file) => file.replace(/^package\//, '')).sort();
      assert.ok(files.includes('dist/cli.js') && files.includes('README.md') && files.includes('LICENSE') && files.includes('package.json'), files.join('\n'));
      assert.ok(files.includes('schemas/landscape.schema.json') && files.includes('schemas/sapready-config.schema.json'), files.join('\n'));
      assert.deepEqual(files.filter((file) => /^(src|test|out|node_modules|webview-ui|scripts|bench|ci)\//.test(file)), []);
      const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
      assert.deepEqual(manifest.bin, { sapready: 'dist/cli.js' });
      assert.equal(manifest.dependencies, undefined, 'the bundle needs no package at run time');
    });

    it('installs into an empty folder with nothing else, puts sapready on PATH, and checks', () => {
      const app = path.join(work, 'app');
      cpSync(path.join(FIXTURES, 'findings'), path.join(app, 'landscapes'), { recursive: true });
      writeFileSync(path.join(app, 'package.json'), '{ "name": "basis-team", "private": true }\n');
      const installed = sh(NPM, ['install', '--no-audit', '--no-fund', tarball], { cwd: app });
      assert.equal(installed.status, 0, describeRun(installed));
      const tree = sh(NPM, ['ls', '--all', '--omit=optional', '--parseable'], { cwd: app });
      assert.deepEqual(tree.stdout.trim().split('\n').map((line) => path.relative(app, line)), ['', 'node_modules/sap-landscape-readiness'], 'only sapready itself (node-rfc, optional, only with SAP\'s RFC SDK)');

      const bin = path.join(app, 'node_modules', '.bin');
      const env = { PATH: `${bin}${path.delimiter}${process.env.PATH}` };
      const version = sh('sapready', ['--version'], { cwd: app, env });
      assert.equal(version.stdout, `${VERSION}\n`, describeRun(version));
      const checked = sh('sapready', ['check', 'landscapes', '--now', NOW], { cwd: app, env });
      assert.equal(checked.status, 1, describeRun(checked));
      const direct = sh(process.execPath, [CLI_PATH, 'check', 'landscapes', '--now', NOW], { cwd: app });
      assert.equal(checked.stdout, direct.stdout, 'the installed sapready reports what the build does');
      assert.match(checked.stdout, /^landscapes\/findings\.landscape\.yaml:12:7  error /m);
    });
  });

  describe('GitHub Action (action.yml)', () => {
    interface Step {
      id?: string;
      name: string;
      uses?: string;
      run?: string;
      shell?: string;
      env?: Record<string, string>;
      with?: Record<string, string>;
      if?: string;
    }
    const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: Step[] } };

    /** `${{ inputs.x }}` and `${{ steps.check.outputs.x }}` as the runner substitutes them. */
    function substitute(value: string, inputs: Record<string, string>, outputs: Record<string, string> = {}): string {
      return value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? '').replace(/\$\{\{\s*steps\.check\.outputs\.([\w-]+)\s*\}\}/g, (_, name: string) => outputs[name] ?? '');
    }

    /** Runs the action's bash steps as the runner does (bash -e -o pipefail), skipping `uses:` steps. */
    function runAction(dir: string, given: Record<string, string> = {}) {
      const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])), ...given };
      const outputFile = path.join(dir, 'github-output');
      writeFileSync(outputFile, '');
      const outputs: Record<string, string> = {};
      const logs: SpawnSyncReturns<string>[] = [];
      for (const step of action.runs.steps.filter((entry) => entry.run)) {
        assert.equal(step.shell, 'bash');
        assert.doesNotMatch(step.run!, /\$\{\{/, 'inputs reach scripts only through env, never spliced into the script');
        const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, substitute(value, inputs, outputs)]));
        const result = sh('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: dir, env: { ...env, GITHUB_ACTION_PATH: REPO_ROOT, GITHUB_OUTPUT: outputFile } });
        logs.push(result);
        for (const line of readFileSync(outputFile, 'utf8').split('\n').filter(Boolean)) {
          const [name, ...value] = line.split('=');
          outputs[name] = value.join('=');
        }
      }
      return { logs, outputs, inputs };
    }

    it('is a composite action that sets up Node, runs the check, uploads SARIF to code scanning and fails on errors', () => {
      assert.equal(action.runs.using, 'composite');
      const uses = action.runs.steps.filter((step) => step.uses).map((step) => step.uses!.replace(/@.*$/, ''));
      assert.deepEqual(uses, ['actions/setup-node', 'github/codeql-action/upload-sarif']);
      const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'))!;
      assert.equal(upload.with?.sarif_file, '${{ inputs.sarif-file }}');
      assert.match(upload.if ?? '', /always\(\)/, 'the SARIF is uploaded also when the check fails');
    });

    it('on a landscape with errors: writes the SARIF report, prints annotations, and its verdict step exits 1', () => {
      const dir = project('findings');
      try {
        const { logs, outputs } = runAction(dir);
        const [check, verdict] = logs;
        assert.equal(check.status, 0, describeRun(check));
        assert.equal(outputs['exit-code'], '1');
        assert.match(check.stdout, /^::error title=sapready legacy-rfc-destination,file=landscapes\/findings\.landscape\.yaml,line=12,/m);
        const sarif = JSON.parse(readFileSync(path.join(dir, 'sapready.sarif'), 'utf8'));
        assert.equal(sarif.version, '2.1.0');
        assert.deepEqual(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId), ['schema', 'legacy-rfc-destination', 'legacy-rfc-removable', 'legacy-rfc-removable']);
        assert.equal(verdict.status, 1, describeRun(verdict));
      } finally {
        removeTempDir(dir);
      }
    });

    it('on a clean landscape, with paths and args given: exits 0', () => {
      const dir = project('clean');
      try {
        const { logs, outputs } = runAction(dir, { paths: 'landscapes', args: '--max-warnings 0', 'sarif-file': 'out.sarif' });
        assert.equal(outputs['exit-code'], '0', describeRun(logs[0]));
        assert.ok(existsSync(path.join(dir, 'out.sarif')));
        assert.equal(logs[1].status, 0);
      } finally {
        removeTempDir(dir);
      }
    });
  });

  describe('GitLab CI template (ci/sapready.gitlab-ci.yml)', () => {
    const template = parse(readFileSync(path.join(REPO_ROOT, 'ci', 'sapready.gitlab-ci.yml'), 'utf8')) as Record<string, { script: string[]; variables: Record<string, string>; artifacts: { when: string; reports: { codequality: string } } }>;
    const job = template['.sapready'];

    /** The job's script lines in one shell that stops at the first failing line, as GitLab's runner does. */
    function runJob(dir: string, variables: Record<string, string>): SpawnSyncReturns<string> {
      const prefix = path.join(dir, '.npm-global');
      return sh('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', job.script.join('\n')], {
        cwd: dir,
        env: { ...job.variables, ...variables, npm_config_prefix: prefix, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}` },
      });
    }

    it('installs the package, writes the Code Quality report GitLab collects, and fails the job on errors', () => {
      assert.equal(job.artifacts.when, 'always', 'the report is collected also when the job fails');
      const dir = project('findings');
      try {
        const result = runJob(dir, { SAPREADY_PACKAGE: tarball });
        assert.equal(result.status, 1, describeRun(result));
        assert.match(result.stdout, /^landscapes\/findings\.landscape\.yaml:12:7  error /m, 'the findings are in the job log');
        const report = JSON.parse(readFileSync(path.join(dir, job.artifacts.reports.codequality), 'utf8'));
        assert.deepEqual(report.map((issue: { check_name: string; location: { path: string } }) => `${issue.location.path} ${issue.check_name}`), [
          'landscapes/findings.landscape.yaml schema',
          'landscapes/findings.landscape.yaml legacy-rfc-destination',
          'landscapes/findings.landscape.yaml legacy-rfc-removable',
          'landscapes/findings.landscape.yaml legacy-rfc-removable',
        ]);
      } finally {
        removeTempDir(dir);
      }
    });

    it('passes on a clean landscape', () => {
      const dir = project('clean');
      try {
        const result = runJob(dir, { SAPREADY_PACKAGE: tarball, SAPREADY_ARGS: '--max-warnings 0' });
        assert.equal(result.status, 0, describeRun(result));
        assert.deepEqual(JSON.parse(readFileSync(path.join(dir, 'gl-code-quality-report.json'), 'utf8')), []);
      } finally {
        removeTempDir(dir);
      }
    });
  });

  describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
    const [hook] = parse(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; pass_filenames: boolean }[];

    it('runs for landscape files only and checks the whole repository with the package\'s sapready', () => {
      assert.equal(hook.language, 'node');
      assert.equal(hook.pass_filenames, false, 'references resolve across files: every landscape file is checked together');
      const matches = new RegExp(hook.files);
      assert.deepEqual(['a.landscape.yaml', 'x/b.landscape.yml', 'c.yaml', 'landscape.yaml.bak'].map((name) => matches.test(name)), [true, true, false, false]);
      const [program, ...args] = hook.entry.split(' ');
      const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
      assert.equal(manifest.bin[program], 'dist/cli.js', 'the entry is the package\'s bin');

      for (const [fixture, status] of [['findings', 1], ['clean', 0]] as const) {
        const dir = project(fixture);
        try {
          const result = sh(process.execPath, [CLI_PATH, ...args], { cwd: dir });
          assert.equal(result.status, status, describeRun(result));
          assert.equal(readdirSync(dir).sort().join(' '), '.sapready.yaml landscapes', 'a hook writes nothing');
        } finally {
          removeTempDir(dir);
        }
      }
    });
  });
});
