import { type DataSource, MigrationExecutor } from 'typeorm';

/** One lock for every migration of the platform in a database: advisory locks are per database. */
const migrationsLock = 'salesos:migrations';

/**
 * Runs a DataSource's pending migrations while holding a PostgreSQL advisory lock, so processes that start together
 * on an empty database (a first deploy) take turns instead of colliding on the same CREATE statements: the first
 * migrates, the others find the work recorded and do nothing. Lock and migrations share one session, so a pool of
 * one connection suffices, and a process that dies while migrating frees the lock with its session. Other engines
 * run their migrations as they are (SQLite is one process).
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations();
    return;
  }
  const holder = dataSource.createQueryRunner();
  await holder.connect();
  try {
    await holder.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [migrationsLock]);
    try {
      const executor = new MigrationExecutor(dataSource, holder);
      executor.transaction = dataSource.options.migrationsTransactionMode ?? 'all';
      await executor.executePendingMigrations();
    } finally {
      await holder.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [migrationsLock]);
    }
  } finally {
    await holder.release();
  }
}
