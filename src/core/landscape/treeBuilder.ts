import { SEARCHED_IN_PLACE, typedKeyIdentity, writtenText, type MapNode, type Pair, type ParseLimits, type ScalarNode, type ScalarValue, type SeqNode, type SourceNode, type SourceTree, type SyntaxProblem } from './sourceTree';

/**
 * Builds the position tree from a stream of node calls. Two readers drive it: the scanner for
 * the plain block YAML landscapes are written in (fastScanner.ts) and js-yaml's event stream for
 * everything else, so both give the same tree by construction: nodes, ranges, duplicate keys,
 * merges and limits are decided here only.
 */
export class TreeBuilder {
  private readonly stack: Frame[] = [];
  private readonly anchors = new Map<string, SourceNode>();
  /** Nodes an anchored node stands for once its aliases are expanded; bounds all later traversal. */
  private readonly weights = new Map<SourceNode, number>();
  private readonly problems: SyntaxProblem[] = [];
  private root: SourceNode | null = null;
  private documents = 0;
  private aliasWeight = 0;
  private hasMerges = false;
  /** End of the last node read: where an empty scalar sits and where a block collection ends. */
  private lastEnd = 0;

  constructor(
    private readonly text: string,
    private readonly limits: ParseLimits,
  ) {}

  /** How many collections are open (the scanner bounds nesting with it). */
  get depth(): number {
    return this.stack.length;
  }

  startDocument(): void {
    this.documents++;
    if (this.documents !== 2) return;
    const marker = /^(?:---|\.\.\.)/m.exec(this.text.slice(this.lastEnd));
    const at = marker ? this.lastEnd + marker.index : this.lastEnd;
    this.problems.push({
      start: at,
      end: marker ? at + 3 : at,
      message: 'A landscape file holds one YAML document; this second document is ignored. Split it into its own file.',
    });
  }

  openMap(start: number, flow: boolean, anchor?: string): void {
    const node = new MappingNode(start, flow);
    this.remember(anchor, node);
    this.stack.push({ node, pendingKey: null, merges: [], keys: undefined, typedKeys: undefined });
  }

  openSeq(start: number, flow: boolean, anchor?: string): void {
    const node: SeqNode = { kind: 'seq', flow, start, end: start, items: [] };
    this.remember(anchor, node);
    this.stack.push({ node });
  }

  /**
   * Closes the innermost collection. A flow collection ends after its bracket: a reader that
   * knows where that is passes it, otherwise it is searched for (js-yaml's events omit it). A
   * pair written in a flow sequence (`[b: c]`) is a mapping without braces: it ends at its value.
   */
  close(bracketEnd?: number): void {
    const frame = this.stack.pop();
    if (!frame) return; // end of a document
    const node = frame.node;
    if (node.flow && (node.kind === 'seq' || this.text[node.start] === '{')) node.end = bracketEnd ?? this.closingBracket(node);
    else node.end = Math.max(node.start, this.lastEnd);
    // An array grown by push keeps room for 17 items; most collections hold a handful.
    if ('merges' in frame) {
      if (frame.node.pairs.length < 12) frame.node.pairs = frame.node.pairs.slice();
      if (frame.keys) frame.node.entries = frame.keys;
      if (frame.merges.length > 0) this.applyMerges(frame);
    } else if (frame.node.items.length < 12) frame.node.items = frame.node.items.slice();
    this.lastEnd = node.end;
    this.attach(node);
  }

  /** A scalar from `start` to `end` (quotes included); `source` is its text inside any quotes. */
  scalar(start: number, end: number, value: ScalarValue, plain: boolean, source: string, anchor?: string): void {
    const node: ScalarNode = { kind: 'scalar', start, end, value, plain, source };
    this.remember(anchor, node);
    this.lastEnd = end;
    this.attach(node);
  }

  /**
   * A value left out (`key:` with nothing after it), placed where the last node ended: null,
   * or the empty string when tagged `!!str`.
   */
  emptyScalar(anchor?: string, explicitString = false): void {
    const value = explicitString ? '' : null;
    const node: ScalarNode = { kind: 'scalar', start: this.lastEnd, end: this.lastEnd, value, plain: !explicitString, source: '' };
    this.remember(anchor, node);
    this.attach(node);
  }

  /** `*name` at `start` (the asterisk). */
  alias(name: string, start: number, end: number): void {
    this.lastEnd = end;
    const target = this.anchors.get(name);
    if (!target) throw new LimitExceeded(`Unknown alias *${name}: no anchor &${name} before it.`, start);
    if (this.stack.some((frame) => frame.node === target)) {
      throw new LimitExceeded(`Alias *${name} refers to a collection that contains it; such a cycle cannot be checked.`, start);
    }
    this.aliasWeight += this.weigh(target);
    if (this.aliasWeight > this.limits.maxAliasExpansion) {
      throw new LimitExceeded(
        `Aliases expand to more than ${this.limits.maxAliasExpansion} nodes (an alias bomb?). ` +
          'Raise limits.maxAliasExpansion in .sapready.yaml if this file is genuine.',
        start,
      );
    }
    this.attach(target);
  }

