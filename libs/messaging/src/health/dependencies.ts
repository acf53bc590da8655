import type { EventStore } from '@salesos/event-store';
import type { DataSource } from 'typeorm';
import type { HealthDependency } from './messaging-health';

/** The event store answers when it reads a checkpoint: one lookup by key, on every adapter. */
export function eventStoreDependency(store: EventStore, name = 'event store'): HealthDependency {
  return {
    name,
    check: async () => {
      await store.readCheckpoint('health:readiness');
    },
  };
}

/** A TypeORM database (the read models, an inbox) answers a query that reads nothing. */
export function databaseDependency(dataSource: DataSource, name: string): HealthDependency {
  return {
    name,
    check: async () => {
      await dataSource.query('SELECT 1');
    },
  };
}
