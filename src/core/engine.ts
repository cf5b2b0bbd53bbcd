import type { ResolvedOptions, RuleSetting } from './config/options';
import { compareFindings, type Finding } from './findings';
import { loadLandscapeFile, type CompanionReader, type LandscapeFile } from './landscape/file';
import type { SystemDeclaration } from './landscape/model';
import { holdsNode, type Pair } from './landscape/sourceTree';
import type { Span } from './landscape/text';
import { landscapeKey, WorkspaceIndex } from './landscape/workspace';
import { RULES } from './rules/registry';
import type { Rule, RuleReport } from './rules/rule';

export interface LandscapeText {
  path: string;
  text: string;
  /** Why the file's bytes could not be read as text (see decodeLandscapeBytes). */
  unreadable?: string;
  readCompanion?: CompanionReader;
}

export interface CheckResult {
  files: LandscapeFile[];
  findings: Finding[];
}

/** Parses and checks landscape files that belong together (one workspace, one CLI run). */
export function checkLandscapes(texts: readonly LandscapeText[], options: ResolvedOptions, rules: readonly Rule[] = RULES): CheckResult {
  const files = texts.map((input) => ({ ...loadLandscapeFile(input.path, input.text, options.limits, input.unreadable), readCompanion: input.readCompanion }));
  return { files, findings: runRules(files, options, rules) };
}

interface CachedSystem {
  /** Where the system's key was when its findings were computed (offset and line); they move with it. */
  keyStart: number;
  keyLine: number;
  /**
   * The suppressions then in force from outside the system's lines: file-wide directives, and
   * `disable-next-line` directives on the key line, which stand at the end of the previous
   * system's lines and so change without this system being parsed again.
   */
  suppressedFromOutside: string;
  findings: Finding[];
  /** The nodes the findings' related places are (by finding), which may move or go on their own. */
  anchors: RelatedAnchor[];
}

interface RelatedAnchor {
  finding: Finding;
  nodes: readonly Span[];
}

/**
 * Findings of system-scoped rules per system, kept between checks of an editor session. A
 * system whose nodes were not parsed again (see reparseLandscapeFile) keeps its findings,
 * moved to where the system now sits. Any change to the declarations other systems may refer
 * to (see declarationSignature) or to the options starts afresh.
 */
export class RuleCache {
  signature = '';
  options: ResolvedOptions | undefined;
  rules: readonly Rule[] | undefined;
  systems = new WeakMap<Pair, CachedSystem>();
}

/**
 * Runs every enabled rule on every file. Files are parsed beforehand (and may be cached by a
 * face); the cross-file index is built once here, so each reference resolves in O(1). With a
 * cache (an editor session), system-scoped rules run system by system so that their findings
 * can be kept; without one (a single check), and on a file with aliases, every rule runs once
 * over each whole file.
 */
