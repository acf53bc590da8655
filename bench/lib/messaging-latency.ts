/**
 * End-to-end latency under a steady load: events appended one at a time on a fixed schedule while a live relay
 * and consumer runner carry them to their effects, all in this process so every mark is on one clock.
 */
import type { OutgoingRecord } from '@salesos/messaging';
import { benchOrderPlaced, orderStreamId } from './messaging-orders';
import { benchConsumer, benchRelay, consumerFailure, effectHandler, relayFailure } from './messaging-pipeline';
import { ProbedStore, ProbedTransport } from './messaging-probes';
import {
  type Distribution,
  distribution,
  sleep,
  startClock,
  Stopwatch,
  waitFor,
  WaitTimeoutError,
} from './messaging-timing';
import type { MessagingWorld } from './messaging-world';
import { progress } from './progress';

export interface E2eResult {
  /** From just before the append call to the end of the handler's INSERT, inside the inbox transaction. */
  latency: Distribution;
  /** From just before the append call to the commit of the inbox transaction holding the effect. */
  committed: Distribution;
  append: Distribution;
  /** From the append's return to the broker's acknowledgement of the relay's send. */
  appendToAck: Distribution;
  /** From the broker's acknowledgement to the end of the handler's INSERT. */
  ackToEffect: Distribution;
  /** How late the appends started against their schedule (the client's own event loop). */
  scheduleLag: Distribution;
  offered: number;
  measured: number;
  missing: number;
  appendErrors: number;
  achievedRatePerSecond: number;
  clientCpuCores: number;
}

/** Per event id, when it passed each stage. */
class Marks {
  readonly started = new Map<string, number>();
  readonly appended = new Map<string, number>();
  readonly acked = new Map<string, number>();
  readonly effected = new Map<string, number>();
  readonly committed = new Map<string, number>();
  readonly measured: string[] = [];
  readonly scheduleLags: number[] = [];
  appendErrors = 0;

  ack(records: readonly OutgoingRecord[]): void {
    const now = performance.now();
    for (const record of records) setOnce(this.acked, record.headers.ce_id, now);
  }

  effect(eventId: string): void {
    setOnce(this.effected, eventId, performance.now());
  }

  commit(eventIds: ReadonlySet<string>): void {
    const now = performance.now();
    for (const eventId of eventIds) setOnce(this.committed, eventId, now);
  }
}

export async function measureEndToEnd(world: MessagingWorld, topic: string, after: bigint): Promise<E2eResult> {
  const marks = new Marks();
  const relayTransport = new ProbedTransport(world.transport);
  relayTransport.onAcked = (records) => marks.ack(records);
  const service = `bench-${world.runId}-e2e`;
  const relay = benchRelay(world, { service, topic, store: new ProbedStore(world.store), transport: relayTransport });
  // This relay carries only what is appended from now on, not the seeded backlog.
  await world.store.storeCheckpoint(relay.checkpointId, after, undefined);
  const { runner, inbox } = benchConsumer(world, {
    groupId: world.groupId('e2e', true),
    topic,
    transport: new ProbedTransport(world.transport),
    handler: effectHandler(new Stopwatch(), (eventId) => marks.effect(eventId)),
  });
  inbox.onCommitted = (eventIds) => marks.commit(eventIds);
  const failure = (): string | undefined => relayFailure(relay) ?? consumerFailure(runner);
  try {
    await runner.start();
    relay.start();
    await waitFor(() => relay.isPublishing(), { timeoutMs: 30_000, what: 'relay to start publishing', failure });
    const clock = startClock();
    const offered = await appendOnSchedule(world, marks);
    const { seconds, clientCpuCores } = clock.stop();
    await drain(world, marks, offered - marks.appendErrors, failure);
    return summarize(marks, offered, offered / seconds, clientCpuCores);
  } finally {
    await relay.stop();
    await runner.stop();
  }
}

/**
 * Open loop: each append starts at its slot whether or not the earlier ones finished, so a slow stage shows up
 * as latency instead of quietly lowering the rate.
 */
