import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract, newEvent } from '../testing';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('sqlite', () => {
  const folder = mkdtempSync(join(tmpdir(), 'salesos-sqlite-contract-'));
  const store = new SqliteEventStore({
    filename: join(folder, 'events.db'),
    synchronous: 'NORMAL',
    pollIntervalMs: 20,
  });
  return Promise.resolve({
    store,
    teardown: async () => {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  });
});

describe('SqliteEventStore durability', () => {
  it('keeps events, versions and checkpoints in its file across reopening', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'salesos-sqlite-durable-'));
    const filename = join(folder, 'events.db');
    try {
      const first = new SqliteEventStore({ filename });
      const written = await first.append('lead-1', [newEvent('LeadCaptured', { company: 'Acme' })], 'no_stream');
      await first.storeCheckpoint('reporting', written.lastPosition, undefined);
      await first.close();

      const reopened = new SqliteEventStore({ filename });
      const events = await reopened.readStream('lead-1');
      expect(events.map((event) => event.data)).toEqual([{ company: 'Acme' }]);
      expect(await reopened.readCheckpoint('reporting')).toBe(written.lastPosition);
      await expect(reopened.append('lead-1', [newEvent('LeadQualified', {})], 1)).resolves.toMatchObject({
        nextExpectedVersion: 2,
      });
      await reopened.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('SqliteEventStore.countEvents', () => {
  it('counts events after a position, by filter, up to a cap', async () => {
    const store = new SqliteEventStore({ filename: ':memory:' });
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
  });
});
