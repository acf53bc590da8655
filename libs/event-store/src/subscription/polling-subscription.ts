import type { EventStore, ReadAllPage, SubscribeOptions, Subscription } from '../event-store.port';
import { EventStoreError, EventStoreErrorCode } from '../event-store.errors';
import type { WakeUpSignal } from './wake-up-signal';

export interface PollingSubscriptionDeps {
  store: Pick<EventStore, 'readAll' | 'readCheckpoint' | 'storeCheckpoint'>;
  wakeUp: WakeUpSignal;
  /** Longest wait between two reads once caught up; appends from this process wake it sooner. */
  pollIntervalMs: number;
}

/**
 * Catch-up then live subscription built only on `readAll`, so every adapter shares one implementation of
 * ordering, filtering, caught-up signalling and checkpointing.
 */
export function startPollingSubscription(deps: PollingSubscriptionDeps, options: SubscribeOptions): Subscription {
  if ((options.handler === undefined) === (options.batchHandler === undefined)) {
    throw new EventStoreError(
      EventStoreErrorCode.InvalidReadOptions,
      'a subscription takes either a handler or a batchHandler, and one of them',
    );
  }
  if (options.storeCheckpoints === true || 'fromCheckpoint' in (options.start ?? {})) {
    if (typeof options.subscriptionId !== 'string' || options.subscriptionId.length === 0) {
      throw new EventStoreError(
        EventStoreErrorCode.InvalidReadOptions,
        'subscriptionId is required to resume from or store a checkpoint',
      );
    }
  }
  return new PollingSubscription(deps, options);
}

class PollingSubscription implements Subscription {
  position = 0n;
  isCaughtUp = false;
  readonly caughtUp: Promise<void>;
  readonly closed: Promise<void>;
  private stopping = false;
  private resolveCaughtUp!: () => void;
  private storedCheckpoint: bigint | undefined;

  constructor(
    private readonly deps: PollingSubscriptionDeps,
    private readonly options: SubscribeOptions,
  ) {
    this.caughtUp = new Promise((resolve) => (this.resolveCaughtUp = resolve));
    this.closed = this.run();
    // The caller may only await `caughtUp`; a failure is still reported through `closed`.
    this.closed.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.deps.wakeUp.notify();
    await this.closed.catch(() => undefined);
  }

  private async run(): Promise<void> {
    await this.resolveStart();
    const batchSize = this.options.batchSize ?? 500;
    while (!this.stopping) {
      const generation = this.deps.wakeUp.generation;
      const page = await this.deps.store.readAll({
        after: this.position,
        maxCount: batchSize,
        ...(this.options.filter ? { filter: this.options.filter } : {}),
      });
      const completed = await this.handle(page);
      if (completed) this.position = page.lastScannedPosition;
      await this.checkpoint();
      if (!completed || this.stopping) break;
      if (page.isEnd) {
        this.markCaughtUp();
        await this.deps.wakeUp.wait(this.deps.pollIntervalMs, generation);
      } else {
        this.isCaughtUp = false;
      }
    }
  }

  private async resolveStart(): Promise<void> {
    const start = this.options.start ?? { after: 0n };
    if ('after' in start) {
      this.position = start.after;
      return;
    }
    const subscriptionId = this.options.subscriptionId as string;
    this.storedCheckpoint = await this.deps.store.readCheckpoint(subscriptionId);
    this.position = this.storedCheckpoint ?? 0n;
  }

  private async handle(page: ReadAllPage): Promise<boolean> {
    if (this.options.batchHandler !== undefined) {
      if (this.stopping) return false;
      if (page.events.length > 0 || page.lastScannedPosition > this.position) {
        await this.options.batchHandler(page.events, page.lastScannedPosition);
      }
      return true;
    }
    const handler = this.options.handler as NonNullable<SubscribeOptions['handler']>;
    for (const event of page.events) {
      if (this.stopping) return false;
      await handler(event);
      this.position = event.metadata.globalPosition;
    }
    return true;
  }

  private async checkpoint(): Promise<void> {
    if (this.options.storeCheckpoints !== true || this.storedCheckpoint === this.position) return;
    const subscriptionId = this.options.subscriptionId as string;
    await this.deps.store.storeCheckpoint(subscriptionId, this.position, this.storedCheckpoint);
    this.storedCheckpoint = this.position;
  }

  private markCaughtUp(): void {
    if (this.isCaughtUp) return;
    this.isCaughtUp = true;
    this.resolveCaughtUp();
    this.options.onCaughtUp?.(this.position);
  }
}
