import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RfcCallError, type RfcClient } from '../../../src/core/rfc/client';

/** One recorded call: what it was asked (the parameters that must match) and what came back. */
export interface RecordedCall {
  function: string;
  /** Only these parameters are compared; FIELDS and OPTIONS as lists of names / texts. */
  parameters: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { key: string; message: string };
}

export const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'rfc');

export function loadRecording(...names: string[]): RecordedCall[] {
  return names.flatMap((name) => (JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as { calls: RecordedCall[] }).calls);
}

/**
 * Test double of RfcClient: replays recorded RFC_READ_TABLE results (shaped exactly as node-rfc
 * returns them) and fails on any call it has no recording for. Keeps the calls it received.
 */
export class RecordedRfcClient implements RfcClient {
  readonly received: Array<{ function: string; parameters: Record<string, unknown> }> = [];
  closed = false;

  constructor(private readonly calls: readonly RecordedCall[]) {}

  static from(...fixtures: string[]): RecordedRfcClient {
    return new RecordedRfcClient(loadRecording(...fixtures));
  }

  async call(functionModule: string, parameters: Record<string, unknown>): Promise<Record<string, unknown>> {
    this.received.push({ function: functionModule, parameters });
    const recorded = this.calls.find((call) => call.function === functionModule && matches(call.parameters, parameters));
    if (!recorded) throw new Error(`No recording for ${functionModule} ${JSON.stringify(normalise(parameters))}`);
    if (recorded.error) throw new RfcCallError(functionModule, recorded.error.key, recorded.error.message);
    return JSON.parse(JSON.stringify(recorded.result ?? {})) as Record<string, unknown>;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

function normalise(parameters: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...parameters };
  if (Array.isArray(parameters.FIELDS)) result.FIELDS = (parameters.FIELDS as Array<{ FIELDNAME: string }>).map((field) => field.FIELDNAME);
  if (Array.isArray(parameters.OPTIONS)) result.OPTIONS = (parameters.OPTIONS as Array<{ TEXT: string }>).map((line) => line.TEXT);
  return result;
}

function matches(recorded: Record<string, unknown>, given: Record<string, unknown>): boolean {
  const actual = normalise(given);
  if (!('NO_DATA' in recorded) && actual.NO_DATA) return false;
  return Object.entries(recorded).every(([key, value]) => JSON.stringify(value) === JSON.stringify(actual[key]));
}
