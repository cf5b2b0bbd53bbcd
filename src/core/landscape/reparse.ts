import { findSuppressions } from '../config/suppressions';
import { loadLandscapeFile, type FileLimits, type LandscapeFile } from './file';
import { buildSystem } from './model';
import { clashingKeys, lastStartingBy, writtenText, type MapNode, type Pair, type SourceNode } from './sourceTree';
import { parseSourceTree } from './parseTree';

/**
 * The text of a file after an edit, parsed for the cost of the one system the edit falls in.
 *
 * An edit while typing changes one system of a landscape that may hold thousands. When the
 * edit lies inside one block-style entry of `systems`, only that entry's lines are parsed again
 * (they are valid YAML on their own), their offsets are moved to where they sit, and every node
 * after them moves by the length the edit added. Everything else keeps its node objects, which
 * is also what lets the rule cache (src/core/engine.ts) keep other systems' findings. Anything
 * unusual (aliases, merge keys, a document marker, a syntax error, an edit across entries, a key
 * that now clashes, an empty key after the entry, a change of the file's line-break style) takes
 * the full parse, so the result is always what `loadLandscapeFile` would give, node ranges
 * included.
 *
 * `previous` is consumed: its nodes are reused and moved, so it must not be used afterwards.
 */
export function reparseLandscapeFile(previous: LandscapeFile, text: string, limits: FileLimits): LandscapeFile {
  if (text === previous.text) return previous;
  return spliceOneSystem(previous, text, limits) ?? loadLandscapeFile(previous.path, text, limits);
}

const CHUNK = 512;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/m;

