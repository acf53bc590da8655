import {
  type IntegrationEvent,
  type IntegrationEventContract,
  isEventOf,
  type Static,
  type TObject,
} from '@salesos/contracts';
import type { ReadModelSession } from './read-model-session';

/** Applies one integration event to the rows of a batch, in memory; the session writes them back after the batch. */
export type ProjectionHandler = (event: IntegrationEvent, session: ReadModelSession) => void;

/**
 * A handler of one contract's events, keyed by its type. The consumer has checked each payload against the contract
 * before a projection sees it, so the handler gets it typed by the contract's schema.
 */
export function on<Schema extends TObject>(
  contract: IntegrationEventContract<Schema>,
  handle: (event: IntegrationEvent<Static<Schema>>, session: ReadModelSession) => void,
): [string, ProjectionHandler] {
  return [
    contract.type,
    (event, session) => {
      if (isEventOf(contract, event)) handle(event, session);
    },
  ];
}

/** A read model and the events that feed it: deterministic, so replaying the same events gives the same rows. */
export interface Projection {
  name: string;
  /** The tables it owns. */
  tables: string[];
  handlers: ReadonlyMap<string, ProjectionHandler>;
}
