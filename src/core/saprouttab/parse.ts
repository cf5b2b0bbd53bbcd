/**
 * SAProuter's permission table (saprouttab), as SAP's SAProuter documentation describes it
 * (docs/import-export.md lists each fact with its confidence): one entry per line,
 * `P|S|D <source> <destination> <service> [<password>]` to permit, permit SAP protocol only, or
 * deny; `KP|KS|KD "<SNC name>" <destination> <service>` the same for SNC-authenticated partners;
 * `KT "<SNC name>" <host> <service>` for SNC connections SAProuter opens towards another SAProuter.
 * `*` is a wildcard, `#` starts a comment line. The first entry that matches a connection decides.
 */
export interface RouttabEntry {
  /** 1-based line in the saprouttab. */
  line: number;
  action: RouttabAction;
  /** Host, address or pattern; for K entries the SNC name of the partner. */
  source: string;
  destination: string;
  service: string;
  /** True when the line carries a password (the value itself is never kept). */
  hasPassword: boolean;
}

export type RouttabAction = 'P' | 'S' | 'D' | 'KP' | 'KS' | 'KD' | 'KT';

export interface RouttabProblem {
  line: number;
  message: string;
}

export interface Routtab {
  entries: RouttabEntry[];
  problems: RouttabProblem[];
}

const ACTIONS = new Set<string>(['P', 'S', 'D', 'KP', 'KS', 'KD', 'KT']);

export function parseRouttab(text: string): Routtab {
  const entries: RouttabEntry[] = [];
  const problems: RouttabProblem[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    const fields = splitFields(content);
    if (!fields) {
      problems.push({ line, message: 'a quoted SNC name is not closed' });
      return;
    }
    const action = fields[0].toUpperCase();
    if (!ACTIONS.has(action)) {
      problems.push({ line, message: `"${fields[0].slice(0, 20)}" is not an entry type (P, S, D, KP, KS, KD, KT)` });
      return;
    }
    if (fields.length < 3) {
      problems.push({ line, message: `a ${action} entry needs at least a source and a destination` });
      return;
    }
    entries.push({ line, action: action as RouttabAction, source: fields[1], destination: fields[2], service: fields[3] ?? '*', hasPassword: fields.length > 4 && fields[4] !== '' });
  });
  return { entries, problems };
}

/** Splits on white space; an SNC name in double quotes is one field. Undefined when a quote is left open. */
function splitFields(content: string): string[] | undefined {
  const fields: string[] = [];
  let at = 0;
  while (at < content.length) {
    if (/\s/.test(content[at])) {
      at++;
      continue;
    }
    if (content[at] === '"') {
      const end = content.indexOf('"', at + 1);
      if (end === -1) return undefined;
      fields.push(content.slice(at + 1, end));
      at = end + 1;
      continue;
    }
    let end = at;
    while (end < content.length && !/\s/.test(content[end])) end++;
    fields.push(content.slice(at, end));
    at = end;
  }
  return fields;
}

/**
 * Whether a saprouttab host or service pattern matches a value: `*` anywhere stands for any
 * text (a linear matcher, never a regular expression built from the file); host names compare
 * without regard to case.
 */
export function matchesPattern(pattern: string, value: string): boolean {
  const parts = pattern.toLowerCase().split('*');
  const text = value.toLowerCase();
  if (parts.length === 1) return parts[0] === text;
  if (!text.startsWith(parts[0])) return false;
  let at = parts[0].length;
  for (let index = 1; index < parts.length - 1; index++) {
    const found = text.indexOf(parts[index], at);
    if (found === -1) return false;
    at = found + parts[index].length;
  }
  const last = parts[parts.length - 1];
  return text.length - last.length >= at && text.endsWith(last);
}

/** A service field against a port: `*`, the number, a range `from-to`, or sapdpNN / sapgwNN (32NN / 33NN). */
export function serviceMatches(service: string, port: number): boolean {
  if (service === '*') return true;
  if (/^\d+$/.test(service)) return Number(service) === port;
  const range = /^(\d+)-(\d+)$/.exec(service);
  if (range) return Number(range[1]) <= port && port <= Number(range[2]);
  const named = /^sap(dp|gw)(\d\d)s?$/i.exec(service);
  if (named) return (named[1].toLowerCase() === 'dp' ? 3200 : 3300) + Number(named[2]) === port;
  return matchesPattern(service, String(port));
}
