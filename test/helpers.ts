import { strict as assert } from 'assert';
import { resolveOptions, type OptionsFile } from '../src/core/config/options';
import { checkLandscapes } from '../src/core/engine';
import type { Finding, Severity } from '../src/core/findings';
import { applyEdits } from '../src/core/landscape/edits';
import { plainValue, type Pair, type SourceNode, type SourceTree } from '../src/core/landscape/sourceTree';
import { parseSourceTree } from '../src/core/landscape/parseTree';
import { RULES, findRule } from '../src/core/rules/registry';

export const TODAY = '2026-11-23';

/** What a YAML loader would give for the document (null when there is none). */
export function valueOf(root: SourceNode | null): unknown {
  return root && plainValue(root);
}

/** Everything a tree holds, node ranges included, for comparing two ways of parsing one text. */
export function dumpTree(tree: SourceTree): unknown {
  return { root: tree.root && dumpNode(tree.root), problems: tree.problems, hasAliases: tree.hasAliases, hasMerges: tree.hasMerges };
}

function dumpNode(node: SourceNode): unknown {
  if (node.kind === 'scalar') return { kind: node.kind, start: node.start, end: node.end, value: node.value, plain: node.plain, source: node.source };
  if (node.kind === 'seq') return { kind: node.kind, start: node.start, end: node.end, flow: node.flow, items: node.items.map(dumpNode) };
  const dumpPair = (pair: Pair): unknown => ({ key: dumpNode(pair.key), value: dumpNode(pair.value), merged: pair.merged });
  return {
    kind: node.kind,
    start: node.start,
    end: node.end,
    flow: node.flow,
    distinct: node.distinct,
    pairs: node.pairs.map(dumpPair),
    // A written pair by its place (dumping it again would double the work at every level), a merged one in full.
    entries: [...node.entries].map(([key, pair]) => [key, node.pairs.indexOf(pair), pair.merged ? dumpPair(pair) : null]),
  };
}

export interface CheckCall {
  /** Only these rules run (default: all). */
  rules?: string[];
  options?: OptionsFile;
  now?: string;
}

/** Checks one text (named `a.landscape.yaml`) or several named texts together. */
export function check(input: string | Record<string, string>, call: CheckCall = {}): Finding[] {
  const texts = typeof input === 'string' ? { 'a.landscape.yaml': input } : input;
  const rules = call.rules ? call.rules.map((id) => findRule(id) ?? assert.fail(`no rule ${id}`)) : RULES;
  const options = resolveOptions(RULES, { file: call.options, now: call.now ?? TODAY });
  return checkLandscapes(Object.entries(texts).map(([path, text]) => ({ path, text })), options, rules).findings;
}

export interface ExpectedFinding {
  rule: string;
  /** One-based line, as editors and the CLI show it. */
  line: number;
  severity?: Severity;
  message?: RegExp;
  path?: string;
}

/** Asserts exactly these findings, in order of position; reads like the behaviour under test. */
export function expectFindings(findings: Finding[], expected: ExpectedFinding[]): void {
  const describe = (finding: Finding): string => `${finding.path}:${finding.range.start.line + 1} ${finding.ruleId} ${finding.severity}: ${finding.message}`;
  assert.equal(findings.length, expected.length, `expected ${expected.length} findings, got:\n${findings.map(describe).join('\n')}`);
  expected.forEach((want, index) => {
    const got = findings[index];
    assert.equal(got.ruleId, want.rule, describe(got));
    assert.equal(got.range.start.line + 1, want.line, describe(got));
    if (want.severity) assert.equal(got.severity, want.severity, describe(got));
    if (want.message) assert.match(got.message, want.message, describe(got));
    if (want.path) assert.equal(got.path, want.path, describe(got));
  });
}

/** Checks with one rule and expects exactly these findings from it. */
export function expectRule(rule: string, text: string, expected: Omit<ExpectedFinding, 'rule'>[], call: Omit<CheckCall, 'rules'> = {}): Finding[] {
  const findings = check(text, { ...call, rules: [rule] });
  expectFindings(findings, expected.map((want) => ({ ...want, rule })));
  return findings;
}

/** Applies a finding's fix and asserts the result still parses without problems. */
export function applyFix(text: string, finding: Finding, fixIndex = 0): string {
  const fix = finding.fixes[fixIndex];
  assert.ok(fix, `finding has no fix ${fixIndex}: ${finding.message}`);
  const fixed = applyEdits(text, fix.edits);
  const tree = parseSourceTree(fixed);
  assert.deepEqual(tree.problems, [], `fixed text does not parse:\n${fixed}`);
  return fixed;
}

/** Ids of all registered rules, for tests that cover every rule. */
export const ALL_RULE_IDS = RULES.map((rule) => rule.id);

/** Builds a landscape text from lines, so test inputs read as YAML. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/**
 * A landscape with one ABAP system PRD: its own lines (indented under it), then, when given,
 * rfcDestinations with these entries. PRD's own lines start on line 5.
 */
export function prdSystem(ownLines: string[], destinations?: string[]): string {
  return yaml(
    'landscape: Test',
    'systems:',
    '  PRD:',
    '    product: abap',
    ...ownLines.map((line) => `    ${line}`),
    ...(destinations ? ['    rfcDestinations:', ...destinations.map((line) => `      ${line}`)] : []),
  );
}

