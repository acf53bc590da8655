import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventStoreConfig } from '@salesos/config';
import type { EventStore } from '../event-store.port';
import { MemoryEventStore } from '../memory/memory-event-store';

export interface OpenOptions {
  /**
   * Bulk writes that can be redone (seeding): SQLite then syncs at checkpoints rather than at every commit, which
   * still survives a process crash but not a power loss; PostgreSQL commits without waiting for the disk
   * (`synchronous_commit=off`: a server crash may lose the last moments of commits, never consistency).
   */
  bulk?: boolean;
}

/** Opens the adapter the configuration names; drivers of the other adapters are not even loaded. */
export async function openEventStore(config: EventStoreConfig, options: OpenOptions = {}): Promise<EventStore> {
  switch (config.kind) {
    case 'memory':
      return new MemoryEventStore();
    case 'sqlite': {
      mkdirSync(dirname(config.filename), { recursive: true });
      const { SqliteEventStore } = await import('../sqlite/sqlite-event-store');
      return new SqliteEventStore({
        filename: config.filename,
        synchronous: options.bulk === true ? 'NORMAL' : 'FULL',
      });
    }
    case 'postgres': {
      const { PostgresEventStore } = await import('../postgres/postgres-event-store');
      return PostgresEventStore.connect({
        url: config.url,
        ...(options.bulk === true ? { synchronousCommit: false } : {}),
      });
    }
    case 'eventstoredb': {
      const { EventStoreDbEventStore } = await import('../eventstoredb/eventstoredb-event-store');
      return EventStoreDbEventStore.connect({ connectionString: config.connectionString });
    }
  }
}
