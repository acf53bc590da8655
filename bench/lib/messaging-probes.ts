/**
 * Thin decorators over the ports the relay and the consumer runner are given: they time the calls that cross
 * to PostgreSQL or to the broker (one performance.now() pair per batch), so a phase's wall time can be split
 * into reading, sending, checkpointing and inbox transactions without touching the library.
 */
import type {
  BatchContext,
  ConsumeOptions,
  Inbox,
  MessageTransport,
  OutgoingRecord,
  RecordBatch,
  TopicHistoryReader,
  TransportConsumer,
  TransportProducer,
} from '@salesos/messaging';
import type { TopicDefinition } from '@salesos/contracts';
import type {
  AppendResult,
  AppendSignal,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '@salesos/event-store';
import { Stopwatch } from './messaging-timing';

/** The store a relay reads through; closing it is left to its owner. */
export class ProbedStore implements EventStore {
  readonly reads = new Stopwatch();
  readonly checkpoints = new Stopwatch();

  constructor(private readonly inner: EventStore) {}

  get appendSignal(): AppendSignal {
    return this.inner.appendSignal;
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    return this.inner.append(streamId, events, expected);
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<ReadAllPage> {
    return this.reads.time(() => this.inner.readAll(options));
  }

  subscribe(options: SubscribeOptions): Subscription {
    return this.inner.subscribe(options);
  }

  readCheckpoint(subscriptionId: string): Promise<bigint | undefined> {
    return this.inner.readCheckpoint(subscriptionId);
  }

  storeCheckpoint(subscriptionId: string, position: bigint, expected: bigint | undefined): Promise<void> {
    return this.checkpoints.time(() => this.inner.storeCheckpoint(subscriptionId, position, expected));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** One role's view of a shared transport (relay or consumer), with that role's timings; closing is the owner's. */
export class ProbedTransport implements MessageTransport {
  readonly name: string;
  readonly connects = new Stopwatch();
  readonly sends = new Stopwatch();
  /** Time the runner spent in its batch handler: everything but fetching. */
  readonly batches = new Stopwatch();
  readonly offsetCommits = new Stopwatch();
  recordsDelivered = 0;
  /** Called once the broker acknowledged a send. */
  onAcked: ((records: readonly OutgoingRecord[]) => void) | undefined;

  constructor(private readonly inner: MessageTransport) {
    this.name = inner.name;
  }

  producer(): TransportProducer {
    const producer = this.inner.producer();
    return {
      connect: () => this.connects.time(() => producer.connect()),
      disconnect: () => producer.disconnect(),
      send: async (topic, records) => {
        await this.sends.time(() => producer.send(topic, records));
        this.onAcked?.(records);
      },
    };
  }

  history(topics: readonly string[]): TopicHistoryReader {
    return this.inner.history(topics);
  }

  consumer(groupId: string): TransportConsumer {
    const consumer = this.inner.consumer(groupId);
    return {
      start: (options) =>
        consumer.start({ ...options, eachBatch: (batch, context) => this.deliver(options, batch, context) }),
      stop: () => consumer.stop(),
      lag: () => consumer.lag(),
    };
  }

  ensureTopics(topics: readonly TopicDefinition[]): Promise<void> {
    return this.inner.ensureTopics(topics);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private deliver(options: ConsumeOptions, batch: RecordBatch, context: BatchContext): Promise<void> {
    this.recordsDelivered += batch.records.length;
    const commit = (offset: string): Promise<void> => this.offsetCommits.time(() => context.commit(offset));
    return this.batches.time(() => options.eachBatch(batch, { ...context, commit }));
  }
}

export class ProbedInbox<Tx> implements Inbox<Tx> {
  readonly transactions = new Stopwatch();
  /** Called with the ids whose effects were committed. */
  onCommitted: ((eventIds: ReadonlySet<string>) => void) | undefined;

  constructor(private readonly inner: Inbox<Tx>) {}

  get transactional(): boolean {
    return this.inner.transactional;
  }

  async processBatch(
    groupId: string,
    eventIds: readonly string[],
    effects: (fresh: ReadonlySet<string>, tx: Tx) => Promise<void>,
  ): Promise<ReadonlySet<string>> {
    const ran = await this.transactions.time(() => this.inner.processBatch(groupId, eventIds, effects));
    this.onCommitted?.(ran);
    return ran;
  }
}
