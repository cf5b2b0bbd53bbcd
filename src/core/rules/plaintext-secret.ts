import { writtenText, type MapNode, type Pair, type SourceNode } from '../landscape/sourceTree';
import { isPasswordKey, secretValueShape } from '../secrets';
import { routeHops } from './legacy-destinations';
import { defineRule, NO_OPTIONS_SCHEMA, type RuleReport } from './rule';

/** A route string starts with a hop (`/H/host`); prose that mentions "/W/" does not. */
const ROUTE_START = /^\s*\/[A-Za-z]\//;

/**
 * A file or system with none of these holds no secret, and is not walked. Escapes and letters
 * beyond ASCII can spell a secret word without its letters, so they are candidates too.
 */
const MIGHT_HOLD_A_PASSWORD = /pass|pw|pin|wort|credential|token|key|secret|basic|bearer|@|\/[WP]\/|\\|[^\x00-\x7f]/i;

export const plaintextSecret = defineRule({
  id: 'plaintext-secret',
  title: 'No passwords in landscape files',
  defaultSeverity: 'error',
  notes: ['146173'],
  description:
    'Landscape files live in git; a password there is a leak. Reports any password-like key (password, passwd, pwd, ' +
    'passphrase, credentials, token, ...) anywhere in the file, and a router password in an SAP router route string: ' +
    '/W/, or /P/, the older form SAProuter still accepts for downward compatibility (SAP Help, "Route Strings", ' +
    'confidence S). Keep passwords in VS Code secret storage and refer to them with `secret: <name>` in logonData; keep ' +
    'the router password in the SAP router configuration. (SAP Note 146173 recommends against saved passwords in SAP GUI ' +
    'shortcuts for the same reason, confidence C; it is cited for password keys, not for routes.)',
  fixable: false,
  defaults: {},
  optionsSchema: NO_OPTIONS_SCHEMA,
  scope: 'system',
  checkOutsideSystems(file, context) {
    const root = file.tree.root;
    if (!root) return;
    // With aliases a node may sit in two systems: such a file is walked as a whole, once.
    const systems = file.tree.hasAliases ? undefined : systemsMapping(root);
    if (!systems) {
      // Most files hold no candidate at all; one scan of the text spares the walk over every node.
      if (MIGHT_HOLD_A_PASSWORD.test(file.text)) walk(root, context.report, undefined, file.tree.hasAliases ? new Set() : undefined);
      return;
    }
    walk(root, context.report, systems, undefined, file.tree.hasMerges);
    // A SID written twice: only the last counts as a system (check), the others are walked here.
    for (const pair of systems.pairs) if (systems.entries.get(writtenText(pair.key)) !== pair) walkPair(pair, context.report, undefined, undefined, file.tree.hasMerges);
  },
  check(file, context) {
    const root = file.tree.root;
    if (!root || !file.model || file.tree.hasAliases || !systemsMapping(root)) return;
    for (const system of file.model.systems) {
      // A merged system's nodes sit where its mapping was written, maybe outside its own lines.
      if (!system.pair.merged && !MIGHT_HOLD_A_PASSWORD.test(file.text.slice(system.pair.key.start, system.pair.value.end))) continue;
      walkPair(system.pair, context.report, undefined, undefined, file.tree.hasMerges);
    }
  },
});

type Report = (report: RuleReport) => void;

function systemsMapping(root: SourceNode): MapNode | undefined {
  const systems = root.kind === 'map' ? root.entries.get('systems') : undefined;
  return systems && !systems.merged && systems.value.kind === 'map' ? systems.value : undefined;
}

/**
 * Reports password keys, secret-shaped values and /W/ or /P/ hops under `node`; `skipped` (the
 * systems) is left to `check`. `visited` is given where aliases share nodes, so each written
 * place is reported once; with `merges`, entries that came in through `<<` are walked too.
 */
function walk(node: SourceNode, report: Report, skipped?: MapNode, visited?: Set<SourceNode>, merges = false): void {
  if (node === skipped) return;
  if (visited) {
    if (visited.has(node)) return;
    visited.add(node);
  }
  if (node.kind === 'map') {
    for (const pair of node.pairs) walkPair(pair, report, skipped, visited, merges);
    if (merges && !node.distinct) for (const pair of node.entries.values()) if (pair.merged) walkPair(pair, report, skipped, visited, merges);
  } else if (node.kind === 'seq') for (const item of node.items) walk(item, report, skipped, visited, merges);
  else if (typeof node.value === 'string') {
    const hop = ROUTE_START.test(node.value) ? routeHops(node.value).find(([kind]) => kind === 'W' || kind === 'P')?.[0] : undefined;
    if (hop) {
      report({
        at: node,
        notes: [],
        message: `This route string carries a /${hop}/ router password in plain text. Remove the /${hop}/ hop; keep the password in the SAP router configuration.`,
      });
    } else {
      const shape = secretValueShape(node.value);
      if (shape) report({ at: node, message: `This value is ${shape} in plain text. Remove it and keep it in secret storage (logonData: secret: <name>).` });
    }
  }
}

function walkPair(pair: Pair, report: Report, skipped?: MapNode, visited?: Set<SourceNode>, merges = false): void {
  if (visited) {
    if (visited.has(pair.key)) return;
    visited.add(pair.key);
  }
  if (isPasswordKey(writtenText(pair.key)) && !(pair.value.kind === 'scalar' && pair.value.value === null)) {
    report({ at: pair.key, message: `"${pair.key.source}" holds a password in plain text. Remove it and keep it in secret storage (logonData: secret: <name>).` });
  }
  walk(pair.value, report, skipped, visited, merges);
}
