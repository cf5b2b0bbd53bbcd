import type { TextEdit } from '../findings';
import type { LandscapeFile } from './file';
import { writtenText, type MapNode, type Pair, type SourceNode } from './sourceTree';

/**
 * Fixes are minimal text edits computed from node offsets: they touch only the characters
 * that change, so comments, quoting, flow or block style and blank lines stay as written.
 */

/**
 * Sets `key: value` pairs in a mapping: a key written there gets its value replaced, the others
 * are added together after the last pair, in the mapping's own style (a pair written in a flow
 * sequence gets braces around it first). Keys are
 * names, found however they are written (`"st\x61tus"` is `status`) and quoted where needed.
 */
export function setMapValues(file: LandscapeFile, map: MapNode, values: ReadonlyArray<readonly [string, string]>): TextEdit[] {
  const edits: TextEdit[] = [];
  const missing: string[] = [];
  for (const [key, valueText] of values) {
    const own = lastPairNamed(map, key);
    if (!own) missing.push(`${yamlScalar(key)}: ${valueText}`);
    else if (own.value.kind === 'scalar' && own.value.source === '' && own.value.value === null) {
      const colon = file.text.indexOf(':', own.key.end);
      edits.push({ start: colon + 1, end: colon + 1, newText: ` ${valueText}` });
    } else edits.push(replaceValue(file, own.value, valueText));
  }
  if (missing.length === 0) return edits;
  const last = map.pairs[map.pairs.length - 1];
  if (map.flow) {
    if (!last) edits.push({ start: map.start + 1, end: map.end - 1, newText: ` ${missing.join(', ')} ` });
    else if (!braced(file, map)) {
      edits.push({ start: map.start, end: map.start, newText: '{ ' }, { start: map.end, end: map.end, newText: `, ${missing.join(', ')} }` });
    } else edits.push({ start: last.value.end, end: last.value.end, newText: `, ${missing.join(', ')}` });
    return edits;
  }
  const indent = last ? file.lines.positionAt(last.key.start).character : 0;
  const newline = file.lines.newline;
  const kept = last && keptBlankLinesEnd(file, lastScalar(last.value));
  if (kept !== undefined) {
    // After a |+ block scalar the blank lines are its text: the new pairs go after them.
    const before = kept === file.text.length && !file.text.endsWith('\n') ? newline : '';
    edits.push({ start: kept, end: kept, newText: before + missing.map((pair) => `${' '.repeat(indent)}${pair}${newline}`).join('') });
    return edits;
  }
  const lineEnd = file.lines.lineEnd(file.lines.positionAt(last ? last.value.end : map.end).line);
  edits.push({ start: lineEnd, end: lineEnd, newText: missing.map((pair) => `${newline}${' '.repeat(indent)}${pair}`).join('') });
  return edits;
}

