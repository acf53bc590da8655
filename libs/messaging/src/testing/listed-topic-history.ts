import type { IntegrationEvent } from '@salesos/contracts';
import type { HistoryPage, TopicHistoryReader } from '../transport/topic-history';

/**
 * A topic history over a list a test controls: it can grow while it is read (as topics do while the services keep
 * publishing), hold its reads back until opened, or fail.
 */
export class ListedTopicHistory implements TopicHistoryReader {
  private read = 0;
  private gate: Promise<void> = Promise.resolve();
  private openGate: () => void = () => undefined;
  /** While set, every read fails with it. */
  failure: Error | undefined;
  /** Called before each page is read, with the page's number (from 1): a test publishes more there. */
  beforePage: ((page: number) => Promise<void> | void) | undefined;
  pagesRead = 0;
  closed = false;

  constructor(
    private readonly events: IntegrationEvent[],
    private readonly pageLimit = Number.POSITIVE_INFINITY,
  ) {}

  /** Appends events, as a producer publishing them would. */
  publish(...events: IntegrationEvent[]): void {
    this.events.push(...events);
  }

  /** Holds reads back until `open`. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  open(): void {
    this.openGate();
  }

  async next(maxCount: number): Promise<HistoryPage> {
    await this.gate;
    this.pagesRead += 1;
    await this.beforePage?.(this.pagesRead);
    if (this.failure !== undefined) throw this.failure;
    const events = this.events.slice(this.read, this.read + Math.min(maxCount, this.pageLimit));
    this.read += events.length;
    return { events, scanned: events.length, isEnd: this.read >= this.events.length };
  }

  remaining(): Promise<number> {
    return Promise.resolve(this.events.length - this.read);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
