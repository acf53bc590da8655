import { fromEventRecord, type IntegrationEvent } from '@salesos/contracts';
import { type Admin, type Consumer, type EachBatchPayload, type Kafka } from 'kafkajs';
import type { HistoryPage, TopicHistoryReader } from '../topic-history';

/** Records held ahead of the reader: the consumer pauses when this many wait, and resumes at half. */
const bufferedRecords = 20_000;

/**
 * Reads Kafka topics from their first offset with a consumer group of its own, which it deletes when closed. A page
 * is at the end when every partition's records up to its latest offset have been read.
 */
export class KafkaTopicHistory implements TopicHistoryReader {
  private consumer: Consumer | undefined;
  private readonly buffer: Array<{ events: IntegrationEvent[]; records: number }> = [];
  private buffered = 0;
  /** Next offset to read, per `topic:partition`. */
  private readonly reached = new Map<string, bigint>();
  private started: Promise<void> | undefined;
  private paused = false;
  private failure: Error | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: <T>(work: (admin: Admin) => Promise<T>) => Promise<T>,
    private readonly topics: readonly string[],
    private readonly groupId: string,
  ) {}

  async next(maxCount: number): Promise<HistoryPage> {
    await (this.started ??= this.start());
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      if (this.buffer.length > 0) return this.take(maxCount);
      const atEnd = [...(await this.offsets())].every(([key, { low, high }]) => this.position(key, low) >= high);
      if (atEnd && this.buffer.length === 0) return { events: [], scanned: 0, isEnd: true };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async remaining(): Promise<number | undefined> {
    let total = 0n;
    for (const [key, { low, high }] of await this.offsets()) total += high - this.position(key, low);
    return Number(total) + this.buffered;
  }

  async close(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    await this.admin((admin) => admin.deleteGroups([this.groupId])).catch(() => undefined);
  }

  private take(maxCount: number): HistoryPage {
    const events: IntegrationEvent[] = [];
    let scanned = 0;
    while (this.buffer.length > 0 && scanned < maxCount) {
      const batch = this.buffer.shift() as { events: IntegrationEvent[]; records: number };
      events.push(...batch.events);
      scanned += batch.records;
    }
    this.buffered -= scanned;
    if (this.paused && this.buffered < bufferedRecords / 2) {
      this.paused = false;
      this.consumer?.resume(this.topics.map((topic) => ({ topic })));
    }
    return { events, scanned, isEnd: false };
  }

  private async start(): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: this.groupId, sessionTimeout: 6_000, heartbeatInterval: 1_000 });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.topics], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: (payload) => this.receive(payload),
    });
  }

  private receive({ batch }: EachBatchPayload): Promise<void> {
    const events: IntegrationEvent[] = [];
    for (const message of batch.messages) {
      const decoded = fromEventRecord({ value: message.value, headers: flatten(message.headers) });
      // A record that is not an event the live consumer could take is skipped here as it is dead-lettered there.
      if (decoded.ok) events.push(decoded.event);
    }
    const last = batch.messages.at(-1);
    if (last !== undefined) this.reached.set(`${batch.topic}:${batch.partition}`, BigInt(last.offset) + 1n);
    if (batch.messages.length > 0) {
      this.buffer.push({ events, records: batch.messages.length });
      this.buffered += batch.messages.length;
    }
    if (!this.paused && this.buffered >= bufferedRecords) {
      this.paused = true;
      this.consumer?.pause(this.topics.map((topic) => ({ topic })));
    }
    return Promise.resolve();
  }

  /** Where reading a partition stands: records below its first offset are gone (retention), not waited for. */
  private position(key: string, low: bigint): bigint {
    const reached = this.reached.get(key) ?? 0n;
    return reached > low ? reached : low;
  }

  /** Each partition's first offset still held and the offset after its last record. */
  private offsets(): Promise<Map<string, { low: bigint; high: bigint }>> {
    return this.admin(async (admin) => {
      const offsets = new Map<string, { low: bigint; high: bigint }>();
      for (const topic of this.topics) {
        for (const partition of await admin.fetchTopicOffsets(topic)) {
          offsets.set(`${topic}:${partition.partition}`, { low: BigInt(partition.low), high: BigInt(partition.high) });
        }
      }
      return offsets;
    });
  }
}

function flatten(headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined) {
  const flat: Record<string, Buffer | string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) flat[name] = Array.isArray(value) ? value[0] : value;
  return flat;
}
