import type { CalendarDay, Instant } from '@salesos/kernel';

const msPerDay = 86_400_000;
/** The furthest ahead any clock on earth runs (UTC+14). */
const furthestOffsetMs = 14 * 3_600_000;

/** Midnight UTC of a `YYYY-MM-DD` day: days are counted on UTC so that no time zone or summer time shifts them. */
const utc = (day: CalendarDay): number => Date.parse(`${day}T00:00:00Z`);

const parts = (day: CalendarDay): [number, number, number] => [
  Number(day.slice(0, 4)),
  Number(day.slice(5, 7)),
  Number(day.slice(8, 10)),
];

/** How many days a month has; `month` counts from 1. */
const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

const utcDayAt = (ms: number): CalendarDay => new Date(ms).toISOString().slice(0, 10);

/** The day an instant was written on, in the offset it was written with. */
export const dayOf = (instant: string): CalendarDay => instant.slice(0, 10);

/** The day of an instant in UTC: the day the platform's own processes (timers) act on, wherever it was written. */
export const utcDayOf = (instant: Instant): CalendarDay => utcDayAt(Date.parse(instant));

/**
 * The latest day anywhere on earth at an instant. A business date is written in the writer's own time zone, which the
 * server does not know: only a day no place has reached yet is surely in the future.
 */
export const latestDayOnEarth = (instant: Instant): CalendarDay => utcDayAt(Date.parse(instant) + furthestOffsetMs);

/** The day `count` days after `day` (before it when negative). */
export function addDays(day: CalendarDay, count: number): CalendarDay {
  return utcDayAt(utc(day) + count * msPerDay);
}

/** How many days lie from `from` to `to`: 1 from a day to the next, negative when `to` is earlier. */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((utc(to) - utc(from)) / msPerDay);
}

/**
 * The same day `count` months later; a month without that day gives its last day (31 January + 1 month is
 * 28 or 29 February), as contracts and certificates count months: a validity of N months never runs into month N + 1.
 */
export function addMonths(day: CalendarDay, count: number): CalendarDay {
  const [year, month, date] = parts(day);
  const target = new Date(Date.UTC(year, month - 1 + count, 1));
  const last = daysInMonth(target.getUTCFullYear(), target.getUTCMonth() + 1);
  target.setUTCDate(Math.min(date, last));
  return target.toISOString().slice(0, 10);
}

/**
 * How many whole months lie from `from` to `to`, counted as `addMonths` counts them: the most months that, added to
 * `from`, do not pass `to` (31 January to 28 February is one month). Negative when `to` is earlier.
 */
export function wholeMonthsBetween(from: CalendarDay, to: CalendarDay): number {
  const [fromYear, fromMonth] = parts(from);
  const [toYear, toMonth] = parts(to);
  const months = (toYear - fromYear) * 12 + (toMonth - fromMonth);
  return addMonths(from, months) > to ? months - 1 : months;
}
