import type { IntegrationEvent } from '@salesos/contracts';
import type { ReadModelSession } from './read-model-session';

/** Applies one integration event to the rows of a batch, in memory; the session writes them back after the batch. */
export type ProjectionHandler = (event: IntegrationEvent, session: ReadModelSession) => void;

/** A read model and the events that feed it: deterministic, so replaying the same events gives the same rows. */
export interface Projection {
  name: string;
  /** The tables it owns. */
  tables: string[];
  handlers: ReadonlyMap<string, ProjectionHandler>;
}

export const parseJsonList = (text: string): string[] => JSON.parse(text) as string[];
