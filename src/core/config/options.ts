import { parseDay, todayUtc } from '../dates';
import type { Severity } from '../findings';
import type { FileLimits } from '../landscape/file';
import { DEFAULT_PARSE_LIMITS } from '../landscape/sourceTree';
import type { Rule } from '../rules/rule';

export type SeverityLevel = Severity | 'off';

/** What a `.sapready.yaml` may say, after schema validation. */
export interface OptionsFile {
  now?: string;
  rules?: Record<string, SeverityLevel | ({ severity?: SeverityLevel } & Record<string, unknown>)>;
  limits?: Partial<FileLimits>;
}

export interface RuleSetting {
  severity: SeverityLevel;
  /** True when the user chose the severity: it then replaces the graded severities a rule reports. */
  severityChosen: boolean;
  options: object;
}

/** Everything a check needs besides the files; the same for CLI, editor and dashboard. */
export interface ResolvedOptions {
  today: number;
  rules: Map<string, RuleSetting>;
  limits: FileLimits;
  /** The options file these came from, for reports. */
  sourcePath?: string;
}

export const DEFAULT_FILE_LIMITS: FileLimits = { ...DEFAULT_PARSE_LIMITS, maxFileBytes: 32 * 1024 * 1024 };

export interface ResolveInput {
  file?: OptionsFile;
  sourcePath?: string;
  /** `--now` or the editor setting; wins over the options file. */
  now?: string;
  /** Severity overrides from the editor's settings; win over the options file. */
  severityOverrides?: Record<string, SeverityLevel>;
}

export class OptionsError extends Error {}

export function resolveOptions(rules: readonly Rule[], input: ResolveInput = {}): ResolvedOptions {
  const now = input.now ?? input.file?.now;
  let today = todayUtc();
  if (now !== undefined) {
    const day = parseDay(now);
    if (day === undefined) throw new OptionsError(`"now" must be an ISO date such as 2026-11-23, not "${now}".`);
    today = day;
  }
  const settings = new Map<string, RuleSetting>();
  for (const rule of rules) {
    const configured = input.file?.rules?.[rule.id];
    let chosen: SeverityLevel | undefined;
    let options: object = rule.defaults;
    if (typeof configured === 'string') chosen = configured;
    else if (configured) {
      const { severity: configuredSeverity, ...ruleOptions } = configured;
      chosen = configuredSeverity;
      options = { ...rule.defaults, ...ruleOptions };
    }
    chosen = input.severityOverrides?.[rule.id] ?? chosen;
    settings.set(rule.id, { severity: chosen ?? rule.defaultSeverity, severityChosen: chosen !== undefined, options });
  }
  return { today, rules: settings, limits: { ...DEFAULT_FILE_LIMITS, ...input.file?.limits }, sourcePath: input.sourcePath };
}
