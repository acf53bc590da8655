import type { IntegrationEvent } from '@salesos/contracts';
import type { EntityManager } from 'typeorm';

/** What the live consumer hands each batch to: the projections writing the live tables, in its transaction. */
export interface ReadModelWriter {
  /** The event types the projections take; the consumer skips the others. */
  readonly types: readonly string[];
  /**
   * Runs first in every live batch's transaction: a rebuild's swap waits for the batches in flight, in every replica,
   * and holds new ones back until the new tables are in place.
   */
  guard(tx: EntityManager): Promise<void>;
  apply(tx: EntityManager, events: readonly IntegrationEvent[]): Promise<void>;
}
