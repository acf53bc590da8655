import {
  ANY,
  type AppendExpectedRevision,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  type JSONType,
  MaxAppendSizeExceededError,
  NO_STREAM,
  type Position,
  type ReadPosition,
  type ReadStreamOptions as DbReadStreamOptions,
  type ResolvedEvent,
  START,
  STREAM_EXISTS,
  type StreamingRead,
  StreamNotFoundError,
  WrongExpectedVersionError as DbWrongExpectedVersionError,
} from '@eventstore/db-client';
import type { AppendResult, EventMetadataInput, ExpectedVersion, NewEvent, RecordedEvent } from '../event';
import { streamCategory } from '../event';
import type {
  EventStore,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
  AppendSignal,
} from '../event-store.port';
import { type AppendLimits, defaultAppendLimits, type PreparedEvent, prepareAppend } from '../append-validation';
import {
  CheckpointConflictError,
  EventStoreError,
  EventStoreErrorCode,
  IdempotencyConflictError,
  InvalidAppendError,
  WrongExpectedVersionError,
} from '../event-store.errors';
import { filteredScanWindow, matchesFilter, normalizeReadAll, normalizeReadStream } from '../read-options';
import { toRecordedEvent } from '../stored-event';
import { startPollingSubscription } from '../subscription/polling-subscription';
import { WakeUpSignal } from '../subscription/wake-up-signal';

export interface EventStoreDbEventStoreOptions {
  /** For example `esdb://localhost:2113?tls=false`. */
  connectionString: string;
  limits?: AppendLimits;
  /** How often a caught-up subscription looks for appends made by other processes. */
  pollIntervalMs?: number;
}

/** The fields this adapter reads from a recorded event, whether it came from a stream read or from $all. */
interface DbRecordedEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

type StoredMetadata = EventMetadataInput & { schemaVersion?: unknown; category?: unknown };

const checkpointStreamPrefix = 'salesos_checkpoint-';
const checkpointEventType = 'CheckpointStored';
const checkpointsKept = 10;
/** How many of a stream's latest events an append searches for the batch's ids (a retried batch lies among them). */
const idempotencyWindow = 1000;
/** Servers before 22.6 send this (-1 as an unsigned 64-bit number) when a stream read has no $all position. */
const noPosition = 2n ** 63n;

