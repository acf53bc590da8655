import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { EventStore, RecordedEvent, Subscription } from '@salesos/event-store';

/** A view a feature keeps of the service's streams; applying an event it has seen changes nothing. */
export interface StreamView {
  /** The stream categories it follows. */
  readonly categories: readonly string[];
  apply(event: RecordedEvent): void;
}

/**
 * The service's views of its own streams. Features register their views; one subscription feeds them all (caught up
 * before the service answers, then live), and each write is handed to them at once, so a caller reads its own
 * writes.
 */
export class ServiceViews implements OnModuleInit, OnApplicationShutdown {
  private readonly views: StreamView[] = [];
  private subscription: Subscription | undefined;

  constructor(private readonly store: EventStore) {}

  register(view: StreamView): void {
    this.views.push(view);
  }

  /** Hands new events to the views that follow their streams. */
  apply(events: readonly RecordedEvent[]): void {
    for (const event of events) for (const view of this.views) view.apply(event);
  }

  async onModuleInit(): Promise<void> {
    const categories = [...new Set(this.views.flatMap((view) => view.categories))];
    this.subscription = this.store.subscribe({
      filter: { categories },
      batchSize: 1000,
      handler: (event: RecordedEvent) => this.apply([event]),
    });
    await this.subscription.caughtUp;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }
}
