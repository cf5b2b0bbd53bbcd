import type { TextEdit } from '../findings';
import type { LineIndex } from '../landscape/text';

/**
 * Inline suppression comments:
 *   `# sapready-disable-next-line rule-a, rule-b` silences those rules on the following line;
 *   `# sapready-disable rule-a` silences a rule in the whole file.
 * Without rule ids, every rule is silenced there. Only YAML comments count, never text inside values.
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
/** Tokens YAML's lexer adds that are not characters of the text. */
const SYNTHETIC_TOKENS = new Set(['\x02', '\x18', '\x1f']);

/**
 * Where the text's comments start, as a YAML lexer sees them: a `#` inside a block scalar or a
 * quoted string that runs over several lines is data, and a hostile value must not be able to
 * silence rules. The lexer also reads files that do not parse, so a broken file keeps its
 * directives. Loaded lazily: most files hold no directive at all.
 */
function commentStarts(text: string): number[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Lexer } = require('yaml') as typeof import('yaml');
  const starts: number[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (SYNTHETIC_TOKENS.has(token) && !text.startsWith(token, offset)) continue;
    if (token.startsWith('#')) starts.push(offset);
    offset += token.length;
  }
  return starts;
}

export function findSuppressions(text: string, lines: LineIndex): Suppressions {
  const directives: SuppressionDirective[] = [];
  if (text.includes(MARKER)) {
    for (const hash of commentStarts(text)) {
      const lineEnd = lines.lineEnd(lines.positionAt(hash).line);
      const comment = text.slice(hash + 1, lineEnd);
      const directive = DIRECTIVE.exec(comment.trimStart());
      if (!directive) continue;
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
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  if (scope === 'file') return { start: 0, end: 0, newText: `# sapready-disable ${ruleId}${newline}` };
  const existing = findSuppressions(text, lines).directives.find((directive) => directive.kind === 'next-line' && directive.line === line - 1 && !directive.ruleIds.includes('*'));
  if (existing) return { start: existing.idsEnd, end: existing.idsEnd, newText: `, ${ruleId}` };
  const lineStart = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
  return { start: lineStart, end: lineStart, newText: `${indent}# sapready-disable-next-line ${ruleId}${newline}` };
}
