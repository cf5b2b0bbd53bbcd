import type { ScalarNode, SourceNode } from '../landscape/sourceTree';

/**
 * Patterns from an options file run inside the check, in the editor even for a workspace that
 * is not trusted. JavaScript's regular expressions backtrack: `^(a+)+$` against 32 characters
 * runs for many seconds. So a pattern is accepted only when it cannot backtrack
 * exponentially: no repeated group that itself repeats or has alternatives, no
 * backreference, no lookaround. Names are short, so what remains runs in bounded time.
 */
export function patternProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
  } catch (error) {
    return `"${pattern}" is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}.`;
  }
  const risky = backtrackingRisk(pattern);
  return risky && `"${pattern}" could take exponential time to match (${risky}); write it without that, for example ^SM_[A-Z0-9]+_READ$.`;
}

/** A quantifier that lets its atom match more than once: *, +, {n,}, {n,m} with m > 1, {n} with n > 1. */
const REPEATING = /^(?:[*+]|\{(\d+)(,(\d*))?\})/;

function repeatsAt(pattern: string, at: number): number {
  const match = REPEATING.exec(pattern.slice(at));
  if (!match) return 0;
  const most = match[2] === undefined ? Number(match[1]) : match[3] === '' ? Infinity : Number(match[3]);
  return match[1] === undefined || most > 1 ? match[0].length : 0;
}

/** What in the pattern can make a backtracking matcher take exponential time, if anything. */
function backtrackingRisk(pattern: string): string | undefined {
  // Per open group: does it contain a repetition or alternatives (at any depth)?
  const risky: boolean[] = [false];
  let closedRisky = false; // the group that ended just before `at` was risky
  for (let at = 0; at < pattern.length; at++) {
    const char = pattern[at];
    const afterRiskyGroup = closedRisky;
    closedRisky = false;
    const repetition = repeatsAt(pattern, at);
    if (repetition > 0) {
      if (afterRiskyGroup) return `a repeated group that itself repeats or has alternatives, at position ${at + 1}`;
      risky[risky.length - 1] = true;
      at += repetition - 1;
    } else if (char === '\\') {
      if (/[1-9k]/.test(pattern[at + 1] ?? '')) return `a backreference at position ${at + 1}`;
      at++;
    } else if (char === '[') {
      for (at++; at < pattern.length && pattern[at] !== ']'; at++) if (pattern[at] === '\\') at++;
    } else if (char === '(') {
      if (/^\?<?[=!]/.test(pattern.slice(at + 1, at + 4))) return `a lookaround at position ${at + 1}`;
      risky.push(false);
    } else if (char === ')') {
      closedRisky = risky.pop() ?? false;
      risky[risky.length - 1] ||= closedRisky;
    } else if (char === '|') risky[risky.length - 1] = true;
  }
  return undefined;
}

/** Every string under a key ending in `Patterns` (ignoredNamePatterns, serviceNamePatterns, ...). */
export function patternNodes(node: SourceNode): ScalarNode[] {
  const found: ScalarNode[] = [];
  const visit = (current: SourceNode, underPatterns: boolean): void => {
    if (current.kind === 'scalar') {
      if (underPatterns && typeof current.value === 'string') found.push(current);
    } else if (current.kind === 'seq') current.items.forEach((item) => visit(item, underPatterns));
    else for (const pair of current.pairs) visit(pair.value, String(pair.key.value).endsWith('Patterns'));
  };
  visit(node, false);
  return found;
}

/**
 * Rule options that come from outside an options file (VS Code's `sapReadiness.rules`, which a
 * workspace's .vscode/settings.json can set) with their patterns checked as an options file's
 * are: an option (`ignoredNamePatterns`, ...) holding a refused pattern is left out, so that
 * pattern never runs and the options file's or the default list applies, and a message names
 * the setting, the option and the pattern.
 */
export function checkSettingPatterns<T>(rules: Record<string, T>, setting: string): { rules: Record<string, T>; problems: string[] } {
  const checked: Record<string, T> = {};
  const problems: string[] = [];
  for (const [id, value] of Object.entries(rules)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      checked[id] = value;
      continue;
    }
    const options: Record<string, unknown> = {};
    for (const [option, list] of Object.entries(value)) {
      const refused = option.endsWith('Patterns')
        ? (Array.isArray(list) ? list : [list]).flatMap((pattern) => {
            const problem = typeof pattern === 'string' ? patternProblem(pattern) : undefined;
            return problem ? [problem] : [];
          })
        : [];
      if (refused.length === 0) options[option] = list;
      else for (const problem of refused) problems.push(`Setting ${setting}, ${id}.${option}: ${problem} The setting's ${option} are not used.`);
    }
    checked[id] = options as T;
  }
  return { rules: checked, problems };
}
