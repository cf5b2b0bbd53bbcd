import { RfcCallError, type RfcClient } from './client';

/**
 * Reading a table over RFC_READ_TABLE (function group SDTX), the read-only function module
 * present in every ABAP system. Its interface: QUERY_TABLE, DELIMITER, NO_DATA, ROWSKIPS,
 * ROWCOUNT; tables OPTIONS (the WHERE clause in lines of 72 characters), FIELDS (FIELDNAME in,
 * OFFSET / LENGTH / TYPE / FIELDTEXT out) and DATA (one WA string of at most 512 characters a
 * row, the fields at their OFFSET and LENGTH). A row wider than 512 characters makes it raise
 * DATA_BUFFER_EXCEEDED; we then drop the fields that do not fit and say which ones.
 */
export const RFC_READ_TABLE = 'RFC_READ_TABLE';

export interface ReadTableRequest {
  table: string;
  fields: readonly string[];
  /** An Open SQL WHERE condition, e.g. `NUMM EQ '0002408073'`; split into 72-character lines. */
  where?: string;
  /** Rows per call (ROWCOUNT); further pages with ROWSKIPS. */
  pageSize?: number;
  /** Stop after this many rows; the result says it is incomplete. */
  maxRows?: number;
  /** A one-character DELIMITER between fields; parsing uses OFFSET / LENGTH either way. */
  delimiter?: string;
  /** Width of a DATA row (512 in SAP's RFC_READ_TABLE). */
  rowWidth?: number;
}

export interface TableField {
  name: string;
  offset: number;
  length: number;
  type: string;
  text: string;
}

/** A requested field whose values are not (fully) in the result: never compare it. */
export interface TruncatedField {
  field: string;
  /** The field's width in the dictionary, when known. */
  length?: number;
  reason: string;
}

export interface TableRows {
  table: string;
  fields: TableField[];
  /** One record a row, keyed by field name, values trimmed. Truncated fields are left out. */
  rows: Array<Record<string, string>>;
  truncated: TruncatedField[];
  /** False when maxRows stopped the reading before the last page. */
  complete: boolean;
  /** RFC calls made (for tests and logs). */
  calls: number;
}

/** A table could not be read; `message` says why in plain words (and which authorization is missing). */
export class TableReadError extends Error {
  constructor(
    readonly table: string,
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = 'TableReadError';
  }
}

const DEFAULT_PAGE_SIZE = 1000;
const DEFAULT_MAX_ROWS = 100_000;
const RFC_READ_TABLE_ROW_WIDTH = 512;

export async function readTable(client: RfcClient, request: ReadTableRequest): Promise<TableRows> {
  const pageSize = request.pageSize ?? DEFAULT_PAGE_SIZE;
  const maxRows = request.maxRows ?? DEFAULT_MAX_ROWS;
  const rowWidth = request.rowWidth ?? RFC_READ_TABLE_ROW_WIDTH;
  const delimiter = request.delimiter ?? '';
  let calls = 0;
  const call = async (fields: readonly string[], extra: Record<string, unknown>): Promise<Record<string, unknown>> => {
    calls++;
    try {
      return await client.call(RFC_READ_TABLE, {
        QUERY_TABLE: request.table,
        DELIMITER: delimiter,
        ...extra,
        OPTIONS: whereLines(request.where ?? ''),
        FIELDS: fields.map((name) => ({ FIELDNAME: name })),
      });
    } catch (error) {
      throw tableError(request.table, fields, error);
    }
  };

  let fields = [...request.fields];
  const truncated: TruncatedField[] = [];
  const rows: Array<Record<string, string>> = [];
  let described: TableField[];
  let complete = true;
  for (let skip = 0; ; ) {
    let result: Record<string, unknown>;
    try {
      result = await call(fields, { ROWSKIPS: skip, ROWCOUNT: pageSize });
    } catch (error) {
      if (!(error instanceof TableReadError) || error.key !== 'DATA_BUFFER_EXCEEDED' || skip > 0) throw error;
      // The row is wider than 512 characters: ask for the widths (NO_DATA) and keep what fits.
      const widths = tableFields(await call(fields, { NO_DATA: 'X' }));
      const fitting = fitIntoRow(fields, widths, rowWidth, delimiter.length);
      truncated.push(...fitting.left);
      fields = fitting.kept;
      if (fields.length === 0) throw new TableReadError(request.table, 'DATA_BUFFER_EXCEEDED', `No requested field of ${request.table} fits into RFC_READ_TABLE's ${rowWidth}-character row.`);
      continue;
    }
    described = tableFields(result);
    for (const field of described) {
      if (field.offset + field.length > rowWidth && !truncated.some((entry) => entry.field === field.name)) {
        truncated.push({
          field: field.name,
          length: field.length,
          reason: `${request.table}-${field.name} (${field.length} characters at offset ${field.offset}) ends beyond RFC_READ_TABLE's ${rowWidth}-character row, so its value is cut off`,
        });
      }
    }
    const readable = described.filter((field) => !truncated.some((entry) => entry.field === field.name));
    const data = Array.isArray(result.DATA) ? (result.DATA as Array<{ WA?: unknown }>) : [];
    const page = data.slice(0, maxRows - rows.length);
    for (const line of page) {
      const wa = typeof line?.WA === 'string' ? line.WA : '';
      const row: Record<string, string> = {};
      for (const field of readable) row[field.name] = wa.slice(field.offset, field.offset + field.length).trim();
      rows.push(row);
    }
    if (data.length < pageSize && page.length === data.length) break; // the table ended within the limit
    if (rows.length >= maxRows) {
      // Rows of this page were left out, or a full page ended at the limit and more may follow.
      complete = false;
      break;
    }
    skip += pageSize;
  }
  return { table: request.table, fields: described, rows, truncated, complete, calls };
}

