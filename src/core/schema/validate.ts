import { shownValue } from '../secrets';
import { plainValue, type MapNode, type Pair, type SourceNode } from '../landscape/sourceTree';
import type { Span } from '../landscape/text';
import { closestWord } from '../text/closest';

/** The shape of an error from ajv's precompiled (standalone) validators, run with `verbose`. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  /** Set when a key failed `propertyNames`; `instancePath` then points at the mapping. */
  propertyName?: string;
  parentSchema?: Record<string, unknown>;
  schema?: unknown;
  data?: unknown;
}

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

export interface SchemaProblem extends Span {
  message: string;
}

/** Human descriptions of the patterns our schemas use, keyed by the pattern itself. */
const PATTERN_MEANINGS: Record<string, string> = {
  '^[A-Z][A-Z0-9]{2}$': 'a SID has three characters, A-Z and 0-9, starting with a letter',
  '^[0-9]{2}$': 'an instance number has two digits, in quotes ("00")',
  '^[0-9]{3}$': 'a client has three digits, in quotes ("100")',
};

const FORMAT_MEANINGS: Record<string, string> = {
  date: 'an ISO date such as 2026-12-01',
  'date-time': 'an ISO date-time with a time zone such as 2026-11-20T08:00:00Z',
  port: 'a port number (1-65535)',
};

/** One validator run on part of a tree: `value` is the plain value of the node at `instancePath`. */
export interface ValidationPart {
  validate: CompiledValidator;
  value: unknown;
  instancePath: string;
}

/**
 * Runs a precompiled validator on a parsed tree and points every error at the node a person
 * would fix: the key of an unknown property, the parent's key for a missing one, the value
 * for a wrong type. Keys that another rule reports (passwords) can be skipped.
 */
export function validateTree(
  validate: CompiledValidator,
  root: SourceNode,
  skipUnknownKey: (key: string) => boolean = () => false,
): SchemaProblem[] {
  return validateParts(root, [{ validate, value: plainValue(root), instancePath: '' }], skipUnknownKey);
}

/** validateTree for a tree checked in parts; the parts may be produced one at a time. */
export function validateParts(root: SourceNode, parts: Iterable<ValidationPart>, skipUnknownKey: (key: string) => boolean): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    if (part.validate(part.value)) continue;
    for (const error of part.validate.errors ?? []) {
      const located = locate(root, part.instancePath + error.instancePath);
      if (!located) continue;
      const problem = describe(error, located, skipUnknownKey);
      if (!problem) continue;
      const identity = `${problem.start}:${problem.end}`;
      if (seen.has(identity)) continue; // one message per place: type and enum errors often pair up
      seen.add(identity);
      problems.push(problem);
    }
  }
  return problems;
}

/** A key as one segment of a JSON pointer (RFC 6901), as ajv writes instance paths. */
export function pointerSegment(key: string): string {
  return `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

interface Located {
  node: SourceNode;
  /** The pair whose value is `node` (absent for the root). */
  pair?: Pair;
  trail: string[];
}

function locate(root: SourceNode, instancePath: string): Located | undefined {
  let node: SourceNode = root;
  let pair: Pair | undefined;
  const trail: string[] = [];
  if (instancePath === '') return { node, trail };
  for (const raw of instancePath.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node.kind === 'map') {
      pair = node.entries.get(segment);
      if (!pair) return undefined;
      node = pair.value;
    } else if (node.kind === 'seq') {
      const item: SourceNode | undefined = node.items[Number(segment)];
      if (!item) return undefined;
      node = item;
    } else return undefined;
    trail.push(segment);
  }
  return { node, pair, trail };
}

function describe(error: SchemaError, at: Located, skipUnknownKey: (key: string) => boolean): SchemaProblem | undefined {
  const where = at.trail.length > 0 ? ` (in ${at.trail.join(' › ')})` : '';
  const field = at.trail.length > 0 ? `"${at.trail[at.trail.length - 1]}"` : 'The file';
  const value = at.node;
  // A value is quoted back only as an output may show it: a secret name or a route password stays masked.
  const key = at.trail.length > 0 ? String(at.trail[at.trail.length - 1]) : undefined;
  const show = (text: string): string => shownValue(key, text);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      if (skipUnknownKey(key)) return undefined;
      const pair = (value as MapNode).entries.get(key);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {}).filter((name) => name !== '$schema');
      const suggestion = closestWord(key, allowed);
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : allowed.length > 0 ? ` Known here: ${allowed.join(', ')}.` : '';
      return span(pair?.key ?? value, `Unknown property "${key}"${where}.${hint}`);
    }
    case 'required': {
      const missing = String(error.params.missingProperty);
      const anchor = at.pair?.key ?? firstLine(value);
      const owner = at.trail.length > 0 ? field : 'The landscape';
      return span(anchor, `${owner} is missing the required property "${missing}"${where}.`);
    }
    case 'type': {
      const expected = String(error.params.type);
      if (expected === 'string' && value.kind === 'scalar' && value.plain && value.value !== null) {
        return span(value, `${field} must be text: write it in quotes, "${show(value.source)}" (unquoted, YAML reads it as ${typeof value.value} ${show(JSON.stringify(value.value))})${where}.`);
      }
      return span(value, `${field} must be ${article(expected)}, not ${describeValue(value, show)}${where}.`);
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const written = value.kind === 'scalar' ? show(String(value.value)) : describeValue(value, show);
      const suggestion = closestWord(written, allowed);
      return span(value, `${field} is "${written}"; allowed: ${allowed.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}${where.replace(/^ /, ' ')}`.trim());
    }
    case 'propertyNames':
      return undefined; // the pattern error on the same key says it better
    case 'pattern': {
      const pattern = String(error.params.pattern);
      const meaning = PATTERN_MEANINGS[pattern] ?? `it must match ${pattern}`;
      if (error.propertyName !== undefined) {
        const pair = value.kind === 'map' ? value.entries.get(error.propertyName) : undefined;
        return span(pair?.key ?? value, `"${error.propertyName}" is not a valid name here: ${meaning}${where}.`);
      }
      return span(value, `${field} "${value.kind === 'scalar' ? show(value.source) : ''}" is not valid: ${meaning}${where}.`);
    }
    case 'format': {
      const meaning = FORMAT_MEANINGS[String(error.params.format)] ?? String(error.params.format);
      return span(value, `${field} must be ${meaning}${where}.`);
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
      return span(value, `${field} ${error.message ?? 'is out of range'}${where}.`);
  }
  return span(value, `${field} ${error.message ?? 'does not match the schema'}${where}.`);
}

function span(node: Span, message: string): SchemaProblem {
  return { start: node.start, end: node.end, message };
}

function firstLine(node: SourceNode): Span {
  if (node.kind === 'map' && node.pairs.length > 0) return node.pairs[0].key;
  return { start: node.start, end: node.start };
}

function article(type: string): string {
  const names: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false' };
  return names[type] ?? type;
}

function describeValue(node: SourceNode, show: (text: string) => string): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.value === null) return 'empty';
  return `${typeof node.value === 'string' ? 'text' : typeof node.value} "${show(node.source || String(node.value))}"`;
}
