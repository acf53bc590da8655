import type { TopicDefinition } from '@salesos/contracts';
import type {
  ConsumeOptions,
  IncomingRecord,
  MessageTransport,
  OutgoingRecord,
  TransportConsumer,
  TransportProducer,
} from '../message-transport.port';
import type { TopicHistoryReader } from '../topic-history';
import { type HeldRecords, HeldRecordsHistory } from './held-records-history';

interface Topic {
  partitions: IncomingRecord[][];
}

interface Group {
  /** Next offset to deliver, per `topic:partition`. */
  committed: Map<string, number>;
  members: InProcessConsumer[];
}

export interface InProcessTransportOptions {
  /** Wait before a batch whose handler threw is delivered again, as Kafka's consumer restart would. */
  redeliveryDelayMs?: number;
  maxBatchSize?: number;
  /**
   * Consumer groups a send waits for, by topic: it resolves once each of them has committed the records sent. A relay
   * moves its checkpoint after the send, so a record never lives only in this process's memory: if the process stops
   * first, the relay publishes it again at the next start (and the group's inbox drops the copy it had).
   */
  awaitCommitsOf?: Readonly<Record<string, readonly string[]>>;
  /** How long a send waits for those commits before it fails, and the relay retries it (default 60 s). */
  awaitCommitsTimeoutMs?: number;
  /**
   * Where a rebuild reads the topics' history. By default the records this transport holds, which live only as long
   * as the process: the embedded composition derives the history again from the local event store instead, with the
   * producers' own mapping.
   */
  history?: (topics: readonly string[]) => TopicHistoryReader;
}

/** A send that was waiting for consumer groups when the transport closed or the groups' last member stopped. */
export class TransportClosedError extends Error {
  constructor(reason: string) {
    super(`A send stopped waiting for the consumer groups to commit: ${reason}`);
  }
}

interface CommitWaiter {
  groups: readonly string[];
  check: () => boolean;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Kafka's delivery semantics inside one process, for the embedded mode: partitions by key, per-partition order,
 * consumer groups with committed offsets, redelivery of what was not committed. Records live in memory.
 */
export class InProcessTransport implements MessageTransport, HeldRecords {
  readonly name = 'in-process';
  private readonly topics = new Map<string, Topic>();
  private readonly groups = new Map<string, Group>();
  private readonly waiters = new Set<() => void>();
  private readonly commitWaiters = new Set<CommitWaiter>();
  private closed = false;

  constructor(readonly options: InProcessTransportOptions = {}) {}

  producer(): TransportProducer {
    return {
      connect: () => Promise.resolve(),
      send: (topic, records) => this.committed(topic, this.publish(topic, records)),
      disconnect: () => Promise.resolve(),
    };
  }

  consumer(groupId: string): TransportConsumer {
    return new InProcessConsumer(this, groupId);
  }

  history(topics: readonly string[]): TopicHistoryReader {
    return this.options.history?.(topics) ?? new HeldRecordsHistory(this, topics);
  }

  ensureTopics(topics: readonly TopicDefinition[]): Promise<void> {
    for (const topic of topics) {
      if (!this.topics.has(topic.name)) {
        this.topics.set(topic.name, { partitions: Array.from({ length: topic.partitions }, () => []) });
      }
    }
    return Promise.resolve();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of [...this.commitWaiters]) waiter.reject(new TransportClosedError('the transport closed'));
    this.commitWaiters.clear();
    const members = [...this.groups.values()].flatMap((group) => group.members);
    await Promise.all(members.map((member) => member.stop()));
  }

  /** @internal */
  topicPartitions(name: string): readonly (readonly IncomingRecord[])[] {
    return this.topics.get(name)?.partitions ?? [];
  }

  /** @internal */
  topic(name: string): Topic {
    const topic = this.topics.get(name);
    if (topic === undefined) throw new Error(`Topic '${name}' does not exist; create it with ensureTopics first`);
    return topic;
  }

  /** @internal */
  group(groupId: string): Group {
    let group = this.groups.get(groupId);
    if (group === undefined) {
      group = { committed: new Map(), members: [] };
      this.groups.set(groupId, group);
    }
    return group;
  }

