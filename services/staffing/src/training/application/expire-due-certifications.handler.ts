import { Inject, Injectable } from '@nestjs/common';
import type { CalendarDay } from '@salesos/kernel';
import { TrainingError, TrainingErrorCode } from '../domain/training.errors';
import { type DueCertification, DueCertifications } from './due-certifications.port';
import { ExpireCertificationHandler } from './expire-certification.handler';
import { systemCaller } from './training-streams';

/** How many due certifications one page expires; the next page takes the rest. */
const perPage = 100;

export interface CertificationExpiryRun {
  /** The certifications this run expired. */
  expired: DueCertification[];
  /**
   * Those it left, with the record's refusal: expired already (an earlier run), renewed or not due (the view had not
   * caught up with the record), or a record that does not hold it (for whoever keeps the view to look at).
   */
  skipped: Array<DueCertification & { code: TrainingErrorCode }>;
}

/**
 * Expires every certification due by a day, as the timer asks once a day. Each expiry's command id is the
 * certification itself, so a run repeated, or run on two replicas at once, records each expiry once.
 */
@Injectable()
export class ExpireDueCertificationsHandler {
  constructor(
    @Inject(DueCertifications) private readonly due: DueCertifications,
    @Inject(ExpireCertificationHandler) private readonly expire: ExpireCertificationHandler,
  ) {}

  async execute(asOf: CalendarDay): Promise<CertificationExpiryRun> {
    const run: CertificationExpiryRun = { expired: [], skipped: [] };
    for (;;) {
      const page = await this.due.dueBy(asOf, perPage);
      const before = run.expired.length;
      for (const certification of page) await this.expireOne(certification, run);
      // A view that lags keeps offering what was just skipped: stop when a page brought nothing new.
      if (page.length < perPage || run.expired.length === before) return run;
    }
  }

  private async expireOne(certification: DueCertification, run: CertificationExpiryRun): Promise<void> {
    const { personId, divisionId, courseId, expiresOn } = certification;
    const caller = systemCaller(divisionId, 'certification-expiry', `expire:${personId}:${courseId}:${expiresOn}`);
    try {
      const result = await this.expire.execute(personId, courseId, expiresOn, caller);
      if (result.repeated) run.skipped.push({ ...certification, code: TrainingErrorCode.CertificationAlreadyExpired });
      else run.expired.push(certification);
    } catch (error) {
      // One record's refusal does not hold up the others' expiries; a failure of the store does.
      if (!(error instanceof TrainingError)) throw error;
      run.skipped.push({ ...certification, code: error.code });
    }
  }
}
