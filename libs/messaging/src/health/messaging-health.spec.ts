import { MemoryEventStore } from '@salesos/event-store';
import { ConsumerRunner } from '../consumer/consumer-runner';
import { MemoryInbox } from '../consumer/inbox.port';
import { InProcessRelayLock } from '../relay/relay-lock.port';
import { Relay } from '../relay/relay';
import { InProcessTransport } from '../transport/in-process/in-process-transport';
import { orderContract, orderMapper, orderPlaced, orderRegistry, orderType, waitUntil } from '../testing';
import { MessagingHealth } from './messaging-health';

describe('MessagingHealth', () => {
  it('reports readiness and the consumer and relay lag as numbers', async () => {
    const contract = orderContract('salesos.test.health', 2);
    const registry = orderRegistry(contract);
    const transport = new InProcessTransport();
    await transport.ensureTopics([contract.topic]);
    const store = new MemoryEventStore({ pollIntervalMs: 10 });
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const consumer = new ConsumerRunner({
      groupId: 'health-consumer',
      topics: [contract.topic.name],
      handlers: new Map([[orderType, () => blocked]]),
      transport,
      inbox: new MemoryInbox(),
      registry,
    });
    const relay = new Relay({
      service: 'tests',
      store,
      categories: ['order'],
      map: orderMapper,
      registry,
      transport,
      lock: new InProcessRelayLock(),
      pollIntervalMs: 10,
    });
    const health = new MessagingHealth();
    health.register({ consumer, relay });

    expect(health.readiness().ready).toBe(false);
    for (let seq = 1; seq <= 3; seq += 1) await store.append('order-h', [orderPlaced(seq)], 'any');
    expect(await health.metrics()).toEqual({ consumerLag: { 'health-consumer': 0 }, relayLag: { tests: 3 } });

    await consumer.start();
    relay.start();
    await waitUntil(async () => (await relay.lag()) === 0, 5000, 'relay caught up');
    expect(health.readiness()).toMatchObject({
      ready: true,
      consumers: [{ state: 'consuming' }],
      relays: [{ state: 'publishing' }],
    });
    expect(await health.metrics()).toEqual({ consumerLag: { 'health-consumer': 3 }, relayLag: { tests: 0 } });
    const text = await health.prometheus();
    expect(text).toContain('# TYPE salesos_consumer_lag gauge\nsalesos_consumer_lag{group="health-consumer"} 3\n');
    expect(text).toContain('# TYPE salesos_relay_lag gauge\nsalesos_relay_lag{service="tests"} 0\n');

    release();
    await waitUntil(async () => (await consumer.lag()) === 0, 5000, 'consumer caught up');
    await relay.stop();
    await consumer.stop();
    expect(health.readiness().ready).toBe(false);
  });
});
