import type { RfcClient } from './client';
import { LIVE_TABLE_DEFAULTS, type LiveTableOptions } from './live-rules';
import { equalsAny, readTable, TableReadError, type ReadTableRequest, type TruncatedField } from './read-table';

/** What one table gave: rows, or why it could not be read (`notReadable`: the source cannot show it at all, e.g. RFCDES over ADT). */
export type LiveSection<Row> = { ok: true; rows: Row[]; truncated: TruncatedField[]; complete: boolean } | { ok: false; error: string; notReadable?: boolean };

export interface LiveDestination {
  name: string;
  type: string;
  /** RFCOPTIONS as read; undefined when it was truncated (then hosts are not compared). */
  options?: string;
  /** `H=` of RFCOPTIONS: a host or a route `/H/router/S/.../H/host`. */
  host?: string;
  /** `S=` of RFCOPTIONS: service or port. */
  service?: string;
}

export interface LiveComponent {
  name: string;
  release: string;
  /** EXTRELEASE as a number (support package level), when it is one. */
  sp?: number;
}

export interface LiveNote {
  number: string;
  status: string;
}

export interface LiveSystemData {
  sid: string;
  /** How it was read: RFC (RFC_READ_TABLE) or HTTPS (ADT). */
  source?: 'rfc' | 'https';
  destinations?: LiveSection<LiveDestination>;
  components?: LiveSection<LiveComponent>;
  notes?: LiveSection<LiveNote>;
}

export interface LiveReadOptions {
  tables?: LiveTableOptions;
  /** Which parts to read (default: all three). */
  parts?: Array<'destinations' | 'components' | 'notes'>;
  /** Passed to every readTable call (paging; tests use small pages). */
  reading?: Pick<ReadTableRequest, 'pageSize' | 'maxRows' | 'delimiter' | 'rowWidth'>;
}

/** Reads RFCDES, CVERS and CWBNTCUST (read-only). A table that cannot be read becomes an error section. */
export async function readLiveSystem(client: RfcClient, sid: string, options: LiveReadOptions = {}): Promise<LiveSystemData> {
  const tables = options.tables ?? LIVE_TABLE_DEFAULTS;
  const parts = new Set(options.parts ?? ['destinations', 'components', 'notes']);
  const data: LiveSystemData = { sid, source: 'rfc' };
  if (parts.has('destinations')) {
    const t = tables.destinations;
    data.destinations = await section(readTable(client, { ...options.reading, table: t.table, fields: [t.name, t.type, t.options] }), (row) => {
      const text = row[t.options];
      const parsed = text === undefined ? {} : parseRfcOptions(text);
      return { name: row[t.name] ?? '', type: row[t.type] ?? '', options: text, host: parsed.H, service: parsed.S };
    });
  }
  if (parts.has('components')) {
    const t = tables.components;
    data.components = await section(readTable(client, { ...options.reading, table: t.table, fields: [t.name, t.release, t.sp] }), (row) => {
      const sp = row[t.sp];
      return { name: row[t.name] ?? '', release: row[t.release] ?? '', ...(sp !== undefined && /^\d+$/.test(sp) ? { sp: Number(sp) } : {}) };
    });
  }
  if (parts.has('notes')) {
    const t = tables.notes;
    const numbers = t.required.map((note) => note.padStart(10, '0'));
    data.notes = await section(readTable(client, { ...options.reading, table: t.table, fields: [t.number, t.status], where: equalsAny(t.number, numbers) }), (row) => ({
      number: (row[t.number] ?? '').replace(/^0+/, ''),
      status: row[t.status] ?? '',
    }));
  }
  return data;
}

async function section<Row>(reading: Promise<import('./read-table').TableRows>, toRow: (row: Record<string, string>) => Row): Promise<LiveSection<Row>> {
  try {
    const table = await reading;
    return { ok: true, rows: table.rows.map(toRow), truncated: table.truncated, complete: table.complete };
  } catch (error) {
    if (error instanceof TableReadError) return { ok: false, error: error.message };
    throw error;
  }
}

/**
 * RFCOPTIONS is a comma-separated list of `KEY=value` (`H=host,S=sapgw00,M=100,U=USER,...`).
 * This layout is community-sourced (confidence C); unknown keys are kept, odd text is ignored.
 */
export function parseRfcOptions(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const pattern = /(?:^|,)([A-Za-z0-9^]{1,3})=([^,]*)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) if (!(match[1] in result)) result[match[1]] = match[2].trim();
  return result;
}
