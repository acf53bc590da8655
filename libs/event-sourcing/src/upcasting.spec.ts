import { MemoryEventStore, type RecordedEvent } from '@salesos/event-store';
import { Upcaster, withUpcasting } from './upcasting';

const upcaster = new Upcaster({
  LeadCaptured: {
    1: (data) => {
      const { name, ...rest } = data as { name: string };
      return { ...rest, contactName: name };
    },
    2: (data) => ({ ...(data as object), source: 'unknown' }),
  },
});

function stored(schemaVersion: number, data: unknown): RecordedEvent {
  return {
    type: 'LeadCaptured',
    data,
    metadata: {
      eventId: '00000000-0000-4000-8000-000000000001',
      type: 'LeadCaptured',
      schemaVersion,
      streamId: 'lead-1',
      streamVersion: 1,
      globalPosition: 1n,
      occurredAt: '2026-01-01T00:00:00.000Z',
      recordedAt: '2026-01-01T00:00:00.000Z',
    },
  };
}

describe('Upcaster', () => {
  it('reads every old version in the current shape, step by step', () => {
    expect(upcaster.currentVersion('LeadCaptured')).toBe(3);
    expect(upcaster.upcast(stored(1, { name: 'Ada' }))).toMatchObject({
      data: { contactName: 'Ada', source: 'unknown' },
      metadata: { schemaVersion: 3 },
    });
    expect(upcaster.upcast(stored(2, { contactName: 'Ada' })).data).toEqual({ contactName: 'Ada', source: 'unknown' });
    const current = stored(3, { contactName: 'Ada', source: 'web' });
    expect(upcaster.upcast(current)).toBe(current);
  });

  it('leaves types without upcasters at version 1', () => {
    expect(upcaster.currentVersion('LeadQualified')).toBe(1);
  });

  it('refuses an event newer than the code and definitions with gaps', () => {
    expect(() => upcaster.upcast(stored(4, {}))).toThrow(/newer than this code's 3/);
    expect(() => new Upcaster({ X: { 2: (data) => data } })).toThrow(/start at version 1 without gaps/);
  });

  it('wraps a store so reads, pages and subscriptions deliver the current shape', async () => {
    const store = withUpcasting(new MemoryEventStore({ pollIntervalMs: 10 }), upcaster);
    await store.append(
      'lead-1',
      [
        {
          eventId: '00000000-0000-4000-8000-000000000002',
          type: 'LeadCaptured',
          schemaVersion: 1,
          data: { name: 'Ada' },
          metadata: { occurredAt: '2026-01-01T00:00:00.000Z' },
        },
      ],
      'no_stream',
    );
    const expected = { contactName: 'Ada', source: 'unknown' };
    expect((await store.readStream('lead-1'))[0]?.data).toEqual(expected);
    expect((await store.readAll()).events[0]?.data).toEqual(expected);
    const seen: unknown[] = [];
    const subscription = store.subscribe({ handler: (event) => void seen.push(event.data) });
    await subscription.caughtUp;
    await subscription.stop();
    expect(seen).toEqual([expected]);
    await store.close();
  });
});
