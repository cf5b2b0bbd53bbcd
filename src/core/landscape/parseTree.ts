// The parser lives apart from the tree's types (sourceTree.ts), which the scanner and the builder
// share: so neither imports the module that imports it.
import * as jsyaml from 'js-yaml';
import { scanPlainYaml } from './fastScanner';
import { DEFAULT_PARSE_LIMITS, type ParseLimits, type SourceTree, type SyntaxProblem } from './sourceTree';
import { LimitExceeded, resolvePlainScalar, TreeBuilder } from './treeBuilder';

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
  const explicitString = event.tagStart >= 0 && /^!!?str$/.test(text.slice(event.tagStart, event.tagEnd));
  if (event.valueStart < 0) {
    builder.emptyScalar(anchor, explicitString);
    return;
  }
  const plain = event.style === SCALAR_STYLE.PLAIN;
  const written = text.slice(event.valueStart, event.valueEnd);
  const decoded = event.fast ? written : jsyaml.getScalarValue(text, event);
  const value = plain && !explicitString ? resolvePlainScalar(decoded) : decoded;
  // A plain scalar over several lines is one line folded (YAML 7.3.3): its text is read from
  // `source`, so that holds the folded text, not the raw line breaks and indentation.
  const source = plain ? decoded : written;
  if (event.style > SCALAR_STYLE.DOUBLE_QUOTED) {
    const [start, end] = blockScalarRange(text, event.valueStart, event.valueEnd);
    builder.scalar(start, end, value, false, source, anchor);
    return;
  }
  const start = plain ? event.valueStart : event.valueStart - 1;
  const end = plain ? event.valueEnd : event.valueEnd + 1;
  builder.scalar(start, end, value, plain && !explicitString, source, anchor);
}

/**
 * js-yaml gives a block scalar's lines, from the line after its header to the next node's line.
 * As a node it runs from its `|` or `>` to its last text instead: an edit replacing it keeps the
 * line breaks and blank lines before the next key, a pair added after it lands before that key,
 * and its block parsed alone ends where it does in the whole file.
 */
function blockScalarRange(text: string, linesStart: number, linesEnd: number): [number, number] {
  const headerStart = text.lastIndexOf('\n', linesStart - 2) + 1;
  const header = text.slice(headerStart, linesStart).replace(/\r?\n$/, '');
  const indicator = /[|>][-+0-9]*(?=[ \t]*(?:#.*)?$)/.exec(header);
  const start = indicator ? headerStart + indicator.index : linesStart;
  let end = linesEnd;
  while (end > linesStart && /\s/.test(text[end - 1])) end--;
  return [start, end > linesStart ? end : start + (indicator ? indicator[0].length : 0)];
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
