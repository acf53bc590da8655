import {
  type Admin,
  type Consumer,
  type EachBatchPayload,
  Kafka,
  type KafkaConfig,
  KafkaJSAggregateError,
  logLevel,
  type Producer,
  type RetryOptions,
} from 'kafkajs';
import type { TopicDefinition } from '@salesos/contracts';
import { randomUUID } from 'node:crypto';
import { KafkaTopicHistory } from './kafka-topic-history';
import type { TopicHistoryReader } from '../topic-history';
import type {
  ConsumeOptions,
  MessageTransport,
  OutgoingRecord,
  TransportConsumer,
  TransportProducer,
} from '../message-transport.port';

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  /** kafkajs log level; errors only by default, the runner reports what matters. */
  logLevel?: logLevel;
  /** How long a fetch waits for records when a partition is idle. */
  maxWaitTimeInMs?: number;
  /**
   * How long the broker keeps a silent member in its group (default 6 s, the broker's minimum). A member killed
   * without leaving holds its partitions that long: a restarted instance joins once it has expired.
   */
  sessionTimeoutMs?: number;
  /** How often a member tells the broker it is alive (default 1 s); the runner keeps it up during long batches. */
  heartbeatIntervalMs?: number;
  /**
   * Partitions whose batches are handled at the same time (default 3). Order within a partition, and so per key,
   * is kept; batches of different partitions overlap their database work.
   */
  partitionsConsumedConcurrently?: number;
}

/**
 * Every call gives up after about 9 s of attempts (0.1 s doubling to at most 2 s): the relay and the consumer runner
 * retry for ever themselves, so a broker that comes back is found within seconds, not after a long client backoff.
 */
const retry: RetryOptions = { initialRetryTime: 100, maxRetryTime: 2000, retries: 8 };

/** How long `ensureTopics` waits for the leaders of topics that exist (another process may have just created them). */
const leaderWaitMs = 30_000;

export class KafkaTransport implements MessageTransport {
  readonly name = 'kafka';
  private readonly kafka: Kafka;
  private admin: Promise<Admin> | undefined;
  /** Histories still being read: closing the transport closes them, so no reader's consumer outlives it. */
  private readonly histories = new Set<TopicHistoryReader>();

  constructor(private readonly options: KafkaTransportOptions) {
    const config: KafkaConfig = {
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: options.logLevel ?? logLevel.NOTHING,
      retry,
    };
    this.kafka = new Kafka(config);
  }

  producer(): TransportProducer {
    // Idempotent with one request in flight: broker-side retries never duplicate or reorder a partition.
    return new KafkaProducer(
      this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false }),
    );
  }

  consumer(groupId: string): TransportConsumer {
    return new KafkaConsumer(this.kafka, groupId, this.options, (work) => this.withAdmin(work));
  }

  async ensureTopics(topics: readonly TopicDefinition[]): Promise<void> {
    if (topics.length === 0) return;
    await this.withAdmin(async (admin) => {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((topic) => !existing.has(topic.name));
      if (missing.length > 0) {
        try {
          await admin.createTopics({
            waitForLeaders: true,
            topics: missing.map((topic) => ({
              topic: topic.name,
              numPartitions: topic.partitions,
              replicationFactor: -1,
              configEntries: [{ name: 'retention.ms', value: String(topic.retentionMs) }],
            })),
          });
        } catch (error) {
          // Another process created them between our listing and our request: theirs are as good as ours.
          if (!onlyAlreadyExists(error)) throw error;
        }
      }
      await waitForLeaders(
        admin,
        topics.map((topic) => topic.name),
      );
    });
  }

  /** Reads with a consumer group of its own, never committed and deleted on close, so it moves no one's offsets. */
  history(topics: readonly string[]): TopicHistoryReader {
    const reader = new KafkaTopicHistory(
      this.kafka,
      (work) => this.withAdmin(work),
      topics,
      `salesos.history.${randomUUID()}`,
    );
    const histories = this.histories;
    const tracked: TopicHistoryReader = {
      next: (maxCount) => reader.next(maxCount),
      remaining: () => reader.remaining(),
      close: async () => {
        histories.delete(tracked);
        await reader.close();
      },
    };
    histories.add(tracked);
    return tracked;
  }

  async close(): Promise<void> {
    await Promise.all([...this.histories].map((reader) => reader.close()));
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((connected) => connected.disconnect()).catch(() => undefined);
  }

  /** Runs admin work on one shared connection; after a failure the next call connects afresh. */
  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = (this.admin ??= this.connectAdmin());
    try {
      return await work(await admin);
    } catch (error) {
      if (this.admin === admin) this.admin = undefined;
      await admin.then((connected) => connected.disconnect()).catch(() => undefined);
      throw error;
    }
  }

  private async connectAdmin(): Promise<Admin> {
    const admin = this.kafka.admin({ retry });
    await admin.connect();
    return admin;
  }
}

