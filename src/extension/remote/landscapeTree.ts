import * as vscode from 'vscode';
import { findConnectionType } from '../../core/catalog';
import { windowRefusal } from '../../core/connect';
import { dayOfTime, formatDay, parseDateTime, parseDay } from '../../core/dates';
import type { LandscapeFile } from '../../core/landscape/file';
import type { LogonDataDeclaration, ServiceConnectionDeclaration, SystemDeclaration } from '../../core/landscape/model';
import { landscapeKey, WorkspaceIndex } from '../../core/landscape/workspace';
import { entryOf } from '../../core/landscape/sourceTree';
import type { Span } from '../../core/landscape/text';
import { systemKey, type SystemReadiness } from '../../core/readiness';
import { compareText, customersOf, readinessScope } from '../../core/report/readiness-model';
import { legacyVerdict, type LegacyDestinationOptions } from '../../core/rules/legacy-destinations';
import type { CheckSnapshot } from '../landscapeWorkspace';

export type GroupKind = 'rfc' | 'users' | 'components' | 'connections' | 'logon';

type DeclaredSystem = { file: LandscapeFile; system: SystemDeclaration };

export type LandscapeNode =
  /** Only when the workspace holds several landscapes or names a customer, as the reports' Landscape column. */
  | { kind: 'landscape'; landscape: string; customers: string[]; systems: DeclaredSystem[] }
  /** `landscape` is set when the product sits below a landscape node. */
  | { kind: 'product'; product: string; landscape?: string; systems: DeclaredSystem[] }
  | { kind: 'system'; file: LandscapeFile; system: SystemDeclaration }
  | { kind: 'group'; file: LandscapeFile; system: SystemDeclaration; group: GroupKind }
  | { kind: 'leaf'; file: LandscapeFile; system: SystemDeclaration; id: string; item: vscode.TreeItem; span: Span; connection?: ServiceConnectionDeclaration; logon?: LogonDataDeclaration };

const PRODUCT_TITLES: Record<string, string> = {
  abap: 'ABAP systems',
  java: 'Java systems',
  hana: 'SAP HANA databases',
  solman: 'SAP Solution Manager',
  'focused-run': 'SAP Focused Run',
  other: 'Other systems',
};
const PRODUCT_ORDER = Object.keys(PRODUCT_TITLES);
const GROUP_TITLES: Record<GroupKind, string> = {
  rfc: 'RFC destinations',
  users: 'Communication users',
  components: 'Software components',
  connections: 'Service connections',
  logon: 'Logon data',
};

