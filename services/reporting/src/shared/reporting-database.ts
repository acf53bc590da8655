import { DataSource } from 'typeorm';
import { messagingMigrations } from '@salesos/messaging';
import { liveTables, type ReadModelTables, rebuildTables } from './read-model-tables';
import { CreateReportingTables1764300000000 } from './reporting-tables.migration';

/** Where the read models live: PostgreSQL in production, a SQLite file embedded (`:memory:` in tests). */
export type ReportingDatabase = { kind: 'sqlite'; filename: string } | { kind: 'postgres'; url: string };

const tableList = (tables: ReadModelTables) => [tables.opportunity, tables.history, tables.transition, tables.lead];

export const reportingEntities = [...tableList(liveTables), ...tableList(rebuildTables)];

/** Opens the database and brings its tables up to date; the same entities and queries serve both engines. */
export async function openReportingDatabase(database: ReportingDatabase): Promise<DataSource> {
  const common = {
    entities: reportingEntities,
    migrations: [...messagingMigrations, CreateReportingTables1764300000000] as Array<new () => unknown>,
    migrationsRun: true,
    migrationsTableName: 'reporting_migrations',
    logging: false,
  };
  const dataSource =
    database.kind === 'postgres'
      ? new DataSource({ ...common, type: 'postgres', url: database.url, extra: { max: 10 } })
      : new DataSource({
          ...common,
          type: 'better-sqlite3',
          database: database.filename,
          // The read models can be rebuilt from the events: a lost last transaction costs nothing.
          prepareDatabase: (db: { pragma(statement: string): unknown }) => {
            db.pragma('journal_mode = WAL');
            db.pragma('synchronous = NORMAL');
          },
        });
  return dataSource.initialize();
}
