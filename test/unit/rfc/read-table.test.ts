import { strict as assert } from 'assert';
import { RfcCallError, type RfcClient } from '../../../src/core/rfc/client';
import { readTable, TableReadError, whereLines, equalsAny } from '../../../src/core/rfc/read-table';
import { RecordedRfcClient } from './recorded-client';

describe('rfc: RFC_READ_TABLE reader', () => {
  it('pages with ROWSKIPS / ROWCOUNT until a short page and parses WA by OFFSET / LENGTH', async () => {
    const client = RecordedRfcClient.from('rfcdes-paged.json');
    const table = await readTable(client, { table: 'RFCDES', fields: ['RFCDEST', 'RFCTYPE', 'RFCOPTIONS'], pageSize: 2 });
    assert.deepEqual(client.received.map((call) => [call.parameters.ROWSKIPS, call.parameters.ROWCOUNT]), [[0, 2], [2, 2], [4, 2]]);
    assert.equal(table.calls, 3);
    assert.equal(table.rows.length, 5);
    assert.equal(table.complete, true);
    assert.deepEqual(table.truncated, []);
    assert.deepEqual(table.rows[0], { RFCDEST: 'SAP-SUPPORT_PORTAL', RFCTYPE: 'H', RFCOPTIONS: 'H=apps.support.sap.com,S=443,N=/sap/bc/bsp/svt/sapping' });
    assert.deepEqual(table.rows[4], { RFCDEST: 'SM_PRDCLNT100_BACK', RFCTYPE: '3', RFCOPTIONS: 'H=sm1.acme.example,S=sapgw00,M=100' });
    assert.deepEqual(table.fields.map((field) => [field.name, field.offset, field.length]), [['RFCDEST', 0, 32], ['RFCTYPE', 32, 1], ['RFCOPTIONS', 33, 400]]);
  });

  it('reads a page that is exactly full and then the empty one after it', async () => {
    const client = RecordedRfcClient.from('cvers-paged.json');
    const table = await readTable(client, { table: 'CVERS', fields: ['COMPONENT', 'RELEASE', 'EXTRELEASE'], pageSize: 2 });
    assert.deepEqual(client.received.map((call) => call.parameters.ROWSKIPS), [0, 2, 4]);
    assert.deepEqual(table.rows.map((row) => `${row.COMPONENT} ${row.RELEASE} ${row.EXTRELEASE}`), ['SAP_ABA 75I 0005', 'SAP_BASIS 754 0005', 'ST-A/PI 01V_731 0003', 'ST-PI 740 0022']);
  });

  it('stops at maxRows and says the result is incomplete', async () => {
    const table = await readTable(RecordedRfcClient.from('rfcdes-paged.json'), { table: 'RFCDES', fields: ['RFCDEST', 'RFCTYPE', 'RFCOPTIONS'], pageSize: 2, maxRows: 3 });
    assert.equal(table.rows.length, 3);
    assert.equal(table.complete, false);
  });

  it('says the result is incomplete when maxRows cuts a short last page, complete when the page ends at the limit', async () => {
    // One page of two rows (shorter than pageSize): without looking at the rows left on the page, it looked like the end of the table.
    const read = (maxRows: number) => readTable(RecordedRfcClient.from('rfcdes-router-password.json'), { table: 'RFCDES', fields: ['RFCDEST', 'RFCTYPE', 'RFCOPTIONS'], pageSize: 10, maxRows });
    const cut = await read(1);
    assert.deepEqual([cut.rows.map((row) => row.RFCDEST), cut.complete], [['SAPOSS'], false]);
    const whole = await read(2);
    assert.deepEqual([whole.rows.map((row) => row.RFCDEST), whole.complete], [['SAPOSS', 'SAPNET_RFC'], true]);
  });

  it('parses delimited rows by the offsets RFC_READ_TABLE returns', async () => {
    const client = RecordedRfcClient.from('cvers-delimited.json');
    const table = await readTable(client, { table: 'CVERS', fields: ['COMPONENT', 'RELEASE', 'EXTRELEASE'], pageSize: 2, delimiter: '|' });
    assert.equal(client.received[0].parameters.DELIMITER, '|');
    assert.deepEqual(table.rows[1], { COMPONENT: 'SAP_BASIS', RELEASE: '754', EXTRELEASE: '0005' });
  });

  it('on DATA_BUFFER_EXCEEDED asks for the widths (NO_DATA), drops the field that does not fit and names it', async () => {
    const client = RecordedRfcClient.from('rfcdes-buffer-exceeded.json');
    const table = await readTable(client, { table: 'RFCDES', fields: ['RFCDEST', 'RFCTYPE', 'RFCOPTIONS'], pageSize: 2 });
    assert.equal(client.received[1].parameters.NO_DATA, 'X');
    assert.deepEqual(client.received[2].parameters.FIELDS, [{ FIELDNAME: 'RFCDEST' }, { FIELDNAME: 'RFCTYPE' }]);
    assert.deepEqual(table.truncated.map((entry) => [entry.field, entry.length]), [['RFCOPTIONS', 1024]]);
    assert.match(table.truncated[0].reason, /RFCOPTIONS \(1024 characters\) does not fit into RFC_READ_TABLE's 512-character row/);
    assert.equal(table.rows.length, 5);
    assert.deepEqual(table.rows[2], { RFCDEST: 'SAPOSS', RFCTYPE: '3' });
  });

  it('marks a field the server cut at 512 characters as truncated and leaves its value out', async () => {
    const table = await readTable(RecordedRfcClient.from('rfcdes-cut-row.json'), { table: 'RFCDES', fields: ['RFCDEST', 'RFCTYPE', 'RFCOPTIONS'] });
    assert.deepEqual(table.truncated.map((entry) => entry.field), ['RFCOPTIONS']);
    assert.match(table.truncated[0].reason, /RFCDES-RFCOPTIONS \(1024 characters at offset 33\) ends beyond RFC_READ_TABLE's 512-character row/);
    assert.deepEqual(table.rows[0], { RFCDEST: 'SAP-SUPPORT_PORTAL', RFCTYPE: 'H' });
  });

  it('turns RFC exceptions into clear messages', async () => {
    await assert.rejects(readTable(RecordedRfcClient.from('cwbntcust-not-authorized.json'), { table: 'CWBNTCUST', fields: ['NUMM'] }), (error: unknown) => {
      assert.ok(error instanceof TableReadError);
      assert.equal(error.key, 'NOT_AUTHORIZED');
      assert.match(error.message, /may not read table CWBNTCUST .*S_TABU_DIS.*S_TABU_NAM for CWBNTCUST/);
      return true;
    });
    await assert.rejects(readTable(RecordedRfcClient.from('cvers-table-not-available.json'), { table: 'CVERS', fields: ['COMPONENT'] }), /Table CVERS does not exist in the system \(RFC_READ_TABLE raised TABLE_NOT_AVAILABLE\)/);
    const noRfcAuthority: RfcClient = {
      call: async () => {
        throw new RfcCallError('RFC_READ_TABLE', 'RFC_NO_AUTHORITY', 'User X has no RFC authorization for function module RFC_READ_TABLE.');
      },
      close: async () => undefined,
    };
    await assert.rejects(readTable(noRfcAuthority, { table: 'CVERS', fields: ['COMPONENT'] }), /needs S_RFC for function group SDTX/);
  });

  it('splits the WHERE clause into OPTIONS lines of at most 72 characters', () => {
    const where = equalsAny('NUMM', ['0002408073', '0002546220', '0002508268', '0002576306', "O'BRIEN"]);
    const lines = whereLines(where);
    assert.ok(lines.every((line) => line.TEXT.length <= 72));
    assert.equal(lines.map((line) => line.TEXT).join(' '), where);
    assert.match(where, /NUMM EQ 'O''BRIEN'/);
  });
});
