import type { IntegrationEvent } from '@salesos/contracts';
import type { EventStore, RecordedEvent } from '@salesos/event-store';
import type { IntegrationEventHistory, IntegrationEventPage } from '../services/reporting/src';

/**
 * The integration events of the platform derived again from the event store, with each producer's own mapping:
 * the same events, with the same ids, that its relay publishes.
 */
export class StoredEventHistory implements IntegrationEventHistory {
  constructor(
    private readonly store: EventStore,
    private readonly categories: string[],
    private readonly map: (event: RecordedEvent) => IntegrationEvent[],
  ) {}

  async read(after: bigint, maxCount: number): Promise<IntegrationEventPage> {
    const page = await this.store.readAll({ after, maxCount, filter: { categories: this.categories } });
    return {
      events: page.events.flatMap(this.map),
      scanned: page.events.length,
      position: page.lastScannedPosition,
      isEnd: page.isEnd,
    };
  }

  async remaining(after: bigint): Promise<number | undefined> {
    if (this.store.countEvents === undefined) return undefined;
    return this.store.countEvents({ after, filter: { categories: this.categories }, cap: 100_000_000 });
  }
}
