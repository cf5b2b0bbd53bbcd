import { findSuppressions, type Suppressions } from '../config/suppressions';
import { buildModel, type LandscapeModel } from './model';
import { type ParseLimits, type SourceTree } from './sourceTree';
import { parseSourceTree } from './parseTree';
import { LineIndex } from './text';

/** One landscape file, parsed once and shared by the schema check and every rule. */
export interface LandscapeFile {
  /** The path or URI as the face knows it; findings carry it unchanged. */
  path: string;
  text: string;
  lines: LineIndex;
  tree: SourceTree;
  model: LandscapeModel | null;
  suppressions: Suppressions;
  /** Reads a file the landscape names relative to itself (its saprouttab); supplied by the face, which owns I/O. */
  readCompanion?: CompanionReader;
}

export type CompanionReader = (relativePath: string) => { ok: true; path: string; text: string } | { ok: false; path: string; message: string };

export interface FileLimits extends ParseLimits {
  /** Larger files are declined with a finding instead of being parsed. */
  maxFileBytes: number;
}

/**
 * Parses one file. `unreadable` says why its bytes could not be decoded; such a file, and one
 * over the size limit, is declined with a single problem instead of being parsed.
 */
export function loadLandscapeFile(path: string, text: string, limits: FileLimits, unreadable?: string): LandscapeFile {
  const lines = new LineIndex(text);
  const bytes = Buffer.byteLength(text, 'utf8');
  const declined = unreadable ?? (bytes > limits.maxFileBytes ? oversizeMessage(bytes, limits.maxFileBytes) : undefined);
  if (declined) {
    const tree: SourceTree = { root: null, hasAliases: false, hasMerges: false, problems: [{ start: 0, end: 0, message: declined }] };
    // A declined file is not read, so nothing in it can silence the reason.
    return { path, text, lines, tree, model: null, suppressions: findSuppressions('', lines, null) };
  }
  const tree = parseSourceTree(text, limits);
  return { path, text, lines, tree, model: buildModel(tree.root), suppressions: findSuppressions(text, lines, tree.root) };
}

/** Why a file over the size limit is not checked; readers that stop at the limit say the same. */
export function oversizeMessage(bytes: number, maxFileBytes: number): string {
  return `File not checked: it is ${sizesApart(bytes, maxFileBytes)}. Split the landscape into several files, or raise limits.maxFileBytes in .sapready.yaml.`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** "12.0 MiB, over the limit of 8.0 MiB"; exact bytes where rounding would show the same number twice. */
function sizesApart(bytes: number, limit: number): string {
  const [size, maximum] = formatBytes(bytes) === formatBytes(limit) ? [`${bytes} bytes`, `${limit} bytes`] : [formatBytes(bytes), formatBytes(limit)];
  return `${size}, over the limit of ${maximum}`;
}
