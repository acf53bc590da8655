import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@salesos/http';
import type { MessagingLogger } from '@salesos/messaging';
import type { ProjectorLease, ProjectorLock } from '@salesos/projections';
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
  private lease: ProjectorLease | undefined;
  private readonly stopping = new AbortController();
  private running: Promise<number> | undefined;

  constructor(
    @Inject(RegistrationList) private readonly list: RegistrationList,
    @Inject(LapseRegistrationHandler) private readonly lapse: LapseRegistrationHandler,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CHANNELS_REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
    @Inject(CHANNELS_LOGGER) private readonly logger: MessagingLogger,
    @Inject(CHANNELS_TIMERS_LOCK) private readonly lock: ProjectorLock | null,
  ) {}

  onApplicationBootstrap(): void {
    void this.keepTicking();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.running?.catch(() => undefined);
    await this.lease?.release().catch(() => undefined);
  }

  /**
   * Ticks while this replica holds the timers lock; a lease lost (its database connection dropped, say) is given up
   * and the lock asked for again, so the timer resumes here or on the replica that now holds it.
   */
  private async keepTicking(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      if (this.lock !== null) {
        try {
          this.lease = await this.lock.acquire('channels-registration-lapses', signal);
        } catch (error) {
          if (signal.aborted) return;
          this.logger.error('lapse timer lock failed; asking again', { error: String(error) });
          await pause(this.settings.lapseCheckIntervalMs, signal);
          continue;
        }
      }
      await this.tickWhileHeld();
      await this.lease?.release().catch(() => undefined);
      this.lease = undefined;
      if (!signal.aborted) this.logger.warn('lapse timer lost its lock; asking for it again');
    }
  }

  /** Resolves once the lease is lost or the service stops. */
  private tickWhileHeld(): Promise<void> {
    return new Promise((resolve) => {
      const stop = () => {
        clearInterval(timer);
        this.stopping.signal.removeEventListener('abort', stop);
        resolve();
      };
      const beat = () => {
        if (this.stopping.signal.aborted || (this.lease !== undefined && !this.lease.isHeld())) return stop();
        if (this.running !== undefined) return;
        this.running = this.tick()
          .catch((error: unknown) => {
            this.logger.error('lapse timer tick failed', { error: String(error) });
            return 0;
          })
          .finally(() => {
            this.running = undefined;
          });
      };
      const timer = setInterval(beat, this.settings.lapseCheckIntervalMs);
      timer.unref();
      this.stopping.signal.addEventListener('abort', stop);
      beat();
    });
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

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
