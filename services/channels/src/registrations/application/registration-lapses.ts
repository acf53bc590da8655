import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@salesos/http';
import type { MessagingLogger } from '@salesos/messaging';
import { LockedTimer, type ProjectorLock } from '@salesos/projections';
import {
  CHANNELS_LOGGER,
  CHANNELS_REGISTRATION_SETTINGS,
  CHANNELS_TIMERS_LOCK,
  type RegistrationSettings,
} from '../../core/channels-service.tokens';
import { RegistrationError } from '../domain/registration.errors';
import { LapseRegistrationHandler } from './lapse-registration.handler';
import { RegistrationList } from './registration-list.port';

/** How many due registrations one tick lapses; the next tick takes the rest. */
const lapsesPerTick = 100;

/**
 * The durable lapse timer: the registrations table keeps when each accepted registration lapses, and every interval
 * the registrations due by the clock are lapsed. A lapse that fell due while the process was down is found on the
 * first tick after the start; each fires once (deterministic command ids, and the decider refuses a second lapse).
 * One replica runs it at a time, under the service's timers lock.
 */
@Injectable()
export class RegistrationLapses implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timer: LockedTimer;

  constructor(
    @Inject(RegistrationList) private readonly list: RegistrationList,
    @Inject(LapseRegistrationHandler) private readonly lapse: LapseRegistrationHandler,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CHANNELS_REGISTRATION_SETTINGS) settings: RegistrationSettings,
    @Inject(CHANNELS_LOGGER) private readonly logger: MessagingLogger,
    @Inject(CHANNELS_TIMERS_LOCK) lock: ProjectorLock | null,
  ) {
    this.timer = new LockedTimer({
      name: 'channels-registration-lapses',
      lock,
      intervalMs: settings.lapseCheckIntervalMs,
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

  /** Lapses every registration due by the clock's now; returns how many lapsed. */
  async tick(): Promise<number> {
    const now = this.clock.now().toISOString();
    let lapsed = 0;
    for (const due of await this.list.dueLapses(now, lapsesPerTick)) {
      try {
        const result = await this.lapse.execute(due.registrationId, due.divisionId, due.dueAt);
        lapsed += result.events.length > 0 ? 1 : 0;
      } catch (error) {
        // The view may lag behind a progress that moved the due date; the next tick sees the new one.
        if (!(error instanceof RegistrationError)) throw error;
        this.logger.warn('registration not lapsed', { registrationId: due.registrationId, reason: error.message });
      }
    }
    return lapsed;
  }
}
