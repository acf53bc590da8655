import {
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type RecordedEvent,
  WrongExpectedVersionError,
} from '@salesos/event-store';
import type { Command, CommandMetadata, Decider, DomainEvent } from './decider';
import { deterministicEventId } from './deterministic-id';
import { Upcaster } from './upcasting';

export interface CommandHandlerOptions {
  /** How many times a decision is retried from a fresh read after another writer got in first. */
  maxRetries?: number;
  upcaster?: Upcaster;
  /** Waits between retries; jittered so competing writers do not collide again. */
  retryDelayMs?: (attempt: number) => number;
  /**
   * How many streams' latest state to hold between commands (least recently used go first); 0, the default, holds
   * none. Only commands marked `unique` decide on a held state.
   */
  heldStreams?: number;
}

export interface HandleOptions<State = unknown> {
  /** The version the caller last saw (HTTP If-Match). A different current version fails at once, without retry. */
  expectedVersion?: number;
  /**
   * The command id was made for this command (no idempotency key), so it cannot be a repeat: the handler may decide
   * on the state it holds from the stream's last command instead of reading the stream. A held state that turns out
   * stale costs a read and a second decision, never a wrong answer: only a successful append confirms it, and a
   * refusal or a no-op decided on it is decided again on the stream as read.
   */
  unique?: boolean;
  /** With `unique`: the stream id was generated for this command, so the stream cannot exist yet. */
  newStream?: boolean;
  /**
   * Refuses (throws) when the caller may not act on the aggregate in this state. It runs on the very state the
   * decision is made on, and the append is conditional on that state's version, so a change of owner between the
   * check and the write cannot slip through: the append fails, and the check runs again on the state as re-read.
   * For a repeated command it runs on the state the first one was decided on.
   */
  authorize?: (state: State) => void;
}

interface Loaded<State, E> {
  state: State;
  version: number;
  /** The stream's events as stored, and as the decider's events (decoded alike, in the same order). */
  events: RecordedEvent[];
  decoded: E[];
}

export interface CommandResult<State, E extends DomainEvent> {
  streamId: string;
  /** The stream's version after the command: the new ETag. */
  version: number;
  state: State;
  /** Events this command appended; empty when the decision changed nothing or the command was a repeat. */
  events: E[];
  /**
   * The appended events as the store holds them, for in-process views that must see a write at once. Every one
   * carries the batch's last global position; read the store where exact positions matter.
   */
  recorded: RecordedEvent[];
  /** The command had been handled before (same command id): nothing was appended, the first answer is returned. */
  repeated: boolean;
  lastPosition: bigint | undefined;
}

