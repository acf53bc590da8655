import { Type } from '@sinclair/typebox';
import type { CalendarDay } from '@salesos/kernel';
import { wholeMonthsBetween } from '../../core/domain/calendar-days';
import { invalidPersonInput } from './person.errors';

/** The longest ramp a schedule may describe: three years. */
export const maxRampMonths = 36;

/**
 * A ramp schedule: the share of full quota a new hire carries in each month of tenure, the first month first. The
 * shares never fall and the last is 1, so after the schedule the person carries full quota.
 */
export const RampSchedule = Type.Array(Type.Number({ exclusiveMinimum: 0, maximum: 1 }), {
  minItems: 1,
  maxItems: maxRampMonths,
});

/** Refuses a schedule that is not a ramp up to full quota, naming the month at fault (`monthlyShares[2]`). */
export function checkRampSchedule(monthlyShares: readonly number[]): void {
  if (monthlyShares.length === 0 || monthlyShares.length > maxRampMonths) {
    throw invalidPersonInput('monthlyShares', `A ramp lists 1 to ${maxRampMonths} monthly shares`);
  }
  monthlyShares.forEach((share, month) => {
    const field = `monthlyShares[${month}]`;
    if (!Number.isFinite(share) || share <= 0 || share > 1) {
      throw invalidPersonInput(field, 'A monthly share of full quota lies above 0 and at most 1');
    }
    const before = monthlyShares[month - 1];
    if (before !== undefined && share < before) {
      throw invalidPersonInput(field, `A ramp does not fall: month ${month + 1} carries less than month ${month}`);
    }
  });
  if (monthlyShares[monthlyShares.length - 1] !== 1) {
    throw invalidPersonInput(
      `monthlyShares[${monthlyShares.length - 1}]`,
      'A ramp ends at full quota: its last monthly share is 1',
    );
  }
}

/**
 * The share of full quota a person hired on `hiredOn` carries on `date`: the schedule's share for the month of
 * tenure the date falls in (the first month runs from the first day to the day before the same day a month later),
 * full quota once the schedule is over, and none before the first day.
 */
export function rampShareAt(monthlyShares: readonly number[], hiredOn: CalendarDay, date: CalendarDay): number {
  if (date < hiredOn) return 0;
  return monthlyShares[wholeMonthsBetween(hiredOn, date)] ?? 1;
}
