import type { CalendarDay } from '@salesos/kernel';

/** A certification whose expiry day has come and whose expiry is not recorded yet. */
export interface DueCertification {
  personId: string;
  divisionId: string;
  courseId: string;
  expiresOn: CalendarDay;
}

/** The certifications of every division that are due to expire, as the training view has them. */
export abstract class DueCertifications {
  /** Certifications expiring on `asOf` or before, not recorded as expired or renewed, earliest expiry first. */
  abstract dueBy(asOf: CalendarDay, limit: number): Promise<DueCertification[]>;
}
