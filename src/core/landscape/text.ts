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
  private readonly lineStarts: number[] = [0];
  /** The line break edits write: `\r\n` when the file has any, as editors keep a CRLF file CRLF. */
  readonly newline: '\n' | '\r\n';

  constructor(readonly text: string) {
    let crlf = false;
    let at = text.indexOf('\n');
    while (at !== -1) {
      if (!crlf && at > 0 && text.charCodeAt(at - 1) === 13) crlf = true;
      this.lineStarts.push(at + 1);
      at = text.indexOf('\n', at + 1);
    }
    this.newline = crlf ? '\r\n' : '\n';
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
