import { toEventRecord } from '@salesos/contracts';
import { orderContract, orderRegistry, orderType, waitUntil } from '../testing';
import { RollbackInbox, ScriptedTransport } from '../testing/scripted-transport';
import type { IncomingRecord } from '../transport/message-transport.port';
import { MemoryInbox } from './inbox.port';
import { ConsumerRunner, type ConsumerRunnerOptions } from './consumer-runner';

const contract = orderContract('salesos.test.runner', 1);

function orders(count: number, from = 0): IncomingRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const seq = from + index + 1;
    const record = toEventRecord({
      id: `event-${seq}`,
      type: orderType,
      source: '/salesos/tests',
      subject: 'a',
      time: '2026-03-01T10:00:00.000Z',
      data: { orderId: 'a', seq },
    });
    return {
      topic: contract.topic.name,
      partition: 0,
      offset: String(from + index),
      key: record.key,
      value: Buffer.from(record.value),
      headers: record.headers,
    };
  });
}

const heartbeatLost = () => Promise.reject(new Error('The coordinator is not aware of this member'));

describe('ConsumerRunner', () => {
  let now = Date.parse('2026-03-01T10:00:00Z');
  const clock = () => new Date(now);
  const runners: Array<ConsumerRunner<unknown>> = [];

  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
  });

  function runner<Tx>(
    transport: ScriptedTransport,
    options: Pick<ConsumerRunnerOptions<Tx>, 'inbox' | 'handlers'> & Partial<ConsumerRunnerOptions<Tx>>,
  ): ConsumerRunner<Tx> {
    const created = new ConsumerRunner<Tx>({
      groupId: 'runner-test',
      topics: [contract.topic.name],
      topicDefinitions: [contract.topic],
      transport,
      registry: orderRegistry(contract),
      maxAttempts: 3,
      backoffMs: () => 1,
      restartDelayMs: () => 5,
      clock,
      ...options,
    });
    runners.push(created as ConsumerRunner<unknown>);
    return created;
  }

  describe('when a heartbeat fails during a batch', () => {
    it('commits the batch in its one transaction, retries nothing, and reports the lost membership', async () => {
      const transport = new ScriptedTransport();
      const inbox = new RollbackInbox();
      const consumer = runner<string[]>(transport, {
        inbox,
        handlers: new Map([
          [
            orderType,
            (event, tx) => {
              tx.push(event.id);
              return Promise.resolve();
            },
          ],
        ]),
      });
      await consumer.start();

      const { commits } = await transport.deliver(orders(3), { heartbeat: heartbeatLost });

      expect(inbox.transactions).toBe(1);
      expect(inbox.committed).toEqual(['event-1', 'event-2', 'event-3']);
      expect(commits).toEqual(['2']);
      expect(consumer.status()).toMatchObject({
        state: 'joining',
        processed: 3,
        retries: 0,
        deadLettered: 0,
        lastError:
          'heartbeat failed during a batch, whose work was committed: The coordinator is not aware of this member',
      });
      expect(transport.sent).toEqual([]);
    });

    it('record by record, keeps what is done, commits it, and takes no further record', async () => {
      const transport = new ScriptedTransport();
      const seen: number[] = [];
      const consumer = runner<undefined>(transport, {
        inbox: new MemoryInbox(),
        handlers: new Map([
          [
            orderType,
            (event) => {
              seen.push((event.data as { seq: number }).seq);
              return Promise.resolve();
            },
          ],
        ]),
      });
      await consumer.start();

      const { commits } = await transport.deliver(orders(3), { heartbeat: heartbeatLost });

      expect(seen).toEqual([1]);
      expect(commits).toEqual(['0']);
      expect(consumer.status()).toMatchObject({ state: 'joining', processed: 1, retries: 0, deadLettered: 0 });
    });

    it('is consuming again once it commits with a good heartbeat', async () => {
      const transport = new ScriptedTransport();
      const consumer = runner<undefined>(transport, {
        inbox: new MemoryInbox(),
        handlers: new Map([[orderType, () => Promise.resolve()]]),
      });
      await consumer.start();
      await transport.deliver(orders(1), { heartbeat: heartbeatLost });
      expect(consumer.status().state).toBe('joining');
      await transport.deliver(orders(1, 1));
      expect(consumer.status().state).toBe('consuming');
    });
  });

  describe('when the transport is down', () => {
    it('starts without throwing, reports itself stalled with the reason, and consumes once the transport is back', async () => {
      const transport = new ScriptedTransport();
      transport.down = 'Connection error: connect ECONNREFUSED 127.0.0.1:9092';
      const consumer = runner<undefined>(transport, {
        inbox: new MemoryInbox(),
        handlers: new Map([[orderType, () => Promise.resolve()]]),
      });
      let consuming = false;
      void consumer.start().then(() => (consuming = true));

      await waitUntil(() => consumer.status().restarts >= 3, 5000, 'three attempts');
      expect(consuming).toBe(false);
      const stalled = consumer.status();
      expect(stalled).toMatchObject({
        state: 'stalled',
        lastError: 'Connection error: connect ECONNREFUSED 127.0.0.1:9092',
      });
      expect(stalled.stalledReason).toMatch(
        /^(the transport is down, restarting|reconnecting after): Connection error/,
      );

      transport.down = undefined;
      await waitUntil(() => consuming, 5000, 'the consumer joining');
      expect(consumer.status()).toMatchObject({ state: 'consuming' });
      expect(transport.topicsCreated).toEqual(new Set([contract.topic.name, 'salesos.dlq.runner-test']));
    });

    it('after a crash while consuming, is stalled at once, starts again, and consumes again', async () => {
      const transport = new ScriptedTransport();
      const consumer = runner<undefined>(transport, {
        inbox: new MemoryInbox(),
        handlers: new Map([[orderType, () => Promise.resolve()]]),
      });
      await consumer.start();
      transport.down = 'KafkaJSNumberOfRetriesExceeded: Connection error';
      transport.crash('KafkaJSNumberOfRetriesExceeded: Connection error');
      expect(consumer.status()).toMatchObject({ state: 'stalled' });
      await waitUntil(() => consumer.status().restarts >= 2, 5000, 'attempts to start again');
      expect(consumer.status().stalledReason).toMatch(/KafkaJSNumberOfRetriesExceeded: Connection error$/);

      transport.down = undefined;
      await waitUntil(() => consumer.status().state === 'consuming', 5000, 'consuming again');
      const { commits } = await transport.deliver(orders(2));
      expect(commits).toEqual(['1']);
    });

    it('stops at once while its client still retries against a broker that is gone', async () => {
      const transport = new ScriptedTransport();
      transport.connectHangs = true;
      const consumer = runner<undefined>(transport, {
        inbox: new MemoryInbox(),
        handlers: new Map([[orderType, () => Promise.resolve()]]),
      });
      void consumer.start();
      const stopping = Date.now();
      await consumer.stop();
      expect(Date.now() - stopping).toBeLessThan(500);
      expect(consumer.status().state).toBe('stopped');
    });

    it('stops while its join hangs, without waiting for the join', async () => {
      const transport = new ScriptedTransport();
      transport.joinHangs = true;
      const consumer = runner<undefined>(transport, {
        inbox: new MemoryInbox(),
        handlers: new Map([[orderType, () => Promise.resolve()]]),
      });
      void consumer.start();
      await waitUntil(() => transport.starts === 1, 5000, 'the join begun');
      expect(consumer.status().state).toBe('joining');
      await consumer.stop();
      expect(consumer.status().state).toBe('stopped');
    });
  });

  describe('stall detection, on an injected clock', () => {
    it('is stalled when records wait and nothing is committed for longer than the limit, and only then', async () => {
      now = Date.parse('2026-03-01T10:00:00Z');
      const transport = new ScriptedTransport();
      const consumer = runner<undefined>(transport, {
        inbox: new MemoryInbox(),
        handlers: new Map([[orderType, () => Promise.resolve()]]),
        stallAfterMs: 30_000,
      });
      await consumer.start();
      transport.lagValue = 5;
      expect(await consumer.lag()).toBe(5);

      now += 30_000;
      expect(consumer.status()).toMatchObject({ state: 'consuming', lag: 5 });
      now += 1_000;
      expect(consumer.status()).toMatchObject({
        state: 'stalled',
        stalledReason: '5 records behind and no progress for 31 s',
        lag: 5,
        lastProgressAt: null,
        secondsSinceProgress: null,
      });

      await transport.deliver(orders(2));
      expect(consumer.status()).toMatchObject({
        state: 'consuming',
        lastProgressAt: '2026-03-01T10:00:31.000Z',
        secondsSinceProgress: 0,
      });

      transport.lagValue = 0;
      await consumer.lag();
      now += 3_600_000;
      expect(consumer.status()).toMatchObject({ state: 'consuming', lag: 0, secondsSinceProgress: 3600 });
    });

    it('is stalled when its lag cannot be measured and nothing is committed for longer than the limit', async () => {
      now = Date.parse('2026-03-01T10:00:00Z');
      const transport = new ScriptedTransport();
      const consumer = runner<undefined>(transport, {
        inbox: new MemoryInbox(),
        handlers: new Map([[orderType, () => Promise.resolve()]]),
        stallAfterMs: 30_000,
      });
      await consumer.start();
      transport.down = 'Connection error';
      await expect(consumer.lag()).rejects.toThrow('Connection error');
      expect(consumer.status().state).toBe('consuming');
      now += 40_000;
      expect(consumer.status()).toMatchObject({
        state: 'stalled',
        stalledReason: 'no progress for 40 s, and the lag cannot be measured: Connection error',
      });
    });
  });
});
