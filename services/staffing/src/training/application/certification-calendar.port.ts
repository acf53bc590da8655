import type { CalendarDay } from '@salesos/kernel';
import { DueCertifications } from './due-certifications.port';

/** A person's current certification of a course that expires on a day. */
export interface ExpiringCertification {
  personId: string;
  divisionId: string;
  courseId: string;
  assessmentId: string;
  grantedOn: CalendarDay;
  expiresOn: CalendarDay;
}

/**
 * Each person's current certification of each course, by the day it expires: what falls due for the expiry timer,
 * and the reminders of what expires soon.
 */
export abstract class CertificationCalendar extends DueCertifications {
  /**
   * The division's certifications valid on `from` that expire by `to` (that day included), soonest first; only
   * these people's when `personIds` is given.
   */
  abstract expiringBetween(
    divisionId: string,
    from: CalendarDay,
    to: CalendarDay,
    personIds?: readonly string[],
  ): Promise<ExpiringCertification[]>;
}
