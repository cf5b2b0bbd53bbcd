import * as jsyaml from 'js-yaml';
import type { Span } from './text';

/**
 * A YAML document as a tree of nodes that know their source offsets, built from js-yaml's
 * event stream. js-yaml's parser is the fastest positional one on npm (about half the time of
 * its own `load`, a twentieth of `yaml.parseDocument`), which is what keeps a full check of a
 * 10 MB landscape within the benchmark targets. `yaml` is loaded only to describe syntax errors.
 */
export type SourceNode = MapNode | SeqNode | ScalarNode;

interface NodeBase extends Span {
  /** The plain JavaScript value, shared with the schema validator. */
  value: unknown;
}

export type ScalarValue = string | number | boolean | null;

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: ScalarValue;
  /** True for unquoted scalars: only they are resolved to numbers, booleans and null. */
  plain: boolean;
  /** The scalar's source text as written (for plain scalars this is also the key text). */
  source: string;
}

export interface Pair {
  key: ScalarNode;
  value: SourceNode;
  /** Came in through a `<<` merge key; its nodes sit where the anchor was written. */
  merged: boolean;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  flow: boolean;
  /** The pairs written in this mapping, in source order (merged pairs excluded). */
  pairs: Pair[];
  /** Every effective entry by key text, merged ones included; own keys win over merged. */
  entries: Map<string, Pair>;
  value: Record<string, unknown>;
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  flow: boolean;
  items: SourceNode[];
  value: unknown[];
}

export interface SyntaxProblem extends Span {
  message: string;
  /** A second place the problem concerns (the first declaration of a duplicate key). */
  related?: Span & { message: string };
}

export interface SourceTree {
  root: SourceNode | null;
  problems: SyntaxProblem[];
  /** Number of nodes written in the file (aliases count once). */
  nodeCount: number;
  /** True when an alias shares a node between two places (walks must then avoid revisiting). */
  hasAliases: boolean;
}

export interface ParseLimits {
  /** How many nodes aliases may add beyond the written ones before the file is refused. */
  maxAliasExpansion: number;
  /** Deepest nesting of collections accepted. */
  maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxAliasExpansion: 100_000, maxDepth: 64 };

const { EVENT_ID, SCALAR_STYLE, COLLECTION_STYLE } = jsyaml;

interface MapFrame {
  node: MapNode;
  pendingKey: ScalarNode | null;
  merges: SourceNode[];
}
interface SeqFrame {
  node: SeqNode;
}
type Frame = MapFrame | SeqFrame;

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
  if (NULL_PATTERN.test(text)) return null;
  const first = text.charCodeAt(0);
  // Most values start with a letter other than t/f/n/T/F/N; skip the pattern tests for them.
  if (first > 57 && first !== 116 && first !== 102 && first !== 84 && first !== 70 && first !== 46) return text;
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

/** Parses one landscape file. Never throws: syntax errors and exceeded limits become problems. */
export function parseSourceTree(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): SourceTree {
  let events: jsyaml.Event[];
  try {
    events = jsyaml.parseEvents(text, { maxDepth: limits.maxDepth });
  } catch (error) {
    return { root: null, problems: describeSyntaxErrors(text, error), nodeCount: 0, hasAliases: false };
  }
  try {
    return new TreeBuilder(text, events, limits).build();
  } catch (error) {
    if (error instanceof LimitExceeded) {
      return { root: null, problems: [{ start: error.at, end: error.at + 1, message: error.message }], nodeCount: 0, hasAliases: false };
    }
    throw error;
  }
}

class LimitExceeded extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

class TreeBuilder {
  private readonly stack: Frame[] = [];
  private readonly anchors = new Map<string, SourceNode>();
  /** Nodes an anchored node stands for once its aliases are expanded; bounds all later traversal. */
  private readonly weights = new Map<SourceNode, number>();
  private readonly problems: SyntaxProblem[] = [];
  private root: SourceNode | null = null;
  private documents = 0;
  private nodeCount = 0;
  private aliasWeight = 0;
  private lastEnd = 0;

