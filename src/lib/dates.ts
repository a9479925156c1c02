// Strict content dates, read and shown in the site's time zone so that a build gives
// the same output whatever `TZ` the machine runs under.

export const DATE_FORMAT_HINT =
  'Write a calendar date like 2026-03-10, or a date and time with an offset like 2026-03-10T09:30:00+01:00.';

export type DateParseResult = { ok: true; date: Date } | { ok: false; reason: string };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockIn(date: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 0,
    day: parts['day'] ?? 0,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/** Minutes to add to UTC to get the wall-clock time in `timeZone` at `date`. */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const wall = wallClockIn(date, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const wholeSeconds = Math.floor(date.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - wholeSeconds) / 60_000);
}

/** The instant at which the calendar day starts in `timeZone`. */
export function startOfDayInZone(year: number, month: number, day: number, timeZone: string): Date {
  const asUtc = Date.UTC(year, month - 1, day);
  const firstGuess = asUtc - zoneOffsetMinutes(new Date(asUtc), timeZone) * 60_000;
  const corrected = asUtc - zoneOffsetMinutes(new Date(firstGuess), timeZone) * 60_000;
  return new Date(corrected);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkCalendarDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) return `day ${day} does not exist in ${year}-${String(month).padStart(2, '0')}`;
  return undefined;
}

/**
 * Parses a frontmatter date. A calendar date means the start of that day in the site's
 * time zone; a date-time must carry its own offset. Anything else is rejected rather than
 * guessed at (`Date.parse` accepts "yesterday"-like input on some engines and rolls
 * 2024-13-45 over into 2025).
 */
export function parseContentDate(value: unknown, timeZone: string): DateParseResult {
  if (value instanceof Date) {
    return { ok: false, reason: 'a date object cannot say which time zone it meant; quote the date' };
  }
  if (typeof value !== 'string' || value.trim() === '') {
    return { ok: false, reason: 'the date is empty' };
  }
  const text = value.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    const problem = checkCalendarDate(year, month, day);
    if (problem) return { ok: false, reason: `"${text}" is not a real date (${problem})` };
    return { ok: true, date: startOfDayInZone(year, month, day, timeZone) };
  }
  const dateTime = DATE_TIME.exec(text);
  if (dateTime) {
    const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(dateTime[i])) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const second = Number(dateTime[6] ?? 0);
    const problem =
      checkCalendarDate(year, month, day) ??
      (hour > 23 ? `hour ${hour} does not exist` : undefined) ??
      (minute > 59 ? `minute ${minute} does not exist` : undefined) ??
      (second > 59 ? `second ${second} does not exist` : undefined);
    if (problem) return { ok: false, reason: `"${text}" is not a real date (${problem})` };
    const offset = dateTime[8] ?? 'Z';
    if (offset !== 'Z' && Number(offset.slice(1, 3)) > 14) {
      return { ok: false, reason: `"${text}" has an impossible offset ${offset}` };
    }
    return { ok: true, date: new Date(text) };
  }
  return { ok: false, reason: `"${text}" is not a date in a format this site accepts` };
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** ISO 8601 with the site's offset, e.g. `2026-03-10T00:00:00+00:00` (used by JSON-LD, `<time>`, sitemap). */
export function toZonedIsoString(date: Date, timeZone: string): string {
  const wall = wallClockIn(date, timeZone);
  const offset = zoneOffsetMinutes(date, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  return (
    `${wall.year}-${twoDigits(wall.month)}-${twoDigits(wall.day)}` +
    `T${twoDigits(wall.hour)}:${twoDigits(wall.minute)}:${twoDigits(wall.second)}` +
    `${sign}${twoDigits(Math.floor(absolute / 60))}:${twoDigits(absolute % 60)}`
  );
}

/** The year of `date` as the site's readers see it. */
export function yearInZone(date: Date, timeZone: string): number {
  return wallClockIn(date, timeZone).year;
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/** A human date such as "10 March 2026", in the site's language and time zone. */
export function formatDisplayDate(date: Date, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
    displayFormatters.set(key, formatter);
  }
  return formatter.format(date);
}
