/** The library's relay and consumer runner wired to the bench world, as a service wires them. */
import {
  ConsumerRunner,
  type BatchEventHandler,
  InProcessRelayLock,
  type MessagingLogger,
  Relay,
  TypeOrmInbox,
} from '@salesos/messaging';
import type { EntityManager } from 'typeorm';
import { orderContract, orderMapper, orderRegistry, orderType } from '../../libs/messaging/src/testing';
import { orderCategory } from './messaging-orders';
import { ProbedInbox, type ProbedStore, type ProbedTransport } from './messaging-probes';
import type { Stopwatch } from './messaging-timing';
import { effectsTable, type MessagingWorld } from './messaging-world';
import { progress } from './progress';

export function benchRelay(
  world: MessagingWorld,
  wiring: { service: string; topic: string; store: ProbedStore; transport: ProbedTransport },
): Relay {
  const contract = orderContract(wiring.topic, world.config.partitions);
  return new Relay({
    service: wiring.service,
    store: wiring.store,
    categories: [orderCategory],
    map: orderMapper,
    registry: orderRegistry(contract),
    transport: wiring.transport,
    lock: new InProcessRelayLock(),
    batchSize: world.config.relayBatchSize,
    pollIntervalMs: world.config.relayPollIntervalMs,
    logger: progressLogger(`relay ${wiring.service}`),
  });
}

export interface BenchConsumer {
  runner: ConsumerRunner<EntityManager>;
  inbox: ProbedInbox<EntityManager>;
}

export function benchConsumer(
  world: MessagingWorld,
  wiring: { groupId: string; topic: string; transport: ProbedTransport; handler: BatchEventHandler<EntityManager> },
): BenchConsumer {
  const contract = orderContract(wiring.topic, world.config.partitions);
  const inbox = new ProbedInbox(new TypeOrmInbox(world.dataSource));
  const runner = new ConsumerRunner<EntityManager>({
    groupId: wiring.groupId,
    topics: [wiring.topic],
    batchHandlers: new Map([[orderType, wiring.handler]]),
    transport: wiring.transport,
    inbox,
    registry: orderRegistry(contract),
    fromBeginning: true,
    logger: progressLogger(`consumer ${wiring.groupId}`),
  });
  return { runner, inbox };
}

/**
 * One row per event, written through the inbox transaction it is given: as a projection would, the batch's new
 * events go in one multi-row statement.
 */
export function effectHandler(
  statements: Stopwatch,
  onEffect?: (eventId: string) => void,
): BatchEventHandler<EntityManager> {
  return async (events, tx) => {
    const rows = events.map((event) => ({ id: event.id, ...(event.data as { orderId: string; seq: number }) }));
    await statements.time(() =>
      tx.query<unknown>(
        `INSERT INTO ${effectsTable} (event_id, order_id, seq)
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[])`,
        [rows.map((row) => row.id), rows.map((row) => row.orderId), rows.map((row) => row.seq)],
      ),
    );
    for (const row of rows) onEffect?.(row.id);
  };
}

export function relayFailure(relay: Relay): string | undefined {
  const status = relay.status();
  return status.state === 'failed' ? `relay failed: ${status.lastError ?? 'unknown error'}` : undefined;
}

export function consumerFailure(runner: ConsumerRunner<EntityManager>): string | undefined {
  const status = runner.status();
  if (status.state === 'failed') return `consumer failed: ${status.lastError ?? 'unknown error'}`;
  if (status.deadLettered > 0) return `consumer dead-lettered ${status.deadLettered} record(s): ${status.lastError}`;
  return undefined;
}

export function relayCheckpoint(relay: Relay): bigint {
  const { checkpoint } = relay.status();
  return checkpoint === undefined ? 0n : BigInt(checkpoint);
}

/** Warnings and errors of the library are worth seeing during a run; its info lines are not. */
function progressLogger(who: string): MessagingLogger {
  const write =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void =>
      progress(`${who} ${level}: ${message}${fields === undefined ? '' : ` ${JSON.stringify(fields)}`}`);
  return { info: () => undefined, warn: write('warn'), error: write('error') };
}
