import type { ProjectorLease, ProjectorLock, ProjectorLogger } from './store-projector';

export interface LockedTimerOptions {
  /** The lock's name, and what the log says of the timer: one replica at a time ticks under it. */
  name: string;
  /** Null: this process ticks without asking anyone. */
  lock: ProjectorLock | null;
  intervalMs: number;
  /** One round of the timer's work; a round still running when the next is due is not started twice. */
  tick: () => Promise<unknown>;
  logger: Pick<ProjectorLogger, 'warn' | 'error'>;
}

/**
 * A service's durable timer: ticks every interval while this replica holds the timer's lock, and on the first beat
 * after the lock is granted, so work that fell due while no replica ran is done at once. A lease lost (its database
 * connection dropped, say) is given up and the lock asked for again, so the timer resumes here or on the replica that
 * now holds it. A failed tick is logged and the next beat tries again.
 */
export class LockedTimer {
  private lease: ProjectorLease | undefined;
  private readonly stopping = new AbortController();
  private running: Promise<unknown> | undefined;
  private started = false;

  constructor(private readonly options: LockedTimerOptions) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    void this.keepTicking();
  }

  /** Stops ticking, waits for a round under way, and gives the lock back. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running?.catch(() => undefined);
    await this.lease?.release().catch(() => undefined);
  }

  private async keepTicking(): Promise<void> {
    const { lock, name, logger, intervalMs } = this.options;
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      if (lock !== null) {
        try {
          this.lease = await lock.acquire(name, signal);
        } catch (error) {
          if (signal.aborted) return;
          logger.error(`${name}: lock failed; asking again`, { error: String(error) });
          await pause(intervalMs, signal);
          continue;
        }
      }
      await this.tickWhileHeld();
      await this.lease?.release().catch(() => undefined);
      this.lease = undefined;
      if (!signal.aborted) logger.warn(`${name}: lost its lock; asking for it again`);
    }
  }

  /** Resolves once the lease is lost or the timer stops. */
  private tickWhileHeld(): Promise<void> {
    const { name, logger, intervalMs, tick } = this.options;
    return new Promise((resolve) => {
      const stop = () => {
        clearInterval(timer);
        this.stopping.signal.removeEventListener('abort', stop);
        resolve();
      };
      const beat = () => {
        if (this.stopping.signal.aborted || (this.lease !== undefined && !this.lease.isHeld())) return stop();
        if (this.running !== undefined) return;
        this.running = tick()
          .catch((error: unknown) => logger.error(`${name}: tick failed`, { error: String(error) }))
          .finally(() => {
            this.running = undefined;
          });
      };
      const timer = setInterval(beat, intervalMs);
      timer.unref();
      this.stopping.signal.addEventListener('abort', stop);
      beat();
    });
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
