import { strict as assert } from 'assert';
import { parseHostMessage } from '../../../src/extension/dashboard/protocol';
import { formatHtml } from '../../../src/core/report/html';
import { formatMarkdown } from '../../../src/core/report/markdown';
import { yaml } from '../../helpers';
import { build, HOSTILE, LANDSCAPE } from './fixtures';

/** A partner's repository: two customers that both have a PRD with a legacy destination, and the partner's own landscape. */
const PARTNER_REPOSITORY = {
  'contoso.landscape.yaml': yaml(
    'landscape: Contoso',
    'customer: "0001111111"',
    'systems:',
    '  PRD:',
    '    product: abap',
    '    rfcDestinations: { SAPOSS: { type: "3", target: /H/oss001 } }',
    '    logonData: [{ user: SAPSUPPORT, client: "100", expires: 2026-11-30, secret: PRD/SAPSUPPORT }]',
  ),
  'fabrikam.landscape.yaml': yaml(
    'landscape: Fabrikam',
    'customer: "0002222222"',
    'systems:',
    '  PRD:',
    '    product: abap',
    '    rfcDestinations: { SAPOSS: { type: "3", target: /H/oss001, status: deactivated, deactivatedOn: 2026-11-01 } }',
  ),
  'partner.landscape.yaml': yaml('landscape: Proseware', 'systems:', '  PSM: { product: solman, release: "7.2", sps: 8, supportConnection: none }'),
};

const matrixHeader = (markdown: string): string => markdown.split('\n').find((line) => line.startsWith('| System |'))!;