/** FIELDS as returned: OFFSET and LENGTH arrive as NUMC strings ("000032"). */
function tableFields(result: Record<string, unknown>): TableField[] {
  const fields = Array.isArray(result.FIELDS) ? (result.FIELDS as Array<Record<string, string | number | undefined>>) : [];
  return fields.map((field) => ({
    name: String(field.FIELDNAME ?? '').trim(),
    offset: Number(field.OFFSET ?? 0),
    length: Number(field.LENGTH ?? 0),
    type: String(field.TYPE ?? '').trim(),
    text: String(field.FIELDTEXT ?? '').trim(),
  }));
}

function fitIntoRow(fields: readonly string[], widths: readonly TableField[], rowWidth: number, delimiterWidth: number): { kept: string[]; left: TruncatedField[] } {
  const kept: string[] = [];
  const left: TruncatedField[] = [];
  let used = 0;
  for (const name of fields) {
    const length = widths.find((field) => field.name === name)?.length ?? 0;
    const needed = (kept.length > 0 ? delimiterWidth : 0) + length;
    if (used + needed <= rowWidth) {
      kept.push(name);
      used += needed;
    } else {
      left.push({ field: name, length, reason: `${name} (${length} characters) does not fit into RFC_READ_TABLE's ${rowWidth}-character row next to the other fields, so it was not read` });
    }
  }
  return { kept, left };
}

/** The WHERE clause as OPTIONS lines of at most 72 characters, broken at spaces. */
export function whereLines(where: string): Array<{ TEXT: string }> {
  const lines: Array<{ TEXT: string }> = [];
  let current = '';
  for (const word of where.split(/\s+/).filter(Boolean)) {
    if (word.length > 72) throw new Error(`A word of the WHERE clause is longer than 72 characters: ${word.slice(0, 20)}...`);
    const next = current ? `${current} ${word}` : word;
    if (next.length > 72) {
      lines.push({ TEXT: current });
      current = word;
    } else current = next;
  }
  if (current) lines.push({ TEXT: current });
  return lines;
}

/** `FIELD EQ 'a' OR FIELD EQ 'b'`, quotes doubled. */
export function equalsAny(field: string, values: readonly string[]): string {
  return values.map((value) => `${field} EQ '${value.replace(/'/g, "''")}'`).join(' OR ');
}

function tableError(table: string, fields: readonly string[], error: unknown): Error {
  if (!(error instanceof RfcCallError)) return error instanceof Error ? error : new Error(String(error));
  const key = error.key;
  const messages: Record<string, string> = {
    TABLE_NOT_AVAILABLE: `Table ${table} does not exist in the system (RFC_READ_TABLE raised TABLE_NOT_AVAILABLE).`,
    TABLE_WITHOUT_DATA: `Table ${table} cannot be read with RFC_READ_TABLE (TABLE_WITHOUT_DATA).`,
    NOT_AUTHORIZED:
      `The RFC user may not read table ${table} (RFC_READ_TABLE raised NOT_AUTHORIZED): it needs display authorization (ACTVT 03) ` +
      `in S_TABU_DIS for the table's authorization group, or in S_TABU_NAM for ${table}.`,
    FIELD_NOT_VALID: `Table ${table} has no field among ${fields.join(', ')} in this release (RFC_READ_TABLE raised FIELD_NOT_VALID).`,
    OPTION_NOT_VALID: `The selection on ${table} was rejected (RFC_READ_TABLE raised OPTION_NOT_VALID).`,
    DATA_BUFFER_EXCEEDED: `The fields ${fields.join(', ')} of ${table} do not fit into RFC_READ_TABLE's 512-character row (DATA_BUFFER_EXCEEDED).`,
  };
  const message =
    messages[key] ??
    (/AUTHORITY|NOT_AUTHORIZED/.test(key)
      ? `The RFC user may not call RFC_READ_TABLE (${key}): it needs S_RFC for function group SDTX (or function module RFC_READ_TABLE), ACTVT 16. ${error.message}`
      : `Reading ${table} failed: ${key}: ${error.message}`);
  return new TableReadError(table, key, message);
}
