import { openLeadsDatabase } from '../../leads-database';
import { importUploadsContract } from './import-uploads.contract';
import { MemoryImportUploads } from './memory-import-uploads';
import { SqlImportUploads } from './sql-import-uploads';

importUploadsContract('in memory', () =>
  Promise.resolve({ uploads: new MemoryImportUploads(), close: () => Promise.resolve() }),
);

importUploadsContract('SQL on SQLite in memory', async () => {
  const database = await openLeadsDatabase({ kind: 'sqlite', filename: ':memory:' });
  return { uploads: new SqlImportUploads(database), close: () => database.destroy() };
});