function spliceOneSystem(previous: LandscapeFile, text: string, limits: FileLimits): LandscapeFile | undefined {
  const { tree, model } = previous;
  const root = tree.root;
  // Merged entries' nodes are in no `pairs`, so moveNodes would leave them where they were.
  if (!model || !root || root.kind !== 'map' || tree.problems.length > 0 || tree.hasAliases || tree.hasMerges) return undefined;
  const systemsPair = root.entries.get('systems');
  const systems = systemsPair?.value;
  // No problems and no merges: every mapping is distinct (its pairs are its entries).
  if (!systemsPair || !systems || systems.kind !== 'map' || systems.flow || !systems.distinct) return undefined;
  if (Buffer.byteLength(text, 'utf8') > limits.maxFileBytes) return undefined; // the full path declines it with a message

  const old = previous.text;
  const shortest = Math.min(old.length, text.length);
  let prefix = 0;
  // Equal chunks first (string comparison is a memory compare), then character by character.
  while (prefix + CHUNK <= shortest && old.slice(prefix, prefix + CHUNK) === text.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < shortest && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix + CHUNK <= shortest - prefix && old.slice(old.length - suffix - CHUNK, old.length - suffix) === text.slice(text.length - suffix - CHUNK, text.length - suffix)) suffix += CHUNK;
  while (suffix < shortest - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const editEnd = old.length - suffix;
  const delta = text.length - old.length;

  // The systems entry whose lines contain the edit's start.
  const index = lastStartingBy(systems.pairs, (entry) => entry.key.start, prefix);
  if (index === -1) return undefined;
  const pair = systems.pairs[index];
  const indent = previous.lines.positionAt(pair.key.start).character;
  const blockStart = pair.key.start - indent;
  const blockEnd = blockEndOf(previous, root, systemsPair, systems, index);
  // The edit must leave the key's indentation and the line break before the next entry alone.
  if (blockEnd === undefined || pair.key.end === pair.key.start || prefix <= pair.key.start || editEnd > blockEnd - 1 || old.slice(blockStart, pair.key.start).trim() !== '') return undefined;

  const blockText = text.slice(blockStart, blockEnd + delta);
  // A marker line would end the file's document there, which the block alone cannot show.
  if (DOCUMENT_MARKER.test(blockText)) return undefined;
  // The block's mapping stands for `systems`, one level below the file's root.
  const block = parseSourceTree(blockText, { ...limits, maxDepth: limits.maxDepth - 1 });
  const blockRoot = block.root;
  if (block.problems.length > 0 || block.hasAliases || block.hasMerges || !blockRoot || blockRoot.kind !== 'map' || blockRoot.pairs.length !== 1) return undefined;
  const replacement = blockRoot.pairs[0];
  if (replacement.key.start !== indent || replacement.value.end === replacement.key.end) return undefined;
  const newKey = writtenText(replacement.key);
  const oldKey = writtenText(pair.key);
  // A duplicate, also one written otherwise (`01` for `1`), or a key written like another: the full parse reports or indexes it.
  if (newKey !== oldKey && systems.pairs.some((other) => other !== pair && clashingKeys(other.key, replacement.key))) return undefined;

  // Checked before any node moves: `previous` must stay whole when the full parse takes over.
  const modelIndex = model.systems.findIndex((system) => system.pair === pair);
  if (modelIndex === -1) return undefined;
  const lines = previous.lines.afterEdit(text, prefix, editEnd, delta);
  // Fixes write the file's line break, and the rule cache keeps other systems' fixes: an edit that
  // makes an LF file CRLF or takes a CRLF file's last CRLF away has all of it checked again. Only
  // an edit with a CR in or beside it can do that, so only then is the style looked up.
  const touchesCarriageReturn = old.slice(Math.max(0, prefix - 1), editEnd + 1).includes('\r') || text.slice(Math.max(0, prefix - 1), editEnd + delta + 1).includes('\r');
  if (touchesCarriageReturn && lines.newline !== previous.lines.newline) return undefined;

  moveNodes(blockRoot, 0, blockStart);
  for (const other of root.pairs) moveAfter(other, pair, blockEnd, delta);
  // A block mapping ends with its last node: one whose last node is the edited entry now ends
  // with the replacement (not after comment lines, or a comment typed into its last line, that
  // may follow it there); one whose last node lies after the block moves with it. Which is which
  // is told by the pairs, not by offsets: in a file without a final line break the last node
  // ends where the block does.
  const lastSystem = index === systems.pairs.length - 1;
  systems.end = lastSystem ? replacement.value.end : systems.end + delta;
  root.end = lastSystem && root.pairs[root.pairs.length - 1] === systemsPair ? replacement.value.end : root.end + delta;

  systems.pairs[index] = replacement;
  if (newKey === oldKey) systems.entries.set(newKey, replacement);
  else {
    const entries = new Map<string, Pair>();
    for (const entry of systems.pairs) entries.set(writtenText(entry.key), entry);
    systems.entries = entries;
  }

  const systemsModel = model.systems.slice();
  systemsModel[modelIndex] = buildSystem(replacement);
  return {
    path: previous.path,
    text,
    lines,
    tree: { root, problems: [], hasAliases: false, hasMerges: false },
    // Top-level fields and users lie outside the edited entry: their pairs were only moved.
    model: { ...model, systems: systemsModel },
    suppressions: findSuppressions(text, lines, root),
  };
}

/**
 * Where an entry's lines end: the start of the next entry's line, or of the next top-level key.
 * Undefined when that key does not begin its line: an empty key (`: x`), whose node sits where
 * the node before it ends, on an earlier line; or one after an indicator, tag or anchor.
 */
function blockEndOf(file: LandscapeFile, root: MapNode, systemsPair: Pair, systems: MapNode, index: number): number | undefined {
  const next = systems.pairs[index + 1] ?? root.pairs[root.pairs.indexOf(systemsPair) + 1];
  if (!next) return file.text.length;
  const lineStart = file.lines.lineStart(file.lines.positionAt(next.key.start).line);
  if (next.key.end === next.key.start || file.text.slice(lineStart, next.key.start).trim() !== '') return undefined;
  return lineStart;
}

function moveAfter(pair: Pair, skip: Pair, from: number, delta: number): void {
  if (pair === skip) return;
  moveNodes(pair.key, from, delta);
  if (pair.value.kind === 'map' && pair.value.pairs.includes(skip)) {
    for (const inner of pair.value.pairs) moveAfter(inner, skip, from, delta);
    return; // the systems mapping itself grows in spliceOneSystem
  }
  moveNodes(pair.value, from, delta);
}

/** Moves every node at or after `from` by `delta` (containing nodes keep their start). */
function moveNodes(node: SourceNode, from: number, delta: number): void {
  if (node.end < from) return; // wholly before the edit: nothing inside moves
  if (node.start >= from) node.start += delta;
  if (node.end >= from) node.end += delta;
  if (node.kind === 'map') {
    for (const pair of node.pairs) {
      moveNodes(pair.key, from, delta);
      moveNodes(pair.value, from, delta);
    }
  } else if (node.kind === 'seq') for (const item of node.items) moveNodes(item, from, delta);
}
