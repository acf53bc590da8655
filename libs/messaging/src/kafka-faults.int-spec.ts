import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KafkaBroker } from '../../../deploy/kafka/kafka-broker';
import { MessagingHealth } from './health/messaging-health';
import { InProcessRelayLock } from './relay/relay-lock.port';
import { Relay } from './relay/relay';
import {
  createOrderWorld,
  kafkaTransport,
  orderConsumer,
  type OrderWorld,
  sequencesByOrder,
  spawnConsumerProcess,
} from './testing/kafka-test-kit';
import { orderContract, orderMapper, orderPlaced, orderRegistry, waitUntil } from './testing';

jest.setTimeout(240_000);

describe('messaging through faults, on a real Kafka broker and PostgreSQL', () => {
  let world: OrderWorld;
  const cleanups: Array<() => Promise<void>> = [];

  beforeEach(async () => {
    world = await createOrderWorld('faults');
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await world.close();
  });

  it('a consumer started right after its predecessor was killed without leaving consumes within seconds', async () => {
    const contract = orderContract(undefined, 3);
    const groupId = `killed-${contract.topic.name}`;
    const transport = kafkaTransport('faults-restart');
    cleanups.push(() => transport.close());
    const predecessor = spawnConsumerProcess({
      databaseUrl: world.database.url,
      topic: contract.topic.name,
      partitions: 3,
      groupId,
    });
    cleanups.push(async () => {
      predecessor.child.kill('SIGKILL');
      await predecessor.exited;
    });
    await predecessor.consuming;
    for (let seq = 1; seq <= 5; seq += 1) await world.store.append('order-k', [orderPlaced(seq)], 'any');
    const relay = new Relay({
      service: 'orders',
      store: world.store,
      categories: ['order'],
      map: orderMapper,
      registry: orderRegistry(contract),
      transport,
      lock: new InProcessRelayLock(),
      pollIntervalMs: 20,
    });
    relay.start();
    cleanups.push(() => relay.stop());
    await waitUntil(async () => (await world.effects()).length === 5, 30_000, 'the predecessor applying 5 events');

    // Killed: no LeaveGroup reaches the broker, which keeps the dead member until its session times out.
    predecessor.child.kill('SIGKILL');
    await predecessor.exited;
    const restartedAt = Date.now();
    const successor = orderConsumer(world, contract, transport, { groupId });
    cleanups.push(() => successor.stop());
    await successor.start();
    const joinMs = Date.now() - restartedAt;
    for (let seq = 6; seq <= 10; seq += 1) await world.store.append('order-k', [orderPlaced(seq)], 'any');
    await waitUntil(async () => (await world.effects()).length === 10, 30_000, 'the successor applying 5 more');

    // The session of a killed member is 6 s (it was 30 s): the successor joins once it has expired.
    expect(joinMs).toBeLessThan(9000);
    expect(successor.status()).toMatchObject({ state: 'consuming', restarts: 0 });
    expect(sequencesByOrder(await world.effects()).get('k')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('a relay and a consumer started while the broker is down start at once, say so, and deliver everything once it is up', async () => {
    const broker = await KafkaBroker.onFreePorts(mkdtempSync(join(tmpdir(), 'salesos-kafka-faults-')));
    cleanups.push(() => broker.destroy());
    const transport = kafkaTransport('faults-outage', [broker.bootstrap]);
    cleanups.push(() => transport.close());
    const contract = orderContract(undefined, 3);
    const consumer = orderConsumer(world, contract, transport);
    const relay = new Relay({
      service: 'orders',
      store: world.store,
      categories: ['order'],
      map: orderMapper,
      registry: orderRegistry(contract),
      transport,
      lock: new InProcessRelayLock(),
      pollIntervalMs: 20,
    });
    const health = new MessagingHealth();
    health.register({ consumer, relay });

    const startedAt = Date.now();
    const consuming = consumer.start();
    relay.start();
    cleanups.push(() => consumer.stop());
    cleanups.push(() => relay.stop());
    expect(Date.now() - startedAt).toBeLessThan(100);
    for (let seq = 1; seq <= 20; seq += 1) {
      for (const order of ['a', 'b']) await world.store.append(`order-${order}`, [orderPlaced(seq)], 'any');
    }

    await waitUntil(
      () => relay.status().state === 'retrying' && consumer.status().state === 'stalled',
      60_000,
      'the relay and the consumer noticing the broker is down',
    );
    expect(await relay.lag()).toBe(40);
    const down = health.readiness();
    expect(down).toMatchObject({ status: 'degraded', ready: true, relays: [{ lag: 40 }] });
    expect(down.reasons).toEqual([
      expect.stringMatching(new RegExp(`^consumer ${consumer.status().groupId} is stalled: .*ECONNREFUSED`)),
      expect.stringMatching(/^relay orders cannot publish: .*ECONNREFUSED.*; 40 events not yet published$/),
    ]);
    expect((await world.effects()).length).toBe(0);

    const brokerUp = Date.now();
    await broker.start();
    await waitUntil(async () => (await world.effects()).length === 40, 120_000, 'all 40 effects');
    await consuming;
    const catchUpMs = Date.now() - brokerUp;
    const byOrder = sequencesByOrder(await world.effects());
    for (const order of ['a', 'b']) {
      expect(byOrder.get(order)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    }
    expect(await relay.lag()).toBe(0);
    await waitUntil(() => health.readiness().status === 'up', 30_000, 'readiness up');
    expect(relay.status()).not.toHaveProperty('lastError');
    expect(consumer.status()).toMatchObject({ state: 'consuming' });
    expect(consumer.status().restarts).toBeGreaterThan(0);
    // Capped backoff: the catch-up does not wait out a long client retry once the broker answers.
    expect(catchUpMs).toBeLessThan(90_000);
  });
});
