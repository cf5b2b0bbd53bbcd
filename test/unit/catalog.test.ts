import { strict as assert } from 'assert';
import {
  allSapNotes,
  connectionCategories,
  connectionTypes,
  findConnectionType,
  sapNote,
  sapNoteUrl,
  suggestConnectionTypeId,
} from '../../src/core/catalog';

// Order and ids as on SAP's remote-support page (seed 003).
const EXPECTED_IDS = [
  'r3-support', 'r3-support-snc', 'sapgui-browser', 'sap-ni',
  'solution-manager', 'solution-manager-diagnostics',
  'nw-mobile-java', 'http-connect', 'http-connect-snc', 'http-tools', 'business-client',
  'loadrunner', 'java-debug', 'sap-jvm-tools',
  'gotoassist', 'wts', 'wts-nla', 'citrix', 'as400', 'as400-secure', 'telnet', 'ssh', 'vnc',
  'jdbc-odbc', 'hana', 'hana-mdc', 'upgrade-assistant', 'sapinst-gui', 'sap-db', 'trex-bia',
  'integration-repository', 'integration-directory', 'windows-remote-debug',
];

// Subset of ids from microsoft/vscode-codicons src/template/mapping.json; an icon id outside
// the font renders as nothing, so a typo in the catalog must fail here.
const KNOWN_CODICONS = new Set([
  'account', 'beaker', 'briefcase', 'browser', 'bug', 'cloud', 'code', 'dashboard', 'database',
  'debug', 'debug-alt', 'debug-console', 'desktop-download', 'device-desktop', 'device-mobile',
  'extensions', 'file', 'flame', 'folder', 'folder-library', 'gear', 'globe', 'graph', 'inspect',
  'key', 'layers', 'library', 'link', 'live-share', 'lock', 'multiple-windows', 'package', 'plug',
  'pulse', 'remote', 'remote-explorer', 'repo', 'rocket', 'search', 'server', 'server-environment',
  'server-process', 'shield', 'terminal', 'terminal-bash', 'terminal-cmd', 'tools', 'unlock',
  'versions', 'vm', 'vm-active', 'vm-connect', 'vm-outline', 'window', 'workspace-trusted',
]);

describe('catalog: connection types', () => {
  it('has exactly the 33 seed connection types, in seed order', () => {
    assert.deepEqual(connectionTypes.map((t) => t.id), EXPECTED_IDS);
  });

  it('has the five categories in seed order', () => {
    assert.deepEqual(
      connectionCategories.map((c) => c.id),
      ['sapgui', 'solman', 'java-http', 'os-level', 'further'],
    );
  });

  it('puts every type into an existing category', () => {
    const categoryIds = new Set(connectionCategories.map((c) => c.id));
    for (const t of connectionTypes) {
      assert.ok(categoryIds.has(t.category), `${t.id}: unknown category ${t.category}`);
    }
  });

  it('groups types as the seed does', () => {
    const inCategory = (id: string) => connectionTypes.filter((t) => t.category === id).map((t) => t.id);
    assert.deepEqual(inCategory('sapgui'), ['r3-support', 'r3-support-snc', 'sapgui-browser', 'sap-ni']);
    assert.deepEqual(inCategory('solman'), ['solution-manager', 'solution-manager-diagnostics']);
    assert.deepEqual(inCategory('java-http'), [
      'nw-mobile-java', 'http-connect', 'http-connect-snc', 'http-tools', 'business-client',
      'loadrunner', 'java-debug', 'sap-jvm-tools',
    ]);
    assert.equal(inCategory('os-level').length, 9);
    assert.equal(inCategory('further').length, 10);
  });

  it('gives every type a name, a description and a known codicon', () => {
    for (const t of connectionTypes) {
      assert.ok(t.name.trim().length > 0, `${t.id}: empty name`);
      assert.ok(t.description.startsWith('Enables') || t.description.startsWith('Provides'), `${t.id}: ${t.description}`);
      assert.ok(KNOWN_CODICONS.has(t.codicon), `${t.id}: unknown codicon ${t.codicon}`);
    }
  });

  it('carries the seed names', () => {
    assert.equal(findConnectionType('r3-support')?.name, 'R/3 Support');
    assert.equal(findConnectionType('sapgui-browser')?.name, 'SAPGui+Browser Connect');
    assert.equal(findConnectionType('http-connect')?.name, 'HTTP Connect - URL access');
    assert.equal(findConnectionType('loadrunner')?.name, 'LoadRunner-Test');
    assert.equal(findConnectionType('hana-mdc')?.name, 'SAP HANA MDC');
  });

  it('carries the seed notes', () => {
    const notesOf = (id: string) => findConnectionType(id)?.notes;
    assert.deepEqual(notesOf('r3-support'), ['812732']);
    assert.deepEqual(notesOf('r3-support-snc'), ['2562127']);
    assert.deepEqual(notesOf('sap-ni'), ['1718597']);
    assert.deepEqual(notesOf('solution-manager'), ['962516']);
    assert.deepEqual(notesOf('solution-manager-diagnostics'), ['962516']);
    assert.deepEqual(notesOf('http-connect'), ['592085']);
    assert.deepEqual(notesOf('sap-jvm-tools'), ['2038631']);
    assert.deepEqual(notesOf('as400-secure'), ['2016103']);
    assert.deepEqual(notesOf('ssh'), ['1275351']);
    assert.deepEqual(notesOf('hana'), ['1592925']);
    assert.deepEqual(notesOf('hana-mdc'), ['2280051']);
    assert.deepEqual(notesOf('integration-repository'), ['800267']);
    assert.deepEqual(notesOf('integration-directory'), ['800267']);
    assert.deepEqual(notesOf('windows-remote-debug'), ['1884079']);
  });

  it('does not invent notes the seed does not give', () => {
    assert.deepEqual(findConnectionType('http-connect-snc')?.notes, []);
    assert.deepEqual(findConnectionType('business-client')?.notes, []);
  });

  it('returns undefined for unknown ids and is exact (case-sensitive)', () => {
    assert.equal(findConnectionType('nope'), undefined);
    assert.equal(findConnectionType('SSH'), undefined);
  });

  it('cannot be mutated by callers', () => {
    // isFrozen rather than assert.throws: writes to frozen objects only throw in strict mode.
    const ssh = findConnectionType('ssh')!;
    assert.ok(Object.isFrozen(connectionTypes));
    assert.ok(Object.isFrozen(connectionCategories));
    assert.ok(Object.isFrozen(ssh));
    assert.ok(Object.isFrozen(ssh.notes));
    assert.ok(Object.isFrozen(sapNote('812732')));
  });
});

