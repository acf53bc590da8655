import { openReadModelsDatabase, projectionStateMigrations, type ReadModelsDatabase } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { OrganisationTables } from './organisation';
import { PeopleTables } from './people';
import { TrainingTables } from './training';

/** Every table of the staffing service's own database: each feature's views, and where the projector has got to. */
export const staffingMigrations = [...projectionStateMigrations, OrganisationTables, PeopleTables, TrainingTables];

/** Opens the staffing service's database (PostgreSQL, or a SQLite file; `:memory:` in tests) and brings it up to date. */
export function openStaffingDatabase(database: ReadModelsDatabase): Promise<DataSource> {
  return openReadModelsDatabase(database, {
    migrations: staffingMigrations,
    migrationsTableName: 'staffing_migrations',
  });
}
