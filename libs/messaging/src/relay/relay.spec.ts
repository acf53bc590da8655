import { MemoryEventStore } from '@salesos/event-store';
import { orderContract, orderMapper, orderPlaced, orderRegistry, waitUntil } from '../testing';
import { ScriptedTransport } from '../testing/scripted-transport';
import { InProcessRelayLock } from './relay-lock.port';
import { Relay, type RelayOptions } from './relay';

/** A relay of the test service's order events to `transport`, with what a case changes. */
const orderRelay = (
  store: MemoryEventStore,
  transport: ScriptedTransport,
  contract: ReturnType<typeof orderContract>,
  options: Partial<RelayOptions> = {},
) =>
  new Relay({
    service: 'tests',
    store,
    categories: ['order'],
    map: orderMapper,
    registry: orderRegistry(contract),
    transport,
    lock: new InProcessRelayLock(),
    ...options,
  });

describe('Relay', () => {
  it('starts while the transport is down, says why it retries, and once it is back publishes and forgets the error', async () => {
    const contract = orderContract('salesos.test.relay', 2);
    const transport = new ScriptedTransport();
    transport.down = 'Connection error: connect ECONNREFUSED 127.0.0.1:9092';
    const store = new MemoryEventStore({ pollIntervalMs: 5 });
    const relay = orderRelay(store, transport, contract, {
      pollIntervalMs: 5,
      retryDelayMs: () => 5,
      clock: () => new Date('2026-03-01T10:00:00Z'),
    });
    relay.start();
    for (let seq = 1; seq <= 3; seq += 1) await store.append('order-r', [orderPlaced(seq)], 'any');

    await waitUntil(() => relay.status().state === 'retrying', 5000, 'the relay retrying');
    expect(await relay.lag()).toBe(3);
    expect(relay.status()).toMatchObject({
      state: 'retrying',
      published: 0,
      lag: 3,
      lastPublishedAt: null,
      lastError: 'Connection error: connect ECONNREFUSED 127.0.0.1:9092',
    });

    transport.down = undefined;
    await waitUntil(() => relay.status().published === 3, 5000, 'the three events published');
    expect(await relay.lag()).toBe(0);
    const status = relay.status();
    expect(status).toMatchObject({ state: 'publishing', lag: 0, lastPublishedAt: '2026-03-01T10:00:00.000Z' });
    expect(status).not.toHaveProperty('lastError');
    expect(transport.topicsCreated).toEqual(new Set([contract.topic.name, 'salesos.dlq.relay.tests']));
    expect(transport.sent.flatMap((send) => send.records)).toHaveLength(3);
    await relay.stop();
    expect(relay.status().state).toBe('stopped');
  });

  it('stops at once while its client still retries against a broker that is gone', async () => {
    const contract = orderContract('salesos.test.relay-stop', 1);
    const transport = new ScriptedTransport();
    transport.connectHangs = true;
    const relay = orderRelay(new MemoryEventStore(), transport, contract);
    relay.start();
    await waitUntil(() => relay.status().state === 'connecting', 5000, 'the relay connecting');
    const stopping = Date.now();
    await relay.stop();
    expect(Date.now() - stopping).toBeLessThan(500);
    expect(relay.status().state).toBe('stopped');
  });

  it('parks a stored event it cannot map or whose event breaks its contract, and publishes the ones after it', async () => {
    const contract = orderContract('salesos.test.relay-park', 1);
    const transport = new ScriptedTransport();
    const store = new MemoryEventStore({ pollIntervalMs: 5 });
    const relay = orderRelay(store, transport, contract, {
      map: (event) => {
        if ((event.data as { seq: number }).seq === 2) throw new Error('OrderPlaced is malformed: data.seq is wrong');
        return orderMapper(event);
      },
      pollIntervalMs: 5,
      retryDelayMs: () => 5,
    });
    relay.start();
    await store.append('order-p', [orderPlaced(1), orderPlaced(2), orderPlaced(3)], 'no_stream');
    // A note the contract refuses: seq 4 is mapped, but its payload breaks the schema.
    await store.append('order-p', [{ ...orderPlaced(4), data: { seq: 4, note: 7 } }], 3);
    await store.append('order-p', [orderPlaced(5)], 4);
    await waitUntil(() => relay.status().published === 5, 5000, 'every event gone through');
    const published = transport.sent
      .filter((send) => send.topic === contract.topic.name)
      .flatMap((send) => send.records);
    expect(published.map((record) => JSON.parse(record.value) as { seq: number }).map((data) => data.seq)).toEqual([
      1, 3, 5,
    ]);
    const parked = transport.sent
      .filter((send) => send.topic === 'salesos.dlq.relay.tests')
      .flatMap((send) => send.records);
    expect(parked.map((record) => record.headers.dlq_reason)).toEqual([
      'it cannot be mapped: OrderPlaced is malformed: data.seq is wrong',
      expect.stringMatching(/payload does not match salesos\.tests\.OrderPlaced\.v1: \/note must be string/),
    ]);
    expect(parked[0]?.headers).toMatchObject({ dlq_relay: 'tests', dlq_stream_id: 'order-p' });
    expect(relay.status()).toMatchObject({ state: 'publishing', parked: 2 });
    await relay.stop();
  });

  it('publishes an append of its own process at once, without waiting for the next poll of the store', async () => {
    const contract = orderContract('salesos.test.relay-wake', 1);
    const transport = new ScriptedTransport();
    const store = new MemoryEventStore({ pollIntervalMs: 5 });
    // Only another process's appends wait this long: an hour, longer than the test may take.
    const relay = orderRelay(store, transport, contract, { pollIntervalMs: 3_600_000 });
    relay.start();
    await waitUntil(() => relay.status().state === 'publishing', 5000, 'the relay caught up');
    for (let seq = 1; seq <= 3; seq += 1) {
      await store.append('order-w', [orderPlaced(seq)], 'any');
      await waitUntil(() => relay.status().published === seq, 2000, `event ${seq} published`);
    }
    await relay.stop();
    expect(relay.status().state).toBe('stopped');
  });
});
