import { type Static, Type } from '@sinclair/typebox';
import { CalendarDay, Instant } from '@salesos/kernel';

/** When a contact happened: a day for a visit or a training, an instant for a call or an email. */
export const DayOrInstant = Type.Union([CalendarDay, Instant]);
export type DayOrInstant = Static<typeof DayOrInstant>;

const dayLength = 86_400_000;
/** The furthest ahead any clock on earth runs (UTC+14, Kiribati). */
const furthestOffset = 14 * 3_600_000;

const isDay = (value: string): boolean => value.length === 10;

/** The day a contact happened on, as the person who logged it wrote it: an instant's day in its own offset. */
export const contactDay = (happenedAt: DayOrInstant): string => happenedAt.slice(0, 10);

/** Whole days from one calendar day to another; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayLength);
}

/**
 * Whether a contact lies after `now`. An instant is compared as it is; a day only when no place on earth has reached
 * it yet, since the server does not know where the person logging it stands.
 */
export function isAfter(happenedAt: DayOrInstant, now: string): boolean {
  if (isDay(happenedAt)) {
    const latestDayOnEarth = new Date(Date.parse(now) + furthestOffset).toISOString().slice(0, 10);
    return happenedAt > latestDayOnEarth;
  }
  return Date.parse(happenedAt) > Date.parse(now);
}

/** Whether an instant lies before a contact: before its instant, or before its day as written. */
export function isBefore(instant: string, happenedAt: DayOrInstant): boolean {
  return isDay(happenedAt) ? contactDay(instant) < happenedAt : Date.parse(instant) < Date.parse(happenedAt);
}