describe('catalog: SAP Notes', () => {
  it('knows every note a connection type cites', () => {
    for (const t of connectionTypes) {
      for (const n of t.notes) {
        assert.ok(sapNote(n), `${t.id}: note ${n} missing from sap-notes.json`);
      }
    }
  });

  it('knows the support-backbone notes', () => {
    const required = [
      '2923799', '35010', '2791304', '2174416', '2631190', '2738426', '2827658', '2836302',
      '2408073', '2546220', '2508268', '2576306', '2928592', '2865380', '146173', '3235573', '2562127',
    ];
    for (const n of required) assert.ok(sapNote(n), `note ${n} missing`);
  });

  it('records where each note comes from', () => {
    assert.equal(sapNote('2923799')?.source, 'seed-000');
    assert.equal(sapNote('812732')?.source, 'seed-003');
    assert.equal(sapNote('35010')?.source, 'seed-003');
    assert.equal(sapNote('2562127')?.source, 'backbone-facts');
    for (const note of allSapNotes()) {
      assert.ok(['seed-000', 'seed-003', 'backbone-facts'].includes(note.source), `${note.number}: ${note.source}`);
    }
  });

  it('has a title and an about line for every note, and a source for every verified title', () => {
    for (const note of allSapNotes()) {
      assert.match(note.number, /^\d+$/);
      assert.ok(note.title.trim().length > 0, `${note.number}: empty title`);
      assert.ok(note.about.trim().length > 0, `${note.number}: empty about`);
      assert.equal(typeof note.titleVerified, 'boolean', `${note.number}: titleVerified`);
      if (note.titleVerified) assert.match(note.titleSource ?? '', /^https:\/\//, `${note.number}: titleSource`);
    }
  });

  it('accepts note numbers as numbers or strings', () => {
    assert.equal(sapNote(812732)?.number, '812732');
    assert.equal(sapNote(' 812732 ')?.number, '812732');
    assert.equal(sapNote('999999999'), undefined);
  });

  it('lists all notes in ascending order', () => {
    const numbers = allSapNotes().map((n) => Number(n.number));
    assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
    assert.equal(new Set(numbers).size, numbers.length);
    assert.ok(numbers.length >= 45);
  });

  it('builds me.sap.com note links', () => {
    assert.equal(sapNoteUrl('2923799'), 'https://me.sap.com/notes/2923799');
    assert.equal(sapNoteUrl(812732), 'https://me.sap.com/notes/812732');
    assert.throws(() => sapNoteUrl('28/4'), RangeError);
    assert.throws(() => sapNoteUrl(''), RangeError);
  });
});

describe('catalog: suggestConnectionTypeId', () => {
  const cases: Array<[string, string | undefined]> = [
    ['r3support', 'r3-support'],
    ['R3-Support', 'r3-support'],
    ['R/3 Support', 'r3-support'],
    ['R/3 Support with SNC/SSO', 'r3-support-snc'],
    ['SSH Connection', 'ssh'],
    ['hanna', 'hana'],
    ['hana_mdc', 'hana-mdc'],
    ['Citrix Metaframe', 'citrix'],
    ['solution-manger', 'solution-manager'],
    ['integration-repo', 'integration-repository'],
    ['JAVA DEBUG', 'java-debug'],
    ['zzzzzz', undefined],
    ['c', undefined],
    ['ab', undefined],
    ['', undefined],
    ['   ', undefined],
    ['completely-unrelated-thing', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${String(expected)}`, () => {
      assert.equal(suggestConnectionTypeId(input), expected);
    });
  }
});
