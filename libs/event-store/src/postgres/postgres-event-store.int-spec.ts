import type { NewEvent } from '../event';
import { prepareAppend } from '../append-validation';
import { createTestDatabase, describeEventStoreContract, type HeldAppend, newEvent } from '../testing';
import { type AppendRow, buildAppendQuery, interpretAppendRow, PostgresEventStore } from './postgres-event-store';

describeEventStoreContract('postgres', async () => {
  const database = await createTestDatabase('es_contract');
  const store = await PostgresEventStore.connect({ url: database.url, pollIntervalMs: 20 });

  /** A real open transaction that has appended through the same function the adapter calls. */
  async function holdOpenAppend(streamId: string, events: NewEvent[]): Promise<HeldAppend> {
    const client = await store.pool.connect();
    await client.query('BEGIN');
    const { rows } = await client.query<AppendRow>(
      buildAppendQuery(streamId, prepareAppend(streamId, events, 'any'), 'any'),
    );
    interpretAppendRow(rows[0] as AppendRow, streamId, 'any');
    const finish = async (statement: 'COMMIT' | 'ROLLBACK'): Promise<void> => {
      try {
        await client.query(statement);
      } finally {
        client.release();
      }
    };
    return { commit: () => finish('COMMIT'), rollback: () => finish('ROLLBACK') };
  }

  return {
    store,
    holdOpenAppend,
    teardown: async () => {
      await store.close();
      await database.drop();
    },
  };
});

describe('PostgresEventStore migrations', () => {
  it('runs its migrations once and reopens an existing store', async () => {
    const database = await createTestDatabase('es_migrate');
    try {
      const first = await PostgresEventStore.connect({ url: database.url });
      await first.append('lead-1', [newEvent('LeadCaptured', { company: 'Acme' })], 'no_stream');
      await first.close();
      const second = await PostgresEventStore.connect({ url: database.url });
      expect((await second.readStream('lead-1')).map((event) => event.type)).toEqual(['LeadCaptured']);
      const { rows } = await second.pool.query<{ count: string }>('SELECT count(*) FROM event_store_migrations');
      expect(rows[0]?.count).toBe('1');
      await second.close();
    } finally {
      await database.drop();
    }
  });
});

describe('PostgresEventStore.countEvents', () => {
  it('counts visible events after a position, by filter, up to a cap', async () => {
    const database = await createTestDatabase('es_count');
    try {
      const store = await PostgresEventStore.connect({ url: database.url });
      const first = await store.append(
        'lead-1',
        [newEvent('LeadCaptured', {}), newEvent('LeadQualified', {})],
        'no_stream',
      );
      await store.append('deal-1', [newEvent('DealOpened', {})], 'no_stream');
      expect(await store.countEvents({ cap: 100 })).toBe(3);
      expect(await store.countEvents({ cap: 2 })).toBe(2);
      expect(await store.countEvents({ filter: { categories: ['lead'] }, cap: 100 })).toBe(2);
      expect(await store.countEvents({ filter: { eventTypes: ['DealOpened'] }, cap: 100 })).toBe(1);
      expect(await store.countEvents({ after: first.lastPosition, cap: 100 })).toBe(1);
      await store.close();
    } finally {
      await database.drop();
    }
  });
});
