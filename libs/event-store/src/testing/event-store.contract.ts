import type { NewEvent, RecordedEvent } from '../event';
import type { EventStore } from '../event-store.port';
import {
  CheckpointConflictError,
  EventStoreErrorCode,
  IdempotencyConflictError,
  InvalidAppendError,
  WrongExpectedVersionError,
} from '../event-store.errors';
import {
  expectStrictlyIncreasing,
  newEvent,
  numberedEvents,
  positionsOf,
  uniqueCategory,
  waitFor,
} from './contract-fixtures';

/** An append whose transaction is open: it has written but not committed. */
export interface HeldAppend {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export interface ContractSubject {
  store: EventStore;
  /**
   * Starts an append in a transaction that stays open until the test ends it. Only stores whose writers
   * can commit out of order (PostgreSQL) provide it; stores that serialize writers cannot be overtaken.
   */
  holdOpenAppend?: (streamId: string, events: NewEvent[]) => Promise<HeldAppend>;
  teardown(): Promise<void>;
}

async function readAllOf(store: EventStore, category: string, maxCount = 1000): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after = 0n;
  for (;;) {
    const page = await store.readAll({ after, maxCount, filter: { categories: [category] } });
    events.push(...page.events);
    after = page.lastScannedPosition;
    if (page.isEnd) return events;
  }
}

