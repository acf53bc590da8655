import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@salesos/event-store/testing';

jest.setTimeout(120_000);

const root = join(__dirname, '..');

interface Migrating {
  child: ChildProcess;
  loaded: Promise<void>;
  exited: Promise<{ code: number | null; output: string }>;
}

/** A process that opens the platform's databases on `url` once told to. */
function migratingProcess(url: string): Migrating {
  const child = spawn(
    process.execPath,
    ['-r', join(root, 'tools', 'register.cjs'), join(root, 'tools', 'testing', 'migrating-process.ts')],
    { cwd: root, env: { ...process.env, MIGRATE_DATABASE_URL: url }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
  const loaded = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('loaded')) resolve();
    });
    void exited.then(() => reject(new Error(`exited before it loaded: ${output}`)));
  });
  loaded.catch(() => undefined);
  return { child, loaded, exited };
}

describe('the platform databases on a first deploy', () => {
  const databases: TestDatabase[] = [];

  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it('are migrated once when processes start on one empty database at the same instant, and each of them starts', async () => {
    for (let round = 1; round <= 3; round += 1) {
      const database = await createTestDatabase('first_deploy');
      databases.push(database);
      const processes = [1, 2, 3].map(() => migratingProcess(database.url));
      await Promise.all(processes.map((each) => each.loaded));
      for (const each of processes) each.child.stdin?.end('go\n');
      const outcomes = await Promise.all(processes.map((each) => each.exited));
      expect({ round, outcomes }).toEqual({
        round,
        outcomes: processes.map(() => ({ code: 0, output: expect.stringContaining('migrated') as string })),
      });

      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        const migrations = await client.query<{ source: string; name: string; runs: string }>(
          `SELECT 'event_store' AS source, name, count(*) AS runs FROM event_store_migrations GROUP BY name
           UNION ALL SELECT 'reporting', name, count(*) FROM reporting_migrations GROUP BY name ORDER BY 1, 2`,
        );
        expect(migrations.rows.length).toBeGreaterThanOrEqual(4);
        expect(migrations.rows.filter((row) => row.runs !== '1')).toEqual([]);
        const tables = await client.query<{ name: string }>(
          `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
            WHERE table_name IN ('events', 'checkpoints', 'messaging_inbox', 'rpt_opportunity', 'rpt_lead') ORDER BY 1`,
        );
        expect(tables.rows.map((row) => row.name)).toEqual([
          'event_store.checkpoints',
          'event_store.events',
          'public.messaging_inbox',
          'public.rpt_lead',
          'public.rpt_opportunity',
        ]);
      } finally {
        await client.end();
      }
    }
  });
});
