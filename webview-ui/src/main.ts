/**
 * The readiness dashboard page. Renders the ReadinessModel the extension posts, with plain DOM:
 * every landscape value goes in through textContent or an attribute, never as markup. View
 * state (filters, sort, scroll) lives in the webview state, so it survives updates, hiding the
 * panel and a window reload.
 */
import { systemKey } from '../../src/core/readiness';
import { cellLabel, EXPIRY_LABEL, expiryWhat, READINESS_LABEL, rfcStageLabel, scopeColumns, scopeSummary, type ScopeColumn } from '../../src/core/report/readiness-labels';
import type { CellState, ModelFinding, ReadinessModel, ScopeFields, SourceLocation, SystemRow } from '../../src/core/report/readiness-model';
import { parseHostMessage, type PageMessage } from '../../src/extension/dashboard/protocol';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  getState(): unknown;
  setState(state: ViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type SortKey = 'sid' | 'landscape' | 'customer' | 'product' | 'role' | 'readiness';
type FilterKey = 'landscape' | 'customer' | 'product' | 'role' | 'readiness';
const SORT_KEYS: readonly SortKey[] = ['sid', 'landscape', 'customer', 'product', 'role', 'readiness'];
interface ViewState {
  landscape: string;
  customer: string;
  product: string;
  role: string;
  readiness: string;
  sort: SortKey;
  descending: boolean;
  scrollY: number;
}

const vscode = acquireVsCodeApi();
const DEFAULT_STATE: ViewState = { landscape: '', customer: '', product: '', role: '', readiness: '', sort: 'readiness', descending: false, scrollY: 0 };
const view: ViewState = restoreState(vscode.getState());
let model: ReadinessModel | undefined;
let revision = -1;
const app = document.getElementById('app')!;

function restoreState(saved: unknown): ViewState {
  if (typeof saved !== 'object' || saved === null) return { ...DEFAULT_STATE };
  const value = saved as Record<string, unknown>;
  const text = (key: string): string => (typeof value[key] === 'string' ? value[key] : '');
  const sort = (SORT_KEYS as readonly string[]).includes(text('sort')) ? (text('sort') as SortKey) : DEFAULT_STATE.sort;
  const scrollY = typeof value.scrollY === 'number' && Number.isFinite(value.scrollY) ? value.scrollY : 0;
  return { landscape: text('landscape'), customer: text('customer'), product: text('product'), role: text('role'), readiness: text('readiness'), sort, descending: value.descending === true, scrollY };
}

function saveState(): void {
  vscode.setState(view);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (!message) {
    console.warn('SAP Readiness dashboard: ignored a message that is not a model');
    return;
  }
  if (message.revision <= revision) return;
  revision = message.revision;
  model = message.model;
  render();
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  if (scrollTimer !== undefined) window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => {
    view.scrollY = window.scrollY;
    saveState();
  }, 100);
});

/** Creates an element with classes and text (text only: never markup). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function icon(name: string): HTMLElement {
  const element = el('span', `codicon codicon-${name}`);
  element.setAttribute('aria-hidden', 'true');
  return element;
}

function reveal(location: SourceLocation): void {
  vscode.postMessage({ type: 'reveal', path: location.path, range: location.range });
}

/** A link-styled button that reveals a location in the editor. */
function revealButton(location: SourceLocation, label: string, className = 'link'): HTMLButtonElement {
  const button = el('button', className, label);
  button.type = 'button';
  button.title = `${location.file}:${location.range.start.line + 1}`;
  button.addEventListener('click', () => reveal(location));
  return button;
}

const STATE_ICON: Record<CellState, string> = { ok: 'pass', info: 'info', warning: 'warning', error: 'error', 'n/a': 'circle-slash', off: 'circle-large-outline' };
const READINESS_ICON: Record<SystemRow['readiness'], string> = { ready: 'pass-filled', warnings: 'warning', 'not-ready': 'error' };
const READINESS_ORDER: Record<SystemRow['readiness'], number> = { 'not-ready': 0, warnings: 1, ready: 2 };

