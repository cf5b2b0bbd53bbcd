import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatDay } from '../../core/dates';
import type { Finding } from '../../core/findings';
import type { LegacyDestinationOptions } from '../../core/rules/legacy-destinations';
import {
  compareWithLive,
  importFragment,
  loadNodeRfc,
  openNodeRfcClient,
  RfcCallError,
  RfcUnavailableError,
  type LiveReadOptions,
  type LiveSystemData,
  type RfcClient,
  type RfcConnectionParameters,
  type RfcCredentials,
} from '../../core/rfc';
import {
  allFindings,
  describeLiveError,
  formatVerificationTable,
  isLogonRejected,
  liveAccessFor,
  readCaBundle,
  readLive,
  planTargets,
  resolveSource,
  verifySystems,
  type LiveAccess,
  type LiveSourceChoice,
  type LiveSourceName,
  type SystemVerification,
} from '../../core/live';
import { LIVE_COMMANDS, type LiveCommandName } from '../commands';
import { toDiagnostic } from '../diagnostics';
import type { SystemDeclaration } from '../../core/landscape/model';
import type { LandscapeWorkspace } from '../landscapeWorkspace';
import { declaredSystems, pickSystem, type SystemRef } from '../systemPicker';
import { vsCodePrompts, type Prompts } from '../remote/opener';
import { liveRefusal, liveSecretKey, rfcUserProblem, verifyAllSummary, verifySummary } from './policy';

const LIVE_DIAGNOSTICS = 'sapready-live';
const LIVE_USER_SETTING = 'sapReadiness.live.user';
const SHOW_DETAILS = 'Show details';
const REMEMBER = 'Remember in VS Code secret storage';
const USE_ONCE = 'Use it this time only';

/**
 * How the extension reaches a live system. The real one loads node-rfc lazily through the core's
 * adapter; host tests inject one that replays recorded RFC_READ_TABLE results.
 */
export interface RfcConnector {
  /** Throws RfcUnavailableError when node-rfc or the SAP NW RFC SDK cannot be loaded; called before any password is asked for. */
  load(): void;
  open(parameters: RfcConnectionParameters, credentials: RfcCredentials): Promise<RfcClient>;
}

const nodeRfcConnector: RfcConnector = {
  load: () => void loadNodeRfc(),
  open: (parameters, credentials) => openNodeRfcClient(parameters, credentials),
};

/** What a live command ended with (also the command's return value). */
export type LiveOutcome =
  | { kind: 'verified'; sid: string; uri: vscode.Uri; findings: Finding[] }
  | { kind: 'imported'; sid: string; document: vscode.TextDocument }
  | { kind: 'verifiedAll'; results: SystemVerification[] }
  | { kind: 'refused' | 'unavailable' | 'failed'; message: string }
  | { kind: 'cancelled' };

/** What the live-verification part offers the extension's API (and so its host tests). */
export interface LiveVerificationApi {
  /** The `sapready-live` diagnostics: live drift on the declaring files. */
  diagnostics: vscode.DiagnosticCollection;
  lastOutcome(): LiveOutcome | undefined;
  /** Everything this part wrote to the output channel since activation (tests check that no password is in it). */
  outputText(): string;
  /** Test doubles: pass undefined to restore the real one. */
  testHooks: {
    setPrompts(prompts?: Prompts): void;
    setConnector(connector?: RfcConnector): void;
    setReadOptions(options?: Pick<LiveReadOptions, 'reading' | 'tables'>): void;
    setTrusted(trusted?: () => boolean): void;
    /** Stands in for the progress notification of Verify All Systems..., so that a test can press its Cancel. */
    setWithProgress(withProgress?: typeof vscode.window.withProgress): void;
  };
}

/** By name as well as class: an injected connector (tests, another bundle) has its own copy of the core's error classes. */
function isCallError(error: unknown): error is RfcCallError {
  return error instanceof RfcCallError || (error instanceof Error && error.name === 'RfcCallError' && typeof (error as RfcCallError).key === 'string');
}

