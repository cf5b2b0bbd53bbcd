import type { ParseLimits, ScalarValue, SourceTree } from './sourceTree';
import { resolvePlainScalar, TreeBuilder } from './treeBuilder';

/**
 * Reads the plain block YAML that landscapes are written in straight into the position tree,
 * or returns undefined as soon as the text uses anything else, and js-yaml reads the file.
 *
 * Read here: block mappings and sequences (compact forms included), one-line flow collections,
 * one-line plain, single-quoted and escape-free double-quoted scalars, comments, CRLF lines.
 * Left to js-yaml: anchors, aliases, tags, merge keys, block scalars, multi-line scalars and
 * flows, escapes, directives, document markers, tabs, unusual characters and every error.
 * So a file is either read here exactly as js-yaml reads it (checked by differential tests
 * over generated and mutated landscapes) or not read here at all. Skipping js-yaml's event
 * records, which would all be alive at once for a large file, is what makes this path faster.
 */
export function scanPlainYaml(text: string, limits: ParseLimits): SourceTree | undefined {
  try {
    return new PlainScanner(text, limits).scan();
  } catch (error) {
    if (error === NOT_PLAIN) return undefined;
    throw error;
  }
}

/** Thrown to hand the file to js-yaml; one throw per file at most. */
const NOT_PLAIN = new Error('not plain block YAML');

const SPACE = 32;
const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DOT = 46;
const QUESTION = 63;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
/** The longest implicit key YAML allows. */
const MAX_KEY_LENGTH = 1024;

/** What js-yaml refuses or reads differently in some position; all are left to it. */
function isUnusual(code: number): boolean {
  return (
    code <= 0x9f || (code >= 0xd800 && code <= 0xdfff) || code === 0xfeff || code >= 0xfffe || code === 0x2028 || code === 0x2029
  );
}

function isFlowIndicator(code: number): boolean {
  return code === COMMA || code === OPEN_BRACKET || code === CLOSE_BRACKET || code === OPEN_BRACE || code === CLOSE_BRACE;
}

/**
 * The short texts a landscape repeats thousands of times (keys, products, releases, user IDs,
 * "100"): each becomes a string and a resolved value once per slot, not once per occurrence,
 * which saves most of the allocation of a large file. A slot holds the last text hashed to it.
 */
