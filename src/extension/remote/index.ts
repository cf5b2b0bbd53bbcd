import * as vscode from 'vscode';
import { findConnectionType, sapNoteUrl } from '../../core/catalog';
import { isRefusal, planConnection, sapRouterRoute, windowRefusal, type ConnectOptions } from '../../core/connect';
import { dayOfTime, dayStartTime } from '../../core/dates';
import { REMOTE_COMMANDS, type RemoteCommandName } from '../commands';
import type { LandscapeWorkspace } from '../landscapeWorkspace';
import { declaredSystems, pickSystem, type SystemRef } from '../systemPicker';
import { ConnectionTypesTree, type ConnectionTypeNode } from './connectionTypesTree';
import { LandscapeTree, type LandscapeNode } from './landscapeTree';
import { LogonDepot, MovePasswordActions, movePasswordToSecretStorage, type LogonEntry } from './logonDepot';
import { VsCodeSystemOpener, vsCodePrompts, type Prompts, type SystemOpener } from './opener';
import { VsCodePlanRunner, type RunOutcome } from './runner';
import { LANDSCAPE_DOCUMENTS } from '../settings';

const CONNECTION_TYPES_VIEW = 'sapReadinessConnectionTypes';
const LANDSCAPE_VIEW = 'sapReadinessLandscape';
const FILTERED_CONTEXT = 'sapReadiness.connectionTypesFiltered';
const CHECKED_CONTEXT = 'sapReadiness.landscapeChecked';
const DAY_MS = 86_400_000;

/** What the remote-support part offers the extension's API (and so its host tests). */
export interface RemoteSupportApi {
  connectionTypes: ConnectionTypesTree;
  connectionTypesView: vscode.TreeView<ConnectionTypeNode>;
  landscape: LandscapeTree;
  depot: LogonDepot;
  /** The last outcome of running a plan (for tests and diagnostics). */
  lastOutcome(): RunOutcome | undefined;
  /** Test doubles: pass undefined to restore the real one. */
  testHooks: {
    setOpener(opener?: SystemOpener): void;
    setPrompts(prompts?: Prompts): void;
    setClock(clock?: () => number): void;
  };
}

/** Settings for launching clients, read from user settings only: a workspace must not choose programs to run. */
function connectOptions(): ConnectOptions {
  const configuration = vscode.workspace.getConfiguration('sapReadiness.connect');
  const options: ConnectOptions = {};
  for (const key of ['sapshcut', 'language', 'sapUser', 'hanaTenant', 'ssh', 'telnet', 'hdbsql'] as const) {
    const value = configuration.inspect<string>(key)?.globalValue;
    if (typeof value === 'string' && value !== '') options[key] = value;
  }
  return options;
}

/**
 * Registers the remote-support face: the Connection Types and Landscape views, opening service
 * connections from pure launch plans, SAP router routes, and the Customer Remote Logon Depot.
 */
