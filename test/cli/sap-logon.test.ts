import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { assertExit, assertUsageError, listFiles, makeTempDir, NOW, parseJson, REPO_ROOT, removeTempDir, runCli } from './run-cli';

const SAP_LOGON = path.join(REPO_ROOT, 'test', 'fixtures', 'sap-logon');

describe('sapready import --sap-logon', () => {
  let dir: string | undefined;
  afterEach(() => {
    removeTempDir(dir);
    dir = undefined;
  });

  function checkJson(file: string, cwd: string) {
    const result = runCli(['check', file, '--now', NOW, '--format', 'json'], { cwd });
    return parseJson(result);
  }

  it('imports a local landscape with its global file: one system per SID, merged, named warnings on stderr', () => {
    dir = makeTempDir();
    const result = runCli(['import', '--sap-logon', 'SAPUILandscape.xml', 'SAPUILandscapeGlobal.xml', '--now', NOW], { cwd: SAP_LOGON });
    assertExit(result, 0);
    assert.equal(
      result.stdout,
      [
        `# Imported by sapready from SAP Logon on ${NOW}: 2 file(s).`,
        '# SAP Logon knows how to reach each system, not what it is. Per system, check `product` (SAP GUI',
        '# logs on to ABAP systems, so it says abap; solman for SAP Solution Manager) and add what readiness',
        '# needs: supportConnection, communicationUser, components (ST-PI, ST-A/PI) and rfcDestinations.',
        '# `sapready check` on this file lists what is still missing.',
        'landscape: "ACME"',
        'systems:',
        '  BWP:',
        '    product: abap   # SAP Logon does not say; solman, java, hana, ... where that is what it is',
        '    description: "BW production"',
        '    messageServer: "bwp-ms.acme.example"',
        '    messageServerPort: "sapmsBWP"',
        '    logonGroup: "SPACE"',
        '  DEV:',
        '    product: abap   # SAP Logon does not say; solman, java, hana, ... where that is what it is',
        '    description: "DEV"',
        '    host: "dev-01.sap-dev.acme.example"',
        '    instance: "05"',
        '    client: "200"',
        '    clients:',
        '      "200": { language: "DE" }',
        '  PRD:',
        '    product: abap   # SAP Logon does not say; solman, java, hana, ... where that is what it is',
        '    description: "ERP production"',
        '    host: "prd-ci.acme.example"',
        '    instance: "00"',
        '    messageServer: "prd-ms.acme.example"',
        '    messageServerPort: "3600"',
        '    logonGroup: "PUBLIC"',
        '    accessRoute: "/H/saprouter.acme.example/S/3299"',
        '    sncName: "p:CN=PRD, O=ACME, C=DE"',
        '    clients:',
        '      "100": { language: "EN" }',
        '      "300": {}',
        '  QAS:',
        '    product: abap   # SAP Logon does not say; solman, java, hana, ... where that is what it is',
        '    description: "Quality \\"QAS\\" <ERP>"',
        '    host: "fd00:ac:1::21"',
        '    instance: "10"',
        '',
      ].join('\n'),
    );
    assert.deepEqual(result.stderr.trimEnd().split('\n'), [
      'sapready: warning: SAPUILandscape.xml: <Include url="file:///C:/Users/basis/AppData/Roaming/SAP/Common/SAPUILandscapeGlobal.xml"> not followed: ENOENT (gone, a broken symbolic link, or a file name that is not UTF-8)',
      'sapready: warning: SAPUILandscape.xml: entry "PRD app server 2": PRD: host "prd-app02.acme.example" differs from "prd-ci.acme.example" of entry "PRD central instance"; the first entry\'s value is kept',
      'sapready: warning: SAPUILandscape.xml: entry "PRD app server 2": PRD: instance "01" differs from "00" of entry "PRD central instance"; the first entry\'s value is kept',
      'sapready: warning: SAPUILandscape.xml: entry "Test box without SID": no system ID (SID): left out; give the entry a system ID in SAP Logon and import again',
      'sapready: warning: SAPUILandscape.xml: entry "Fiori launchpad PRD": a FIORI entry, not a SAP GUI connection: left out',
      'sapready: warning: SAPUILandscape.xml: entry "Old BW via lost message server": refers to message server deadbeef-0000-4000-8000-000000000000, which none of the given files defines: left out (give the global landscape file too)',
    ]);
    assert.doesNotMatch(result.stdout, /JDOE/, 'user names from shortcuts are left out');
  });

  it('writes --output, which sapready check accepts without yaml-syntax or schema findings', () => {
    dir = makeTempDir();
    for (const name of ['SAPUILandscape.xml', 'SAPUILandscapeGlobal.xml', 'saplogon.ini']) copyFileSync(path.join(SAP_LOGON, name), path.join(dir, name));
    const result = runCli(['import', '--sap-logon', 'SAPUILandscape.xml', 'SAPUILandscapeGlobal.xml', '--output', 'acme.landscape.yaml', '--now', NOW], { cwd: dir });
    assertExit(result, 0);
    assert.equal(result.stdout, 'Wrote 4 system(s) to acme.landscape.yaml. Check it with: sapready check acme.landscape.yaml\n');
    const report = checkJson('acme.landscape.yaml', dir);
    assert.deepEqual(report.findings.filter((finding) => finding.ruleId === 'schema' || finding.ruleId === 'yaml-syntax'), []);
    assert.equal(report.systems, 4);

    const ini = runCli(['import', '--sap-logon', 'saplogon.ini', '--output', 'ini.landscape.yaml', '--now', NOW], { cwd: dir });
    assertExit(ini, 0);
    assert.deepEqual(checkJson('ini.landscape.yaml', dir).findings.filter((finding) => finding.ruleId === 'schema' || finding.ruleId === 'yaml-syntax'), []);
  });

  it('then has sapready check say, per imported ABAP system, what readiness still needs: its supportConnection', () => {
    dir = makeTempDir();
    const imported = runCli(['import', '--sap-logon', path.join(SAP_LOGON, 'SAPUILandscape.xml'), path.join(SAP_LOGON, 'SAPUILandscapeGlobal.xml'), '--output', 'acme.landscape.yaml', '--now', NOW], { cwd: dir });
    assertExit(imported, 0);
    const result = runCli(['check', 'acme.landscape.yaml', '--now', NOW, '--format', 'json'], { cwd: dir });
    assertExit(result, 0); // warnings only: the file does not say yet, which is not a fault
    const report = parseJson(result);
    assert.deepEqual(
      report.findings.map((finding) => [finding.ruleId, finding.severity, finding.sid, finding.line]),
      [
        ['missing-support-connection', 'warning', 'BWP', 8],
        ['missing-support-connection', 'warning', 'DEV', 14],
        ['missing-support-connection', 'warning', 'PRD', 22],
        ['missing-support-connection', 'warning', 'QAS', 35],
      ],
    );
    for (const finding of report.findings) {
      assert.match(finding.message, /^System [A-Z]{3} does not say how it reaches SAP's support backbone.*add supportConnection: direct \(.*\), solman \(.*\), focused-run \(.*\), cloud-alm \(.*\) or none \(it sends nothing to SAP\)\.$/);
      assert.deepEqual(finding.fixes, []);
    }
    const text = runCli(['check', 'acme.landscape.yaml', '--now', NOW], { cwd: dir });
    assertExit(text, 0);
    assert.match(text.stdout, /acme\.landscape\.yaml:8:3 +warning +System BWP does not say how it reaches SAP's support backbone/);
  });

  it('reads saplogon.ini in UTF-16 with byte-order mark: direct and group entries, router and SNC name', () => {
    const result = runCli(['import', '--sap-logon', 'saplogon.ini', '--now', NOW], { cwd: SAP_LOGON });
    assertExit(result, 0);
    assert.match(result.stdout, /\n {2}CRM:\n.*\n {4}description: "CRM \[PUBLIC\]"\n {4}messageServer: "crm-ms.example.ch"\n {4}messageServerPort: "sapmsCRM"\n {4}logonGroup: "PUBLIC"\n/);
    assert.match(result.stdout, /\n {2}ERP:\n.*\n {4}description: "ERP Produktion \(Zürich\)"\n {4}host: "erp-ci.example.ch"\n {4}instance: "00"\n {4}accessRoute: "\/H\/saprouter.example.ch\/S\/3299"\n {4}sncName: "p:CN=ERP, O=Example, C=CH"\n/);
    assert.equal(result.stderr, 'sapready: warning: saplogon.ini: entry "Sandbox ohne SID": no system ID (SID): left out; give the entry a system ID in SAP Logon and import again\n');
  });

  it('follows an <Include> to a readable local file', () => {
    dir = makeTempDir();
    copyFileSync(path.join(SAP_LOGON, 'SAPUILandscapeGlobal.xml'), path.join(dir, 'global.xml'));
    const local = readFileSync(path.join(SAP_LOGON, 'SAPUILandscape.xml'), 'utf8').replace(/url="[^"]*"/, `url="file://${path.join(dir, 'global.xml').split(path.sep).join('/')}"`);
    writeFileSync(path.join(dir, 'SAPUILandscape.xml'), local);
    const result = runCli(['import', '--sap-logon', 'SAPUILandscape.xml', '--now', NOW], { cwd: dir });
    assertExit(result, 0);
    assert.match(result.stdout, /\n {2}BWP:\n/);
    assert.match(result.stdout, /messageServer: "prd-ms.acme.example"/);
    assert.doesNotMatch(result.stderr, /Include/);
  });

  it('refuses broken files with line and column, exit code 2', () => {
    assertUsageError(runCli(['import', '--sap-logon', 'broken.xml'], { cwd: SAP_LOGON }), /^sapready: broken\.xml:5:14: not well-formed XML: unexpected close tag\.\n$/);
    assertUsageError(runCli(['import', '--sap-logon', 'broken.ini'], { cwd: SAP_LOGON }), /^sapready: broken\.ini:3:1: "this line is not an ini line" is neither a \[section\] nor a key=value line\.\n$/);
    assertUsageError(runCli(['import', '--sap-logon', 'other.yaml'], { cwd: SAP_LOGON }), /^sapready: other\.yaml:1:1: This is neither a SAP UI landscape file/);
    assertUsageError(runCli(['import', '--sap-logon', 'missing.xml'], { cwd: SAP_LOGON }), /^sapready: Cannot read missing\.xml: ENOENT \(gone, a broken symbolic link, or a file name that is not UTF-8\)\n$/);
    assertUsageError(runCli(['import', '--sap-logon'], { cwd: SAP_LOGON }), /needs the SAP Logon files/);
  });

  it('imports an empty file as an empty landscape and says so', () => {
    const result = runCli(['import', '--sap-logon', 'empty.xml', '--now', NOW], { cwd: SAP_LOGON });
    assertExit(result, 0);
    assert.match(result.stdout, /\nsystems: \{\}\n$/);
    assert.equal(result.stderr, 'sapready: warning: empty.xml: holds no SAP Logon entries\n');
  });

  it('does not read from a FIFO (it would block) and does not overwrite --output without --force', function () {
    if (process.platform === 'win32') this.skip();
    dir = makeTempDir();
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'pipe.xml')]).status, 0, 'mkfifo');
    assertUsageError(runCli(['import', '--sap-logon', 'pipe.xml'], { cwd: dir, timeout: 10_000 }), /Cannot read pipe\.xml: it is a FIFO, not a regular file/);
    writeFileSync(path.join(dir, 'out.landscape.yaml'), 'kept\n');
    assertUsageError(runCli(['import', '--sap-logon', path.join(SAP_LOGON, 'saplogon.ini'), '--output', 'out.landscape.yaml'], { cwd: dir }), /out\.landscape\.yaml exists; use --force/);
    assert.equal(readFileSync(path.join(dir, 'out.landscape.yaml'), 'utf8'), 'kept\n');
    assertExit(runCli(['import', '--sap-logon', path.join(SAP_LOGON, 'saplogon.ini'), '--output', 'out.landscape.yaml', '--force'], { cwd: dir }), 0);
    assert.match(readFileSync(path.join(dir, 'out.landscape.yaml'), 'utf8'), /ERP:/);
  });

  it('--into adds new systems only, keeps comments and formatting, lists differing systems, and a re-import changes nothing', () => {
    dir = makeTempDir();
    const original = [
      '# ACME landscape, kept by the Basis team',
      'landscape: ACME',
      'systems:',
      '    # production first',
      '    PRD:',
      '        product: abap          # checked 2026-11',
      '        host: prd-ci.acme.example',
      "        instance: '00'",
      '        messageServer: prd-ms-old.acme.example',
      '',
      '# end of systems',
      '',
    ].join('\n');
    writeFileSync(path.join(dir, 'acme.landscape.yaml'), original);
    const first = runCli(['import', '--sap-logon', path.join(SAP_LOGON, 'SAPUILandscape.xml'), path.join(SAP_LOGON, 'SAPUILandscapeGlobal.xml'), '--into', 'acme.landscape.yaml', '--now', NOW], { cwd: dir });
    assertExit(first, 0);
    assert.equal(
      first.stdout,
      [
        'PRD: messageServer is "prd-ms-old.acme.example" in acme.landscape.yaml and "prd-ms.acme.example" in SAP Logon (not changed)',
        'PRD: messageServerPort is not set in acme.landscape.yaml and "3600" in SAP Logon (not changed)',
        'PRD: logonGroup is not set in acme.landscape.yaml and "PUBLIC" in SAP Logon (not changed)',
        'PRD: accessRoute is not set in acme.landscape.yaml and "/H/saprouter.acme.example/S/3299" in SAP Logon (not changed)',
        'PRD: sncName is not set in acme.landscape.yaml and "p:CN=PRD, O=ACME, C=DE" in SAP Logon (not changed)',
        'Added 3 system(s) to acme.landscape.yaml: BWP, DEV, QAS.',
        '',
      ].join('\n'),
    );
    const merged = readFileSync(path.join(dir, 'acme.landscape.yaml'), 'utf8');
    assert.ok(merged.startsWith(original.split('\n').slice(0, 9).join('\n') + '\n    BWP:\n        product: abap'), merged);
    assert.ok(merged.endsWith('\n\n# end of systems\n'), merged);
    assert.match(merged, /\n {4}DEV:\n {8}product: abap.*\n {8}description: "DEV"\n {8}host: "dev-01.sap-dev.acme.example"\n {8}instance: "05"\n {8}client: "200"\n {8}clients:\n {12}"200": \{ language: "DE" \}\n/);
    assert.deepEqual(checkJson('acme.landscape.yaml', dir).findings.filter((finding) => finding.ruleId === 'schema' || finding.ruleId === 'yaml-syntax'), []);

    const again = runCli(['import', '--sap-logon', path.join(SAP_LOGON, 'SAPUILandscape.xml'), path.join(SAP_LOGON, 'SAPUILandscapeGlobal.xml'), '--into', 'acme.landscape.yaml', '--now', NOW], { cwd: dir });
    assertExit(again, 0);
    assert.match(again.stdout, /Nothing to add: acme\.landscape\.yaml declares every imported system\.\n$/);
    assert.equal(readFileSync(path.join(dir, 'acme.landscape.yaml'), 'utf8'), merged);
    assert.deepEqual(listFiles(dir), ['acme.landscape.yaml']);
  });

  it('--into a file without systems, and into a broken one (refused, unchanged)', () => {
    dir = makeTempDir();
    writeFileSync(path.join(dir, 'a.landscape.yaml'), 'landscape: A # the name\n');
    assertExit(runCli(['import', '--sap-logon', path.join(SAP_LOGON, 'saplogon.ini'), '--into', 'a.landscape.yaml'], { cwd: dir }), 0);
    const text = readFileSync(path.join(dir, 'a.landscape.yaml'), 'utf8');
    assert.ok(text.startsWith('landscape: A # the name\nsystems:\n  CRM:\n    product: abap'), text);
    assert.deepEqual(checkJson('a.landscape.yaml', dir).findings.filter((finding) => finding.ruleId === 'schema' || finding.ruleId === 'yaml-syntax'), []);

    writeFileSync(path.join(dir, 'b.landscape.yaml'), 'landscape: B\nsystems: [\n');
    assertUsageError(runCli(['import', '--sap-logon', path.join(SAP_LOGON, 'saplogon.ini'), '--into', 'b.landscape.yaml'], { cwd: dir }), /b\.landscape\.yaml has YAML problems/);
    assert.equal(readFileSync(path.join(dir, 'b.landscape.yaml'), 'utf8'), 'landscape: B\nsystems: [\n');
  });

  it('imports a 50 MB landscape file in bounded time', function () {
    this.timeout(120_000);
    dir = makeTempDir();
    const services: string[] = [];
    let size = 0;
    for (let index = 0; size < 50 * 1024 * 1024; index++) {
      const sid = `S${(index % 1296).toString(36).toUpperCase().padStart(2, '0')}`;
      const line = `    <Service type="SAPGUI" uuid="u-${index}" name="${sid} application server ${index} with a long descriptive name for padding" systemid="${sid}" server="host-${sid.toLowerCase()}.sap.acme.example:3200" mode="1" description="entry ${index}"/>\n`;
      services.push(line);
      size += line.length;
    }
    writeFileSync(path.join(dir, 'big.xml'), `<?xml version="1.0"?>\n<Landscape>\n  <Services>\n${services.join('')}  </Services>\n</Landscape>\n`);
    const started = Date.now();
    const result = runCli(['import', '--sap-logon', 'big.xml', '--output', 'big.landscape.yaml', '--now', NOW], { cwd: dir, timeout: 110_000 });
    assertExit(result, 0);
    assert.match(result.stdout, /^Wrote 1296 system\(s\) to big\.landscape\.yaml\./);
    assert.ok(existsSync(path.join(dir, 'big.landscape.yaml')));
    assert.ok(Date.now() - started < 110_000);
  });
});

