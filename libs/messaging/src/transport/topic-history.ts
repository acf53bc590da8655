import type { IntegrationEvent } from '@salesos/contracts';

/** A page of a topic history: the events in it, how many records it went through, and whether it reached the end. */
export interface HistoryPage {
  events: IntegrationEvent[];
  /** Records (or stored events) gone through: some publish nothing or break their contract, one may give several. */
  scanned: number;
  /** Nothing lay beyond this page when it was read; a later `next` may find more that came in meanwhile. */
  isEnd: boolean;
}

/**
 * What a rebuild replays: the integration events of some topics from their beginning, each topic's partitions in
 * order (events of one key in the order they were published), read page by page and beyond its first end as more
 * come in. Kafka reads the topics themselves (kept with infinite retention in production); the in-process transport
 * derives them again from the local store.
 */
export interface TopicHistoryReader {
  next(maxCount: number): Promise<HistoryPage>;
  /** How many records the history holds beyond what was read, when it can tell. */
  remaining(): Promise<number | undefined>;
  close(): Promise<void>;
}

/** A history that has nothing: for transports that keep none. */
export class NoHistory implements TopicHistoryReader {
  constructor(private readonly why: string) {}

  next(): Promise<HistoryPage> {
    return Promise.reject(new Error(this.why));
  }

  remaining(): Promise<number | undefined> {
    return Promise.resolve(undefined);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
