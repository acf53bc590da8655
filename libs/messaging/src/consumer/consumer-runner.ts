import { type ContractRegistry, fromEventRecord, type IntegrationEvent } from '@salesos/contracts';
import {
  type BatchContext,
  deadLetterTopic,
  deadLetterTopicDefinition,
  type IncomingRecord,
  type MessageTransport,
  type RecordBatch,
  type TransportConsumer,
  type TransportProducer,
} from '../transport/message-transport.port';
import type { Inbox } from './inbox.port';
import { type MessagingLogger, silentLogger } from '../messaging-logger';

export interface DeliveryInfo {
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
}

export type EventHandler<Tx> = (event: IntegrationEvent, tx: Tx, delivery: DeliveryInfo) => Promise<void>;

/**
 * Takes, in one call, consecutive new events of its types from one batch (one function registered for several types
 * takes runs of all of them): lets a projection write them with one statement instead of one per event.
 */
export type BatchEventHandler<Tx> = (events: readonly IntegrationEvent[], tx: Tx) => Promise<void>;

type Binding<Tx> = { kind: 'each'; handle: EventHandler<Tx> } | { kind: 'batch'; handle: BatchEventHandler<Tx> };

export interface ConsumerRunnerOptions<Tx> {
  groupId: string;
  topics: string[];
  /** Handlers by CloudEvents type; records of other types on the topics are skipped. */
  handlers?: ReadonlyMap<string, EventHandler<Tx>>;
  batchHandlers?: ReadonlyMap<string, BatchEventHandler<Tx>>;
  transport: MessageTransport;
  inbox: Inbox<Tx>;
  registry: ContractRegistry;
  /** Attempts per record before it goes to the dead-letter topic (default 5). */
  maxAttempts?: number;
  backoffMs?: (attempt: number) => number;
  fromBeginning?: boolean;
  clock?: () => Date;
  logger?: MessagingLogger;
}

export type ConsumerState = 'idle' | 'starting' | 'consuming' | 'stopping' | 'stopped' | 'failed';

export interface ConsumerStatus {
  groupId: string;
  transport: string;
  state: ConsumerState;
  processed: number;
  duplicates: number;
  skipped: number;
  retries: number;
  deadLettered: number;
  lastError?: string;
}

interface WorkItem<Tx> {
  record: IncomingRecord;
  event: IntegrationEvent;
  binding: Binding<Tx>;
}

type Triage<Tx> =
  { kind: 'work'; item: WorkItem<Tx> } | { kind: 'poison'; reason: string; id: string } | { kind: 'skip' };

const defaultBackoff = (attempt: number): number => Math.min(5000, 100 * 2 ** (attempt - 1));

/**
 * Delivers integration events to handlers at least once and applies them exactly once: each batch runs in one
 * inbox transaction; when it fails, records are retried one by one with backoff, and a record that keeps
 * failing, is not JSON or breaks its contract goes to the dead-letter topic so its partition keeps flowing.
 */
export class ConsumerRunner<Tx> {
  private consumer: TransportConsumer | undefined;
  private producer: TransportProducer | undefined;
  private readonly counters = { processed: 0, duplicates: 0, skipped: 0, retries: 0, deadLettered: 0 };
  private state: ConsumerState = 'idle';
  private lastError: string | undefined;
  private readonly logger: MessagingLogger;
  private readonly bindings = new Map<string, Binding<Tx>>();

  constructor(private readonly options: ConsumerRunnerOptions<Tx>) {
    this.logger = options.logger ?? silentLogger;
    for (const [type, handle] of options.handlers ?? []) this.bindings.set(type, { kind: 'each', handle });
    for (const [type, handle] of options.batchHandlers ?? []) {
      if (this.bindings.has(type)) throw new Error(`Type '${type}' has both an event handler and a batch handler`);
      this.bindings.set(type, { kind: 'batch', handle });
    }
  }

