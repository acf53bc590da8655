import type { IntegrationEvent } from '@salesos/contracts';

export interface IntegrationEventPage {
  events: IntegrationEvent[];
  /** Stored events the page went through: some publish nothing, one may publish several. */
  scanned: number;
  /** Pass as `after` to continue. */
  position: bigint;
  /** Nothing lay beyond `position` when the page was read. */
  isEnd: boolean;
}

/**
 * The integration events the services have published or will publish, derived again from the event store in store
 * order: what a rebuild replays. The composition root provides it (it knows every producer's mapping); reporting
 * never reads another service's stored events itself.
 */
export interface IntegrationEventHistory {
  read(after: bigint, maxCount: number): Promise<IntegrationEventPage>;
  /** How many stored events lie after the position (progress counts them); undefined when the store cannot count. */
  remaining(after: bigint): Promise<number | undefined>;
}

export const INTEGRATION_EVENT_HISTORY = Symbol('INTEGRATION_EVENT_HISTORY');

/** A fixed list of events, for tests and for stores that hold few. */
export class ListedEventHistory implements IntegrationEventHistory {
  constructor(private readonly events: readonly IntegrationEvent[]) {}

  read(after: bigint, maxCount: number): Promise<IntegrationEventPage> {
    const start = Number(after);
    const events = this.events.slice(start, start + maxCount);
    const position = BigInt(start + events.length);
    return Promise.resolve({
      events,
      scanned: events.length,
      position,
      isEnd: Number(position) >= this.events.length,
    });
  }

  remaining(after: bigint): Promise<number> {
    return Promise.resolve(Math.max(0, this.events.length - Number(after)));
  }
}
