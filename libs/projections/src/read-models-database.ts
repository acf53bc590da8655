import { DataSource, type MigrationInterface } from 'typeorm';

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
 * an advisory lock named after the service's migrations table, so replicas starting together on an empty database
 * take turns instead of colliding; on SQLite, transactions wait for each other on its one connection.
 */
export async function openReadModelsDatabase(
  database: ReadModelsDatabase,
  options: ReadModelsOptions,
): Promise<DataSource> {
  const common = {
    entities: [...(options.entities ?? [])],
    migrations: [...options.migrations],
    migrationsTableName: options.migrationsTableName,
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
  if (database.kind === 'postgres') await migrateUnderLock(dataSource, options.migrationsTableName);
  else {
    await dataSource.runMigrations({ transaction: 'each' });
    serializeTransactions(dataSource);
  }
  return dataSource;
}

async function migrateUnderLock(dataSource: DataSource, name: string): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`salesos:migrations:${name}`]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`salesos:migrations:${name}`]);
    }
  } finally {
    await runner.release();
  }
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
