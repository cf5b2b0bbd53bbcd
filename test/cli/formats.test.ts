import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { assertExit, FIXTURES, NOW, parseJson, positions, REPO_ROOT, runCli, VERSION, type CliResult } from './run-cli';

/*
 * test/fixtures/cli/findings/findings.landscape.yaml has four known findings on 2026-11-23:
 *   10:5  error    schema                  unknown property "colour" (no SAP Note)
 *   12:7  error    legacy-rfc-destination  SAPOSS still active (SAP Note 2923799, fix: mark it deactivated)
 *   13:7  warning  legacy-rfc-removable    SAPNET_RTCC deactivated long ago (fix: delete it)
 *   14:7  info     legacy-rfc-removable    SDCC_OSS deactivated three days ago
 */
const FINDINGS_FILE = 'findings/findings.landscape.yaml';
const NOTE_URL = 'https://me.sap.com/notes/2923799';
const SAPOSS_MESSAGE =
  "SAPOSS is routed to sapserv3, SAP's legacy support infrastructure (system DEV); RFC to SAP is closed since 2020-11-30. Deactivate it, watch for one to two weeks, then delete it.";
const RTCC_MESSAGE = 'SAPNET_RTCC (system DEV) has been deactivated since 2026-06-01, past the 14-day observation window: delete it in SM59 and here.';
const SDCC_MESSAGE = 'SDCC_OSS (system DEV) was deactivated on 2026-11-20: watch for failing jobs until 2026-12-04, then delete it.';
const ESCAPED_KEY = `odd<key>&"quoted"'|pipe`;

function checkFindings(format: string, cwd = FIXTURES, target = 'findings'): CliResult {
  const result = runCli(['check', target, '--now', NOW, '--format', format], { cwd });
  assertExit(result, 1);
  assert.equal(result.stderr, '');
  return result;
}

