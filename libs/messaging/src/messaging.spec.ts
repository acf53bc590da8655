import { toEventRecord } from '@salesos/contracts';
import { MemoryEventStore } from '@salesos/event-store';
import { ConsumerRunner, type EventHandler } from './consumer/consumer-runner';
import { MemoryInbox } from './consumer/inbox.port';
import { InProcessRelayLock } from './relay/relay-lock.port';
import { Relay } from './relay/relay';
import { InProcessTransport, TransportClosedError } from './transport/in-process/in-process-transport';
import { deadLetterTopic, type IncomingRecord } from './transport/message-transport.port';
import { orderContract, orderMapper, orderPlaced, orderRegistry, orderType, waitUntil } from './testing';

function setup(options: { maxAttempts?: number; awaitCommits?: boolean } = {}) {
  const contract = orderContract('salesos.test.orders', 3);
  const registry = orderRegistry(contract);
  const transport = new InProcessTransport({
    redeliveryDelayMs: 10,
    ...(options.awaitCommits ? { awaitCommitsOf: { [contract.topic.name]: ['test-consumer'] } } : {}),
  });
  const store = new MemoryEventStore({ pollIntervalMs: 10 });
  const seen: Array<{ orderId: string; seq: number; id: string }> = [];
  let failFor: (orderId: string, seq: number) => boolean = () => false;
  const handler: EventHandler<undefined> = (event) => {
    const data = event.data as { orderId: string; seq: number };
    if (failFor(data.orderId, data.seq)) return Promise.reject(new Error(`cannot handle ${data.orderId}/${data.seq}`));
    seen.push({ ...data, id: event.id });
    return Promise.resolve();
  };
  const runner = new ConsumerRunner({
    groupId: 'test-consumer',
    topics: [contract.topic.name],
    handlers: new Map([[orderType, handler]]),
    transport,
    inbox: new MemoryInbox(),
    registry,
    maxAttempts: options.maxAttempts ?? 3,
    backoffMs: () => 5,
  });
  const relay = (lock = new InProcessRelayLock()): Relay =>
    new Relay({
      service: 'tests',
      store,
      categories: ['order'],
      map: orderMapper,
      registry,
      transport,
      lock,
      pollIntervalMs: 10,
    });
  return { contract, registry, transport, store, seen, runner, relay, failWhen: (f: typeof failFor) => (failFor = f) };
}

