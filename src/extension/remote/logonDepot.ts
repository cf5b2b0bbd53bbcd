import * as vscode from 'vscode';
import { formatDay, parseDay } from '../../core/dates';
import type { Finding } from '../../core/findings';
import { removeMapEntry, yamlScalar } from '../../core/landscape/edits';
import type { LandscapeFile } from '../../core/landscape/file';
import type { LogonDataDeclaration, SystemDeclaration } from '../../core/landscape/model';
import { writtenText, type Pair, type ScalarNode } from '../../core/landscape/sourceTree';
import { workspaceEdit } from '../codeActions';
import { REMOTE_COMMANDS } from '../commands';
import { findingOf } from '../diagnostics';
import type { LandscapeWorkspace } from '../landscapeWorkspace';
import type { Prompts, SystemOpener } from './opener';

/** One `logonData` entry with the file and system that declare it. */
export interface LogonEntry {
  file: LandscapeFile;
  system: SystemDeclaration;
  logon: LogonDataDeclaration;
}

interface IndexEntry {
  expires: string;
}

const SECRET_PREFIX = 'sapReadiness.logon/';
const INDEX_KEY = 'sapReadiness.logonDepot.index';
const SECRET_NAME = /^[A-Za-z0-9][A-Za-z0-9_./@-]{0,127}$/;

function secretKey(name: string): string {
  return `${SECRET_PREFIX}${name}`;
}

/**
 * The Customer Remote Logon Depot on this machine: passwords for `logonData` entries in VS Code
 * SecretStorage under the entry's `secret` name, only with an expiry date, deleted once expired.
 * SecretStorage cannot list its keys, so an index (names and expiry days, never passwords) lives
 * in globalState for the expiry sweep.
 */
