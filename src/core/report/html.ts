import { plural } from './summary';
import { escapeMarkup } from './xml';
import { cellLabel, EXPIRY_LABEL, expiryWhat, READINESS_LABEL, rfcStageLabel, scopeColumns, scopeSummary } from './readiness-labels';
import {
  type MatrixCell,
  type ModelFinding,
  type ReadinessModel,
  type ScopeFields,
  type SourceLocation,
} from './readiness-model';

/**
 * A single self-contained HTML file to hand on (to an auditor, into a change request): inline
 * CSS, no scripts, no remote content. Every landscape value goes through escapeMarkup.
 */
export function formatHtml(model: ReadinessModel): string {
  const e = escapeMarkup;
  const { summary } = model;
  // Landscape and customer columns, only when the run has several landscapes or any customer.
  const scope = scopeColumns(model.scope);
  const scopeHeads = scope.map((column) => `<th>${column.title}</th>`).join('');
  const scopeCells = (entry: ScopeFields): string => scope.map((column) => `<td>${e(column.value(entry))}</td>`).join('');
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No scripts and nothing remote: a reader's browser runs nothing from this file.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>SAP landscape readiness ${e(model.today)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<h1>SAP landscape readiness</h1>',
    `<p class="meta" id="computed">Computed for <strong>${e(model.today)}</strong> ${model.optionsPath ? `with options file <code>${e(model.optionsPath)}</code>` : 'with default options (no options file)'} by sapready ${e(model.toolVersion)}.</p>`,
    '<section id="summary"><h2>Summary</h2>',
    '<div class="cards">',
    card('ready', summary.ready, 'ready'),
    card('warnings', summary.warnings, 'with warnings'),
    card('not-ready', summary.notReady, 'not ready'),
    card('error', summary.findings.error, plural(summary.findings.error, 'error').replace(/^\d+ /, '')),
    card('warning', summary.findings.warning, plural(summary.findings.warning, 'warning').replace(/^\d+ /, '')),
    card('info', summary.findings.info, plural(summary.findings.info, 'info').replace(/^\d+ /, '')),
    '</div>',
    `<p>${e(plural(summary.systems, 'system'))} in ${e(plural(summary.files, 'file'))}${scope.length > 0 ? ` (${e(scopeSummary(model.scope))})` : ''}: ${summary.ready} ready, ${summary.warnings} with warnings, ${summary.notReady} not ready.${summary.bulkSuppressed > 0 ? ` ${e(plural(summary.bulkSuppressed, 'finding'))} suppressed in bulk (sapready-suppressions.json).` : ''}</p>`,
    '</section>',
  );

  out.push('<section id="matrix"><h2>Readiness by system</h2>');
  if (model.systems.length === 0) out.push('<p>No systems declared.</p>');
  else {
    out.push(`<table class="matrix"><thead><tr><th>System</th>${scopeHeads}<th>Product</th><th>Role</th><th>Readiness</th>`);
    for (const check of model.checks) out.push(`<th>${e(check.title)}</th>`);
    out.push('</tr></thead><tbody>');
    for (const system of model.systems) {
      out.push(
        `<tr><th scope="row">${e(system.sid)}<div class="where">${where(system)}</div></th>${scopeCells(system)}<td>${e(system.product ?? '')}</td><td>${e(system.role ?? '')}</td>`,
        `<td><span class="badge ${system.readiness}">${e(READINESS_LABEL[system.readiness])}</span></td>`,
      );
      for (const cell of system.cells) out.push(cellHtml(cell, model.findings));
      out.push('</tr>');
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');

  out.push('<section id="rfc-timeline"><h2>RFC shutdown timeline</h2>', '<p class="meta">Legacy RFC destinations to SAP (SAP Note <a href="https://me.sap.com/notes/2923799">2923799</a>): deactivate, watch, then delete.</p>');
  if (model.rfcTimeline.length === 0) out.push('<p>No legacy RFC destinations.</p>');
  else {
    out.push(`<table><thead><tr><th>System</th>${scopeHeads}<th>Destination</th><th>Stage</th><th>Deactivated on</th><th>May be deleted from</th><th>Why legacy</th><th>Where</th></tr></thead><tbody>`);
    for (const entry of model.rfcTimeline) {
      out.push(
        `<tr class="stage-${entry.stage}"><td>${e(entry.sid)}</td>${scopeCells(entry)}<td><code>${e(entry.destination)}</code></td><td>${e(rfcStageLabel(entry))}</td>` +
          `<td>${e(entry.deactivatedOn ?? '')}</td><td>${e(entry.removableFrom ?? '')}</td><td>${e(entry.reason)}</td><td class="where">${where(entry)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');

  out.push('<section id="expiries"><h2>Upcoming expiries</h2>');
  if (model.expiries.length === 0) out.push('<p>No logon data or open service connections.</p>');
  else {
    out.push(`<table><thead><tr><th>System</th>${scopeHeads}<th>What</th><th>Expires</th><th>Days left</th><th>State</th><th>Where</th></tr></thead><tbody>`);
    for (const entry of model.expiries) {
      out.push(
        `<tr class="expiry-${entry.state}"><td>${e(entry.sid)}</td>${scopeCells(entry)}<td>${e(expiryWhat(entry))}</td>` +
          `<td>${e(entry.date ?? '')}</td><td>${entry.daysLeft === undefined ? '' : entry.daysLeft}</td><td>${e(EXPIRY_LABEL[entry.state])}</td><td class="where">${where(entry)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');

  out.push('<section id="findings"><h2>Findings</h2>');
  if (model.findings.length === 0) out.push('<p>No problems.</p>');
  for (const file of model.files) {
    const findings = model.findings.filter((finding) => finding.path === file.path);
    if (findings.length === 0) continue;
    const fileScope = scope.map((column) => column.value(file)).filter(Boolean).join(', ');
    out.push(`<h3>${e(file.file)}${fileScope ? ` <span class="where">${e(fileScope)}</span>` : ''}</h3>`, '<table><thead><tr><th>Line</th><th>Severity</th><th>System</th><th>Rule</th><th>Finding</th><th>SAP Notes</th></tr></thead><tbody>');
    for (const finding of findings) {
      out.push(
        `<tr id="finding-${finding.id}"><td class="num">${finding.range.start.line + 1}</td><td><span class="badge ${finding.severity}">${e(finding.severity)}</span></td><td>${e(finding.sid ?? '')}</td>` +
          `<td><code>${e(finding.ruleId)}</code></td><td>${e(finding.message)}</td><td>${notes(finding)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push('</section>', '</body>', '</html>');
  return out.join('\n') + '\n';
}

function card(kind: string, count: number, label: string): string {
  return `<div class="card ${kind}"><span class="count">${count}</span><span class="label">${escapeMarkup(label)}</span></div>`;
}

function cellHtml(cell: MatrixCell, findings: readonly ModelFinding[]): string {
  const behind = cell.findings.map((id) => findings[id]).filter((finding): finding is ModelFinding => finding !== undefined);
  const detail = behind.map((finding) => `<a href="#finding-${finding.id}">${escapeMarkup(finding.message)}</a>`).join('<br>');
  const label = cellLabel(cell.state, behind.length);
  // Why a check does not apply is a tooltip: n/a cells stay quiet in the matrix.
  const title = cell.reason ? ` title="${escapeMarkup(cell.reason)}"` : '';
  return `<td class="cell ${cssState(cell.state)}"${title}><span class="state">${escapeMarkup(label)}</span>${detail ? `<div class="detail">${detail}</div>` : ''}</td>`;
}

function notes(finding: ModelFinding): string {
  return finding.notes.map((note) => `<a href="${escapeMarkup(note.url)}">${escapeMarkup(note.number)}</a>`).join(', ');
}

function where(location: SourceLocation): string {
  return escapeMarkup(`${location.file}:${location.range.start.line + 1}`);
}

function cssState(state: MatrixCell['state']): string {
  return state === 'n/a' ? 'na' : state;
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d1d9e0; --ok: #1a7f37; --warn: #9a6700; --err: #cf222e; --info: #0969da; --na: #818b98; --head: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --ok: #3fb950; --warn: #d29922; --err: #f85149; --info: #4493f8; --na: #9198a1; --head: #151b23; } }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 2rem auto; max-width: 1400px; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; } h3 { font-size: 1rem; }
.meta { color: var(--muted); } code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9em; }
a { color: var(--info); }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; }
.card { border: 1px solid var(--line); border-left-width: 4px; border-radius: 6px; padding: .5rem .9rem; min-width: 8rem; }
.card .count { display: block; font-size: 1.6rem; font-weight: 600; } .card .label { color: var(--muted); }
.card.ready { border-left-color: var(--ok); } .card.warnings, .card.warning { border-left-color: var(--warn); } .card.not-ready, .card.error { border-left-color: var(--err); } .card.info { border-left-color: var(--info); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; } td { overflow-wrap: anywhere; }
.matrix td.cell { font-size: .95em; } .matrix .where { display: block; }
thead th { background: var(--head); } td.num { text-align: right; }
.where { color: var(--muted); font-size: .85em; font-weight: normal; }
.badge { display: inline-block; border-radius: 1em; padding: 0 .6em; font-size: .85em; font-weight: 600; border: 1px solid currentColor; }
.badge.ready { color: var(--ok); } .badge.warnings, .badge.warning { color: var(--warn); } .badge.not-ready, .badge.error { color: var(--err); } .badge.info { color: var(--info); }
.matrix td.cell { min-width: 5rem; } .matrix tbody th, .matrix tbody td:nth-child(-n+4), .badge { white-space: nowrap; overflow-wrap: normal; } .cell .state { font-weight: 600; } .cell .detail { font-size: .85em; margin-top: .2rem; }
.cell.ok .state { color: var(--ok); } .cell.warning .state { color: var(--warn); } .cell.error .state { color: var(--err); } .cell.info .state { color: var(--info); } .cell.na, .cell.off { color: var(--na); }
.matrix .detail a { color: inherit; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`;