describe('relay and consumer runner on the in-process transport', () => {
  it('publish every event once, in order per key, and apply each once', async () => {
    const { contract, transport, store, seen, runner, relay } = setup();
    await transport.ensureTopics([contract.topic]);
    await runner.start();
    const publisher = relay();
    publisher.start();
    for (let seq = 1; seq <= 20; seq += 1) {
      for (const order of ['a', 'b', 'c', 'd']) await store.append(`order-${order}`, [orderPlaced(seq)], 'any');
    }
    await waitUntil(() => seen.length === 80, 5000, '80 events');
    for (const order of ['a', 'b', 'c', 'd']) {
      expect(seen.filter((entry) => entry.orderId === order).map((entry) => entry.seq)).toEqual(
        Array.from({ length: 20 }, (_, index) => index + 1),
      );
    }
    await waitUntil(async () => (await publisher.lag()) === 0, 5000, 'relay lag 0');
    expect(await runner.lag()).toBe(0);
    expect(runner.status()).toMatchObject({ state: 'consuming', processed: 80, deadLettered: 0 });
    await publisher.stop();
    await runner.stop();
  });

  it('apply a redelivered event once', async () => {
    const { contract, transport, seen, runner } = setup();
    await transport.ensureTopics([contract.topic]);
    await runner.start();
    const record = toEventRecord({
      id: 'event-1',
      type: orderType,
      source: '/salesos/tests',
      subject: 'a',
      time: new Date().toISOString(),
      data: { orderId: 'a', seq: 1 },
    });
    const producer = transport.producer();
    await producer.send(contract.topic.name, [record, record, record]);
    await waitUntil(() => runner.status().duplicates === 2, 5000, 'duplicates seen');
    expect(seen).toHaveLength(1);
    await runner.stop();
  });

  it('dead-letter a record that keeps failing after its attempts, and process those behind it', async () => {
    const { contract, transport, store, seen, runner, relay, failWhen } = setup({ maxAttempts: 3 });
    failWhen((orderId, seq) => orderId === 'a' && seq === 2);
    await transport.ensureTopics([contract.topic]);
    await runner.start();
    const dead: IncomingRecord[] = [];
    const dlqReader = transport.consumer('dlq-reader');
    await dlqReader.start({
      topics: [deadLetterTopic('test-consumer')],
      fromBeginning: true,
      eachBatch: async (batch, context) => {
        dead.push(...batch.records);
        await context.commit(batch.records[batch.records.length - 1]!.offset);
      },
    });
    const publisher = relay();
    publisher.start();
    for (let seq = 1; seq <= 4; seq += 1) await store.append('order-a', [orderPlaced(seq)], 'any');
    await waitUntil(() => seen.length === 3 && dead.length === 1, 5000, 'three processed and one dead letter');
    expect(seen.map((entry) => entry.seq)).toEqual([1, 3, 4]);
    expect(dead[0]?.headers).toMatchObject({
      dlq_attempts: '3',
      dlq_reason: 'handler failed after 3 attempts: cannot handle a/2',
      dlq_original_topic: contract.topic.name,
      dlq_consumer_group: 'test-consumer',
      ce_type: orderType,
    });
    expect(runner.status()).toMatchObject({ retries: 2, deadLettered: 1 });
    await Promise.all([publisher.stop(), runner.stop(), dlqReader.stop()]);
  });

  it('dead-letter records that are not JSON or break their contract, with the reason, and keep consuming', async () => {
    const { contract, transport, seen, runner } = setup();
    await transport.ensureTopics([contract.topic]);
    await runner.start();
    const good = toEventRecord({
      id: 'ok-1',
      type: orderType,
      source: '/salesos/tests',
      subject: 'k',
      time: new Date().toISOString(),
      data: { orderId: 'k', seq: 1 },
    });
    const producer = transport.producer();
    await producer.send(contract.topic.name, [
      { ...good, value: '{"orderId": "k", "seq": ' },
      {
        ...good,
        headers: { ...good.headers, ce_id: 'bad-schema' },
        value: JSON.stringify({ orderId: 'k', seq: 'first' }),
      },
      good,
    ]);
    const dead: IncomingRecord[] = [];
    const dlqReader = transport.consumer('dlq-reader');
    await dlqReader.start({
      topics: [deadLetterTopic('test-consumer')],
      fromBeginning: true,
      eachBatch: (batch) => {
        dead.push(...batch.records);
        return Promise.resolve();
      },
    });
    await waitUntil(() => seen.length === 1 && dead.length >= 2, 5000, 'one processed and two dead letters');
    const reasons = dead.map((record) => record.headers.dlq_reason?.toString());
    expect(reasons[0]).toMatch(/^the value is not JSON/);
    expect(reasons[1]).toBe('payload does not match salesos.tests.OrderPlaced.v1: /seq must be integer');
    expect(runner.status().state).toBe('consuming');
    await Promise.all([runner.stop(), dlqReader.stop()]);
  });

  it('let only one relay publish; the other takes over when the first stops', async () => {
    const { contract, transport, store, seen, runner, relay } = setup();
    await transport.ensureTopics([contract.topic]);
    await runner.start();
    const lock = new InProcessRelayLock();
    const first = relay(lock);
    const second = relay(lock);
    first.start();
    await waitUntil(() => first.isPublishing(), 2000, 'first relay publishing');
    second.start();
    await store.append('order-x', [orderPlaced(1)], 'no_stream');
    await waitUntil(() => seen.length === 1, 2000, 'first event');
    expect(second.status().state).toBe('waiting-for-lock');
    await first.stop();
    await store.append('order-x', [orderPlaced(2)], 1);
    await waitUntil(() => seen.length === 2, 2000, 'second event through the second relay');
    expect(second.status()).toMatchObject({ state: 'publishing', published: 1 });
    await Promise.all([second.stop(), runner.stop()]);
  });

  it('park an event breaking its contract, publishing nothing of it, and go on with the next', async () => {
    const { contract, transport, store, relay, seen, runner } = setup();
    await transport.ensureTopics([contract.topic]);
    await runner.start();
    const publisher = relay();
    publisher.start();
    await store.append('order-bad', [{ ...orderPlaced(1), data: { seq: 0 } }], 'no_stream');
    await store.append('order-good', [orderPlaced(1)], 'no_stream');
    await waitUntil(() => seen.length === 1, 5000, 'the good event');
    expect(seen.map((entry) => entry.orderId)).toEqual(['good']);
    expect(publisher.status()).toMatchObject({ state: 'publishing', published: 2, parked: 1 });
  });

  it('move the relay checkpoint past an event only once the awaited consumer group committed it', async () => {
    const { contract, transport, store, seen, runner, relay, failWhen } = setup({
      awaitCommits: true,
      maxAttempts: 1000,
    });
    await transport.ensureTopics([contract.topic]);
    let failing = true;
    failWhen((orderId) => failing && orderId === 'b');
    await runner.start();
    const publisher = relay();
    publisher.start();
    await store.append('order-a', [orderPlaced(1)], 'no_stream');
    await waitUntil(() => seen.length === 1, 5000, 'the first event');
    await waitUntil(() => publisher.status().checkpoint === '1', 5000, 'the checkpoint past the first event');
    await store.append('order-b', [orderPlaced(1)], 'no_stream');
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Published, but only in memory: had the process stopped now, the relay would publish it again at the next start.
    expect(publisher.status().checkpoint).toBe('1');
    failing = false;
    await waitUntil(() => publisher.status().checkpoint === '2', 5000, 'the checkpoint past the second event');
    expect(seen.map((entry) => entry.orderId)).toEqual(['a', 'b']);
    await Promise.all([publisher.stop(), runner.stop()]);
  });

  it('hold a send for a group that has not started, and release it when the group stops or the transport closes', async () => {
    const { contract, transport, runner, failWhen } = setup({ awaitCommits: true, maxAttempts: 1000 });
    await transport.ensureTopics([contract.topic]);
    const record = (orderId: string) =>
      toEventRecord({
        id: `event-${orderId}`,
        type: orderType,
        source: '/salesos/tests',
        subject: orderId,
        time: new Date().toISOString(),
        data: { orderId, seq: 1 },
      });
    const producer = transport.producer();
    let sent = false;
    const first = producer.send(contract.topic.name, [record('a')]).then(() => (sent = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toBe(false);
    failWhen((orderId) => orderId === 'b');
    await runner.start();
    await first;
    const second = producer.send(contract.topic.name, [record('b')]);
    await runner.stop();
    await expect(second).rejects.toThrow(TransportClosedError);
    const third = producer.send(contract.topic.name, [record('c')]);
    await transport.close();
    await expect(third).rejects.toThrow(/the transport closed/);
  });
});