function onlyAlreadyExists(error: unknown): boolean {
  const errors = error instanceof KafkaJSAggregateError ? error.errors : [error];
  return errors.every((each) => (each as { type?: string }).type === 'TOPIC_ALREADY_EXISTS');
}

/** A topic is usable once every partition has a leader; a consumer that joins earlier is told the topic is unknown. */
async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + leaderWaitMs;
  for (;;) {
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
    const leaderless = metadata.filter((topic) => topic.partitions.some((partition) => partition.leader < 0));
    if (leaderless.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`Topics without a leader after ${leaderWaitMs} ms: ${leaderless.map((t) => t.name).join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

class KafkaProducer implements TransportProducer {
  constructor(private readonly producer: Producer) {}

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async send(topic: string, records: readonly OutgoingRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.producer.send({
      topic,
      acks: -1,
      messages: records.map((record) => ({ key: record.key, value: record.value, headers: record.headers })),
    });
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}

class KafkaConsumer implements TransportConsumer {
  private consumer: Consumer | undefined;
  private topics: string[] = [];
  private stopping = false;
  private abandonStart: ((reason: Error) => void) | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly options: KafkaTransportOptions,
    private readonly withAdmin: <T>(work: (admin: Admin) => Promise<T>) => Promise<T>,
  ) {}

  async start(options: ConsumeOptions): Promise<void> {
    this.topics = options.topics;
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 6000,
      heartbeatInterval: this.options.heartbeatIntervalMs ?? 1000,
      maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? 100,
      allowAutoTopicCreation: false,
      // kafkajs would restart a crashed consumer on its own, unseen; the runner restarts it and reports why.
      retry: { ...retry, restartOnFailure: () => Promise.resolve(false) },
    });
    this.consumer = consumer;
    const joined = new Promise<void>((resolve, reject) => {
      this.abandonStart = reject;
      consumer.on(consumer.events.GROUP_JOIN, () => {
        resolve();
        options.onMembership?.({ kind: 'joined' });
      });
      consumer.on(consumer.events.REBALANCING, () => options.onMembership?.({ kind: 'rebalancing' }));
      consumer.on(consumer.events.CRASH, (event) => {
        const error = describe(event.payload.error);
        reject(new Error(error));
        options.onMembership?.({ kind: 'crashed', error });
      });
    });
    joined.catch(() => undefined);
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.eachBatch(payload, options),
    });
    await joined;
    this.abandonStart = undefined;
  }

  private async eachBatch(payload: EachBatchPayload, options: ConsumeOptions): Promise<void> {
    const { batch } = payload;
    const consumer = this.consumer as Consumer;
    await options.eachBatch(
      {
        topic: batch.topic,
        partition: batch.partition,
        records: batch.messages.map((message) => ({
          topic: batch.topic,
          partition: batch.partition,
          offset: message.offset,
          key: message.key === null ? null : message.key.toString(),
          value: message.value,
          headers: flattenHeaders(message.headers),
        })),
      },
      {
        commit: async (offset) => {
          payload.resolveOffset(offset);
          await consumer.commitOffsets([
            { topic: batch.topic, partition: batch.partition, offset: (BigInt(offset) + 1n).toString() },
          ]);
        },
        heartbeat: () => payload.heartbeat(),
        shouldContinue: () => !this.stopping && payload.isRunning() && !payload.isStale(),
      },
    );
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.abandonStart?.(new Error('the consumer was stopped before it joined its group'));
    // kafkajs waits for the batch in hand before it leaves the group.
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  lag(): Promise<number> {
    return this.withAdmin(async (admin) => {
      let total = 0;
      for (const topic of this.topics) {
        const [latest, committed] = await Promise.all([
          admin.fetchTopicOffsets(topic),
          admin.fetchOffsets({ groupId: this.groupId, topics: [topic] }),
        ]);
        const done = new Map(committed[0]?.partitions.map((entry) => [entry.partition, BigInt(entry.offset)]) ?? []);
        for (const partition of latest) {
          const high = BigInt(partition.high);
          const at = done.get(partition.partition) ?? -1n;
          total += Number(high - (at < 0n ? BigInt(partition.low) : at));
        }
      }
      return total;
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function flattenHeaders(
  headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined,
): Record<string, Buffer | string | undefined> {
  const flat: Record<string, Buffer | string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) flat[name] = Array.isArray(value) ? value[0] : value;
  return flat;
}