describe('landscapes and customers in the readiness model and reports', () => {
  it('a run of one landscape without a customer shows no scope: the reports look as before', () => {
    const { model, input } = build({ 't.landscape.yaml': LANDSCAPE });
    assert.deepEqual(model.scope, { landscapes: ['Test'], customers: [], showLandscape: false, showCustomer: false });
    assert.equal(model.systems[0].landscape, 'Test', 'the rows still carry their landscape');
    const html = formatHtml(model);
    assert.ok(!html.includes('<th>Landscape</th>') && !html.includes('<th>Customer</th>'), html);
    assert.ok(!/landscapes?[,:)]/.test(html.replace(/<[^>]*>/g, '')), 'no scope summary');
    assert.equal(matrixHeader(formatMarkdown(input)).startsWith('| System | Product | Role | Readiness |'), true);
  });

  it('two customers that both have PRD are two rows a reader tells apart, in the model, the HTML and the Markdown', () => {
    const { model, input } = build(PARTNER_REPOSITORY);
    assert.deepEqual(model.scope, { landscapes: ['Contoso', 'Fabrikam', 'Proseware'], customers: ['0001111111', '0002222222'], showLandscape: true, showCustomer: true });
    assert.deepEqual(
      model.systems.map((system) => [system.sid, system.landscape, system.customer, system.readiness]),
      [
        ['PRD', 'Contoso', '0001111111', 'not-ready'],
        ['PRD', 'Fabrikam', '0002222222', 'warnings'],
        ['PSM', 'Proseware', undefined, 'ready'],
      ],
    );
    assert.deepEqual(
      model.rfcTimeline.map((entry) => [entry.sid, entry.landscape, entry.customer, entry.stage]),
      [
        ['PRD', 'Contoso', '0001111111', 'active'],
        ['PRD', 'Fabrikam', '0002222222', 'removable'],
      ],
    );
    assert.deepEqual(model.expiries.map((entry) => [entry.sid, entry.landscape]), [['PRD', 'Contoso']]);
    assert.ok(model.findings.filter((finding) => finding.sid === 'PRD').every((finding) => finding.landscape === (finding.path.startsWith('contoso') ? 'Contoso' : 'Fabrikam')));

    const html = formatHtml(model);
    assert.ok(html.includes('<table class="matrix"><thead><tr><th>System</th><th>Landscape</th><th>Customer</th><th>Product</th>'), html);
    assert.match(html, /<th scope="row">PRD<div class="where">contoso\.landscape\.yaml:4<\/div><\/th><td>Contoso<\/td><td>0001111111<\/td><td>abap<\/td>/);
    assert.match(html, /<th scope="row">PRD<div class="where">fabrikam\.landscape\.yaml:4<\/div><\/th><td>Fabrikam<\/td><td>0002222222<\/td><td>abap<\/td>/);
    assert.match(html, /<tr class="stage-active"><td>PRD<\/td><td>Contoso<\/td><td>0001111111<\/td><td><code>SAPOSS<\/code>/);
    assert.ok(html.includes('3 systems in 3 files (3 landscapes, 2 customers):'), html);
    assert.ok(html.includes('<h3>contoso.landscape.yaml <span class="where">Contoso, 0001111111</span></h3>'), html);

    const markdown = formatMarkdown(input);
    const lines = markdown.split('\n');
    assert.ok(matrixHeader(markdown).startsWith('| System | Landscape | Customer | Product | Role | Readiness |'), markdown);
    assert.ok(lines.includes('3 landscapes, 2 customers: 1 ready, 1 with warnings, 1 not ready.'), markdown);
    assert.ok(lines.some((line) => line.startsWith('| PRD | Contoso | 0001111111 | abap |  | Not ready |')), markdown);
    assert.ok(lines.some((line) => line.startsWith('| PRD | Fabrikam | 0002222222 | abap |  | Warnings |')), markdown);
    assert.ok(lines.includes('| PRD | Fabrikam | 0002222222 | `SAPOSS` | May be deleted | 2026-11-01 | 2026-11-15 | fabrikam.landscape.yaml:6 |'), markdown);
    assert.ok(lines.some((line) => line.startsWith('| PRD | Contoso | 0001111111 | Logon data: user SAPSUPPORT, client 100 |')), markdown);
    assert.equal(lines[lines.indexOf('## contoso.landscape.yaml') + 2], 'Landscape, Customer: Contoso, 0001111111');
  });

  it('several landscapes without a customer add the Landscape column only', () => {
    const { model, input } = build({
      'a.landscape.yaml': yaml('landscape: ACME Production', 'systems:', '  PRD: { product: abap }'),
      'b.landscape.yaml': yaml('landscape: ACME Analytics', 'systems:', '  BWP: { product: abap }'),
    });
    assert.deepEqual(model.scope, { landscapes: ['ACME Analytics', 'ACME Production'], customers: [], showLandscape: true, showCustomer: false });
    assert.ok(formatHtml(model).includes('<th>System</th><th>Landscape</th><th>Product</th>'));
    assert.ok(matrixHeader(formatMarkdown(input)).startsWith('| System | Landscape | Product |'));
  });

  it('one landscape with a customer names the customer', () => {
    const { model } = build({ 'a.landscape.yaml': yaml('landscape: Globex', 'customer: Globex Corp.', 'systems:', '  PRD: { product: abap }') });
    assert.deepEqual([model.scope.showLandscape, model.scope.showCustomer], [true, true]);
    assert.deepEqual([model.systems[0].landscape, model.systems[0].customer], ['Globex', 'Globex Corp.']);
  });

  it('writes a hostile customer and landscape as text in both reports', () => {
    const q = JSON.stringify(HOSTILE);
    const { model, input } = build({ 'x.landscape.yaml': yaml(`landscape: ${q}`, `customer: ${q}`, 'systems:', '  PRD: { product: abap }') });
    const html = formatHtml(model);
    assert.ok(!html.includes('<img') && !html.includes('<script'), html);
    assert.ok(html.includes('<td>&#60;img src=x onerror='), html);
    const markdown = formatMarkdown(input);
    assert.ok(!markdown.replace(/`[^`\n]*`/g, '').includes('<img'), markdown);
    const row = markdown.split('\n').find((line) => line.startsWith('| PRD |'))!;
    assert.equal(row.split(/(?<!\\)\|/).length - 2, 14, `fourteen cells: ${row}`);
  });

  it('the dashboard page accepts the scope and refuses a malformed one', () => {
    const { model } = build(PARTNER_REPOSITORY);
    const plain = JSON.parse(JSON.stringify(model)) as Record<string, any>;
    assert.deepEqual(parseHostMessage({ type: 'model', revision: 1, model: plain })?.model.scope.customers, ['0001111111', '0002222222']);
    for (const [what, breakIt] of [
      ['no scope', (copy: Record<string, any>) => delete copy.scope],
      ['a scope flag that is not a boolean', (copy: Record<string, any>) => (copy.scope.showLandscape = 'yes')],
      ['a landscape that is not text', (copy: Record<string, any>) => (copy.systems[0].landscape = 1)],
      ['a customer that is not text', (copy: Record<string, any>) => (copy.rfcTimeline[0].customer = {})],
      ['a file scope that is not text', (copy: Record<string, any>) => (copy.files[0].landscape = [])],
    ] as const) {
      const copy = JSON.parse(JSON.stringify(plain));
      breakIt(copy);
      assert.equal(parseHostMessage({ type: 'model', revision: 1, model: copy }), undefined, what);
    }
  });
});
