import { defineRule, NO_OPTIONS_SCHEMA } from './rule';

export const yamlSyntax = defineRule({
  id: 'yaml-syntax',
  title: 'The file must be well-formed YAML within the size and alias limits',
  defaultSeverity: 'error',
  notes: [],
  description:
    'Reports YAML syntax errors, duplicate keys, unknown aliases, alias expansion past the limit (alias bombs), ' +
    'nesting deeper than the limit, more than one document in a file, and files over the size limit. ' +
    'A file with a syntax error is not checked further until it parses.',
  fixable: false,
  defaults: {},
  optionsSchema: NO_OPTIONS_SCHEMA,
  check(file, context) {
    for (const problem of file.tree.problems) {
      const related = problem.related ? [{ file, at: problem.related, message: problem.related.message }] : undefined;
      context.report({ at: problem, message: problem.message, related });
    }
  },
});