/**
 * Adapter for EventStoreDB (gRPC client). Stream versions are revisions + 1, global positions are $all commit
 * positions, and checkpoints are the last event of a `salesos_checkpoint-<id>` stream, written with an expected
 * revision so that two writers cannot both win.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly wakeUp = new WakeUpSignal();

  get appendSignal(): AppendSignal {
    return this.wakeUp;
  }
  private readonly subscriptions = new Set<Subscription>();
  private closing: Promise<void> | undefined;
  private isClosed = false;

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbEventStoreOptions,
  ) {}

  static async connect(options: EventStoreDbEventStoreOptions): Promise<EventStoreDbEventStore> {
    const client = EventStoreDBClient.connectionString(options.connectionString);
    try {
      // The client connects lazily; one read makes a wrong address or missing rights fail here, not at first use.
      await collect(client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }));
    } catch (error) {
      await client.dispose();
      throw error;
    }
    return new EventStoreDbEventStore(client, options);
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    this.assertOpen();
    const prepared = prepareAppend(streamId, events, expected, this.options.limits ?? defaultAppendLimits);
    if (streamId.startsWith(checkpointStreamPrefix)) {
      throw new InvalidAppendError(
        EventStoreErrorCode.InvalidStreamId,
        `Stream ids starting with '${checkpointStreamPrefix}' are reserved for subscription checkpoints`,
      );
    }
    const retried = await this.findStoredBatch(streamId, prepared);
    if (retried !== undefined) return retried;

    const category = streamCategory(streamId);
    const proposed = prepared.map((event) =>
      jsonEvent({
        id: event.eventId,
        type: event.type,
        // Parsed back from the validated JSON, so the client stores exactly what prepareAppend checked and measured.
        data: JSON.parse(event.dataJson) as JSONType,
        metadata: {
          ...(JSON.parse(event.metadataJson) as EventMetadataInput),
          schemaVersion: event.schemaVersion,
          category,
        },
      }),
    );
    const result = await this.client
      .appendToStream(streamId, proposed, { expectedRevision: toExpectedRevision(expected) })
      .catch((error: unknown) => {
        throw translateAppendError(error, streamId, expected);
      });
    // Only when the connection string sets throwOnAppendFailure=false, whose report of the current revision is unreliable.
    if (!result.success) {
      throw new WrongExpectedVersionError(streamId, expected, await this.currentVersion(streamId));
    }
    this.wakeUp.notify();
    return {
      nextExpectedVersion: Number(result.nextExpectedRevision) + 1,
      lastPosition: checkedPosition(result.position?.commit, streamId),
    };
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { from, direction, maxCount } = normalizeReadStream(streamId, options);
    if (direction === 'forwards') {
      const fromRevision = from === undefined || from <= 1 ? START : BigInt(from - 1);
      return toRecordedEvents(await this.readRaw(streamId, { direction: FORWARDS, fromRevision, maxCount }));
    }
    if (from === 0) return [];
    let resolved = await this.readRaw(streamId, {
      direction: BACKWARDS,
      fromRevision: from === undefined ? END : BigInt(from - 1),
      maxCount,
    });
    if (from !== undefined && (resolved[0]?.event?.revision ?? -1n) < BigInt(from - 1)) {
      // The server reads only revisions [from - maxCount, from - 1]; past the end of the stream that range misses
      // the newest events, which the other adapters return.
      const last = BigInt(from - 1);
      resolved = (await this.readRaw(streamId, { direction: BACKWARDS, fromRevision: END, maxCount })).filter(
        (event) => event.event !== undefined && event.event.revision <= last,
      );
    }
    return toRecordedEvents(resolved);
  }

  async readAll(options?: ReadAllOptions): Promise<ReadAllPage> {
    this.assertOpen();
    const read = normalizeReadAll(options);
    const events: RecordedEvent[] = [];
    /** The last of our own events examined: where the next read may start without missing one. */
    let lastScannedPosition = read.after;
    /** The last event the server returned, including system events and checkpoints. */
    let cursor = read.after;
    let scanned = 0;
    let chunk = read.maxCount + 1;
    for (;;) {
      // fromPosition is inclusive, so the event at `cursor` comes back first: ask for one more.
      const size = Math.min(chunk, filteredScanWindow - scanned + 1);
      const fromPosition: ReadPosition = cursor === 0n ? START : { commit: cursor, prepare: cursor };
      const page = await collect(this.client.readAll({ direction: FORWARDS, fromPosition, maxCount: size }));
      for (const { event: record } of page) {
        if (record === undefined || record.position.commit <= cursor) continue;
        cursor = record.position.commit;
        scanned += 1;
        // Not advancing over trailing system and checkpoint events stops a caught-up subscription from storing a
        // checkpoint for the checkpoint it just wrote, and so on at every poll.
        if (!isHidden(record)) {
          lastScannedPosition = cursor;
          if (matchesFilter(streamCategory(record.streamId), record.type, read)) {
            events.push(toRecorded(record, cursor));
            if (events.length === read.maxCount) return { events, lastScannedPosition, isEnd: false };
          }
        }
        if (scanned === filteredScanWindow) return { events, lastScannedPosition: cursor, isEnd: false };
      }
      if (page.length < size) return { events, lastScannedPosition, isEnd: true };
      chunk = Math.min(chunk * 2, filteredScanWindow);
    }
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
    if (this.closing !== undefined) throw closedError();
    const subscription = startPollingSubscription(
      { store: this, wakeUp: this.wakeUp, pollIntervalMs: this.options.pollIntervalMs ?? 100 },
      options,
    );
    this.subscriptions.add(subscription);
    void subscription.closed.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  async readCheckpoint(subscriptionId: string): Promise<bigint | undefined> {
    this.assertOpen();
    return (await this.lastCheckpoint(subscriptionId))?.position;
  }

  async storeCheckpoint(subscriptionId: string, position: bigint, expected: bigint | undefined): Promise<void> {
    this.assertOpen();
    const streamName = checkpointStreamPrefix + subscriptionId;
    const stored = await this.lastCheckpoint(subscriptionId);
    if (stored?.position !== expected) throw new CheckpointConflictError(subscriptionId, expected, stored?.position);
    if (stored === undefined) await this.client.setStreamMetadata(streamName, { maxCount: checkpointsKept });
    try {
      await this.client.appendToStream(
        streamName,
        jsonEvent({ type: checkpointEventType, data: { position: position.toString() } }),
        { expectedRevision: stored?.revision ?? NO_STREAM },
      );
    } catch (error) {
      if (!(error instanceof DbWrongExpectedVersionError)) throw error;
      throw new CheckpointConflictError(
        subscriptionId,
        expected,
        (await this.lastCheckpoint(subscriptionId))?.position,
      );
    }
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    // Stopped while the store is still open, so a subscription can store its last checkpoint.
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.isClosed = true;
    await this.client.dispose();
  }

  /** The stored events of a retried batch; throws when only some of the batch's ids are stored. */
  private async findStoredBatch(
    streamId: string,
    prepared: readonly PreparedEvent[],
  ): Promise<AppendResult | undefined> {
    const ids = new Set(prepared.map((event) => event.eventId));
    const recent = await this.readRaw(streamId, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: idempotencyWindow,
    });
    const stored = recent.filter(({ event }) => event !== undefined && ids.has(event.id.toLowerCase()));
    const newest = stored[0];
    if (newest?.event === undefined) return undefined;
    if (stored.length < prepared.length) throw new IdempotencyConflictError(streamId);
    return {
      nextExpectedVersion: Number(newest.event.revision) + 1,
      lastPosition: checkedPosition(newest.event.position?.commit ?? newest.commitPosition, streamId),
    };
  }

  private async currentVersion(streamId: string): Promise<number> {
    const [last] = await this.readRaw(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last?.event === undefined ? 0 : Number(last.event.revision) + 1;
  }

  private async lastCheckpoint(subscriptionId: string): Promise<{ position: bigint; revision: bigint } | undefined> {
    const streamName = checkpointStreamPrefix + subscriptionId;
    const [last] = await this.readRaw(streamName, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    if (last?.event === undefined) return undefined;
    const data: unknown = last.event.data;
    if (typeof data !== 'object' || data === null || !('position' in data) || typeof data.position !== 'string') {
      throw new Error(`Checkpoint stream '${streamName}' ends with an event that holds no position`);
    }
    return { position: BigInt(data.position), revision: last.event.revision };
  }

  /** A missing stream reads as empty. */
  private async readRaw(streamName: string, options: DbReadStreamOptions): Promise<ResolvedEvent[]> {
    try {
      return await collect(this.client.readStream(streamName, options));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.isClosed) throw closedError();
  }
}

function closedError(): EventStoreError {
  return new EventStoreError(EventStoreErrorCode.Closed, 'The event store is closed');
}

async function collect<Item>(read: StreamingRead<Item>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const item of read) items.push(item);
  return items;
}

