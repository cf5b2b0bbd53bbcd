import { strict as assert } from 'assert';
import { cpSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { parseCheckstyle } from 'danger-plugin-lint-report/dist/parse/checkstyle_parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { xml2js } from 'xml-js';
import { printable } from '../../src/core/report/text';
import { assertExit, FIXTURES, makeTempDir, NOW, parseJson, removeTempDir, runCli, type CliResult, type JsonFinding } from './run-cli';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv2020 = require('ajv/dist/2020');

/** The same files and day as formats.test.ts: four findings in findings/, one in escaping/, none in clean/. */
const TARGETS = ['findings', 'clean', 'escaping'];

function run(format: string, cwd = FIXTURES, targets = TARGETS): CliResult {
  const result = runCli(['check', ...targets, '--now', NOW, '--format', format], { cwd });
  assertExit(result, 1);
  assert.equal(result.stderr, '');
  return result;
}

function jsonFindings(cwd = FIXTURES, targets = TARGETS): JsonFinding[] {
  return parseJson(run('json', cwd, targets)).findings;
}

/**
 * GitLab publishes the Code Quality report format as documentation, not as a schema on the npm
 * registry (docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format): an array of
 * objects with these fields, the severity one of GitLab's five.
 */
const GITLAB_CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^(/|\\./)' } },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};

interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

describe('sapready check CI formats', () => {
  describe('gitlab (Code Quality)', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(GITLAB_CODE_QUALITY_SCHEMA);

    it('has the fields GitLab reads for every finding, with the rule as check_name and the severity mapped', () => {
      const issues = parseJson<GitlabIssue[]>(run('gitlab'));
      assert.ok(validate(issues), JSON.stringify(validate.errors, null, 2));
      const findings = jsonFindings();
      assert.deepEqual(
        issues.map((issue) => [issue.location.path, issue.location.lines.begin, issue.check_name, issue.severity]),
        findings.map((finding) => [finding.path, finding.line, finding.ruleId, { error: 'major', warning: 'minor', info: 'info' }[finding.severity]]),
      );
      issues.forEach((issue, index) => assert.ok(issue.description.startsWith(findings[index].message), issue.description));
      assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, issues.length, 'fingerprints are unique');
    });

    it('keeps fingerprints across runs and when lines above move, and tells identical findings apart', () => {
      const dir = makeTempDir();
      try {
        cpSync(path.join(FIXTURES, 'findings'), dir, { recursive: true });
        writeFileSync(path.join(dir, '.sapready.yaml'), '');
        const fingerprints = (): Map<string, string> => new Map(parseJson<GitlabIssue[]>(run('gitlab', dir, ['.'])).map((issue) => [`${issue.check_name} ${issue.description}`, issue.fingerprint]));
        const before = fingerprints();
        assert.deepEqual(fingerprints(), before, 'the same across runs');
        const file = path.join(dir, 'findings.landscape.yaml');
        writeFileSync(file, readFileSync(file, 'utf8').replace('systems:\n', 'systems:\n  # moved\n  # down\n'));
        const moved = parseJson<GitlabIssue[]>(run('gitlab', dir, ['.']));
        assert.deepEqual(moved.map((issue) => issue.location.lines.begin), [12, 14, 15, 16], 'the findings did move');
        assert.deepEqual(fingerprints(), before, 'and kept their fingerprints');

        writeFileSync(path.join(dir, 'twice.landscape.yaml'), 'landscape: Twice\nsystems:\n  AAA: { product: abap, supportConnection: none, colour: red }\n  AAB: { product: abap, supportConnection: none, colour: red }\n');
        const twice = parseJson<GitlabIssue[]>(run('gitlab', dir, ['twice.landscape.yaml']));
        assert.equal(twice.length, 2);
        assert.notEqual(twice[0].fingerprint, twice[1].fingerprint);
      } finally {
        removeTempDir(dir);
      }
    });
  });

  describe('checkstyle', () => {
    it('is well-formed XML with a <file> per checked file and an <error> per finding, read back to the same findings', () => {
      const xml = run('checkstyle').stdout;
      assert.equal(XMLValidator.validate(xml), true);
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'file' || name === 'error' }).parse(xml);
      const files: { name: string; error?: Record<string, string>[] }[] = parsed.checkstyle.file;
      assert.deepEqual(files.map((file) => file.name), ['clean/clean.landscape.yaml', 'escaping/escaping.landscape.yaml', 'findings/findings.landscape.yaml']);
      const read: Record<string, string>[] = files.flatMap((file) => (file.error ?? []).map((error) => ({ ...error, file: file.name })));
      const findings = jsonFindings();
      const byPosition = (a: Record<string, string>, b: Record<string, string>): number => a.file.localeCompare(b.file) || Number(a.line) - Number(b.line);
      assert.deepEqual(
        read.sort(byPosition).map((error) => [error.file, Number(error.line), Number(error.column), error.severity, error.source]),
        findings.map((finding) => [finding.path, finding.line, finding.column, finding.severity, `sapready.${finding.ruleId}`]),
      );
      // XML entities come back as the message text, the SAP Note link after it.
      const decoded = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => name === 'file' || name === 'error' }).parse(xml);
      const escapingError = decoded.checkstyle.file.find((file: { name: string }) => file.name === 'escaping/escaping.landscape.yaml').error[0];
      assert.equal(escapingError.message, findings.find((finding) => finding.path === 'escaping/escaping.landscape.yaml')!.message);
    });

    it('is read by a published checkstyle reader (danger-plugin-lint-report, as Danger uses it on pull requests) as the same findings', () => {
      const xml = run('checkstyle').stdout;
      // The reader looks each file name up below the root it is given; the fixtures' folder is where the names are relative to.
      const violations = parseCheckstyle(xml2js(xml), FIXTURES);
      const findings = jsonFindings();
      assert.deepEqual(
        violations.map((violation) => [violation.file, violation.line, violation.column, violation.severity]),
        findings.map((finding) => [finding.path, finding.line, finding.column, finding.severity]),
      );
      violations.forEach((violation, index) => assert.ok(violation.message.startsWith(findings[index].message), `${violation.message} is not the message of ${findings[index].ruleId}`));
    });
  });

  describe('github (workflow commands)', () => {
    /** What GitHub's own toolkit (@actions/core) prints for an annotation. */
    async function toolkitAnnotation(finding: JsonFinding, message: string): Promise<string> {
      const core = await import('@actions/core');
      const annotate = { error: core.error.bind(core), warning: core.warning.bind(core), info: core.notice.bind(core) }[finding.severity];
      const printed: string[] = [];
      const write = process.stdout.write.bind(process.stdout);
      process.stdout.write = ((chunk: string) => printed.push(chunk) > 0);
      try {
        annotate(message, { title: `sapready ${finding.ruleId}`, file: finding.path, startLine: finding.line, endLine: finding.endLine, startColumn: finding.column, endColumn: finding.endColumn });
      } finally {
        process.stdout.write = write;
      }
      return printed.join('').replace(/\n$/, '');
    }

    it('prints what @actions/core prints for each finding, then the summary', async () => {
      const lines = run('github').stdout.split('\n');
      const findings = jsonFindings();
      assert.equal(lines.length, findings.length + 2, lines.join('\n'));
      for (const [index, finding] of findings.entries()) {
        const link = finding.notes.length > 0 ? `\nhttps://me.sap.com/notes/${finding.notes[0]}` : '';
        assert.equal(lines[index], await toolkitAnnotation(finding, `${finding.message}${link}`));
      }
      assert.equal(lines[findings.length], '5 problems (3 errors, 1 warning, 1 info) in 3 files (2 systems).');
    });

    it('escapes %, line breaks, commas and colons as the toolkit does, and replaces terminal escapes', async () => {
      const dir = makeTempDir();
      try {
        writeFileSync(path.join(dir, '.sapready.yaml'), '');
        writeFileSync(path.join(dir, 'a,b:c%d.landscape.yaml'), 'landscape: Odd\n"50% \\e[31mred\\r\\nnext": 1\n');
        const [line] = run('github', dir, ['.']).stdout.split('\n');
        const [finding] = jsonFindings(dir, ['.']);
        assert.match(finding.message, /50% \u001b\[31mred\r\nnext/, 'the message carries every character to escape');
        assert.equal(line, await toolkitAnnotation(finding, finding.message.split('\n').map(printable).join('\n')));
        assert.match(line, /^::error title=sapready schema,file=a%2Cb%3Ac%25d\.landscape\.yaml,line=2,/);
        assert.match(line, /50%25 \uFFFD\[31mred\uFFFD%0Anext/);
      } finally {
        removeTempDir(dir);
      }
    });
  });
});
