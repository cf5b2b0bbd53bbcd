import { parseDateTime, parseDay } from '../dates';
import { portNumber } from '../ports';

/**
 * The formats the schemas use, read by the same functions as the rules and the launch plans
 * (src/core/dates.ts, src/core/ports.ts), so the schema never accepts a date or a port they
 * refuse, nor refuses one they take. scripts/build-schemas.mjs compiles the validators with
 * these and the generated code requires this module at run time.
 */
export const formats = {
  date: (text: string): boolean => parseDay(text) !== undefined,
  'date-time': (text: string): boolean => parseDateTime(text) !== undefined,
  port: { type: 'number' as const, validate: (value: number): boolean => portNumber(value) !== undefined },
};
