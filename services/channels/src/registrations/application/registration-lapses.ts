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
  private timer: NodeJS.Timeout | undefined;
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
    void this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    await this.lease?.release().catch(() => undefined);
  }

  private async start(): Promise<void> {
    if (this.lock !== null) {
      try {
        this.lease = await this.lock.acquire('channels-registration-lapses', this.stopping.signal);
      } catch (error) {
        if (!this.stopping.signal.aborted) this.logger.error('lapse timer lock failed', { error: String(error) });
        return;
      }
    }
    if (this.stopping.signal.aborted) return;
    const beat = () => {
      if (this.running !== undefined || (this.lease !== undefined && !this.lease.isHeld())) return;
      this.running = this.tick()
        .catch((error: unknown) => {
          this.logger.error('lapse timer tick failed', { error: String(error) });
          return 0;
        })
        .finally(() => {
          this.running = undefined;
        });
    };
    this.timer = setInterval(beat, this.settings.lapseCheckIntervalMs);
    this.timer.unref();
    beat();
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