  async start(): Promise<void> {
    this.state = 'starting';
    try {
      const { transport, groupId } = this.options;
      await transport.ensureTopics([deadLetterTopicDefinition(groupId)]);
      this.producer = transport.producer();
      await this.producer.connect();
      this.consumer = transport.consumer(groupId);
      await this.consumer.start({
        topics: this.options.topics,
        fromBeginning: this.options.fromBeginning ?? true,
        eachBatch: (batch, context) => this.handleBatch(batch, context),
      });
      this.state = 'consuming';
    } catch (error) {
      this.fail(error);
      throw error;
    }
  }

  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopping';
    await this.consumer?.stop();
    await this.producer?.disconnect();
    this.state = 'stopped';
  }

  status(): ConsumerStatus {
    return {
      groupId: this.options.groupId,
      transport: this.options.transport.name,
      state: this.state,
      ...this.counters,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }

  /** Records on its topics that this group has not committed yet. */
  lag(): Promise<number> {
    return this.consumer?.lag() ?? Promise.resolve(0);
  }

  private async handleBatch(batch: RecordBatch, context: BatchContext): Promise<void> {
    const triaged = batch.records.map((record) => ({ record, triage: this.triage(record) }));
    const work = triaged.flatMap(({ triage }) => (triage.kind === 'work' ? [triage.item] : []));
    const fastPathDone =
      work.length > 0 && this.options.inbox.transactional && (await this.tryWholeBatch(work, context));
    let done: string | undefined;
    for (const { record, triage } of triaged) {
      // Stopping ends the batch before the next record that still needs work; what is done gets committed.
      const needsWork = triage.kind === 'poison' || (triage.kind === 'work' && !fastPathDone);
      if (needsWork && !context.shouldContinue()) break;
      if (triage.kind === 'skip') this.counters.skipped += 1;
      else if (triage.kind === 'poison') await this.deadLetter(record, triage.id, triage.reason, 0);
      else if (!fastPathDone) {
        await this.processAlone(triage.item, context);
        await context.heartbeat();
      }
      done = record.offset;
    }
    if (done !== undefined) await context.commit(done);
  }

  private triage(record: IncomingRecord): Triage<Tx> {
    // A record refused as poison is remembered by its place in the log: its ce_id may not be trustworthy.
    const fallbackId = `${record.topic}/${record.partition}/${record.offset}`;
    const decoded = fromEventRecord(record);
    if (!decoded.ok) return { kind: 'poison', reason: decoded.reason, id: fallbackId };
    const binding = this.bindings.get(decoded.event.type);
    if (binding === undefined) return { kind: 'skip' };
    const valid = this.options.registry.validate(decoded.event.type, decoded.event.data);
    if (!valid.ok) return { kind: 'poison', reason: valid.reason, id: fallbackId };
    return { kind: 'work', item: { record, event: decoded.event, binding } };
  }

  private async tryWholeBatch(work: WorkItem<Tx>[], context: BatchContext): Promise<boolean> {
    try {
      const ran = await this.runInInbox(work, 1, context);
      this.counters.processed += ran;
      this.counters.duplicates += work.length - ran;
      return true;
    } catch (error) {
      this.logger.warn('batch failed; retrying its records one by one', {
        groupId: this.options.groupId,
        error: describe(error),
      });
      return false;
    }
  }

  private async processAlone(item: WorkItem<Tx>, context: BatchContext): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt += 1) {
      try {
        if ((await this.runInInbox([item], attempt, context)) === 1) this.counters.processed += 1;
        else this.counters.duplicates += 1;
        return;
      } catch (error) {
        this.lastError = describe(error);
        if (attempt >= maxAttempts) {
          const reason = `handler failed after ${attempt} attempts: ${describe(error)}`;
          await this.deadLetter(item.record, item.event.id, reason, attempt);
          return;
        }
        this.counters.retries += 1;
        await this.pause((this.options.backoffMs ?? defaultBackoff)(attempt), context);
      }
    }
  }

  /** Runs the effects of the items not seen before, in record order, in one inbox transaction. */
  private async runInInbox(items: WorkItem<Tx>[], attempt: number, context: BatchContext): Promise<number> {
    const ids = items.map((item) => item.event.id);
    let ran = 0;
    await this.options.inbox.processBatch(this.options.groupId, ids, async (fresh, tx) => {
      const taken = new Set<string>();
      // A batch may carry the same event twice: only its first copy runs.
      const due = items.filter(
        (item) => fresh.has(item.event.id) && !taken.has(item.event.id) && taken.add(item.event.id),
      );
      ran = due.length;
      for (let index = 0; index < due.length;) {
        const item = due[index] as WorkItem<Tx>;
        const { binding } = item;
        if (binding.kind === 'each') {
          const { record } = item;
          const delivery = { topic: record.topic, partition: record.partition, offset: record.offset, attempt };
          await binding.handle(item.event, tx, delivery);
          // Long batches keep the group membership alive; the transport sends a heartbeat only when one is due.
          await context.heartbeat();
          index += 1;
          continue;
        }
        // Consecutive events of one batch handler go in one call, also when it takes several types; order across
        // handlers is kept.
        let end = index + 1;
        while (end < due.length && (due[end] as WorkItem<Tx>).binding.handle === binding.handle) end += 1;
        await binding.handle(
          due.slice(index, end).map((entry) => entry.event),
          tx,
        );
        await context.heartbeat();
        index = end;
      }
    });
    return ran;
  }

  /** Waits out a backoff while keeping the group membership alive. */
  private async pause(ms: number, context: BatchContext): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, until - Date.now())));
      await context.heartbeat();
    }
  }

  private async deadLetter(record: IncomingRecord, id: string, reason: string, attempts: number): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(record.headers))
      if (value !== undefined) headers[name] = value.toString();
    Object.assign(headers, {
      dlq_reason: reason,
      dlq_attempts: String(attempts),
      dlq_original_topic: record.topic,
      dlq_original_partition: String(record.partition),
      dlq_original_offset: record.offset,
      dlq_consumer_group: this.options.groupId,
      dlq_failed_at: (this.options.clock?.() ?? new Date()).toISOString(),
    });
    await (this.producer as TransportProducer).send(deadLetterTopic(this.options.groupId), [
      { key: record.key ?? id, value: record.value?.toString() ?? '', headers },
    ]);
    // Recorded like a processed event, so a redelivery before the commit does not dead-letter it twice.
    await this.options.inbox.processBatch(this.options.groupId, [id], () => Promise.resolve());
    this.counters.deadLettered += 1;
    this.logger.warn('record sent to the dead-letter topic', { groupId: this.options.groupId, id, reason });
  }

  private fail(error: unknown): void {
    this.state = 'failed';
    this.lastError = describe(error);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
