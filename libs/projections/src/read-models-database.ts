import { DataSource, type MigrationInterface } from 'typeorm';
import { runMigrationsExclusively } from '@salesos/event-store/postgres';

/** Where a service's read models live: PostgreSQL in production, a SQLite file embedded (`:memory:` in tests). */
export type ReadModelsDatabase = { kind: 'sqlite'; filename: string } | { kind: 'postgres'; url: string };

/** The SQLite connection's own hooks, for engines' differences a service needs to smooth over (an aggregate, say). */
export interface SqliteConnection {
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

export interface ReadModelsOptions {
  migrations: ReadonlyArray<new () => MigrationInterface>;
  /** The table recording which migrations ran: one per service, so services may share a database. */
  migrationsTableName: string;
  /** TypeORM entities, for services that read through repositories. */
  entities?: ReadonlyArray<new () => unknown>;
  prepareSqlite?: (db: SqliteConnection) => void;
  poolSize?: number;
}

/**
 * Opens a service's read-models database and brings its tables up to date. On PostgreSQL the migrations run under
 * the platform's migrations lock, so replicas and services starting together on an empty database take turns instead
 * of colliding; on SQLite, transactions wait for each other on its one connection.
 */
export async function openReadModelsDatabase(
  database: ReadModelsDatabase,
  options: ReadModelsOptions,
): Promise<DataSource> {
  const common = {
    entities: [...(options.entities ?? [])],
    migrations: [...options.migrations],
    migrationsTableName: options.migrationsTableName,
    migrationsTransactionMode: 'each' as const,
    logging: false,
  };
  const dataSource =
    database.kind === 'postgres'
      ? new DataSource({ ...common, type: 'postgres', url: database.url, extra: { max: options.poolSize ?? 10 } })
      : new DataSource({
          ...common,
          type: 'better-sqlite3',
          database: database.filename,
          // Read models can be rebuilt from the events: a lost last transaction costs nothing.
          prepareDatabase: (db: SqliteConnection) => {
            db.pragma('journal_mode = WAL');
            db.pragma('synchronous = NORMAL');
            options.prepareSqlite?.(db);
          },
        });
  await dataSource.initialize();
  try {
    // One lock for every service's migrations in a database, the event store's included: services sharing a
    // database and starting together on it take turns.
    await runMigrationsExclusively(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  if (database.kind === 'sqlite') serializeTransactions(dataSource);
  return dataSource;
}

/**
 * SQLite runs on one connection, where a second transaction cannot start while one is open: transactions there wait
 * for each other; PostgreSQL gives each its own connection.
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
