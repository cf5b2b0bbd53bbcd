// Rewrites the rule table in README.md (between the rules:start/end markers) from the built
// CLI's `sapready rules --format markdown`, so the documented rules are the registered ones.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const table = execFileSync(process.execPath, ['dist/cli.js', 'rules', '--format', 'markdown'], { encoding: 'utf8' });
const readme = readFileSync('README.md', 'utf8');
const updated = readme.replace(/<!-- rules:start -->[\s\S]*<!-- rules:end -->/, `<!-- rules:start -->\n${table}<!-- rules:end -->`);
writeFileSync('README.md', updated);
console.log(updated === readme ? 'README rule table already current.' : 'README rule table updated.');
