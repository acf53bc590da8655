import type { Actor } from '@salesos/event-store';
import type { EventCodec } from './event-codec';

/** A domain event as deciders see it: plain data, no store identity. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** Everything a decision may depend on besides state: time and ids arrive here, never from a clock. */
export interface CommandMetadata {
  commandId: string;
  /** Business time of the command, ISO-8601. */
  now: string;
  divisionId?: string;
  actor?: Actor;
  correlationId?: string;
  causationId?: string;
  /**
   * What the request that carried the command's idempotency key asked for (a hash of its method, path and body), so
   * a repeat of the key with a different request is told apart from a retry. Stored on the events.
   */
  requestFingerprint?: string;
}

export interface Command<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}

/** A pure aggregate: no I/O, no clock, no framework. */
export interface Decider<State, C extends Command, E extends DomainEvent> {
  decide(command: C, state: State): readonly E[];
  evolve(state: State, event: E): State;
  initialState(): State;
  /** Its events, defined once: what it decides is checked before it is stored, what is read is decoded by it. */
  readonly events: EventCodec<E>;
}

export function foldEvents<State, E extends DomainEvent>(
  decider: Pick<Decider<State, never, E>, 'evolve' | 'initialState'>,
  events: Iterable<E>,
): State {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
