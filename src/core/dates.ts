/**
 * Calendar arithmetic on whole days (UTC), so "today" from `--now` gives the same result on
 * every machine and time zone.
 */
const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-](\d{2}):?(\d{2}))$/;

/** Days since 1970-01-01 for an ISO date, or undefined for anything else (including 2026-02-30). */
export function parseDay(text: string): number | undefined {
  const match = DAY_PATTERN.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return ms / DAY_MS;
}

/** Milliseconds since the epoch for an ISO date-time with an explicit zone, or undefined (also for 2026-02-31 or 24:00). */
export function parseDateTime(text: string): number | undefined {
  // Date.parse rolls 2026-02-31 over into March: every field is checked first, as the schema does.
  const match = DATE_TIME_PATTERN.exec(text);
  if (!match || parseDay(match[1]) === undefined) return undefined;
  const [hour, minute, second, zoneHour, zoneMinute] = match.slice(2).map((field) => Number(field ?? 0));
  if (hour > 23 || minute > 59 || second > 59 || zoneHour > 23 || zoneMinute > 59) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Days formatted so far: rules format the same few days (today, a deactivation day) for thousands of findings. */
const formattedDays = new Map<number, string>();

export function formatDay(day: number): string {
  let text = formattedDays.get(day);
  if (text === undefined) {
    if (formattedDays.size >= 4096) formattedDays.clear();
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    formattedDays.set(day, text);
  }
  return text;
}

export function dayOfTime(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

export function dayStartTime(day: number): number {
  return day * DAY_MS;
}

export function todayUtc(): number {
  return dayOfTime(Date.now());
}