/** "2d 4h", "3h 20m", "12m": time until `ms` from `now`. */
function timeLeft(ms: number, now: number): string {
  const minutes = Math.max(0, Math.floor((ms - now) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days}d ${hours}h`;
  return hours > 0 ? `${hours}h ${minutes % 60}m` : `${minutes}m`;
}

function readinessIcon(readiness: SystemReadiness['readiness'] | undefined): vscode.ThemeIcon {
  switch (readiness) {
    case 'ready':
      return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
    case 'warnings':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 'not-ready':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    default:
      return new vscode.ThemeIcon('circle-outline');
  }
}

function readinessText(entry: SystemReadiness | undefined): string {
  if (!entry) return 'not checked';
  if (entry.readiness === 'ready') return 'ready';
  if (entry.readiness === 'warnings') return `warnings (${entry.warnings})`;
  return `not ready (${entry.errors} error${entry.errors === 1 ? '' : 's'}${entry.warnings ? `, ${entry.warnings} warning${entry.warnings === 1 ? '' : 's'}` : ''})`;
}

/** What every item of one snapshot looks up, built once per check rather than once per item. */
interface Lookups {
  readiness: ReadonlyMap<string, SystemReadiness>;
  workspace: WorkspaceIndex;
  /** Whether the top level is the landscapes (several landscapes, or a customer named), as the reports decide their Landscape column. */
  byLandscape: boolean;
}

/** Product nodes in a fixed order, each with its systems by SID (then file). */
function byProduct(systems: readonly DeclaredSystem[], landscape?: string): LandscapeNode[] {
  const products = new Map<string, DeclaredSystem[]>();
  for (const declared of systems) {
    const product = PRODUCT_TITLES[declared.system.product?.value ?? ''] ? declared.system.product!.value : 'other';
    if (!products.has(product)) products.set(product, []);
    products.get(product)!.push(declared);
  }
  return PRODUCT_ORDER.filter((product) => products.has(product)).map((product) => ({
    kind: 'product',
    product,
    ...(landscape === undefined ? {} : { landscape }),
    systems: products.get(product)!.sort((a, b) => a.system.sid.localeCompare(b.system.sid) || a.file.path.localeCompare(b.file.path)),
  }));
}

/** The user ids a system's "Communication users" group lists, each with the span it reveals. */
function communicationUsers(system: SystemDeclaration): Map<string, Span> {
  const users = new Map<string, Span>();
  if (system.communicationUser) users.set(system.communicationUser.value, { start: system.communicationUser.pair.value.start, end: system.communicationUser.pair.value.end });
  for (const destination of system.rfcDestinations) {
    if (destination.user && !users.has(destination.user.value)) users.set(destination.user.value, { start: destination.user.pair.value.start, end: destination.user.pair.value.end });
  }
  return users;
}

function groupSize(system: SystemDeclaration, group: GroupKind): number {
  switch (group) {
    case 'rfc':
      return system.rfcDestinations.length;
    case 'users':
      return communicationUsers(system).size;
    case 'components':
      return system.components.size;
    case 'connections':
      return system.serviceConnections.length;
    case 'logon':
      return system.logonData.length;
  }
}

/**
 * The systems of the workspace's landscape files by product, with readiness from the engine's
 * findings and their destinations, users, components, service connections and logon data.
 * It reads the engine's model and snapshot only; selecting an item reveals it in the file.
 */
export class LandscapeTree implements vscode.TreeDataProvider<LandscapeNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly lookups = new WeakMap<CheckSnapshot, Lookups>();

  constructor(
    private readonly snapshot: () => CheckSnapshot | undefined,
    private readonly clock: () => number,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  private lookupsOf(snapshot: CheckSnapshot): Lookups {
    let found = this.lookups.get(snapshot);
    if (!found) {
      const readiness = new Map<string, SystemReadiness>();
      for (const entry of snapshot.readiness) readiness.set(systemKey(entry.path, entry.sid), entry);
      found = { readiness, workspace: new WorkspaceIndex(snapshot.files), byLandscape: readinessScope(snapshot.files).showLandscape };
      this.lookups.set(snapshot, found);
    }
    return found;
  }

  getChildren(node?: LandscapeNode): LandscapeNode[] {
    const snapshot = this.snapshot();
    if (!snapshot) return [];
    if (!node) {
      const systems = snapshot.files.flatMap((file) => (file.model?.systems ?? []).map((system) => ({ file, system })));
      if (!this.lookupsOf(snapshot).byLandscape) return byProduct(systems);
      // A partner's repository: two customers' PRD sit under their own landscapes, not side by side.
      const landscapes = new Map<string, DeclaredSystem[]>();
      for (const declared of systems) {
        const key = landscapeKey(declared.file);
        if (!landscapes.has(key)) landscapes.set(key, []);
        landscapes.get(key)!.push(declared);
      }
      return [...landscapes].sort(([a], [b]) => compareText(a, b)).map(([landscape, own]) => ({
        kind: 'landscape',
        landscape,
        customers: customersOf(own.map(({ file }) => file)),
        systems: own,
      }));
    }
    switch (node.kind) {
      case 'landscape':
        return byProduct(node.systems, node.landscape);
      case 'product':
        return node.systems.map(({ file, system }) => ({ kind: 'system', file, system }));
      case 'system':
        return (Object.keys(GROUP_TITLES) as GroupKind[]).filter((group) => groupSize(node.system, group) > 0).map((group) => ({ kind: 'group', file: node.file, system: node.system, group }));
      case 'group':
        return this.leaves(node.file, node.system, node.group, snapshot);
      case 'leaf':
        return [];
    }
  }

  getTreeItem(node: LandscapeNode): vscode.TreeItem {
    const snapshot = this.snapshot();
    switch (node.kind) {
      case 'landscape': {
        const item = new vscode.TreeItem(node.landscape || '(no landscape name)', vscode.TreeItemCollapsibleState.Expanded);
        item.id = `landscape:${node.landscape}`;
        item.iconPath = new vscode.ThemeIcon('globe');
        const systems = `${node.systems.length} system${node.systems.length === 1 ? '' : 's'}`;
        item.description = node.customers.length > 0 ? `${node.customers.join(', ')} · ${systems}` : systems;
        item.tooltip = `Landscape ${node.landscape ? `"${node.landscape}"` : 'without a name (files without landscape:)'}${node.customers.length > 0 ? `\nCustomer: ${node.customers.join(', ')}` : ''}\n${[...new Set(node.systems.map(({ file }) => vscode.workspace.asRelativePath(vscode.Uri.parse(file.path))))].sort().join('\n')}`;
        item.contextValue = 'landscape';
        return item;
      }
      case 'product': {
        const item = new vscode.TreeItem(PRODUCT_TITLES[node.product], vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.landscape === undefined ? `product:${node.product}` : `product:${node.landscape}/${node.product}`;
        item.description = `${node.systems.length}`;
        item.contextValue = 'product';
        return item;
      }
      case 'system': {
        const entry = snapshot && this.lookupsOf(snapshot).readiness.get(systemKey(node.file.path, node.system.sid));
        const item = new vscode.TreeItem(node.system.sid, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `system:${node.file.path}#${node.system.sid}`;
        item.iconPath = readinessIcon(entry?.readiness);
        const description = entryOf(node.system.node, 'description')?.value;
        const role = node.system.role?.value ?? (description?.kind === 'scalar' ? description.value : undefined);
        item.description = `${readinessText(entry)}${typeof role === 'string' ? ` · ${role}` : ''}`;
        const scope = [node.file.model?.name?.value, node.file.model?.customer && `customer ${node.file.model.customer.value}`].filter(Boolean).join(', ');
        item.tooltip = `${node.system.sid}: ${readinessText(entry)}\n${scope ? `${scope}\n` : ''}${vscode.workspace.asRelativePath(vscode.Uri.parse(node.file.path))}`;
        item.contextValue = 'system';
        item.command = this.reveal(node.file, node.system.pair.key);
        return item;
      }
      case 'group': {
        const count = groupSize(node.system, node.group);
        const item = new vscode.TreeItem(GROUP_TITLES[node.group], vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `group:${node.file.path}#${node.system.sid}/${node.group}`;
        item.description = `${count}`;
        item.contextValue = `group.${node.group}`;
        return item;
      }
      case 'leaf':
        return node.item;
    }
  }

  getParent(): undefined {
    return undefined;
  }

  /** The command a tree item runs on selection: open the file with the node's range selected. */
  reveal(file: LandscapeFile, span: Span): vscode.Command {
    const range = file.lines.rangeOf(span);
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    return { command: 'vscode.open', title: 'Reveal in landscape file', arguments: [vscode.Uri.parse(file.path), { selection, preserveFocus: false } satisfies vscode.TextDocumentShowOptions] };
  }

  private leaves(file: LandscapeFile, system: SystemDeclaration, group: GroupKind, snapshot: CheckSnapshot): LandscapeNode[] {
    const make = (id: string, label: string, span: Span, describe: (item: vscode.TreeItem) => void, extra: Partial<Extract<LandscapeNode, { kind: 'leaf' }>> = {}): LandscapeNode => {
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
      item.id = `leaf:${file.path}#${system.sid}/${group}/${id}`;
      item.command = this.reveal(file, span);
      describe(item);
      return { kind: 'leaf', file, system, id, item, span, ...extra };
    };
    const keySpan = (pair: { key: Span }): Span => ({ start: pair.key.start, end: pair.key.end });
    switch (group) {
      case 'rfc': {
        const legacyOptions = snapshot.options.rules.get('legacy-rfc-destination')?.options as LegacyDestinationOptions | undefined;
        const removable = snapshot.options.rules.get('legacy-rfc-removable')?.options as { observationDays?: number } | undefined;
        const { workspace } = this.lookupsOf(snapshot);
        return system.rfcDestinations.map((destination) =>
          make(destination.name, destination.name, keySpan(destination.pair), (item) => {
            const verdict = legacyOptions && legacyVerdict(destination, legacyOptions, (sid) => workspace.system(sid, file) !== undefined, (host) => workspace.isOwnHost(host, file));
            const parts = [`type ${destination.type?.value ?? '?'}`];
            if (destination.host) parts.push(destination.host.value);
            if (verdict) {
              const deactivatedOn = destination.deactivatedOn && parseDay(destination.deactivatedOn.value);
              if (destination.status?.value === 'deactivated' && deactivatedOn !== undefined) {
                parts.unshift(`legacy, deactivated: may be deleted from ${formatDay(deactivatedOn + (removable?.observationDays ?? 14))}`);
              } else if (destination.status?.value === 'deactivated') parts.unshift('legacy, deactivated (record deactivatedOn)');
              else parts.unshift('legacy, ACTIVE: deactivate it');
              item.iconPath = new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor(destination.status?.value === 'deactivated' ? 'list.warningForeground' : 'list.errorForeground'));
              item.tooltip = verdict.reason;
              item.contextValue = 'rfcDestination.legacy';
            } else {
              item.iconPath = new vscode.ThemeIcon('plug');
              item.contextValue = 'rfcDestination';
            }
            item.description = parts.join(' · ');
          }),
        );
      }
      case 'users': {
        const { workspace } = this.lookupsOf(snapshot);
        return [...communicationUsers(system)].map(([id, span]) =>
          make(id, id, span, (item) => {
            const user = workspace.user(id, file)?.declaration;
            item.iconPath = new vscode.ThemeIcon(user?.kind?.value === 'technical' ? 'server-process' : 'account');
            item.description = user ? (user.kind?.value === 'technical' ? 'technical communication user' : user.kind?.value ?? 'declared') : 'not declared in any landscape file';
            item.contextValue = 'communicationUser';
          }),
        );
      }
      case 'components':
        return [...system.components.values()].map((component) =>
          make(component.name, component.name, keySpan(component.pair), (item) => {
            item.iconPath = new vscode.ThemeIcon('package');
            item.description = `${component.release ? `release ${component.release.value}` : 'release ?'}${component.sp ? ` SP ${component.sp.value}` : ''}`;
            item.contextValue = 'component';
          }),
        );
      case 'connections': {
        const now = this.clock();
        return system.serviceConnections.map((connection) =>
          make(connection.typeId, findConnectionType(connection.typeId)?.name ?? connection.typeId, keySpan(connection.pair), (item) => {
            const type = findConnectionType(connection.typeId);
            item.iconPath = new vscode.ThemeIcon(type?.codicon ?? 'question');
            const closed = windowRefusal(connection, system.sid, now);
            const until = connection.until && parseDateTime(connection.until.value);
            const from = connection.from && parseDateTime(connection.from.value);
            if (!type) item.description = 'unknown connection type';
            else if (!closed && until !== undefined) item.description = `open, ${timeLeft(until, now)} left`;
            else if (!connection.from) item.description = 'closed (no window)';
            else if (!connection.until) item.description = 'closed (window has no until)';
            else if (from !== undefined && now < from) item.description = `closed, opens in ${timeLeft(from, now)}`;
            else item.description = 'closed (window over)';
            item.tooltip = `${type?.name ?? connection.typeId} (${connection.typeId})${connection.from ? `\nWindow: ${connection.from.value} - ${connection.until?.value ?? 'open end'}` : ''}${closed ? `\n${closed.reason}` : ''}`;
            item.contextValue = !type ? 'serviceConnection.unknown' : closed ? 'serviceConnection.closed' : 'serviceConnection.open';
          }, { connection }),
        );
      }
      case 'logon': {
        const today = dayOfTime(this.clock());
        return system.logonData.map((logon, index) =>
          make(`${index}`, `${logon.user?.value ?? '?'}${logon.client ? ` (client ${logon.client.value})` : ''}`, { start: logon.node.start, end: logon.node.end }, (item) => {
            const expires = logon.expires && parseDay(logon.expires.value);
            item.iconPath = new vscode.ThemeIcon('key');
            if (expires === undefined) item.description = 'no expiry date';
            else if (expires < today) item.description = `expired on ${formatDay(expires)}`;
            else item.description = `expires ${formatDay(expires)} (${expires === today ? 'today' : `in ${expires - today} day${expires - today === 1 ? '' : 's'}`})`;
            if (logon.secret) item.description += ` · secret ${logon.secret.value}`;
            item.contextValue = logon.secret ? 'logonData.withSecret' : 'logonData';
          }, { logon }),
        );
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}


