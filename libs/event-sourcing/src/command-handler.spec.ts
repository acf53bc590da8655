import { type EventStore, MemoryEventStore, WrongExpectedVersionError } from '@salesos/event-store';
import {
  CommandHandler,
  ConcurrencyRetriesExhaustedError,
  ExpectedVersionMismatchError,
  IdempotencyKeyReusedError,
} from './command-handler';
import { MalformedEventError } from './event-codec';
import { Upcaster } from './upcasting';
import { type DealCommand, DealRuleError, dealCommand, dealDecider } from './testing/deal.fixture';

type Open = Extract<DealCommand, { type: 'OpenDeal' }>;
const open = (commandId?: string): Open => dealCommand<Open>('OpenDeal', { dealId: 'd1', amount: 100 }, commandId);

function storeLosingRaces(inner: EventStore, losses: number): EventStore & { appends: number } {
  let lost = 0;
  const wrapper = Object.create(inner) as EventStore & { appends: number };
  wrapper.appends = 0;
  wrapper.append = async (streamId, events, expected) => {
    wrapper.appends += 1;
    if (lost < losses) {
      lost += 1;
      // Another writer gets in first: the stream really moves on.
      await inner.append(
        streamId,
        [
          {
            ...events[0]!,
            eventId: crypto.randomUUID(),
            type: 'DealAmountRevised',
            data: { dealId: 'd1', amount: 100 + lost },
          },
        ],
        'any',
      );
      throw new WrongExpectedVersionError(streamId, expected, lost);
    }
    return inner.append(streamId, events, expected);
  };
  return wrapper;
}

