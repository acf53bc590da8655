import type { EntityManager } from 'typeorm';

/** One advisory lock over the live tables: live batches share it, a rebuild's swap takes it alone. */
const lockKey = "hashtext('salesos.reporting.read-models')";

const isPostgres = (tx: EntityManager): boolean => tx.connection.options.type === 'postgres';

/**
 * Taken first in every live batch's transaction, in every replica. SQLite needs none: its one connection runs one
 * transaction at a time.
 */
export async function shareLiveTables(tx: EntityManager): Promise<void> {
  if (isPostgres(tx)) await tx.query(`SELECT pg_advisory_xact_lock_shared(${lockKey})`);
}

/** Waits for the live batches in flight, and holds new ones back until the transaction ends. */
export async function lockLiveTables(tx: EntityManager): Promise<void> {
  if (isPostgres(tx)) await tx.query(`SELECT pg_advisory_xact_lock(${lockKey})`);
}
