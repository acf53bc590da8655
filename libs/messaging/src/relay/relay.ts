import { type ContractRegistry, type TopicDefinition, toEventRecord } from '@salesos/contracts';
import type { EventStore, ReadAllPage, RecordedEvent } from '@salesos/event-store';
import { CheckpointConflictError } from '@salesos/event-store';
import {
  deadLetterTopicDefinition,
  type MessageTransport,
  type OutgoingRecord,
  type TransportProducer,
} from '../transport/message-transport.port';
import { type MessagingLogger, silentLogger } from '../messaging-logger';
import { LagGauge } from '../health/lag-gauge';
import { unlessAborted } from '../unless-aborted';
import type { LockLease, RelayLock } from './relay-lock.port';
import { type IntegrationMapper, publicationOf } from './publication';

export interface RelayOptions {
  service: string;
  store: EventStore;
  /** Stream categories the service owns; only their events are read. */
  categories: string[];
  map: IntegrationMapper;
  registry: ContractRegistry;
  /** Topics created, when missing, before the first publish (default: those of the registry's contracts). */
  topics?: readonly TopicDefinition[];
  transport: MessageTransport;
  lock: RelayLock;
  batchSize?: number;
  /** How often the store is read for appends of other processes (default 50 ms); this process's wake it at once. */
  pollIntervalMs?: number;
  /** After an append of this process wakes it, how long to let more gather into the batch (default 5 ms). */
  batchWindowMs?: number;
  /** Wait before retrying a batch the broker did not take (default 0.4 s doubling up to 5 s), for ever until stopped. */
  retryDelayMs?: (attempt: number) => number;
  /** How often the lag is measured in the background (default 5 s). */
  lagIntervalMs?: number;
  clock?: () => Date;
  logger?: MessagingLogger;
}

/**
 * `connecting`: holds the lock and has not yet had a batch acknowledged (the broker may be down: `lastError` tells
 * once an attempt failed, and the state is then `retrying`).
 */
export type RelayState = 'idle' | 'waiting-for-lock' | 'connecting' | 'publishing' | 'retrying' | 'stopped' | 'failed';

export interface RelayStatus {
  service: string;
  /** `retrying`: the transport did not take the last batch (`lastError` says why); it is tried again. */
  state: RelayState;
  published: number;
  checkpoint: string | undefined;
  /** Events of the service stored and not yet published, as last measured; null before the first measurement. */
  lag: number | null;
  /** When the broker last acknowledged a batch. */
  lastPublishedAt: string | null;
  /** Why the last attempt failed; cleared once a batch is published. */
  lastError?: string;
  /** Stored events it could not publish (no mapping, or a broken contract), sent to its dead-letter topic instead. */
  parked: number;
}

/** The topic a relay parks the stored events it cannot publish on, with the reason in `dlq_*` headers. */
export const relayDeadLetterTopic = (service: string): TopicDefinition => deadLetterTopicDefinition(`relay.${service}`);

const defaultRetryDelay = (attempt: number): number => Math.min(5000, 200 * 2 ** Math.min(attempt, 5));
const lagTimeoutMs = 4000;

/**
 * Publishes a service's events from the store to the transport. The checkpoint moves only after the broker
 * acknowledged the batch (at least once, never lost), and a lock lets one instance per service publish.
 */
export class Relay {
  private state: RelayState = 'idle';
  private published = 0;
  private parked = 0;
  private checkpoint: bigint | undefined;
  private lastError: string | undefined;
  private lastPublishedAt: Date | undefined;
  private topicsReady = false;
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;
  private stopped: Promise<void> | undefined;
  private readonly logger: MessagingLogger;
  private readonly wake = new Set<() => void>();
  private readonly gauge: LagGauge;

  constructor(private readonly options: RelayOptions) {
    this.logger = options.logger ?? silentLogger;
    this.gauge = new LagGauge(() => this.countUnpublished(100_000));
  }

  get checkpointId(): string {
    return `relay:${this.options.service}`;
  }