/** The stream moved on from the version the caller saw: answer 412 and let them re-read. */
export class ExpectedVersionMismatchError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Stream '${streamId}' is at version ${actual}, the command expected ${expected}`);
    this.name = 'ExpectedVersionMismatchError';
  }
}

/**
 * A command id (from an idempotency key) that was handled before, for a different request: answering it as a retry
 * would hand the caller an answer to a question it did not ask (answer 422).
 */
export class IdempotencyKeyReusedError extends Error {
  constructor(
    readonly streamId: string,
    readonly commandId: string,
  ) {
    super(`Command '${commandId}' was handled on '${streamId}' for a different request`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** Other writers kept winning: the command gave up after its bounded retries (answer 409). */
export class ConcurrencyRetriesExhaustedError extends Error {
  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(`Stream '${streamId}' kept changing; the command gave up after ${attempts} attempts`);
    this.name = 'ConcurrencyRetriesExhaustedError';
  }
}

/** Events stored before requests were fingerprinted, or commands not sent over HTTP, carry none: a retry then. */
function sameRequest(stored: string | undefined, repeated: string | undefined): boolean {
  return stored === undefined || repeated === undefined || stored === repeated;
}

/**
 * The event to store for the `index`-th event a command decided: its id derives from the command id, its business
 * time and caller from the command. Every writer of decided events goes through here, so a decision stored later (the
 * demo data decides whole stories in memory) is stored exactly as the command handler would have stored it.
 */
export function newEventOf(
  event: DomainEvent,
  index: number,
  metadata: CommandMetadata,
  upcaster: Upcaster = new Upcaster(),
): NewEvent {
  return {
    eventId: deterministicEventId(metadata.commandId, index),
    type: event.type,
    schemaVersion: upcaster.currentVersion(event.type),
    data: event.data,
    metadata: {
      occurredAt: metadata.now,
      commandId: metadata.commandId,
      ...(metadata.divisionId !== undefined ? { divisionId: metadata.divisionId } : {}),
      ...(metadata.actor !== undefined ? { actor: metadata.actor } : {}),
      correlationId: metadata.correlationId ?? metadata.commandId,
      causationId: metadata.causationId ?? metadata.commandId,
      ...(metadata.requestFingerprint !== undefined ? { requestFingerprint: metadata.requestFingerprint } : {}),
    },
  };
}

const defaultRetryDelay = (attempt: number): number => Math.random() * 5 * 2 ** attempt;

/**
 * Loads a stream, decides, and appends with the version it loaded. Event ids derive from the command id, so
 * repeating a command that was already stored appends nothing and answers as the first time did.
 */
export class CommandHandler<State, C extends Command, E extends DomainEvent> {
  private readonly upcaster: Upcaster;
  private readonly held = new Map<string, { state: State; version: number }>();

  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<State, C, E>,
    private readonly options: CommandHandlerOptions = {},
  ) {
    this.upcaster = options.upcaster ?? new Upcaster();
  }

  /**
   * Reads the stream and folds it. Every event is decoded by the decider's own definition first: a stored event its
   * schema refuses stops the load with a MalformedEventError instead of reaching `evolve`.
   */
  async load(streamId: string): Promise<Loaded<State, E>> {
    const events = (await this.store.readStream(streamId)).map((event) => this.upcaster.upcast(event));
    const decoded = events.map((event) => this.decider.events.decode(event));
    const state = decoded.reduce((current, event) => this.decider.evolve(current, event), this.decider.initialState());
    const version = events.length === 0 ? 0 : (events[events.length - 1] as RecordedEvent).metadata.streamVersion;
    this.hold(streamId, state, version);
    return { state, version, events, decoded };
  }

  private heldState(streamId: string, options: HandleOptions<State>): Loaded<State, E> | undefined {
    if (options.newStream === true) return { state: this.decider.initialState(), version: 0, events: [], decoded: [] };
    const held = this.held.get(streamId);
    if (held === undefined) return undefined;
    if (options.expectedVersion !== undefined && options.expectedVersion !== held.version) return undefined;
    // Most recently used last, so the first key is the one to drop.
    this.held.delete(streamId);
    this.held.set(streamId, held);
    return { ...held, events: [], decoded: [] };
  }

  /**
   * Events decided on a held state, or undefined when the decision must be made again on the stream as read. A
   * refusal on a held state, the caller's reach included, is never final: the state may be stale.
   */
  private decideOnHeld(command: C, state: State, authorize?: (state: State) => void): E[] | undefined {
    try {
      authorize?.(state);
      const decided = [...this.decider.decide(command, state)];
      return decided.length > 0 ? decided : undefined;
    } catch {
      return undefined;
    }
  }

  private hold(streamId: string, state: State, version: number): void {
    const capacity = this.options.heldStreams ?? 0;
    if (capacity <= 0 || version === 0) return;
    this.held.delete(streamId);
    this.held.set(streamId, { state, version });
    if (this.held.size > capacity) this.held.delete(this.held.keys().next().value as string);
  }

  async handle(streamId: string, command: C, options: HandleOptions<State> = {}): Promise<CommandResult<State, E>> {
    const maxRetries = options.expectedVersion === undefined ? (this.options.maxRetries ?? 3) : 0;
    let mayUseHeld = options.unique === true;
    for (let attempt = 0; ;) {
      const held = mayUseHeld ? this.heldState(streamId, options) : undefined;
      mayUseHeld = false;
      const onHeld = held === undefined ? undefined : this.decideOnHeld(command, held.state, options.authorize);
      let loaded: Loaded<State, E>;
      let decided: E[];
      if (held !== undefined && onHeld !== undefined) {
        loaded = held;
        decided = onHeld;
      } else {
        loaded = await this.load(streamId);
        const repeat = this.findRepeat(loaded, command);
        if (repeat !== undefined) {
          // A repeat answers as the first time did, to a caller who could act on the record as it was then, and
          // only when it asks what the first time asked.
          options.authorize?.(repeat.stateBefore);
          if (!sameRequest(repeat.requestFingerprint, command.metadata.requestFingerprint)) {
            throw new IdempotencyKeyReusedError(streamId, command.metadata.commandId);
          }
          const { stateBefore: _before, requestFingerprint: _fingerprint, ...answer } = repeat;
          return { streamId, ...answer, state: loaded.state, recorded: [], repeated: true };
        }
        options.authorize?.(loaded.state);
        if (options.expectedVersion !== undefined && options.expectedVersion !== loaded.version) {
          throw new ExpectedVersionMismatchError(streamId, options.expectedVersion, loaded.version);
        }
        decided = [...this.decider.decide(command, loaded.state)];
        if (decided.length === 0) {
          return {
            streamId,
            version: loaded.version,
            state: loaded.state,
            events: [],
            recorded: [],
            repeated: false,
            lastPosition: undefined,
          };
        }
      }
      const expected: ExpectedVersion = loaded.version === 0 ? 'no_stream' : loaded.version;
      let appended: AppendResult;
      // What a command decides must be what its events allow: nothing is stored that a reader would refuse.
      for (const event of decided) this.decider.events.check(event);
      const newEvents = decided.map((event, index) => this.toNewEvent(event, index, command));
      try {
        appended = await this.store.append(streamId, newEvents, expected);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        this.held.delete(streamId);
        // The held state was stale: read the stream and decide again; that is not a lost race, so not a retry.
        if (onHeld !== undefined) continue;
        if (options.expectedVersion !== undefined) {
          throw new ExpectedVersionMismatchError(streamId, options.expectedVersion, error.actual);
        }
        if (attempt >= maxRetries) throw new ConcurrencyRetriesExhaustedError(streamId, attempt + 1);
        await new Promise((resolve) => setTimeout(resolve, (this.options.retryDelayMs ?? defaultRetryDelay)(attempt)));
        attempt += 1;
        continue;
      }
      const state = decided.reduce((current, event) => this.decider.evolve(current, event), loaded.state);
      this.hold(streamId, state, appended.nextExpectedVersion);
      return {
        streamId,
        version: appended.nextExpectedVersion,
        state,
        events: decided,
        recorded: newEvents.map((event, index) => ({
          type: event.type,
          data: event.data,
          metadata: {
            ...event.metadata,
            eventId: event.eventId,
            type: event.type,
            schemaVersion: event.schemaVersion ?? 1,
            streamId,
            streamVersion: loaded.version + index + 1,
            globalPosition: appended.lastPosition,
            recordedAt: command.metadata.now,
          },
        })),
        lastPosition: appended.lastPosition,
        repeated: false,
      };
    }
  }

  /** A command whose events are already in the stream was handled before: answer as then, append nothing. */
  private findRepeat(
    { events, decoded }: Loaded<State, E>,
    command: C,
  ):
    | { version: number; events: E[]; lastPosition: bigint; stateBefore: State; requestFingerprint?: string }
    | undefined {
    const firstId = deterministicEventId(command.metadata.commandId, 0);
    const first = events.findIndex((event) => event.metadata.eventId === firstId);
    if (first === -1) return undefined;
    const ownAt = events
      .map((event, index) => ({ event, index }))
      .filter(({ event, index }) => index >= first && event.metadata.commandId === command.metadata.commandId);
    const own = ownAt.map(({ event }) => event);
    const last = own[own.length - 1] as RecordedEvent;
    return {
      stateBefore: decoded
        .slice(0, first)
        .reduce((state, event) => this.decider.evolve(state, event), this.decider.initialState()),
      version: last.metadata.streamVersion,
      events: ownAt.map(({ index }) => decoded[index] as E),
      lastPosition: last.metadata.globalPosition,
      ...(own[0]?.metadata.requestFingerprint === undefined
        ? {}
        : { requestFingerprint: own[0].metadata.requestFingerprint }),
    };
  }

  private toNewEvent(event: E, index: number, command: C): NewEvent {
    return newEventOf(event, index, command.metadata, this.upcaster);
  }
}
