/**
 * Every command the extension contributes, in one place: package.json's `contributes.commands`
 * must list exactly these (a test compares them), and code registers them from here.
 */
export const CATEGORY = 'SAP Readiness';

/** Remote support (trees, opening connections, logon depot): registered by src/extension/remote/. `icon` is shown in view toolbars and inline item actions. */
export const REMOTE_COMMANDS = {
  openServiceConnection: { id: 'sapReadiness.openServiceConnection', title: 'Open Service Connection...', icon: '$(plug)' },
  copySapRouterRoute: { id: 'sapReadiness.copySapRouterRoute', title: 'Copy SAP Router Route', icon: '$(copy)' },
  filterConnectionTypes: { id: 'sapReadiness.filterConnectionTypes', title: 'Filter Connection Types...', icon: '$(filter)' },
  clearConnectionTypeFilter: { id: 'sapReadiness.clearConnectionTypeFilter', title: 'Clear Connection Type Filter', icon: '$(clear-all)' },
  openConnectionTypeNote: { id: 'sapReadiness.openConnectionTypeNote', title: 'Open SAP Note', icon: '$(book)' },
  openConnectionOfType: { id: 'sapReadiness.openConnectionOfType', title: 'Open Connection...', icon: '$(plug)' },
  refreshLandscape: { id: 'sapReadiness.refreshLandscape', title: 'Refresh Landscape View', icon: '$(refresh)' },
  storeLogonData: { id: 'sapReadiness.storeLogonData', title: 'Store Logon Data...', icon: '$(key)' },
  showLogonData: { id: 'sapReadiness.showLogonData', title: 'Show Logon Data', icon: '$(eye)' },
  rotateLogonData: { id: 'sapReadiness.rotateLogonData', title: 'Rotate Logon Data Password...', icon: '$(sync)' },
  deleteLogonData: { id: 'sapReadiness.deleteLogonData', title: 'Delete Logon Data', icon: '$(trash)' },
  movePasswordToSecretStorage: { id: 'sapReadiness.movePasswordToSecretStorage', title: 'Move Password to Secret Storage' },
} as const;

export type RemoteCommandName = keyof typeof REMOTE_COMMANDS;

/** The readiness dashboard and its reports: registered by src/extension/dashboard/. */
export const DASHBOARD_COMMANDS = {
  openDashboard: { id: 'sapReadiness.openDashboard', title: 'Open Dashboard' },
  exportReport: { id: 'sapReadiness.exportReport', title: 'Export Readiness Report...' },
} as const;

export type DashboardCommandName = keyof typeof DASHBOARD_COMMANDS;

/** Live verification over RFC (SAP's NW RFC SDK) or HTTPS (ADT): registered by src/extension/live/. */
export const LIVE_COMMANDS = {
  verifyAgainstLiveSystem: { id: 'sapReadiness.verifyAgainstLiveSystem', title: 'Verify System Against Live System...' },
  verifyAllSystems: { id: 'sapReadiness.verifyAllSystems', title: 'Verify All Systems...' },
  importFromSystem: { id: 'sapReadiness.importFromSystem', title: 'Import Landscape Fragment from System...' },
} as const;

export type LiveCommandName = keyof typeof LIVE_COMMANDS;

/** Import from and export to SAP Logon's landscape files: registered by src/extension/sapLogon.ts. */
export const SAP_LOGON_COMMANDS = {
  importSapLogon: { id: 'sapReadiness.importSapLogon', title: 'Import from SAP Logon...', icon: '$(cloud-download)' },
  exportSapLogon: { id: 'sapReadiness.exportSapLogon', title: 'Export to SAP Logon...', icon: '$(cloud-upload)' },
} as const;

export type SapLogonCommandName = keyof typeof SAP_LOGON_COMMANDS;

export const COMMANDS = {
  checkWorkspace: { id: 'sapReadiness.checkWorkspace', title: 'Check Workspace Landscapes' },
  newLandscapeFile: { id: 'sapReadiness.newLandscapeFile', title: 'New Landscape File' },
  openSapNote: { id: 'sapReadiness.openSapNote', title: 'Open SAP Note...' },
  showRuleDocumentation: { id: 'sapReadiness.showRuleDocumentation', title: 'Show Rule Documentation' },
  showProblems: { id: 'sapReadiness.showProblems', title: 'Show Landscape Problems' },
  ...REMOTE_COMMANDS,
  ...DASHBOARD_COMMANDS,
  ...LIVE_COMMANDS,
  ...SAP_LOGON_COMMANDS,
} as const;

/** Commands whose handlers extension.ts registers (the remote, dashboard, live and SAP Logon ones register themselves). */
export type CommandName = Exclude<keyof typeof COMMANDS, RemoteCommandName | DashboardCommandName | LiveCommandName | SapLogonCommandName>;