  private remember(anchor: string | undefined, node: SourceNode): void {
    if (anchor !== undefined) this.anchors.set(anchor, node);
  }

  finish(): SourceTree {
    return { root: this.root, problems: this.problems, hasAliases: this.aliasWeight > 0, hasMerges: this.hasMerges };
  }

  /** Flow collections end at their bracket; the first one after the last item, outside comments. */
  private closingBracket(node: MapNode | SeqNode): number {
    const bracket = node.kind === 'map' ? '}' : ']';
    let at = Math.max(this.lastEnd, node.start + 1);
    const text = this.text;
    while (at < text.length && text[at] !== bracket) {
      if (text[at] === '#') {
        const lineEnd = text.indexOf('\n', at);
        at = lineEnd === -1 ? text.length : lineEnd;
      } else at++;
    }
    return Math.min(at + 1, text.length);
  }

  private attach(node: SourceNode): void {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      if (this.documents <= 1) this.root = node;
      return;
    }
    if ('items' in parent.node) {
      parent.node.items.push(node);
      return;
    }
    const frame = parent as MapFrame;
    if (frame.pendingKey === null) {
      if (node.kind !== 'scalar') {
        this.problems.push({ start: node.start, end: node.end, message: 'Only plain text can be a key in a landscape file; this key is a collection.' });
        frame.pendingKey = { kind: 'scalar', start: node.start, end: node.end, value: '', plain: false, source: '' };
      } else frame.pendingKey = node;
      return;
    }
    const key = frame.pendingKey;
    frame.pendingKey = null;
    if (key.plain && key.source === '<<') {
      frame.merges.push(node);
      this.hasMerges = true;
      return;
    }
    const map = frame.node;
    const text = writtenText(key);
    const pair: Pair = { key, value: node, merged: false };
    const typed = typedKeyIdentity(key);
    map.pairs.push(pair);
    const writtenAlike = earlierPair(frame, text, pair);
    const earlier = earlierSameKey(frame, text, typed, writtenAlike);
    if (earlier) {
      // The model keeps the first: the finding points at this one as the one to remove.
      map.distinct = false;
      map.skip(pair);
      const first = writtenText(earlier.key);
      this.problems.push({
        start: key.start,
        end: key.end,
        message: `Duplicate key "${text}"${first === text ? '' : ` (YAML reads it as the same key as "${first}")`}: YAML keeps only one of them. Remove or rename one.`,
        related: { start: earlier.key.start, end: earlier.key.end, message: `"${first}" is first declared here.` },
      });
      return;
    }
    if (typed !== undefined) (frame.typedKeys ??= new Map()).set(typed, pair);
    // Two different keys written alike ("01" beside 01): the index, known by text, keeps the first.
    if (writtenAlike) map.distinct = false;
    if (frame.keys) {
      if (!writtenAlike) frame.keys.set(text, pair);
    } else if (map.pairs.length === SEARCHED_IN_PLACE) frame.keys = map.entries;
  }

  /**
   * The expanded size of an aliased node, computed when an alias first refers to it (most files
   * have no aliases, so no node pays for this). Memoised per anchored node, so nested aliases
   * are counted without walking them again; the walk stops once the budget is spent.
   */
  private weigh(node: SourceNode): number {
    const known = this.weights.get(node);
    if (known !== undefined) return known;
    let weight = 1;
    if (node.kind === 'map') for (const pair of node.entries.values()) weight += 1 + this.weigh(pair.value);
    else if (node.kind === 'seq') for (const item of node.items) weight += this.weigh(item);
    if (weight > this.limits.maxAliasExpansion) weight = this.limits.maxAliasExpansion + 1;
    if (node.kind !== 'scalar') this.weights.set(node, weight);
    return weight;
  }

  private applyMerges(frame: MapFrame): void {
    const map = frame.node;
    const entries = map.entries;
    for (const merge of frame.merges) {
      const sources = merge.kind === 'seq' ? merge.items : [merge];
      for (const source of sources) {
        if (source.kind !== 'map') {
          this.problems.push({ start: source.start, end: source.end, message: 'A merge key (<<) takes a mapping or a list of mappings.' });
          continue;
        }
        for (const [text, pair] of source.entries) {
          if (entries.has(text)) continue;
          entries.set(text, { ...pair, merged: true });
          map.distinct = false;
        }
      }
    }
  }
}