function nextHash(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

class RepeatedTexts {
  private static readonly LONGEST = 24;
  /** Slots minus one: 4,096 for a large file, 256 for the one system parsed again at a keystroke. */
  private readonly mask: number;
  private readonly texts: (string | undefined)[];
  private readonly values: ScalarValue[];
  private readonly resolved: boolean[];

  constructor(private readonly source: string) {
    const slots = source.length < 65_536 ? 256 : 4_096;
    this.mask = slots - 1;
    this.texts = new Array(slots).fill(undefined);
    this.values = new Array(slots).fill(null);
    this.resolved = new Array(slots).fill(false);
  }

  /** The slot for a text of `length` characters with `hash` (nextHash over its characters), or -1 for one too long to keep. */
  slot(hash: number, length: number): number {
    if (length > RepeatedTexts.LONGEST) return -1;
    return (hash ^ length ^ (hash >>> 12)) & this.mask;
  }

  /** slot() for a text not hashed while it was read (a quoted one). */
  slotOfText(start: number, end: number): number {
    if (end - start > RepeatedTexts.LONGEST) return -1;
    let hash = 0;
    for (let at = start; at < end; at++) hash = nextHash(hash, this.source.charCodeAt(at));
    return this.slot(hash, end - start);
  }

  /** The text from `start` to `end` as the string kept in `slot`, which it then occupies. */
  text(slot: number, start: number, end: number): string {
    const kept = this.texts[slot];
    if (kept !== undefined && kept.length === end - start && this.matches(kept, start)) return kept;
    const made = this.source.slice(start, end);
    this.texts[slot] = made;
    this.resolved[slot] = false;
    return made;
  }

  /** The plain-scalar value of the text `text(slot, ...)` just returned. */
  plainValue(slot: number): ScalarValue {
    if (!this.resolved[slot]) {
      this.values[slot] = resolvePlainScalar(this.texts[slot] as string);
      this.resolved[slot] = true;
    }
    return this.values[slot];
  }

  private matches(kept: string, start: number): boolean {
    for (let index = 0; index < kept.length; index++) if (kept.charCodeAt(index) !== this.source.charCodeAt(start + index)) return false;
    return true;
  }
}

class PlainScanner {
  private readonly builder: TreeBuilder;
  private readonly repeated: RepeatedTexts;
  /** Half of js-yaml's limit, which counts scalars too: deeper files get its exact message. */
  private readonly maxNesting: number;
  private pos = 0;
  private lineStart = 0;
  /** Column of the content line `pos` stands on after a line was finished; -1 at the end. */
  private indent = -1;
  // The scalar just scanned: its range (quotes included), its text inside quotes, its value.
  private tokenStart = 0;
  private tokenEnd = 0;
  private tokenPlain = true;
  private tokenSource = '';
  private tokenValue: ScalarValue = null;

  constructor(
    private readonly text: string,
    limits: ParseLimits,
  ) {
    this.builder = new TreeBuilder(text, limits);
    this.repeated = new RepeatedTexts(text);
    this.maxNesting = limits.maxDepth >> 1;
  }

  scan(): SourceTree {
    // js-yaml counts two levels for any document: below that it refuses every file, with its message.
    if (this.maxNesting < 1) throw NOT_PLAIN;
    this.nextContentLine();
    if (this.indent < 0) throw NOT_PLAIN; // empty or comments only
    this.builder.startDocument();
    this.blockNode(this.indent);
    if (this.indent >= 0) throw NOT_PLAIN;
    return this.builder.finish();
  }

  private code(at: number): number {
    return this.text.charCodeAt(at);
  }

  /** A space, a line break or the end of the text follows `at`. */
  private blankAfter(at: number): boolean {
    const next = this.code(at + 1);
    return next === SPACE || next === LINE_FEED || next === CARRIAGE_RETURN || at + 1 >= this.text.length;
  }

  private atSequenceEntry(): boolean {
    return this.code(this.pos) === DASH && this.blankAfter(this.pos);
  }

  /** Moves past blank and comment lines to the first character of the next content line. */
  private nextContentLine(): void {
    const text = this.text;
    const length = text.length;
    let pos = this.pos;
    while (pos < length) {
      const lineStart = pos;
      while (this.code(pos) === SPACE) pos++;
      const code = this.code(pos);
      if (code === LINE_FEED) pos++;
      else if (code === CARRIAGE_RETURN) pos = this.lineBreak(pos);
      else if (code === HASH) pos = this.skipComment(pos);
      else if (pos < length) {
        if (code === TAB) throw NOT_PLAIN;
        const indent = pos - lineStart;
        // A document marker (js-yaml takes one even when indented) or text that looks like one.
        if ((code === DASH || code === DOT) && text.startsWith(code === DASH ? '---' : '...', pos)) throw NOT_PLAIN;
        this.pos = pos;
        this.lineStart = lineStart;
        this.indent = indent;
        return;
      }
    }
    this.pos = length;
    this.indent = -1;
  }

  /** Past a CRLF at `at`; a lone CR is left to js-yaml. */
  private lineBreak(at: number): number {
    if (this.code(at + 1) !== LINE_FEED) throw NOT_PLAIN;
    return at + 2;
  }

  /** Past the comment starting at `at` and its line break. */
  private skipComment(at: number): number {
    const text = this.text;
    for (let pos = at + 1; pos < text.length; pos++) {
      const code = text.charCodeAt(pos);
      if (code === LINE_FEED) return pos + 1;
      if (code === CARRIAGE_RETURN) return this.lineBreak(pos);
      if (code < SPACE || (code >= 0x7f && isUnusual(code))) throw NOT_PLAIN;
    }
    return text.length;
  }

  /** After a node that ends its line: only spaces and a comment may follow. */
  private finishLine(): void {
    let pos = this.pos;
    while (this.code(pos) === SPACE) pos++;
    const code = this.code(pos);
    if (pos >= this.text.length) this.pos = pos;
    else if (code === LINE_FEED) this.pos = pos + 1;
    else if (code === CARRIAGE_RETURN) this.pos = this.lineBreak(pos);
    else if (code === HASH && this.code(pos - 1) === SPACE) this.pos = this.skipComment(pos);
    else throw NOT_PLAIN;
    this.nextContentLine();
  }

  /** After an indicator: true, with the next content line reached, when only a comment follows on its line. */
  private nothingFollows(): boolean {
    this.skipSpaces();
    const code = this.code(this.pos);
    if (code !== LINE_FEED && code !== CARRIAGE_RETURN && code !== HASH && this.pos < this.text.length) return false;
    this.finishLine();
    return true;
  }

  private opened(): void {
    if (this.builder.depth >= this.maxNesting) throw NOT_PLAIN;
  }

  /** A node starting at `pos` on a fresh line, at column `indent`. */
  private blockNode(indent: number): void {
    if (this.atSequenceEntry()) this.blockSequence(indent);
    else if (this.startsKey()) this.blockMapping(indent);
    else this.valueToEndOfLine();
  }

  private blockMapping(indent: number): void {
    this.builder.openMap(this.pos, false);
    this.opened();
    for (;;) {
      if (this.atSequenceEntry() || !this.startsScalar(false)) throw NOT_PLAIN;
      this.scanScalar(false);
      if (!this.followedByColon()) throw NOT_PLAIN;
      if (this.tokenEnd - this.tokenStart > MAX_KEY_LENGTH || (this.tokenPlain && this.tokenSource === '<<')) throw NOT_PLAIN;
      this.emitScalar();
      this.skipSpaces();
      this.pos++;
      if (this.nothingFollows()) {
        if (this.indent > indent) this.blockNode(this.indent);
        else if (this.indent === indent && this.atSequenceEntry()) this.blockSequence(indent);
        else this.builder.emptyScalar();
      } else this.valueToEndOfLine();
      if (this.indent > indent || (this.indent === indent && this.atSequenceEntry())) throw NOT_PLAIN;
      if (this.indent < indent) break;
    }
    this.builder.close();
  }

  private blockSequence(indent: number): void {
    this.builder.openSeq(this.pos, false);
    this.opened();
    for (;;) {
      this.pos++;
      if (this.nothingFollows()) {
        if (this.indent > indent) this.blockNode(this.indent);
        else this.builder.emptyScalar();
      } else {
        const column = this.pos - this.lineStart;
        if (this.atSequenceEntry()) this.blockSequence(column);
        else if (this.startsKey()) this.blockMapping(column);
        else this.valueToEndOfLine();
      }
      if (this.indent === indent && this.atSequenceEntry()) continue;
      if (this.indent > indent) throw NOT_PLAIN;
      break;
    }
    this.builder.close();
  }

  /** A scalar or flow collection that is all the rest of its line. */
  private valueToEndOfLine(): void {
    const code = this.code(this.pos);
    if (code === OPEN_BRACKET || code === OPEN_BRACE) this.flowCollection();
    else {
      if (!this.startsScalar(false)) throw NOT_PLAIN;
      this.scanScalar(false);
      if (this.followedByColon()) throw NOT_PLAIN;
      this.emitScalar();
    }
    this.finishLine();
  }

  /** Whether a scalar read here may start with the character at `pos`. */
  private startsScalar(flow: boolean): boolean {
    const code = this.code(this.pos);
    switch (code) {
      case DASH:
      case QUESTION:
      case COLON:
        return !this.blankAfter(this.pos) && !(flow && isFlowIndicator(this.code(this.pos + 1)));
      case COMMA: case OPEN_BRACKET: case CLOSE_BRACKET: case OPEN_BRACE: case CLOSE_BRACE: case HASH:
      case 38: case 42: case 33: case 124: case 62: case 37: case 64: case 96: // & * ! | > % @ `
        return false;
      default:
        return this.pos < this.text.length;
    }
  }

  /** Whether a block mapping key starts at `pos` (a one-line scalar, then `:` and a blank). */
  private startsKey(): boolean {
    if (!this.startsScalar(false)) return false;
    const start = this.pos;
    this.scanScalar(false);
    const key = this.followedByColon();
    this.pos = start;
    return key;
  }

  private followedByColon(): boolean {
    let at = this.pos;
    while (this.code(at) === SPACE) at++;
    return this.code(at) === COLON && this.blankAfter(at);
  }

  /** `[...]` or `{...}` on one line, holding scalars and flow collections. */
  private flowCollection(): void {
    const isMap = this.code(this.pos) === OPEN_BRACE;
    const close = isMap ? CLOSE_BRACE : CLOSE_BRACKET;
    if (isMap) this.builder.openMap(this.pos, true);
    else this.builder.openSeq(this.pos, true);
    this.opened();
    this.pos++;
    this.skipSpaces();
    if (this.code(this.pos) !== close) {
      for (;;) {
        if (isMap) {
          if (!this.startsScalar(true)) throw NOT_PLAIN;
          this.scanScalar(true);
          if (this.tokenEnd - this.tokenStart > MAX_KEY_LENGTH || (this.tokenPlain && this.tokenSource === '<<')) throw NOT_PLAIN;
          this.skipSpaces();
          if (this.code(this.pos) !== COLON || this.code(this.pos + 1) !== SPACE) throw NOT_PLAIN;
          this.emitScalar();
          this.pos += 2;
          this.skipSpaces();
        }
        this.flowItem();
        this.skipSpaces();
        const code = this.code(this.pos);
        if (code === close) break;
        if (code !== COMMA) throw NOT_PLAIN;
        this.pos++;
        this.skipSpaces();
        if (this.code(this.pos) === close) throw NOT_PLAIN; // a trailing comma
      }
    }
    this.pos++;
    this.builder.close(this.pos);
  }

  private flowItem(): void {
    const code = this.code(this.pos);
    if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      this.flowCollection();
      return;
    }
    if (!this.startsScalar(true)) throw NOT_PLAIN;
    this.scanScalar(true);
    this.skipSpaces();
    if (this.code(this.pos) === COLON) throw NOT_PLAIN; // a key without braces or a value
    this.emitScalar();
  }

  /** Spaces only: a tab, or inside a flow collection a line break or comment, is left to js-yaml. */
  private skipSpaces(): void {
    while (this.code(this.pos) === SPACE) this.pos++;
  }

  /** Scans the scalar at `pos` into the token fields; `pos` ends after it (trailing spaces may remain). */
  private scanScalar(flow: boolean): void {
    const code = this.code(this.pos);
    if (code === SINGLE_QUOTE || code === DOUBLE_QUOTE) this.scanQuoted(code);
    else this.scanPlain(flow);
  }

  private scanPlain(flow: boolean): void {
    const text = this.text;
    const length = text.length;
    const start = this.pos;
    let at = start;
    let end = start;
    // Hashed while read (spaces inside counted when a character follows them), for RepeatedTexts.
    let hash = 0;
    while (at < length) {
      const code = text.charCodeAt(at);
      if (code === SPACE) {
        at++;
        continue;
      }
      if (code === LINE_FEED || code === CARRIAGE_RETURN) break;
      if (code === HASH && text.charCodeAt(at - 1) === SPACE) break;
      if (code === COLON) {
        const next = text.charCodeAt(at + 1);
        if (next === SPACE || next === LINE_FEED || next === CARRIAGE_RETURN || at + 1 >= length || (flow && isFlowIndicator(next))) break;
      } else if (flow && isFlowIndicator(code)) break;
      else if (code < SPACE || (code >= 0x7f && isUnusual(code))) throw NOT_PLAIN;
      for (; end < at; end++) hash = nextHash(hash, SPACE);
      hash = nextHash(hash, code);
      at++;
      end = at;
    }
    this.pos = at;
    this.tokenStart = start;
    this.tokenEnd = end;
    this.tokenPlain = true;
    const slot = this.repeated.slot(hash, end - start);
    if (slot < 0) {
      this.tokenSource = text.slice(start, end);
      this.tokenValue = resolvePlainScalar(this.tokenSource);
    } else {
      this.tokenSource = this.repeated.text(slot, start, end);
      this.tokenValue = this.repeated.plainValue(slot);
    }
  }

  private scanQuoted(quote: number): void {
    const text = this.text;
    const start = this.pos;
    let at = start + 1;
    let doubledQuotes = false;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === quote) {
        if (quote === DOUBLE_QUOTE || text.charCodeAt(at + 1) !== SINGLE_QUOTE) break;
        doubledQuotes = true;
        at += 2;
        continue;
      }
      // Escapes, line breaks (folded), tabs, the end of the text: js-yaml's business.
      if (code === BACKSLASH || code < SPACE || Number.isNaN(code) || (code >= 0x7f && isUnusual(code))) throw NOT_PLAIN;
      at++;
    }
    this.pos = at + 1;
    this.tokenStart = start;
    this.tokenEnd = at + 1;
    this.tokenPlain = false;
    const slot = this.repeated.slotOfText(start + 1, at);
    this.tokenSource = slot < 0 ? text.slice(start + 1, at) : this.repeated.text(slot, start + 1, at);
    this.tokenValue = doubledQuotes ? this.tokenSource.replaceAll("''", "'") : this.tokenSource;
  }

  private emitScalar(): void {
    this.builder.scalar(this.tokenStart, this.tokenEnd, this.tokenValue, this.tokenPlain, this.tokenSource);
  }
}