describe('CommandHandler', () => {
  it('loads, decides and appends with metadata from the command', async () => {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, dealDecider);
    const result = await handler.handle('deal-d1', open('open-1'));
    expect(result).toMatchObject({
      version: 1,
      state: { status: 'open', amount: 100 },
      events: [{ type: 'DealOpened' }],
    });
    const [stored] = await store.readStream('deal-d1');
    expect(stored?.metadata).toMatchObject({
      occurredAt: '2026-03-01T10:00:00.000Z',
      commandId: 'open-1',
      correlationId: 'open-1',
      causationId: 'open-1',
      divisionId: 'division-north',
      actor: { userId: 'rep-7', roles: ['rep'] },
      schemaVersion: 1,
    });
  });

  it('appends nothing when a command is repeated, and answers as the first time', async () => {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, dealDecider);
    const first = await handler.handle('deal-d1', open('same-key'));
    await handler.handle('deal-d1', dealCommand('ReviseAmount', { dealId: 'd1', amount: 300 }));
    const repeated = await handler.handle('deal-d1', open('same-key'));
    expect(repeated.version).toBe(first.version);
    expect(repeated.events).toEqual(first.events);
    expect(await store.readStream('deal-d1')).toHaveLength(2);
  });

  describe('a command id repeated for a different request', () => {
    const fingerprinted = (fingerprint?: string, key = 'key-7'): Open => {
      const command = open(key);
      return fingerprint === undefined
        ? command
        : { ...command, metadata: { ...command.metadata, requestFingerprint: fingerprint } };
    };

    it('stores the request fingerprint with the events and answers the same request as the first time', async () => {
      const store = new MemoryEventStore();
      const handler = new CommandHandler(store, dealDecider);
      const first = await handler.handle('deal-d1', fingerprinted('request-a'));
      expect((await store.readStream('deal-d1'))[0]?.metadata.requestFingerprint).toBe('request-a');
      const again = await handler.handle('deal-d1', fingerprinted('request-a'));
      expect(again).toMatchObject({ repeated: true, version: first.version, events: first.events });
    });

    it('refuses another request under the same command id, appending nothing', async () => {
      const store = new MemoryEventStore();
      const handler = new CommandHandler(store, dealDecider);
      await handler.handle('deal-d1', fingerprinted('request-a'));
      await expect(handler.handle('deal-d1', fingerprinted('request-b'))).rejects.toBeInstanceOf(
        IdempotencyKeyReusedError,
      );
      expect(await store.readStream('deal-d1')).toHaveLength(1);
    });

    it('takes a repeat as a retry when either side has no fingerprint (events stored before, commands not over HTTP)', async () => {
      const store = new MemoryEventStore();
      const handler = new CommandHandler(store, dealDecider);
      await handler.handle('deal-d1', fingerprinted());
      expect((await handler.handle('deal-d1', fingerprinted('request-b'))).repeated).toBe(true);
      await handler.handle('deal-d2', { ...fingerprinted('request-a'), data: { dealId: 'd2', amount: 100 } });
      expect(
        (await handler.handle('deal-d2', { ...fingerprinted(), data: { dealId: 'd2', amount: 100 } })).repeated,
      ).toBe(true);
    });
  });

  it('retries from a fresh read when another writer wins, within its bound', async () => {
    const inner = new MemoryEventStore();
    await new CommandHandler(inner, dealDecider).handle('deal-d1', open());
    const store = storeLosingRaces(inner, 2);
    const handler = new CommandHandler(store, dealDecider, { retryDelayMs: () => 0 });
    const result = await handler.handle('deal-d1', dealCommand('WinDeal', { dealId: 'd1' }));
    expect(store.appends).toBe(3);
    expect(result.version).toBe(4);
    expect((await inner.readStream('deal-d1')).map((event) => event.type)).toEqual([
      'DealOpened',
      'DealAmountRevised',
      'DealAmountRevised',
      'DealWon',
    ]);
  });

  it('gives up after its retries with a typed error', async () => {
    const inner = new MemoryEventStore();
    await new CommandHandler(inner, dealDecider).handle('deal-d1', open());
    const handler = new CommandHandler(storeLosingRaces(inner, 10), dealDecider, {
      maxRetries: 2,
      retryDelayMs: () => 0,
    });
    await expect(handler.handle('deal-d1', dealCommand('WinDeal', { dealId: 'd1' }))).rejects.toBeInstanceOf(
      ConcurrencyRetriesExhaustedError,
    );
  });

  it('fails at once, without appending, when the caller expected another version (If-Match)', async () => {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, dealDecider);
    await handler.handle('deal-d1', open());
    const stale = handler.handle('deal-d1', dealCommand('WinDeal', { dealId: 'd1' }), { expectedVersion: 0 });
    await expect(stale).rejects.toBeInstanceOf(ExpectedVersionMismatchError);
    await expect(stale).rejects.toMatchObject({ expected: 0, actual: 1 });
    expect(await store.readStream('deal-d1')).toHaveLength(1);
    await expect(
      handler.handle('deal-d1', dealCommand('WinDeal', { dealId: 'd1' }), { expectedVersion: 1 }),
    ).resolves.toMatchObject({
      version: 2,
    });
  });

  it('lets a rule violation through and appends nothing', async () => {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, dealDecider);
    await expect(handler.handle('deal-d1', dealCommand('WinDeal', { dealId: 'd1' }))).rejects.toBeInstanceOf(
      DealRuleError,
    );
    expect(await store.readStream('deal-d1')).toEqual([]);
  });

  it('refuses, appending nothing, a decision whose events their own schemas refuse', async () => {
    const store = new MemoryEventStore();
    const sloppy = { ...dealDecider, decide: () => [{ type: 'DealOpened', data: { dealId: 'd1', amount: 'a lot' } }] };
    const handler = new CommandHandler(store, sloppy as unknown as typeof dealDecider);
    await expect(handler.handle('deal-d1', open())).rejects.toMatchObject({
      name: 'InvalidEventError',
      problems: [{ path: 'data.amount', message: 'must be number' }],
    });
    expect(await store.readStream('deal-d1')).toEqual([]);
  });

  it('refuses to decide on a stream holding an event its schema refuses, naming it', async () => {
    const store = new MemoryEventStore();
    await store.append(
      'deal-d1',
      [
        {
          eventId: crypto.randomUUID(),
          type: 'DealOpened',
          data: { dealId: 'd1', amount: null },
          metadata: { occurredAt: '2026-03-01T10:00:00.000Z' },
        },
      ],
      'no_stream',
    );
    const handler = new CommandHandler(store, dealDecider);
    await expect(handler.handle('deal-d1', dealCommand('WinDeal', { dealId: 'd1' }))).rejects.toBeInstanceOf(
      MalformedEventError,
    );
  });

  it('returns the current version and no events for a no-op decision', async () => {
    const handler = new CommandHandler(new MemoryEventStore(), dealDecider);
    await handler.handle('deal-d1', open());
    await expect(
      handler.handle('deal-d1', dealCommand('ReviseAmount', { dealId: 'd1', amount: 100 })),
    ).resolves.toMatchObject({
      version: 1,
      events: [],
    });
  });

  it('evolves old payloads through upcasters and writes new events at the current schema version', async () => {
    const store = new MemoryEventStore();
    await store.append(
      'deal-d1',
      [
        {
          eventId: '00000000-0000-4000-8000-0000000000aa',
          type: 'DealOpened',
          schemaVersion: 1,
          data: { dealId: 'd1', value: 40 },
          metadata: { occurredAt: '2025-01-01T00:00:00.000Z' },
        },
      ],
      'no_stream',
    );
    const upcaster = new Upcaster({
      DealOpened: {
        1: (data) => ({ dealId: (data as { dealId: string }).dealId, amount: (data as { value: number }).value }),
      },
    });
    const handler = new CommandHandler(store, dealDecider, { upcaster });
    const result = await handler.handle('deal-d1', dealCommand('ReviseAmount', { dealId: 'd1', amount: 60 }));
    expect(result.state).toEqual({ status: 'open', amount: 60 });
    const revised = (await store.readStream('deal-d1'))[1];
    expect(revised?.metadata.schemaVersion).toBe(1);
    expect((await handler.load('deal-d1')).state).toEqual({ status: 'open', amount: 60 });
  });

  describe('authorisation on the state decided on', () => {
    class OutOfReach extends Error {}
    // The deal's amount stands in for its owner: above 500 it belongs to someone the caller does not reach.
    const authorize = (state: { status: string; amount?: number }): void => {
      if ((state.amount ?? 0) > 500) throw new OutOfReach();
    };
    const win = () => dealCommand('WinDeal', { dealId: 'd1' });

    it('refuses before deciding and appends nothing', async () => {
      const store = new MemoryEventStore();
      const decide = jest.fn(dealDecider.decide);
      const handler = new CommandHandler(store, { ...dealDecider, decide });
      await handler.handle('deal-d1', dealCommand<Open>('OpenDeal', { dealId: 'd1', amount: 900 }));
      decide.mockClear();
      await expect(handler.handle('deal-d1', win(), { authorize })).rejects.toBeInstanceOf(OutOfReach);
      expect(decide).not.toHaveBeenCalled();
      expect(await store.readStream('deal-d1')).toHaveLength(1);
    });

    it('refuses on a held state that is current, without reading the stream first', async () => {
      const store = new MemoryEventStore();
      const handler = new CommandHandler(store, dealDecider, { heldStreams: 10 });
      await handler.handle('deal-d1', dealCommand<Open>('OpenDeal', { dealId: 'd1', amount: 900 }), {
        unique: true,
        newStream: true,
      });
      await expect(handler.handle('deal-d1', win(), { unique: true, authorize })).rejects.toBeInstanceOf(OutOfReach);
      expect(await store.readStream('deal-d1')).toHaveLength(1);
    });

    it('answers a repeat as the first time when the caller could act on the record then, even if not now', async () => {
      const store = new MemoryEventStore();
      const handler = new CommandHandler(store, dealDecider);
      await handler.handle('deal-d1', open());
      type Revise = Extract<DealCommand, { type: 'ReviseAmount' }>;
      const handOver = dealCommand<Revise>('ReviseAmount', { dealId: 'd1', amount: 900 }, 'hand-over-1');
      const first = await handler.handle('deal-d1', handOver, { authorize });
      // The command itself took the deal out of the caller's reach; its retry still gets the first answer.
      const again = await handler.handle('deal-d1', handOver, { authorize });
      expect(again).toMatchObject({ repeated: true, version: first.version, events: first.events });
      expect(await store.readStream('deal-d1')).toHaveLength(2);

      // A caller who could not act on it then gets no answer from it now.
      const never = (): void => {
        throw new OutOfReach();
      };
      await expect(handler.handle('deal-d1', handOver, { authorize: never })).rejects.toBeInstanceOf(OutOfReach);
    });

    it('checks again when the record changed hands between the check and the append', async () => {
      const inner = new MemoryEventStore();
      await new CommandHandler(inner, dealDecider).handle('deal-d1', open());
      let raced = false;
      const store = Object.create(inner) as EventStore;
      store.append = async (streamId, events, expected) => {
        if (!raced) {
          raced = true;
          // Between this command's check and its write, the deal passes to someone out of the caller's reach.
          await inner.append(
            streamId,
            [
              {
                ...events[0]!,
                eventId: crypto.randomUUID(),
                type: 'DealAmountRevised',
                data: { dealId: 'd1', amount: 900 },
              },
            ],
            'any',
          );
          throw new WrongExpectedVersionError(streamId, expected, 2);
        }
        return inner.append(streamId, events, expected);
      };
      const handler = new CommandHandler(store, dealDecider, { retryDelayMs: () => 0 });
      await expect(handler.handle('deal-d1', win(), { authorize })).rejects.toBeInstanceOf(OutOfReach);
      expect((await inner.readStream('deal-d1')).map((event) => event.type)).toEqual([
        'DealOpened',
        'DealAmountRevised',
      ]);
    });

    it('never refuses on a held state alone, and never lets one through that the stream no longer allows', async () => {
      const store = new MemoryEventStore();
      const here = new CommandHandler(store, dealDecider, { heldStreams: 10 });
      const elsewhere = new CommandHandler(store, dealDecider);
      type Revise = Extract<DealCommand, { type: 'ReviseAmount' }>;
      const revise = (amount: number) => dealCommand<Revise>('ReviseAmount', { dealId: 'd1', amount });
      await here.handle('deal-d1', open(), { unique: true, newStream: true });
      await elsewhere.handle('deal-d1', revise(900));
      // Held: 100, within reach; the stream says 900.
      await expect(here.handle('deal-d1', revise(120), { unique: true, authorize })).rejects.toBeInstanceOf(OutOfReach);
      expect(await store.readStream('deal-d1')).toHaveLength(2);

      const d2 = (amount: number) => dealCommand<Revise>('ReviseAmount', { dealId: 'd2', amount });
      await here.handle('deal-d2', dealCommand<Open>('OpenDeal', { dealId: 'd2', amount: 900 }), {
        unique: true,
        newStream: true,
      });
      await elsewhere.handle('deal-d2', d2(200));
      // Held: 900, out of reach; the stream says 200, so the caller may act.
      await expect(here.handle('deal-d2', d2(250), { unique: true, authorize })).resolves.toMatchObject({
        version: 3,
        state: { amount: 250 },
      });
    });
  });

  describe('held state (unique commands)', () => {
    type Revise = Extract<DealCommand, { type: 'ReviseAmount' }>;
    type Win = Extract<DealCommand, { type: 'WinDeal' }>;
    const revise = (amount: number): Revise => dealCommand<Revise>('ReviseAmount', { dealId: 'd1', amount });
    const win = (): Win => dealCommand<Win>('WinDeal', { dealId: 'd1' });
    function countingReads(inner: EventStore): EventStore & { reads: number } {
      const wrapper = Object.create(inner) as EventStore & { reads: number };
      wrapper.reads = 0;
      wrapper.readStream = (streamId, options) => {
        wrapper.reads += 1;
        return inner.readStream(streamId, options);
      };
      return wrapper;
    }

    it('decides a unique command on the state its last command left, without reading the stream', async () => {
      const store = countingReads(new MemoryEventStore());
      const handler = new CommandHandler(store, dealDecider, { heldStreams: 10 });
      await handler.handle('deal-d1', open(), { unique: true, newStream: true });
      await handler.handle('deal-d1', revise(150), { unique: true });
      const result = await handler.handle('deal-d1', revise(175), { unique: true, expectedVersion: 2 });
      expect(store.reads).toBe(0);
      expect(result).toMatchObject({ version: 3, state: { status: 'open', amount: 175 } });
      expect((await store.readStream('deal-d1')).map((event) => event.type)).toEqual([
        'DealOpened',
        'DealAmountRevised',
        'DealAmountRevised',
      ]);
    });

    it('reads the stream for commands that may be repeats, and when nothing is held', async () => {
      const store = countingReads(new MemoryEventStore());
      const handler = new CommandHandler(store, dealDecider, { heldStreams: 10 });
      await handler.handle('deal-d1', open('open-1'));
      await handler.handle('deal-d1', revise(150));
      await new CommandHandler(store, dealDecider, { heldStreams: 10 }).handle('deal-d1', revise(160), {
        unique: true,
      });
      expect(store.reads).toBe(3);
    });

    it('decides again on the stream when another process moved it on, answering as if nothing was held', async () => {
      const store = new MemoryEventStore();
      const here = new CommandHandler(store, dealDecider, { heldStreams: 10 });
      const elsewhere = new CommandHandler(store, dealDecider);
      await here.handle('deal-d1', open(), { unique: true, newStream: true });
      await elsewhere.handle('deal-d1', revise(300));
      const revised = await here.handle('deal-d1', revise(400), { unique: true });
      expect(revised).toMatchObject({ version: 3, state: { amount: 400 } });

      await elsewhere.handle('deal-d1', revise(500));
      // Held: amount 400, so a revision to 500 looks like a no-op here; the stream says otherwise.
      const noOpOnHeld = await here.handle('deal-d1', revise(500), { unique: true });
      expect(noOpOnHeld).toMatchObject({ version: 4, events: [] });

      await elsewhere.handle('deal-d1', win());
      // Held: open, so winning looks allowed here; the stream says it is won already.
      await expect(here.handle('deal-d1', win(), { unique: true })).rejects.toThrow(DealRuleError);
      expect(await store.readStream('deal-d1')).toHaveLength(5);
    });

    it('answers 412 from the stream, not from a held version, when the caller expected another version', async () => {
      const store = new MemoryEventStore();
      const here = new CommandHandler(store, dealDecider, { heldStreams: 10 });
      await here.handle('deal-d1', open(), { unique: true, newStream: true });
      await new CommandHandler(store, dealDecider).handle('deal-d1', revise(300));
      await expect(here.handle('deal-d1', revise(400), { unique: true, expectedVersion: 1 })).rejects.toThrow(
        ExpectedVersionMismatchError,
      );
      const current = await here.handle('deal-d1', revise(400), { unique: true, expectedVersion: 2 });
      expect(current).toMatchObject({ version: 3 });
    });

    it('holds at most the configured number of streams, dropping the least recently used', async () => {
      const store = countingReads(new MemoryEventStore());
      const handler = new CommandHandler(store, dealDecider, { heldStreams: 2 });
      for (const id of ['a', 'b', 'c']) {
        await handler.handle(`deal-${id}`, dealCommand<Open>('OpenDeal', { dealId: id, amount: 1 }), {
          unique: true,
          newStream: true,
        });
      }
      const reviseOf = (id: string) => dealCommand<Revise>('ReviseAmount', { dealId: id, amount: 2 });
      await handler.handle('deal-c', reviseOf('c'), { unique: true });
      expect(store.reads).toBe(0);
      await handler.handle('deal-a', reviseOf('a'), { unique: true });
      expect(store.reads).toBe(1);
    });
  });
});
