export * from './event';
export * from './event-store.port';
export * from './event-store.errors';
export * from './append-validation';
export { checkExpectedVersion } from './expected-version';
export { MemoryEventStore, type MemoryEventStoreOptions } from './memory/memory-event-store';
