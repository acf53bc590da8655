import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore } from '../memory/memory-event-store';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { createTestDatabase, newEvent } from '../testing';
import { openEventStore } from './open-event-store';

describe('openEventStore', () => {
  it('opens the embedded SQLite store, creating its folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'salesos-factory-'));
    try {
      const store = await openEventStore({ kind: 'sqlite', filename: join(folder, 'nested', 'events.db') });
      expect(store).toBeInstanceOf(SqliteEventStore);
      await store.append('lead-1', [newEvent('LeadCaptured', {})], 'no_stream');
      await store.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('opens PostgreSQL and memory stores', async () => {
    const database = await createTestDatabase('factory');
    try {
      const store = await openEventStore({ kind: 'postgres', url: database.url });
      expect(store).toBeInstanceOf(PostgresEventStore);
      await store.close();
    } finally {
      await database.drop();
    }
    expect(await openEventStore({ kind: 'memory' })).toBeInstanceOf(MemoryEventStore);
  });
});
