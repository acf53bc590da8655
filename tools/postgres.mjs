// Makes sure the PostgreSQL that the integration tests use is reachable, starting the local cluster when it can.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

export const testDatabaseUrl = process.env.SALESOS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable() {
  const client = new Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function startLocalCluster() {
  let versions;
  try {
    versions = readdirSync('/etc/postgresql');
  } catch {
    return false;
  }
  const which = spawnSync('sh', ['-c', 'command -v pg_ctlcluster'], { encoding: 'utf8' });
  if (which.status !== 0 || versions.length === 0) return false;
  for (const version of versions) {
    process.stdout.write(`Starting the local PostgreSQL ${version} cluster with pg_ctlcluster...\n`);
    try {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
    } catch {
      // Already running or not startable: the reachability check below decides.
    }
  }
  return true;
}

export async function ensurePostgres() {
  if (await reachable()) {
    process.stdout.write(`PostgreSQL: reachable at ${testDatabaseUrl}\n`);
    return;
  }
  if (startLocalCluster()) {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      if (await reachable()) {
        process.stdout.write(`PostgreSQL: started, reachable at ${testDatabaseUrl}\n`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  process.stderr.write(
    `\nThe integration tests need PostgreSQL, and none is reachable at ${testDatabaseUrl}.\n` +
      'Start a PostgreSQL server (any version from 13 on) whose user may create databases, or point\n' +
      'SALESOS_TEST_DATABASE_URL at one, for example:\n' +
      '  SALESOS_TEST_DATABASE_URL=postgres://me:secret@localhost:5432/postgres npm test\n',
  );
  process.exit(1);
}
