import type { IntegrationEvent } from '@salesos/contracts';
import type { EntityManager } from 'typeorm';

/** Applies one integration event to read model tables, inside the transaction that also records it as seen. */
export type ProjectionHandler = (event: IntegrationEvent, tx: EntityManager) => Promise<void>;

/** A read model and the events that feed it: deterministic, so replaying the same events gives the same rows. */
export interface Projection {
  name: string;
  /** The tables it owns, emptied before a rebuild. */
  tables: string[];
  handlers: ReadonlyMap<string, ProjectionHandler>;
}

export const parseJsonList = (text: string): string[] => JSON.parse(text) as string[];
