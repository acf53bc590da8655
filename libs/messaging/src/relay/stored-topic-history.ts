import type { ContractRegistry } from '@salesos/contracts';
import type { EventStore } from '@salesos/event-store';
import type { HistoryPage, TopicHistoryReader } from '../transport/topic-history';
import { type IntegrationMapper, publicationOf } from './publication';

/** A producer as its relay publishes: the categories it reads, its mapping and its contracts. */
export interface PublishedSource {
  categories: string[];
  map: IntegrationMapper;
  registry: ContractRegistry;
}

/**
 * The history of some topics derived again from the local event store with the producer's own mapping: the same
 * events, with the same ids, that its relay publishes (or will publish). For the embedded mode, whose in-process
 * records do not outlive the process.
 */
export class StoredTopicHistory implements TopicHistoryReader {
  private position = 0n;

  constructor(
    private readonly store: EventStore,
    private readonly source: PublishedSource,
    private readonly topics: readonly string[],
  ) {}

  async next(maxCount: number): Promise<HistoryPage> {
    const page = await this.store.readAll({
      after: this.position,
      maxCount,
      filter: { categories: this.source.categories },
    });
    this.position = page.lastScannedPosition;
    const events = page.events.flatMap((stored) => {
      const publication = publicationOf(stored, this.source.map, this.source.registry);
      if ('reason' in publication) return [];
      return publication.events.filter(({ topic }) => this.topics.includes(topic)).map(({ event }) => event);
    });
    return { events, scanned: page.events.length, isEnd: page.isEnd };
  }

  async remaining(): Promise<number | undefined> {
    if (this.store.countEvents === undefined) return undefined;
    return this.store.countEvents({
      after: this.position,
      filter: { categories: this.source.categories },
      cap: 100_000_000,
    });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
