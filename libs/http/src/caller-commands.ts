import {
  type Command,
  CommandHandler,
  type CommandMetadata,
  type CommandResult,
  type Decider,
  type DomainEvent,
  deterministicUuid,
} from '@salesos/event-sourcing';
import type { EventStore, RecordedEvent } from '@salesos/event-store';
import { reaches, type RecordOwnership } from './caller-scope';
import { requestFingerprintOf } from './idempotency';
import type { Clock, IdGenerator } from './ports';
import type { RequestContext } from './request-context';

/** Whose a record is, and what to answer a caller it is not within reach of (the same as for a missing one). */
export interface RecordAccess<State> {
  ownership(state: State): RecordOwnership | undefined;
  refuse(id: string): Error;
}

/** An idempotency key as its owner's: the same key from two callers names two commands. */
function keyOf(context: RequestContext): string {
  return `${context.idempotencyScope ?? context.actor.userId}:${context.idempotencyKey ?? ''}`;
}

/** Streams whose latest state is held between commands: enough for a busy day's working set. */
const heldStreams = 10_000;

export interface CallerCommandsOptions<State> {
  /** The stream category: the aggregate's streams are `<category>-<id>`. */
  category: string;
  clock: Clock;
  ids: IdGenerator;
  /** Whose a record is, so that a caller acts only on records in reach; none for records of the platform's own. */
  access?: RecordAccess<State>;
  /** Runs after each append, before the caller is answered: the service's views see the write (read your writes). */
  afterAppend?: (recorded: readonly RecordedEvent[]) => Promise<void> | void;
}

/**
 * One aggregate type's commands on behalf of callers: the library's command handler with the caller's metadata, ids
 * from the Idempotency-Key when one is given (so a repeat is recognised), the caller's reach checked on the state
 * the command is decided on, and the service's views brought up to the write before the caller is answered.
 */
export class CallerCommands<State, C extends Command, E extends DomainEvent> {
  private readonly handler: CommandHandler<State, C, E>;

  private readonly category: string;
  private readonly clock: Clock;
  private readonly ids: IdGenerator;
  private readonly access: RecordAccess<State> | undefined;

  constructor(
    store: EventStore,
    private readonly decider: Decider<State, C, E>,
    private readonly options: CallerCommandsOptions<State>,
  ) {
    this.handler = new CommandHandler(store, decider, { heldStreams });
    ({ category: this.category, clock: this.clock, ids: this.ids, access: this.access } = options);
  }

  /** A new aggregate id; the same caller repeating an Idempotency-Key gets the same one. */
  newId(context: RequestContext, purpose: string): string {
    if (context.idempotencyKey === undefined) return this.ids.next();
    return deterministicUuid(`salesos:${purpose}:${context.divisionId}:${keyOf(context)}`);
  }

  metadata(context: RequestContext, commandType: string, id: string): CommandMetadata {
    return {
      commandId: context.idempotencyKey === undefined ? this.ids.next() : `${commandType}:${id}:${keyOf(context)}`,
      now: this.clock.now().toISOString(),
      divisionId: context.divisionId,
      actor: context.actor,
      ...(context.correlationId ? { correlationId: context.correlationId } : {}),
      ...(requestFingerprintOf(context) === undefined ? {} : { requestFingerprint: requestFingerprintOf(context) }),
    };
  }

  streamId(id: string): string {
    return `${this.category}-${id}`;
  }

  /**
   * Handles the command. Without an Idempotency-Key it cannot be a repeat, so it may be decided on the state the
   * stream's last command here left (the store's version check still guards it); `creates` says the id was
   * generated for this command, so there is no stream to read.
   */
  async run(
    id: string,
    context: RequestContext,
    expectedVersion: number | undefined,
    command: Omit<C, 'metadata'>,
    creates = false,
  ): Promise<CommandResult<State, E>> {
    const full = { ...command, metadata: this.metadata(context, command.type, id) } as C;
    const streamId = this.streamId(id);
    const unique = context.idempotencyKey === undefined;
    const result = await this.handler.handle(streamId, full, {
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
      unique,
      newStream: unique && creates,
      ...(creates ? {} : { authorize: (state: State) => this.checkReach(id, context, state) }),
    });
    if (result.recorded.length > 0) await this.options.afterAppend?.(result.recorded);
    return result;
  }

  /**
   * A caller acts only on records its roles reach (a rep their own, a team lead their team's, a dealer's user their
   * dealer's), checked on the state the command is decided on; the platform's own processes act without a caller.
   */
  private checkReach(id: string, context: RequestContext, state: State): void {
    if (context.principal === undefined || this.access === undefined) return;
    const ownership = this.access.ownership(state);
    if (ownership !== undefined && !reaches(context.principal, ownership)) throw this.access.refuse(id);
  }

  /**
   * Whether a record the caller reads, or a command only reads, is there for them: it exists, belongs to the division
   * the request acts on, and is within the caller's reach. Anything else reads as not found.
   */
  shows(context: RequestContext, state: State): boolean {
    const ownership = this.access?.ownership(state);
    if (ownership === undefined || ownership.divisionId !== context.divisionId) return false;
    return context.principal === undefined || reaches(context.principal, ownership);
  }

  async load(id: string): Promise<{ state: State; version: number }> {
    const { state, version } = await this.handler.load(this.streamId(id));
    return { state, version };
  }

  /**
   * The aggregate as the system knew it at a moment: only events recorded by then count, whatever business time
   * they carry. A version of 0 means it was not known yet.
   */
  async loadAsKnownAt(id: string, knownAt: Date): Promise<{ state: State; version: number }> {
    const { events, decoded } = await this.handler.load(this.streamId(id));
    const known = events.findIndex((event) => Date.parse(event.metadata.recordedAt) > knownAt.getTime());
    const count = known === -1 ? events.length : known;
    return {
      state: decoded
        .slice(0, count)
        .reduce((state, event) => this.decider.evolve(state, event), this.decider.initialState()),
      version: events[count - 1]?.metadata.streamVersion ?? 0,
    };
  }
}