function render(): void {
  if (!model) return;
  const keepScroll = window.scrollY || view.scrollY;
  const focused = document.activeElement?.id;
  // Filtered and sorted once: the timeline, expiries and findings show the rows of the same
  // systems, told apart by file and SID (two customers may each have a PRD).
  const scope = scopeColumns(model.scope);
  const rows = visibleSystems(model, scope);
  const keys = new Set(rows.map((system) => systemKey(system.path, system.sid)));
  app.replaceChildren(header(model), summary(model), matrix(model, rows, scope), timeline(model, keys, scope), expiries(model, keys, scope), findings(model, keys, scope));
  if (focused) document.getElementById(focused)?.focus();
  window.scrollTo(0, keepScroll);
}

function header(current: ReadinessModel): HTMLElement {
  const section = el('header', 'header');
  const title = el('div', 'title');
  title.append(el('h1', undefined, 'SAP landscape readiness'));
  const meta = el('p', 'meta');
  meta.id = 'computed';
  meta.textContent = `Computed for ${current.today} ${current.optionsPath ? `with options file ${current.optionsPath}` : 'with default options (no options file)'} by sapready ${current.toolVersion}.`;
  title.append(meta);
  const exportButton = el('button', 'primary');
  exportButton.id = 'export';
  exportButton.type = 'button';
  exportButton.append(icon('export'), document.createTextNode(' Export report…'));
  exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
  section.append(title, exportButton);
  return section;
}

function summary(current: ReadinessModel): HTMLElement {
  const section = el('section', 'summary');
  section.id = 'summary';
  section.setAttribute('aria-label', 'Summary');
  const card = (kind: string, iconName: string, count: number, label: string): HTMLElement => {
    const box = el('div', `card ${kind}`);
    const number = el('span', 'count', String(count));
    const text = el('span', 'label');
    text.append(icon(iconName), document.createTextNode(` ${label}`));
    box.append(number, text);
    return box;
  };
  const counts = current.summary;
  section.append(
    card('ready', 'pass-filled', counts.ready, 'systems ready'),
    card('warnings', 'warning', counts.warnings, 'with warnings'),
    card('not-ready', 'error', counts.notReady, 'not ready'),
    card('error', 'error', counts.findings.error, 'errors'),
    card('warning', 'warning', counts.findings.warning, 'warnings'),
    card('info', 'info', counts.findings.info, 'infos'),
  );
  if (current.scope.showLandscape) {
    const scope = el('p', 'scope', scopeSummary(current.scope));
    scope.id = 'scope';
    section.append(scope);
  }
  if (counts.bulkSuppressed > 0) section.append(el('p', 'bulk-suppressed', `${counts.bulkSuppressed} more ${counts.bulkSuppressed === 1 ? 'finding' : 'findings'} suppressed in bulk (sapready-suppressions.json)`));
  return section;
}

function filterSelect(id: FilterKey, label: string, values: [string, string][]): HTMLElement {
  const wrapper = el('label', 'filter');
  wrapper.append(document.createTextNode(`${label} `));
  const select = el('select');
  select.id = `filter-${id}`;
  const all = el('option', undefined, 'All');
  all.value = '';
  select.append(all);
  for (const [value, text] of values) {
    const option = el('option', undefined, text);
    option.value = value;
    select.append(option);
  }
  select.value = values.some(([value]) => value === view[id]) ? view[id] : '';
  select.addEventListener('change', () => {
    view[id] = select.value;
    saveState();
    render();
  });
  wrapper.append(select);
  return wrapper;
}

function visibleSystems(current: ReadinessModel, scope: readonly ScopeColumn[]): SystemRow[] {
  // A scope filter applies only while the run shows the column it is about.
  const matches = (key: 'landscape' | 'customer', system: SystemRow): boolean => !scope.some((column) => column.key === key) || !view[key] || (system[key] ?? '') === view[key];
  const rows = current.systems.filter(
    (system) =>
      matches('landscape', system) &&
      matches('customer', system) &&
      (!view.product || (system.product ?? '') === view.product) &&
      (!view.role || (system.role ?? '') === view.role) &&
      (!view.readiness || system.readiness === view.readiness),
  );
  const key = (system: SystemRow): string | number => (view.sort === 'readiness' ? READINESS_ORDER[system.readiness] : (system[view.sort] ?? '').toString().toLowerCase());
  rows.sort((a, b) => {
    const left = key(a);
    const right = key(b);
    const order = left < right ? -1 : left > right ? 1 : a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0;
    return view.descending ? -order : order;
  });
  return rows;
}