export class LogonDepot {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly prompts: () => Prompts,
    private readonly opener: () => SystemOpener,
    private readonly today: () => number,
  ) {}

  private index(): Record<string, IndexEntry> {
    return { ...this.state.get<Record<string, IndexEntry>>(INDEX_KEY, {}) };
  }

  /** Names stored, with their expiry day. */
  stored(): Record<string, IndexEntry> {
    return this.index();
  }

  /** Why this entry cannot hold a password, or undefined. */
  problem(entry: LogonEntry): string | undefined {
    const { logon, system } = entry;
    const who = `${system.sid} logon data${logon.user ? ` for ${logon.user.value}` : ''}`;
    if (!logon.secret) return `${who} has no secret name: add "secret: ${system.sid}/${logon.user?.value ?? 'USER'}" to the entry first.`;
    // Not quoted back: what is written there in place of a name may well be the password.
    if (!SECRET_NAME.test(logon.secret.value)) return `The secret name of ${who} is not a usable name (letters, digits, . _ / @ -).`;
    if (!logon.expires) return `${who} has no expiry date: SAP recommends never storing logon data longer than necessary. Add "expires: YYYY-MM-DD" first.`;
    const expires = parseDay(logon.expires.value);
    if (expires === undefined) return `${who} has an invalid expiry date ${JSON.stringify(logon.expires.value)}.`;
    if (expires < this.today()) return `${who} expired on ${formatDay(expires)}: set a new expiry date first.`;
    return undefined;
  }

  async put(name: string, password: string, expires: string): Promise<void> {
    await this.secrets.store(secretKey(name), password);
    const index = this.index();
    index[name] = { expires };
    await this.state.update(INDEX_KEY, index);
  }

  async remove(name: string): Promise<void> {
    await this.secrets.delete(secretKey(name));
    const index = this.index();
    delete index[name];
    await this.state.update(INDEX_KEY, index);
  }

  /** Whether a password is stored under `name`; the index lists every stored name. */
  holds(name: string): boolean {
    return name in this.index();
  }

  get(name: string): Promise<string | undefined> {
    return Promise.resolve(this.secrets.get(secretKey(name)));
  }

  async store(entry: LogonEntry): Promise<boolean> {
    const problem = this.problem(entry);
    if (problem) {
      void this.prompts().error(`Not stored: ${problem}`);
      return false;
    }
    const name = entry.logon.secret!.value;
    const password = await this.prompts().input({ title: `Store logon data ${name}`, prompt: `Password of ${entry.logon.user?.value ?? 'the user'} in ${entry.system.sid} (kept in VS Code secret storage until ${entry.logon.expires!.value})`, password: true, ignoreFocusOut: true, validateInput: (value) => (value ? undefined : 'Enter the password.') });
    if (!password) return false;
    await this.put(name, password, entry.logon.expires!.value);
    void this.prompts().info(`Stored logon data ${name} in secret storage; it is deleted after ${entry.logon.expires!.value}.`);
    return true;
  }

  async show(entry: LogonEntry): Promise<void> {
    const name = entry.logon.secret?.value;
    const password = name && (await this.get(name));
    if (!name || !password) {
      void this.prompts().info(`No logon data stored${name ? ` under ${name}` : ''} for ${entry.system.sid}${entry.logon.user ? ` ${entry.logon.user.value}` : ''}.`);
      return;
    }
    const expires = this.index()[name]?.expires ?? entry.logon.expires?.value ?? 'unknown';
    const chosen = await this.prompts().info(`${name}: user ${entry.logon.user?.value ?? '?'}${entry.logon.client ? `, client ${entry.logon.client.value}` : ''}, password ${'•'.repeat(8)}, expires ${expires}.`, 'Copy Password');
    if (chosen === 'Copy Password') {
      await this.opener().writeClipboard(password);
      void this.prompts().info(`Copied the password of ${name} to the clipboard.`);
    }
  }

  async rotate(entry: LogonEntry): Promise<boolean> {
    const name = entry.logon.secret?.value;
    if (!name || !(await this.get(name))) {
      void this.prompts().error(`Nothing to rotate: no logon data stored${name ? ` under ${name}` : ''}. Store it first.`);
      return false;
    }
    const problem = this.problem(entry);
    if (problem) {
      void this.prompts().error(`Not rotated: ${problem}`);
      return false;
    }
    const password = await this.prompts().input({ title: `Rotate logon data ${name}`, prompt: 'New password (change it in the system too)', password: true, ignoreFocusOut: true, validateInput: (value) => (value ? undefined : 'Enter the new password.') });
    if (!password) return false;
    await this.put(name, password, entry.logon.expires!.value);
    void this.prompts().info(`Rotated the password of ${name}.`);
    return true;
  }

  async delete(entry: LogonEntry | string): Promise<boolean> {
    const name = typeof entry === 'string' ? entry : entry.logon.secret?.value;
    if (!name) return false;
    if (!(await this.prompts().confirm(`Delete logon data ${name}?`, 'The password is removed from VS Code secret storage. The landscape file is not changed.', 'Delete'))) return false;
    await this.remove(name);
    void this.prompts().info(`Deleted logon data ${name}.`);
    return true;
  }

  /** Deletes every stored entry whose expiry day is before `today`; says which. */
  async sweep(today = this.today()): Promise<string[]> {
    const expired = Object.entries(this.index()).filter(([, entry]) => {
      const day = parseDay(entry.expires);
      return day === undefined || day < today;
    });
    for (const [name] of expired) await this.remove(name);
    if (expired.length) void this.prompts().info(`Deleted expired logon data from secret storage: ${expired.map(([name, entry]) => `${name} (expired ${entry.expires})`).join(', ')}.`);
    return expired.map(([name]) => name);
  }
}

/**
 * The secret name the quick fix stores a password under: the entry's own `secret`, else SID/USER,
 * else SID/CLIENT/USER when SID/USER already holds another entry's password; undefined when both
 * are taken, so no stored password is ever replaced by a name the user did not choose.
 */
function secretNameFor(entry: LogonEntry, depot: LogonDepot): string | undefined {
  if (entry.logon.secret) return entry.logon.secret.value;
  const user = entry.logon.user?.value ?? 'USER';
  return [`${entry.system.sid}/${user}`, ...(entry.logon.client ? [`${entry.system.sid}/${entry.logon.client.value}/${user}`] : [])].find((name) => !depot.holds(name));
}

