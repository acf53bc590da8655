import { MemoryEventStore } from '@salesos/event-store';
import { DataSource } from 'typeorm';
import { projectionStateMigrations } from './projection-state.migration';
import { projectorContract } from './testing/projector.contract';

projectorContract('SQLite in memory', async () => {
  const store = new MemoryEventStore({ pollIntervalMs: 10 });
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: ':memory:',
    migrations: projectionStateMigrations,
    migrationsRun: true,
  });
  await dataSource.initialize();
  return {
    store,
    dataSource,
    param: () => '?',
    close: async () => {
      await store.close();
      await dataSource.destroy();
    },
  };
});
