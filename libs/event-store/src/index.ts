export * from './event';
export * from './event-store.port';
export * from './event-store.errors';
export * from './append-validation';
export { checkExpectedVersion } from './expected-version';
export { MemoryEventStore, type MemoryEventStoreOptions } from './memory/memory-event-store';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export {
  PostgresEventStore,
  type PostgresConnectOptions,
  type PostgresEventStoreOptions,
  storeCheckpointWith,
} from './postgres/postgres-event-store';
export { eventStoreMigrations } from './postgres/postgres-schema.migration';
export { EventStoreDbEventStore, type EventStoreDbEventStoreOptions } from './eventstoredb/eventstoredb-event-store';