function matrix(current: ReadinessModel, rows: readonly SystemRow[], scope: readonly ScopeColumn[]): HTMLElement {
  const section = el('section');
  section.id = 'matrix';
  section.append(el('h2', undefined, 'Readiness by system'));
  const distinct = (values: (string | undefined)[]): [string, string][] => [...new Set(values.filter((value): value is string => !!value))].sort().map((value) => [value, value]);
  const filters = el('div', 'filters');
  for (const column of scope) filters.append(filterSelect(column.key, column.title, distinct(current.systems.map((system) => system[column.key]))));
  filters.append(
    filterSelect('product', 'Product', distinct(current.systems.map((system) => system.product))),
    filterSelect('role', 'Role', distinct(current.systems.map((system) => system.role))),
    filterSelect('readiness', 'State', (['ready', 'warnings', 'not-ready'] as const).map((state) => [state, READINESS_LABEL[state]])),
  );
  section.append(filters);
  if (rows.length === 0) {
    section.append(el('p', 'empty', current.systems.length === 0 ? 'No systems declared.' : 'No system matches the filters.'));
    return section;
  }
  const table = el('table', 'matrix');
  const head = el('tr');
  const sortable = (key: SortKey, label: string): HTMLElement => {
    const th = el('th');
    const button = el('button', 'sort', label);
    button.type = 'button';
    button.id = `sort-${key}`;
    if (view.sort === key) {
      th.setAttribute('aria-sort', view.descending ? 'descending' : 'ascending');
      button.append(icon(view.descending ? 'arrow-down' : 'arrow-up'));
    }
    button.addEventListener('click', () => {
      view.descending = view.sort === key ? !view.descending : false;
      view.sort = key;
      saveState();
      render();
    });
    th.append(button);
    return th;
  };
  head.append(sortable('sid', 'System'), ...scope.map((column) => sortable(column.key, column.title)), sortable('product', 'Product'), sortable('role', 'Role'), sortable('readiness', 'Readiness'));
  for (const check of current.checks) head.append(el('th', 'check', check.title));
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const system of rows) {
    const row = el('tr');
    row.dataset.sid = system.sid;
    if (system.landscape !== undefined) row.dataset.landscape = system.landscape;
    const sid = el('th');
    sid.scope = 'row';
    sid.append(revealButton(system, system.sid, 'link sid'));
    const readiness = el('td', `readiness ${system.readiness}`);
    readiness.append(icon(READINESS_ICON[system.readiness]), document.createTextNode(` ${READINESS_LABEL[system.readiness]}`));
    row.append(sid, ...scopeCells(scope, system), el('td', undefined, system.product ?? ''), el('td', undefined, system.role ?? ''), readiness);
    for (const cell of system.cells) {
      const td = el('td', `cell ${cell.state === 'n/a' ? 'na' : cell.state}`);
      td.dataset.check = cell.check;
      const behind = cell.findings.map((id) => current.findings[id]).filter((finding): finding is ModelFinding => finding !== undefined);
      const label = cellLabel(cell.state, behind.length);
      if (behind.length > 0) {
        const button = el('button', 'cell-button');
        button.type = 'button';
        button.append(icon(STATE_ICON[cell.state]), document.createTextNode(` ${label}`));
        button.title = behind.map((finding) => `${finding.severity}: ${finding.message}`).join('\n');
        button.addEventListener('click', () => reveal(behind[0]));
        td.append(button);
      } else {
        td.append(icon(STATE_ICON[cell.state]), document.createTextNode(` ${label}`));
        if (cell.reason) td.title = cell.reason;
      }
      row.append(td);
    }
    tbody.append(row);
  }
  table.append(thead, tbody);
  const scroller = el('div', 'table-scroll');
  scroller.append(table);
  section.append(scroller);
  return section;
}

function simpleTable(headings: string[], rows: HTMLTableRowElement[]): HTMLElement {
  const table = el('table');
  const head = el('tr');
  for (const heading of headings) head.append(el('th', undefined, heading));
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  tbody.append(...rows);
  table.append(thead, tbody);
  const scroller = el('div', 'table-scroll');
  scroller.append(table);
  return scroller;
}

/** The Landscape and Customer cells of a row (none for a run of one landscape without a customer). */
function scopeCells(scope: readonly ScopeColumn[], entry: ScopeFields): HTMLTableCellElement[] {
  return scope.map((column) => el('td', 'scope', column.value(entry)));
}

function cells(...values: (string | Node)[]): HTMLTableCellElement[] {
  return values.map((value) => {
    const td = el('td');
    if (typeof value === 'string') td.textContent = value;
    else td.append(value);
    return td;
  });
}

