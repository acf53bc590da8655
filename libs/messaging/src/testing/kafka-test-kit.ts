import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource, type EntityManager } from 'typeorm';
import type { IntegrationEvent, IntegrationEventContract } from '@salesos/contracts';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { createTestDatabase, type TestDatabase } from '@salesos/event-store/testing';
import { ConsumerRunner } from '../consumer/consumer-runner';
import { messagingMigrations, TypeOrmInbox } from '../consumer/typeorm-inbox';
import { KafkaTransport } from '../transport/kafka/kafka-transport';
import { orderRegistry, orderType } from './order.fixture';

export const testBrokers = [process.env.SALESOS_TEST_KAFKA_BROKERS ?? '127.0.0.1:9092'];
const root = join(__dirname, '..', '..', '..', '..');

/** A database with an event store, an inbox and an effects table that shows every effect applied. */
export interface OrderWorld {
  database: TestDatabase;
  store: PostgresEventStore;
  dataSource: DataSource;
  effects(): Promise<Array<{ event_id: string; order_id: string; seq: number }>>;
  close(): Promise<void>;
}

export async function createOrderWorld(label: string): Promise<OrderWorld> {
  const database = await createTestDatabase(label);
  const store = await PostgresEventStore.connect({ url: database.url, pollIntervalMs: 20 });
  const dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    migrations: messagingMigrations,
    poolSize: 5,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.query(
    'CREATE TABLE order_effects (id bigserial PRIMARY KEY, event_id text NOT NULL, order_id text NOT NULL, seq int NOT NULL)',
  );
  return {
    database,
    store,
    dataSource,
    effects: () => dataSource.query('SELECT event_id, order_id, seq FROM order_effects ORDER BY id'),
    close: async () => {
      await store.close();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

export function effectHandler() {
  return async (event: IntegrationEvent, tx: EntityManager): Promise<void> => {
    const data = event.data as { orderId: string; seq: number };
    await tx.query('INSERT INTO order_effects (event_id, order_id, seq) VALUES ($1, $2, $3)', [
      event.id,
      data.orderId,
      data.seq,
    ]);
  };
}

export function orderConsumer(
  world: OrderWorld,
  contract: IntegrationEventContract,
  transport: KafkaTransport,
  options: { groupId?: string; maxAttempts?: number; handler?: ReturnType<typeof effectHandler> } = {},
): ConsumerRunner<EntityManager> {
  return new ConsumerRunner<EntityManager>({
    groupId: options.groupId ?? `orders-${contract.topic.name}`,
    topics: [contract.topic.name],
    handlers: new Map([[orderType, options.handler ?? effectHandler()]]),
    transport,
    inbox: new TypeOrmInbox(world.dataSource),
    registry: orderRegistry(contract),
    maxAttempts: options.maxAttempts ?? 3,
    backoffMs: () => 20,
  });
}

/** Per order, the sequence numbers in the order their effects were applied. */
export function sequencesByOrder(effects: Array<{ order_id: string; seq: number }>): Map<string, number[]> {
  const byOrder = new Map<string, number[]>();
  for (const effect of effects) byOrder.set(effect.order_id, [...(byOrder.get(effect.order_id) ?? []), effect.seq]);
  return byOrder;
}

/** Records on a topic, duplicates included: the sum of its partitions' high watermarks. */
export async function recordsOnTopic(topic: string, brokers = testBrokers): Promise<number> {
  const admin = new Kafka({ brokers, clientId: 'test-kit', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
  } finally {
    await admin.disconnect();
  }
}

export interface RelayProcess {
  child: ChildProcess;
  publishing: Promise<void>;
  exited: Promise<NodeJS.Signals | number | null>;
}

export function spawnRelayProcess(env: {
  databaseUrl: string;
  topic: string;
  partitions: number;
  service: string;
  mode?: 'crash-after-send';
  brokers?: string;
}): RelayProcess {
  // `node --import tsx` runs the script in this one process, so a kill reaches the relay itself.
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'relay-process.ts')], {
    cwd: root,
    env: {
      ...process.env,
      RELAY_DATABASE_URL: env.databaseUrl,
      RELAY_TOPIC: env.topic,
      RELAY_PARTITIONS: String(env.partitions),
      RELAY_SERVICE: env.service,
      RELAY_BROKERS: env.brokers ?? testBrokers[0],
      ...(env.mode ? { RELAY_MODE: env.mode } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const publishing = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('publishing')) resolve();
    });
    void exited.then((how) => reject(new Error(`relay process exited (${String(how)}) before publishing: ${stderr}`)));
  });
  publishing.catch(() => undefined);
  return { child, publishing, exited };
}

export interface ConsumerProcess {
  child: ChildProcess;
  /** Resolves once the consumer in the child is a member of its group. */
  consuming: Promise<void>;
  exited: Promise<NodeJS.Signals | number | null>;
}

/** A consumer of `topic` in group `groupId` in a process of its own, writing its effects to the database. */
export function spawnConsumerProcess(env: {
  databaseUrl: string;
  topic: string;
  partitions: number;
  groupId: string;
  brokers?: string;
}): ConsumerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'consumer-process.ts')], {
    cwd: root,
    env: {
      ...process.env,
      CONSUMER_DATABASE_URL: env.databaseUrl,
      CONSUMER_TOPIC: env.topic,
      CONSUMER_PARTITIONS: String(env.partitions),
      CONSUMER_GROUP: env.groupId,
      CONSUMER_BROKERS: env.brokers ?? testBrokers[0],
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const consuming = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('consuming')) resolve();
    });
    void exited.then((how) => reject(new Error(`consumer process exited (${String(how)}) first: ${stderr}`)));
  });
  consuming.catch(() => undefined);
  return { child, consuming, exited };
}

export function kafkaTransport(clientId: string, brokers = testBrokers): KafkaTransport {
  return new KafkaTransport({ brokers, clientId });
}