describe('sapready check report formats', () => {
  describe('text', () => {
    it('prints path:line:col  severity  message  rule-id  link, one line per finding, and a summary', () => {
      const lines = checkFindings('text').stdout.split('\n');
      assert.equal(lines.length, 6, lines.join('\n'));
      assert.match(lines[0], /^findings\/findings\.landscape\.yaml:10:5  error    Unknown property "colour" \(in systems › DEV\)\. Known here: [^ ]+.*  schema$/);
      assert.equal(lines[1], `${FINDINGS_FILE}:12:7  error    ${SAPOSS_MESSAGE}  legacy-rfc-destination  ${NOTE_URL}`);
      assert.equal(lines[2], `${FINDINGS_FILE}:13:7  warning  ${RTCC_MESSAGE}  legacy-rfc-removable  ${NOTE_URL}`);
      assert.equal(lines[3], `${FINDINGS_FILE}:14:7  info     ${SDCC_MESSAGE}  legacy-rfc-removable  ${NOTE_URL}`);
      assert.equal(lines[4], '4 problems (2 errors, 1 warning, 1 info) in 1 file (1 system).');
      assert.equal(lines[5], '', 'the report ends with a newline');
    });

    it('is the default format, without colours when stdout is not a terminal', () => {
      const result = runCli(['check', 'findings', '--now', NOW]);
      assertExit(result, 1);
      assert.equal(result.stdout, checkFindings('text').stdout);
      assert.doesNotMatch(result.stdout, /\u001b\[/);
    });

    it('colours severities with --color, and not with --no-color', () => {
      const colored = runCli(['check', 'findings', '--now', NOW, '--color']);
      assertExit(colored, 1);
      assert.ok(colored.stdout.includes(`${FINDINGS_FILE}:12:7  \u001b[31merror  \u001b[0m  `), colored.stdout);
      assert.ok(colored.stdout.includes(`\u001b[33mwarning\u001b[0m`), colored.stdout);
      const plain = runCli(['check', 'findings', '--now', NOW, '--color', '--no-color']);
      assert.doesNotMatch(plain.stdout, /\u001b\[/);
    });

    it('prints paths relative to the working folder with forward slashes, also for ../ and absolute arguments', () => {
      const fromSibling = runCli(['check', '../findings', '--now', NOW], { cwd: path.join(FIXTURES, 'clean') });
      assertExit(fromSibling, 1);
      assert.match(fromSibling.stdout, /^\.\.\/findings\/findings\.landscape\.yaml:10:5  error /);
      const absolute = runCli(['check', path.join(FIXTURES, 'findings'), '--now', NOW], { cwd: FIXTURES });
      assertExit(absolute, 1);
      assert.equal(absolute.stdout, checkFindings('text').stdout);
      const fromRoot = runCli(['check', 'test/fixtures/cli/findings/', '--now', NOW], { cwd: REPO_ROOT });
      assert.match(fromRoot.stdout, /^test\/fixtures\/cli\/findings\/findings\.landscape\.yaml:12:7  error /m);
      assert.doesNotMatch(fromRoot.stdout, /\\/);
    });

    it('says "No problems" for a clean file', () => {
      const result = runCli(['check', 'clean', '--now', NOW]);
      assertExit(result, 0);
      assert.equal(result.stdout, 'No problems in 1 file (1 system).\n');
    });
  });

  describe('json', () => {
    it('lists the findings with one-based positions, rule ids, SAP Notes, systems and fixes', () => {
      const report = parseJson(checkFindings('json'));
      assert.deepEqual(report.tool, { name: 'sapready', version: VERSION });
      assert.equal(report.today, NOW);
      assert.equal(report.optionsFile, '.sapready.yaml');
      assert.deepEqual(report.files, [FINDINGS_FILE]);
      assert.equal(report.systems, 1);
      assert.deepEqual(report.summary, { error: 2, warning: 1, info: 1 });
      assert.deepEqual(positions(report), [
        `${FINDINGS_FILE}:10:5 schema`,
        `${FINDINGS_FILE}:12:7 legacy-rfc-destination`,
        `${FINDINGS_FILE}:13:7 legacy-rfc-removable`,
        `${FINDINGS_FILE}:14:7 legacy-rfc-removable`,
      ]);
      const [colour, saposs, rtcc, sdcc] = report.findings;
      assert.deepEqual([colour.severity, saposs.severity, rtcc.severity, sdcc.severity], ['error', 'error', 'warning', 'info']);
      assert.deepEqual(colour.notes, []);
      assert.deepEqual(colour.fixes, []);
      assert.equal(colour.sid, null);
      assert.deepEqual({ endLine: colour.endLine, endColumn: colour.endColumn }, { endLine: 10, endColumn: 11 });
      assert.equal(saposs.message, SAPOSS_MESSAGE);
      assert.deepEqual(saposs.notes, ['2923799']);
      assert.equal(saposs.sid, 'DEV');
      assert.deepEqual({ endLine: saposs.endLine, endColumn: saposs.endColumn }, { endLine: 12, endColumn: 13 });
      assert.deepEqual(saposs.related, []);
      assert.deepEqual(saposs.fixes.map((fix) => fix.title), ['Record SAPOSS as deactivated in SM59 on 2026-11-23']);
      assert.equal(rtcc.message, RTCC_MESSAGE);
      assert.deepEqual(rtcc.fixes.map((fix) => fix.title), ['Delete SAPNET_RTCC']);
      assert.equal(sdcc.message, SDCC_MESSAGE);
    });

    it('has fix edits whose offsets fit the file on disk', () => {
      const report = parseJson(checkFindings('json'));
      const text = readFileSync(path.join(FIXTURES, FINDINGS_FILE), 'utf8');
      const [edit] = report.findings[1].fixes[0].edits;
      const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
      assert.ok(fixed.includes('      SAPOSS: { type: "3", target: /H/sapserv3/S/sapdp99, status: deactivated, deactivatedOn: 2026-11-23 }\n'), fixed);
    });
  });

  describe('sarif', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv = require('ajv-draft-04');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const addFormats = require('ajv-formats');
    // The SARIF schema has a pattern that is invalid as a Unicode regular expression
    // ("^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$"): compile patterns without the u flag.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validateSarif = ajv.compile(JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));

    function parseValidSarif(result: CliResult): any {
      const log = parseJson<object>(result);
      const valid = validateSarif(log);
      assert.ok(valid, `SARIF does not validate against the 2.1.0 schema:\n${JSON.stringify(validateSarif.errors, null, 2)}`);
      return log;
    }

    it('validates against the SARIF 2.1.0 schema and carries rules, results, locations and fixes', () => {
      const log = parseValidSarif(checkFindings('sarif'));
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs.length, 1);
      const run = log.runs[0];
      assert.equal(run.tool.driver.name, 'sapready');
      assert.equal(run.tool.driver.version, VERSION);
      assert.equal(run.originalUriBaseIds.SRCROOT.uri, pathToFileURL(FIXTURES + '/').href);
      assert.deepEqual(run.artifacts.map((artifact: { location: { uri: string } }) => artifact.location.uri), [FINDINGS_FILE]);

      const rules: { id: string; helpUri?: string; properties: { sapNotes: string[] }; defaultConfiguration: { level: string } }[] = run.tool.driver.rules;
      // The rules `check` runs (`sapready rules` also lists the rules of `sapready verify`, marked command: verify).
      const listed = parseJson<{ id: string; command?: string }[]>(runCli(['rules', '--format', 'json'])).filter((rule) => rule.command === undefined);
      assert.deepEqual(rules.map((rule) => rule.id), listed.map((rule) => rule.id));
      for (const rule of rules) {
        if (rule.properties.sapNotes.length > 0) assert.equal(rule.helpUri, `https://me.sap.com/notes/${rule.properties.sapNotes[0]}`, rule.id);
        else assert.equal(rule.helpUri, undefined, rule.id);
      }
      assert.equal(rules.find((rule) => rule.id === 'legacy-rfc-destination')?.helpUri, NOTE_URL);
      assert.equal(rules.find((rule) => rule.id === 'legacy-rfc-removable')?.defaultConfiguration.level, 'note');

      const results = run.results;
      assert.equal(results.length, 4);
      const summary = results.map((result: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[] }) => {
        assert.equal(rules[result.ruleIndex].id, result.ruleId, 'ruleIndex points at the rule');
        const { artifactLocation, region } = result.locations[0].physicalLocation;
        assert.equal(artifactLocation.uriBaseId, 'SRCROOT');
        return `${artifactLocation.uri}:${region.startLine}:${region.startColumn} ${result.level} ${result.ruleId}`;
      });
      assert.deepEqual(summary, [
        `${FINDINGS_FILE}:10:5 error schema`,
        `${FINDINGS_FILE}:12:7 error legacy-rfc-destination`,
        `${FINDINGS_FILE}:13:7 warning legacy-rfc-removable`,
        `${FINDINGS_FILE}:14:7 note legacy-rfc-removable`,
      ]);
      assert.equal(results[1].message.text, `${SAPOSS_MESSAGE} (SAP Note 2923799)`);
      assert.equal(results[0].fixes, undefined, 'the schema finding has no fix');

      const fix = results[1].fixes[0];
      assert.equal(fix.description.text, 'Record SAPOSS as deactivated in SM59 on 2026-11-23');
      const change = fix.artifactChanges[0];
      assert.equal(change.artifactLocation.uri, FINDINGS_FILE);
      const text = readFileSync(path.join(FIXTURES, FINDINGS_FILE), 'utf8');
      const { deletedRegion, insertedContent } = change.replacements[0];
      const fixed = text.slice(0, deletedRegion.charOffset) + insertedContent.text + text.slice(deletedRegion.charOffset + deletedRegion.charLength);
      assert.ok(fixed.includes('SAPOSS: { type: "3", target: /H/sapserv3/S/sapdp99, status: deactivated, deactivatedOn: 2026-11-23 }\n'), fixed);
    });

    it('validates with related locations across files and for examples/not-ready', () => {
      const duplicate = runCli(['check', 'multi-duplicate', '--now', NOW, '--format', 'sarif']);
      assertExit(duplicate, 1);
      const log = parseValidSarif(duplicate);
      const related = log.runs[0].results[0].relatedLocations;
      assert.equal(related.length, 1);
      assert.equal(related[0].physicalLocation.artifactLocation.uri, 'multi-duplicate/second.landscape.yaml');
      assert.equal(related[0].physicalLocation.region.startLine, 10);
      const notReady = runCli(['check', 'examples/not-ready', '--now', NOW, '--format', 'sarif'], { cwd: REPO_ROOT });
      assertExit(notReady, 1);
      assert.equal(parseValidSarif(notReady).runs[0].results.length, 17);
    });

    it('validates for a clean run with no results', () => {
      const clean = runCli(['check', 'clean', '--now', NOW, '--format', 'sarif']);
      assertExit(clean, 0);
      assert.deepEqual(parseValidSarif(clean).runs[0].results, []);
    });
  });

  describe('junit', () => {
    it('has one test suite per file and a failure per error or warning', () => {
      const args = ['check', 'findings', 'clean', 'escaping', '--now', NOW];
      const result = runCli([...args, '--format', 'junit']);
      assertExit(result, 1);
      const xml = result.stdout;
      assertWellFormedXml(xml);
      const summary = parseJson(runCli([...args, '--format', 'json'])).summary;
      assert.deepEqual(summary, { error: 3, warning: 1, info: 1 });

      const root = /<testsuites name="sapready" tests="(\d+)" failures="(\d+)" errors="0">/.exec(xml);
      assert.ok(root, xml);
      assert.equal(Number(root[2]), summary.error + summary.warning);
      assert.equal(Number(root[1]), 6, 'four findings, one passing case for the clean file, one finding in escaping');

      const suites = [...xml.matchAll(/<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)"/g)].map((match) => [match[1], Number(match[2]), Number(match[3])]);
      assert.deepEqual(suites, [
        ['clean/clean.landscape.yaml', 1, 0],
        ['escaping/escaping.landscape.yaml', 1, 1],
        [FINDINGS_FILE, 4, 3],
      ]);
      assert.equal((xml.match(/<failure /g) ?? []).length, 4);
      assert.ok(xml.includes(`<testcase name="legacy-rfc-destination at ${FINDINGS_FILE}:12:7" classname="legacy-rfc-destination"><failure message=`), xml);
      assert.ok(xml.includes(NOTE_URL), 'the failure text links the SAP Note');
      assert.ok(xml.includes(`<testcase name="clean/clean.landscape.yaml" classname="sapready"/>`), xml);
    });

    it('escapes <, &, quotes and apostrophes in messages', () => {
      const result = runCli(['check', 'escaping', '--now', NOW, '--format', 'junit']);
      assertExit(result, 1);
      assertWellFormedXml(result.stdout);
      assert.ok(!result.stdout.includes('odd<key>'), 'a raw < in the report');
      const failure = /<failure message="([^"]*)" type="error">([^<]*)<\/failure>/.exec(result.stdout);
      assert.ok(failure, result.stdout);
      const message = parseJson(runCli(['check', 'escaping', '--now', NOW, '--format', 'json'])).findings[0].message;
      assert.ok(message.includes(ESCAPED_KEY), message);
      assert.equal(decodeXml(failure[1]), message);
      assert.equal(decodeXml(failure[2]), `escaping/escaping.landscape.yaml:3:1 error: ${message}`);
    });
  });

  describe('markdown', () => {
    it('has a heading, a summary table and a row per finding with SAP Note links', () => {
      const lines = checkFindings('markdown').stdout.split('\n');
      assert.equal(lines[0], '# SAP landscape readiness');
      assert.equal(lines[2], `Checked on ${NOW} with options from \`.sapready.yaml\` by sapready ${VERSION}.`);
      assert.equal(lines[4], '4 problems (2 errors, 1 warning, 1 info) in 1 file (1 system).');
      const table = lines.indexOf('| Errors | Warnings | Infos | Files | Systems |');
      assert.ok(table > 0, lines.join('\n'));
      assert.equal(lines[table + 1], '| ---: | ---: | ---: | ---: | ---: |');
      assert.equal(lines[table + 2], '| 2 | 1 | 1 | 1 | 1 |');
      const heading = lines.indexOf(`## ${FINDINGS_FILE}`);
      assert.ok(heading > table, lines.join('\n'));
      assert.equal(lines[heading + 2], '| Line | Severity | System | Rule | Finding | SAP Notes |');
      const rows = lines.slice(heading + 4).filter((line) => line.startsWith('| '));
      assert.equal(rows.length, 4, rows.join('\n'));
      assert.match(rows[0], /^\| 10 \| error \|  \| `schema` \| Unknown property "colour" .* \|  \|$/);
      assert.equal(rows[1], `| 12 | error | DEV | \`legacy-rfc-destination\` | ${SAPOSS_MESSAGE} | [2923799](${NOTE_URL}) |`);
      assert.equal(rows[2], `| 13 | warning | DEV | \`legacy-rfc-removable\` | ${RTCC_MESSAGE} | [2923799](${NOTE_URL}) |`);
      assert.equal(rows[3], `| 14 | info | DEV | \`legacy-rfc-removable\` | ${SDCC_MESSAGE} | [2923799](${NOTE_URL}) |`);
    });

    it('keeps the table intact when a message holds a pipe or <', () => {
      const result = runCli(['check', 'escaping', '--now', NOW, '--format', 'markdown']);
      assertExit(result, 1);
      const row = result.stdout.split('\n').find((line) => line.startsWith('| 3 |'));
      assert.ok(row, result.stdout);
      assert.equal(row.split(/(?<!\\)\|/).length - 2, 6, `six cells: ${row}`);
      assert.ok(row.includes('\\|pipe'), row);
      assert.ok(!row.includes('<key>'), row);
    });
  });
});

