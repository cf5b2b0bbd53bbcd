import { trailingComment } from '../landscape/edits';
import type { TextEdit } from '../findings';
import type { LineIndex } from '../landscape/text';

/**
 * Inline suppression comments:
 *   `# sapready-disable-next-line rule-a, rule-b` silences those rules on the following line;
 *   `# sapready-disable rule-a` silences a rule in the whole file.
 * Without rule ids, every rule is silenced there. Only comments count, not values.
 */
export interface Suppressions {
  isSuppressed(ruleId: string, line: number): boolean;
  /** Every directive, for hovers and "unused directive" checks. */
  directives: SuppressionDirective[];
  /** The rule ids `disable-next-line` directives silence on a line, sorted ("*" for all). */
  silencedOn(line: number): string[];
}

export interface SuppressionDirective {
  kind: 'next-line' | 'file';
  ruleIds: string[];
  /** Zero-based line of the comment. */
  line: number;
  /** Offset where the rule-id list starts and ends. */
  idsStart: number;
  idsEnd: number;
}

const MARKER = 'sapready-disable';
/** After the marker: an optional `-next-line`, then rule ids up to a ` -- reason` or the line end. */
const DIRECTIVE = /^sapready-disable(-next-line)?(?=\s|$)(.*)$/;
const ALL = '*';

export function findSuppressions(text: string, lines: LineIndex): Suppressions {
  const directives: SuppressionDirective[] = [];
  let at = text.indexOf(MARKER);
  while (at !== -1) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const hash = text.lastIndexOf('#', at);
    const lineEnd = lines.lineEnd(lines.positionAt(at).line);
    const directive = DIRECTIVE.exec(text.slice(at, lineEnd));
    const comment = trailingComment(text.slice(lineStart, lineEnd));
    if (directive && comment && lineEnd - comment.length === hash && text.slice(hash + 1, at).trim() === '') {
      const written = directive[2].trimStart();
      const idsStart = lineEnd - written.length;
      const list = written.replace(/(^|\s+)--.*$/, '').trimEnd();
      const ruleIds = list.split(/[\s,]+/).filter(Boolean);
      directives.push({
        kind: directive[1] ? 'next-line' : 'file',
        ruleIds: ruleIds.length > 0 ? ruleIds : [ALL],
        line: lines.positionAt(hash).line,
        idsStart,
        idsEnd: idsStart + list.length,
      });
    }
    at = text.indexOf(MARKER, at + MARKER.length);
  }
  const fileWide = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  for (const directive of directives) {
    if (directive.kind === 'file') directive.ruleIds.forEach((id) => fileWide.add(id));
    else {
      const target = nextContentLine(lines, directive.line);
      const ids = byLine.get(target) ?? new Set<string>();
      directive.ruleIds.forEach((id) => ids.add(id));
      byLine.set(target, ids);
    }
  }
  return {
    directives,
    isSuppressed(ruleId, line) {
      if (fileWide.has(ruleId) || fileWide.has(ALL)) return true;
      const ids = byLine.get(line);
      return ids !== undefined && (ids.has(ruleId) || ids.has(ALL));
    },
    silencedOn(line) {
      return [...(byLine.get(line) ?? [])].sort();
    },
  };
}

/** The directive applies to the next line that is not itself a comment or blank. */
function nextContentLine(lines: LineIndex, commentLine: number): number {
  let line = commentLine + 1;
  while (line < lines.lineCount && /^\s*(#.*)?$/.test(lines.lineText(line))) line++;
  return line;
}

/**
 * The edit that silences a rule on one line (a `disable-next-line` comment above it, or the rule
 * added to one that is already there) or in the whole file (a `disable` comment on top).
 */
export function disableRuleEdit(text: string, lines: LineIndex, ruleId: string, line: number, scope: 'line' | 'file'): TextEdit {
  const newline = lines.newline;
  if (scope === 'file') return { start: 0, end: 0, newText: `# sapready-disable ${ruleId}${newline}` };
  const existing = findSuppressions(text, lines).directives.find((directive) => directive.kind === 'next-line' && directive.line === line - 1 && !directive.ruleIds.includes('*'));
  if (existing) return { start: existing.idsEnd, end: existing.idsEnd, newText: `, ${ruleId}` };
  const lineStart = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
  return { start: lineStart, end: lineStart, newText: `${indent}# sapready-disable-next-line ${ruleId}${newline}` };
}
