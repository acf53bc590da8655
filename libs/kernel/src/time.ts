import { type Static, Type } from '@sinclair/typebox';

/**
 * A day of the calendar, `YYYY-MM-DD`, and a real one (no 2026-02-30). The only form a day takes anywhere on the
 * platform: week dates, ordinal dates and compact forms are refused.
 */
export const CalendarDay = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export type CalendarDay = Static<typeof CalendarDay>;

/** An instant: an RFC 3339 date-time with its offset (`Z` or `+02:00`), so that it names one moment. */
export const Instant = Type.String({ format: 'date-time' });
export type Instant = Static<typeof Instant>;

const dayShape = /^(\d{4})-(\d{2})-(\d{2})$/;
const instantShape =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):([0-5]\d))$/i;

function realDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether a string is a calendar day in the one accepted form. */
export function isCalendarDay(value: string): boolean {
  const match = dayShape.exec(value);
  return match !== null && realDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Whether a string is an RFC 3339 instant with an offset, on a real day. */
export function isInstant(value: string): boolean {
  const match = instantShape.exec(value);
  return match !== null && realDay(Number(match[1]), Number(match[2]), Number(match[3]));
}
