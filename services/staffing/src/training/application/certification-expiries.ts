import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@salesos/http';
import type { MessagingLogger } from '@salesos/messaging';
import { LockedTimer, type ProjectorLock } from '@salesos/projections';
import { utcDayOf } from '../../core/domain/calendar-days';
import {
  STAFFING_LOGGER,
  STAFFING_TIMERS_LOCK,
  STAFFING_TRAINING_SETTINGS,
  type TrainingSettings,
} from '../../core/staffing-service.tokens';
import { TrainingErrorCode } from '../domain/training.errors';
import { type CertificationExpiryRun, ExpireDueCertificationsHandler } from './expire-due-certifications.handler';

/**
 * The durable expiry timer: the certifications view keeps the day each certification falls due, and every interval
 * (hourly by default) the certifications due by the day, in UTC, are expired, so each expires on the first look of
 * its day, or on the first after a start when it fell due while no replica ran. Each expiry is recorded once
 * (deterministic command ids, and the decider refuses a second one). One replica runs it at a time, under the
 * service's timers lock.
 */
@Injectable()
export class CertificationExpiries implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timer: LockedTimer;

  constructor(
    @Inject(ExpireDueCertificationsHandler) private readonly expireDue: ExpireDueCertificationsHandler,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(STAFFING_TRAINING_SETTINGS) settings: TrainingSettings,
    @Inject(STAFFING_LOGGER) private readonly logger: MessagingLogger,
    @Inject(STAFFING_TIMERS_LOCK) lock: ProjectorLock | null,
  ) {
    this.timer = new LockedTimer({
      name: 'staffing-certification-expiries',
      lock,
      intervalMs: settings.expiryCheckIntervalMs,
      tick: () => this.tick(),
      logger,
    });
  }

  onApplicationBootstrap(): void {
    this.timer.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.timer.stop();
  }

  /** Expires every certification due by the clock's day; says which the records refused, for whoever keeps the view. */
  async tick(): Promise<CertificationExpiryRun> {
    const run = await this.expireDue.execute(utcDayOf(this.clock.now().toISOString()));
    if (run.expired.length > 0) this.logger.info('certifications expired', { count: run.expired.length });
    for (const skipped of run.skipped) {
      // Expired already is a run repeated; anything else is a view out of step with the records.
      if (skipped.code === TrainingErrorCode.CertificationAlreadyExpired) continue;
      this.logger.warn('certification not expired', { ...skipped });
    }
    return run;
  }
}
