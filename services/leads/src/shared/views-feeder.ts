import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { EventStore, RecordedEvent, Subscription } from '@salesos/event-store';

/** A view the service keeps of its own streams; applying an event it has seen changes nothing. */
export interface StreamView {
  apply(event: RecordedEvent): void;
}

/**
 * Feeds views from the service's streams: it catches up before the application starts serving, then follows live.
 * Writers also hand their new events to the views at once, so a caller reads its own writes.
 */
export class ViewsFeeder implements OnModuleInit, OnApplicationShutdown {
  private subscription: Subscription | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly categories: string[],
    private readonly views: readonly StreamView[],
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscription = this.store.subscribe({
      filter: { categories: this.categories },
      batchSize: 1000,
      handler: (event: RecordedEvent) => {
        for (const view of this.views) view.apply(event);
      },
    });
    await this.subscription.caughtUp;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }
}