  constructor(
    private readonly text: string,
    private readonly events: jsyaml.Event[],
    private readonly limits: ParseLimits,
  ) {}

  build(): SourceTree {
    for (const event of this.events) {
      switch (event.type) {
        case EVENT_ID.DOCUMENT:
          this.documents++;
          if (this.documents === 2) {
            const marker = /^(?:---|\.\.\.)/m.exec(this.text.slice(this.lastEnd));
            const at = marker ? this.lastEnd + marker.index : this.lastEnd;
            this.problems.push({
              start: at,
              end: marker ? at + 3 : at,
              message: 'A landscape file holds one YAML document; this second document is ignored. Split it into its own file.',
            });
          }
          break;
        case EVENT_ID.MAPPING:
          this.open(event, 'map');
          break;
        case EVENT_ID.SEQUENCE:
          this.open(event, 'seq');
          break;
        case EVENT_ID.SCALAR:
          this.attach(this.scalar(event));
          break;
        case EVENT_ID.ALIAS:
          this.attach(this.alias(event));
          break;
        case EVENT_ID.POP:
          this.close();
          break;
      }
    }
    return { root: this.root, problems: this.problems, nodeCount: this.nodeCount, hasAliases: this.aliasWeight > 0 };
  }

  private open(event: jsyaml.MappingEvent | jsyaml.SequenceEvent, kind: 'map' | 'seq'): void {
    const flow = event.style === COLLECTION_STYLE.FLOW;
    const start = event.start;
    const node: MapNode | SeqNode =
      kind === 'map'
        ? { kind, flow, start, end: start, pairs: [], entries: new Map(), value: {} }
        : { kind, flow, start, end: start, items: [], value: [] };
    this.nodeCount++;
    this.anchor(event, node);
    this.stack.push(kind === 'map' ? { node: node as MapNode, pendingKey: null, merges: [] } : { node: node as SeqNode });
  }

  private close(): void {
    const frame = this.stack.pop();
    if (!frame) return; // end of a document
    const node = frame.node;
    if (node.flow) node.end = this.closingBracket(node);
    else node.end = Math.max(node.start, this.lastEnd);
    if ('merges' in frame) this.applyMerges(frame);
    this.lastEnd = node.end;
    this.attach(node);
  }

  /** Flow collections end at their bracket, which js-yaml's events do not report. */
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

  private scalar(event: jsyaml.ScalarEvent): ScalarNode {
    this.nodeCount++;
    if (event.valueStart < 0) {
      const node: ScalarNode = { kind: 'scalar', start: this.lastEnd, end: this.lastEnd, value: null, plain: true, source: '' };
      this.anchor(event, node);
      return node;
    }
    const plain = event.style === SCALAR_STYLE.PLAIN;
    const source = this.text.slice(event.valueStart, event.valueEnd);
    const decoded = event.fast ? source : jsyaml.getScalarValue(this.text, event);
    const explicitString = event.tagStart >= 0 && /^!!?str$/.test(this.text.slice(event.tagStart, event.tagEnd));
    const value = plain && !explicitString ? resolvePlainScalar(decoded) : decoded;
    const start = plain || event.style > SCALAR_STYLE.DOUBLE_QUOTED ? event.valueStart : event.valueStart - 1;
    const end = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED ? event.valueEnd + 1 : event.valueEnd;
    const node: ScalarNode = { kind: 'scalar', start, end, value, plain: plain && !explicitString, source };
    this.anchor(event, node);
    this.lastEnd = end;
    return node;
  }

