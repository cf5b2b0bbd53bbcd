import * as jsyaml from 'js-yaml';
import { scanPlainYaml } from './fastScanner';
import type { Span } from './text';
import { LimitExceeded, resolvePlainScalar, TreeBuilder } from './treeBuilder';

/**
 * A YAML document as a tree of nodes that know their source offsets. Landscapes in plain block
 * YAML are read by our own scanner (fastScanner.ts), anything else from js-yaml's event stream;
 * `yaml` is loaded only to describe syntax errors. Only scalars carry a JavaScript value: the
 * plain value of a collection is built when it is asked for (plainValue), so a large file is not
 * held twice.
 */
export type SourceNode = MapNode | SeqNode | ScalarNode;

export type ScalarValue = string | number | boolean | null;

export interface ScalarNode extends Span {
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

export interface MapNode extends Span {
  kind: 'map';
  flow: boolean;
  /** The pairs written in this mapping, in source order (merged pairs excluded). */
  pairs: Pair[];
  /**
   * Every effective entry by key text, merged ones included; own keys win over merged, and of
   * a key written twice the last one counts. Built when first asked for: most mappings are
   * small and are searched in place (entryOf), so most never need one.
   */
  entries: Map<string, Pair>;
  /** True when `pairs` are exactly the entries, in order: no key written twice, nothing merged. */
  distinct: boolean;
}

export interface SeqNode extends Span {
  kind: 'seq';
  flow: boolean;
  items: SourceNode[];
}

export interface SyntaxProblem extends Span {
  message: string;
  /** A second place the problem concerns (the first declaration of a duplicate key). */
  related?: Span & { message: string };
}

export interface SourceTree {
  root: SourceNode | null;
  problems: SyntaxProblem[];
  /** True when an alias shares a node between two places (walks must then avoid revisiting). */
  hasAliases: boolean;
  /** True when a `<<` merge key was read: merged entries' nodes sit in no mapping's `pairs`. */
  hasMerges: boolean;
}

export interface ParseLimits {
  /** How many nodes aliases may add beyond the written ones before the file is refused. */
  maxAliasExpansion: number;
  /** Deepest nesting of collections accepted. */
  maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxAliasExpansion: 100_000, maxDepth: 64 };

/**
 * A scalar's text: as written when plain (so a key `0001` stays "0001" and `instance: 00` stays
 * "00"), as decoded when quoted. Keys are known by it, text fields read it.
 */
export function writtenText(scalar: ScalarNode): string {
  return scalar.plain ? scalar.source : String(scalar.value);
}

/**
 * Up to this many pairs, looking a key up by walking the pairs beats building an index; from
 * this many on, the tree builder indexes a mapping's keys while reading it (to find duplicates).
 */
export const SEARCHED_IN_PLACE = 16;

/** `map.entries.get(key)`, without building the index of a small mapping. */
export function entryOf(map: MapNode, key: string): Pair | undefined {
  const pairs = map.pairs;
  if (!map.distinct || pairs.length > SEARCHED_IN_PLACE) return map.entries.get(key);
  for (let index = 0; index < pairs.length; index++) if (writtenText(pairs[index].key) === key) return pairs[index];
  return undefined;
}

/** `map.entries.values()`, without building the index where the pairs are the entries. */
export function entriesOf(map: MapNode): Iterable<Pair> {
  return map.distinct ? map.pairs : map.entries.values();
}

/** The node as plain JavaScript (what a YAML loader would give), merged entries included. */
export function plainValue(node: SourceNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plainValue);
  const value: Record<string, unknown> = {};
  for (const pair of entriesOf(node)) {
    const key = writtenText(pair.key);
    // defineProperty, so that a key named __proto__ stays data instead of setting the prototype.
    if (key === '__proto__') Object.defineProperty(value, key, { value: plainValue(pair.value), enumerable: true, writable: true, configurable: true });
    else value[key] = plainValue(pair.value);
  }
  return value;
}

const { EVENT_ID, SCALAR_STYLE, COLLECTION_STYLE } = jsyaml;

/**
 * Parses one landscape file. Never throws: syntax errors and exceeded limits become problems.
 * Plain block YAML (nearly every landscape) is read by our own scanner; anything it does not
 * read (anchors, block scalars, escapes, several documents, errors ...) goes through js-yaml.
 */
export function parseSourceTree(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): SourceTree {
  return scanPlainYaml(text, limits) ?? parseWithJsYaml(text, limits);
}

/** The tree from js-yaml's events: any YAML, with its first error described. */
export function parseWithJsYaml(text: string, limits: ParseLimits): SourceTree {
  let events: jsyaml.Event[];
  try {
    events = jsyaml.parseEvents(text, { maxDepth: limits.maxDepth });
  } catch (error) {
    return { root: null, problems: describeSyntaxErrors(text, error), hasAliases: false, hasMerges: false };
  }
  try {
    return buildFromEvents(text, events, limits);
  } catch (error) {
    if (error instanceof LimitExceeded) {
      return { root: null, problems: [{ start: error.at, end: error.at + 1, message: error.message }], hasAliases: false, hasMerges: false };
    }
    throw error;
  }
}

function buildFromEvents(text: string, events: jsyaml.Event[], limits: ParseLimits): SourceTree {
  const builder = new TreeBuilder(text, limits);
  const anchorOf = (event: { anchorStart: number; anchorEnd: number }): string | undefined =>
    event.anchorStart >= 0 ? text.slice(event.anchorStart, event.anchorEnd) : undefined;
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        builder.startDocument();
        break;
      case EVENT_ID.MAPPING:
        builder.openMap(event.start, event.style === COLLECTION_STYLE.FLOW, anchorOf(event));
        break;
      case EVENT_ID.SEQUENCE:
        builder.openSeq(event.start, event.style === COLLECTION_STYLE.FLOW, anchorOf(event));
        break;
      case EVENT_ID.SCALAR:
        addScalar(builder, text, event, anchorOf(event));
        break;
      case EVENT_ID.ALIAS:
        builder.alias(text.slice(event.anchorStart, event.anchorEnd), event.anchorStart - 1, event.anchorEnd);
        break;
      case EVENT_ID.POP:
        builder.close();
        break;
    }
  }
  return builder.finish();
}

function addScalar(builder: TreeBuilder, text: string, event: jsyaml.ScalarEvent, anchor: string | undefined): void {
  if (event.valueStart < 0) {
    builder.emptyScalar(anchor);
    return;
  }
  const plain = event.style === SCALAR_STYLE.PLAIN;
  const source = text.slice(event.valueStart, event.valueEnd);
  const decoded = event.fast ? source : jsyaml.getScalarValue(text, event);
  const explicitString = event.tagStart >= 0 && /^!!?str$/.test(text.slice(event.tagStart, event.tagEnd));
  const value = plain && !explicitString ? resolvePlainScalar(decoded) : decoded;
  const start = plain || event.style > SCALAR_STYLE.DOUBLE_QUOTED ? event.valueStart : event.valueStart - 1;
  const end = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED ? event.valueEnd + 1 : event.valueEnd;
  builder.scalar(start, end, value, plain && !explicitString, source, anchor);
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
