/** Zero-based line and character, as editors count them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Half-open character offsets into a file's text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Converts offsets to line/character positions; built once per text, O(log n) a lookup. It also
 * keeps the file's line-break style, so that an edit never has to scan the whole text for it.
 */
export class LineIndex {
  private readonly lineStarts: number[];
  private style: '\n' | '\r\n' | undefined;

  /** `known`: line starts already found (see afterEdit), and the line-break style when known. */
  constructor(
    readonly text: string,
    known?: { lineStarts: number[]; newline?: '\n' | '\r\n' },
  ) {
    if (known) {
      this.lineStarts = known.lineStarts;
      this.style = known.newline;
      return;
    }
    this.lineStarts = [0];
    let crlf = false;
    let at = text.indexOf('\n');
    while (at !== -1) {
      if (!crlf && at > 0 && text.charCodeAt(at - 1) === 13) crlf = true;
      this.lineStarts.push(at + 1);
      at = text.indexOf('\n', at + 1);
    }
    this.style = crlf ? '\r\n' : '\n';
  }

  /**
   * The index of `text`, which is this index's text with `[start, oldEnd)` replaced by
   * `text.slice(start, oldEnd + delta)`: only the replaced part is searched for line breaks, the
   * line starts after it move by `delta` (a keystroke in a large file need not scan all of it).
   */
  afterEdit(text: string, start: number, oldEnd: number, delta: number): LineIndex {
    const lineStarts: number[] = [];
    let index = 0;
    for (; index < this.lineStarts.length && this.lineStarts[index] <= start; index++) lineStarts.push(this.lineStarts[index]);
    const newEnd = oldEnd + delta;
    let crlfInEdit = false;
    for (let at = text.indexOf('\n', start); at !== -1 && at < newEnd; at = text.indexOf('\n', at + 1)) {
      if (at > 0 && text.charCodeAt(at - 1) === 13) crlfInEdit = true;
      lineStarts.push(at + 1);
    }
    // A `\r` typed just before a kept `\n` makes a CRLF there too.
    if (text.charCodeAt(newEnd) === 10 && newEnd > 0 && text.charCodeAt(newEnd - 1) === 13) crlfInEdit = true;
    while (index < this.lineStarts.length && this.lineStarts[index] <= oldEnd) index++;
    for (; index < this.lineStarts.length; index++) lineStarts.push(this.lineStarts[index] + delta);
    // A CRLF file stays one unless the edit may have taken its CRLFs away: then ask when needed.
    const newline = crlfInEdit ? '\r\n' : this.style === '\n' ? '\n' : undefined;
    return new LineIndex(text, { lineStarts, newline });
  }

  /** The line break edits write: `\r\n` when the file has any, as editors keep a CRLF file CRLF. */
  get newline(): '\n' | '\r\n' {
    return (this.style ??= this.text.includes('\r\n') ? '\r\n' : '\n');
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[Math.max(0, position.line)];
    return Math.min(lineStart + position.character, this.lineEnd(position.line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the line break (or end of text) that ends `line`, without the break itself. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    return next > 0 && this.text[next - 1] === '\r' ? next - 1 : next;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}
