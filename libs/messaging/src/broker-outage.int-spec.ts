import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { acceptsConnections, freeLocalPorts, KafkaBroker } from '../../../deploy/kafka/kafka-broker';
import { MessagingHealth } from './health/messaging-health';
import { InProcessRelayLock } from './relay/relay-lock.port';
import { Relay } from './relay/relay';
import { createOrderWorld, kafkaTransport, orderConsumer, sequencesByOrder } from './testing/kafka-test-kit';
import { orderContract, orderMapper, orderPlaced, orderRegistry, waitUntil } from './testing';

jest.setTimeout(240_000);

/** A broker of this test's own on ports the OS gave, so stopping it disturbs no other suite and no other server. */
let broker: KafkaBroker;

beforeAll(async () => {
  broker = await KafkaBroker.onFreePorts(mkdtempSync(join(tmpdir(), 'salesos-kafka-outage-')));
});

afterAll(async () => {
  await broker.destroy();
});

it('keeps accepting writes while the broker is down; the relay catches up and consumers converge, nothing lost', async () => {
  await broker.start();
  const world = await createOrderWorld('outage');
  const transport = kafkaTransport('outage-test', [broker.bootstrap]);
  const contract = orderContract(undefined, 3);
  await transport.ensureTopics([contract.topic]);
  const consumer = orderConsumer(world, contract, transport);
  await consumer.start();
  const relay = new Relay({
    service: 'orders',
    store: world.store,
    categories: ['order'],
    map: orderMapper,
    registry: orderRegistry(contract),
    transport,
    lock: new InProcessRelayLock(),
    pollIntervalMs: 20,
    retryDelayMs: () => 250,
  });
  relay.start();
  const health = new MessagingHealth();
  health.register({ consumer, relay });
  try {
    const orders = ['a', 'b', 'c'];
    const append = async (from: number, to: number): Promise<void> => {
      for (let seq = from; seq <= to; seq += 1) {
        for (const order of orders) await world.store.append(`order-${order}`, [orderPlaced(seq)], 'any');
      }
    };
    await append(1, 10);
    await waitUntil(async () => (await world.effects()).length === 30, 60_000, 'the first 30 effects');

    await broker.stop();
    const brokerStoppedAt = Date.now();
    const writeStarted = Date.now();
    await append(11, 40);
    const writeMs = Date.now() - writeStarted;
    await waitUntil(() => relay.status().state === 'retrying', 60_000, 'the relay noticing the outage');
    expect((await world.effects()).length).toBe(30);
    expect(await relay.lag()).toBe(90);
    // The consumer does not pass for consuming while its transport is down: it says it is stalled, and why.
    await waitUntil(() => consumer.status().state === 'stalled', 60_000, 'the consumer reporting the stall');
    const stallNoticedMs = Date.now() - brokerStoppedAt;
    expect(stallNoticedMs).toBeLessThan(20_000);
    const during = health.readiness();
    expect(during).toMatchObject({ status: 'degraded', ready: true });
    expect(during.reasons).toEqual([
      expect.stringMatching(new RegExp(`^consumer ${consumer.status().groupId} is stalled: `)),
      expect.stringMatching(/^relay orders cannot publish: .*; 90 events not yet published$/),
    ]);

    await broker.start();
    await waitUntil(
      async () => (await world.effects()).length === 120,
      120_000,
      'all 120 effects after the broker returned',
    );
    const byOrder = sequencesByOrder(await world.effects());
    for (const order of orders) {
      expect({ order, sequence: byOrder.get(order) }).toEqual({
        order,
        sequence: Array.from({ length: 40 }, (_, index) => index + 1),
      });
    }
    expect(await relay.lag()).toBe(0);
    // Recovered means recovered: no stale error, no stall, readiness up.
    await waitUntil(() => health.readiness().status === 'up', 30_000, 'readiness up again');
    expect(relay.status()).toMatchObject({ state: 'publishing' });
    expect(relay.status()).not.toHaveProperty('lastError');
    expect(await consumer.lag()).toBe(0);
    expect(consumer.status()).toMatchObject({ state: 'consuming', lag: 0 });
    // The write side never waited for the broker: 90 appends while it was down took well under the outage.
    expect(writeMs).toBeLessThan(30_000);
  } finally {
    await relay.stop();
    await consumer.stop();
    await transport.close();
    await world.close();
  }
});

it('never adopts a server it did not start, and its stop leaves that server alone', async () => {
  const [port, controllerPort] = (await freeLocalPorts(2)) as [number, number];
  expect(port).not.toBe(controllerPort);
  const stranger = await new Promise<Server>((resolve) => {
    const server = createServer((socket) => socket.destroy());
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
  const runDir = mkdtempSync(join(tmpdir(), 'salesos-kafka-stranger-'));
  try {
    const own = new KafkaBroker({ port, controllerPort, runDir, whenPortTaken: 'fail' });
    await expect(own.start()).rejects.toThrow(`Something else accepts connections on 127.0.0.1:${port}`);
    await own.destroy();
    expect(await acceptsConnections({ host: '127.0.0.1', port })).toBe(true);
  } finally {
    await new Promise((resolve) => stranger.close(resolve));
  }
});
