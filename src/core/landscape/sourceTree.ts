import type { Span } from './text';

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
  /**
   * The scalar's source text as written (for plain scalars this is also the key text); a plain
   * scalar written over several lines has them folded into one, as YAML reads it.
   */
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
 * A key YAML reads as a number, boolean or null, as YAML compares such keys: by type and value
 * (`01`, `+1` and `0x1` are all "number 1"; `True` is "boolean true"; `~` is "null"), so keys
 * written differently can be the same key. Undefined for text, which is compared as text (so
 * `"01"` and `01` are two keys, as are `"true"` and `true`).
 */
export function typedKeyIdentity(key: ScalarNode): string | undefined {
  const value = key.value;
  if (!key.plain || typeof value === 'string') return undefined;
  return value === null ? 'null' : `${typeof value} ${String(value)}`;
}

/**
 * Whether two keys could not both be in a mapping's entries: YAML reads them as the same key,
 * or they are written alike (the model knows a key by its written text).
 */
export function clashingKeys(a: ScalarNode, b: ScalarNode): boolean {
  const typed = typedKeyIdentity(a);
  return writtenText(a) === writtenText(b) || (typed !== undefined && typed === typedKeyIdentity(b));
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

/**
 * Whether `target` is one of the nodes written under `node` (a key, or a value found through
 * keys and items), searched by its offsets: O(depth x log width). A node that an edit replaced,
 * or one of a file parsed again, is not found; nor is one reached only through an alias.
 */
export function holdsNode(node: SourceNode, target: Span): boolean {
  let current: SourceNode | undefined = node;
  while (current) {
    if (current === target) return true;
    if (target.start < current.start || target.end > current.end || current.kind === 'scalar') return false;
    if (current.kind === 'map') {
      const pair: Pair | undefined = current.pairs[lastStartingBy(current.pairs, (entry) => entry.key.start, target.start)];
      if (pair?.key === target) return true;
      current = pair?.value;
    } else current = current.items[lastStartingBy(current.items, (item) => item.start, target.start)];
  }
  return false;
}

/** Index of the last of `list` (in source order) that starts at or before `offset`, or -1. */
export function lastStartingBy<T>(list: readonly T[], startOf: (entry: T) => number, offset: number): number {
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (startOf(list[mid]) <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