export function runRules(files: readonly LandscapeFile[], options: ResolvedOptions, rules: readonly Rule[] = RULES, cache?: RuleCache): Finding[] {
  const workspace = new WorkspaceIndex(files);
  // A rule the options do not know (one passed in beside the registry) has no setting: it stays off.
  const enabled = rules.flatMap((rule) => {
    const setting = options.rules.get(rule.id);
    return setting && setting.severity !== 'off' ? [{ rule, setting }] : [];
  });
  const findings: Finding[] = [];
  // One context per rule, pointed at the file (or system slice) being checked: a check of
  // 10,000 systems would otherwise allocate a context and a closure per rule and system.
  const target: ReportTarget = { file: files[0], into: findings };
  const runners = enabled.map(({ rule, setting }) => ruleRunners(rule, setting, options, workspace, target));
  const checkWhole = (): void => {
    for (const { check, checkOutsideSystems } of runners) {
      check();
      checkOutsideSystems?.();
    }
  };
  if (!cache) {
    for (const file of files) {
      target.file = file;
      checkWhole();
    }
    return findings.sort(compareFindings);
  }
  const signature = declarationSignature(workspace);
  if (cache.signature !== signature || cache.options !== options || cache.rules !== rules) {
    cache.signature = signature;
    cache.options = options;
    cache.rules = rules;
    cache.systems = new WeakMap();
  }
  // Everything that reads more than one system runs on the whole file; the rest system by system.
  const fileRunners = runners.flatMap((runner) => (runner.systemScoped ? (runner.checkOutsideSystems ? [runner.checkOutsideSystems] : []) : [runner.check]));
  const systemRunners = runners.filter((runner) => runner.systemScoped).map((runner) => runner.check);
  const byPath = new Map(files.map((file) => [file.path, file]));
  for (const file of files) {
    target.file = file;
    target.into = findings;
    // An alias shares nodes between systems: checked one by one, each would report them again.
    if (file.tree.hasAliases) {
      checkWhole();
      continue;
    }
    for (const run of fileRunners) run();
    if (!file.model || systemRunners.length === 0) continue;
    const fileWide = file.suppressions.directives
      .filter((directive) => directive.kind === 'file')
      .map((directive) => directive.ruleIds.join(','))
      .join(';');
    for (const system of file.model.systems) {
      const keyLine = file.lines.positionAt(system.pair.key.start).line;
      const suppressedFromOutside = `${fileWide}|${file.suppressions.silencedOn(keyLine).join(',')}`;
      const cached = cache.systems.get(system.pair);
      if (cached && cached.suppressedFromOutside === suppressedFromOutside && rebase(cached, system.pair.key.start, keyLine, byPath)) {
        findings.push(...cached.findings);
        continue;
      }
      const own: Finding[] = [];
      const anchors: RelatedAnchor[] = [];
      target.file = { ...file, model: { ...file.model, systems: [system] } };
      target.into = own;
      target.anchors = anchors;
      for (const run of systemRunners) run();
      target.anchors = undefined;
      cache.systems.set(system.pair, { keyStart: system.pair.key.start, keyLine, suppressedFromOutside, findings: own, anchors });
      findings.push(...own);
    }
  }
  return findings.sort(compareFindings);
}

/** Where the findings of the rule now running go, and which file (or system slice) it checks. */
interface ReportTarget {
  file: LandscapeFile;
  into: Finding[];
  /** Where a cached system's findings record the nodes their related places are. */
  anchors?: RelatedAnchor[];
}

const NONE: never[] = [];

interface RuleRunners {
  systemScoped: boolean;
  check: () => void;
  checkOutsideSystems?: () => void;
}

function ruleRunners(rule: Rule, setting: RuleSetting, options: ResolvedOptions, workspace: WorkspaceIndex, target: ReportTarget): RuleRunners {
  const report = (found: RuleReport): void => {
    const file = target.file;
    const range = file.lines.rangeOf(found.at);
    if (file.suppressions.isSuppressed(rule.id, range.start.line)) return;
    const finding: Finding = {
      ruleId: rule.id,
      severity: setting.severityChosen ? (setting.severity as Finding['severity']) : (found.severity ?? rule.defaultSeverity),
      message: found.message,
      path: file.path,
      span: { start: found.at.start, end: found.at.end },
      range,
      notes: found.notes ?? rule.notes,
      related: found.related
        ? found.related.map((related) => ({
            path: related.file.path,
            span: { start: related.at.start, end: related.at.end },
            range: related.file.lines.rangeOf(related.at),
            message: related.message,
          }))
        : NONE,
      fixes: found.fixes ?? NONE,
      sid: found.sid,
    };
    target.into.push(finding);
    if (found.related && target.anchors) target.anchors.push({ finding, nodes: found.related.map((related) => related.at) });
  };
  const optionsOf = (ruleId: string): object => options.rules.get(ruleId)?.options ?? {};
  const context = { options: setting.options, today: options.today, workspace, report, optionsOf };
  const guarded = (part: 'check' | 'checkOutsideSystems') => (): void => {
    try {
      rule[part]?.(target.file, context);
    } catch (error) {
      throw new Error(`Rule ${rule.id} failed on ${target.file.path}: ${error instanceof Error ? error.message : String(error)}. This is a bug in sapready; please report it with the file.`, { cause: error });
    }
  };
  return {
    systemScoped: rule.scope === 'system',
    check: guarded('check'),
    checkOutsideSystems: rule.checkOutsideSystems && guarded('checkOutsideSystems'),
  };
}

