// Rewrites the rule table in docs/rules.md (between the rules:start/end markers) from the built
// CLI's `sapready rules --format markdown`, so the documented rules are the registered ones.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const page = 'docs/rules.md';
const table = execFileSync(process.execPath, ['dist/cli.js', 'rules', '--format', 'markdown'], { encoding: 'utf8' });
const before = readFileSync(page, 'utf8');
const updated = before.replace(/<!-- rules:start -->[\s\S]*<!-- rules:end -->/, `<!-- rules:start -->\n${table}<!-- rules:end -->`);
writeFileSync(page, updated);
console.log(updated === before ? `${page}: rule table already current.` : `${page}: rule table updated.`);