  /**
   * Publishes in the background until `stop()`: needs nothing of the broker to start, and retries a batch the broker
   * did not take (down, topics not there yet) for ever, with capped backoff. Only a broken contract or a lock that
   * cannot be asked stops it for good.
   */
  start(): void {
    if (this.running !== undefined || this.stopped !== undefined) return;
    this.running = this.run().catch((error: unknown) => {
      this.state = 'failed';
      this.lastError = describe(error);
      this.logger.error('relay stopped on an error', { service: this.options.service, error: this.lastError });
    });
    this.gauge.start(this.options.lagIntervalMs ?? 5000, lagTimeoutMs);
  }

  /** Resolves when the relay has stopped; after `stop()`, or with the error that stopped it. */
  get done(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  isPublishing(): boolean {
    return this.state === 'publishing';
  }

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.abort.abort();
      this.gauge.stop();
      for (const wake of [...this.wake]) wake();
      await this.running;
      this.state = 'stopped';
    })();
    return this.stopped;
  }

  status(): RelayStatus {
    return {
      service: this.options.service,
      state: this.state,
      published: this.published,
      checkpoint: this.checkpoint?.toString(),
      lag: this.gauge.value ?? null,
      lastPublishedAt: this.lastPublishedAt?.toISOString() ?? null,
      parked: this.parked,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }

  /** Events of the service stored after the checkpoint (counted up to 100,000), measured now within a few seconds. */
  lag(): Promise<number> {
    return this.gauge.refresh(lagTimeoutMs);
  }

  private async countUnpublished(cap: number): Promise<number> {
    const { store, categories } = this.options;
    let after = (await store.readCheckpoint(this.checkpointId)) ?? 0n;
    if (store.countEvents) return store.countEvents({ after, filter: { categories }, cap });
    let count = 0;
    while (count < cap) {
      const page = await store.readAll({ after, maxCount: 1000, filter: { categories } });
      count += page.events.length;
      after = page.lastScannedPosition;
      if (page.isEnd) break;
    }
    return Math.min(count, cap);
  }

  private async run(): Promise<void> {
    while (!this.abort.signal.aborted) {
      this.state = 'waiting-for-lock';
      let lease: LockLease;
      try {
        lease = await this.options.lock.acquire(this.checkpointId, this.abort.signal);
      } catch (error) {
        if (this.abort.signal.aborted) break;
        throw error;
      }
      this.logger.info('relay holds the lock and publishes', { service: this.options.service });
      try {
        await this.publishWhileHeld(lease);
      } finally {
        await lease.release();
      }
    }
  }

  private async publishWhileHeld(lease: LockLease): Promise<void> {
    let producer: TransportProducer | undefined;
    let attempt = 0;
    let checkpointRead = false;
    // Only an acknowledged batch makes it `publishing`: until then it is connecting, or retrying after a failure.
    this.state = 'connecting';
    while (!this.abort.signal.aborted && lease.isHeld()) {
      try {
        if (!checkpointRead) {
          // Read in the loop: a store that does not answer for a moment is retried like a broker, not fatal.
          this.checkpoint = await this.options.store.readCheckpoint(this.checkpointId);
          checkpointRead = true;
        }
        if (producer === undefined) {
          // A stop does not wait for the client's retries against a broker that is down.
          const { signal } = this.abort;
          if (!this.topicsReady) {
            const topics = [
              ...(this.options.topics ?? this.options.registry.topics),
              relayDeadLetterTopic(this.options.service),
            ];
            await unlessAborted(this.options.transport.ensureTopics(topics), signal);
            this.topicsReady = true;
          }
          producer = this.options.transport.producer();
          await unlessAborted(producer.connect(), signal);
        }
        const appendsSeen = this.options.store.appendSignal.generation;
        const page = await this.options.store.readAll({
          after: this.checkpoint ?? 0n,
          maxCount: this.options.batchSize ?? 500,
          filter: { categories: this.options.categories },
        });
        await this.publish(producer, page);
        if (!lease.isHeld()) return;
        await this.options.store.storeCheckpoint(this.checkpointId, page.lastScannedPosition, this.checkpoint);
        this.checkpoint = page.lastScannedPosition;
        this.published += page.events.length;
        if (page.events.length > 0) this.lastPublishedAt = this.options.clock?.() ?? new Date();
        // The broker took a batch: an error from before it is history, not the relay's condition.
        this.lastError = undefined;
        this.state = 'publishing';
        attempt = 0;
        if (page.isEnd) await this.idle(appendsSeen);
      } catch (error) {
        if (this.abort.signal.aborted) break;
        if (error instanceof CheckpointConflictError) {
          this.logger.warn('another relay moved the checkpoint; standing down', { service: this.options.service });
          return;
        }
        attempt += 1;
        this.state = 'retrying';
        this.lastError = describe(error);
        this.logger.warn('relay could not publish; retrying', {
          service: this.options.service,
          attempt,
          error: this.lastError,
        });
        await producer?.disconnect().catch(() => undefined);
        producer = undefined;
        await this.sleep((this.options.retryDelayMs ?? defaultRetryDelay)(attempt));
      }
    }
    await producer?.disconnect().catch(() => undefined);
  }

  private async publish(producer: TransportProducer, page: ReadAllPage): Promise<void> {
    const byTopic = new Map<string, OutgoingRecord[]>();
    const parked: OutgoingRecord[] = [];
    for (const event of page.events) {
      const outcome = this.prepare(event);
      if ('reason' in outcome) {
        parked.push(this.parkingRecord(event, outcome.reason));
        continue;
      }
      for (const { topic, record } of outcome.records) {
        const records = byTopic.get(topic) ?? [];
        records.push(record);
        byTopic.set(topic, records);
      }
    }
    // Topics one after the other: every aggregate lives in one topic, so its order is the store's order.
    for (const [topic, records] of byTopic) await producer.send(topic, records);
    if (parked.length > 0) {
      await producer.send(relayDeadLetterTopic(this.options.service).name, parked);
      this.parked += parked.length;
    }
  }

  /**
   * What one stored event publishes, or why it cannot be published: a mapping that fails (the stored event is not
   * what its type says) or an integration event that breaks its contract. Such an event is parked, never a reason to
   * stop publishing the ones after it.
   */
  private prepare(
    event: RecordedEvent,
  ): { records: Array<{ topic: string; record: OutgoingRecord }> } | { reason: string } {
    const publication = publicationOf(event, this.options.map, this.options.registry);
    if ('reason' in publication) return publication;
    return { records: publication.events.map(({ topic, event }) => ({ topic, record: toEventRecord(event) })) };
  }

  private parkingRecord(event: RecordedEvent, reason: string): OutgoingRecord {
    const { metadata } = event;
    this.logger.error('relay parked a stored event it cannot publish', {
      service: this.options.service,
      eventId: metadata.eventId,
      streamId: metadata.streamId,
      type: event.type,
      reason,
    });
    return {
      key: metadata.streamId,
      value: JSON.stringify({ type: event.type, data: event.data, metadata }, (_key, value: unknown) =>
        typeof value === 'bigint' ? value.toString() : value,
      ),
      headers: {
        dlq_reason: reason.slice(0, 2000),
        dlq_relay: this.options.service,
        dlq_event_id: metadata.eventId,
        dlq_stream_id: metadata.streamId,
        dlq_position: metadata.globalPosition.toString(),
        dlq_failed_at: (this.options.clock?.() ?? new Date()).toISOString(),
      },
    };
  }

  /** Waits for an append of this process after `since` or, for the appends of others, the poll interval. */
  private async idle(since: number): Promise<void> {
    const poll = this.options.pollIntervalMs ?? 50;
    const appends = this.options.store.appendSignal;
    await Promise.race([this.sleep(poll), appends.wait(poll, since)]);
    if (appends.generation !== since && !this.abort.signal.aborted) await this.sleep(this.options.batchWindowMs ?? 5);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake.add(done);
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