/** The behaviour every EventStore adapter must show; run it once per adapter. */
export function describeEventStoreContract(adapterName: string, createSubject: () => Promise<ContractSubject>): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let subject: ContractSubject;
    let store: EventStore;

    beforeAll(async () => {
      subject = await createSubject();
      store = subject.store;
    });

    afterAll(async () => {
      await subject.teardown();
    });

    describe('1. expected version', () => {
      it('accepts no_stream once and refuses a second no_stream with a typed conflict', async () => {
        const streamId = `${uniqueCategory('order')}-1`;
        await expect(store.append(streamId, [newEvent('Opened', {})], 'no_stream')).resolves.toMatchObject({
          nextExpectedVersion: 1,
        });
        const second = store.append(streamId, [newEvent('Opened', {})], 'no_stream');
        await expect(second).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(second).rejects.toMatchObject({
          code: EventStoreErrorCode.WrongExpectedVersion,
          streamId,
          actual: 1,
        });
        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it('checks exact versions, stream_exists and any', async () => {
        const streamId = `${uniqueCategory('order')}-1`;
        await expect(store.append(streamId, [newEvent('A', {})], 'stream_exists')).rejects.toMatchObject({
          actual: 0,
        });
        await expect(store.append(streamId, [newEvent('A', {})], 1)).rejects.toBeInstanceOf(WrongExpectedVersionError);
        expect((await store.append(streamId, numberedEvents(2), 0)).nextExpectedVersion).toBe(2);
        await expect(store.append(streamId, [newEvent('A', {})], 1)).rejects.toMatchObject({ actual: 2 });
        expect((await store.append(streamId, [newEvent('A', {})], 2)).nextExpectedVersion).toBe(3);
        expect((await store.append(streamId, [newEvent('A', {})], 'stream_exists')).nextExpectedVersion).toBe(4);
        expect((await store.append(streamId, [newEvent('A', {})], 'any')).nextExpectedVersion).toBe(5);
        expect((await store.append(`${streamId}b`, [newEvent('A', {})], 'any')).nextExpectedVersion).toBe(1);
      });
    });

    describe('2. concurrent writers', () => {
      it('lets exactly one of N appends at the same expected version win, leaving no holes', async () => {
        const streamId = `${uniqueCategory('race')}-1`;
        await store.append(streamId, [newEvent('Started', {})], 'no_stream');
        const attempts = await Promise.allSettled(
          Array.from({ length: 12 }, (_, writer) => store.append(streamId, numberedEvents(3, 'Raced', { writer }), 1)),
        );
        const won = attempts.filter((attempt) => attempt.status === 'fulfilled');
        const lost = attempts.filter((attempt) => attempt.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(11);
        for (const attempt of lost) expect(attempt.reason).toBeInstanceOf(WrongExpectedVersionError);
        const stream = await store.readStream(streamId);
        expect(stream.map((event) => event.metadata.streamVersion)).toEqual([1, 2, 3, 4]);
        expect(new Set(stream.slice(1).map((event) => (event.data as { writer: number }).writer)).size).toBe(1);
      });

      it('lets exactly one of N creators of the same stream win', async () => {
        const streamId = `${uniqueCategory('race')}-1`;
        const attempts = await Promise.allSettled(
          Array.from({ length: 8 }, () => store.append(streamId, [newEvent('Created', {})], 'no_stream')),
        );
        expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it('keeps versions dense when many writers append with any', async () => {
        const streamId = `${uniqueCategory('race')}-1`;
        await Promise.all(Array.from({ length: 10 }, () => store.append(streamId, numberedEvents(2), 'any')));
        const stream = await store.readStream(streamId);
        expect(stream.map((event) => event.metadata.streamVersion)).toEqual(
          Array.from({ length: 20 }, (_, index) => index + 1),
        );
      });
    });

    describe('3. idempotent retries', () => {
      it('returns the first result for a retried batch and stores nothing twice', async () => {
        const streamId = `${uniqueCategory('retry')}-1`;
        await store.append(streamId, [newEvent('Opened', {})], 'no_stream');
        const batch = numberedEvents(3);
        const first = await store.append(streamId, batch, 1);
        const retried = await store.append(streamId, batch, 1);
        expect(retried).toEqual(first);
        const again = await store.append(
          streamId,
          batch.map((event) => ({ ...event })),
          'any',
        );
        expect(again).toEqual(first);
        expect(await store.readStream(streamId)).toHaveLength(4);
      });

      it('refuses a batch that repeats only some stored ids, writing nothing', async () => {
        const streamId = `${uniqueCategory('retry')}-1`;
        const batch = numberedEvents(2);
        await store.append(streamId, batch, 'no_stream');
        const mixed = [batch[0] as NewEvent, newEvent('Fresh', {})];
        await expect(store.append(streamId, mixed, 2)).rejects.toBeInstanceOf(IdempotencyConflictError);
        expect(await store.readStream(streamId)).toHaveLength(2);
      });
    });

    describe('4. atomic batches', () => {
      it('writes nothing of a batch that fails its version check or holds an invalid event', async () => {
        const streamId = `${uniqueCategory('atomic')}-1`;
        await store.append(streamId, [newEvent('Opened', {})], 'no_stream');
        await expect(store.append(streamId, numberedEvents(5), 0)).rejects.toBeInstanceOf(WrongExpectedVersionError);
        const poisoned = [...numberedEvents(3), newEvent('Bad', { when: new Date(0) })];
        await expect(store.append(streamId, poisoned, 1)).rejects.toBeInstanceOf(InvalidAppendError);
        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it('never shows a reader part of a batch', async () => {
        const category = uniqueCategory('atomic');
        const batchSize = 40;
        let writing = true;
        const partial: string[] = [];
        const reader = (async () => {
          while (writing) {
            const events = await readAllOf(store, category, 5000);
            const perBatch = new Map<string, number>();
            for (const event of events) {
              const batch = (event.data as { batch: string }).batch;
              perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1);
            }
            for (const [batch, count] of perBatch) if (count !== batchSize) partial.push(`${batch}:${count}`);
            await new Promise((resolve) => setImmediate(resolve));
          }
        })();
        await Promise.all(
          Array.from({ length: 4 }, async (_, writer) => {
            for (let round = 0; round < 6; round += 1) {
              await store.append(
                `${category}-${writer}`,
                numberedEvents(batchSize, 'Part', { batch: `${writer}/${round}` }),
                'any',
              );
            }
          }),
        );
        writing = false;
        await reader;
        expect(partial).toEqual([]);
        expect(await readAllOf(store, category)).toHaveLength(4 * 6 * batchSize);
      });
    });

    describe('5. readStream', () => {
      it('reads in order, from a version, backwards and with a maximum', async () => {
        const streamId = `${uniqueCategory('read')}-1`;
        await store.append(streamId, numberedEvents(5), 'no_stream');
        const numbers = (events: RecordedEvent[]): number[] => events.map((event) => (event.data as { n: number }).n);
        expect(numbers(await store.readStream(streamId))).toEqual([1, 2, 3, 4, 5]);
        expect(numbers(await store.readStream(streamId, { from: 3 }))).toEqual([3, 4, 5]);
        expect(numbers(await store.readStream(streamId, { from: 2, maxCount: 2 }))).toEqual([2, 3]);
        expect(numbers(await store.readStream(streamId, { direction: 'backwards' }))).toEqual([5, 4, 3, 2, 1]);
        expect(numbers(await store.readStream(streamId, { direction: 'backwards', from: 4, maxCount: 2 }))).toEqual([
          4, 3,
        ]);
      });

      it('reads a missing stream as empty', async () => {
        await expect(store.readStream(`${uniqueCategory('missing')}-1`)).resolves.toEqual([]);
      });

      it('returns the data and every metadata field it was given, plus the store-assigned ones', async () => {
        const streamId = `${uniqueCategory('meta')}-7`;
        const event = newEvent('Captured', { name: 'Ørsted A/S', nested: { list: [1, 'two', null, true] } });
        const result = await store.append(streamId, [{ ...event, schemaVersion: 2 }], 'no_stream');
        const [read] = await store.readStream(streamId);
        expect(read).toEqual({
          type: 'Captured',
          data: event.data,
          metadata: {
            ...event.metadata,
            eventId: event.eventId,
            type: 'Captured',
            schemaVersion: 2,
            streamId,
            streamVersion: 1,
            globalPosition: result.lastPosition,
            recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as unknown,
          },
        });
      });
    });

    describe('6. readAll', () => {
      it('has strictly increasing positions, an exclusive after, and pages without repeats or gaps', async () => {
        const category = uniqueCategory('all');
        for (let stream = 0; stream < 5; stream += 1) {
          await store.append(`${category}-${stream}`, numberedEvents(7, 'Paged', { stream }), 'no_stream');
        }
        const whole = await readAllOf(store, category, 10_000);
        expect(whole).toHaveLength(35);
        expectStrictlyIncreasing(positionsOf(whole));
        const paged = await readAllOf(store, category, 3);
        expect(paged.map((event) => event.metadata.eventId)).toEqual(whole.map((event) => event.metadata.eventId));

        const pivot = whole[10] as RecordedEvent;
        const after = await store.readAll({ after: pivot.metadata.globalPosition, maxCount: 5 });
        expect(after.events[0]?.metadata.globalPosition).toBeGreaterThan(pivot.metadata.globalPosition);

        const unfiltered: RecordedEvent[] = [];
        let position = 0n;
        for (;;) {
          const page = await store.readAll({ after: position, maxCount: 17 });
          unfiltered.push(...page.events);
          position = page.lastScannedPosition;
          if (page.isEnd) break;
        }
        expectStrictlyIncreasing(positionsOf(unfiltered));
        const ours = unfiltered.filter((event) => event.metadata.streamId.startsWith(`${category}-`));
        expect(ours.map((event) => event.metadata.eventId)).toEqual(whole.map((event) => event.metadata.eventId));
      });

      it('filters by category and by event type', async () => {
        const category = uniqueCategory('filter');
        const other = uniqueCategory('filter');
        await store.append(`${category}-1`, [newEvent('Kept', {}), newEvent('Dropped', {})], 'no_stream');
        await store.append(`${other}-1`, [newEvent('Kept', {})], 'no_stream');
        const page = await store.readAll({ filter: { categories: [category], eventTypes: ['Kept'] } });
        const mine = page.events.filter((event) => event.metadata.streamId === `${category}-1`);
        expect(mine.map((event) => event.type)).toEqual(['Kept']);
        expect(page.events.every((event) => event.metadata.streamId === `${category}-1`)).toBe(true);
      });
    });

    describe('7. out-of-order commits', () => {
      it('does not skip an append that started first and committed last', async () => {
        const category = uniqueCategory('late');
        const received: RecordedEvent[] = [];
        const subscription = store.subscribe({
          filter: { categories: [category] },
          handler: (event) => void received.push(event),
        });
        await subscription.caughtUp;
        const held = subject.holdOpenAppend
          ? await subject.holdOpenAppend(`${category}-slow`, numberedEvents(2, 'Slow'))
          : undefined;
        await Promise.all(
          Array.from({ length: 6 }, (_, writer) =>
            store.append(`${category}-fast${writer}`, numberedEvents(2, 'Fast'), 'any'),
          ),
        );
        if (held) {
          await new Promise((resolve) => setTimeout(resolve, 300));
          // While the slow transaction is open, the subscriber holds back rather than run past it.
          expect(received).toEqual([]);
          await held.commit();
        }
        const expected = held ? 14 : 12;
        await waitFor(() => received.length >= expected, 10_000, `${expected} events`);
        await subscription.stop();
        expect(received).toHaveLength(expected);
        expectStrictlyIncreasing(positionsOf(received));
        if (held) expect(received.slice(0, 2).map((event) => event.type)).toEqual(['Slow', 'Slow']);
      });
    });

    describe('8. rolled-back appends', () => {
      it('does not stall subscribers', async () => {
        const category = uniqueCategory('rollback');
        const received: RecordedEvent[] = [];
        const subscription = store.subscribe({
          filter: { categories: [category] },
          handler: (event) => void received.push(event),
        });
        if (subject.holdOpenAppend) {
          const held = await subject.holdOpenAppend(`${category}-doomed`, numberedEvents(3, 'Doomed'));
          await held.rollback();
        }
        await expect(store.append(`${category}-1`, numberedEvents(2, 'Doomed'), 5)).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        await store.append(`${category}-1`, numberedEvents(2, 'Kept'), 'no_stream');
        await waitFor(() => received.length >= 2, 10_000, 'the events after the rollback');
        await subscription.stop();
        expect(received.map((event) => event.type)).toEqual(['Kept', 'Kept']);
        expect(await store.readStream(`${category}-doomed`)).toEqual([]);
      });
    });

    describe('9. checkpoints', () => {
      it('redelivers from the stored checkpoint after a consumer dies before storing its own', async () => {
        const category = uniqueCategory('checkpoint');
        const subscriptionId = `${category}-projection`;
        await store.append(`${category}-1`, numberedEvents(5), 'no_stream');
        const firstRun: number[] = [];
        const first = store.subscribe({
          subscriptionId,
          start: { fromCheckpoint: true },
          filter: { categories: [category] },
          handler: async (event) => {
            firstRun.push((event.data as { n: number }).n);
            if (firstRun.length === 2)
              await store.storeCheckpoint(subscriptionId, event.metadata.globalPosition, undefined);
          },
        });
        await first.caughtUp;
        await first.stop();
        expect(firstRun).toEqual([1, 2, 3, 4, 5]);

        const secondRun: number[] = [];
        const second = store.subscribe({
          subscriptionId,
          start: { fromCheckpoint: true },
          filter: { categories: [category] },
          storeCheckpoints: true,
          handler: (event) => void secondRun.push((event.data as { n: number }).n),
        });
        await second.caughtUp;
        await second.stop();
        expect(secondRun).toEqual([3, 4, 5]);
        const all = await store.readStream(`${category}-1`);
        expect(await store.readCheckpoint(subscriptionId)).toBe(second.position);
        expect(second.position).toBeGreaterThanOrEqual((all[4] as RecordedEvent).metadata.globalPosition);
      });

      it('refuses a stale instance that writes from an older read', async () => {
        const subscriptionId = `${uniqueCategory('checkpoint')}-projection`;
        expect(await store.readCheckpoint(subscriptionId)).toBeUndefined();
        await store.storeCheckpoint(subscriptionId, 10n, undefined);
        await expect(store.storeCheckpoint(subscriptionId, 5n, undefined)).rejects.toBeInstanceOf(
          CheckpointConflictError,
        );
        await store.storeCheckpoint(subscriptionId, 20n, 10n);
        const stale = store.storeCheckpoint(subscriptionId, 15n, 10n);
        await expect(stale).rejects.toBeInstanceOf(CheckpointConflictError);
        await expect(stale).rejects.toMatchObject({ expected: 10n, actual: 20n });
        expect(await store.readCheckpoint(subscriptionId)).toBe(20n);
      });
    });

    describe('10. filtered subscriptions', () => {
      it('advance over a long stretch of non-matching events and signal caught-up', async () => {
        const category = uniqueCategory('sparse');
        for (let round = 0; round < 12; round += 1) {
          await store.append(`${category}-noise${round}`, numberedEvents(1000, 'Noise'), 'no_stream');
        }
        const lastNoise = (await store.readStream(`${category}-noise11`, { direction: 'backwards', maxCount: 1 }))[0];
        const received: RecordedEvent[] = [];
        let caughtUpAt: bigint | undefined;
        const subscription = store.subscribe({
          filter: { categories: [category], eventTypes: ['Signal'] },
          batchSize: 100,
          handler: (event) => void received.push(event),
          onCaughtUp: (position) => (caughtUpAt = position),
        });
        await subscription.caughtUp;
        expect(received).toEqual([]);
        expect(caughtUpAt).toBeGreaterThanOrEqual(lastNoise?.metadata.globalPosition ?? 0n);

        await store.append(`${category}-signal`, [newEvent('Signal', {})], 'no_stream');
        await waitFor(() => received.length === 1, 10_000, 'the live Signal event');
        await subscription.stop();
      }, 60_000);
    });

    describe('subscriptions', () => {
      it('catch up on stored events, then deliver live ones in order', async () => {
        const category = uniqueCategory('live');
        await store.append(`${category}-1`, numberedEvents(3), 'no_stream');
        const received: number[] = [];
        const subscription = store.subscribe({
          filter: { categories: [category] },
          handler: (event) => void received.push((event.data as { n: number }).n),
        });
        await subscription.caughtUp;
        expect(received).toEqual([1, 2, 3]);
        await store.append(
          `${category}-1`,
          numberedEvents(2).map((event, index) => ({ ...event, data: { n: 4 + index } })),
          3,
        );
        await waitFor(() => received.length === 5, 10_000, 'live events');
        await subscription.stop();
        expect(received).toEqual([1, 2, 3, 4, 5]);
      });

      it('end with the handler error, without delivering later events', async () => {
        const category = uniqueCategory('failing');
        await store.append(`${category}-1`, numberedEvents(3), 'no_stream');
        const received: number[] = [];
        const subscription = store.subscribe({
          filter: { categories: [category] },
          handler: (event) => {
            const n = (event.data as { n: number }).n;
            if (n === 2) throw new Error('projection failed on 2');
            received.push(n);
          },
        });
        await expect(subscription.closed).rejects.toThrow('projection failed on 2');
        expect(received).toEqual([1]);
      });

      it('hand over whole pages to a batch handler, with how far each page scanned past filtered events', async () => {
        const category = uniqueCategory('batches');
        const noise = uniqueCategory('batchnoise');
        await store.append(`${category}-1`, numberedEvents(5), 'no_stream');
        await store.append(`${noise}-1`, numberedEvents(3, 'Noise'), 'no_stream');
        const pages: Array<{ numbers: number[]; scannedTo: bigint }> = [];
        const subscription = store.subscribe({
          filter: { categories: [category] },
          batchSize: 2,
          batchHandler: (events, scannedTo) => {
            pages.push({ numbers: events.map((event) => (event.data as { n: number }).n), scannedTo });
            return Promise.resolve();
          },
        });
        await subscription.caughtUp;
        const delivered = pages.flatMap((page) => page.numbers);
        expect(delivered).toEqual([1, 2, 3, 4, 5]);
        expect(pages.every((page) => page.numbers.length <= 2)).toBe(true);
        const scanned = pages.map((page) => page.scannedTo);
        expect([...scanned].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(scanned);
        const lastNoise = (await store.readStream(`${noise}-1`, { direction: 'backwards', maxCount: 1 }))[0];
        expect(subscription.position).toBeGreaterThanOrEqual(lastNoise?.metadata.globalPosition ?? 0n);
        await subscription.stop();
      });

      it('take a handler or a batch handler, not both and not neither', () => {
        expect(() => store.subscribe({})).toThrow(/either a handler or a batchHandler/);
        expect(() => store.subscribe({ handler: () => undefined, batchHandler: () => Promise.resolve() })).toThrow(
          /either a handler or a batchHandler/,
        );
      });

      it('need a subscription id to use checkpoints', () => {
        expect(() => store.subscribe({ storeCheckpoints: true, handler: () => undefined })).toThrow(
          /subscriptionId is required/,
        );
      });
    });

    describe('bad input', () => {
      const cyclic: Record<string, unknown> = { name: 'loop' };
      cyclic.self = cyclic;
      const cases: Array<[string, () => Promise<unknown>, EventStoreErrorCode, RegExp]> = [
        [
          'an empty stream id',
          () => store.append('', [newEvent('A', {})], 'any'),
          EventStoreErrorCode.InvalidStreamId,
          /non-empty/,
        ],
        [
          'a stream id with spaces',
          () => store.append('lead 1', [newEvent('A', {})], 'any'),
          EventStoreErrorCode.InvalidStreamId,
          /may hold only/,
        ],
        [
          'a stream id that is too long',
          () => store.append(`s-${'x'.repeat(300)}`, [newEvent('A', {})], 'any'),
          EventStoreErrorCode.InvalidStreamId,
          /at most 256/,
        ],
        [
          'an empty batch',
          () => store.append('bad-1', [], 'any'),
          EventStoreErrorCode.EmptyBatch,
          /at least one event/,
        ],
        [
          'a function in the data',
          () => store.append('bad-1', [newEvent('A', { f: () => 1 })], 'any'),
          EventStoreErrorCode.NotSerializable,
          /events\[0\]\.data\.f is a function/,
        ],
        [
          'a bigint in the data',
          () => store.append('bad-1', [newEvent('A', { amount: 10n })], 'any'),
          EventStoreErrorCode.NotSerializable,
          /data\.amount is a bigint/,
        ],
        [
          'a cycle in the data',
          () => store.append('bad-1', [newEvent('A', cyclic)], 'any'),
          EventStoreErrorCode.NotSerializable,
          /refers back/,
        ],
        [
          'NaN in the data',
          () => store.append('bad-1', [newEvent('A', { score: Number.NaN })], 'any'),
          EventStoreErrorCode.NotSerializable,
          /NaN/,
        ],
        [
          'a Map in the data',
          () => store.append('bad-1', [newEvent('A', { m: new Map() })], 'any'),
          EventStoreErrorCode.NotSerializable,
          /is a Map/,
        ],
        [
          'an oversize payload',
          () => store.append('bad-1', [newEvent('A', { blob: 'x'.repeat(1024 * 1024) })], 'any'),
          EventStoreErrorCode.PayloadTooLarge,
          /at most 1048576/,
        ],
        [
          'a negative expected version',
          () => store.append('bad-1', [newEvent('A', {})], -1),
          EventStoreErrorCode.InvalidExpectedVersion,
          /non-negative integer/,
        ],
        [
          'a fractional expected version',
          () => store.append('bad-1', [newEvent('A', {})], 1.5),
          EventStoreErrorCode.InvalidExpectedVersion,
          /non-negative integer/,
        ],
        [
          'an event id that is not a UUID',
          () => store.append('bad-1', [newEvent('A', {}, 'not-a-uuid')], 'any'),
          EventStoreErrorCode.InvalidEvent,
          /eventId must be a UUID/,
        ],
        [
          'a missing occurredAt',
          () => store.append('bad-1', [{ ...newEvent('A', {}), metadata: {} as never }], 'any'),
          EventStoreErrorCode.InvalidEvent,
          /occurredAt/,
        ],
        [
          'an event type with spaces',
          () => store.append('bad-1', [newEvent('Lead Captured', {})], 'any'),
          EventStoreErrorCode.InvalidEvent,
          /type must be/,
        ],
        [
          'the same event id twice in one batch',
          () => {
            const e = newEvent('A', {});
            return store.append('bad-1', [e, { ...e }], 'any');
          },
          EventStoreErrorCode.InvalidEvent,
          /repeats/,
        ],
      ];

      it.each(cases)('refuses %s with a typed error and writes nothing', async (_label, act, code, message) => {
        const marker = await store.append(`${uniqueCategory('marker')}-1`, [newEvent('Marker', {})], 'no_stream');
        await expect(act()).rejects.toMatchObject({ code, message: expect.stringMatching(message) as unknown });
        await expect(act()).rejects.toBeInstanceOf(InvalidAppendError);
        expect(await store.readStream('bad-1')).toEqual([]);
        expect((await store.readAll({ after: marker.lastPosition })).events).toEqual([]);
      });

      it('refuses invalid read options', async () => {
        await expect(store.readStream('ok-1', { maxCount: 0 })).rejects.toMatchObject({
          code: EventStoreErrorCode.InvalidReadOptions,
        });
        await expect(store.readAll({ after: -1n })).rejects.toMatchObject({
          code: EventStoreErrorCode.InvalidReadOptions,
        });
        await expect(store.readStream('bad id')).rejects.toMatchObject({ code: EventStoreErrorCode.InvalidStreamId });
      });
    });
  });
}