/** The logonData entry of `file` whose password pair has its key at `offset`. */
function passwordPairAt(file: LandscapeFile, offset: number): { entry: LogonEntry; pair: Pair; written: ScalarNode } | undefined {
  for (const system of file.model?.systems ?? []) {
    for (const logon of system.logonData) {
      const pair = logon.node.pairs.find((candidate) => candidate.key.start === offset);
      const written = pair?.value;
      if (pair && written?.kind === 'scalar' && written.value !== null && written.source !== '') return { entry: { file, system, logon }, pair, written };
    }
  }
  return undefined;
}

/**
 * Quick fix for `plaintext-secret` inside a logonData entry: the password goes to secret storage
 * and the pair becomes a `secret:` reference (or disappears when the entry already names one).
 */
export class MovePasswordActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly workspace: LandscapeWorkspace,
    private readonly depot: LogonDepot,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const file = this.workspace.file(document.uri);
    const findings = this.workspace.snapshot?.findingsByUri.get(document.uri.toString()) ?? [];
    if (!file || file.text !== document.getText()) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const finding: Finding | undefined = findingOf(diagnostic, findings);
      if (finding?.ruleId !== 'plaintext-secret') continue;
      const found = passwordPairAt(file, finding.span.start);
      if (!found) continue;
      const name = secretNameFor(found.entry, this.depot);
      const action = new vscode.CodeAction(`Move the password to secret storage (${name ? `secret: ${name}` : 'add a secret name first'})`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      action.command = { command: REMOTE_COMMANDS.movePasswordToSecretStorage.id, title: action.title, arguments: [document.uri.toString(), finding.span.start] };
      actions.push(action);
    }
    return actions;
  }
}

/** Runs the quick fix: store first, then edit the document (undoable; the secret stays stored). */
export async function movePasswordToSecretStorage(workspace: LandscapeWorkspace, depot: LogonDepot, prompts: Prompts, uriText: unknown, offset: unknown): Promise<boolean> {
  if (typeof uriText !== 'string' || typeof offset !== 'number') return false;
  const uri = vscode.Uri.parse(uriText);
  const document = await vscode.workspace.openTextDocument(uri);
  const file = workspace.file(uri);
  if (!file || file.text !== document.getText()) {
    void prompts.error('The file changed since it was checked; try the quick fix again.');
    return false;
  }
  const found = passwordPairAt(file, offset);
  if (!found) return false;
  const { entry, pair, written } = found;
  const name = secretNameFor(entry, depot);
  if (!name) {
    void prompts.error(`Password not moved: the secret names ${entry.system.sid}/${entry.logon.user?.value ?? 'USER'}${entry.logon.client ? ` and ${entry.system.sid}/${entry.logon.client.value}/${entry.logon.user?.value ?? 'USER'}` : ''} already hold stored passwords. Add "secret: <name>" to the entry and try again.`);
    return false;
  }
  const problem = depot.problem({ ...entry, logon: { ...entry.logon, secret: entry.logon.secret ?? { value: name, pair } } });
  if (problem) {
    void prompts.error(`Password not moved: ${problem}`);
    return false;
  }
  // As written: a plain `0123` is the password "0123", not the number 123.
  const password = writtenText(written);
  if (entry.logon.secret && depot.holds(name) && (await depot.get(name)) !== password && !(await prompts.confirm(`Replace the stored password ${name}?`, `Secret storage already holds a different password under ${name}; it is replaced by the one in the file.`, 'Replace'))) return false;
  await depot.put(name, password, entry.logon.expires!.value);
  const change = entry.logon.secret ? removeMapEntry(file, entry.logon.node, pair) : { start: pair.key.start, end: pair.value.end, newText: `secret: ${yamlScalar(name)}` };
  const applied = await vscode.workspace.applyEdit(workspaceEdit(document, [change]));
  void prompts.info(`Stored the password as ${name} in secret storage${applied ? '' : ' (the file could not be edited: remove the password by hand)'}; it is deleted after ${entry.logon.expires!.value}.`);
  return applied;
}