/** The node written last in a value: the value itself, or the last one in a block collection. */
function lastScalar(node: SourceNode): SourceNode {
  let current = node;
  while (current.kind !== 'scalar' && !current.flow) {
    const next: SourceNode | undefined = current.kind === 'map' ? current.pairs[current.pairs.length - 1]?.value : current.items[current.items.length - 1];
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * For a block scalar that keeps its trailing line breaks (`|+`, `>+`, `|2+`): where the blank
 * lines after its last text end (the start of the next line with text, or the end of the file).
 * Undefined for any other value, which ends with its last text.
 */
function keptBlankLinesEnd(file: LandscapeFile, node: SourceNode): number | undefined {
  if (node.kind !== 'scalar' || !/^[|>](?:[1-9]?\+|\+[1-9])/.test(file.text.slice(node.start, node.start + 3))) return undefined;
  let line = file.lines.positionAt(node.end).line + 1;
  while (line < file.lines.lineCount && file.lines.lineText(line).trim() === '') line++;
  return line < file.lines.lineCount ? file.lines.lineStart(line) : file.text.length;
}

/** Of a key written twice the last one counts; a merged key is added, so the anchor stays as it is. */
function lastPairNamed(map: MapNode, key: string): Pair | undefined {
  for (let index = map.pairs.length - 1; index >= 0; index--) if (writtenText(map.pairs[index].key) === key) return map.pairs[index];
  return undefined;
}

/**
 * Replaces a value that may span lines (a block scalar, a collection) and keeps the comments
 * written inside it after the new value. The last line's comment lies after the value and stays
 * anyway; in a scalar only the first line can hold one (the rest is its text).
 */
function replaceValue(file: LandscapeFile, value: SourceNode, newText: string): TextEdit {
  const firstLine = file.lines.positionAt(value.start).line;
  const endLine = file.lines.positionAt(value.end).line;
  const kept = commentsOnLines(file, firstLine, value.kind === 'scalar' ? Math.min(firstLine, endLine - 1) : endLine - 1);
  return { start: value.start, end: value.end, newText: kept.length > 0 ? `${newText}  ${kept.join(' ')}` : newText };
}

/** The comments at the ends of lines `first` to `last`, in order. */
function commentsOnLines(file: LandscapeFile, first: number, last: number): string[] {
  const found: string[] = [];
  for (let line = first; line <= last; line++) {
    const comment = trailingComment(file.lines.lineText(line));
    if (comment) found.push(comment);
  }
  return found;
}

/** False for a pair written in a flow sequence (`[b: c]`): a mapping of one pair, without braces. */
function braced(file: LandscapeFile, map: MapNode): boolean {
  return file.text[map.start] === '{';
}

/** Quotes a key or value for a fix only when YAML would read it as something other than this text. */
export function yamlScalar(value: string): string {
  return /^[A-Za-z][A-Za-z0-9_./-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value) ? value : JSON.stringify(value);
}

/**
 * Removes one pair from a mapping. Comments written on the removed lines are kept in place as
 * comment lines, so deleting an entry never deletes what someone wrote about it.
 */
export function removeMapEntry(file: LandscapeFile, map: MapNode, pair: Pair): TextEdit {
  const text = file.text;
  if (map.flow) {
    const index = map.pairs.indexOf(pair);
    const next = map.pairs[index + 1];
    const previous = map.pairs[index - 1];
    if (next) return { start: pair.key.start, end: next.key.start, newText: '' };
    if (previous) return { start: previous.value.end, end: pair.value.end, newText: '' };
    return braced(file, map) ? { start: map.start + 1, end: map.end - 1, newText: '' } : { start: map.start, end: map.end, newText: '{}' };
  }
  const firstLine = file.lines.positionAt(pair.key.start).line;
  const lastLine = file.lines.positionAt(Math.max(pair.value.end - 1, pair.key.start)).line;
  const start = file.lines.lineStart(firstLine);
  const newline = file.lines.newline;
  const comments = (): string[] => commentsOnLines(file, firstLine, lastLine);
  if (text.slice(start, pair.key.start).trim() !== '') {
    // The first key of a list item (`- key: value`): the `- ` must stay, the next key moves up.
    const next = map.pairs[map.pairs.indexOf(pair) + 1];
    const kept = comments();
    if (!next) return { start: pair.key.start, end: file.lines.lineEnd(lastLine), newText: `{}${kept.length > 0 ? `   ${kept.join(' ')}` : ''}` };
    const nextIndent = ' '.repeat(file.lines.positionAt(next.key.start).character);
    return { start: pair.key.start, end: next.key.start, newText: kept.length > 0 ? `${kept.join(' ')}${newline}${nextIndent}` : '' };
  }
  const lastLineEnd = file.lines.lineEnd(lastLine);
  const end = lastLineEnd < text.length ? text.indexOf('\n', lastLineEnd) + 1 || text.length : text.length;
  const indent = ' '.repeat(file.lines.positionAt(pair.key.start).character);
  const keptComments = comments().map((comment) => `${indent}${comment}${newline}`);
  // A mapping left empty would read as null; `{}` on its own line keeps it a mapping.
  const placeholder = map.pairs.length === 1 ? `${indent}{}${newline}` : '';
  return { start, end, newText: keptComments.join('') + placeholder };
}

/** The comment at the end of a YAML line (`# ...` outside quotes, after white space), if any. */
export function trailingComment(line: string): string | undefined {
  let quote: string | null = null;
  for (let at = 0; at < line.length; at++) {
    const char = line[at];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (at === 0 || line[at - 1] === ' ' || line[at - 1] === '\t')) return line.slice(at);
  }
  return undefined;
}

/** Applies edits to a text (edits must not overlap): a finding's fix, or several for "fix all". */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
