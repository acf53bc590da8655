import type { CalendarDay } from '@salesos/kernel';

const msPerDay = 86_400_000;

/** Midnight UTC of a `YYYY-MM-DD` day: days are counted on UTC so that no time zone or summer time shifts them. */
const utc = (day: CalendarDay): number => Date.parse(`${day}T00:00:00Z`);

/** The day `count` days after `day` (before it when negative). */
export function addDays(day: CalendarDay, count: number): CalendarDay {
  return new Date(utc(day) + count * msPerDay).toISOString().slice(0, 10);
}

/** How many days lie from `from` to `to`: 1 from a day to the next, negative when `to` is earlier. */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((utc(to) - utc(from)) / msPerDay);
}
