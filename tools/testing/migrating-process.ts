/**
 * A process that opens every PostgreSQL database the platform owns, as a service does at start: the event store
 * (its schema) and the reporting read models (their tables and the messaging inbox). It loads everything first, says
 * `loaded`, and opens them once it reads a line on stdin, so a test can start several at the same instant.
 */
import { createInterface } from 'node:readline';
import { PostgresEventStore } from '@salesos/event-store/postgres';
import { openReportingDatabase } from '../../services/reporting/src';

async function main(): Promise<void> {
  const url = process.env.MIGRATE_DATABASE_URL;
  if (url === undefined) throw new Error('MIGRATE_DATABASE_URL is required');
  process.stdout.write('loaded\n');
  const lines = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => lines.once('line', () => resolve()));
  lines.close();
  const store = await PostgresEventStore.connect({ url, poolSize: 1 });
  const readModels = await openReportingDatabase({ kind: 'postgres', url });
  await store.close();
  await readModels.destroy();
  process.stdout.write('migrated\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
