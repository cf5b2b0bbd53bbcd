import type { TextEdit } from '../findings';
import type { SourceNode } from '../landscape/sourceTree';
import type { LineIndex, Span } from '../landscape/text';

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
 * Where the comments that hold the marker start, in a parsed file: a `#` after white space
 * (or at a line's start) that lies in no scalar. Text inside a block scalar or a quoted string
 * is data, and a hostile value must not be able to silence rules.
 */
function commentsOutsideScalars(text: string, root: SourceNode): number[] {
  const scalars: Span[] = [];
  // Aliases are visited again where they are used: the parser's alias limit bounds that.
  const visit = (node: SourceNode): void => {
    if (node.kind === 'scalar') scalars.push(node);
    else if (node.kind === 'seq') node.items.forEach(visit);
    else
      for (const pair of node.pairs) {
        visit(pair.key);
        visit(pair.value);
      }
  };
  visit(root);
  // Written scalars come in source order; only aliases put one out of place.
  if (scalars.some((scalar, index) => index > 0 && scalar.start < scalars[index - 1].start)) scalars.sort((a, b) => a.start - b.start);
  const insideScalar = (offset: number): boolean => {
    // The last scalar starting at or before the offset is the only one that can contain it.
    let low = 0;
    let high = scalars.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (scalars[mid].start <= offset) low = mid + 1;
      else high = mid - 1;
    }
    return high >= 0 && offset < scalars[high].end;
  };
  const starts: number[] = [];
  for (let at = text.indexOf(MARKER); at !== -1; at = text.indexOf(MARKER, at + MARKER.length)) {
    const hash = text.lastIndexOf('#', at);
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (hash < lineStart || text.slice(hash + 1, at).trim() !== '') continue;
    if (hash > lineStart && text[hash - 1] !== ' ' && text[hash - 1] !== '\t') continue;
    if (!insideScalar(hash)) starts.push(hash);
  }
  return starts;
}

/**
 * Where the comments start in a file that did not parse, as YAML's lexer sees them (it reads
 * broken files too, so a broken file cannot hide a directive in a value either). The lexing
 * stops after the last marker: what follows cannot change what came before.
 */
function commentsByLexer(text: string): number[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Lexer } = require('yaml') as typeof import('yaml');
  const lastMarker = text.lastIndexOf(MARKER);
  const lineEnd = text.indexOf('\n', lastMarker);
  const prefix = lineEnd === -1 ? text : text.slice(0, lineEnd + 1);
  const starts: number[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(prefix)) {
    if (SYNTHETIC_TOKENS.has(token) && !prefix.startsWith(token, offset)) continue;
    if (token.startsWith('#')) starts.push(offset);
    offset += token.length;
  }
  return starts;
}

export function findSuppressions(text: string, lines: LineIndex, root: SourceNode | null): Suppressions {
  const directives: SuppressionDirective[] = [];
  if (text.includes(MARKER)) {
    for (const hash of root ? commentsOutsideScalars(text, root) : commentsByLexer(text)) {
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
  const newline = lines.newline;
  if (scope === 'file') return { start: 0, end: 0, newText: `# sapready-disable ${ruleId}${newline}` };
  const existing = findSuppressions(text, lines, null).directives.find((directive) => directive.kind === 'next-line' && directive.line === line - 1 && !directive.ruleIds.includes('*'));
  if (existing) return { start: existing.idsEnd, end: existing.idsEnd, newText: `, ${ruleId}` };
  const lineStart = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
  return { start: lineStart, end: lineStart, newText: `${indent}# sapready-disable-next-line ${ruleId}${newline}` };
}