async function appendOnSchedule(world: MessagingWorld, marks: Marks): Promise<number> {
  const { ratePerSecond, seconds, warmupSeconds, aggregates } = world.config.e2e;
  const warmup = Math.round(ratePerSecond * warmupSeconds);
  const total = warmup + Math.round(ratePerSecond * seconds);
  const intervalMs = 1000 / ratePerSecond;
  const nextSeq = new Array<number>(aggregates).fill(1);
  const inFlight = new Set<Promise<void>>();
  progress(`e2e: ${warmupSeconds} s warm-up then ${seconds} s measured at ${ratePerSecond} events/s`);
  const start = performance.now();
  let nextReport = start + 5000;
  for (let index = 0; index < total; index += 1) {
    const due = start + index * intervalMs;
    const wait = due - performance.now();
    if (wait >= 1) await sleep(wait);
    const aggregate = index % aggregates;
    const seq = nextSeq[aggregate] ?? 1;
    nextSeq[aggregate] = seq + 1;
    const measured = index >= warmup;
    if (measured) marks.scheduleLags.push(performance.now() - due);
    const append = appendOne(world, marks, orderStreamId('e2e', aggregate), seq, measured);
    inFlight.add(append);
    void append.finally(() => inFlight.delete(append));
    if (performance.now() >= nextReport) {
      nextReport += 5000;
      progress(`e2e: ${index + 1} appended, ${marks.effected.size} effects applied`);
    }
  }
  await Promise.all(inFlight);
  return total;
}

async function appendOne(
  world: MessagingWorld,
  marks: Marks,
  streamId: string,
  seq: number,
  measured: boolean,
): Promise<void> {
  const event = benchOrderPlaced(seq);
  if (measured) marks.measured.push(event.eventId);
  marks.started.set(event.eventId, performance.now());
  try {
    await world.store.append(streamId, [event], 'any');
    marks.appended.set(event.eventId, performance.now());
  } catch (error) {
    marks.appendErrors += 1;
    if (marks.appendErrors === 1) progress(`e2e: append failed: ${(error as Error).message}`);
  }
}

/** Waits for the last effects; those that never come are reported as missing rather than failing the run. */
async function drain(
  world: MessagingWorld,
  marks: Marks,
  expected: number,
  failure: () => string | undefined,
): Promise<void> {
  try {
    await waitFor(() => marks.effected.size >= expected, {
      timeoutMs: world.config.e2e.drainSeconds * 1000,
      what: 'the last end-to-end effects',
      failure,
      pollMs: 20,
    });
  } catch (error) {
    if (!(error instanceof WaitTimeoutError)) throw error;
    progress(`e2e: ${expected - marks.effected.size} effect(s) still missing: ${error.message}`);
  }
}

function summarize(marks: Marks, offered: number, achievedRatePerSecond: number, clientCpuCores: number): E2eResult {
  const between = (from: Map<string, number>, to: Map<string, number>): number[] =>
    marks.measured.flatMap((eventId) => {
      const start = from.get(eventId);
      const end = to.get(eventId);
      return start === undefined || end === undefined ? [] : [end - start];
    });
  const effectedMeasured = marks.measured.filter((eventId) => marks.effected.has(eventId)).length;
  return {
    latency: distribution(between(marks.started, marks.effected)),
    committed: distribution(between(marks.started, marks.committed)),
    append: distribution(between(marks.started, marks.appended)),
    appendToAck: distribution(between(marks.appended, marks.acked)),
    ackToEffect: distribution(between(marks.acked, marks.effected)),
    scheduleLag: distribution(marks.scheduleLags),
    offered,
    measured: marks.measured.length,
    missing: marks.measured.length - effectedMeasured,
    appendErrors: marks.appendErrors,
    achievedRatePerSecond,
    clientCpuCores,
  };
}

function setOnce(marks: Map<string, number>, eventId: string | undefined, at: number): void {
  if (eventId !== undefined && !marks.has(eventId)) marks.set(eventId, at);
}
