import type { TopicDefinition } from '@salesos/contracts';
import type {
  BatchContext,
  ConsumeOptions,
  IncomingRecord,
  MessageTransport,
  OutgoingRecord,
  TransportConsumer,
  TransportProducer,
} from '../transport/message-transport.port';
import type { Inbox } from '../consumer/inbox.port';
import { NoHistory, type TopicHistoryReader } from '../transport/topic-history';

/**
 * A transport a unit test drives by hand: it can be down (every call fails with the given reason), deliver a batch
 * with a heartbeat that fails, crash the consumer, and report any lag.
 */
export class ScriptedTransport implements MessageTransport {
  readonly name = 'scripted';
  /** While set, connecting, creating topics, joining and measuring fail with this reason. */
  down: string | undefined;
  /** While true, a consumer's start waits (as a join behind a dead member does) until it is stopped. */
  joinHangs = false;
  /** While true, creating topics and connecting never end, as a client retrying against a broker that is gone. */
  connectHangs = false;
  lagValue = 0;
  readonly topicsCreated = new Set<string>();
  readonly sent: Array<{ topic: string; records: readonly OutgoingRecord[] }> = [];
  starts = 0;
  private active: ScriptedConsumer | undefined;

  producer(): TransportProducer {
    return {
      connect: () => this.refuseIfDown(),
      send: async (topic, records) => {
        await this.refuseIfDown();
        this.sent.push({ topic, records });
      },
      disconnect: () => Promise.resolve(),
    };
  }

  consumer(): TransportConsumer {
    return new ScriptedConsumer(this, (consumer) => (this.active = consumer));
  }

  async ensureTopics(topics: readonly TopicDefinition[]): Promise<void> {
    await this.refuseIfDown();
    for (const topic of topics) this.topicsCreated.add(topic.name);
  }

  history(): TopicHistoryReader {
    return new NoHistory('a scripted transport keeps no history');
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /** Hands a batch to the consumer that joined last; answers the offsets it committed. */
  async deliver(
    records: IncomingRecord[],
    context: { heartbeat?: () => Promise<void> } = {},
  ): Promise<{ commits: string[] }> {
    const consumer = this.active;
    if (consumer?.options === undefined) throw new Error('No consumer has joined');
    const commits: string[] = [];
    const batchContext: BatchContext = {
      commit: (offset) => {
        commits.push(offset);
        return Promise.resolve();
      },
      heartbeat: context.heartbeat ?? (() => Promise.resolve()),
      shouldContinue: () => !consumer.stopped,
    };
    const first = records[0] as IncomingRecord;
    await consumer.options.eachBatch({ topic: first.topic, partition: first.partition, records }, batchContext);
    return { commits };
  }

  /** The consumer that joined last dies, as a kafkajs consumer does when the broker goes away. */
  crash(error: string): void {
    this.active?.options?.onMembership?.({ kind: 'crashed', error });
  }

  /** @internal */
  refuseIfDown(): Promise<void> {
    if (this.connectHangs) return new Promise(() => undefined);
    return this.down === undefined ? Promise.resolve() : Promise.reject(new Error(this.down));
  }
}

class ScriptedConsumer implements TransportConsumer {
  options: ConsumeOptions | undefined;
  stopped = false;
  private abandon: (() => void) | undefined;

  constructor(
    private readonly transport: ScriptedTransport,
    private readonly joined: (consumer: ScriptedConsumer) => void,
  ) {}

  async start(options: ConsumeOptions): Promise<void> {
    this.transport.starts += 1;
    await this.transport.refuseIfDown();
    if (this.transport.joinHangs) {
      await new Promise<void>((_, reject) => (this.abandon = () => reject(new Error('stopped before it joined'))));
    }
    this.options = options;
    this.joined(this);
    options.onMembership?.({ kind: 'joined' });
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.abandon?.();
    return Promise.resolve();
  }

  async lag(): Promise<number> {
    await this.transport.refuseIfDown();
    return this.transport.lagValue;
  }
}

/** An inbox whose transaction is all or nothing, in memory: what a test needs to see a rollback. */
export class RollbackInbox implements Inbox<string[]> {
  readonly transactional = true;
  /** Effects of committed transactions, in order. */
  readonly committed: string[] = [];
  transactions = 0;
  private readonly seen = new Set<string>();

  async processBatch(
    groupId: string,
    eventIds: readonly string[],
    effects: (fresh: ReadonlySet<string>, tx: string[]) => Promise<void>,
  ): Promise<ReadonlySet<string>> {
    this.transactions += 1;
    const fresh = new Set(eventIds.filter((id) => !this.seen.has(`${groupId}/${id}`)));
    const tx: string[] = [];
    await effects(fresh, tx);
    for (const id of fresh) this.seen.add(`${groupId}/${id}`);
    this.committed.push(...tx);
    return fresh;
  }
}
