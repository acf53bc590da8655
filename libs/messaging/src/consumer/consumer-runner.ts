import {
  type ContractRegistry,
  fromEventRecord,
  type IntegrationEvent,
  type TopicDefinition,
} from '@salesos/contracts';
import {
  type BatchContext,
  deadLetterTopic,
  deadLetterTopicDefinition,
  type IncomingRecord,
  type MembershipEvent,
  type MessageTransport,
  type RecordBatch,
  type TransportConsumer,
  type TransportProducer,
} from '../transport/message-transport.port';
import type { Inbox } from './inbox.port';
import { type MessagingLogger, silentLogger } from '../messaging-logger';
import { LagGauge } from '../health/lag-gauge';
import { BatchMembership } from './batch-membership';
import { type ConsumerPhase, judgeProgress } from './consumer-progress';
import { unlessAborted } from '../unless-aborted';

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
  /**
   * Topics to create, when missing, before joining (those of `topics` the group may be first to need); the
   * dead-letter topic is always created. A topic that is neither created here nor by its producer is waited for.
   */
  topicDefinitions?: readonly TopicDefinition[];
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
  /** Wait before joining again after a failure or a crash (default 0.5 s doubling up to 5 s), for ever until stopped. */
  restartDelayMs?: (attempt: number) => number;
  /** Records waiting and no commit for this long is a stall (default 30 s). */
  stallAfterMs?: number;
  /** How often the lag is measured in the background (default 5 s); each measurement is bounded to 4 s. */
  lagIntervalMs?: number;
  /** How often a batch in hand tells the group this member is alive (default 1 s). */
  keepAliveMs?: number;
}

/**
 * `joining`: not yet a member of its group (at start, or during a rebalance); `consuming`: a member that makes
 * progress or has nothing to do; `stalled`: see `stalledReason`; `failed`: stopped for good by an unexpected error.
 */
export type ConsumerState = 'idle' | 'joining' | 'consuming' | 'stalled' | 'stopping' | 'stopped' | 'failed';

export interface ConsumerStatus {
  groupId: string;
  transport: string;
  state: ConsumerState;
  /** Why the consumer is stalled: the transport is down, the join takes too long, or records wait and nothing moves. */
  stalledReason?: string;
  /** Records on its topics not yet committed, as last measured; null before the first measurement. */
  lag: number | null;
  /** The last commit, or the last time it was found with nothing to do; null before either. */
  lastProgressAt: string | null;
  secondsSinceProgress: number | null;
  /** How often the transport was started again after a failure or a crash. */
  restarts: number;
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
const defaultRestartDelay = (attempt: number): number => Math.min(5000, 500 * 2 ** Math.min(attempt - 1, 4));
const lagTimeoutMs = 4000;

type Deferred<T> = { promise: Promise<T>; resolve: (value: T) => void };

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/**
 * Delivers integration events to handlers at least once and applies them exactly once: each batch runs in one
 * inbox transaction; when it fails, records are retried one by one with backoff, and a record that keeps
 * failing, is not JSON or breaks its contract goes to the dead-letter topic so its partition keeps flowing.
 * It joins its group in the background and starts again whenever the transport fails, and tells in `status()`
 * whether it is joining, consuming or stalled, how far behind it is and when it last made progress.
 */
export class ConsumerRunner<Tx> {
  private consumer: TransportConsumer | undefined;
  private producer: TransportProducer | undefined;
  private readonly counters = { processed: 0, duplicates: 0, skipped: 0, retries: 0, deadLettered: 0, restarts: 0 };
  private phase: ConsumerPhase | 'idle' | 'stopping' | 'stopped' | 'failed' = 'idle';
  private phaseSince: number;
  private lastProgressAt: number | undefined;
  /** Why the transport last went down, until the runner consumes again. */
  private crash: string | undefined;
  private lastError: string | undefined;
  private readonly logger: MessagingLogger;
  private readonly bindings = new Map<string, Binding<Tx>>();
  private readonly gauge: LagGauge;
  private running: Promise<void> | undefined;
  private stopped: Promise<void> | undefined;
  private readonly consumingOnce = deferred<void>();
  /** Resolved with the reason when the consumer of the current attempt crashes, or with undefined on stop. */
  private downfall = deferred<string | undefined>();
  private readonly wake = new Set<() => void>();
  private readonly stopping = new AbortController();

  constructor(private readonly options: ConsumerRunnerOptions<Tx>) {
    this.logger = options.logger ?? silentLogger;
    this.phaseSince = this.now();
    for (const [type, handle] of options.handlers ?? []) this.bindings.set(type, { kind: 'each', handle });
    for (const [type, handle] of options.batchHandlers ?? []) {
      if (this.bindings.has(type)) throw new Error(`Type '${type}' has both an event handler and a batch handler`);
      this.bindings.set(type, { kind: 'batch', handle });
    }
    this.gauge = new LagGauge(
      () => this.consumer?.lag() ?? Promise.resolve(this.gauge.value ?? 0),
      (lag) => {
        // Nothing left to do counts as progress: a consumer idle for hours is not stalled.
        if (lag === 0) this.lastProgressAt = this.now();
      },
    );
  }

