export * from './event-store.contract';
export * from './contract-fixtures';
export * from './postgres-test-database';