export function registerRemoteSupport(context: vscode.ExtensionContext, workspace: LandscapeWorkspace): RemoteSupportApi {
  const realOpener = new VsCodeSystemOpener();
  let opener: SystemOpener = realOpener;
  let prompts: Prompts = vsCodePrompts;
  let clockOverride: (() => number) | undefined;
  let lastOutcome: RunOutcome | undefined;
  let checkedOnce = false;
  // What the views show follows the day the rules take as today (sapReadiness.now / options "now"),
  // so the tree agrees with the diagnostics.
  const displayClock = (): number => {
    if (clockOverride) return clockOverride();
    const today = workspace.snapshot?.options.today;
    const real = Date.now();
    return today === undefined || today === dayOfTime(real) ? real : dayStartTime(today) + DAY_MS / 2;
  };
  // What acts (deleting expired secrets, opening a connection inside its window) follows the real
  // clock: a "now" committed to the repository must not delete passwords or open connections.
  const clock = (): number => (clockOverride ? clockOverride() : Date.now());

  const connectionTypes = new ConnectionTypesTree(connectOptions);
  const connectionTypesView = vscode.window.createTreeView(CONNECTION_TYPES_VIEW, { treeDataProvider: connectionTypes, showCollapseAll: true });
  const landscape = new LandscapeTree(() => workspace.snapshot, displayClock);
  const landscapeView = vscode.window.createTreeView(LANDSCAPE_VIEW, { treeDataProvider: landscape, showCollapseAll: true });
  const runner = new VsCodePlanRunner({ opener: () => opener, prompts: () => prompts, clock });
  const depot = new LogonDepot(context.secrets, context.globalState, () => prompts, () => opener, () => dayOfTime(clock()));

  const logonEntries = (): LogonEntry[] => declaredSystems(workspace.snapshot).flatMap(({ file, system }) => system.logonData.map((logon) => ({ file, system, logon })));

  const run = async (ref: SystemRef, typeId: string): Promise<RunOutcome> => {
    const plan = planConnection(ref.system, typeId, ref.file.model ?? {}, { ...connectOptions(), trusted: vscode.workspace.isTrusted }, clock());
    lastOutcome = await runner.run(plan);
    return lastOutcome;
  };

  const pickQualifying = (title: string, filter: (ref: SystemRef) => boolean): Promise<SystemRef | undefined> =>
    pickSystem(prompts, declaredSystems(workspace.snapshot).filter(filter), { title, empty: 'no system in the landscape files qualifies.' });

  const pickType = async (ref: SystemRef): Promise<string | undefined> => {
    const now = clock();
    const picked = await prompts.pick(
      ref.system.serviceConnections.map((connection) => {
        const closed = windowRefusal(connection, ref.system.sid, now);
        return { label: findConnectionType(connection.typeId)?.name ?? connection.typeId, description: closed ? 'closed' : 'open', detail: closed?.reason, typeId: connection.typeId };
      }),
      { title: `Open Service Connection: ${ref.system.sid}` },
    );
    return picked?.typeId;
  };

  const refOf = (arg: unknown): SystemRef | undefined => {
    const node = arg as LandscapeNode | undefined;
    return node && typeof node === 'object' && 'system' in node && 'file' in node ? { file: node.file, system: node.system } : undefined;
  };
  const logonOf = async (arg: unknown, title: string): Promise<LogonEntry | undefined> => {
    const node = arg as LandscapeNode | undefined;
    if (node && typeof node === 'object' && node.kind === 'leaf' && node.logon) return { file: node.file, system: node.system, logon: node.logon };
    const entries = logonEntries();
    if (entries.length === 0) {
      void prompts.info(`${title}: no logonData entries in the landscape files.`);
      return undefined;
    }
    const picked = await prompts.pick(
      entries.map((entry) => ({ label: `${entry.system.sid} ${entry.logon.user?.value ?? '?'}${entry.logon.client ? ` (client ${entry.logon.client.value})` : ''}`, description: [entry.logon.secret?.value, entry.logon.expires ? `expires ${entry.logon.expires.value}` : 'no expiry date'].filter(Boolean).join(' · '), entry })),
      { title },
    );
    return picked?.entry;
  };

  const updateFilterUi = (): void => {
    const filter = connectionTypes.filter;
    const visible = connectionTypes.visibleTypes().length;
    connectionTypesView.description = filter ? `filter: ${filter}` : undefined;
    connectionTypesView.message = filter ? (visible ? `${visible} connection type${visible === 1 ? '' : 's'} match "${filter}".` : `No connection type matches "${filter}".`) : undefined;
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, Boolean(filter));
  };

  const handlers: Record<RemoteCommandName, (...args: unknown[]) => unknown> = {
    openServiceConnection: async (arg, typeArg) => {
      const node = arg as LandscapeNode | undefined;
      const ref = refOf(arg) ?? (await pickQualifying('Open Service Connection', (candidate) => candidate.system.serviceConnections.length > 0));
      if (!ref) return undefined;
      const typeId = typeof typeArg === 'string' ? typeArg : node?.kind === 'leaf' && node.connection ? node.connection.typeId : await pickType(ref);
      return typeId ? run(ref, typeId) : undefined;
    },
    openConnectionOfType: async (arg) => {
      const node = arg as ConnectionTypeNode | undefined;
      const typeId = node?.kind === 'type' ? node.type.id : typeof arg === 'string' ? arg : undefined;
      const type = typeId ? findConnectionType(typeId) : undefined;
      if (!type) return undefined;
      const ref = await pickQualifying(`Open ${type.name}`, (candidate) => candidate.system.serviceConnections.some((connection) => connection.typeId === type.id));
      return ref ? run(ref, type.id) : undefined;
    },
    openConnectionTypeNote: async (arg) => {
      const node = arg as ConnectionTypeNode | undefined;
      const type = node?.kind === 'type' ? node.type : typeof arg === 'string' ? findConnectionType(arg) : undefined;
      if (!type) return;
      if (type.notes.length === 0) {
        void prompts.info(`SAP's remote-support page names no SAP Note for ${type.name}.`);
        return;
      }
      for (const note of type.notes) await opener.openExternal(vscode.Uri.parse(sapNoteUrl(note)));
    },
    copySapRouterRoute: async (arg) => {
      const ref = refOf(arg) ?? (await pickQualifying('Copy SAP Router Route', (candidate) => Boolean(candidate.system.host && candidate.system.instance)));
      if (!ref) return undefined;
      const route = sapRouterRoute(ref.system, ref.file.model ?? {});
      if (isRefusal(route)) {
        void prompts.error(`No route for ${ref.system.sid}: ${route.reason}`);
        return undefined;
      }
      await opener.writeClipboard(route);
      void prompts.info(`Copied the SAP router route of ${ref.system.sid}: ${route}`);
      return route;
    },
    filterConnectionTypes: async (arg) => {
      const text = typeof arg === 'string' ? arg : await prompts.input({ title: 'Filter Connection Types', prompt: 'Part of a name, id, description or SAP Note number (empty shows all)', value: connectionTypes.filter });
      if (text === undefined) return;
      connectionTypes.setFilter(text);
      updateFilterUi();
    },
    clearConnectionTypeFilter: () => {
      connectionTypes.setFilter('');
      updateFilterUi();
    },
    refreshLandscape: async () => {
      // rescan() ends in a check, whose onDidCheck refreshes the view.
      await workspace.rescan();
    },
    storeLogonData: async (arg) => {
      const entry = await logonOf(arg, 'Store Logon Data');
      return entry ? depot.store(entry) : false;
    },
    showLogonData: async (arg) => {
      const entry = await logonOf(arg, 'Show Logon Data');
      if (entry) await depot.show(entry);
    },
    rotateLogonData: async (arg) => {
      const entry = await logonOf(arg, 'Rotate Logon Data Password');
      return entry ? depot.rotate(entry) : false;
    },
    deleteLogonData: async (arg) => {
      const entry = await logonOf(arg, 'Delete Logon Data');
      return entry ? depot.delete(entry) : false;
    },
    movePasswordToSecretStorage: (uri, offset) => movePasswordToSecretStorage(workspace, depot, prompts, uri, offset),
  };
  for (const [name, handler] of Object.entries(handlers) as [RemoteCommandName, (...args: unknown[]) => unknown][]) {
    context.subscriptions.push(vscode.commands.registerCommand(REMOTE_COMMANDS[name].id, handler));
  }

  // Expired logon data goes at activation (once the first check is in) and then once a day.
  const sweep = (): void => void depot.sweep().catch(() => undefined);
  const daily = setInterval(sweep, DAY_MS);
  void workspace.whenChecked().then(sweep);

  context.subscriptions.push(
    realOpener,
    connectionTypes,
    connectionTypesView,
    landscape,
    landscapeView,
    workspace.onDidCheck(() => {
      landscape.refresh();
      // The empty-state welcome shows only once a check has found no system, not while scanning.
      if (!checkedOnce) void vscode.commands.executeCommand('setContext', CHECKED_CONTEXT, true);
      checkedOnce = true;
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sapReadiness.connect.sapshcut')) connectionTypes.refresh();
    }),
    vscode.languages.registerCodeActionsProvider(LANDSCAPE_DOCUMENTS, new MovePasswordActions(workspace, depot), MovePasswordActions.metadata),
    { dispose: () => clearInterval(daily) },
  );
  updateFilterUi();

  return {
    connectionTypes,
    connectionTypesView,
    landscape,
    depot,
    lastOutcome: () => lastOutcome,
    testHooks: {
      setOpener: (replacement) => void (opener = replacement ?? realOpener),
      setPrompts: (replacement) => void (prompts = replacement ?? vsCodePrompts),
      setClock: (replacement) => {
        clockOverride = replacement;
        landscape.refresh();
      },
    },
  };
}
