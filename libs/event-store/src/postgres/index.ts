export {
  PostgresEventStore,
  type PostgresConnectOptions,
  type PostgresEventStoreOptions,
  storeCheckpointWith,
} from './postgres-event-store';
export { eventStoreMigrations } from './postgres-schema.migration';
export { runMigrationsExclusively } from './exclusive-migrations';
