import type { SourceNode } from '../landscape/sourceTree';
import { routeHops } from './legacy-destinations';
import { defineRule, NO_OPTIONS_SCHEMA } from './rule';

/** Keys that hold a password in practice. `secret` itself is the name of a secret-storage entry. */
const PASSWORD_KEY = /^(pass|passwd|password|pwd|passphrase|passcode|credentials?|client[-_]?secret|api[-_]?key|token)$|[-_](pass|passwd|password|pwd)$|^(pass|passwd|password|pwd)[-_]/i;

/** A route string starts with a hop (`/H/host`); prose that mentions "/W/" does not. */
const ROUTE_START = /^\s*\/[A-Za-z]\//;

/** Every password key and every /W/ hop contains one of these (case-insensitive). */
const MIGHT_HOLD_A_PASSWORD = /pass|pwd|credential|token|api[-_]?key|client[-_]?secret|\/W\//i;

export function isPasswordKey(key: string): boolean {
  return PASSWORD_KEY.test(key);
}

export const plaintextSecret = defineRule({
  id: 'plaintext-secret',
  title: 'No passwords in landscape files',
  defaultSeverity: 'error',
  notes: ['146173'],
  description:
    'Landscape files live in git; a password there is a leak. Reports any password-like key (password, passwd, pwd, ' +
    'passphrase, credentials, token, ...) anywhere in the file, and a /W/ password hop in an SAP router route string. ' +
    'Keep passwords in VS Code secret storage and refer to them with `secret: <name>` in logonData; keep the router ' +
    'password in the SAP router configuration. (SAP Note 146173 recommends against saved passwords in SAP GUI shortcuts ' +
    'for the same reason; confidence C.)',
  fixable: false,
  defaults: {},
  optionsSchema: NO_OPTIONS_SCHEMA,
  check(file, context) {
    const root = file.tree.root;
    // Most files hold no candidate at all; one scan of the text spares the walk over every node.
    if (!root || !MIGHT_HOLD_A_PASSWORD.test(file.text)) return;
    // Aliases share nodes: remember visits only then, so each written place is reported once.
    const visited = file.tree.hasAliases ? new Set<SourceNode>() : undefined;
    const visit = (node: SourceNode): void => {
      if (visited) {
        if (visited.has(node)) return;
        visited.add(node);
      }
      if (node.kind === 'map') {
        for (const pair of node.pairs) {
          if (isPasswordKey(pair.key.source || String(pair.key.value)) && !(pair.value.kind === 'scalar' && pair.value.value === null)) {
            context.report({
              at: pair.key,
              message: `"${pair.key.source}" holds a password in plain text. Remove it and keep it in secret storage (logonData: secret: <name>).`,
            });
          }
          visit(pair.value);
        }
      } else if (node.kind === 'seq') node.items.forEach(visit);
      else if (typeof node.value === 'string' && ROUTE_START.test(node.value) && routeHops(node.value).some(([kind]) => kind === 'W')) {
        context.report({ at: node, message: 'This route string carries a /W/ router password in plain text. Remove the /W/ hop; keep the password in the SAP router configuration.' });
      }
    };
    visit(root);
  },
});
