import { DataSource } from 'typeorm';
import { messagingMigrations } from '@salesos/messaging';
import { runMigrationsExclusively } from '@salesos/event-store/postgres';
import { readModelEntities, readModelMigrations } from './read-models';

/** Where the read models live: PostgreSQL in production, a SQLite file embedded (`:memory:` in tests). */
export type ReportingDatabase = { kind: 'sqlite'; filename: string } | { kind: 'postgres'; url: string };

/** Opens the database and brings its tables up to date; the same entities and queries serve both engines. */
export async function openReportingDatabase(database: ReportingDatabase): Promise<DataSource> {
  const common = {
    entities: readModelEntities,
    migrations: [...messagingMigrations, ...readModelMigrations] as Array<new () => unknown>,
    migrationsTableName: 'reporting_migrations',
    logging: false,
  };
  const dataSource =
    database.kind === 'postgres'
      ? new DataSource({ ...common, type: 'postgres', url: database.url, extra: { max: 10 } })
      : new DataSource({
          ...common,
          type: 'better-sqlite3',
          database: database.filename,
          // The read models can be rebuilt from the events: a lost last transaction costs nothing.
          prepareDatabase: (db: SqliteConnection) => {
            db.pragma('journal_mode = WAL');
            db.pragma('synchronous = NORMAL');
            registerMedian(db);
          },
        });
  await dataSource.initialize();
  try {
    // Under a lock on PostgreSQL: reporting replicas starting together on an empty database take turns.
    await runMigrationsExclusively(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  if (database.kind === 'sqlite') serializeTransactions(dataSource);
  return dataSource;
}

interface SqliteConnection {
  pragma(statement: string): unknown;
  aggregate(
    name: string,
    options: {
      start: () => number[];
      step: (values: number[], value: unknown) => number[];
      result: (values: number[]) => number | null;
    },
  ): unknown;
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

/**
 * SQLite runs on one connection, where a second transaction cannot start while one is open: the live consumer and a
 * rebuild would collide. Transactions there wait for each other; PostgreSQL gives each its own connection.
 */
function serializeTransactions(dataSource: DataSource): void {
  const transaction = dataSource.transaction.bind(dataSource) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  dataSource.transaction = (...args: unknown[]) => {
    const run = tail.then(() => transaction(...args));
    tail = run.catch(() => undefined);
    return run;
  };
}