/** `keys`: the systems (systemKey of file and SID) that pass the filters; only their rows are shown. */
function timeline(current: ReadinessModel, keys: ReadonlySet<string>, scope: readonly ScopeColumn[]): HTMLElement {
  const section = el('section');
  section.id = 'rfc-timeline';
  section.append(el('h2', undefined, 'RFC shutdown timeline'));
  const entries = current.rfcTimeline.filter((entry) => keys.has(systemKey(entry.path, entry.sid)));
  if (entries.length === 0) {
    section.append(el('p', 'empty', 'No legacy RFC destinations.'));
    return section;
  }
  const stageIcon = { active: 'error', undated: 'warning', removable: 'trash', watching: 'eye' } as const;
  const rows = entries.map((entry) => {
    const row = el('tr', `stage-${entry.stage}`);
    const stage = el('span');
    stage.append(icon(stageIcon[entry.stage]), document.createTextNode(` ${rfcStageLabel(entry)}`));
    row.append(...cells(entry.sid), ...scopeCells(scope, entry), ...cells(revealButton(entry, entry.destination), stage, entry.deactivatedOn ?? '', entry.removableFrom ?? '', entry.reason));
    return row;
  });
  section.append(simpleTable(['System', ...scope.map((column) => column.title), 'Destination', 'Stage', 'Deactivated on', 'May be deleted from', 'Why legacy'], rows));
  return section;
}

function expiries(current: ReadinessModel, keys: ReadonlySet<string>, scope: readonly ScopeColumn[]): HTMLElement {
  const section = el('section');
  section.id = 'expiries';
  section.append(el('h2', undefined, 'Upcoming expiries'));
  const entries = current.expiries.filter((entry) => keys.has(systemKey(entry.path, entry.sid)));
  if (entries.length === 0) {
    section.append(el('p', 'empty', 'No logon data or open service connections.'));
    return section;
  }
  const rows = entries.map((entry) => {
    const row = el('tr', `expiry-${entry.state}`);
    row.append(...cells(entry.sid), ...scopeCells(scope, entry), ...cells(revealButton(entry, expiryWhat(entry)), entry.date ?? '', entry.daysLeft === undefined ? '' : String(entry.daysLeft), EXPIRY_LABEL[entry.state]));
    return row;
  });
  section.append(simpleTable(['System', ...scope.map((column) => column.title), 'What', 'Expires', 'Days left', 'State'], rows));
  return section;
}

function findings(current: ReadinessModel, keys: ReadonlySet<string>, scope: readonly ScopeColumn[]): HTMLElement {
  const section = el('section');
  section.id = 'findings';
  section.append(el('h2', undefined, 'Findings'));
  const filtering = view.product !== '' || view.role !== '' || view.readiness !== '' || scope.some((column) => view[column.key] !== '');
  const shown = current.findings.filter((finding) => !filtering || (finding.sid !== undefined && keys.has(systemKey(finding.path, finding.sid))));
  if (shown.length === 0) {
    section.append(el('p', 'empty', 'No problems.'));
    return section;
  }
  const severityIcon = { error: 'error', warning: 'warning', info: 'info' } as const;
  const rows = shown.map((finding) => {
    const row = el('tr', `severity-${finding.severity}`);
    const severity = el('span', `severity ${finding.severity}`);
    severity.append(icon(severityIcon[finding.severity]), document.createTextNode(` ${finding.severity}`));
    const notes = el('span');
    finding.notes.forEach((note, index) => {
      if (index > 0) notes.append(document.createTextNode(', '));
      const link = el('a', undefined, note.number);
      // Only SAP Note links built by the core (digits only) are followed; VS Code opens them outside.
      if (/^https:\/\/me\.sap\.com\/notes\/\d+$/.test(note.url)) link.href = note.url;
      notes.append(link);
    });
    const where = revealButton(finding, `${finding.file}:${finding.range.start.line + 1}`);
    row.append(...cells(severity, finding.sid ?? ''), ...scopeCells(scope, finding), ...cells(finding.ruleId, revealButton(finding, finding.message, 'link message'), notes, where));
    return row;
  });
  section.append(simpleTable(['Severity', 'System', ...scope.map((column) => column.title), 'Rule', 'Finding', 'SAP Notes', 'Where'], rows));
  return section;
}

vscode.postMessage({ type: 'ready' });
