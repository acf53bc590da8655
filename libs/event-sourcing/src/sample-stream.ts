import type { RecordedEvent } from '@salesos/event-store';
import type { Command, Decider, DomainEvent } from './decider';
import { deterministicUuid } from './deterministic-id';

/** Who a sample story's commands come from. */
export interface SampleCaller {
  divisionId: string;
  actor: { userId: string; roles: string[] };
}

/**
 * Runs commands through a decider as the command handler would, in memory, and keeps what it would store, as stored
 * events: for the samples of what a service publishes, made by its own deciders and mappers.
 */
export class SampleStream<State, C extends Command, E extends DomainEvent> {
  private state: State;
  readonly recorded: RecordedEvent[] = [];

  constructor(
    private readonly decider: Decider<State, C, E>,
    private readonly streamId: string,
    private readonly caller: SampleCaller,
  ) {
    this.state = decider.initialState();
  }

  run(command: Omit<C, 'metadata'>, now: string): this {
    const commandId = `${this.streamId}:${this.recorded.length}`;
    const { divisionId, actor } = this.caller;
    const metadata = { commandId, now, divisionId, actor };
    for (const event of this.decider.decide({ ...command, metadata } as C, this.state)) {
      this.state = this.decider.evolve(this.state, event);
      this.recorded.push({
        type: event.type,
        data: event.data,
        metadata: {
          eventId: deterministicUuid(`sample:${commandId}:${this.recorded.length}`),
          type: event.type,
          schemaVersion: 1,
          streamId: this.streamId,
          streamVersion: this.recorded.length + 1,
          globalPosition: BigInt(this.recorded.length + 1),
          occurredAt: now,
          recordedAt: now,
          divisionId,
          actor,
          commandId,
          correlationId: commandId,
        },
      });
    }
    return this;
  }

  /** The state after the commands run so far, for a story that needs what the decider recorded. */
  current(): State {
    return this.state;
  }
}
