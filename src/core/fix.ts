import type { ResolvedOptions } from './config/options';
import { checkLandscapes, type CheckResult, type LandscapeText } from './engine';
import type { Finding, TextEdit } from './findings';
import { applyEdits } from './landscape/edits';
import type { Rule } from './rules/rule';

/** The edits "fix all" makes in one file, and the findings they fix. */
export interface ChosenFixes {
  edits: TextEdit[];
  fixed: Finding[];
}

/**
 * The first fix of every finding of one file, skipping any whose edits overlap an edit already
 * chosen (it is left for the next pass, after a new check). The editor's "Fix all" and
 * `sapready check --fix` both choose this way, so they make the same edits.
 */
export function chooseFixes(findings: readonly Finding[]): ChosenFixes {
  const edits: TextEdit[] = [];
  const fixed: Finding[] = [];
  for (const finding of findings) {
    const fix = finding.fixes[0];
    if (!fix || fix.edits.some((edit) => edits.some((taken) => overlaps(edit, taken)))) continue;
    edits.push(...fix.edits);
    fixed.push(finding);
  }
  return { edits, fixed };
}

/** Two insertions at one offset overlap too: their order would be a guess. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

export interface FixOutcome {
  /** Every file with its text after the fixes (unchanged files as given). */
  texts: LandscapeText[];
  /** Paths of the files whose text changed. */
  changed: string[];
  /** Per changed file, how many findings the fixes removed over all passes. */
  fixedCounts: Map<string, number>;
  /** The check of the fixed texts: what remains to report. */
  result: CheckResult;
}

/**
 * ESLint bounds its fix loop at 10 passes: a fix that keeps producing new fixable findings
 * (two rules undoing each other) must not loop for ever.
 */
export const MAX_FIX_PASSES = 10;

/**
 * Applies every fix that can be applied, as the editor's "Fix all" would, then checks again
 * and fixes what the new check offers (edits skipped for overlapping, findings that only
 * appear after a fix), up to MAX_FIX_PASSES. Files are checked together in every pass, so
 * references across files resolve as in a plain check.
 */
export function fixLandscapes(texts: readonly LandscapeText[], options: ResolvedOptions, rules?: readonly Rule[]): FixOutcome {
  let current = [...texts];
  const fixedCounts = new Map<string, number>();
  let result = checkLandscapes(current, options, rules);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const byPath = new Map<string, Finding[]>();
    for (const finding of result.findings) {
      if (finding.fixes.length === 0) continue;
      const list = byPath.get(finding.path) ?? [];
      list.push(finding);
      byPath.set(finding.path, list);
    }
    let editedThisPass = false;
    current = current.map((input) => {
      const findings = byPath.get(input.path);
      if (!findings || input.unreadable) return input;
      const chosen = chooseFixes(findings);
      if (chosen.edits.length === 0) return input;
      const text = applyEdits(input.text, chosen.edits);
      if (text === input.text) return input;
      editedThisPass = true;
      fixedCounts.set(input.path, (fixedCounts.get(input.path) ?? 0) + chosen.fixed.length);
      return { ...input, text };
    });
    if (!editedThisPass) break;
    result = checkLandscapes(current, options, rules);
  }
  const changed = current.filter((input, index) => input.text !== texts[index].text).map((input) => input.path);
  return { texts: current, changed, fixedCounts, result };
}
