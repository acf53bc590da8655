import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** Where tests find PostgreSQL; each test file gets a database of its own on this server. */
export const testPostgresAdminUrl =
  process.env.SALESOS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `salesos_${label}_${randomUUID().replace(/-/g, '').slice(0, 12)}`.toLowerCase();
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(testPostgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testPostgresAdminUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${testPostgresAdminUrl} (${(error as Error).message}). ` +
        'Start it, or point SALESOS_TEST_DATABASE_URL at a server whose user may create databases.',
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