  /** @internal Resolves on the next publish or after the timeout. */
  waitForRecords(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
    });
  }

  /** @internal A group committed: sends waiting for it may be done. */
  commitMade(): void {
    for (const waiter of [...this.commitWaiters]) {
      if (waiter.check()) {
        this.commitWaiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  /** Resolves once every group awaited on the topic has committed past the given offset of each partition. */
  private committed(topicName: string, ends: ReadonlyMap<number, number>): Promise<void> {
    const groups = this.options.awaitCommitsOf?.[topicName] ?? [];
    const check = (): boolean =>
      groups.every((groupId) => {
        const { committed } = this.group(groupId);
        return [...ends].every(([partition, end]) => (committed.get(`${topicName}:${partition}`) ?? 0) >= end);
      });
    if (check()) return Promise.resolve();
    if (this.closed) return Promise.reject(new TransportClosedError('the transport closed'));
    return new Promise((resolve, reject) => {
      const waiter: CommitWaiter = {
        groups,
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      // A group that stays behind must not hold the relay for ever: it retries, and the inbox drops the copies.
      const timer = setTimeout(() => {
        this.commitWaiters.delete(waiter);
        reject(new TransportClosedError(`no commit from ${groups.join(', ')} in time`));
      }, this.options.awaitCommitsTimeoutMs ?? 60_000);
      timer.unref();
      this.commitWaiters.add(waiter);
    });
  }

  /**
   * @internal A member left its group. Once a group has none, nothing will commit for it in this process (it is
   * shutting down), so sends waiting for it stop waiting; before any member joins, at start, they wait.
   */
  memberLeft(groupId: string): void {
    if (this.group(groupId).members.length > 0) return;
    for (const waiter of [...this.commitWaiters]) {
      if (!waiter.groups.includes(groupId)) continue;
      this.commitWaiters.delete(waiter);
      waiter.reject(new TransportClosedError(`consumer group '${groupId}' stopped`));
    }
  }

  /** @internal */
  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** Appends the records; answers, per partition written, the offset after the last record. */
  private publish(topicName: string, records: readonly OutgoingRecord[]): Map<number, number> {
    const topic = this.topic(topicName);
    const ends = new Map<number, number>();
    for (const record of records) {
      const partition = partitionFor(record.key, topic.partitions.length);
      const log = topic.partitions[partition] as IncomingRecord[];
      log.push({
        topic: topicName,
        partition,
        offset: String(log.length),
        key: record.key,
        value: Buffer.from(record.value),
        headers: { ...record.headers },
      });
      ends.set(partition, log.length);
    }
    this.wakeAll();
    return ends;
  }
}

/** FNV-1a: a stable key-to-partition mapping, so one key always lands in one partition. */
function partitionFor(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

class InProcessConsumer implements TransportConsumer {
  private options: ConsumeOptions | undefined;
  /** Like a Kafka consumer's fetch position: ahead of the committed offset until a failure seeks back. */
  private readonly position = new Map<string, number>();
  private running: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly transport: InProcessTransport,
    private readonly groupId: string,
  ) {}

  start(options: ConsumeOptions): Promise<void> {
    for (const topic of options.topics) this.transport.topic(topic);
    this.options = options;
    const group = this.transport.group(this.groupId);
    group.members.push(this);
    if (!options.fromBeginning) {
      for (const topic of options.topics) {
        this.transport.topic(topic).partitions.forEach((log, partition) => {
          const key = `${topic}:${partition}`;
          if (!group.committed.has(key)) group.committed.set(key, log.length);
        });
      }
    }
    this.running = this.loop();
    options.onMembership?.({ kind: 'joined' });
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.transport.wakeAll();
    await this.running;
    const group = this.transport.group(this.groupId);
    group.members = group.members.filter((member) => member !== this);
    this.transport.memberLeft(this.groupId);
  }

  lag(): Promise<number> {
    const group = this.transport.group(this.groupId);
    let total = 0;
    for (const topic of this.options?.topics ?? []) {
      this.transport.topic(topic).partitions.forEach((log, partition) => {
        total += log.length - (group.committed.get(`${topic}:${partition}`) ?? 0);
      });
    }
    return Promise.resolve(total);
  }

  private assigned(): Array<[string, number]> {
    const group = this.transport.group(this.groupId);
    const me = group.members.indexOf(this);
    const all = (this.options?.topics ?? []).flatMap((topic) =>
      this.transport.topic(topic).partitions.map((_, partition): [string, number] => [topic, partition]),
    );
    return all.filter((_, index) => index % group.members.length === me);
  }

  private async loop(): Promise<void> {
    const options = this.options as ConsumeOptions;
    const group = this.transport.group(this.groupId);
    const maxBatch = this.transport.options.maxBatchSize ?? 100;
    while (!this.stopping) {
      let delivered = false;
      const assigned = this.assigned();
      // A partition that moved to another member restarts from its committed offset when it comes back.
      const mine = new Set(assigned.map(([topic, partition]) => `${topic}:${partition}`));
      for (const key of [...this.position.keys()]) if (!mine.has(key)) this.position.delete(key);
      for (const [topic, partition] of assigned) {
        if (this.stopping) break;
        const key = `${topic}:${partition}`;
        const from = this.position.get(key) ?? group.committed.get(key) ?? 0;
        const records = (this.transport.topic(topic).partitions[partition] as IncomingRecord[]).slice(
          from,
          from + maxBatch,
        );
        if (records.length === 0) continue;
        delivered = true;
        this.position.set(key, from + records.length);
        try {
          await options.eachBatch(
            { topic, partition, records },
            {
              commit: (offset) => {
                group.committed.set(key, Math.max(group.committed.get(key) ?? 0, Number(offset) + 1));
                this.transport.commitMade();
                return Promise.resolve();
              },
              heartbeat: () => Promise.resolve(),
              shouldContinue: () => !this.stopping,
            },
          );
        } catch {
          // As with Kafka, what was not committed is delivered again after a pause.
          this.position.delete(key);
          await new Promise((resolve) => setTimeout(resolve, this.transport.options.redeliveryDelayMs ?? 500));
        }
      }
      if (!delivered && !this.stopping) await this.transport.waitForRecords(1000);
    }
  }
}
