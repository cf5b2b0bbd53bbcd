import { strict as assert } from 'assert';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { assertExit, assertUsageError, listFiles, makeTempDir, NOW, parseJson, REPO_ROOT, removeTempDir, runCli } from './run-cli';

interface ListedRule {
  id: string;
  title: string;
  defaultSeverity: string;
  notes: string[];
  description: string;
  fixable: boolean;
  defaults: object;
  /** Set for rules of another command (verify); absent for the rules `check` runs. */
  command?: string;
}

/** Rules every release has; duplicate-declaration checks several files against each other. */
const KNOWN_RULES: Record<string, { defaultSeverity: string; notes: string[] }> = {
  'yaml-syntax': { defaultSeverity: 'error', notes: [] },
  schema: { defaultSeverity: 'error', notes: [] },
  'legacy-rfc-destination': { defaultSeverity: 'error', notes: ['2923799'] },
  'legacy-rfc-removable': { defaultSeverity: 'info', notes: ['2923799'] },
  'technical-user-required': { defaultSeverity: 'error', notes: ['2174416'] },
  'support-route': { defaultSeverity: 'error', notes: [] },
  'missing-support-connection': { defaultSeverity: 'warning', notes: ['2923799', '2738426'] },
  'duplicate-declaration': { defaultSeverity: 'error', notes: [] },
  'plaintext-secret': { defaultSeverity: 'error', notes: ['146173'] },
};

describe('sapready rules', () => {
  it('--format json lists every rule with id, defaultSeverity and notes', () => {
    const result = runCli(['rules', '--format', 'json']);
    assertExit(result, 0);
    const rules = parseJson<ListedRule[]>(result);
    assert.ok(rules.length >= Object.keys(KNOWN_RULES).length, `${rules.length} rules`);
    const ids = rules.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    for (const rule of rules) {
      assert.match(rule.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, rule.id);
      assert.ok(['error', 'warning', 'info'].includes(rule.defaultSeverity), `${rule.id}: ${rule.defaultSeverity}`);
      assert.ok(Array.isArray(rule.notes) && rule.notes.every((note) => /^\d+$/.test(note)), `${rule.id}: ${JSON.stringify(rule.notes)}`);
      assert.equal(typeof rule.title, 'string');
      assert.ok(rule.title.length > 0 && rule.description.length > 0, rule.id);
      assert.equal(typeof rule.fixable, 'boolean');
    }
    for (const [id, expected] of Object.entries(KNOWN_RULES)) {
      const rule = rules.find((candidate) => candidate.id === id);
      assert.ok(rule, `rule ${id} is not listed`);
      assert.deepEqual({ defaultSeverity: rule.defaultSeverity, notes: rule.notes }, expected, id);
    }
  });

  it('lists the same ids as text, json and the options-file schema', () => {
    const text = runCli(['rules']);
    assertExit(text, 0);
    const json = parseJson<ListedRule[]>(runCli(['rules', '--format', 'json']));
    const ruleLines = text.stdout.split('\n').filter((line) => /^[a-z][a-z0-9-]* +(error|warning|info) /.test(line));
    assert.deepEqual(ruleLines.map((line) => line.split(/\s+/)[0]), json.map((rule) => rule.id), text.stdout);
    json.forEach((rule, index) => {
      const line = ruleLines[index];
      assert.match(line, new RegExp(`^${rule.id} +${rule.defaultSeverity} +${rule.fixable ? 'fix' : '   '}  `), line);
      if (rule.notes.length > 0) assert.ok(line.endsWith(`  SAP Note ${rule.notes.join(', ')}`), line);
    });
    // The options file configures the rules `check` runs; `verify`'s rules are marked command: verify.
    const checkRules = json.filter((rule) => rule.command === undefined).map((rule) => rule.id);
    assert.ok(checkRules.includes('duplicate-declaration'), checkRules.join(', '));
    const configSchema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas', 'sapready-config.schema.json'), 'utf8'));
    assert.deepEqual(Object.keys(configSchema.properties.rules.properties).sort(), [...checkRules].sort());
  });

  it('--format markdown prints a table with a row per rule and note links', () => {
    const result = runCli(['rules', '--format', 'markdown']);
    assertExit(result, 0);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines[0], '| Rule | Default | Fix | SAP Notes | Reports |');
    const json = parseJson<ListedRule[]>(runCli(['rules', '--format', 'json']));
    assert.equal(lines.length, json.length + 2);
    assert.ok(lines.some((line) => line.startsWith('| `legacy-rfc-destination` | error | yes | [2923799](https://me.sap.com/notes/2923799) |')), result.stdout);
  });
});

describe('sapready init', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('writes main.landscape.yaml, which then checks with exit 0 and no findings', () => {
    const result = runCli(['init', '--now', NOW], { cwd: dir });
    assertExit(result, 0);
    assert.equal(result.stdout, 'Wrote main.landscape.yaml. Check it with: sapready check main.landscape.yaml\n');
    assert.deepEqual(listFiles(dir), ['main.landscape.yaml']);
    const check = runCli(['check', '--now', NOW, '--format', 'json'], { cwd: dir });
    assertExit(check, 0);
    const report = parseJson(check);
    assert.deepEqual(report.files, ['main.landscape.yaml']);
    assert.deepEqual(report.summary, { error: 0, warning: 0, info: 0 });
    assert.ok(report.systems > 0, 'the starter declares systems');
  });

  it('writes a file with the given name (.landscape.yml)', () => {
    const first = runCli(['init', 'prod.landscape.yml', '--now', NOW], { cwd: dir });
    assertExit(first, 0);
    assert.equal(first.stdout, 'Wrote prod.landscape.yml. Check it with: sapready check prod.landscape.yml\n');
    assertExit(runCli(['check', 'prod.landscape.yml', '--now', NOW], { cwd: dir }), 0);
  });

  it('refuses to overwrite an existing file without --force (exit 2), and overwrites with it', () => {
    const file = path.join(dir, 'main.landscape.yaml');
    writeFileSync(file, 'landscape: Mine\n');
    assertUsageError(runCli(['init', '--now', NOW], { cwd: dir }), /^sapready: main\.landscape\.yaml exists; use --force to overwrite it\.\n$/);
    assert.equal(readFileSync(file, 'utf8'), 'landscape: Mine\n');
    const forced = runCli(['init', '--force', '--now', NOW], { cwd: dir });
    assertExit(forced, 0);
    assert.notEqual(readFileSync(file, 'utf8'), 'landscape: Mine\n');
    assert.deepEqual(listFiles(dir), ['main.landscape.yaml']);
  });

  it('rejects a file name that does not end in .landscape.yaml', () => {
    assertUsageError(runCli(['init', 'starter.yaml'], { cwd: dir }), /^sapready: The file name must end in \.landscape\.yaml or \.landscape\.yml .*: starter\.yaml\n$/);
    assert.equal(existsSync(path.join(dir, 'starter.yaml')), false);
    assert.deepEqual(listFiles(dir), []);
  });

  it('exits 2 when the folder does not exist, leaving nothing behind', () => {
    assertUsageError(runCli(['init', 'missing/main.landscape.yaml'], { cwd: dir }), /^sapready: Cannot write .*main\.landscape\.yaml: ENOENT\n$/);
    assert.deepEqual(listFiles(dir), []);
  });

  it('rejects a bad --now', () => {
    assertUsageError(runCli(['init', '--now', 'tomorrow'], { cwd: dir }), /^sapready: .*"tomorrow"/);
    assert.deepEqual(listFiles(dir), []);
  });
});
