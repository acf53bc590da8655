import type { AppendResult, EventMetadataInput, ExpectedVersion, NewEvent, RecordedEvent } from '../event';
import { type StoredEventRow, toRecordedEvent } from '../stored-event';
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
import { type AppendLimits, defaultAppendLimits, prepareAppend } from '../append-validation';
import {
  CheckpointConflictError,
  EventStoreError,
  EventStoreErrorCode,
  IdempotencyConflictError,
  WrongExpectedVersionError,
} from '../event-store.errors';
import { matchesFilter, normalizeReadAll, normalizeReadStream } from '../read-options';
import { startPollingSubscription } from '../subscription/polling-subscription';
import { WakeUpSignal } from '../subscription/wake-up-signal';
import { SubscriptionRegistry } from '../subscription/subscription-registry';
import { checkExpectedVersion } from '../expected-version';

interface StoredEvent extends StoredEventRow {
  category: string;
  dataJson: string;
  metadataJson: string;
}

export interface MemoryEventStoreOptions {
  clock?: () => Date;
  limits?: AppendLimits;
  pollIntervalMs?: number;
}

/** Keeps everything in the process: for unit tests. Stores serialized payloads so readers never share objects. */
export class MemoryEventStore implements EventStore {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly checkpoints = new Map<string, bigint>();
  private readonly wakeUp = new WakeUpSignal();

  get appendSignal(): AppendSignal {
    return this.wakeUp;
  }
  private readonly subscriptions = new SubscriptionRegistry();
  private closed = false;

  constructor(private readonly options: MemoryEventStoreOptions = {}) {}

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    return Promise.resolve().then(() => this.appendNow(streamId, events, expected));
  }

  private appendNow(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): AppendResult {
    this.assertOpen();
    const prepared = prepareAppend(streamId, events, expected, this.options.limits ?? defaultAppendLimits);
    const stream = this.streams.get(streamId) ?? [];
    const ids = new Set(prepared.map((event) => event.eventId));
    const already = stream.filter((event) => ids.has(event.eventId));
    if (already.length === prepared.length) {
      const last = already[already.length - 1] as StoredEvent;
      return { nextExpectedVersion: last.streamVersion, lastPosition: last.position };
    }
    if (already.length > 0) throw new IdempotencyConflictError(streamId);
    const current = stream.length;
    if (!checkExpectedVersion(expected, stream.length > 0 ? current : undefined)) {
      throw new WrongExpectedVersionError(streamId, expected, current);
    }
    const recordedAt = (this.options.clock?.() ?? new Date()).toISOString();
    const category = streamCategory(streamId);
    const stored = prepared.map((event, index) => ({
      position: BigInt(this.all.length + index + 1),
      streamId,
      category,
      streamVersion: current + index + 1,
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      dataJson: event.dataJson,
      metadataJson: event.metadataJson,
      recordedAt,
    }));
    this.all.push(...stored);
    this.streams.set(streamId, [...stream, ...stored]);
    this.wakeUp.notify();
    const last = stored[stored.length - 1] as StoredEvent;
    return { nextExpectedVersion: last.streamVersion, lastPosition: last.position };
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return Promise.resolve().then(() => {
      this.assertOpen();
      const { from, direction, maxCount } = normalizeReadStream(streamId, options);
      const stream = this.streams.get(streamId) ?? [];
      const selected =
        direction === 'forwards'
          ? stream.filter((event) => event.streamVersion >= (from ?? 0))
          : stream.filter((event) => event.streamVersion <= (from ?? Number.MAX_SAFE_INTEGER)).reverse();
      return selected.slice(0, maxCount).map(toRecorded);
    });
  }

  readAll(options?: ReadAllOptions): Promise<ReadAllPage> {
    return Promise.resolve().then(() => {
      this.assertOpen();
      const read = normalizeReadAll(options);
      // Positions are dense from 1, so the index of the first event after `after` is `after` itself.
      const start = Number(read.after);
      const events: RecordedEvent[] = [];
      let scanned = read.after;
      for (let index = start; index < this.all.length; index += 1) {
        const event = this.all[index] as StoredEvent;
        if (matchesFilter(event.category, event.type, read)) {
          if (events.length === read.maxCount) break;
          events.push(toRecorded(event));
        }
        scanned = event.position;
      }
      return { events, lastScannedPosition: scanned, isEnd: scanned >= BigInt(this.all.length) };
    });
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
    return this.subscriptions.track(
      startPollingSubscription(
        { store: this, wakeUp: this.wakeUp, pollIntervalMs: this.options.pollIntervalMs ?? 1000 },
        options,
      ),
    );
  }

  readCheckpoint(subscriptionId: string): Promise<bigint | undefined> {
    return Promise.resolve(this.checkpoints.get(subscriptionId));
  }

  storeCheckpoint(subscriptionId: string, position: bigint, expected: bigint | undefined): Promise<void> {
    return Promise.resolve().then(() => {
      const actual = this.checkpoints.get(subscriptionId);
      if (actual !== expected) throw new CheckpointConflictError(subscriptionId, expected, actual);
      this.checkpoints.set(subscriptionId, position);
    });
  }

  async close(): Promise<void> {
    await this.subscriptions.stopAll();
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreError(EventStoreErrorCode.Closed, 'The event store is closed');
  }
}

function toRecorded(event: StoredEvent): RecordedEvent {
  return toRecordedEvent(event, JSON.parse(event.dataJson), JSON.parse(event.metadataJson) as EventMetadataInput);
}
