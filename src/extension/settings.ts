import * as vscode from 'vscode';
import type { OptionsFile, SeverityLevel } from '../core/config/options';
import { checkSettingPatterns } from '../core/config/patterns';

export const SECTION = 'sapReadiness';

/** Where the editor features (fixes, hovers, links) apply: landscape files by name. */
export const LANDSCAPE_DOCUMENTS: vscode.DocumentSelector = [{ pattern: '**/*.landscape.{yaml,yml}' }];

export interface ExtensionSettings {
  include: string[];
  exclude: string;
  optionsFile: string;
  now?: string;
  rules: NonNullable<OptionsFile['rules']>;
  /** Why patterns in sapReadiness.rules were refused (their options are left out of `rules`). */
  refusedPatterns: string[];
  checkDelayMs: number;
}

export function readSettings(): ExtensionSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const now = config.get<string>('now', '').trim();
  // A workspace can set these: its patterns are checked as an options file's are, before any runs.
  const rules = checkSettingPatterns(config.get<Record<string, SeverityLevel | Record<string, unknown>>>('rules', {}), `${SECTION}.rules`);
  return {
    include: config.get<string[]>('files.include', ['**/*.landscape.yaml', '**/*.landscape.yml']),
    exclude: config.get<string>('files.exclude', '**/node_modules/**'),
    optionsFile: config.get<string>('optionsFile', '.sapready.yaml'),
    now: now === '' ? undefined : now,
    rules: rules.rules,
    refusedPatterns: rules.problems,
    checkDelayMs: config.get<number>('checkDelayMs', 200),
  };
}

/** Settings win over the options file, rule by rule; options given in both are merged. */
export function mergeRuleSettings(file: OptionsFile | undefined, settings: ExtensionSettings): OptionsFile {
  const rules: NonNullable<OptionsFile['rules']> = { ...file?.rules };
  for (const [id, setting] of Object.entries(settings.rules)) {
    const fromFile = rules[id];
    if (typeof setting === 'string') rules[id] = typeof fromFile === 'object' ? { ...fromFile, severity: setting } : setting;
    else rules[id] = { ...(typeof fromFile === 'string' ? { severity: fromFile } : fromFile), ...setting };
  }
  return { ...file, rules };
}