function decodeXml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] as string);
}

/** Well-formed enough for CI parsers: balanced tags, quoted attributes, no stray < or &, one root. */
function assertWellFormedXml(xml: string): void {
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'), xml.slice(0, 100));
  const body = xml.slice(xml.indexOf('?>') + 2);
  const entity = /&(#\d+|#x[0-9a-fA-F]+|lt|gt|quot|apos|amp);/g;
  const stack: string[] = [];
  let roots = 0;
  for (const token of body.match(/<[^>]*>|[^<]+/g) ?? []) {
    if (!token.startsWith('<')) {
      assert.ok(!token.replace(entity, '').includes('&'), `a bare & in text: ${token}`);
      if (stack.length === 0) assert.equal(token.trim(), '', `text outside the root: ${token}`);
      continue;
    }
    const tag = /^<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>$/.exec(token);
    assert.ok(tag, `not a well-formed tag: ${token}`);
    const [, closing, name, attributes, selfClosing] = tag;
    assert.ok(!attributes.replace(entity, '').includes('&'), `a bare & in attributes: ${token}`);
    if (closing) {
      assert.equal(stack.pop(), name, `mismatched </${name}>`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    }
  }
  assert.deepEqual(stack, [], 'unclosed elements');
  assert.equal(roots, 1, 'one root element');
}