  private alias(event: jsyaml.AliasEvent): SourceNode {
    const name = this.text.slice(event.anchorStart, event.anchorEnd);
    this.lastEnd = event.anchorEnd;
    const target = this.anchors.get(name);
    if (!target) throw new LimitExceeded(`Unknown alias *${name}: no anchor &${name} before it.`, event.anchorStart - 1);
    if (this.stack.some((frame) => frame.node === target)) {
      throw new LimitExceeded(`Alias *${name} refers to a collection that contains it; such a cycle cannot be checked.`, event.anchorStart - 1);
    }
    this.aliasWeight += this.weigh(target);
    if (this.aliasWeight > this.limits.maxAliasExpansion) {
      throw new LimitExceeded(
        `Aliases expand to more than ${this.limits.maxAliasExpansion} nodes (an alias bomb?). ` +
          'Raise limits.maxAliasExpansion in .sapready.yaml if this file is genuine.',
        event.anchorStart - 1,
      );
    }
    return target;
  }

  private anchor(event: { anchorStart: number; anchorEnd: number }, node: SourceNode): void {
    if (event.anchorStart >= 0) this.anchors.set(this.text.slice(event.anchorStart, event.anchorEnd), node);
  }

  private attach(node: SourceNode): void {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      if (this.documents <= 1) this.root = node;
      return;
    }
    if ('items' in parent.node) {
      const seq = parent.node;
      seq.items.push(node);
      seq.value.push(node.value);
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
      return;
    }
    const map = frame.node;
    const keyText = key.plain ? key.source : String(key.value);
    const pair: Pair = { key, value: node, merged: false };
    const earlier = map.entries.get(keyText);
    if (earlier) {
      this.problems.push({
        start: key.start,
        end: key.end,
        message: `Duplicate key "${keyText}": YAML keeps only one of them. Remove or rename one.`,
        related: { start: earlier.key.start, end: earlier.key.end, message: `"${keyText}" is first declared here.` },
      });
    }
    map.pairs.push(pair);
    map.entries.set(keyText, pair);
    setOwnValue(map.value, keyText, node.value);
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
    for (const merge of frame.merges) {
      const sources = merge.kind === 'seq' ? merge.items : [merge];
      for (const source of sources) {
        if (source.kind !== 'map') {
          this.problems.push({ start: source.start, end: source.end, message: 'A merge key (<<) takes a mapping or a list of mappings.' });
          continue;
        }
        for (const [keyText, pair] of source.entries) {
          if (map.entries.has(keyText)) continue;
          map.entries.set(keyText, { ...pair, merged: true });
          setOwnValue(map.value, keyText, pair.value.value);
        }
      }
    }
  }
}

/** Assigns without invoking the `__proto__` setter, so a key of that name stays data. */
function setOwnValue(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * js-yaml stops at the first error; `yaml` reports all of them with ranges and plainer words,
 * so it is asked once the fast path has failed. Loaded lazily: valid files never pay for it.
 */
function describeSyntaxErrors(text: string, error: unknown): SyntaxProblem[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml = require('yaml') as typeof import('yaml');
  const problems: SyntaxProblem[] = [];
  try {
    for (const document of yaml.parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false })) {
      if (!('errors' in document)) continue;
      for (const yamlError of document.errors) {
        // yaml reports some errors one past the end of the text; a range must stay inside it.
        const start = Math.min(yamlError.pos[0], text.length);
        problems.push({ start, end: Math.min(Math.max(yamlError.pos[1], start), text.length), message: firstLine(yamlError.message) });
      }
    }
  } catch {
    // Fall through to js-yaml's own description below.
  }
  if (problems.length > 0) return problems;
  const mark = error instanceof jsyaml.YAMLException ? error.mark : undefined;
  const reason = error instanceof jsyaml.YAMLException ? error.reason.replace(/^nesting exceeded maxDepth \((\d+)\)$/i, 'nesting deeper than $1 levels; raise limits.maxDepth in .sapready.yaml if this file is genuine') : String(error);
  const at = mark ? Math.min(mark.position, text.length) : 0;
  return [{ start: at, end: Math.min(at + 1, text.length), message: capitalize(reason) }];
}

function firstLine(message: string): string {
  const line = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return capitalize(line);
}

function capitalize(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
