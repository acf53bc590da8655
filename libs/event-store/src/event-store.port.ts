import type { AppendResult, ExpectedVersion, NewEvent, RecordedEvent } from './event';

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Stream version to start at, inclusive. Defaults to the first event (forwards) or the last (backwards). */
  from?: number;
  direction?: ReadDirection;
  maxCount?: number;
}

/** Selects events by stream category (the part of the stream id before the first dash) and by type. */
export interface EventFilter {
  categories?: readonly string[];
  eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: only events after this position. Defaults to the start of the store. */
  after?: bigint;
  maxCount?: number;
  filter?: EventFilter;
}

export interface ReadAllPage {
  events: RecordedEvent[];
  /**
   * How far the store was examined: pass it as `after` to continue. With a filter it moves past
   * non-matching events, so a reader of a rare event type still advances.
   */
  lastScannedPosition: bigint;
  /** True when nothing visible lies beyond `lastScannedPosition` at the time of the read. */
  isEnd: boolean;
}

export type SubscriptionStart =
  | { after: bigint }
  /** Resume from the checkpoint stored under the subscription's id; from the start when none is stored. */
  | { fromCheckpoint: true };

export interface SubscribeOptions {
  /** Names the subscription; required to resume from or store a checkpoint. */
  subscriptionId?: string;
  start?: SubscriptionStart;
  filter?: EventFilter;
  batchSize?: number;
  /** Called for each event in global order; the next event waits until the returned promise settles. */
  handler?: (event: RecordedEvent) => Promise<void> | void;
  /**
   * Instead of `handler`: called once per page read, with its events in global order and the position the page
   * scanned to (past events the filter left out), so that a projection can apply a page in one transaction. The next
   * page is read once the returned promise settles; a page may be empty when only filtered events were scanned.
   */
  batchHandler?: (events: readonly RecordedEvent[], scannedTo: bigint) => Promise<void>;
  /** Called whenever the subscription reaches the end of what is visible after being behind. */
  onCaughtUp?: (position: bigint) => void;
  /** Store the checkpoint (compare-and-set) after each handled batch; needs `subscriptionId`. */
  storeCheckpoints?: boolean;
}

export interface Subscription {
  /** Position of the last event handled or skipped by the filter. */
  readonly position: bigint;
  readonly isCaughtUp: boolean;
  /** Resolves the first time the subscription catches up. */
  readonly caughtUp: Promise<void>;
  /** Settles when the subscription ends: resolves after `stop()`, rejects with a handler or store error. */
  readonly closed: Promise<void>;
  /** Stops after the event in hand; resolves once the subscription has ended. */
  stop(): Promise<void>;
}

/** One stream's part of an `appendStreams`. */
export interface StreamAppend {
  streamId: string;
  events: readonly NewEvent[];
  expected: ExpectedVersion;
}

/** Appends this process made through a store: a reader that caught up may wait for the next one instead of polling. */
export interface AppendSignal {
  /** How many appends have been signalled so far: read it before a read, pass it to `wait` after. */
  readonly generation: number;
  /** Resolves at the next append, at once if one came after `since`, or after `timeoutMs`. */
  wait(timeoutMs: number, since?: number): Promise<void>;
}

/** The port every event store adapter implements; see ARCHITECTURE.md section 3. */
export interface EventStore {
  /** Appends of this process; another process's appends are seen at the next read. */
  readonly appendSignal: AppendSignal;
  /** Appends atomically; a retried batch whose event ids are all stored returns the first result. */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  /**
   * Bulk writers' append (the demo data), where an adapter has it: several streams in one atomic write, each with
   * its expected version, for the cost of about one append. Any stream's version check failing refuses the whole
   * call with a WrongExpectedVersionError naming that stream, and nothing is written. Not a retry-safe append:
   * repeating a call that was stored is refused as a conflict, not answered as the first time.
   */
  appendStreams?(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /** A missing stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<ReadAllPage>;
  /** Counts visible events after a position (up to `cap`) without reading them; adapters may leave it out. */
  countEvents?(options: { after?: bigint; filter?: EventFilter; cap: number }): Promise<number>;
  subscribe(options: SubscribeOptions): Subscription;
  readCheckpoint(subscriptionId: string): Promise<bigint | undefined>;
  /** Compare-and-set: `expected` is the position the writer last read (undefined for none). */
  storeCheckpoint(subscriptionId: string, position: bigint, expected: bigint | undefined): Promise<void>;
  close(): Promise<void>;
}
