/**
 * Every landscape value that ends up in a file, an argument or a URL passes through here first.
 * Values are never quoted or escaped into something safe: a value that could be read as more
 * than one token by any consumer (shell, INI reader, RDP reader, URL parser) is refused, with
 * the field named, so the user fixes the landscape file instead of running something surprising.
 */
export interface Refusal {
  kind: 'refusal';
  /** The landscape field at fault (`host`, `saprouter`, `serviceConnections.ssh.user`, ...), if any. */
  field?: string;
  reason: string;
}

export function refuse(reason: string, field?: string): Refusal {
  return field === undefined ? { kind: 'refusal', reason } : { kind: 'refusal', field, reason };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'refusal';
}

/** Characters a shell, an INI file or a URL could read as structure. */
const UNSAFE: ReadonlyArray<[RegExp, string]> = [
  [/[\r\n]/, 'a line break'],
  [/\s/, 'whitespace'],
  [/;/, '";"'],
  [/&/, '"&"'],
  [/\|/, '"|"'],
  [/\$/, '"$"'],
  [/`/, 'a backtick'],
  [/["']/, 'a quote'],
  [/[<>]/, '"<" or ">"'],
  [/\\/, 'a backslash'],
  [/[\u0000-\u001f\u007f]/, 'a control character'],
];

/** Undefined when `value` is safe to use as one token; else the refusal naming the field. */
export function unsafeValue(field: string, value: string): Refusal | undefined {
  if (value.length === 0) return refuse(`${field} is empty.`, field);
  for (const [pattern, what] of UNSAFE) {
    if (pattern.test(value)) return refuse(`${field} ${JSON.stringify(value)} contains ${what}; it is not used to open a connection. Correct it in the landscape file.`, field);
  }
  if (value.startsWith('-')) return refuse(`${field} ${JSON.stringify(value)} starts with "-", which a program would read as an option; it is not used to open a connection.`, field);
  return undefined;
}

/** Host names and IP addresses (IPv6 in brackets or bare); nothing else reaches a plan as a host. */
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*|[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,251}[A-Za-z0-9_])?)$/;

export function checkHost(field: string, value: string): Refusal | undefined {
  const unsafe = unsafeValue(field, value);
  if (unsafe) return unsafe;
  if (!HOST.test(value) || value.includes('..')) return refuse(`${field} ${JSON.stringify(value)} is not a host name or IP address.`, field);
  return undefined;
}

/** User names: letters, digits and `._@-` (not leading `-`), as SAP, OS and database users are. */
export function checkUser(field: string, value: string): Refusal | undefined {
  const unsafe = unsafeValue(field, value);
  if (unsafe) return unsafe;
  if (!/^[A-Za-z0-9_.@/-]{1,64}$/.test(value)) return refuse(`${field} ${JSON.stringify(value)} is not a user name (letters, digits, ".", "_", "@", "/", "-").`, field);
  return undefined;
}

export function checkPattern(field: string, value: string, pattern: RegExp, expected: string): Refusal | undefined {
  const unsafe = unsafeValue(field, value);
  if (unsafe) return unsafe;
  if (!pattern.test(value)) return refuse(`${field} ${JSON.stringify(value)} is not ${expected}.`, field);
  return undefined;
}
