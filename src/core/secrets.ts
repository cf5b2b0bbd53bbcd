/**
 * What a password looks like, for plaintext-secret and for every output that must not echo
 * one. Keys are compared as normalised words rather than by a growing regular expression:
 * `sapPassword`, `db.password`, `rfc_passwort` and `p\x61ssword` are all the word "password"
 * next to others, while `passenger` and `description` contain no such word.
 */

/** Words that name a secret on their own. */
const SECRET_WORDS = new Set(['password', 'passwort', 'kennwort', 'passwd', 'pwd', 'pw', 'pin', 'pass', 'passphrase', 'passcode', 'credential', 'token', 'apikey']);

/** Two neighbouring words that name a secret together (`secretKey`, `private_key`, `client-secret`). */
const SECRET_WORD_PAIRS = new Set(['secret key', 'private key', 'api key', 'client secret', 'access key', 'secret access', 'auth token']);

/** Letters from other scripts that look like Latin ones, as they turn up in hidden keys. */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ԁ: 'd', ԝ: 'w', ո: 'n', ν: 'v',
  α: 'a', ο: 'o', ρ: 'p', τ: 't', κ: 'k', ι: 'i', ɑ: 'a', ᴘ: 'p', ꜱ: 's', ᴡ: 'w', ᴏ: 'o', ʀ: 'r', ᴅ: 'd',
};

/** The key as plain lower-case Latin words: look-alikes mapped, invisible characters dropped. */
export function keyWords(key: string): string[] {
  const visible = key
    .normalize('NFKC')
    .replace(/[\p{Cf}\p{Mn}]/gu, '')
    .replace(/[^\x00-\x7f]/g, (char) => LOOK_ALIKES[char] ?? LOOK_ALIKES[char.toLowerCase()] ?? char);
  return visible
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
    .map((word) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word));
}

/**
 * Verdicts on keys already seen: a landscape repeats a few dozen key names thousands of times,
 * and normalising each one again took most of a check of 10,000 systems. Bounded, since keys are
 * whatever a file holds.
 */
const passwordKeyVerdicts = new Map<string, boolean>();
const REMEMBERED_KEYS = 4096;
const REMEMBERED_KEY_LENGTH = 256;

/** True for a key that holds a password in practice. `secret` alone names a secret-storage entry. */
export function isPasswordKey(key: string): boolean {
  const known = passwordKeyVerdicts.get(key);
  if (known !== undefined) return known;
  const verdict = namesASecret(key);
  if (key.length <= REMEMBERED_KEY_LENGTH) {
    if (passwordKeyVerdicts.size >= REMEMBERED_KEYS) passwordKeyVerdicts.clear();
    passwordKeyVerdicts.set(key, verdict);
  }
  return verdict;
}

function namesASecret(key: string): boolean {
  const words = keyWords(key);
  if (words.some((word) => SECRET_WORDS.has(word))) return true;
  return words.some((word, index) => index > 0 && SECRET_WORD_PAIRS.has(`${words[index - 1]} ${word}`));
}

/** Values that are a secret whatever their key: an HTTP credential, a URL with a password, a private key. */
const SECRET_VALUE_SHAPES: readonly RegExp[] = [/^\s*(?:basic|bearer)\s+[A-Za-z0-9+/=._~-]{8,}\s*$/i, /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i, /-----BEGIN [A-Z ]*PRIVATE KEY-----/];

/** Says what kind of secret a value is, if it has a known secret's shape. */
export function secretValueShape(value: string): string | undefined {
  if (SECRET_VALUE_SHAPES[0].test(value)) return 'an HTTP Authorization credential';
  if (SECRET_VALUE_SHAPES[1].test(value)) return 'a URL with a password (user:password@)';
  if (SECRET_VALUE_SHAPES[2].test(value)) return 'a private key';
  return undefined;
}

/**
 * A route string with the values of its password hops (`/W/`, `/P/`, in any case, also without
 * a leading slash or after spaces) replaced by `***`, for any message that quotes a route.
 */
export function maskRoutePasswords(route: string): string {
  const parts = route.split('/');
  return parts.map((part, index) => (index > 0 && /^\s*[WP]\s*$/i.test(parts[index - 1]) ? '***' : part)).join('/');
}

/** The text of a value as an output may show it: masked where its key or its shape says secret. */
export function shownValue(key: string | undefined, text: string): string {
  if ((key !== undefined && (key === 'secret' || isPasswordKey(key))) || secretValueShape(text)) return '***';
  return maskRoutePasswords(text);
}
