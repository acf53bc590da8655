import type { DataSource } from 'typeorm';
import { messagingMigrations } from '@salesos/messaging';
import { openReadModelsDatabase, type ReadModelsDatabase, type SqliteConnection } from '@salesos/projections';
import { readModelEntities, readModelMigrations } from './read-models';

/** Where the read models live: PostgreSQL in production, a SQLite file embedded (`:memory:` in tests). */
export type ReportingDatabase = ReadModelsDatabase;

/** Opens the database and brings its tables up to date; the same entities and queries serve both engines. */
export function openReportingDatabase(database: ReportingDatabase): Promise<DataSource> {
  return openReadModelsDatabase(database, {
    entities: readModelEntities,
    migrations: [...messagingMigrations, ...readModelMigrations],
    migrationsTableName: 'reporting_migrations',
    prepareSqlite: registerMedian,
  });
}

/** SQLite has no median; the reports ask for one as PostgreSQL's continuous percentile gives it. */
function registerMedian(db: SqliteConnection): void {
  db.aggregate('median', {
    start: () => [],
    step: (values, value) => {
      if (typeof value === 'number') values.push(value);
      return values;
    },
    result: (values) => {
      if (values.length === 0) return null;
      const sorted = values.sort((a, b) => a - b);
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1
        ? (sorted[middle] as number)
        : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
    },
  });
}