function isUnavailable(error: unknown): error is RfcUnavailableError {
  return error instanceof RfcUnavailableError || (error instanceof Error && error.name === 'RfcUnavailableError');
}
type Session = { ref: SystemRef; access: Extract<LiveAccess, { ok: true }>; target: string; data: LiveSystemData };

/**
 * Registers "Verify System Against Live System..." and "Import Landscape Fragment from System...":
 * connection parameters from the landscape, the user from settings or a prompt, the password
 * from SecretStorage or a hidden prompt (never from the YAML, never logged).
 */
export function registerLiveVerification(context: vscode.ExtensionContext, workspace: LandscapeWorkspace, log: vscode.LogOutputChannel): LiveVerificationApi {
  let prompts: Prompts = vsCodePrompts;
  let connector: RfcConnector = nodeRfcConnector;
  let readOptions: Pick<LiveReadOptions, 'reading' | 'tables'> = {};
  let trusted = (): boolean => vscode.workspace.isTrusted;
  const notificationProgress: typeof vscode.window.withProgress = (options, task) => vscode.window.withProgress(options, task);
  let withProgress = notificationProgress;
  let lastOutcome: LiveOutcome | undefined;
  const transcript: string[] = [];
  const diagnostics = vscode.languages.createDiagnosticCollection(LIVE_DIAGNOSTICS);
  let watcher: vscode.Disposable | undefined;

  const write = (level: 'info' | 'warn' | 'error', message: string): void => {
    transcript.push(`[${level}] ${message}`);
    log[level](message);
  };
  const finish = (outcome: LiveOutcome): LiveOutcome => (lastOutcome = outcome);
  const fail = (kind: 'refused' | 'failed', message: string): LiveOutcome => {
    write(kind === 'refused' ? 'warn' : 'error', message);
    void prompts.error(`SAP Readiness: ${message}`);
    return finish({ kind, message });
  };
  const unavailable = (error: RfcUnavailableError): LiveOutcome => {
    write('warn', `Live verification unavailable: ${error.message}`);
    void prompts.error(`SAP Readiness: ${error.message}`, SHOW_DETAILS).then((choice) => {
      if (choice !== SHOW_DETAILS) return;
      write('error', ['Live verification is not available on this machine.', error.message, ...(error.detail ? [`Loading node-rfc failed with: ${error.detail}`] : [])].join('\n'));
      log.show(true);
    });
    return finish({ kind: 'unavailable', message: error.message });
  };

  const pickLiveSystem = async (title: string): Promise<SystemRef | undefined> => {
    await workspace.whenChecked();
    return pickSystem(prompts, declaredSystems(workspace.snapshot), { title, empty: 'the landscape files declare no system.', placeHolder: 'The declared system to read' });
  };

  const askUser = async (target: string): Promise<string | undefined> => {
    const configured = vscode.workspace.getConfiguration('sapReadiness.live').inspect<string>('user')?.globalValue?.trim();
    if (configured) return configured;
    const typed = await prompts.input({ title: 'RFC user', prompt: `SAP user to log on to ${target} (set ${LIVE_USER_SETTING} to stop asking)`, ignoreFocusOut: true, validateInput: (value) => rfcUserProblem(value) });
    return typed?.trim() || undefined;
  };

  /** The password from SecretStorage, or a hidden prompt; `remember` says whether to store it once the logon works. */
  const askPassword = async (key: string, user: string, target: string): Promise<{ password: string; stored: boolean; remember: boolean } | undefined> => {
    const stored = await context.secrets.get(key);
    if (stored) return { password: stored, stored: true, remember: false };
    const password = await prompts.input({ title: `Password of ${user}`, prompt: `Password of ${user} in ${target}. It is not written to any file or log.`, password: true, ignoreFocusOut: true });
    if (!password) return undefined;
    const choice = await prompts.pick([{ label: USE_ONCE }, { label: REMEMBER, detail: `Kept under ${key} in VS Code's secret storage (the operating system's keychain).` }], {
      title: `Remember the password of ${user} for ${target}?`,
      ignoreFocusOut: true,
    });
    if (!choice) return undefined;
    return { password, stored: false, remember: choice.label === REMEMBER };
  };

  const sourceSetting = (): LiveSourceChoice => vscode.workspace.getConfiguration('sapReadiness.live').get<LiveSourceChoice>('source') ?? 'auto';

  /** Which source a command reads through (`auto`: RFC when node-rfc loads, else HTTPS), or the outcome when it stops here (no SDK). */
  const chooseSource = (title: string, choice: LiveSourceChoice): LiveSourceName | LiveOutcome => {
    try {
      const { source, reason } = resolveSource(choice, () => connector.load());
      // node-rfc first: without the SDK there is nothing to ask a password for.
      if (source === 'rfc') connector.load();
      if (reason) write('info', `${title}: reading over HTTPS (ADT): ${reason}.`);
      return source;
    } catch (error) {
      if (isUnavailable(error)) return unavailable(error);
      throw error;
    }
  };

  /** The company CA bundle of sapReadiness.live.caFile, user settings only: a workspace must not choose which certificates are trusted. */
  const caBundle = (): { ca?: string } | LiveOutcome => {
    const caFile = vscode.workspace.getConfiguration('sapReadiness.live').inspect<string>('caFile')?.globalValue?.trim();
    if (!caFile) return {};
    try {
      return { ca: readCaBundle(caFile) };
    } catch (error) {
      return fail('failed', `The CA bundle of sapReadiness.live.caFile (${caFile}) ${(error as Error).message}.`);
    }
  };

  /** Everything both single-system commands share: trust, system, source, connection, credentials, reading. */
  const readSystem = async (title: string, parts: LiveReadOptions['parts'], choice: LiveSourceChoice): Promise<Session | LiveOutcome> => {
    const refusal = liveRefusal(trusted());
    if (refusal) return fail('refused', refusal);
    const ref = await pickLiveSystem(title);
    if (!ref) return finish({ kind: 'cancelled' });
    const source = chooseSource(title, choice);
    if (typeof source !== 'string') return source;
    const trust = caBundle();
    if ('kind' in trust) return trust;
    // A picked system comes from a parsed model, so the file has one.
    const access = liveAccessFor(ref.file.model!, ref.system, source);
    if (!access.ok) return fail('failed', `${access.problem} (${vscode.workspace.asRelativePath(vscode.Uri.parse(ref.file.path))})`);
    const target = access.description;
    const user = await askUser(target);
    if (!user) return finish({ kind: 'cancelled' });
    const key = liveSecretKey(access, user);
    const secret = await askPassword(key, user, target);
    if (!secret) return finish({ kind: 'cancelled' });
    write('info', `${title}: logging on to ${target} as ${user}${secret.stored ? ' (password from secret storage)' : ''}.`);
    try {
      const data = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `SAP Readiness: reading ${access.sid} over ${source.toUpperCase()}...` }, () =>
        readLive(access, { credentials: { user, password: secret.password }, https: trust, openRfc: (parameters, credentials) => connector.open(parameters, credentials), reading: { ...readOptions, parts } }),
      );
      if (secret.remember) {
        await context.secrets.store(key, secret.password);
        write('info', `Stored the password of ${user} for ${access.sid} client ${access.client} in secret storage (${key}).`);
      }
      return { ref, access, target, data };
    } catch (error) {
      if (isUnavailable(error)) return unavailable(error);
      if (!isCallError(error) && !(error instanceof Error && error.name === 'AdtHttpError')) throw error;
      let message = isCallError(error) && error.functionModule === '(logon)' ? `Logon to ${target} as ${user} failed: ${error.key}: ${error.message}` : describeLiveError(error, access);
      if (secret.stored && isLogonRejected(error)) {
        await context.secrets.delete(key);
        message += ' The stored password was removed from secret storage; you will be asked for it next time.';
      }
      return fail('failed', message);
    }
  };

  const isSession = (value: Session | LiveOutcome): value is Session => 'data' in value;

  /** Live findings describe the text that was compared: an edit or a change on disk of a file clears its own. */
  const clearOnChange = (uris: readonly vscode.Uri[]): void => {
    watcher?.dispose();
    const watched = new Set(uris.map((uri) => uri.toString()));
    const subscriptions: vscode.Disposable[] = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && watched.has(event.document.uri.toString())) diagnostics.delete(event.document.uri);
      }),
    ];
    for (const uri of uris) {
      if (uri.scheme !== 'file') continue;
      const fileWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(uri.fsPath)), path.basename(uri.fsPath)), true, false, false);
      subscriptions.push(fileWatcher, fileWatcher.onDidChange(() => diagnostics.delete(uri)), fileWatcher.onDidDelete(() => diagnostics.delete(uri)));
    }
    watcher = vscode.Disposable.from(...subscriptions);
  };

  /** Live findings as diagnostics on their files, replacing the last run's. */
  const showFindings = (findings: readonly Finding[], alsoWatch: readonly vscode.Uri[] = []): void => {
    const byPath = new Map<string, Finding[]>();
    for (const finding of findings) byPath.set(finding.path, [...(byPath.get(finding.path) ?? []), finding]);
    for (const [key, list] of byPath) diagnostics.set(vscode.Uri.parse(key), list.map(toDiagnostic));
    clearOnChange([...alsoWatch, ...[...byPath.keys()].map((key) => vscode.Uri.parse(key))]);
  };

  const handlers: Record<LiveCommandName, (...args: unknown[]) => unknown> = {
    verifyAgainstLiveSystem: async (): Promise<LiveOutcome> => {
      diagnostics.clear();
      watcher?.dispose();
      watcher = undefined;
      const session = await readSystem('Verify System Against Live System', ['destinations', 'components', 'notes'], sourceSetting());
      if (!isSession(session)) return session;
      const { ref, target, data } = session;
      const legacy = workspace.snapshot?.options.rules.get('legacy-rfc-destination')?.options as LegacyDestinationOptions | undefined;
      const findings = compareWithLive(ref.file, ref.system, data, { legacy });
      const uri = vscode.Uri.parse(ref.file.path);
      showFindings(findings, [uri]);
      const summary = verifySummary(ref.system.sid, target, findings);
      write('info', summary);
      void prompts.info(summary);
      return finish({ kind: 'verified', sid: ref.system.sid, uri, findings });
    },
    verifyAllSystems: async (): Promise<LiveOutcome> => {
      const title = 'Verify All Systems';
      const refusal = liveRefusal(trusted());
      if (refusal) return fail('refused', refusal);
      await workspace.whenChecked();
      const settings = vscode.workspace.getConfiguration('sapReadiness.live');
      const source = chooseSource(title, sourceSetting());
      if (typeof source !== 'string') return source;
      const trust = caBundle();
      if ('kind' in trust) return trust;
      const { reachable, skipped } = planTargets(declaredSystems(workspace.snapshot), source);
      if (reachable.length === 0) return fail('failed', `No declared system has the connection data live verification over ${source.toUpperCase()} needs: ${skipped.map((result) => result.problem).join(' ')}`);
      const user = await askUser(`${reachable.length} systems`);
      if (!user) return finish({ kind: 'cancelled' });
      const secrets = new Map<SystemDeclaration, { key: string; password: string; stored: boolean; remember: boolean }>();
      for (const { system, access } of reachable) {
        const key = liveSecretKey(access, user);
        const secret = await askPassword(key, user, access.description);
        if (!secret) return finish({ kind: 'cancelled' });
        secrets.set(system, { key, ...secret });
      }
      diagnostics.clear();
      watcher?.dispose();
      watcher = undefined;
      write('info', `${title}: ${reachable.length} systems over ${source.toUpperCase()} as ${user}.`);
      const results = await withProgress(
        { location: vscode.ProgressLocation.Notification, title: `SAP Readiness: verifying ${reachable.length} systems over ${source.toUpperCase()}`, cancellable: true },
        (progress, token) => {
          const cancel = new AbortController();
          token.onCancellationRequested(() => cancel.abort());
          return verifySystems(
            reachable,
            (target, signal) => {
              const credentials = { user, password: secrets.get(target.system)!.password };
              return readLive(target.access, { credentials, signal, https: trust, openRfc: (parameters, given) => connector.open(parameters, given), reading: { ...readOptions } });
            },
            {
              signal: cancel.signal,
              concurrency: positiveSetting(settings, 'concurrency'),
              timeoutMs: secondsToMs(positiveSetting(settings, 'timeoutSeconds')),
              check: { legacy: workspace.snapshot?.options.rules.get('legacy-rfc-destination')?.options as LegacyDestinationOptions | undefined },
              describeError: (error, target) => describeLiveError(error, target.access),
              onSettled: (result, settled, total) => progress.report({ increment: 100 / total, message: `${settled}/${total}: ${result.target.system.sid} ${result.status}` }),
            },
          );
        },
      );
      for (const result of results) {
        const secret = secrets.get(result.target.system)!;
        if (result.status === 'failed' && secret.stored && isLogonRejected(result.error)) {
          await context.secrets.delete(secret.key);
          write('warn', `${result.target.system.sid}: the stored password of ${user} was rejected and removed from secret storage (${secret.key}); you will be asked for it next time.`);
        } else if (result.status === 'verified' && secret.remember) {
          await context.secrets.store(secret.key, secret.password);
          write('info', `Stored the password of ${user} for ${result.target.system.sid} client ${result.target.system.client?.value} in secret storage (${secret.key}).`);
        }
      }
      const all = [...results, ...skipped];
      showFindings(allFindings(results));
      write('info', `${title}:\n${formatVerificationTable(all)}`);
      void prompts.info(verifyAllSummary(all));
      return finish({ kind: 'verifiedAll', results: all });
    },
    importFromSystem: async (): Promise<LiveOutcome> => {
      // The fragment lists destinations, which only RFC reads.
      const session = await readSystem('Import Landscape Fragment from System', ['destinations', 'components'], 'rfc');
      if (!isSession(session)) return session;
      const { ref, access, data } = session;
      const today = workspace.snapshot?.options.today;
      const fragment = importFragment(data, { today: formatDay(today ?? Math.floor(Date.now() / 86_400_000)), source: access.description, product: ref.system.product?.value });
      const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: fragment });
      await vscode.window.showTextDocument(document);
      write('info', `Imported a landscape fragment from ${access.sid} into a new untitled document.`);
      return finish({ kind: 'imported', sid: access.sid, document });
    },
  };
  for (const [name, handler] of Object.entries(handlers) as [LiveCommandName, (...args: unknown[]) => unknown][]) {
    context.subscriptions.push(vscode.commands.registerCommand(LIVE_COMMANDS[name].id, handler));
  }
  context.subscriptions.push(diagnostics, { dispose: () => watcher?.dispose() });

  return {
    diagnostics,
    lastOutcome: () => lastOutcome,
    outputText: () => transcript.join('\n'),
    testHooks: {
      setPrompts: (replacement) => void (prompts = replacement ?? vsCodePrompts),
      setConnector: (replacement) => void (connector = replacement ?? nodeRfcConnector),
      setReadOptions: (replacement) => void (readOptions = replacement ?? {}),
      setTrusted: (replacement) => void (trusted = replacement ?? ((): boolean => vscode.workspace.isTrusted)),
      setWithProgress: (replacement) => void (withProgress = replacement ?? notificationProgress),
    },
  };
}

/**
 * A count or duration from the settings, or undefined for verifySystems' default. settings.json is
 * not held to the schema's minimum, and a 0 or a text would fail every system at once ("did not
 * finish within 0 s").
 */
function positiveSetting(settings: vscode.WorkspaceConfiguration, name: string): number | undefined {
  const value = settings.get<unknown>(name);
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? value : undefined;
}

function secondsToMs(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : seconds * 1000;
}