describe('sapready export --sap-logon', () => {
  let dir: string | undefined;
  afterEach(() => {
    removeTempDir(dir);
    dir = undefined;
  });

  it('writes a SAPUILandscape.xml whose import gives the same systems, the same on every export', () => {
    dir = makeTempDir();
    assertExit(runCli(['import', '--sap-logon', path.join(SAP_LOGON, 'SAPUILandscape.xml'), path.join(SAP_LOGON, 'SAPUILandscapeGlobal.xml'), '--output', 'acme.landscape.yaml', '--now', NOW], { cwd: dir }), 0);
    const exported = runCli(['export', '--sap-logon', 'acme.landscape.yaml', '--output', 'SAPUILandscape.xml'], { cwd: dir });
    assertExit(exported, 0);
    assert.equal(exported.stdout, 'Wrote 4 system(s) of 1 landscape(s) to SAPUILandscape.xml.\n');
    const xml = readFileSync(path.join(dir, 'SAPUILandscape.xml'), 'utf8');
    assert.match(xml, /<Workspace uuid="[0-9a-f-]{36}" name="ACME">/);
    assert.match(xml, /description="Quality &quot;QAS&quot; &lt;ERP&gt;"/);
    assert.match(xml, /<Router uuid="[0-9a-f-]{36}" name="\/H\/saprouter.acme.example\/S\/3299" router="\/H\/saprouter.acme.example\/S\/3299"\/>/);
    assert.match(xml, /<Messageserver uuid="[0-9a-f-]{36}" name="BWP" host="bwp-ms.acme.example" port="sapmsBWP"\/>/);

    const again = runCli(['import', '--sap-logon', 'SAPUILandscape.xml', '--output', 'again.landscape.yaml', '--now', NOW], { cwd: dir });
    assertExit(again, 0);
    assert.equal(again.stderr, '');
    const systemsOf = (name: string) => readFileSync(path.join(dir!, name), 'utf8').split('\nsystems:\n')[1];
    assert.equal(systemsOf('again.landscape.yaml'), systemsOf('acme.landscape.yaml'));

    assertUsageError(runCli(['export', '--sap-logon', 'acme.landscape.yaml', '--output', 'SAPUILandscape.xml'], { cwd: dir }), /SAPUILandscape\.xml exists; use --force/);
    assertExit(runCli(['export', '--sap-logon', 'acme.landscape.yaml', '--output', 'SAPUILandscape.xml', '--force'], { cwd: dir }), 0);
    assert.equal(readFileSync(path.join(dir, 'SAPUILandscape.xml'), 'utf8'), xml);
  });

  it('needs --sap-logon and --output', () => {
    assertUsageError(runCli(['export', '--output', 'x.xml'], { cwd: SAP_LOGON }), /export writes SAP Logon landscape files only/);
    assertUsageError(runCli(['export', '--sap-logon'], { cwd: SAP_LOGON }), /--output FILE is required/);
  });
});
