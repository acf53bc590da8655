/** Relay and consumer runner draining a backlog, with their time split by the probes. */
import { phaseRate, type PhaseRate } from './messaging-ceilings';
import {
  benchConsumer,
  benchRelay,
  consumerFailure,
  effectHandler,
  relayCheckpoint,
  relayFailure,
} from './messaging-pipeline';
import { ProbedStore, ProbedTransport } from './messaging-probes';
import { startClock, Stopwatch, waitFor } from './messaging-timing';
import { effectsTable, type MessagingWorld } from './messaging-world';
import { progress, tenthsReporter } from './progress';

export interface RelayResult extends PhaseRate {
  batches: number;
  readMs: number;
  sendMs: number;
  checkpointMs: number;
  /** Mapping, contract validation, CloudEvents encoding and the event loop's own gaps. */
  otherMs: number;
}

export interface ConsumerResult extends PhaseRate {
  batches: number;
  /** Time inside the runner's batch handler: decode, validate, inbox transaction, offset commit. */
  batchHandlerMs: number;
  inboxTransactionMs: number;
  /** Of the inbox transactions: the handler's INSERT statements. */
  effectStatementsMs: number;
  offsetCommitMs: number;
  /** Outside the batch handler: waiting for fetches and kafkajs's own work. */
  fetchAndOtherMs: number;
  effectRows: number;
}

/** A relay from checkpoint 0 until its checkpoint reaches `lastPosition`, the last seeded event. */
export async function measureRelay(
  world: MessagingWorld,
  topic: string,
  backlog: { events: number; lastPosition: bigint },
): Promise<RelayResult> {
  const store = new ProbedStore(world.store);
  const transport = new ProbedTransport(world.transport);
  const relay = benchRelay(world, { service: `bench-${world.runId}`, topic, store, transport });
  const report = tenthsReporter(backlog.events, (done) => progress(`relay: ${done.toLocaleString('en-US')} published`));
  const clock = startClock();
  relay.start();
  try {
    await waitFor(() => relayCheckpoint(relay) >= backlog.lastPosition, {
      timeoutMs: world.config.phaseTimeoutSeconds * 1000,
      what: `relay publishing ${backlog.events} events`,
      failure: () => relayFailure(relay),
      onPoll: () => report(relay.status().published),
    });
    const rate = phaseRate(relay.status().published, clock, transport.connects.totalMs);
    const accounted = store.reads.totalMs + transport.sends.totalMs + store.checkpoints.totalMs + rate.startupMs;
    return {
      ...rate,
      batches: transport.sends.calls,
      readMs: store.reads.totalMs,
      sendMs: transport.sends.totalMs,
      checkpointMs: store.checkpoints.totalMs,
      otherMs: rate.seconds * 1000 - accounted,
    };
  } finally {
    await relay.stop();
  }
}

/** A consumer runner in a new group reading the relay's topic from the beginning until it processed `total`. */
export async function measureConsumer(world: MessagingWorld, topic: string, total: number): Promise<ConsumerResult> {
  const transport = new ProbedTransport(world.transport);
  const statements = new Stopwatch();
  const { runner, inbox } = benchConsumer(world, {
    groupId: world.groupId('consumer', true),
    topic,
    transport,
    handler: effectHandler(statements),
  });
  const report = tenthsReporter(total, (done) => progress(`consumer: ${done.toLocaleString('en-US')} processed`));
  const clock = startClock();
  try {
    await runner.start();
    const startupMs = performance.now() - clock.startedAt;
    await waitFor(() => runner.status().processed >= total, {
      timeoutMs: world.config.phaseTimeoutSeconds * 1000,
      what: `consumer processing ${total} events`,
      failure: () => consumerFailure(runner),
      onPoll: () => report(runner.status().processed),
    });
    const rate = phaseRate(runner.status().processed, clock, startupMs);
    return {
      ...rate,
      batches: transport.batches.calls,
      batchHandlerMs: transport.batches.totalMs,
      inboxTransactionMs: inbox.transactions.totalMs,
      effectStatementsMs: statements.totalMs,
      offsetCommitMs: transport.offsetCommits.totalMs,
      fetchAndOtherMs: rate.seconds * 1000 - startupMs - transport.batches.totalMs,
      effectRows: await countEffects(world),
    };
  } finally {
    await runner.stop();
  }
}

async function countEffects(world: MessagingWorld): Promise<number> {
  const rows = await world.dataSource.query<Array<{ rows: string }>>(`SELECT count(*) AS rows FROM ${effectsTable}`);
  return Number(rows[0]?.rows ?? 0);
}
