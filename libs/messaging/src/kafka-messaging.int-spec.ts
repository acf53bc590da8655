import { Kafka, logLevel } from 'kafkajs';
import { toEventRecord } from '@salesos/contracts';
import type { EntityManager } from 'typeorm';
import type { ConsumerRunner } from './consumer/consumer-runner';
import { InProcessRelayLock, type RelayLock } from './relay/relay-lock.port';
import { PostgresRelayLock } from './relay/postgres-relay-lock';
import { Relay } from './relay/relay';
import { deadLetterTopic, type IncomingRecord } from './transport/message-transport.port';
import {
  createOrderWorld,
  effectHandler,
  kafkaTransport,
  orderConsumer,
  type OrderWorld,
  recordsOnTopic,
  sequencesByOrder,
  spawnRelayProcess,
  testBrokers,
} from './testing/kafka-test-kit';
import { orderContract, orderMapper, orderPlaced, orderRegistry, orderType, waitUntil } from './testing';
import type { KafkaTransport } from './transport/kafka/kafka-transport';

jest.setTimeout(120_000);

describe('messaging on a real Kafka broker and PostgreSQL', () => {
  let world: OrderWorld;
  let transport: KafkaTransport;
  const stops: Array<() => Promise<void>> = [];
  const createdTopics: string[] = [];

  beforeEach(async () => {
    world = await createOrderWorld('messaging');
    transport = kafkaTransport('messaging-test');
  });

  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    await transport.close();
    await world.close();
  });

  afterAll(async () => {
    await deleteTopics(createdTopics);
  });

  function relay(
    contract: ReturnType<typeof orderContract>,
    service = 'orders',
    lock: RelayLock = new InProcessRelayLock(),
  ): Relay {
    const instance = new Relay({
      service,
      store: world.store,
      categories: ['order'],
      map: orderMapper,
      registry: orderRegistry(contract),
      transport,
      lock,
      pollIntervalMs: 20,
    });
    stops.push(() => instance.stop());
    return instance;
  }

  function contractForTest(partitions: number): ReturnType<typeof orderContract> {
    const contract = orderContract(undefined, partitions);
    createdTopics.push(contract.topic.name, deadLetterTopic(`orders-${contract.topic.name}`));
    return contract;
  }

  function consumer(
    contract: ReturnType<typeof orderContract>,
    options: Parameters<typeof orderConsumer>[3] = {},
  ): ConsumerRunner<EntityManager> {
    const runner = orderConsumer(world, contract, transport, options);
    stops.push(() => runner.stop());
    return runner;
  }

  it('keeps per-key order across 10,000 events over 200 aggregates and 6 partitions', async () => {
    const contract = contractForTest(6);
    await transport.ensureTopics([contract.topic]);
    const runner = consumer(contract);
    await runner.start();
    relay(contract).start();
    const orders = 200;
    const perOrder = 50;
    await Promise.all(
      Array.from({ length: 8 }, async (_, writer) => {
        for (let seq = 1; seq <= perOrder; seq += 5) {
          for (let order = writer; order < orders; order += 8) {
            await world.store.append(
              `order-${order}`,
              [0, 1, 2, 3, 4].map((offset) => orderPlaced(seq + offset)),
              'any',
            );
          }
        }
      }),
    );
    await waitUntil(async () => (await world.effects()).length >= orders * perOrder, 90_000, '10,000 effects');
    const effects = await world.effects();
    expect(effects).toHaveLength(orders * perOrder);
    expect(new Set(effects.map((effect) => effect.event_id)).size).toBe(orders * perOrder);
    const expected = Array.from({ length: perOrder }, (_, index) => index + 1);
    const byOrder = sequencesByOrder(effects);
    expect(byOrder.size).toBe(orders);
    for (const [order, sequence] of byOrder) expect({ order, sequence }).toEqual({ order, sequence: expected });
  });

  it('republishes after a relay dies between produce and checkpoint, and the effect happens once', async () => {
    const contract = contractForTest(3);
    await transport.ensureTopics([contract.topic]);
    for (let seq = 1; seq <= 5; seq += 1) await world.store.append('order-k1', [orderPlaced(seq)], 'any');
    const doomed = spawnRelayProcess({
      databaseUrl: world.database.url,
      topic: contract.topic.name,
      partitions: 3,
      service: 'orders',
      mode: 'crash-after-send',
    });
    expect(await doomed.exited).toBe('SIGKILL');
    expect(await world.store.readCheckpoint('relay:orders')).toBeUndefined();
    expect(await recordsOnTopic(contract.topic.name)).toBe(5);

    relay(contract, 'orders', new PostgresRelayLock({ connectionString: world.database.url })).start();
    await waitUntil(
      async () => (await recordsOnTopic(contract.topic.name)) === 10,
      30_000,
      'the batch published again',
    );
    const runner = consumer(contract);
    await runner.start();
    await waitUntil(() => runner.status().duplicates === 5, 30_000, 'the duplicates seen');
    const effects = await world.effects();
    expect(effects.map((effect) => effect.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('dead-letters a poison message after N attempts and processes the messages behind it', async () => {
    const contract = contractForTest(1);
    await transport.ensureTopics([contract.topic]);
    const failing = effectHandler();
    const runner = consumer(contract, {
      maxAttempts: 3,
      handler: async (event, tx) => {
        if ((event.data as { seq: number }).seq === 2) throw new Error('the ledger refuses order 2');
        await failing(event, tx);
      },
    });
    await runner.start();
    relay(contract).start();
    for (let seq = 1; seq <= 4; seq += 1) await world.store.append('order-p', [orderPlaced(seq)], 'any');
    await waitUntil(async () => (await world.effects()).length === 3, 30_000, 'three effects');
    expect((await world.effects()).map((effect) => effect.seq)).toEqual([1, 3, 4]);
    const dead = await readTopic(deadLetterTopic(runner.status().groupId), 1);
    expect(dead[0]?.headers).toMatchObject({
      dlq_attempts: '3',
      dlq_reason: 'handler failed after 3 attempts: the ledger refuses order 2',
      dlq_original_topic: contract.topic.name,
      ce_type: orderType,
    });
    expect(JSON.parse(dead[0]?.value?.toString() ?? '{}')).toMatchObject({ orderId: 'p', seq: 2 });
  });

  it('dead-letters records that are not JSON or break their schema, with the reason, and keeps consuming', async () => {
    const contract = contractForTest(1);
    await transport.ensureTopics([contract.topic]);
    const runner = consumer(contract);
    await runner.start();
    const valid = toEventRecord({
      id: 'valid-1',
      type: orderType,
      source: '/salesos/tests',
      subject: 'z',
      time: new Date().toISOString(),
      data: { orderId: 'z', seq: 1 },
    });
    const producer = new Kafka({ brokers: testBrokers, clientId: 'raw', logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({
      topic: contract.topic.name,
      messages: [
        { key: 'z', value: 'this is not json', headers: { ...valid.headers, ce_id: 'not-json' } },
        {
          key: 'z',
          value: JSON.stringify({ orderId: 'z', seq: -4, extra: 1 }),
          headers: { ...valid.headers, ce_id: 'bad-schema' },
        },
        { key: 'z', value: valid.value, headers: valid.headers },
      ],
    });
    await producer.disconnect();
    await waitUntil(async () => (await world.effects()).length === 1, 30_000, 'the valid record applied');
    const dead = await readTopic(deadLetterTopic(runner.status().groupId), 2);
    expect(dead.map((record) => record.headers.ce_id)).toEqual(['not-json', 'bad-schema']);
    expect(dead[0]?.headers.dlq_reason).toMatch(/^the value is not JSON: Unexpected token/);
    expect(dead[1]?.headers.dlq_reason).toBe(
      'payload does not match salesos.tests.OrderPlaced.v1: (payload) must NOT have additional properties; /seq must be >= 1',
    );
    expect(runner.status()).toMatchObject({ state: 'consuming', deadLettered: 2, processed: 1 });
  });

  it('on stop finishes the batch in hand, commits it and leaves the group; a successor starts after it', async () => {
    const contract = contractForTest(1);
    await transport.ensureTopics([contract.topic]);
    const groupId = `orders-${contract.topic.name}`;
    const apply = effectHandler();
    let entered: () => void = () => undefined;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    const first = orderConsumer(world, contract, transport, {
      groupId,
      handler: async (event, tx) => {
        entered();
        await new Promise((resolve) => setTimeout(resolve, 100));
        await apply(event, tx);
      },
    });
    await first.start();
    for (let seq = 1; seq <= 20; seq += 1) await world.store.append('order-g', [orderPlaced(seq)], 'any');
    relay(contract).start();
    await inHandler;
    await first.stop();
    const applied = (await world.effects()).length;
    expect(applied).toBeGreaterThan(0);
    expect(first.status()).toMatchObject({ state: 'stopped', processed: applied });

    const second = consumer(contract, { groupId });
    await second.start();
    await waitUntil(async () => (await world.effects()).length === 20, 30_000, 'all 20 effects');
    expect(second.status()).toMatchObject({ duplicates: 0, processed: 20 - applied });
    expect((await world.effects()).map((effect) => effect.seq)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
  });

  it('lets one of two relays publish; when it is killed the other takes over without loss or reorder', async () => {
    const contract = contractForTest(3);
    await transport.ensureTopics([contract.topic]);
    const runner = consumer(contract);
    await runner.start();
    const first = spawnRelayProcess({
      databaseUrl: world.database.url,
      topic: contract.topic.name,
      partitions: 3,
      service: 'orders',
    });
    stops.push(async () => {
      first.child.kill('SIGKILL');
      await first.exited;
    });
    await first.publishing;
    const standby = relay(
      contract,
      'orders',
      new PostgresRelayLock({ connectionString: world.database.url, retryIntervalMs: 100 }),
    );
    standby.start();

    const orders = ['a', 'b', 'c', 'd', 'e'];
    const appended = new Map(orders.map((order) => [order, 0]));
    let writing = true;
    const writer = (async () => {
      while (writing) {
        for (const order of orders) {
          const seq = (appended.get(order) ?? 0) + 1;
          await world.store.append(`order-${order}`, [orderPlaced(seq)], 'any');
          appended.set(order, seq);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await waitUntil(async () => (await world.effects()).length >= 50, 30_000, 'events through the first relay');
    expect(standby.status()).toMatchObject({ state: 'waiting-for-lock', published: 0 });
    first.child.kill('SIGKILL');
    await first.exited;
    await waitUntil(() => standby.isPublishing(), 30_000, 'the standby relay taking over');
    await new Promise((resolve) => setTimeout(resolve, 500));
    writing = false;
    await writer;
    const total = [...appended.values()].reduce((sum, count) => sum + count, 0);
    await waitUntil(async () => (await world.effects()).length === total, 60_000, `all ${total} effects`);
    const byOrder = sequencesByOrder(await world.effects());
    for (const order of orders) {
      const count = appended.get(order) ?? 0;
      expect({ order, sequence: byOrder.get(order) }).toEqual({
        order,
        sequence: Array.from({ length: count }, (_, index) => index + 1),
      });
    }
    expect(standby.status().published).toBeGreaterThan(0);
  });
});

async function deleteTopics(topics: string[]): Promise<void> {
  const admin = new Kafka({ brokers: testBrokers, clientId: 'cleanup', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const doomed = topics.filter((topic) => existing.has(topic));
    if (doomed.length > 0) await admin.deleteTopics({ topics: doomed });
  } finally {
    await admin.disconnect();
  }
}

async function readTopic(topic: string, count: number): Promise<IncomingRecord[]> {
  const kafka = new Kafka({ brokers: testBrokers, clientId: 'reader', logLevel: logLevel.NOTHING });
  const reader = kafka.consumer({ groupId: `reader-${Date.now()}-${Math.random()}` });
  const records: IncomingRecord[] = [];
  await reader.connect();
  await reader.subscribe({ topic, fromBeginning: true });
  await reader.run({
    eachMessage: ({ message, partition }) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
      records.push({
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        value: message.value,
        headers,
      });
      return Promise.resolve();
    },
  });
  await waitUntil(() => records.length >= count, 30_000, `${count} records on ${topic}`);
  await reader.disconnect();
  return records;
}
