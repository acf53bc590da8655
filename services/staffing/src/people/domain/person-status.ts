import type { CalendarDay } from '@salesos/kernel';
import type { Person } from './person.state';
import { rampShareAt } from './ramp-schedule';

/** Where a person stands on a day: before their first day, at work, on leave, or gone. */
export const personDayStatuses = ['upcoming', 'employed', 'on-leave', 'departed'] as const;
export type PersonDayStatus = (typeof personDayStatuses)[number];

/** Whether a leave covers a day: from its first day up to, not including, the first day back. */
const coversDay = (leave: Person['leaves'][number], day: CalendarDay): boolean =>
  leave.startsOn <= day && (leave.returnsOn === undefined || day < leave.returnsOn);

/**
 * The person's standing on a day. A departure or a leave recorded ahead of its day counts only from that day, as
 * memberships do: the record says `departed` at once, but the person still works until then.
 */
export function statusOn(person: Person, day: CalendarDay): PersonDayStatus {
  if (day < person.hiredOn) return 'upcoming';
  if (person.departure !== undefined && day >= person.departure.departedOn) return 'departed';
  return person.leaves.some((leave) => coversDay(leave, day)) ? 'on-leave' : 'employed';
}

/**
 * The share of full quota the person carries on a day: their ramp schedule's share for that month of tenure (full
 * quota without a schedule), none before their first day nor from their departure on. A leave does not change it: the
 * quota of a month on leave is the planners' to reduce.
 */
export function quotaShareOn(person: Person, day: CalendarDay): number {
  if (statusOn(person, day) === 'departed') return 0;
  return rampShareAt(person.rampSchedule ?? [], person.hiredOn, day);
}
