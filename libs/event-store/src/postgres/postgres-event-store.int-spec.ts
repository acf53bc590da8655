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
      expect(rows[0]?.count).toBe('2');
      await second.close();
    } finally {
      await database.drop();
    }
  });
});

describe('PostgresEventStore.appendStreams', () => {
  it('stores several streams in one transaction, in consecutive positions, each at its version', async () => {
    const database = await createTestDatabase('es_streams');
    const store = await PostgresEventStore.connect({ url: database.url });
    try {
      await store.append('lead-2', [newEvent('LeadCaptured', { n: 0 })], 'no_stream');
      const results = await store.appendStreams([
        {
          streamId: 'lead-3',
          events: [newEvent('LeadCaptured', { n: 1 }), newEvent('LeadQualified', {})],
          expected: 'no_stream',
        },
        { streamId: 'lead-2', events: [newEvent('LeadQualified', { n: 2 })], expected: 1 },
        { streamId: 'opportunity-1', events: [newEvent('OpportunityOpened', { n: 3 })], expected: 'no_stream' },
      ]);
      expect(results.map((result) => result.nextExpectedVersion)).toEqual([2, 2, 1]);
      const all = (await store.readAll({ maxCount: 100 })).events;
      expect(all.map((event) => [event.metadata.streamId, event.metadata.streamVersion])).toEqual([
        ['lead-2', 1],
        ['lead-2', 2],
        ['lead-3', 1],
        ['lead-3', 2],
        ['opportunity-1', 1],
      ]);
      const positions = all.slice(1).map((event) => event.metadata.globalPosition);
      expect(positions.map((position) => position - (positions[0] as bigint))).toEqual([0n, 1n, 2n, 3n]);
      expect(results[0]?.lastPosition).toBe(all[3]?.metadata.globalPosition);
      expect((await store.readStream('lead-3')).map((event) => event.type)).toEqual(['LeadCaptured', 'LeadQualified']);
    } finally {
      await store.close();
      await database.drop();
    }
  });

  it('writes nothing when one stream is not at its expected version, and names that stream', async () => {
    const database = await createTestDatabase('es_streams_conflict');
    const store = await PostgresEventStore.connect({ url: database.url });
    try {
      await store.append('lead-9', [newEvent('LeadCaptured', {})], 'no_stream');
      await expect(
        store.appendStreams([
          { streamId: 'lead-8', events: [newEvent('LeadCaptured', {})], expected: 'no_stream' },
          { streamId: 'lead-9', events: [newEvent('LeadCaptured', {})], expected: 'no_stream' },
        ]),
      ).rejects.toMatchObject({ name: 'WrongExpectedVersionError', streamId: 'lead-9', actual: 1 });
      expect(await store.readStream('lead-8')).toEqual([]);
      expect((await store.readAll({ maxCount: 10 })).events).toHaveLength(1);
    } finally {
      await store.close();
      await database.drop();
    }
  });

  it('commits without waiting for the disk when asked to (bulk seeding)', async () => {
    const database = await createTestDatabase('es_bulk');
    const store = await PostgresEventStore.connect({ url: database.url, synchronousCommit: false });
    try {
      const { rows } = await store.pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
      expect(rows[0]?.synchronous_commit).toBe('off');
    } finally {
      await store.close();
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
