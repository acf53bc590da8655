import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@salesos/event-store/testing';
import { openLeadsDatabase } from '../../leads-database';
import { importUploadsContract } from './import-uploads.contract';
import { SqlImportUploads } from './sql-import-uploads';

jest.setTimeout(30_000);

importUploadsContract('SQL on PostgreSQL', async () => {
  const test = await createTestDatabase('import_uploads');
  const database = await openLeadsDatabase({ kind: 'postgres', url: test.url });
  return {
    uploads: new SqlImportUploads(database),
    close: async () => {
      await database.destroy();
      await test.drop();
    },
  };
});

importUploadsContract('SQL on a SQLite file', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'salesos-uploads-'));
  const database = await openLeadsDatabase({ kind: 'sqlite', filename: join(folder, 'leads.db') });
  return {
    uploads: new SqlImportUploads(database),
    close: async () => {
      await database.destroy();
      rmSync(folder, { recursive: true, force: true });
    },
  };
});
