import {
  type Admin,
  type Consumer,
  type EachBatchPayload,
  Kafka,
  type KafkaConfig,
  logLevel,
  type Producer,
} from 'kafkajs';
import type { TopicDefinition } from '@salesos/contracts';
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
  sessionTimeoutMs?: number;
  /**
   * Partitions whose batches are handled at the same time (default 3). Order within a partition, and so per key,
   * is kept; batches of different partitions overlap their database work.
   */
  partitionsConsumedConcurrently?: number;
}

export class KafkaTransport implements MessageTransport {
  readonly name = 'kafka';
  private readonly kafka: Kafka;
  private admin: Admin | undefined;

  constructor(private readonly options: KafkaTransportOptions) {
    const config: KafkaConfig = {
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: options.logLevel ?? logLevel.NOTHING,
      retry: { initialRetryTime: 100, retries: 8 },
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
    return new KafkaConsumer(this.kafka, groupId, this.options, () => this.getAdmin());
  }

  async ensureTopics(topics: readonly TopicDefinition[]): Promise<void> {
    const admin = await this.getAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic.name));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic: topic.name,
        numPartitions: topic.partitions,
        replicationFactor: -1,
        configEntries: [{ name: 'retention.ms', value: String(topic.retentionMs) }],
      })),
    });
  }

  async close(): Promise<void> {
    await this.admin?.disconnect();
    this.admin = undefined;
  }

  private async getAdmin(): Promise<Admin> {
    if (this.admin === undefined) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
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

  constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly options: KafkaTransportOptions,
    private readonly admin: () => Promise<Admin>,
  ) {}

  async start(options: ConsumeOptions): Promise<void> {
    this.topics = options.topics;
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: 3000,
      maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? 100,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning });
    const joined = new Promise<void>((resolve) => {
      const remove = consumer.on(consumer.events.GROUP_JOIN, () => {
        remove();
        resolve();
      });
    });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.eachBatch(payload, options),
    });
    await joined;
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
    // kafkajs waits for the batch in hand before it leaves the group.
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  async lag(): Promise<number> {
    const admin = await this.admin();
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
  }
}

function flattenHeaders(
  headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined,
): Record<string, Buffer | string | undefined> {
  const flat: Record<string, Buffer | string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) flat[name] = Array.isArray(value) ? value[0] : value;
  return flat;
}