function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  if (typeof expected === 'number') return expected === 0 ? NO_STREAM : BigInt(expected - 1);
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
  }
}

function translateAppendError(error: unknown, streamId: string, expected: ExpectedVersion): unknown {
  if (error instanceof DbWrongExpectedVersionError) {
    const actual = error.actualVersion === NO_STREAM ? 0 : Number(error.actualVersion) + 1;
    return new WrongExpectedVersionError(streamId, expected, actual);
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidAppendError(
      EventStoreErrorCode.PayloadTooLarge,
      `Append to '${streamId}' is larger than the server accepts in one append (${error.maxAppendSize} bytes)`,
    );
  }
  return error;
}

function isHidden(record: DbRecordedEvent): boolean {
  return (
    record.streamId.startsWith('$') || record.type.startsWith('$') || record.streamId.startsWith(checkpointStreamPrefix)
  );
}

function checkedPosition(commit: bigint | undefined, streamId: string): bigint {
  if (commit === undefined || commit >= noPosition) {
    throw new Error(
      `EventStoreDB returned no $all position for an event of '${streamId}'; stream reads carry it from server 22.6 on`,
    );
  }
  return commit;
}

function toRecordedEvents(resolved: readonly ResolvedEvent[]): RecordedEvent[] {
  return resolved.flatMap(({ event, commitPosition }) =>
    event === undefined
      ? []
      : [toRecorded(event, checkedPosition(event.position?.commit ?? commitPosition, event.streamId))],
  );
}

function toRecorded(record: DbRecordedEvent, position: bigint): RecordedEvent {
  const raw = record.metadata;
  // Events written by other clients may carry no metadata, or binary metadata.
  const metadata = {
    ...(typeof raw === 'object' && raw !== null && !(raw instanceof Uint8Array) ? raw : {}),
  } as StoredMetadata;
  const schemaVersion = typeof metadata.schemaVersion === 'number' ? metadata.schemaVersion : 1;
  delete metadata.schemaVersion;
  delete metadata.category;
  return toRecordedEvent(
    {
      position,
      streamId: record.streamId,
      streamVersion: Number(record.revision) + 1,
      eventId: record.id,
      type: record.type,
      schemaVersion,
      recordedAt: record.created.toISOString(),
    },
    record.data,
    metadata,
  );
}