/** A mapping whose entries index is built on first use (see MapNode.entries). */
class MappingNode implements MapNode {
  readonly kind = 'map';
  end: number;
  pairs: Pair[] = [];
  distinct = true;
  private index: Map<string, Pair> | undefined = undefined;
  /** Pairs repeating an earlier key: in `pairs` (they are written) but not in `entries`. */
  private duplicates: Set<Pair> | undefined = undefined;

  constructor(
    public start: number,
    public flow: boolean,
  ) {
    this.end = start;
  }

  get entries(): Map<string, Pair> {
    if (!this.index) {
      this.index = new Map();
      for (const pair of this.pairs) {
        const text = writtenText(pair.key);
        if (!this.duplicates?.has(pair) && !this.index.has(text)) this.index.set(text, pair);
      }
    }
    return this.index;
  }

  /** Leaves a pair that repeats an earlier key out of `entries`. */
  skip(pair: Pair): void {
    (this.duplicates ??= new Set()).add(pair);
  }

  set entries(index: Map<string, Pair>) {
    this.index = index;
  }
}

/** The first pair written before `pair` with this key text, as the index holds it (duplicates aside). */
function earlierPair(frame: MapFrame, text: string, pair: Pair): Pair | undefined {
  if (frame.keys) return frame.keys.get(text);
  const pairs = frame.node.pairs;
  for (let index = 0; index < pairs.length && pairs[index] !== pair; index++) if (writtenText(pairs[index].key) === text) return pairs[index];
  return undefined;
}

/**
 * The pair written before that YAML reads as the same key: a number, boolean or null however
 * written (`1`/`01`/`0x1`, `true`/`True`), text with the same text. Text and a number written
 * alike (`"01"` beside `01`, `"true"` beside `true`) are two keys.
 */
function earlierSameKey(frame: MapFrame, text: string, typed: string | undefined, writtenAlike: Pair | undefined): Pair | undefined {
  if (typed !== undefined) return frame.typedKeys?.get(typed);
  if (!writtenAlike || typedKeyIdentity(writtenAlike.key) === undefined) return writtenAlike;
  // Rare: the first key written so is a number or boolean (01 before "01"); look for text among the others.
  const pairs = frame.node.pairs;
  for (let index = 0; index < pairs.length - 1; index++) {
    if (writtenText(pairs[index].key) === text && typedKeyIdentity(pairs[index].key) === undefined) return pairs[index];
  }
  return undefined;
}

interface MapFrame {
  node: MappingNode;
  pendingKey: ScalarNode | null;
  merges: SourceNode[];
  /** The key index of a large mapping, kept while it is read; becomes its entries. */
  keys: Map<string, Pair> | undefined;
  /** By typedKeyIdentity, the first pair of each key that YAML reads as a number, boolean or null. */
  typedKeys: Map<string, Pair> | undefined;
}
interface SeqFrame {
  node: SeqNode;
}
type Frame = MapFrame | SeqFrame;

/** A limit or a broken reference that ends the parse; reported as the file's one problem. */
export class LimitExceeded extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const NULL_PATTERN = /^(?:~|null|Null|NULL)?$/;
const TRUE_PATTERN = /^(?:true|True|TRUE)$/;
const FALSE_PATTERN = /^(?:false|False|FALSE)$/;
const INT_PATTERN = /^[-+]?[0-9]+$/;
const OCTAL_PATTERN = /^0o[0-7]+$/;
const HEX_PATTERN = /^0x[0-9a-fA-F]+$/;
const FLOAT_PATTERN = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INFINITY_PATTERN = /^([-+]?)\.(?:inf|Inf|INF)$/;
const NAN_PATTERN = /^\.(?:nan|NaN|NAN)$/;

/** YAML 1.2 core schema resolution of a plain scalar (so dates stay strings). */
export function resolvePlainScalar(text: string): ScalarValue {
  const first = text.charCodeAt(0);
  // Most values start with a letter other than t/f/n/T/F/N (or ~); skip the pattern tests for them.
  if (first > 57 && first !== 116 && first !== 102 && first !== 110 && first !== 84 && first !== 70 && first !== 78 && first !== 126) return text;
  if (NULL_PATTERN.test(text)) return null;
  if (TRUE_PATTERN.test(text)) return true;
  if (FALSE_PATTERN.test(text)) return false;
  if (INT_PATTERN.test(text)) return Number.parseInt(text, 10);
  if (OCTAL_PATTERN.test(text)) return Number.parseInt(text.slice(2), 8);
  if (HEX_PATTERN.test(text)) return Number.parseInt(text.slice(2), 16);
  if (FLOAT_PATTERN.test(text)) return Number.parseFloat(text);
  const infinity = INFINITY_PATTERN.exec(text);
  if (infinity) return infinity[1] === '-' ? -Infinity : Infinity;
  if (NAN_PATTERN.test(text)) return NaN;
  return text;
}
