import type { Suppressions } from '../core/config/suppressions';
import { loadLandscapeFile, type FileLimits, type LandscapeFile } from '../core/landscape/file';
import type { LandscapeModel } from '../core/landscape/model';
import { reparseLandscapeFile } from '../core/landscape/reparse';
import type { SourceTree } from '../core/landscape/sourceTree';
import { LineIndex } from '../core/landscape/text';

/**
 * A landscape file as the extension host holds it: the check worker parses and checks, so the
 * host parses a file only when a face reads its tree or model (the landscape view, the
 * dashboard, a quick fix that edits it, its suppressions), and builds its line index only when
 * asked for too. A later version of the file re-parses from the last parsed one, for the cost
 * of the edited system (see reparseLandscapeFile).
 */
export class LazyLandscapeFile implements LandscapeFile {
  private parsed: LandscapeFile | undefined;
  private index: LineIndex | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    private readonly limits: FileLimits,
    /** Why the file's bytes could not be read as text (see decodeLandscapeBytes). */
    readonly unreadable: string | undefined,
    /** The version before this one, whose parse this one may start from. */
    private earlier: LazyLandscapeFile | undefined,
  ) {}

  get lines(): LineIndex {
    return (this.index ??= this.parsed?.lines ?? new LineIndex(this.text));
  }

  get suppressions(): Suppressions {
    // Directives count only where they are comments, which takes the parsed tree (see findSuppressions).
    return this.parse().suppressions;
  }

  get tree(): SourceTree {
    return this.parse().tree;
  }

  get model(): LandscapeModel | null {
    return this.parse().model;
  }

  private parse(): LandscapeFile {
    if (this.parsed) return this.parsed;
    // The earlier version's nodes are taken over (reparseLandscapeFile consumes them).
    const base = this.unreadable === undefined ? this.earlier?.takeParsed() : undefined;
    this.earlier = undefined;
    this.parsed = base ? reparseLandscapeFile(base, this.text, this.limits) : loadLandscapeFile(this.path, this.text, this.limits, this.unreadable);
    return this.parsed;
  }

  /** This version's parse, or the latest parse before it, given away to a later version. */
  private takeParsed(): LandscapeFile | undefined {
    const parsed = this.parsed ?? this.earlier?.takeParsed();
    this.parsed = undefined;
    this.earlier = undefined;
    return parsed;
  }
}
