import type { ResolvedOptions } from './config/options';
import { compareFindings, type Finding } from './findings';
import { loadLandscapeFile, type LandscapeFile } from './landscape/file';
import { WorkspaceIndex } from './landscape/workspace';
import { RULES } from './rules/registry';
import type { Rule, RuleReport } from './rules/rule';

export interface LandscapeText {
  path: string;
  text: string;
  /** Why the file's bytes could not be read as text (see decodeLandscapeBytes). */
  unreadable?: string;
}

export interface CheckResult {
  files: LandscapeFile[];
  findings: Finding[];
}

/** Parses and checks landscape files that belong together (one workspace, one CLI run). */
export function checkLandscapes(texts: readonly LandscapeText[], options: ResolvedOptions, rules: readonly Rule[] = RULES): CheckResult {
  const files = texts.map((input) => loadLandscapeFile(input.path, input.text, options.limits, input.unreadable));
  return { files, findings: runRules(files, options, rules) };
}

/**
 * Runs every enabled rule on every file. Files are parsed beforehand (and may be cached by a
 * face); the cross-file index is built once here, so each reference resolves in O(1).
 */
export function runRules(files: readonly LandscapeFile[], options: ResolvedOptions, rules: readonly Rule[] = RULES): Finding[] {
  const workspace = new WorkspaceIndex(files);
  const findings: Finding[] = [];
  for (const file of files) {
    for (const rule of rules) {
      const setting = options.rules.get(rule.id);
      if (!setting || setting.severity === 'off') continue;
      const report = (found: RuleReport): void => {
        const range = file.lines.rangeOf(found.at);
        if (file.suppressions.isSuppressed(rule.id, range.start.line)) return;
        findings.push({
          ruleId: rule.id,
          severity: setting.severityChosen ? (setting.severity as Finding['severity']) : (found.severity ?? rule.defaultSeverity),
          message: found.message,
          path: file.path,
          span: { start: found.at.start, end: found.at.end },
          range,
          notes: found.notes ?? rule.notes,
          related: (found.related ?? []).map((related) => ({
            path: related.file.path,
            span: { start: related.at.start, end: related.at.end },
            range: related.file.lines.rangeOf(related.at),
            message: related.message,
          })),
          fixes: found.fixes ?? [],
          sid: found.sid,
        });
      };
      try {
        rule.check(file, { options: setting.options, today: options.today, workspace, report });
      } catch (error) {
        throw new Error(`Rule ${rule.id} failed on ${file.path}: ${error instanceof Error ? error.message : String(error)}. This is a bug in sapready; please report it with the file.`);
      }
    }
  }
  return findings.sort(compareFindings);
}
