import type { ExpectedVersion, NewEvent } from '@salesos/event-store';
import { newEventOf } from './command-handler';
import type { Command, Decider, DomainEvent } from './decider';
import { Upcaster } from './upcasting';

interface HeldStream {
  state: unknown;
  /** Events decided so far, stored or not. */
  version: number;
  pending: NewEvent[];
}

/** A stream's events decided in memory and not stored yet, with the version the store must be at to take them. */
export interface PendingAppend {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedVersion;
}

/**
 * New streams decided in memory, for writers that know a stream's whole story before storing it (the demo data): each
 * command is decided by the aggregate's own decider on the state its earlier commands left, its events are checked
 * against their definitions and built exactly as the command handler stores them; `release` hands out a stream's
 * events for one append with the expected version, and forgets the stream.
 */
export class StreamsInMemory {
  private readonly streams = new Map<string, HeldStream>();

  constructor(private readonly upcaster: Upcaster = new Upcaster()) {}

  /** Decides the command on the stream's state; a refusal of the decider is thrown and changes nothing. */
  decide<State, C extends Command, E extends DomainEvent>(
    decider: Decider<State, C, E>,
    streamId: string,
    command: C,
  ): { state: State; events: E[]; version: number } {
    const held = this.streams.get(streamId);
    const before = held === undefined ? decider.initialState() : (held.state as State);
    const decided = [...decider.decide(command, before)];
    for (const event of decided) decider.events.check(event);
    const state = decided.reduce((current, event) => decider.evolve(current, event), before);
    if (decided.length === 0) return { state, events: [], version: held?.version ?? 0 };
    const stream = held ?? { state, version: 0, pending: [] };
    stream.state = state;
    stream.version += decided.length;
    decided.forEach((event, index) => stream.pending.push(newEventOf(event, index, command.metadata, this.upcaster)));
    this.streams.set(streamId, stream);
    return { state, events: decided, version: stream.version };
  }

  /** The stream's state as decided so far, or undefined when nothing was decided on it (or it was released). */
  state<State>(streamId: string): State | undefined {
    return this.streams.get(streamId)?.state as State | undefined;
  }

  /** Hands out the stream's events for one append to a stream that must not exist yet, and forgets the stream. */
  release(streamId: string): PendingAppend | undefined {
    const stream = this.streams.get(streamId);
    if (stream === undefined) return undefined;
    this.streams.delete(streamId);
    return {
      streamId,
      events: stream.pending,
      expected: 'no_stream',
    };
  }

  /** Every stream still held. */
  streamIds(): string[] {
    return [...this.streams.keys()];
  }
}
