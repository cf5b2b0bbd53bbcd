/**
 * Every command the extension contributes, in one place: package.json's `contributes.commands`
 * must list exactly these (a test compares them), and code registers them from here.
 */
export const CATEGORY = 'SAP Readiness';

export const COMMANDS = {
  checkWorkspace: { id: 'sapReadiness.checkWorkspace', title: 'Check Workspace Landscapes' },
  newLandscapeFile: { id: 'sapReadiness.newLandscapeFile', title: 'New Landscape File' },
  openSapNote: { id: 'sapReadiness.openSapNote', title: 'Open SAP Note...' },
  showRuleDocumentation: { id: 'sapReadiness.showRuleDocumentation', title: 'Show Rule Documentation' },
  showProblems: { id: 'sapReadiness.showProblems', title: 'Show Landscape Problems' },
} as const;

export type CommandName = keyof typeof COMMANDS;
