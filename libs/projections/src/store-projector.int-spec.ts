import { PostgresEventStore } from '@salesos/event-store/postgres';
import { createTestDatabase } from '@salesos/event-store/testing';
import { DataSource } from 'typeorm';
import { projectionStateMigrations } from './projection-state.migration';
import { projectorContract } from './testing/projector.contract';

projectorContract('PostgreSQL', async () => {
  const database = await createTestDatabase('projector');
  const store = await PostgresEventStore.connect({ url: database.url, pollIntervalMs: 20 });
  const dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    migrations: projectionStateMigrations,
    migrationsRun: true,
  });
  await dataSource.initialize();
  return {
    store,
    dataSource,
    param: (index) => `$${index}`,
    close: async () => {
      await store.close();
      await dataSource.destroy();
      await database.drop();
    },
  };
});
