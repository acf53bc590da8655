import type { RecordedEvent } from '@salesos/event-store';
import type { EntityManager } from 'typeorm';

/**
 * A read model a service keeps of its own streams, in its own database. It applies pages of events in order inside
 * the transaction that also moves its projector's checkpoint, so a page is applied exactly once; it throws for an
 * event it cannot take, and the projector parks that event and goes on.
 */
export interface StoreProjection {
  readonly name: string;
  /** The stream categories whose events it takes. */
  readonly categories: readonly string[];
  apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void>;
}
