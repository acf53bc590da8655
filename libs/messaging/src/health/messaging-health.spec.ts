import { MemoryEventStore } from '@salesos/event-store';
import { ConsumerRunner } from '../consumer/consumer-runner';
import { MemoryInbox } from '../consumer/inbox.port';
import { InProcessRelayLock } from '../relay/relay-lock.port';
import { Relay } from '../relay/relay';
import { InProcessTransport } from '../transport/in-process/in-process-transport';
import { orderContract, orderMapper, orderPlaced, orderRegistry, orderType, waitUntil } from '../testing';
import { ScriptedTransport } from '../testing/scripted-transport';
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

    expect(health.readiness()).toMatchObject({
      status: 'degraded',
      ready: true,
      reasons: ['consumer health-consumer has not started', 'relay tests has not started'],
    });
    for (let seq = 1; seq <= 3; seq += 1) await store.append('order-h', [orderPlaced(seq)], 'any');
    expect(await health.metrics()).toEqual({
      consumerLag: { 'health-consumer': 0 },
      relayLag: { tests: 3 },
      viewsLag: {},
    });

    await consumer.start();
    relay.start();
    await waitUntil(async () => (await relay.lag()) === 0, 5000, 'relay caught up');
    expect(health.readiness()).toMatchObject({
      status: 'up',
      ready: true,
      reasons: [],
      consumers: [{ state: 'consuming' }],
      relays: [{ state: 'publishing', lag: 0 }],
    });
    expect(await health.metrics()).toEqual({
      consumerLag: { 'health-consumer': 3 },
      relayLag: { tests: 0 },
      viewsLag: {},
    });
    const text = await health.prometheus();
    expect(text).toContain('# TYPE salesos_consumer_lag gauge\nsalesos_consumer_lag{group="health-consumer"} 3\n');
    expect(text).toContain('# TYPE salesos_relay_lag gauge\nsalesos_relay_lag{service="tests"} 0\n');
    expect(text).toContain('salesos_consumer_stalled{group="health-consumer"} 0\n');
    expect(text).toContain('salesos_relay_state{service="tests",state="publishing"} 1\n');
    expect(text).toContain('salesos_relay_state{service="tests",state="retrying"} 0\n');

    release();
    await waitUntil(async () => (await consumer.lag()) === 0, 5000, 'consumer caught up');
    await relay.stop();
    await consumer.stop();
    expect(health.readiness()).toMatchObject({
      status: 'down',
      ready: false,
      reasons: ['consumer health-consumer is stopped', 'relay tests is stopped'],
    });
  });

  it('answers down, naming it, when a store or database does not answer, and degraded for a stalled consumer', async () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    let clock = now;
    const transport = new ScriptedTransport();
    const consumer = new ConsumerRunner({
      groupId: 'stalling',
      topics: ['salesos.test.stalling'],
      handlers: new Map([[orderType, () => Promise.resolve()]]),
      transport,
      inbox: new MemoryInbox(),
      registry: orderRegistry(orderContract('salesos.test.stalling', 1)),
      clock: () => new Date(clock),
    });
    let storeAnswers = true;
    const health = new MessagingHealth();
    health.register({ consumer });
    health.register({
      dependency: {
        name: 'read models',
        check: () => (storeAnswers ? Promise.resolve() : Promise.reject(new Error('connect ECONNREFUSED'))),
      },
    });
    await consumer.start();
    transport.lagValue = 12;
    await consumer.lag();
    clock = now + 45_000;

    const stalled = await health.check();
    expect(stalled).toMatchObject({
      status: 'degraded',
      ready: true,
      reasons: ['consumer stalling is stalled: 12 records behind and no progress for 45 s'],
      dependencies: [{ name: 'read models', up: true }],
      consumers: [{ state: 'stalled', lag: 12, lastProgressAt: null }],
    });
    const text = await health.prometheus();
    expect(text).toContain('salesos_consumer_stalled{group="stalling"} 1\n');
    expect(text).toContain('salesos_consumer_lag{group="stalling"} 12\n');
    expect(text).toContain('salesos_consumer_seconds_since_progress{group="stalling"} NaN\n');
    expect(text).toContain('salesos_dependency_up{name="read models"} 1\n');

    storeAnswers = false;
    expect(await health.check()).toMatchObject({
      status: 'down',
      ready: false,
      reasons: [
        'read models does not answer: connect ECONNREFUSED',
        'consumer stalling is stalled: 12 records behind and no progress for 45 s',
      ],
      dependencies: [{ name: 'read models', up: false, error: 'connect ECONNREFUSED' }],
    });
    await consumer.stop();
  });

  it('calls a store that is only late slow (degraded, 200), and down once it has not answered in time for 30 s', async () => {
    let clock = Date.parse('2026-03-01T10:00:00Z');
    const health = new MessagingHealth({ clock: () => new Date(clock), dependencyTimeoutMs: 20, downAfterMs: 30_000 });
    let answer: () => Promise<void> = () => Promise.resolve();
    health.register({ dependency: { name: 'event store', check: () => answer() } });
    expect(await health.check()).toMatchObject({ status: 'up', dependencies: [{ name: 'event store', up: true }] });

    answer = () => new Promise(() => undefined);
    clock += 10_000;
    expect(await health.check()).toMatchObject({
      status: 'degraded',
      ready: true,
      reasons: ['event store is slow: no answer within 20 ms'],
      dependencies: [{ name: 'event store', up: true, slow: true }],
    });
    clock += 25_000;
    expect(await health.check()).toMatchObject({
      status: 'down',
      ready: false,
      reasons: ['event store does not answer: no answer in time for 35 s'],
    });
    answer = () => Promise.resolve();
    expect(await health.check()).toMatchObject({ status: 'up', reasons: [] });
  });
});
