import type { CalendarDay, Instant } from '@salesos/kernel';

const msPerDay = 86_400_000;
/** The furthest ahead any clock on earth runs (UTC+14). */
const furthestOffsetMs = 14 * 3_600_000;

/** Midnight UTC of a day: days are counted on UTC so that no time zone or summer time shifts them. */
const utc = (day: CalendarDay): number => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number): CalendarDay => new Date(ms).toISOString().slice(0, 10);

/** The day `count` days after `day` (before it when negative). */
export function addDays(day: CalendarDay, count: number): CalendarDay {
  return dayOf(utc(day) + count * msPerDay);
}

/**
 * The same day of the month `count` months later. A day the target month lacks falls on its last day (31 March plus
 * one month is 30 April), so a validity of N months never runs into month N + 1.
 */
export function addMonths(day: CalendarDay, count: number): CalendarDay {
  const start = new Date(utc(day));
  const dayOfMonth = start.getUTCDate();
  const firstOfTarget = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + count, 1);
  const target = new Date(firstOfTarget);
  const lastOfTarget = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return dayOf(firstOfTarget + (Math.min(dayOfMonth, lastOfTarget) - 1) * msPerDay);
}

/**
 * The latest day anywhere on earth at an instant. A business date is written in the writer's own time zone, which the
 * server does not know: only a day no place has reached yet is surely in the future.
 */
export function latestDayOnEarth(now: Instant): CalendarDay {
  return dayOf(Date.parse(now) + furthestOffsetMs);
}

/** The day of an instant in UTC: the day the platform's own processes (the expiry timer) act on. */
export function utcDayOf(now: Instant): CalendarDay {
  return dayOf(Date.parse(now));
}
