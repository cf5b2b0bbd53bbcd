import { plainValue } from '../landscape/sourceTree';
import { parseSourceTree } from '../landscape/parseTree';
import { LineIndex } from '../landscape/text';
import { validateTree, type CompiledValidator } from '../schema/validate';
import type { OptionsFile } from './options';
import { patternNodes, patternProblem } from './patterns';

export interface OptionsFileProblem {
  line: number;
  column: number;
  message: string;
}

export type LoadedOptionsFile = { ok: true; options: OptionsFile } | { ok: false; problems: OptionsFileProblem[] };

/** The file names searched for, in order, from the working folder upwards. */
/** Options files are a few lines; a file this large is not one and is not read. */
export const OPTIONS_FILE_MAX_BYTES = 1024 * 1024;

export const OPTIONS_FILE_NAMES = ['.sapready.yaml', '.sapready.yml'];

/** Parses and validates `.sapready.yaml`; problems carry one-based positions for messages. */
export function parseOptionsFile(text: string): LoadedOptionsFile {
  const lines = new LineIndex(text);
  const tree = parseSourceTree(text);
  const at = (offset: number) => {
    const position = lines.positionAt(offset);
    return { line: position.line + 1, column: position.character + 1 };
  };
  if (tree.problems.length > 0) return { ok: false, problems: tree.problems.map((problem) => ({ ...at(problem.start), message: problem.message })) };
  if (!tree.root || (tree.root.kind === 'scalar' && tree.root.value === null)) return { ok: true, options: {} };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const validate = require('../schema/generated/config-validator.js') as CompiledValidator;
  const problems = validateTree(validate, tree.root);
  if (problems.length > 0) return { ok: false, problems: problems.map((problem) => ({ ...at(problem.start), message: problem.message })) };
  const patterns = patternNodes(tree.root).flatMap((node) => {
    const message = patternProblem(String(node.value));
    return message ? [{ ...at(node.start), message }] : [];
  });
  if (patterns.length > 0) return { ok: false, problems: patterns };
  return { ok: true, options: plainValue(tree.root) as OptionsFile };
}
