import type { CalendarDay } from '@salesos/kernel';
import { addDays } from '../../core/domain/calendar-days';
import { lastsAsLong, type TrainingState } from './training.state';

/** A certification a person holds: valid from `grantedOn` until the day before `expiresOn`, or for good without it. */
export interface HeldCertification {
  courseId: string;
  assessmentId: string;
  grantedOn: CalendarDay;
  expiresOn?: CalendarDay;
}

/**
 * The certifications valid at a date, one per course (the one lasting longest). Read from the dates alone, so the
 * answer does not wait for the expiry timer, and a date in the past is answered as it stood then.
 */
export function certificationsValidAt(state: TrainingState, date: CalendarDay): HeldCertification[] {
  if (state.status === 'none') return [];
  const byCourse = new Map<string, HeldCertification>();
  for (const { courseId, assessmentId, grantedOn, expiresOn } of state.certifications) {
    if (grantedOn > date || (expiresOn !== undefined && expiresOn <= date)) continue;
    const held = byCourse.get(courseId);
    if (held === undefined || !lastsAsLong(held.expiresOn, expiresOn)) {
      byCourse.set(courseId, { courseId, assessmentId, grantedOn, ...(expiresOn === undefined ? {} : { expiresOn }) });
    }
  }
  return [...byCourse.values()];
}

/**
 * The reminders: certifications still valid at `date` that expire within the next `days` days (an expiry on
 * `date + days` included), soonest first. One that never expires is never among them.
 */
export function expiringWithin<C extends { expiresOn?: CalendarDay }>(
  certifications: readonly C[],
  date: CalendarDay,
  days: number,
): Array<C & { expiresOn: CalendarDay }> {
  const last = addDays(date, days);
  return certifications
    .filter((each): each is C & { expiresOn: CalendarDay } => each.expiresOn !== undefined)
    .filter(({ expiresOn }) => expiresOn > date && expiresOn <= last)
    .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn));
}