  /**
   * Starts consuming in the background and keeps at it until `stop()`: creates the topics, joins the group, and after
   * a failure or a crash of the transport (a broker down, a topic not there yet) starts again with capped backoff.
   * Never throws; the returned promise resolves once it consumes for the first time (or is stopped first), and a
   * service's bootstrap need not wait for it.
   */
  start(): Promise<void> {
    if (this.running === undefined && this.stopped === undefined) {
      this.running = this.run().catch((error: unknown) => {
        this.enter('failed');
        this.lastError = describe(error);
        this.logger.error('consumer stopped on an unexpected error', {
          groupId: this.options.groupId,
          error: this.lastError,
        });
        this.consumingOnce.resolve();
      });
      this.gauge.start(this.options.lagIntervalMs ?? 5000, lagTimeoutMs);
    }
    return this.consumingOnce.promise;
  }

  /** Finishes the batch in hand, commits it and leaves the group; a later call waits for the first. */
  stop(): Promise<void> {
    this.stopped ??= this.shutDown();
    return this.stopped;
  }

  status(): ConsumerStatus {
    const now = this.now();
    const { restarts, ...counters } = this.counters;
    return {
      groupId: this.options.groupId,
      transport: this.options.transport.name,
      ...this.condition(now),
      lag: this.gauge.value ?? null,
      lastProgressAt: this.lastProgressAt === undefined ? null : new Date(this.lastProgressAt).toISOString(),
      secondsSinceProgress: this.lastProgressAt === undefined ? null : Math.round((now - this.lastProgressAt) / 1000),
      restarts,
      ...counters,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }

  /** Records on its topics that this group has not committed yet, measured now (within a few seconds). */
  lag(): Promise<number> {
    return this.gauge.refresh(lagTimeoutMs);
  }

  private condition(now: number): Pick<ConsumerStatus, 'state' | 'stalledReason'> {
    const { phase } = this;
    if (phase !== 'joining' && phase !== 'consuming' && phase !== 'restarting') return { state: phase };
    const judged = judgeProgress({
      phase,
      phaseSince: this.phaseSince,
      lastProgressAt: this.lastProgressAt,
      lag: this.gauge.value,
      lagError: this.gauge.error,
      crash: this.crash,
      now,
      stallAfterMs: this.options.stallAfterMs ?? 30_000,
    });
    return judged.state === 'stalled' ? { state: 'stalled', stalledReason: judged.reason } : { state: judged.state };
  }

  private async run(): Promise<void> {
    const { transport, groupId } = this.options;
    for (let attempt = 1; !this.isStopping(); attempt += 1) {
      this.enter('joining');
      this.downfall = deferred();
      const consumer = transport.consumer(groupId);
      this.consumer = consumer;
      let failure: string | undefined;
      // A stop does not wait for the client's retries against a broker that is down.
      const { signal } = this.stopping;
      try {
        const topics = [deadLetterTopicDefinition(groupId), ...(this.options.topicDefinitions ?? [])];
        await unlessAborted(transport.ensureTopics(topics), signal);
        this.producer = transport.producer();
        await unlessAborted(this.producer.connect(), signal);
        const joined = consumer.start({
          topics: this.options.topics,
          fromBeginning: this.options.fromBeginning ?? true,
          eachBatch: (batch, context) => this.handleBatch(batch, context),
          onMembership: (event) => this.onMembership(event),
        });
        await unlessAborted(joined, signal);
        if (this.isStopping()) return;
        this.enter('consuming');
        this.crash = undefined;
        attempt = 0;
        this.consumingOnce.resolve();
        failure = await this.downfall.promise;
        if (failure === undefined) return;
      } catch (error) {
        if (this.isStopping()) return;
        failure = describe(error);
      }
      this.crash = failure;
      this.lastError = failure;
      this.counters.restarts += 1;
      this.enter('restarting');
      this.logger.warn('consumer lost its transport; starting again', { groupId, attempt, error: failure });
      await consumer.stop().catch(() => undefined);
      await this.producer?.disconnect().catch(() => undefined);
      this.producer = undefined;
      await this.sleep((this.options.restartDelayMs ?? defaultRestartDelay)(Math.max(attempt, 1)));
    }
  }

  private onMembership(event: MembershipEvent): void {
    if (this.isStopping()) return;
    switch (event.kind) {
      case 'joined':
        if (this.phase === 'joining' && this.crash === undefined) this.enter('consuming');
        return;
      case 'rebalancing':
        if (this.phase === 'consuming') this.enter('joining');
        return;
      case 'crashed':
        // Stalled from this instant, not from when the restart gets going.
        this.crash = event.error;
        this.enter('restarting');
        this.downfall.resolve(event.error);
        return;
    }
  }

  private async shutDown(): Promise<void> {
    this.enter('stopping');
    this.stopping.abort();
    this.gauge.stop();
    this.downfall.resolve(undefined);
    for (const wake of [...this.wake]) wake();
    try {
      await this.consumer?.stop();
    } catch (error) {
      this.logger.warn('consumer did not leave its group cleanly', {
        groupId: this.options.groupId,
        error: describe(error),
      });
    }
    await this.running;
    await this.producer?.disconnect().catch(() => undefined);
    this.enter('stopped');
    this.consumingOnce.resolve();
  }

  private isStopping(): boolean {
    return this.stopped !== undefined;
  }

  private enter(phase: ConsumerRunner<Tx>['phase']): void {
    if (this.phase === phase) return;
    this.phase = phase;
    this.phaseSince = this.now();
  }

  private now(): number {
    return (this.options.clock?.() ?? new Date()).getTime();
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

  private async handleBatch(batch: RecordBatch, context: BatchContext): Promise<void> {
    const membership = new BatchMembership(context);
    // A single long handler call must not cost the membership: the batch says it is alive while it works.
    const keepAlive = setInterval(() => void membership.heartbeat(), this.options.keepAliveMs ?? 1000);
    let done: string | undefined;
    try {
      done = await this.workThrough(batch, membership);
    } finally {
      clearInterval(keepAlive);
    }
    if (done !== undefined) {
      await context.commit(done);
      this.lastProgressAt = this.now();
      if (membership.lost === undefined && this.phase === 'joining' && this.crash === undefined) {
        this.enter('consuming');
      }
    }
    if (membership.lost !== undefined) {
      // The transport finds out too (its next heartbeat or fetch fails) and joins again, or crashes and is restarted.
      this.lastError = `heartbeat failed during a batch, whose work was committed: ${membership.lost}`;
      this.logger.warn('heartbeat failed during a batch; its work is kept and the group membership renewed', {
        groupId: this.options.groupId,
        error: membership.lost,
      });
      if (this.phase === 'consuming') this.enter('joining');
    }
  }

  /** Handles the records in order; answers the offset of the last one done. */
  private async workThrough(batch: RecordBatch, membership: BatchMembership): Promise<string | undefined> {
    const triaged = batch.records.map((record) => ({ record, triage: this.triage(record) }));
    const work = triaged.flatMap(({ triage }) => (triage.kind === 'work' ? [triage.item] : []));
    const fastPathDone =
      work.length > 0 && this.options.inbox.transactional && (await this.tryWholeBatch(work, membership));
    let done: string | undefined;
    for (const { record, triage } of triaged) {
      // Stopping, or losing the partition, ends the batch before the next record that still needs work; what is
      // done gets committed.
      const needsWork = triage.kind === 'poison' || (triage.kind === 'work' && !fastPathDone);
      if (needsWork && !membership.shouldContinue()) break;
      if (triage.kind === 'skip') this.counters.skipped += 1;
      else if (triage.kind === 'poison') await this.deadLetter(record, triage.id, triage.reason, 0);
      else if (!fastPathDone) {
        if (!(await this.processAlone(triage.item, membership))) break;
        await membership.heartbeat();
      }
      done = record.offset;
    }
    return done;
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

  private async tryWholeBatch(work: WorkItem<Tx>[], membership: BatchMembership): Promise<boolean> {
    try {
      const ran = await this.runInInbox(work, 1, membership);
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

  /** Answers whether the record is done (applied, a duplicate or dead-lettered); not when the partition was lost. */
  private async processAlone(item: WorkItem<Tx>, membership: BatchMembership): Promise<boolean> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt += 1) {
      try {
        if ((await this.runInInbox([item], attempt, membership)) === 1) this.counters.processed += 1;
        else this.counters.duplicates += 1;
        return true;
      } catch (error) {
        this.lastError = describe(error);
        if (attempt >= maxAttempts) {
          const reason = `handler failed after ${attempt} attempts: ${describe(error)}`;
          await this.deadLetter(item.record, item.event.id, reason, attempt);
          return true;
        }
        this.counters.retries += 1;
        await this.pause((this.options.backoffMs ?? defaultBackoff)(attempt), membership);
        // Another member owns the partition now: the record is its to retry.
        if (!membership.shouldContinue()) return false;
      }
    }
  }

  /** Runs the effects of the items not seen before, in record order, in one inbox transaction. */
  private async runInInbox(items: WorkItem<Tx>[], attempt: number, membership: BatchMembership): Promise<number> {
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
          // Long batches keep the group membership alive; the transport sends a heartbeat only when one is due. A
          // failed one never fails the transaction.
          await membership.heartbeat();
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
        await membership.heartbeat();
        index = end;
      }
    });
    return ran;
  }

  /** Waits out a backoff while keeping the group membership alive; ends early once the consumer stops or loses it. */
  private async pause(ms: number, membership: BatchMembership): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until && membership.shouldContinue()) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, until - Date.now())));
      await membership.heartbeat();
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
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
