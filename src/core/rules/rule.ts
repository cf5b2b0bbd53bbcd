import type { Fix, Severity } from '../findings';
import type { LandscapeFile } from '../landscape/file';
import type { WorkspaceIndex } from '../landscape/workspace';
import type { Span } from '../landscape/text';

/** A JSON Schema fragment describing one rule's options (published in the options-file schema). */
export type OptionsSchema = Record<string, unknown>;

export interface RuleDocumentation {
  /** Kebab-case id: part of the contract, used in options files and suppression comments. */
  id: string;
  /** One line, shown in rule lists. */
  title: string;
  defaultSeverity: Severity;
  /** SAP Notes behind the rule. */
  notes: string[];
  /** A paragraph: what is reported, why, and how sure the facts behind it are. */
  description: string;
  fixable: boolean;
  /**
   * `system`: `check` reports each finding about one of `file.model.systems`, depending on
   * nothing but that system (its model, or its own nodes and text in the tree), the workspace
   * index and the options. The engine may then run it on one system at a time and keep the
   * findings of systems that did not change; whatever such a rule checks outside `systems`
   * goes into `checkOutsideSystems`, which runs once per file. Rules that read the tree or the
   * text beyond one system at a time leave this unset.
   */
  scope?: 'system';
}

export interface RuleContext<Options> {
  options: Options;
  /** Today as whole days since 1970-01-01 (UTC), from `--now`, the options file or the clock. */
  today: number;
  workspace: WorkspaceIndex;
  /** A plain function: rules pass it on to helpers. */
  report: (report: RuleReport) => void;
  /** Another rule's resolved options, where two rules must agree on one list (legacy destinations). */
  optionsOf(ruleId: string): object;
}

export interface RuleReport {
  /** Where the problem is: the offending key or value, as precisely as possible. */
  at: Span;
  message: string;
  /** Overrides the rule's default severity for this finding (graded rules). */
  severity?: Severity;
  /** Defaults to the rule's notes. */
  notes?: string[];
  related?: { file: LandscapeFile; at: Span; message: string }[];
  fixes?: Fix[];
  sid?: string;
}

export interface Rule<Options extends object = object> extends RuleDocumentation {
  /** Option defaults; every threshold and name list a rule uses lives here. */
  defaults: Options;
  optionsSchema: OptionsSchema;
  check(file: LandscapeFile, context: RuleContext<Options>): void;
  /** For a system-scoped rule: the part about everything but `systems`, run once per file. */
  checkOutsideSystems?(file: LandscapeFile, context: RuleContext<Options>): void;
}

/** Keeps each rule module's option type while the registry holds them side by side. */
export function defineRule<Options extends object>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

export const NO_OPTIONS_SCHEMA: OptionsSchema = { type: 'object', properties: {}, additionalProperties: false };

/** The options schema of a list of names, hosts or patterns. */
export function stringListSchema(description: string): OptionsSchema {
  return { type: 'array', items: { type: 'string' }, description };
}
