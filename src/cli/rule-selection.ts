import type { ResolvedOptions } from '../core/config/options';
import { LIVE_RULES } from '../core/rfc/live-rules';
import { RULES } from '../core/rules/registry';
import type { Rule } from '../core/rules/rule';
import { closestWord } from '../core/text/closest';
import { UsageError } from './files';

/** The rules named by a repeatable option (`--rule`, `--suppress-rule`), each once; an unknown id is a usage error. */
export function namedRules(ids: readonly string[], option: string): Rule[] {
  return [...new Set(ids)].map((id) => {
    const rule = RULES.find((candidate) => candidate.id === id);
    if (rule) return rule;
    if (LIVE_RULES.some((live) => live.id === id)) throw new UsageError(`${option}: ${id} compares with the live system: sapready verify checks it, not sapready check.`);
    const suggestion = closestWord(id, RULES.map((candidate) => candidate.id));
    throw new UsageError(`${option}: unknown rule "${id}".${suggestion ? ` Did you mean ${suggestion}?` : ''} sapready rules lists them.`);
  });
}

/**
 * `--rule` names the rules to run: one the options file turns off runs at its default
 * severity, since naming it says that it should run.
 */
export function withRulesOn(options: ResolvedOptions, rules: readonly Rule[]): ResolvedOptions {
  const settings = new Map(options.rules);
  for (const rule of rules) {
    const setting = settings.get(rule.id);
    if (setting?.severity === 'off') settings.set(rule.id, { ...setting, severity: rule.defaultSeverity, severityChosen: false });
  }
  return { ...options, rules: settings };
}