/**
 * Moves cached findings to where their system now is. The system's lines are unchanged (it was
 * not parsed again), so its findings keep their characters and move by whole lines: no line
 * lookup per finding. A related place (a declaration elsewhere) is taken again from its node,
 * which may have moved on its own; when that node is no longer in its file's tree (parsed again),
 * false: the system is checked again.
 */
function rebase(cached: CachedSystem, keyStart: number, keyLine: number, files: ReadonlyMap<string, LandscapeFile>): boolean {
  const relatedFiles: LandscapeFile[][] = [];
  for (const { finding, nodes } of cached.anchors) {
    const found: LandscapeFile[] = [];
    for (let index = 0; index < nodes.length; index++) {
      const file = files.get(finding.related[index].path);
      if (!file?.tree.root || !holdsNode(file.tree.root, nodes[index])) return false;
      found.push(file);
    }
    relatedFiles.push(found);
  }
  cached.anchors.forEach(({ finding, nodes }, which) => {
    // A line break typed elsewhere moves lines without moving offsets: the range is always taken again.
    finding.related = finding.related.map((related, index) => ({ ...related, span: { start: nodes[index].start, end: nodes[index].end }, range: relatedFiles[which][index].lines.rangeOf(nodes[index]) }));
  });
  const delta = keyStart - cached.keyStart;
  const lines = keyLine - cached.keyLine;
  if (delta === 0 && lines === 0) return true;
  for (const finding of cached.findings) {
    if (delta !== 0) {
      finding.span = { start: finding.span.start + delta, end: finding.span.end + delta };
      finding.fixes = finding.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((edit) => ({ start: edit.start + delta, end: edit.end + delta, newText: edit.newText })) }));
    }
    if (lines !== 0) {
      const { start, end } = finding.range;
      finding.range = { start: { line: start.line + lines, character: start.character }, end: { line: end.line + lines, character: end.character } };
    }
  }
  cached.keyStart = keyStart;
  cached.keyLine = keyLine;
  return true;
}

/** What other systems' findings may read of a system: what it is, how it reaches SAP, its hosts. */
const declaredOf = new WeakMap<SystemDeclaration, string>();

/**
 * The system's part of declarationSignature: where it is, then what declaredOf says. A system
 * declaration is never changed once built, and one an edit did not touch is kept (see
 * reparseLandscapeFile), so that part is remembered per declaration: a keystroke in a large file
 * builds it for the edited system only.
 */
function systemSignature(file: LandscapeFile, system: SystemDeclaration): string {
  let declared = declaredOf.get(system);
  if (declared === undefined) {
    declared = [system.product, system.supportConnection, system.operatedBy, system.host, system.messageServer].map((field) => field?.value ?? '').join(':');
    declaredOf.set(system, declared);
  }
  return `${file.path}:${landscapeKey(file)}:${declared}`;
}

/** What other systems' findings may depend on: systems (systemSignature), users with their kinds, partners. */
function declarationSignature(workspace: WorkspaceIndex): string {
  const parts: string[] = [`partners=${workspace.partnerLandscapeNames.join('|')}`];
  for (const [sid, declared] of workspace.systems) parts.push(`${sid}=${declared.map((entry) => systemSignature(entry.file, entry.declaration)).join('|')}`);
  for (const [id, declared] of workspace.users) parts.push(`${id}=${declared.map((entry) => `${entry.file.path}:${landscapeKey(entry.file)}:${entry.declaration.kind?.value ?? ''}`).join('|')}`);
  return parts.join('\n');
}
