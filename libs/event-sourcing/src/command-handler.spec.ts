import { type EventStore, MemoryEventStore, WrongExpectedVersionError } from '@salesos/event-store';
import { CommandHandler, ConcurrencyRetriesExhaustedError, ExpectedVersionMismatchError } from './command-handler';
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
});
